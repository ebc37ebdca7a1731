"""House rules that a reader would otherwise have to trust: streamlit only in the UI package,
pages built on it and the library alone, no SQL built from f-strings at call sites, every
setting documented."""

import ast
import re
import sys
from pathlib import Path

from ikm_data.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def _modules(path: Path, root: Path) -> set[str]:
    """Every module ``path`` imports, dotted and absolute (relative imports resolved; for
    ``from a import b`` both ``a`` and ``a.b``, as ``b`` may be a module)."""
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            names |= {base} | {f"{base}.{a.name}" for a in node.names}
    return names


def _in_ui(path: Path, root: Path) -> bool:
    return path.relative_to(root).parts[:2] == ("ikm_data", "ui")


def streamlit_outside_ui(root: Path) -> list[str]:
    """Modules of the library outside ``ikm_data/ui/`` that import streamlit."""
    return sorted(str(p.relative_to(root)) for p in (root / "ikm_data").rglob("*.py")
                  if not _in_ui(p, root) and "streamlit" in {m.split(".")[0] for m in _modules(p, root)})


def library_importing_ui(root: Path) -> list[str]:
    """Modules of the library outside ``ikm_data/ui/`` that import it (the CLI may, to serve)."""
    return sorted(str(p.relative_to(root)) for p in (root / "ikm_data").rglob("*.py")
                  if not _in_ui(p, root) and p.name != "cli.py"
                  and any(m == "ikm_data.ui" or m.startswith("ikm_data.ui.") for m in _modules(p, root)))


def pages_beyond_ui_and_library(root: Path) -> list[str]:
    """Imports of ``app.py`` and the pages other than the standard library, streamlit, the
    library and ``from ikm_data import ui`` (no module of the ui package by its own name)."""
    allowed = set(sys.stdlib_module_names) | {"streamlit", "ikm_data"}
    out = []
    for p in [root / "app.py", *sorted((root / "pages").glob("*.py"))]:
        tree = ast.parse(p.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                named = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                named = [("." * node.level) + (node.module or "")]
            else:
                continue
            out += [f"{p.relative_to(root)}: {m}" for m in named
                    if m.split(".")[0] not in allowed or m == "ikm_data.ui" or m.startswith(("ikm_data.ui.", "."))]
    return out


def test_only_the_ui_package_imports_streamlit():
    assert not (ROOT / "ikm_data" / "ui.py").exists()  # the package, not a module beside it
    assert len(list((ROOT / "ikm_data").rglob("*.py"))) > 20  # the rule sees the library
    assert streamlit_outside_ui(ROOT) == []
    ui = [p for p in (ROOT / "ikm_data" / "ui").glob("*.py") if "streamlit" in _imports(p)]
    assert len(ui) >= 5


def test_the_library_does_not_import_the_ui_package():
    assert library_importing_ui(ROOT) == []


def test_pages_import_only_the_ui_package_and_the_library():
    assert pages_beyond_ui_and_library(ROOT) == []


def test_the_layer_rules_can_fail(tmp_path):
    """Each rule above reports a file that breaks it (so an empty answer means something)."""
    (tmp_path / "ikm_data" / "ui").mkdir(parents=True)
    (tmp_path / "pages").mkdir()
    (tmp_path / "ikm_data" / "ui" / "widgets.py").write_text("import streamlit as st\n")
    (tmp_path / "ikm_data" / "queries.py").write_text("from streamlit import cache_data\n")
    (tmp_path / "ikm_data" / "charts.py").write_text("from .ui import data\n")
    (tmp_path / "ikm_data" / "export.py").write_text("import ikm_data.ui.widgets\n")
    (tmp_path / "ikm_data" / "cli.py").write_text("from ikm_data import ui\n")
    (tmp_path / "app.py").write_text("import streamlit as st\nfrom ikm_data import ui\n")
    (tmp_path / "pages" / "good.py").write_text("import datetime\nfrom ikm_data import charts, queries, ui\n")
    (tmp_path / "pages" / "bad.py").write_text(
        "import pandas as pd\nfrom ikm_data.ui import upload\nfrom ikm_data.ui.data import _query\n")
    assert streamlit_outside_ui(tmp_path) == ["ikm_data/queries.py"]
    assert library_importing_ui(tmp_path) == ["ikm_data/charts.py", "ikm_data/export.py"]
    assert pages_beyond_ui_and_library(tmp_path) == [
        "pages/bad.py: pandas", "pages/bad.py: ikm_data.ui", "pages/bad.py: ikm_data.ui.data"]


def test_no_sql_or_pandas_io_in_pages():
    for page in (ROOT / "pages").glob("*.py"):
        text = page.read_text()
        assert "duckdb" not in _imports(page), page.name
        assert not re.search(r"\b(SELECT|INSERT|UPDATE)\b\s", text), page.name
        assert "read_csv" not in text and "read_excel" not in text, page.name


def test_no_fstring_sql_at_call_sites():
    pattern = re.compile(r"""\b(execute|sql)\(\s*f["']""")
    for path in [*(ROOT / "ikm_data").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]:
        assert not pattern.search(path.read_text()), path.name


def test_app_only_routes():
    tree = ast.parse((ROOT / "app.py").read_text())
    defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    assert defs == [] and len((ROOT / "app.py").read_text().splitlines()) < 60


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text()
    assert all(f"`{s.name}`" in doc for s in SETTINGS)


def test_no_url_path_equals_a_page_file_name():
    """A URL equal to a file's stem would run that file without app.py on a fresh server."""
    text = (ROOT / "app.py").read_text()
    entries = re.findall(r'\("pages/(\w+)\.py", "[\w.]+", "[^"]+", "([\w-]*)"', text)
    assert len(entries) >= 6
    for stem, url in entries:
        assert url != stem and url.replace("-", "_") != stem, (stem, url)


MAX_FUNCTION_LINES = 80


def test_no_function_is_longer_than_80_lines():
    """Every def (methods and nested ones too) in app.py, pages/ and ikm_data/ fits in 80
    lines, so a reader can hold one in view."""
    paths = [ROOT / "app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "ikm_data").rglob("*.py")]
    long = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines} lines)")
    assert long == [], "functions over 80 lines:\n" + "\n".join(long)
