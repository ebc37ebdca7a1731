"""Names from files shown inside Markdown exactly as written."""

from ikm_data.markup import escape


def test_markdown_active_characters_are_escaped():
    assert escape("data_ikm_*tahap*_4.csv") == r"data\_ikm\_\*tahap\*\_4.csv"
    assert escape("[klik](http://x) ![g](y) :red[merah] :material/home: $x$ <b>") == (
        r"\[klik\](http\://x) \!\[g\](y) \:red\[merah\] \:material/home\: \$x\$ \<b\>")


def test_plain_names_are_left_alone():
    assert escape("tahap4.xlsx") == "tahap4.xlsx"
    assert escape("UD Sinar Rinjani (Lotim)") == "UD Sinar Rinjani (Lotim)"
