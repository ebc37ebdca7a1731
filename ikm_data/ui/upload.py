"""The Unggah Data page: an upload read, checked and committed in a bounded worker process
(``upload_jobs`` via ``worker.run``), its light results kept in the session; the history's
actions (rollback, removing a phase or the sample); a damaged store's panel and repair."""

from __future__ import annotations

import datetime as _dt

import streamlit as st

from ikm_data import importer as _importer
from ikm_data import markup as _markup
from ikm_data import template as _template
from ikm_data import upload_jobs as _upload_jobs
from ikm_data import worker as _worker
from ikm_data.errors import IkmError, StoreDamaged
from ikm_data.formatting import fmt_int
from ikm_data.i18n import t
from ikm_data.mapping import MappingMemory as _MappingMemory
from ikm_data.store import DEFAULT_PROGRAMME, PROGRAMME_MAX, today  # noqa: F401 (pages use them)
from ikm_data.ui.data import clear_caches, dataset, phase_options, store
from ikm_data.ui.session import flash, lang, tr
from ikm_data.ui.signin import allowed, log, log_versions, user_name
from ikm_data.ui.widgets import show_ikm_error

AS_OF_MIN = _dt.date(2000, 1, 1)  # the earliest "Data per tanggal" the Unggah page offers
UPLOAD_KEY = "unggah_file"
SHEET_KEY = "unggah_sheet"
_SHEET_FOR = "_unggah_sheet_for"
_UPLOAD_CACHE = "_unggah_cache"
_UPLOAD_OF = "upload"  # in the cache: the upload its entries belong to
_WORKER_STATUS = {"check": "unggah.checking", "commit": "unggah.commit.progress"}
_UPLOAD_MANUAL = "_unggah_manual"
_SEEN = "_unggah_seen"
_CHECKS_LOGGED = "_unggah_checks_logged"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_data(show_spinner=False, max_entries=2)
def _template_bytes(lang_: str) -> bytes:
    return _template.template_xlsx(notes=(t("unggah.template.note", lang_),))


def template_bytes() -> bytes:
    """The Excel template (made once per language)."""
    return _template_bytes(lang())


def _upload_id(uploaded) -> str:
    return str(getattr(uploaded, "file_id", None) or f"{uploaded.name}:{uploaded.size}")


def _cached(key: tuple, make):
    """One upload's read and check (light results, see ``upload_jobs``), kept in the session
    (never across sessions: a file is an official's own); ``key[1]`` names the upload, and
    another upload drops the last one's. A named error is kept too: the same file and
    choices fail the same way, so a rerun does not spend the time again."""
    cache = st.session_state.setdefault(_UPLOAD_CACHE, {})
    if cache.get(_UPLOAD_OF) != key[1] or len(cache) > 8:  # sheets, best sheet, a sheet by hand, checks
        cache.clear()
        cache[_UPLOAD_OF] = key[1]
    if key not in cache:
        try:
            cache[key] = make()
        except IkmError as err:
            cache[key] = err
    if isinstance(cache[key], IkmError):
        raise cache[key]
    return cache[key]


def _changed() -> None:
    """After a write to the store: drop cached results and this session's upload results."""
    clear_caches()
    st.session_state.pop(_UPLOAD_CACHE, None)


def _in_worker(action: str, uploaded, job, *args):
    """``job(content, *args)`` of ``upload_jobs`` in a worker process (``worker.run``, bounded
    by the ``action``'s time and memory limits), under a status line counting the seconds.
    Each look at the worker is a point where Streamlit can stop or rerun this script (the page
    closed, another file came): the worker is then killed (a commit runs apart: ``background``)."""
    limits = _worker.Limits.of(action)
    head, current = tr(_WORKER_STATUS[action]), lang()
    status, shown = st.empty(), []

    def poll(elapsed: float) -> None:
        text = f"{head} {t('worker.elapsed', current, seconds=int(elapsed), limit=fmt_int(limits.seconds))}"
        if shown[-1:] != [text]:
            status.caption(f":material/hourglass_top: {text}")
            shown.append(text)
        else:
            _ = _UPLOAD_CACHE in st.session_state  # Streamlit's yield point, without a message

    with uploaded.getbuffer() as content:  # streamed to the worker, never copied here
        try:
            result = _worker.run(job, *args, data=content, action=action, limits=limits, poll=poll)
        except IkmError:
            status.empty()
            raise
    status.empty()
    return result


