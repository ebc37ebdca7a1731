"""Personal data masked by one rule (Python and SQL agree), in the upload's issues, their
download and the worker's light result; names from files shown as text on the pages; a bug
told kindly with its traceback in the log only."""

import random
import string

import duckdb
import pandas as pd
import pytest

from ikm_data import importer, privacy, schema, upload_jobs, upload_tables
from ikm_data.markup import JOINER
from tests import apptest, states

NIK = "5203014405900001"
PHONE = "081234567890"


def _random_values(seed: int, n: int) -> list[str | None]:
    """Values as files hold them: NIKs of every length, phones with +62, spaces and dashes,
    names with several spaces, tabs, accents, emoji, empty strings and nulls."""
    rnd = random.Random(seed)
    alphabet = string.digits * 3 + " -+.\t" + "abcXYZ" + "éÅ👍\u00a0"
    out: list[str | None] = [None, "", " ", "1", "123456789", "1234567890", NIK, PHONE, "+62 812-3456-7890",
                             "Siti  Aminah", " Lalu\tHidayat ", "Ni Made Juliani", "Ṡiti", "👍 x"]
    out += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 22))) for _ in range(n)]
    return out


def test_python_and_sql_mask_alike():
    values = _random_values(27, 400)
    con = duckdb.connect()
    con.register("frame", pd.DataFrame({"v": pd.Series(values, dtype=object)}))
    sql = (f"SELECT {privacy.mask_sql('v', 'digits')} AS d, {privacy.mask_sql('v', 'name')} AS n "
           "FROM frame")
    got = con.execute(sql).df()
    for value, digits, name in zip(values, got["d"], got["n"]):
        assert (None if pd.isna(digits) else digits) == privacy.mask_digits(value), repr(value)
        assert (None if pd.isna(name) else name) == privacy.mask_name(value), repr(value)


def test_the_rule():
    assert privacy.mask_digits(NIK) == "5203**********01"
    assert privacy.mask_digits(PHONE) == "0812******90"
    assert privacy.mask_digits("520301440") == "*********"  # short or malformed: never whole
    assert privacy.mask_name("Baiq  Aminah") == "B. A." and privacy.mask_name(None) is None
    assert set(privacy.PERSONAL) == set(schema.PERSONAL)  # the masked fields are the personal ones
    log = privacy.scrub_text(f"ValueError: bad row {NIK} / +62 812-3456-7890 on 2020-07-13, Rp12.500.000")
    assert NIK not in log and "3456" not in log and "2020-07-13" in log and "12.500.000" in log


def _upload(rows: list[list], name: str = "tahap_9.csv"):
    content = states.csv_bytes(states.TYPICAL, rows)
    return content, importer.run(content, name, store=None, phase=9, commit=False)


def test_issues_their_download_and_the_light_result_hold_no_whole_nik(store_with_phase3):
    body = states.rows(91, 6, states.TYPICAL)
    nik, phone, owner = (states.TYPICAL.index(c) for c in ("NIK", "No. HP", "Nama Pemilik"))
    body[0][nik] = NIK[:-1]  # 15 digits: malformed, warned about in its row
    body[1][nik] = "5,20301E+15"
    whole = [r[nik] for r in body[2:]] + [r[phone] for r in body] + [r[owner] for r in body] + [NIK[:-1]]
    content, outcome = _upload(body)
    report = outcome.report
    assert [(i.row, i.code) for i in report.warnings] == [(2, "validate.nik.format"), (3, "validate.nik.scientific")]
    assert report.warnings[0].value == "5203*********00"
    assert "“5203*********00”" in report.warnings[0].message("id")
    for fmt in ("csv", "xlsx"):
        data = upload_tables.report_download(report, "id", fmt)
        assert b"5203*********00" in data or fmt == "xlsx"
        assert not any(w.encode() in data for w in whole)
    light = upload_jobs.light_report(report)
    held = light.frame.to_csv() + repr(light.errors) + repr(light.warnings)
    assert not any(w in held for w in whole)
    shown = upload_tables.preview_frame(light, "id")
    assert shown["NIK"].str.fullmatch(r"52\d\d\*{10}\d\d|5203\*{9}00|5,20\*{5}15").all()
    assert shown["Pemilik"].str.fullmatch(r"([A-Z]\. ?)+").all()


HOSTILE_FILE = "[Login ulang di sini](https://evil.example/login) x.csv"
HOSTILE_PRODUCT = "[Hadiah](https://evil.example/p) www.evil.example"


@pytest.fixture
def hostile_store(store_with_phase3):
    body = states.rows(92, 8, states.TYPICAL)
    body[0][states.TYPICAL.index("Jenis Produk")] = HOSTILE_PRODUCT
    body[1][states.TYPICAL.index("Nama IKM")] = '<img src=x onerror="alert(1)"> **UD**'
    states.upload(store_with_phase3, 4, HOSTILE_FILE, states.csv_bytes(states.TYPICAL, body))
    return store_with_phase3


def _markdown_sources(at) -> list[str]:
    return [e.value for kind in ("markdown", "caption", "info", "warning", "error", "success")
            for e in getattr(at, kind)]


def _plain(markdown: str) -> str:
    """What a Markdown text node holds: escapes resolved, the joiner dropped."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown).replace(JOINER, "")


def _autolinks(markdown: str) -> list[str]:
    """What Streamlit's Markdown would link in ``markdown``: a ``[text](url)`` not escaped,
    or what GFM's autolink transform finds in the text node (escapes resolved)."""
    import re

    node = re.sub(r"\\(.)", r"\1", markdown)
    return (re.findall(r"(?<!\\)\]\(", markdown) + re.findall(r"https?://|www(?=\.)", node, re.IGNORECASE)
            + re.findall(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+", node))


def test_hostile_names_are_text_on_the_pages(hostile_store):
    at = apptest.open_app("ringkasan")
    (source,) = [c for c in _markdown_sources(at) if "Sumber" in c]
    assert HOSTILE_FILE in _plain(source)  # the name as written, ...
    assert not _autolinks(source)  # ... never a link, not even GFM's bare-address one
    at = apptest.open_app("produk", flt_products=[])
    for text in _markdown_sources(at):
        assert not _autolinks(text) and "<img" not in text
    at = apptest.open_app("unggah")  # the history names the file as written, in a table (text)
    assert any(HOSTILE_FILE in df.value.to_csv() for df in at.dataframe)
    assert not any(_autolinks(text) for text in _markdown_sources(at))


def test_a_bug_is_told_kindly_and_logged_without_personal_data(monkeypatch, capfd):
    from streamlit.testing.v1 import AppTest

    def script():
        from ikm_data.ui.serve import run

        class Broken:
            def run(self):
                raise ValueError("cannot parse 5203014405900001")

        run(Broken())

    monkeypatch.setenv("IKM_RAISE_BUGS", "0")
    at = AppTest.from_function(script).run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert "Maaf, halaman ini gagal dimuat" in error and "Sorry, this page could not be loaded" in error
    assert "ValueError" not in error and NIK not in error
    logged = capfd.readouterr().err  # Streamlit's log handler writes to the server's stderr
    assert "ValueError: cannot parse 5203**********01" in logged and NIK not in logged
    monkeypatch.setenv("IKM_RAISE_BUGS", "1")
    at = AppTest.from_function(script).run()
    assert at.exception  # the tests see a bug
