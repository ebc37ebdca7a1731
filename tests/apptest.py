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


PAGE_ROLES = {"unggah": "uploader"}  # the role open_app signs in with by default, per page


def sign_in(at, role: str, name: str | None = None) -> str:
    """Sign ``at``'s session in as the account ``name`` (default ``<role>-uji``, made with
    ``role`` in the store ``IKM_DATA_DIR`` names, without a password): a server-side session
    whose token the session keeps, as a sign-in at /masuk leaves it (the sign-in form itself
    is tested in tests/test_access_pages.py). Returns the account's name."""
    from ikm_data.accounts import Accounts
    from ikm_data.settings import data_dir
    from ikm_data.signin import Sessions
    from ikm_data.ui.signin import TOKEN_KEY

    name = name or f"{role}-uji"
    accounts = Accounts(data_dir())
    if accounts.get(name) is None:
        accounts.add(name, role, None)
    at.session_state[TOKEN_KEY] = Sessions(data_dir(), accounts).start(name)
    return name


def open_app(page: str = "ringkasan", lang: str = "id", *, role: str | None = "auto", **state):
    """An AppTest of app.py in ``lang`` switched to ``pages/<page>.py``; ``state`` goes into
    the session first. The store is the one ``IKM_DATA_DIR`` names. ``role``: signed in
    with that role first (``sign_in``); by default the role the page's controls need
    (``PAGE_ROLES``: an uploader on Unggah Data), None for a visitor."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    role = PAGE_ROLES.get(page) if role == "auto" else role
    if role:
        sign_in(at, role)
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