def upload_sheets(uploaded) -> list[str] | None:
    """The sheets of an uploaded xlsx (``[]`` for CSV/Parquet); None after showing why the
    file cannot be read. (The file is read once, at its best sheet: ``upload_prepare``.)"""
    prepared = upload_prepare(uploaded, None)
    return None if prepared is None else list(prepared.sheets)


def preselect_sheet(uploaded, sheet: str) -> None:
    """Select ``sheet`` in the sheet picker when this upload is first shown (a new file
    gets its own best sheet; the official's own pick afterwards stays)."""
    upload = _upload_id(uploaded)
    if st.session_state.get(_SHEET_FOR) != upload:
        st.session_state[_SHEET_FOR] = upload
        st.session_state[SHEET_KEY] = sheet


def manual_mapping(uploaded) -> dict | None:
    """The column mapping the official made by hand for this upload (None: none yet)."""
    entry = st.session_state.get(_UPLOAD_MANUAL)
    return entry[1] if entry and entry[0] == _upload_id(uploaded) else None


def set_manual_mapping(uploaded, prepared, manual: dict[str, str]) -> None:
    """Use ``manual`` for this upload and remember it (by the signed-in account) for the
    same headers next time."""
    manual = {f: h for f, h in manual.items() if h}
    st.session_state[_UPLOAD_MANUAL] = (_upload_id(uploaded), manual)
    _MappingMemory(store().root).remember(prepared.layout.labels, manual, user=user_name())


def upload_prepare(uploaded, sheet: str | None):
    """The upload read at ``sheet`` (None: a workbook's sheet whose header matches best),
    its header found and columns mapped (a remembered manual mapping applies), in a worker
    (the result has no grid: ``upload_jobs.light_prepared``); None after showing why the
    file cannot be read or was stopped."""
    manual = manual_mapping(uploaded)
    upload = _upload_id(uploaded)
    key = ("prepare", upload, sheet, tuple(sorted((manual or {}).items())), manual is None)
    root = str(store().root)
    try:
        return _cached(key, lambda: _in_worker("check", uploaded, _upload_jobs.read, uploaded.name, sheet,
                                               manual, root))
    except IkmError as err:
        show_ikm_error(err)
        return None


def upload_check(uploaded, prepared, phase: int | None, mode: str):
    """Validate the prepared upload against the store as it is now (nothing is stored), in
    a worker; None after showing why the check was stopped."""
    s, current = store(), lang()
    key = ("check", _upload_id(uploaded), prepared.raw.sheet, tuple(sorted(prepared.cmap.fields.items())),
           phase, mode, current, s.state().token)
    def check():
        outcome = _in_worker("check", uploaded, _upload_jobs.check, prepared, str(s.root), phase, mode, current)
        _log_check(prepared, phase, mode, outcome.report.rows)
        return outcome

    try:
        return _cached(key, check)
    except IkmError as err:
        show_ikm_error(err)
        return None


def _log_check(prepared, phase: int | None, mode: str, rows: int) -> None:
    """``validate`` in the audit log once per file, phase and mode in this session (the page
    checks again by itself after a commit or a rollback: that is not the official's act)."""
    logged = st.session_state.setdefault(_CHECKS_LOGGED, set())
    key = (prepared.sha256, prepared.raw.sheet, phase, mode)
    if key not in logged:
        logged.add(key)
        log("validate", file=prepared.file_name, sha256=prepared.sha256, phase=phase, mode=mode, rows=rows)


def remember_seen(seen: dict) -> None:
    """The commit button's ``on_click``: the versions the effect on screen was computed on
    (``Outcome.seen``), for ``upload_commit`` — a replace must not throw away a version
    the official never saw."""
    st.session_state[_SEEN] = dict(seen)


