"""Settings, declared once: name, default and help. ``docs/settings.md`` lists them all
(a test fails when one is missing there)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"  # shipped reference lists and published figures


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS = (
    Setting(
        "IKM_DATA_DIR",
        str(DATA_DIR / "store"),
        "Folder of the versioned store (uploads, versions, current state). "
        "The CLI's --data-dir wins over it.",
    ),
    Setting(
        "IKM_CHROMIUM",
        "/usr/bin/chromium",
        "Chromium binary the browser tests drive with Playwright (tests only).",
    ),
    Setting(
        "IKM_RAISE_BUGS",
        "",
        "Tests only: set to 1 and a bug in a page is raised after its friendly message (so "
        "AppTest and the browser tests see it); a server leaves it unset.",
    ),
    Setting(
        "IKM_NO_SAMPLE",
        "",
        "Set to 1 to start an empty store without the synthetic Phase III sample.",
    ),
    Setting(
        "IKM_CHECK_SECONDS",
        "30",
        "Longest (seconds) the Unggah Data page may spend reading or checking one uploaded "
        "file. The work runs in a worker process, stopped with a named error after this.",
    ),
    Setting(
        "IKM_COMMIT_SECONDS",
        "60",
        "Longest (seconds) a commit from the Unggah Data page may take (it checks the file "
        "again, then writes); a commit is not cancelled when its page closes, only by this.",
    ),
    Setting(
        "IKM_WORKER_MEMORY_MB",
        "1536",
        "Most resident memory (MB) the worker process reading, checking or committing one "
        "upload may use; it is stopped with a named error beyond it. The server never holds "
        "a file's rows.",
    ),
    Setting(
        "IKM_TEST_PAUSE_AT",
        "",
        "Tests only: the name of a point inside a store commit (before-lock, before-rename, "
        "after-rename, before-state, before-replace, after-state) where a writer stops and waits "
        "to be killed, so the crash tests can kill it at a known moment, or until the test deletes "
        "IKM_TEST_PAUSE_FILE (the race tests' barrier). Never set it in production.",
    ),
    Setting(
        "IKM_TEST_PAUSE_FILE",
        "",
        "Tests only: a file a writer paused by IKM_TEST_PAUSE_AT creates to say it is there.",
    ),
    # -- the budget of one uploaded file (ikm_data/budget.py), checked before the costly work
    Setting(
        "IKM_MAX_ROWS",
        "1000000",
        "Most rows a file (any format, header rows included) may hold.",
    ),
    Setting(
        "IKM_MAX_COLUMNS",
        "500",
        "Most columns a file may hold.",
    ),
    Setting(
        "IKM_MAX_CELLS",
        "12000000",
        "Most cells (rows x columns; for a Parquet file the values of every column, nested "
        "ones included) a CSV or Parquet file may hold: what bounds the time and memory of a "
        "check (700.000 rows x 17 columns: about 10 s and under 1,3 GB in the worker, within "
        "IKM_WORKER_MEMORY_MB).",
    ),
    Setting(
        "IKM_MAX_XLSX_CELLS",
        "6000000",
        "Most cells (rows x columns) an xlsx workbook's sheet may hold: every cell becomes a "
        "Python object on the way in, so a workbook costs more than a CSV of the same size "
        "(300.000 rows x 17 columns: about 14 s and 0,9 GB).",
    ),
    Setting(
        "IKM_MAX_CELL_CHARS",
        "32767",
        "Longest text one cell may hold (Excel's own limit).",
    ),
    Setting(
        "IKM_MAX_UNPACKED_MB",
        "400",
        "Most megabytes of data a file may hold once unpacked: an xlsx's unzipped parts, a "
        "Parquet file's uncompressed pages and decoded text, a CSV's bytes.",
    ),
    Setting(
        "IKM_MAX_ZIP_ENTRIES",
        "10000",
        "Most parts a zipped workbook (.xlsx, .ods, .xlsb) may hold; a workbook has a few dozen.",
    ),
    # -- access: sign-in, sessions, lockout (ikm_data/accounts.py, ikm_data/signin.py)
    Setting(
        "IKM_REQUIRE_SIGN_IN",
        "0",
        "Set to 1 to require sign-in even to view: every page but /masuk then shows the sign-in "
        "prompt and no figures. 0: visitors see every chart and the masked directory.",
    ),
    Setting(
        "IKM_SIGN_IN",
        "password",
        "How officials sign in: 'password' (accounts made with `python -m ikm_data users add`) or "
        "'oidc' (Streamlit's st.login with the [auth] section of .streamlit/secrets.toml; needs Authlib).",
    ),
    Setting(
        "IKM_LOCKOUT_ATTEMPTS",
        "5",
        "Wrong passwords in a row that lock an account name.",
    ),
    Setting(
        "IKM_LOCKOUT_MINUTES",
        "15",
        "Minutes an account name stays locked after IKM_LOCKOUT_ATTEMPTS wrong passwords (the right "
        "password is refused meanwhile).",
    ),
    Setting(
        "IKM_SESSION_IDLE_MINUTES",
        "30",
        "Minutes without any page run after which a signed-in session ends.",
    ),
    Setting(
        "IKM_SESSION_MAX_HOURS",
        "12",
        "Hours after sign-in at which a session ends however active it is.",
    ),
    # -- the queries' DuckDB (ikm_data/queries.py Dataset)
    Setting(
        "IKM_QUERY_MEMORY",
        "2GB",
        "Most memory the queries' DuckDB of one data version may hold (DuckDB's memory_limit); "
        "a query needing more spills to IKM_QUERY_TEMP instead of growing the server.",
    ),
    Setting(
        "IKM_QUERY_TEMP",
        "",
        "Folder where a query that needs more than IKM_QUERY_MEMORY spills (default: "
        "ikm-duckdb in the system's temporary folder).",
    ),
)


def setting(name: str) -> str:
    """The value of a declared setting: the environment, else its default.

    Raises KeyError for a name that is not declared.
    """
    declared = {s.name: s for s in SETTINGS}[name]
    return os.environ.get(name, declared.default)


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """Where the store lives: ``explicit`` (``--data-dir``), else ``IKM_DATA_DIR``, else
    ``data/store`` inside the project, which works on a fresh clone."""
    return Path(explicit) if explicit else Path(setting("IKM_DATA_DIR"))
