"""Names from files shown inside Markdown exactly as written."""

from ikm_data.markup import escape


def test_markdown_active_characters_are_escaped():
    assert escape("data_ikm_*tahap*_4.csv") == r"data\_ikm\_\*tahap\*\_4.csv"
    assert escape("[klik](http://x) ![g](y) :red[merah] :material/home: $x$ <b>") == (
        r"\[klik\](http\:" "\u2060" r"//x) \!\[g\](y) \:red\[merah\] \:material/home\: \$x\$ \<b\>")


def test_plain_names_are_left_alone():
    assert escape("tahap4.xlsx") == "tahap4.xlsx"
    assert escape("UD Sinar Rinjani (Lotim)") == "UD Sinar Rinjani (Lotim)"


def test_bare_addresses_cannot_become_links():
    """GFM links a bare https://, www. or e-mail address after escapes are resolved: an
    invisible joiner (U+2060) breaks each, and the text reads as written without it."""
    import re

    name = "[Login ulang di sini](https://evil.example/login) WWW.evil.example x@evil.example"
    shown = escape(name)
    gfm_url = re.compile(r"(https?://|www(?=\.))", re.IGNORECASE)  # the patterns of GFM's transform
    gfm_mail = re.compile(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+")
    unescaped = re.sub(r"\\(.)", r"\1", shown)  # what the Markdown text node holds
    assert not gfm_url.search(unescaped) and not gfm_mail.search(unescaped)
    assert unescaped.replace("\u2060", "") == name
