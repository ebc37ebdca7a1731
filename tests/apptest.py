"""AppTest helpers the page tests share (as ``tests/browser.py`` is for the browser tests):
open the real app.py at a page in a language, find widgets and tables, click, upload a file.

Every helper that runs the script asserts that it raised no exception, so a test reads as
what an official does on the page."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DATA = Path(__file__).resolve().parent / "data"
MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "parquet": "application/octet-stream", "xls": "application/vnd.ms-excel",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "xlsb": "application/vnd.ms-excel.sheet.binary.macroEnabled.12"}


def ok(at):
    """``at`` after asserting its last run raised nothing."""
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_app(page: str = "ringkasan", lang: str = "id", **state):
    """An AppTest of app.py in ``lang`` switched to ``pages/<page>.py``; ``state`` goes into
    the session first. The store is the one ``IKM_DATA_DIR`` names."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page != "ringkasan":
        at.switch_page(f"pages/{page}.py").run()
    return ok(at)


def widget(at, kind: str, key: str):
    """The widget of element type ``kind`` (``"selectbox"``, ``"button"``...) with ``key``."""
    return next(w for w in at.get(kind) if w.key == key)


def button(at, key: str):
    return next(b for b in at.button if b.key == key)


def click(at, key: str):
    """Click the button ``key`` and run the page."""
    button(at, key).click().run()
    return ok(at)


def values(at, kind: str) -> list:
    """The values of every element of ``kind`` (``"error"``, ``"caption"``...)."""
    return [e.value for e in getattr(at, kind)]


def page_text(at) -> str:
    """All text of markdown-like elements on the page (the sample badge is markdown)."""
    return "\n".join(str(e.value) for kind in ("markdown", "caption", "info", "warning", "success")
                     for e in getattr(at, kind))


def table_with(at, column: str):
    """The first dataframe on the page that has ``column``."""
    for df in at.dataframe:
        if column in df.value.columns:
            return df.value
    raise AssertionError(f"no table with {column!r}")


def upload(at, name: str, content: bytes | None = None):
    """Put a file into Unggah Data's uploader (``tests/data/<name>`` unless ``content``)."""
    content = (DATA / name).read_bytes() if content is None else content
    at.file_uploader(key="unggah_file").set_value((name, content, MIME.get(name.rsplit(".", 1)[-1], "text/plain")))
    at.run()
    return ok(at)
