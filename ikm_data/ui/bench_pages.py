"""The benchmark's page half (``python -m ikm_data bench``; ``--profile PAGE``): every page of
``app.py``'s ``PAGES`` rendered through Streamlit's AppTest over the store ``IKM_DATA_DIR``
names, warm (the page's reruns after its first, as an official's next view of it costs the
server), and one page's warm view under cProfile.

A page's CPU is the script thread's own (``time.thread_time`` in the thread AppTest runs the
script in): what the server would spend on the view, without AppTest's reading of the
result. Pages an official must be signed in for are rendered signed in with that role."""

from __future__ import annotations

import ast
import cProfile
import io
import pstats
import statistics
import threading
import time
from contextlib import contextmanager
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app.py"
ROLES = {"unggah": "uploader", "audit": "admin"}  # the role a page is rendered with (else a visitor)
DEFAULT_PAGE = "ringkasan"


def page_names(app: Path = APP) -> list[str]:
    """The pages of ``app``'s ``PAGES`` table, in its order (``["ringkasan", "produk", ...]``),
    read from the file without running it."""
    for node in ast.parse(app.read_text()).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "PAGES" for t in node.targets):
            table = ast.literal_eval(node.value)
            return [Path(entry[0]).stem for section in table.values() for entry in section]
    raise ValueError(f"{app} has no PAGES table")


class ScriptClock:
    """While active (``with clock.timing():``), every script run AppTest starts adds its
    thread's CPU seconds to ``cpu`` and runs under ``profiler`` when one is given."""

    def __init__(self, profiler: cProfile.Profile | None = None):
        self.cpu: list[float] = []
        self.profiler = profiler
        self._lock = threading.Lock()

    @contextmanager
    def timing(self):
        from streamlit.testing.v1.local_script_runner import LocalScriptRunner

        original = LocalScriptRunner._run_script_thread
        clock = self

        def timed(runner):
            start = time.thread_time()
            if clock.profiler:
                clock.profiler.enable()
            try:
                original(runner)
            finally:
                if clock.profiler:
                    clock.profiler.disable()
                with clock._lock:
                    clock.cpu.append(time.thread_time() - start)

        LocalScriptRunner._run_script_thread = timed
        try:
            yield self
        finally:
            LocalScriptRunner._run_script_thread = original


def _sign_in(at, role: str) -> None:
    """``at``'s session signed in as the account ``bench-<role>`` (made without a password)."""
    from ikm_data.accounts import Accounts
    from ikm_data.settings import data_dir
    from ikm_data.signin import Sessions
    from ikm_data.ui.signin import TOKEN_KEY

    name = f"bench-{role}"
    accounts = Accounts(data_dir())
    if accounts.get(name) is None:
        accounts.add(name, role, None)
    at.session_state[TOKEN_KEY] = Sessions(data_dir(), accounts).start(name)


def _errors(at) -> list[str]:
    return [str(e.value) for e in at.exception]


def open_page(page: str, lang: str = "id"):
    """An AppTest session of app.py showing ``page`` (its first view run). RuntimeError when
    the page raised."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=300)
    at.session_state["lang"] = lang
    if page in ROLES:
        _sign_in(at, ROLES[page])
    at.run()
    if page != DEFAULT_PAGE:
        at.switch_page(f"pages/{page}.py").run()
    if at.exception:
        raise RuntimeError(f"page {page}: {_errors(at)[:1]}")
    return at


def render(page: str, repeat: int = 5) -> dict:
    """``page`` opened, then viewed ``repeat`` times more (the whole script, warm caches):
    ``render_ms`` and ``cpu_ms`` (medians of the warm views), ``first_ms`` (the first view in
    this process or session), ``charts`` and ``tables`` (what the view drew) and ``errors``."""
    clock = ScriptClock()
    with clock.timing():
        start = time.perf_counter()
        at = open_page(page)
        first = time.perf_counter() - start
        clock.cpu.clear()
        walls = []
        for _ in range(max(1, repeat)):
            start = time.perf_counter()
            at.run()
            walls.append(time.perf_counter() - start)
    return {"page": page, "render_ms": round(statistics.median(walls) * 1000, 1),
            "cpu_ms": round(statistics.median(clock.cpu) * 1000, 1) if clock.cpu else None,
            "first_ms": round(first * 1000, 1), "charts": len(at.get("vega_lite_chart")), "tables": len(at.dataframe),
            "errors": len(at.exception)}


def render_all(pages: list[str] | None = None, repeat: int = 5) -> list[dict]:
    """``render`` for every page of ``PAGES`` (or ``pages``)."""
    return [render(page, repeat) for page in (pages or page_names())]


def profile(page: str, repeat: int = 5, top: int = 25) -> dict:
    """``repeat`` warm views of ``page`` under cProfile (the script thread's calls): the CPU
    of each view and the ``top`` functions by cumulative and by own time, as text."""
    at = open_page(page)
    at.run()  # every cache warm before the profiled views
    profiler = cProfile.Profile()
    clock = ScriptClock(profiler)
    with clock.timing():
        for _ in range(max(1, repeat)):
            at.run()
    if at.exception:
        raise RuntimeError(f"page {page}: {_errors(at)[:1]}")
    out = {"page": page, "views": len(clock.cpu), "cpu_ms": [round(c * 1000, 1) for c in clock.cpu],
           "cpu_ms_median": round(statistics.median(clock.cpu) * 1000, 1)}
    for order in ("cumulative", "tottime"):
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).strip_dirs().sort_stats(order).print_stats(top)
        out[order] = _table_part(text.getvalue())
    return out


def _table_part(report: str) -> str:
    """pstats' report from its column header on (the lines above it say nothing new)."""
    lines = report.splitlines()
    head = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(line.rstrip() for line in lines[head:] if line.strip())
