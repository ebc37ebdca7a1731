"""Writes the office fixtures' twins in the formats regency offices still use: each messy
``.xlsx`` of tests/data (made by tests/make_fixtures.py) saved by LibreOffice as Excel
97–2003 (``.xls``) and as OpenDocument (``.ods``), beside it in tests/data. The twins are
committed, so the tests never need LibreOffice; run this again after changing the xlsx
fixtures: ``python tests/make_office_formats.py`` (needs ``soffice``, Debian package
``libreoffice-calc-nogui``).

LibreOffice 7.4 reads ``.xlsb`` but cannot write it; the ``.xlsb`` the tests read is
written by tests/make_hostile.py record by record.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SOURCES = ("good_two_row_header.xlsx", "good_office_report.xlsx", "good_summary_first.xlsx",
           "good_numbers.xlsx")
FILTERS = {"xls": "xls:MS Excel 97", "ods": "ods:calc8"}


def twins() -> list[str]:
    """The names of the committed twins, ``good_x.xls`` and ``good_x.ods`` per source."""
    return [Path(s).with_suffix(f".{fmt}").name for s in SOURCES for fmt in FILTERS]


def convert(fmt: str, sources: list[Path], out_dir: Path) -> list[Path]:
    """Save ``sources`` as ``fmt`` into ``out_dir`` with LibreOffice, in a profile of its
    own (parallel runs do not collide)."""
    with tempfile.TemporaryDirectory(prefix="lo-ikm-") as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", FILTERS[fmt], "--outdir", str(out_dir), *map(str, sources)],
                       check=True, capture_output=True, timeout=300)
    written = [out_dir / s.with_suffix(f".{fmt}").name for s in sources]
    missing = [p.name for p in written if not p.exists()]
    if missing:
        raise SystemExit(f"LibreOffice did not write {', '.join(missing)}")
    return written


def build(out_dir: Path = DATA) -> list[Path]:
    """Convert every source into ``out_dir``; returns the paths written."""
    if shutil.which("soffice") is None:
        raise SystemExit("soffice not found: apt-get install libreoffice-calc-nogui")
    return [p for fmt in FILTERS for p in convert(fmt, [DATA / s for s in SOURCES], out_dir)]


if __name__ == "__main__":
    paths = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
    print("\n".join(f"{p.name:36} {p.stat().st_size:>8,} bytes" for p in paths))