def upload_commit(uploaded, prepared, phase: int | None, mode: str, *, as_of=None,
                  programme: str | None = None, phases=()) -> bool:
    """Start committing the upload (validated again, all or nothing) with the data's date and
    programme, the signed-in account its author, apart from the page (``background``): it goes
    on when the official leaves or closes the page, within ``IKM_COMMIT_SECONDS``, and
    ``ui.upload_jobs_panel`` shows its progress and result (each new version in the audit log).
    ``phases``: the file's phases when it has a ``Tahap`` column. False after showing why it
    cannot start: another commit to the same phase is still running."""
    from ikm_data import background
    from ikm_data.ui.jobs import follow_import

    try:
        job = background.start_import(store().root, bytes(uploaded.getvalue()), prepared,
                                phases=[phase] if phase is not None else list(phases), phase=phase, mode=mode,
                                user=user_name(), lang=lang(), as_of=as_of, programme=programme,
                                expected=st.session_state.pop(_SEEN, None))
    except IkmError as err:
        show_ikm_error(err)
        return False
    follow_import(job)  # runs the page again once it ends (or this script stops: the commit goes on)
    return True


def rollback_version(version: str):
    """Restore ``version``'s phase (a new history entry by the signed-in account), drop
    cached results, log it."""
    meta = store().rollback(version, user=user_name())
    _changed()
    log_versions("rollback", [meta])
    return meta


def remove_sample_data() -> list:
    """Remove the synthetic sample (one action, by the signed-in account), drop cached
    results, log it."""
    removed = store().remove_sample(user=user_name())
    _changed()
    log_versions("remove_sample", removed)
    return removed


def remove_phase_data(phase: int):
    """Empty ``phase`` (a new history entry by the signed-in account), drop cached results,
    log it; the entry, or None when the phase had no rows."""
    meta = store().remove_phase(phase, user=user_name())
    _changed()
    log_versions("remove_phase", [meta])
    return meta


def rollback_confirmation(target) -> str:
    """The confirmation before restoring version ``target`` (a VersionMeta): what its phase
    will show afterwards."""
    if not target.rows:
        return tr("versions.rollback.confirm_empty", phase=target.phase, target=target.version)
    return tr("versions.rollback.confirm", phase=target.phase, target=target.version,
              rows=fmt_int(target.rows), enterprises=fmt_int(target.enterprises),
              workers=fmt_int(target.workers))


def upload_phase_default(mode: str) -> int:
    """Where the Unggah phase box starts: appending, the newest phase with rows (appending
    to a phase that does not exist yet is rare); replacing, the phase after the highest
    known one (a new phase's file is the common upload; the box is there to change it)."""
    data = dataset().data_phases()
    if mode == "append" and data:
        return max(data)
    return max(phase_options() or [0]) + 1


def follow_upload_mode(mode_key: str, phase_key: str) -> None:
    """``on_change`` of the mode radio: move the phase box to the new mode's default, unless
    the official has typed another phase there."""
    new = st.session_state.get(mode_key)
    old = next((m for m in _importer.MODES if m != new), new)
    if st.session_state.get(phase_key) in (None, upload_phase_default(old)):
        st.session_state[phase_key] = upload_phase_default(new)


def damage_panel(err: StoreDamaged, *, repair: bool = False) -> None:
    """What is wrong, the last good version and how to recover; on Unggah Data
    (``repair``) the button that repairs the store, elsewhere a link to that page."""
    current, report = lang(), err.report
    lines = "\n".join(f"- {_markup.escape(x)}" for x in report.lines(current, here=repair))
    with st.container(key="damage_panel"):
        st.error(f"**{_markup.escape(report.heading(current))}** — {_markup.escape(t('damage.intro', current))}"
                 f"\n\n{lines}", icon=":material/report:")
        if not repair:
            st.page_link("pages/unggah.py", label=t("damage.goto", current), icon=":material/build:")
        elif allowed("repair") and st.button(t("damage.repair.button", current), key="damage_repair", type="primary",
                       icon=":material/build:", help=t("damage.repair.help", current)):
            repair_store()
            st.rerun()


def repair_store() -> None:
    """Repair the store (``Store.repair``, by the signed-in account), drop cached data, log
    it and say what was done."""
    actions, after = store().repair(user=user_name())
    log("repair")
    clear_caches(datasets=True)
    st.session_state.pop(_UPLOAD_CACHE, None)
    current = lang()
    done = " ".join(a.text(current) for a in actions) or t("damage.repair.nothing", current)
    flash("success", t("damage.repair.done", current, actions=_markup.escape(done)))
    if not after.ok:
        flash("warning", t("damage.repair.still", current,
                           problems=_markup.escape(" ".join(p.text(current) for p in after.blocking()))))
