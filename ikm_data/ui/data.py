"""Data access for the pages: the store opened once per folder, a DuckDB dataset per state
of the store, and the queries' results cached per state (``query(queries.kpis, f)``). A page
run reads the store's state once (``dataset``): every part of one view shows the same state,
and the next run sees a commit made anywhere since."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ikm_data import queries, settings
from ikm_data.errors import StoreDamaged
from ikm_data.queries import Dataset
from ikm_data.store import Store


@st.cache_resource(show_spinner=False)
def _store(data_dir: str) -> Store:
    return Store.open(data_dir)


def store() -> Store:
    """The store of this server (``IKM_DATA_DIR`` or the default), opened once per folder."""
    memo = this_run()
    if "store" not in memo:
        memo["store"] = _store(str(settings.data_dir()))
    return memo["store"]


def this_run() -> dict:
    """A dict that lives as long as the current script run (a page view, or a fragment's
    rerun): what one view reads once however many times its parts ask. Outside a run (a
    test calling a helper directly) a fresh dict each call, so nothing is kept."""
    ctx = get_script_run_ctx(suppress_warning=True)
    marker = getattr(ctx, "cursors", None)  # a new dict at every run's start (ScriptRunContext.reset)
    if marker is None:
        return {}
    kept = getattr(ctx, "_ikm_this_run", None)
    if kept is None or kept[0] is not marker:
        kept = (marker, {})
        ctx._ikm_this_run = kept
    return kept[1]


@st.cache_resource(show_spinner=False, max_entries=3)
def dataset_at(root: str, token: str) -> Dataset:
    """The dataset of the store at ``root`` in the state ``token`` (shared: do not change it)."""
    s = Store(root)
    return Dataset.open(s, s.state())


def dataset() -> Dataset:
    """A DuckDB dataset for the store's current state; rebuilt when the state changes. The
    state is read once per run (``this_run``; ``clear_caches`` after a write reads it anew)."""
    memo = this_run()
    if "dataset" not in memo:
        s = store()
        memo["dataset"] = dataset_at(str(s.root), s.state().token)
    return memo["dataset"]


@st.cache_data(show_spinner=False, max_entries=512)
def _query(root: str, token: str, name: str, args: tuple, kwargs: tuple, _run):
    # keyed by ``name`` (the function's qualified name); ``_run`` itself is not hashed
    return _run(dataset_at(root, token), *args, **dict(kwargs))


def query(run, *args, **kwargs):
    """``run(dataset, *args, **kwargs)`` for a function of ``queries`` (say
    ``query(queries.kpis, f)``), cached per state of the store and keyed by the function's
    qualified name. A file gone since the dataset was opened raises StoreDamaged."""
    from ikm_data.store_check import READ_ERRORS

    s = store()
    name = f"{run.__module__}.{run.__qualname__}"
    try:
        return _query(str(s.root), dataset().state.token, name, args, tuple(sorted(kwargs.items())), run)
    except READ_ERRORS as exc:  # a file gone since the dataset was opened: say what is wrong
        dataset_at.clear()
        this_run().clear()
        raise s.explain(exc) from exc


def clear_caches(*, datasets: bool = False) -> None:
    """After a write: drop cached results (they are keyed by state too; this frees memory),
    and with ``datasets`` the open datasets as well (after a repair)."""
    _query.clear()
    this_run().clear()  # the rest of this run reads the state anew
    if datasets:
        dataset_at.clear()


def store_damage() -> StoreDamaged | None:
    """The damage that stops the store's data from being read, or None (the healthy path
    costs one cached dataset lookup)."""
    try:
        dataset()
    except StoreDamaged as err:
        return err
    return None


def has_rows(phase: int | None, *, damaged: bool | None = None) -> bool:
    """True when ``phase`` has participant rows. On a damaged store StoreDamaged goes on
    (``run`` explains it), or ``damaged`` is returned when given (e.g. for a caption
    drawn before the title)."""
    try:
        return phase in dataset().data_phases()
    except StoreDamaged:
        if damaged is None:
            raise
        return damaged


def phase_options() -> list[int]:
    """Every phase with rows or published figures, in order (the sidebar's phase box)."""
    ds = dataset()
    return sorted(set(ds.data_phases()) | {p.phase for p in ds.ref.published})


def product_options() -> list[str]:
    """Products of the vocabulary plus any new product found in the stored data (worked
    out once per run: the sidebar and the link ask for them several times)."""
    memo = this_run()
    if "product_options" not in memo:
        known = [p.code for p in dataset().ref.products]
        memo["product_options"] = tuple(known + [c for c in query(queries.product_codes) if c not in known])
    return list(memo["product_options"])


def shown_versions() -> dict:
    """``{phase: version it shows}`` for every phase with rows now (what can be removed)."""
    state = dataset().state
    return {p: state.current(p) for p in dataset().data_phases()}


def published_only_phases() -> list[int]:
    """Phases that have only published figures: nothing in them can be removed."""
    ds = dataset()
    return sorted({p.phase for p in ds.ref.published} - set(ds.data_phases()))


def confirm_key(name: str) -> str:
    """A confirmation checkbox's key, bound to the store's state: any change to the store
    (this session's action or another's) clears every tick, so a tick confirms only what
    it named."""
    return f"{name}_{store().state().token}"
