"""Long work on the pages (``ikm_data.jobs``, ``ikm_data.background``): the signed-in
official's commits on Unggah Data — going on, or how they ended, also after leaving the page
or closing the tab — and a deck being built on Presentasi. A line redrawn every second
(``st.fragment(run_every=...)``) follows a running job; when it ends, the whole page runs
again and shows the result once."""

from __future__ import annotations

import datetime as _dt
import time

import streamlit as st

from ikm_data import background
from ikm_data.formatting import fmt_datetime
from ikm_data.i18n import t
from ikm_data.jobs import ACTIVE, Jobs, error_of
from ikm_data.markup import escape
from ikm_data.ui.data import clear_caches, dataset, store
from ikm_data.ui.session import lang
from ikm_data.ui.signin import current as current_official
from ikm_data.ui.signin import user_name
from ikm_data.ui.widgets import show_ikm_error

POLL_SECONDS = 1.0  # how often a running job's line is redrawn
_DECK_BYTES = "_jobs_deck_bytes"  # this session's copy of the last deck file it offered


def _jobs() -> Jobs:
    return Jobs(store().root)


def _elapsed(job: dict, current: str) -> str:
    started = _dt.datetime.fromisoformat(job["started"])
    seconds = int((_dt.datetime.now(_dt.timezone.utc) - started).total_seconds())
    return t("worker.elapsed", current, seconds=max(0, seconds), limit=int(job.get("limit") or 0))


def _import_words(job: dict, current: str) -> dict:
    return {"file": escape(job["file"]), "phases": ", ".join(str(p) for p in job["phases"]) or "–",
            "at": fmt_datetime(job["finished"] or job["started"], current)}


@st.fragment(run_every=POLL_SECONDS)
def _import_progress(job_id: str) -> None:
    job, current = _jobs().get(job_id), lang()
    if job is None or job["state"] not in ACTIVE:
        st.rerun()  # it ended: the whole page shows the result (and the new data)
    words = _import_words(job, current)
    st.info(t(f"jobs.import.{job['state']}", current, elapsed=_elapsed(job, current), **words),
            icon=":material/hourglass_top:")


def upload_jobs_panel() -> None:
    """Unggah Data: the signed-in official's commits that are still running (a line that
    follows each) and those that ended since they last looked (shown once): the versions
    saved, or why nothing was."""
    current, registry = lang(), _jobs()
    for job in reversed(registry.list(kind="import", who=user_name())):
        if job["state"] in ACTIVE:
            with st.container(key=f"job_{job['id']}"):
                _import_progress(job["id"])
        elif not job["seen"]:
            _ended_import(job, current)
            registry.mark_seen(job)


def _ended_import(job: dict, current: str) -> None:
    words, result = _import_words(job, current), job["result"]
    with st.container(key=f"job_{job['id']}"):
        if job["state"] == "failed":
            err = error_of(job["error"])
            st.error(t("jobs.import.failed", current, **words), icon=":material/error:")
            show_ikm_error(err)
            if getattr(getattr(err, "report", None), "errors", None):
                from ikm_data import upload_tables

                st.dataframe(upload_tables.issues_frame(err.report.errors, current), hide_index=True,
                             key=f"job_refused_{job['id']}")
            return
        clear_caches()  # committed in another session or process: this one's cached results are old
        if result.get("noop"):
            st.info(t("unggah.commit.noop", current, phase=result.get("phase"), version=result.get("version")))
        elif result.get("recovered"):
            st.success(t("jobs.import.recovered", current, **{**words, "versions": ", ".join(result["versions"])}),
                       icon=":material/check_circle:")
        else:
            st.success(t("unggah.commit.done", current, versions=", ".join(result.get("versions") or [])),
                       icon=":material/check_circle:")


def follow_import(job: dict) -> None:
    """Right after "Simpan": follow the commit in this run (a line counting the seconds), then
    run the page again to show how it ended. Each look is a point where Streamlit stops this
    script when the official leaves: the commit itself goes on (``background``)."""
    registry, current, line = _jobs(), lang(), st.empty()
    while (now := registry.get(job["id"])) is not None and now["state"] in ACTIVE:
        line.caption(f":material/hourglass_top: {t('unggah.commit.progress', current)} {_elapsed(now, current)}")
        time.sleep(0.2)
    st.rerun()


# -- the deck (Presentasi) -------------------------------------------------------------
@st.fragment(run_every=POLL_SECONDS / 2)
def _deck_progress(job_id: str) -> None:
    job = _jobs().get(job_id)
    if job is None or job["state"] not in ACTIVE:
        st.rerun()
    st.progress(min(1.0, float(job["progress"])), text=job["step"] or t("deck.progress.start", lang()))
    st.caption(t("jobs.deck.running", lang()))


def deck_file(f, fmt: str) -> bytes | None:
    """Presentasi: the deck of ``f`` as ``fmt`` once built, else None after drawing its
    button (which starts the build apart from the page), its progress, or why it failed.
    The build goes on when the official leaves; coming back (any session) finds it."""
    current, root, ds = lang(), store().root, dataset()
    job = background.deck_job(root, ds, f, fmt, current)
    if job is not None and job["state"] == "done":
        cached = st.session_state.get(_DECK_BYTES)
        if cached and cached[0] == job["id"]:
            return cached[1]
        try:
            data = _jobs().artifact(job).read_bytes()
        except FileNotFoundError:  # forgotten meanwhile: build it again
            data = None
        if data is not None:
            st.session_state[_DECK_BYTES] = (job["id"], data)
            return data
        job = None
    if job is not None and job["state"] in ACTIVE:
        _deck_progress(job["id"])
        return None
    if job is not None:  # failed
        st.error(t("jobs.deck.failed", current), icon=":material/error:")
        show_ikm_error(error_of(job["error"]))
    label = t("jobs.deck.again", current) if job is not None else t(f"present.build.{fmt}", current)
    if st.button(label, key=f"present_build_{fmt}",
                 icon=":material/slideshow:" if fmt == "pptx" else ":material/picture_as_pdf:"):
        who = current_official()
        job = background.start_deck(root, ds, f, fmt, current, who.user if who else "-")
        _follow_deck(job)
    return None


def _follow_deck(job: dict) -> None:
    """Right after the button: the build's progress bar in this run, then the page again (with
    the file). Leaving stops only this script; the build goes on."""
    registry, bar = _jobs(), st.progress(0.0, text=t("deck.progress.start", lang()))
    while (now := registry.get(job["id"])) is not None and now["state"] in ACTIVE:
        bar.progress(min(1.0, float(now["progress"])), text=now["step"] or t("deck.progress.start", lang()))
        time.sleep(0.1)
    st.rerun()
    return None
