"""House rules that a reader would otherwise have to trust: streamlit only in the UI layer,
no SQL built from f-strings at call sites, every setting documented."""

import ast
import re
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


def test_only_the_ui_module_imports_streamlit():
    offenders = [p.name for p in (ROOT / "ikm_data").rglob("*.py")
                 if p.name != "ui.py" and "streamlit" in _imports(p)]
    assert offenders == []
    assert "streamlit" in _imports(ROOT / "ikm_data" / "ui.py")


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
