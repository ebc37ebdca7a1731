"""Serving the dashboard: the server itself (``python -m ikm_data serve``) and each run of
the chosen page, with a named error shown in its place."""

from __future__ import annotations

import uuid

from ikm_data import settings
from ikm_data.errors import IkmError, StoreDamaged
from ikm_data.ui.signin import SIGN_IN_PATH, allowed, sign_in_prompt
from ikm_data.ui.upload import damage_panel
from ikm_data.ui.widgets import show_ikm_error


def run(navigation) -> None:
    """Run the chosen page (``app.py``); a named error it raises is shown in its place,
    a damaged store as the panel that says what is wrong and how to recover. Anything else
    is a bug: its traceback goes to the server log only (NIK and phone numbers it may quote
    masked, ``privacy.scrub_text``) and the official reads a friendly message in both
    languages (``client.showErrorDetails = "none"`` keeps Streamlit's own details out of
    the browser too). With ``IKM_RAISE_BUGS=1`` (the tests) the bug is raised as well, so
    a test sees it. Where sign-in is required to view (IKM_REQUIRE_SIGN_IN), a visitor gets
    the sign-in prompt instead of any page but /masuk."""
    if not allowed("view") and navigation.url_path != SIGN_IN_PATH:
        sign_in_prompt(navigation.url_path)
        return
    try:
        navigation.run()
    except StoreDamaged as err:
        damage_panel(err)
    except IkmError as err:
        show_ikm_error(err)
    except Exception as err:  # noqa: BLE001 - every other failure is a bug, told kindly
        import traceback

        import streamlit as st
        from streamlit.logger import get_logger

        from ikm_data import privacy
        from ikm_data.i18n import t

        incident = uuid.uuid4().hex[:8]
        get_logger("ikm_data").error("Bug %s on a page:\n%s", incident,
                                     privacy.scrub_text(traceback.format_exc()))
        st.error(f"**{t('privacy.bug.title', 'id')}** — {t('privacy.bug.text', 'id', incident=incident)}\n\n"
                 f"*{t('privacy.bug.title', 'en')}* — {t('privacy.bug.text', 'en', incident=incident)}",
                 icon=":material/sentiment_dissatisfied:")
        if settings.setting("IKM_RAISE_BUGS") in ("1", "true", "yes"):
            raise err


def _reap_jobs() -> None:
    """Jobs this host's dead processes left running (a restart, a crash) are marked failed
    before the first page shows them (``jobs.Jobs.reap``; pages also do so at each look)."""
    from ikm_data.jobs import Jobs

    root = settings.data_dir()
    if (root / "jobs").exists():
        Jobs(root).reap()


def serve(options: list[str]) -> int:
    """Start the dashboard server (``streamlit run app.py`` plus ``options``).

    ``app.py`` declares an ``st.App`` (the sign-in cookie's routes), so ``streamlit run``
    serves it through uvicorn; options such as ``--server.port`` work as before.

    Streamlit treats an app with a ``pages/`` folder as a legacy multipage app until
    app.py's ``st.navigation`` has run once, so the very first visitor of a fresh server who
    follows a link such as ``/wilayah-ntb`` would see a false "Page not found". The pages
    are declared in app.py, so the legacy mode is switched off before the server starts.
    """
    import sys

    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli as streamlit_cli

    PagesManager.uses_pages_directory = False
    _reap_jobs()
    sys.argv = ["streamlit", "run", str(settings.PROJECT_ROOT / "app.py"), *options]
    try:
        streamlit_cli.main()
    except SystemExit as done:
        return int(done.code or 0)
    return 0
