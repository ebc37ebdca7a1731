"""The dashboard's stylesheet: Indonesian texts over Streamlit's English widget texts (with
the server's real upload limit), only in the Indonesian UI, and the DOM hooks it relies on
still present in the installed Streamlit."""

import re
from pathlib import Path

import pytest
import streamlit

from ikm_data.ui import style as page_style
from ikm_data.i18n import CATALOGUE

STATIC_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"


def test_indonesian_ui_draws_indonesian_texts_over_the_widgets():
    css = page_style.css("id", 200)
    for text in ("Unggah berkas", "Maks. 200 MB per berkas", "Lepaskan berkas di sini",
                 "Pilih semua yang cocok", "Tidak ada hasil"):
        assert f'content: "{text}"' in css
    assert css.count("font-size: 0 !important") == len(page_style.widget_texts("id", 200))


def test_english_ui_keeps_streamlits_own_texts():
    css = page_style.css("en", 200)
    assert "content:" not in css and "font-size: 0" not in css
    assert "word-break: normal" in css  # the phone title rule is there in both languages


def test_upload_limit_follows_the_setting_in_id_format():
    assert 'content: "Maks. 1.024 MB per berkas"' in page_style.css("id", 1024)


def test_css_strings_cannot_break_out_of_the_rule_or_the_style_element():
    quoted = page_style.css_string('a "b" \\ </style><script>')
    assert quoted.startswith('"') and quoted.endswith('"')
    assert "</style" not in quoted.lower() and "<" not in quoted
    assert re.fullmatch(r'"(?:[^"\\]|\\.)*"', quoted)  # every inner quote escaped


def test_every_widget_text_comes_from_the_catalogue():
    keys = {key for _, key in page_style._WIDGET_TEXTS}
    assert keys <= set(CATALOGUE) and len(keys) == 6


@pytest.mark.parametrize("hook", [
    "stFileUploaderDropzoneInstructions", "stFileUploaderDropzone", "__select_all__",
    "__select_matches__", "No results", "Drag and drop a file here", "per file",
])
def test_the_dom_hooks_exist_in_the_installed_streamlit(hook):
    """A Streamlit upgrade that renames them must fail here, not silently show English."""
    assert any(hook in p.read_text(errors="ignore") for p in STATIC_JS.glob("*.js"))


def test_every_page_carries_the_stylesheet_with_the_servers_limit(app):
    from streamlit import config

    old = config.get_option("server.maxUploadSize")
    config.set_option("server.maxUploadSize", 50)
    try:
        at = app("unggah", "id")
    finally:
        config.set_option("server.maxUploadSize", old)
    bodies = [h.proto.body for h in at.get("html")]
    assert any('content: "Maks. 50 MB per berkas"' in b for b in bodies), bodies
    at_en = app("ringkasan", "en")
    assert not any("content:" in h.proto.body for h in at_en.get("html"))
