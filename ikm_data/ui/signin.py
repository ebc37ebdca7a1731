"""Who is signed in, for each run of a page: the session kept in this Streamlit session
(a sign-in on /masuk) or the browser's signed cookie (``st.context.cookies``), checked on
the server at every run (``ikm_data.signin``); with IKM_SIGN_IN=oidc, Streamlit's own
``st.user``. The sign-in form, sign-out, and the guards pages call (``allowed``)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import streamlit as st

from ikm_data import access, audit, settings
from ikm_data.accounts import Accounts
from ikm_data.i18n import t
from ikm_data.signin import COOKIE, XSRF_COOKIE, Sessions, browser_key
from ikm_data.ui.session import flash, lang, tr

TOKEN_KEY = "_ikm_token"  # this Streamlit session's own sign-in (the token of a server-side session)
SIGN_IN_PATH = "masuk"  # the sign-in page's URL; its file is named otherwise (see app.py's docstring)
SIGN_IN_PAGE = "pages/akun.py"
SIGNED_OUT = "keluar"  # /masuk?keluar=1: where sign-out lands
SESSION_ROUTE = "/_ikm/sesi"
SIGN_OUT_ROUTE = "/_ikm/keluar"


@dataclass(frozen=True)
class Who:
    """The signed-in official: account name, role, and how they signed in."""

    user: str
    role: str
    via: str = "web"  # or "oidc"


PAGE_ACTIONS = {"pages/audit.py": "audit"}  # pages left out of the navigation for roles below


def permitted(path: str) -> bool:
    """Whether the page at ``path`` belongs in this official's navigation."""
    action = PAGE_ACTIONS.get(path)
    return action is None or allowed(action)


def _root():
    return settings.data_dir()


def _sessions() -> Sessions:
    return Sessions(_root())


def oidc_mode() -> bool:
    """Whether sign-in goes through Streamlit's OIDC (``IKM_SIGN_IN=oidc``)."""
    return settings.setting("IKM_SIGN_IN").strip().lower() == "oidc"


def oidc_role(email: str | None, accounts: Accounts) -> str:
    """The role of an official signed in through OIDC: the account whose name is their
    e-mail address (enabled), else viewer."""
    account = accounts.get(email) if email else None
    return account.role if account is not None and not account.disabled else "viewer"


def current() -> Who | None:
    """The official signed in for this run, None for a visitor. A session that ended
    (signed out elsewhere, idle, expired, account disabled) is dropped with a note."""
    if oidc_mode():
        return _oidc_current()
    token = st.session_state.get(TOKEN_KEY)
    if token:
        live = _checked("token", token)
        if live is not None:
            return live
        del st.session_state[TOKEN_KEY]
        flash("info", tr("access.ended"))
    cookie = _cookie()
    return _checked("cookie", cookie) if cookie else None


def _cookie() -> str | None:
    """The browser's session cookie, as the page's websocket request brought it."""
    value = st.context.cookies.get(COOKIE)
    return value if isinstance(value, str) else None


def _checked(kind: str, value: str) -> Who | None:
    """The server-side check of a session token or a cookie value."""
    sessions = _sessions()
    live = sessions.check(value) if kind == "token" else sessions.from_cookie(value)
    return Who(live.user, live.role) if live is not None else None


def _oidc_current() -> Who | None:
    try:
        user = st.user
        if not user.is_logged_in:
            return None
        email = str(user.get("email") or "")
    except Exception:  # noqa: BLE001 - no [auth] configuration: nobody is signed in
        return None
    return Who(email, oidc_role(email, Accounts(_root())), via="oidc")


def role() -> str | None:
    """The role of this run (None: a visitor)."""
    who = current()
    return who.role if who else None


def allowed(action: str) -> bool:
    """Whether the official of this run may do ``action`` (``access.PERMISSIONS``)."""
    return access.can(role(), action)


def user_name() -> str:
    """The signed-in account's name: the author of what this session changes. Raises
    PermissionError when nobody is signed in (a page must check ``allowed`` first)."""
    who = current()
    if who is None:
        raise PermissionError("nobody is signed in")
    return who.user


def log(event: str, **fields) -> None:
    """``event`` in the audit log, by the signed-in official (``-`` for a visitor)."""
    who = current()
    audit.record(_root(), event, who.user if who else "-", via="web", **fields)


def log_versions(event: str, metas) -> None:
    """``event`` once per history entry of ``metas``, by the signed-in official."""
    who = current()
    audit.record_versions(_root(), event, who.user if who else "-", metas, via="web")


def download_logger():
    """A function ``logged(make, what=, file=, phase=)`` giving ``st.download_button`` its
    ``data``: a callable that writes ``export`` to the audit log and then makes the file
    (``make``: bytes, or a callable returning them). The official is the one of this run
    (checked once here): the callable runs outside the page's run, when the file is asked for."""
    who = current()
    root, user = _root(), who.user if who else "-"

    def logged(make, *, what: str, file: str, phase: int | None = None):
        def data():
            audit.record(root, "export", user, what=what, file=file, format=file.rsplit(".", 1)[-1], phase=phase,
                         via="web")
            return make() if callable(make) else make
        return data

    return logged


def audit_events() -> list[dict]:
    """Every event of the audit log (for the admin's page)."""
    return audit.read(_root())


