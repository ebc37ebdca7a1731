"""Shared fixtures: a temporary store seeded with the synthetic Phase III sample, its
dataset, and an AppTest factory that runs the real app.py against that store."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from ikm_data.queries import Dataset, Filters
from ikm_data.store import Store

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("IKM_RAISE_BUGS", "1")  # a bug in a page fails the test (and the test servers' pages)


@pytest.fixture(autouse=True)
def _keep_main_module():
    """Streamlit's script runner installs each script it runs (AppTest's too) as
    ``sys.modules["__main__"]`` and leaves it there; a later test that starts a process by
    ``spawn`` would then re-run that script in the child. Each test gets the real one back."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """An empty folder that is the store for the code under test (IKM_DATA_DIR)."""
    folder = tmp_path / "store"
    monkeypatch.setenv("IKM_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def store_with_phase3(data_dir) -> Store:
    """A new store as a fresh clone makes it: the synthetic Phase III sample."""
    return Store.open(data_dir)


@pytest.fixture
def dataset(store_with_phase3) -> Dataset:
    return Dataset.open(store_with_phase3)


@pytest.fixture
def phase3() -> Filters:
    return Filters(phase=3)


@pytest.fixture
def app(store_with_phase3):
    """``app(page, lang)``: an AppTest of app.py switched to ``pages/<page>.py``."""
    from tests.apptest import open_app

    return open_app


@pytest.fixture(scope="session")
def state_templates(tmp_path_factory):
    """``get(name)``: the folder of the store ``name`` of tests/states.py, built once per
    session (tests copy it: copying is much cheaper than importing again)."""
    from tests import states

    built: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in built:
            folder = tmp_path_factory.mktemp("state-templates") / name
            states.build(name, folder)
            built[name] = folder
        return built[name]

    return get


def _state_names() -> list[str]:
    from tests import states

    return list(states.STATES)


@pytest.fixture(params=_state_names())
def state_store(request, state_templates, tmp_path, monkeypatch) -> Store:
    """A copy of one store that real use produces (tests/states.py: sample, published_only,
    new_phase, many_phases, certified, minimal, empty_after_rollback), made the store of
    the code under test. Every test using it runs once per state; narrow it with
    ``@pytest.mark.parametrize("state_store", [...], indirect=True)``."""
    folder = tmp_path / request.param
    shutil.copytree(state_templates(request.param), folder)
    monkeypatch.setenv("IKM_DATA_DIR", str(folder))
    return Store(folder)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (skipped, or failed under CI, when missing)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_or_skip

    executable = chromium_or_skip()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab at 1366x900; fails the test if the page raised a script error."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not [e for e in errors if "fonts" not in e.lower()], errors


@pytest.fixture
def files(monkeypatch):
    """``{file name: callable giving its bytes}`` for every download button the pages draw."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return made
