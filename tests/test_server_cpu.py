"""What a page view costs the server (issue 13): no full garbage collection after every view,
and the store's state read once per view, while a commit made anywhere is still seen by the
next view."""

import tomllib

import pytest

from ikm_data import queries
from ikm_data.settings import PROJECT_ROOT
from ikm_data.store import Store
from ikm_data.ui import data


def test_no_full_collection_after_every_view():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


class _Run:
    """Stands for Streamlit's ScriptRunContext (what ``data.this_run`` reads of it): ``cursors``
    is a new dict at each run. The AppTest runs of tests/test_pages.py use the real one."""

    def __init__(self):
        self.cursors = {}

    def next(self):
        self.cursors = {}


@pytest.fixture
def in_a_run(store_with_phase3, monkeypatch):
    run = _Run()
    monkeypatch.setattr(data, "get_script_run_ctx", lambda suppress_warning=False: run)
    reads = []
    original = Store.state

    def counted(self):
        reads.append(self.root)
        return original(self)

    monkeypatch.setattr(Store, "state", counted)
    yield run, reads
    data.dataset_at.clear()


def test_a_view_reads_the_state_once_and_the_next_view_sees_a_commit(in_a_run, store_with_phase3):
    run, reads = in_a_run
    first = data.dataset()  # the first view of this state also opens its dataset
    run.next()
    opened = len(reads)
    assert data.dataset() is first and len(reads) == opened + 1
    for _ in range(3):  # the sidebar, the header, the charts... ask again and again
        assert data.dataset() is first and data.store() is data.store()
        assert data.query(queries.product_codes) == data.query(queries.product_codes)
        options = data.product_options()
        options.append("changed by a caller")
        assert data.product_options() == options[:-1]  # each caller gets its own list
    assert len(reads) == opened + 1 and first.data_phases() == [3]

    Store(store_with_phase3.root).remove_phase(3, user="elsewhere")  # another process commits
    assert data.dataset() is first  # one view shows one state throughout
    run.next()
    now = data.dataset()
    assert now is not first and now.data_phases() == [] and now.state.seq == first.state.seq + 1


def test_a_write_in_this_view_is_read_at_once(in_a_run, store_with_phase3):
    before = data.dataset()
    data.store().remove_phase(3, user="here")
    assert data.dataset() is before
    data.clear_caches()  # as every write of the pages does (ui.upload, ui.jobs)
    assert data.dataset().state.seq == before.state.seq + 1 and data.dataset().data_phases() == []


def test_outside_a_run_nothing_is_kept(store_with_phase3, monkeypatch):
    monkeypatch.setattr(data, "get_script_run_ctx", lambda suppress_warning=False: None)
    first = data.dataset()
    Store(store_with_phase3.root).remove_phase(3, user="elsewhere")
    assert data.dataset().state.seq == first.state.seq + 1
    data.dataset_at.clear()


def test_every_chart_of_every_page_is_valid_and_drawn_as_validated(app, monkeypatch):
    """The server turns a chart into its spec without Altair's schema check (``widgets._spec``):
    here each one is checked, and must give the very spec a validated conversion gives."""
    from ikm_data.ui import widgets

    checked = []

    class Checked(widgets._Unvalidated):
        def to_dict(self):
            plain = super().to_dict()
            checked.append((type(self.chart).__name__, self.chart.to_dict() == plain))  # raises if invalid
            return plain

    monkeypatch.setattr(widgets, "_Unvalidated", Checked)
    widgets._built_spec.clear()
    drawn = 0
    for page in ("ringkasan", "produk", "wilayah", "tahap", "sertifikasi", "pariwisata", "dampingan"):
        at = app(page)
        assert not at.exception
        drawn += len(at.get("vega_lite_chart"))
    assert drawn >= 7 and len(checked) == drawn and all(same for _, same in checked)
    widgets._built_spec.clear()