def _safe_target(target: str | None) -> str:
    """A same-site path to return to after sign-in/out (``/`` for anything else)."""
    target = (target or "/").strip()
    if not target.startswith("/") or target.startswith("//") or "\\" in target or any(ord(c) < 32 for c in target):
        return "/"
    return target


def _redirect(url: str) -> None:
    """Send the browser to ``url`` the way ``st.login`` does (the frontend follows it)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None:
        msg = ForwardMsg()
        msg.auth_redirect.url = url
        ctx.enqueue(msg)


def _base() -> str:
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def signed_out_note() -> None:
    """On /masuk after a sign-out (``?keluar=1``): say so."""
    if st.query_params.get(SIGNED_OUT):
        st.success(tr("access.signed_out"), icon=":material/logout:")


def sign_in_form() -> None:
    """The /masuk form (or the OIDC button): on success the session is kept here and the
    browser is sent to trade a one-time code for its cookie, then to the page it came from
    (``?ke=``)."""
    if oidc_mode():
        _oidc_button()
        return
    accounts = Accounts(_root())
    if not accounts.list():
        st.info(tr("access.no_accounts"))
    with st.form("masuk_form", clear_on_submit=True):
        name = st.text_input(tr("access.name"), key="masuk_name", max_chars=64, autocomplete="username")
        password = st.text_input(tr("access.password"), type="password", key="masuk_password", max_chars=256,
                                 autocomplete="current-password")
        pressed = st.form_submit_button(tr("access.button"), type="primary", icon=":material/login:")
    if pressed:
        _attempt(accounts, name, password)


def _attempt(accounts: Accounts, name: str, password: str) -> None:
    attempt = accounts.sign_in(name, password)
    shown_name = name.strip().lower()[:64]
    if attempt.outcome != "ok":
        audit.record(_root(), "locked" if attempt.just_locked else "sign_in_failed", shown_name, via="web")
        minutes = settings.setting("IKM_LOCKOUT_MINUTES")
        st.error(tr("access.locked", minutes=minutes) if attempt.outcome == "locked" else tr("access.wrong"),
                 icon=":material/lock:")
        return
    sessions = _sessions()
    token = sessions.start(attempt.account.name)
    st.session_state[TOKEN_KEY] = token
    audit.record(_root(), "sign_in", attempt.account.name, role=attempt.account.role, via="web")
    target = _safe_target(st.query_params.get("ke"))
    xsrf = st.context.cookies.get(XSRF_COOKIE)
    code = sessions.issue_code(token, browser=browser_key(xsrf if isinstance(xsrf, str) else None))
    _redirect(f"{_base()}{SESSION_ROUTE}?kode={quote(code)}&ke={quote(target)}")
    # no st.rerun() here: a new run clears the messages not yet sent, the redirect among them
    st.success(tr("access.signing_in", user=_escape(attempt.account.name)), icon=":material/check_circle:")


def _oidc_button() -> None:
    from streamlit.auth_util import is_authlib_installed

    why = None if is_authlib_installed() else tr("access.oidc.no_authlib")
    if why is None:
        try:
            has_auth = "auth" in st.secrets
        except Exception:  # noqa: BLE001 - no secrets.toml at all
            has_auth = False
        why = None if has_auth else tr("access.oidc.no_config")
    if why:
        st.warning(tr("access.oidc.missing", why=why))
        return
    if st.button(tr("access.oidc.button"), type="primary", key="masuk_oidc", icon=":material/login:"):
        st.login()


def sign_out() -> None:
    """End this official's session (and the cookie's), log it, and send the browser to
    clear the cookie and open /masuk, which says they have signed out."""
    who = current()
    sessions = _sessions()
    token, cookie = st.session_state.pop(TOKEN_KEY, None), _cookie()
    sessions.end(token)
    sessions.end(sessions.token_from_cookie(cookie))
    if who is not None:
        audit.record(_root(), "sign_out", who.user, via=who.via)
    flash("success", tr("access.signed_out"))  # for this session, where no browser follows the redirect
    if who is not None and who.via == "oidc":
        st.logout()
        return
    _redirect(f"{_base()}{SIGN_OUT_ROUTE}?ke={quote(f'{_base()}/{SIGN_IN_PATH}?{SIGNED_OUT}=1')}")


def sidebar_account(current_path: str) -> None:
    """The sidebar's account line: who is signed in and the sign-out button, or the
    link to /masuk that brings the official back here."""
    who, current_lang = current(), lang()
    if who is None:
        if current_path == f"/{SIGN_IN_PATH}":
            return  # the sign-in page itself
        st.page_link(SIGN_IN_PAGE, label=tr("access.sidebar.sign_in"), icon=":material/login:",
                     query_params={"ke": current_path} if current_path != "/" else None)
        return
    st.markdown(t("access.sidebar.user", current_lang, user=_escape(who.user),
                  role=t(f"access.role.{who.role}", current_lang)))
    if st.button(tr("access.sign_out"), key="keluar", icon=":material/logout:"):
        sign_out()  # the browser is sent to /masuk; no st.rerun(), which would drop that message


def _escape(text: str) -> str:
    from ikm_data.markup import escape

    return escape(text)


def sign_in_prompt(url_path: str) -> None:
    """What a visitor sees instead of a page when sign-in is required to view."""
    st.title("Dasbor IKM NTB")
    st.info(tr("access.required"), icon=":material/lock:")
    st.page_link(SIGN_IN_PAGE, label=tr("access.goto"), icon=":material/login:",
                 query_params={"ke": f"/{url_path}"} if url_path else None)
