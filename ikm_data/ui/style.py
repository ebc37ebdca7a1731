"""The dashboard's own stylesheet, added to every page: a phone-sized title that never breaks
inside a word, and, in the Indonesian UI, Indonesian texts drawn over the English ones that
Streamlit's file uploader and multiselect write themselves (Streamlit has no API to
translate them: the English text is hidden and the catalogue's text shown in its place).
The fixed rules are stylesheets beside this module (``page.css``, ``present.css``), read once
(``asset``)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from ikm_data import house
from ikm_data.formatting import fmt_int
from ikm_data.i18n import t

# Streamlit 1.67's DOM: where each of its own English texts sits -> catalogue key.
_WIDGET_TEXTS = (
    ('[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p',
     "widgets.uploader.button"),
    ('[data-testid="stFileUploaderDropzoneInstructions"] > div > span', "widgets.uploader.limit"),
    ('[data-testid="stFileUploaderDropzone"] > input + div > span', "widgets.uploader.drop"),
    ('[role="option"][data-key="__select_all__"] [data-item-hl]', "widgets.select.all"),
    ('[role="option"][data-key="__select_matches__"] [data-item-hl]', "widgets.select.matches"),
    ('[role="listbox"][data-empty="true"] > [role="option"] > span', "widgets.select.none"),
)


@cache
def asset(name: str) -> str:
    """The text of ``name`` (a stylesheet or script shipped in this package), read once per
    process: it cannot change while the server runs."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def stylesheet(name: str) -> str:
    """The rules of the stylesheet ``<name>.css`` shipped in this package (read once), after
    the house colours as CSS custom properties (``house.CSS_VARIABLES``) that it uses."""
    colours = " ".join(f"{k}: {v};" for k, v in house.CSS_VARIABLES.items())
    return f":root {{ {colours} }}\n{asset(f'{name}.css')}"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string (for ``content:``), safe inside a <style> element."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return '"' + out.replace("<", "\\3C ").replace(">", "\\3E ") + '"'


def widget_texts(lang: str, max_upload_mb: int) -> dict[str, str]:
    """CSS selector -> the text shown there in ``lang`` (the upload limit is the server's
    real ``server.maxUploadSize``)."""
    return {sel: t(key, lang, **({"mb": fmt_int(max_upload_mb)} if key == "widgets.uploader.limit" else {}))
            for sel, key in _WIDGET_TEXTS}


def css(lang: str, max_upload_mb: int) -> str:
    """The <style> element for every page in ``lang``. In English Streamlit's own texts stay;
    in Indonesian each is hidden (font-size 0) and the catalogue's text drawn after it."""
    rules = ["\n" + stylesheet("page")]
    if lang != "en":
        for sel, text in widget_texts(lang, max_upload_mb).items():
            rules.append(f"{sel} {{ font-size: 0 !important; }}\n"
                         f"{sel}::after {{ content: {css_string(text)}; font-size: 0.875rem; }}")
    return "<style>" + "\n".join(rules) + "</style>"
