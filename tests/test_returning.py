"""Returning participants and the programme-theme columns: the fixtures (a two-row
"Sertifikasi" header, certificate numbers, "Proses", blanks, a missing column, hotel partners
spelt several ways, a phase whose enterprises come back) through the real importer, checked
against values worked out by hand; ikm_data.returning's matching rule; the export's
columns; Peserta berulang on Perbandingan Tahap in both languages."""

from __future__ import annotations

import io
import json
import os
import shutil
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ikm_data import cli, importer, kept, returning, template
from ikm_data.i18n import t
from ikm_data.queries import Dataset, Filters
from ikm_data.store import Store
from ikm_data.validate import parse_flag
from tests import states
from tests.apptest import ok, open_app, table_with

DATA = Path(__file__).resolve().parent / "data"
PHASE4, PHASE5 = "good_sertifikasi_tahap4.xlsx", "good_berulang_tahap5.csv"
N = None  # the file had no such column: unknown

# Worked out by hand from the two files (tests/make_fixtures.py), by the row the official sees.
# (sheet row, name, regency code, product code, workers, pirt, halal, bpom, sni, tourism, partner, mentoring)
STORED_4 = [
    (6, "UD Sinar Rinjani", "5203", "minyak_goreng", 5, True, True, False, False, True, "Hotel Santika Mataram", True),
    (7, "UD Sinar Rinjani", "5203", "kopi", 5, True, False, False, False, True, "Hotel Santika Mataram", True),
    (8, "KUB Maju Bersama", "5201", "susu_kedelai", 4, True, False, True, False, False, N, False),
    (9, "IKM Tunas Mekar", "5202", "abon_ikan", 3, False, False, False, False, True, "hotel santika  mataram", False),
    (10, "CV Segara Bahari", "5207", "ikan_kering", 6, True, True, False, True, True, "HOTEL SANTIKA MATARAM", True),
    (11, "UD Barokah Jaya", "5205", "garam", 2, False, False, False, True, False, N, False),
    (12, "Kelompok Putri Tani", "5271", "tas_kemasan", 8, False, False, False, False, True, "Novotel Lombok", False),
    (13, "UMKM Berkah Lestari", "5206", "kopi", 3, False, True, False, False, True, "Novotel  Lombok", True),
    (14, "UD Harapan Abadi", "5204", "minyak_kayu_putih", 4, False, False, False, False, False, N, True),
]
STORED_5 = [  # no SNI and no mentoring column: both unknown
    (4, "UD. Sinar Rinjani", "5203", "minyak_goreng", 7, True, True, False, N, True, "Hotel Santika Mataram", N),
    (5, "KUB Maju Bersama", "5201", "susu_kedelai", 4, True, True, False, N, False, N, N),
    (6, "ikm tunas mekar", "5202", "abon_ikan", 4, True, False, False, N, False, N, N),
    (7, "CV Segara Bahari", "5201", "ikan_kering", 6, False, False, False, N, False, N, N),
    (8, "UD Barokah Jaya", "5205", "garam", 3, False, True, False, N, False, N, N),
    (9, "Kelompok Putri Tani", "5271", "tas_kemasan", 9, False, False, False, N, True, "Novotel Lombok", N),
    (10, "UMKM Berkah Lestari", "5206", "kopi", 5, True, True, False, N, True, "Katamaran Resort", N),
    (11, "UMKM Berkah Lestari", "5206", "gula_semut", 5, True, True, False, N, True, "Katamaran Resort", N),
    (12, "UD Karya Baru", "5208", "kopi", 2, False, False, False, N, False, N, N),
]
FIELDS = ["source_row", "name", "regency_code", "product_code", "workers", "pirt", "halal", "bpom", "sni",
          "tourism", "tourism_partner", "mentoring"]
# The enterprises that come back in phase 5, by hand: (name as phase 5 writes it, regency,
# workers in phase 4, in phase 5, matched by NIB). Not among them: KUB Maju Bersama (another
# NIB), CV Segara Bahari (another regency), UD Harapan Abadi and UD Karya Baru (one phase).
BACK = [("ikm tunas mekar", "Lombok Tengah", 3, 4, False),  # no NIB either time; spelt differently
        ("Kelompok Putri Tani", "Kota Mataram", 8, 9, False),  # a NIB in phase 5 only
        ("UD Barokah Jaya", "Dompu", 2, 3, False),  # a NIB in phase 4 only
        ("UD. Sinar Rinjani", "Lombok Timur", 5, 7, True),  # the NIB written with dots; two products
        ("UMKM Berkah Lestari", "Bima", 3, 5, True)]  # two products in phase 5


def _stored(store: Store, phase: int) -> list[tuple]:
    frame = store.phase_table(phase).to_pandas().sort_values("source_row")
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame[FIELDS].itertuples(index=False)]


@pytest.fixture(scope="module")
def returning_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("returning") / "returning"
    states.returning(folder)
    return folder


@pytest.fixture
def returning_store(returning_template, tmp_path, monkeypatch) -> Store:
    folder = tmp_path / "returning"
    shutil.copytree(returning_template, folder)
    monkeypatch.setenv("IKM_DATA_DIR", str(folder))
    return Store(folder)


# -- the fixtures through the importer ----------------------------------------------------
def test_the_two_row_sertifikasi_header_and_its_cells_are_read_as_written(store_with_phase3):
    outcome = importer.run((DATA / PHASE4).read_bytes(), PHASE4, store=store_with_phase3, phase=4, user="Baiq")
    rep = outcome.report
    assert rep.valid and rep.warnings == [], [w.to_dict() for w in rep.warnings]
    assert outcome.prepared.layout.last_header_row == 5  # the title rows and the group row above are no data
    assert {f: rep.columns.get(f) for f in ("name", "pirt", "halal", "bpom", "sni", "tourism", "tourism_partner",
                                             "mentoring")} == {
        "name": "Nama IKM", "pirt": "PIRT", "halal": "Halal", "bpom": "BPOM", "sni": "SNI",
        "tourism": "Pasar Pariwisata", "tourism_partner": "Mitra Hotel", "mentoring": "Pendampingan"}
    assert [(r["row"], r["ok"]) for r in rep.totals if r["field"] == "workers"] == [(15, True)]
    assert _stored(store_with_phase3, 4) == STORED_4
    meta = outcome.committed[0].meta
    assert (meta.rows, meta.enterprises, meta.workers) == (9, 8, 35)  # UD Sinar Rinjani once


def test_a_file_without_sni_or_mentoring_leaves_them_unknown(store_with_phase3):
    outcome = importer.run((DATA / PHASE5).read_bytes(), PHASE5, store=store_with_phase3, phase=5, user="Baiq")
    rep = outcome.report
    assert rep.valid
    # the dotted NIB is only a warning; stored as written, keyed without the dots
    assert [(w.row, w.column, w.value) for w in rep.warnings] == [(4, "NIB", "912.000.400.0001")]
    assert "sni" not in rep.columns and "mentoring" not in rep.columns
    assert _stored(store_with_phase3, 5) == STORED_5
    keys = store_with_phase3.phase_table(5).to_pandas().set_index("source_row")["enterprise_key"]
    assert keys[4] == "9120004000001" and keys[10] == keys[11] == "9120004000007"


@pytest.mark.parametrize("cell, held", [
    ("P-IRT No. 2065203010123-25", True), ("ID52110000123450722", True), ("MD 224513001234", True),
    ("SNI 3556:2016", True), ("✓", True), ("ya", True), ("Proses", False), ("dalam proses", False),
    ("Belum", False), ("Belum (diajukan 2021)", False), ("Tidak ada", False), ("-", False), ("", False),
    ("Sedang diurus 2022", False), ("kadaluarsa", None)])
def test_a_certification_cell_says_held_not_yet_or_unknown(cell, held):
    assert parse_flag(cell) is held


# -- the matching rule ----------------------------------------------------------------------
def test_returning_enterprises_are_matched_as_worked_out_by_hand(returning_store):
    ds = Dataset.open(returning_store)
    assert returning.summary(ds) == {
        "enterprises": 5, "by_nib": 2, "by_name": 3, "phases": [4, 5], "sample_phases": [],
        "by_phase": [{"phase": 4, "enterprises": 5}, {"phase": 5, "enterprises": 5}],
        "by_phases": [{"phases": [4, 5], "enterprises": 5}]}
    total, frame = returning.returning(ds, Filters())
    assert total == 5
    got = [(r.name, r.regency, *r.workers, r.by_nib) for r in frame.itertuples()]
    assert sorted(got) == sorted(BACK)
    assert set(frame.columns) & {"owner", "nik", "phone"} == set()
    # paged in SQL, in name order: 2 + 2 + 1
    pages = [returning.returning(ds, Filters(), page, 2)[1]["name"].tolist() for page in (1, 2, 3)]
    assert [len(p) for p in pages] == [2, 2, 1] and sum(pages, []) == frame["name"].tolist()


def test_indicators_json_carries_the_returning_enterprises(returning_store, capsys):
    root = str(returning_store.root)
    assert cli.main(["--data-dir", root, "indicators", "--phase", "4", "--json"]) == 0
    repeat = json.loads(capsys.readouterr().out)["repeat"]
    assert (repeat["enterprises"], repeat["by_nib"], repeat["by_name"], repeat["phases"]) == (5, 2, 3, [4, 5])
    assert cli.main(["--data-dir", root, "--lang", "en", "indicators", "--phase", "5"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "Returning participants" in x)
    assert "phases compared: 4, 5" in line and line.split()[-2:] == ["5", "IKM"]


def test_filters_narrow_the_rows_before_matching(returning_store):
    ds = Dataset.open(returning_store)
    assert returning.summary(ds, Filters(regencies=("5203",)))["enterprises"] == 1  # Lombok Timur: Sinar Rinjani
    assert returning.summary(ds, Filters(regencies=("5201",)))["enterprises"] == 0  # another NIB / regency
    assert returning.summary(ds, Filters(products=("kopi",)))["enterprises"] == 1  # Berkah Lestari, not Sinar
    assert returning.summary(ds, Filters(phase=5))["enterprises"] == 5
    assert returning.summary(ds, Filters(phase=3))["enterprises"] == 0  # published only


def test_two_nibs_are_never_one_enterprise_and_an_ambiguous_name_waits(data_dir):
    """UD Kembar of Dompu: NIB A in phase 6, NIB B in phase 7 (two enterprises), no NIB in
    phases 8 and 9 — which of A and B it is nobody can tell, so 8 and 9 match each other
    by name only. UD Tunggal: NIB C in phase 6, no NIB in phase 7: one enterprise."""
    store = states.published_only(data_dir)
    cols = ["Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "NIB"]
    files = {6: [["UD Kembar", "Dompu", "Kopi", "3", "9120000000001"], ["UD Tunggal", "Dompu", "Garam", "2",
                                                                        "9120000000003"]],
             7: [["UD Kembar", "Dompu", "Kopi", "4", "9120000000002"], ["UD. tunggal", "Dompu", "Garam", "5", ""]],
             8: [["UD Kembar", "Dompu", "Kopi", "5", ""]], 9: [["ud  kembar", "Dompu", "Kopi", "6", ""]]}
    for phase, body in files.items():
        states.upload(store, phase, f"tahap_{phase}.csv", states.csv_bytes(cols, body))
    ds = Dataset.open(store)
    total, frame = returning.returning(ds, Filters())
    assert total == 2
    assert sorted((r.name, r.phases, r.workers, r.by_nib) for r in frame.itertuples()) == [
        ("UD. tunggal", [6, 7], [2, 5], False), ("ud kembar", [8, 9], [5, 6], False)]  # names stored spaces collapsed


def test_a_nib_listed_under_two_spellings_lends_itself_to_each(data_dir):
    """Kopi Rinjani of Lombok Barat, NIB D, supplies two products in phase 6 and is written
    two ways there; in phase 7 it has no NIB and is written the second way: one enterprise
    (its NIB reached through the row of the second spelling, not the first)."""
    store = states.published_only(data_dir)
    cols = ["Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "NIB"]
    files = {6: [["Kopi Rinjani", "Lombok Barat", "Kopi", "3", "9120000000004"],
                 ["Kopi Rinjani Jaya", "Lombok Barat", "Garam", "3", "9120000000004"]],
             7: [["KOPI RINJANI JAYA", "Lombok Barat", "Kopi", "4", ""]]}
    for phase, body in files.items():
        states.upload(store, phase, f"tahap_{phase}.csv", states.csv_bytes(cols, body))
    total, frame = returning.returning(Dataset.open(store), Filters())
    assert total == 1
    assert [(r.phases, r.workers, r.by_nib) for r in frame.itertuples()] == [([6, 7], [3, 4], False)]


def test_the_match_is_kept_per_data_state_and_read_like_the_match_itself(returning_store, monkeypatch):
    """Without regency or product filter the match is done once per data state and kept in
    ``derived/``; what is read from it is what matching gives (with a phase, only that
    phase's); another commit makes another file and the old one goes; where the file cannot
    be written the match is done at every view, with the same answer."""
    ds = Dataset.open(returning_store)
    assert returning.kept_match(ds, build=False) is None
    live = {"phases": returning.compared_phases(ds), "regencies": [], "products": []}
    want = ds.con.cursor().execute(returning._SUMMARY_SQL["live"], live | {"phase": None}).fetchone()
    want_5 = ds.con.cursor().execute(returning._SUMMARY_SQL["live"], live | {"phase": 5}).fetchone()
    got = returning.summary(ds, Filters())
    path = returning.kept_match(ds, build=False)
    assert path is not None and path.parent == returning_store.root / "derived" and path.stat().st_mode & 0o777 == 0o600
    assert (got["enterprises"], got["by_nib"]) == (want[0], want[1]) == (len(BACK), sum(b[4] for b in BACK))
    assert returning.summary(ds, Filters(phase=5))["enterprises"] == want_5[0]
    assert returning.returning(ds, Filters(), page_size=100)[1]["name"].tolist() == sorted(
        (b[0] for b in BACK), key=str.lower)
    states.upload(returning_store, 5, PHASE5, (DATA / PHASE5).read_bytes().replace(b"UD Karya Baru", b"UD Karya"))
    again = Dataset.open(returning_store)
    assert returning.summary(again, Filters())["enterprises"] == len(BACK)
    newer = returning.kept_match(again).name
    assert newer != path.name and path.exists()  # young: a view on the earlier state may still read it
    os.utime(path, (time.time() - kept.GRACE_S - 1,) * 2)
    (returning_store.root / "derived" / newer).unlink()
    assert returning.summary(again, Filters())["enterprises"] == len(BACK)
    assert [p.name for p in (returning_store.root / "derived").iterdir()] == [newer]  # the old one went
    (returning_store.root / "derived" / returning.kept_match(again).name).unlink()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kept.pq, "write_table", full_disk)  # cannot be written: matched now, the same
    assert returning.kept_match(again) is None and not list((returning_store.root / "derived").iterdir())
    assert returning.summary(again, Filters())["enterprises"] == len(BACK)


def test_the_sample_is_never_matched(store_with_phase3):
    states.upload(store_with_phase3, 4, PHASE4, (DATA / PHASE4).read_bytes())
    out = returning.summary(Dataset.open(store_with_phase3))
    assert (out["enterprises"], out["phases"], out["sample_phases"]) == (0, [4], [3])


# -- the export -----------------------------------------------------------------------------
THEME_HEADERS = ["PIRT", "Halal", "BPOM", "SNI", "Pasar Pariwisata", "Mitra Hotel", "Pendampingan"]


def _export(tmp_path, store: Store, phase: int, fmt: str) -> pd.DataFrame:
    out = tmp_path / f"tahap{phase}.{fmt}"
    assert cli.main(["export", "--phase", str(phase), "--format", fmt, "--out", str(out),
                     "--data-dir", str(store.root)]) == 0
    if fmt == "csv":
        return pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return pd.read_excel(out, dtype=str, keep_default_na=False, engine="openpyxl")


def test_the_export_carries_certifications_tourism_partner_and_mentoring(returning_store, tmp_path, capsys):
    frame = _export(tmp_path, returning_store, 4, "csv")
    assert [h for h in frame.columns if h in THEME_HEADERS] == THEME_HEADERS
    yn = {True: "Ya", False: "Tidak", None: ""}
    expected = [[yn[r[5]], yn[r[6]], yn[r[7]], yn[r[8]], yn[r[9]], r[10] or "", yn[r[11]]] for r in STORED_4]
    assert frame[THEME_HEADERS].values.tolist() == [expected[i] for i in _order(returning_store, 4)]
    # phase 5's file had no SNI and no mentoring column: left out, so they read back as unknown
    five = _export(tmp_path, returning_store, 5, "xlsx")
    assert [h for h in five.columns if h in THEME_HEADERS] == ["PIRT", "Halal", "BPOM", "Pasar Pariwisata",
                                                               "Mitra Hotel"]
    capsys.readouterr()


def _order(store: Store, phase: int) -> list[int]:
    """Where each hand-worked row (by sheet row) sits in the store's (and the export's) order."""
    rows = store.phase_table(phase).to_pandas()["source_row"].tolist()
    mine = [r[0] for r in (STORED_4 if phase == 4 else STORED_5)]
    return [mine.index(r) for r in rows]


def test_the_export_imports_back_with_the_same_theme_values(returning_store, tmp_path, capsys):
    other = states.published_only(tmp_path / "other")
    theme = ["name", "pirt", "halal", "bpom", "sni", "tourism", "tourism_partner", "mentoring"]
    for phase in (4, 5):
        out = tmp_path / f"tahap{phase}.xlsx"
        assert cli.main(["export", "--phase", str(phase), "--format", "xlsx", "--out", str(out),
                         "--data-dir", str(returning_store.root)]) == 0
        back = importer.run(out.read_bytes(), out.name, store=other, phase=None, user="x")  # its Tahap column
        assert back.report.valid and back.committed[0].meta.phase == phase
        pd.testing.assert_frame_equal(returning_store.phase_table(phase).to_pandas()[theme],
                                      other.phase_table(phase).to_pandas()[theme])
    capsys.readouterr()


def test_a_hostile_partner_is_defused_in_the_export(data_dir, tmp_path, capsys):
    store = states.published_only(data_dir)
    cols = ["Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "Pasar Pariwisata", "Mitra Hotel"]
    states.upload(store, 4, "t.csv", states.csv_bytes(cols, [["UD Satu", "Dompu", "Kopi", "3", "Ya", "=1+1"]]))
    assert _export(tmp_path, store, 4, "csv")["Mitra Hotel"].tolist() == ["'=1+1"]
    out = tmp_path / "tahap4.xlsx"
    assert cli.main(["export", "--phase", "4", "--format", "xlsx", "--out", str(out),
                     "--data-dir", str(store.root)]) == 0
    ws = openpyxl.load_workbook(io.BytesIO(out.read_bytes())).active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "=1+1")
    assert cell.data_type == "s"
    capsys.readouterr()


def test_the_template_asks_for_tourism_partner_and_mentoring():
    ws = openpyxl.load_workbook(io.BytesIO(template.template_xlsx()))["Data"]
    assert [c.value for c in ws[3]][-7:] == THEME_HEADERS


# -- the page -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["id", "en"])
def test_peserta_berulang_on_perbandingan_tahap(returning_store, monkeypatch, lang):
    at = open_app("tahap", lang)
    assert t("returning.title", lang) in [s.value for s in at.subheader]
    assert t("returning.rule", lang) in [c.value for c in at.caption]
    phases = t("phase.label", lang, n=4) + f" {t('returning.and', lang)} " + t("phase.label", lang, n=5)
    assert t("returning.count", lang, n="5", by_nib="2", by_name="3", phases=phases) in [m.value for m in at.markdown]
    table = table_with(at, t("returning.col.matched", lang))
    w4, w5 = t("returning.col.workers", lang, phase=4), t("returning.col.workers", lang, phase=5)
    assert list(table.columns) == [t("metric.enterprise", lang), t("metric.regency", lang),
                                   t("returning.col.phases", lang), t("returning.col.matched", lang), w4, w5]
    shown = {(r[0], r[1], r[4], r[5], r[3]) for r in table.itertuples(index=False)}
    match = {True: t("returning.matched.nib", lang), False: t("returning.matched.name", lang)}
    assert shown == {(n, reg, str(a), str(b), match[nib]) for n, reg, a, b, nib in BACK}
    # a regency filter: Lombok Timur keeps Sinar Rinjani; Lombok Barat none, said so
    at.session_state["flt_regencies"] = ["5203"]
    ok(at.run())
    assert table_with(at, t("returning.col.matched", lang)).iloc[:, 0].tolist() == ["UD. Sinar Rinjani"]
    at.session_state["flt_regencies"] = ["5201"]
    ok(at.run())
    assert t("returning.none.filtered", lang, phases=phases) in [i.value for i in at.info]


def test_peserta_berulang_pages_in_sql(returning_store, monkeypatch):
    monkeypatch.setattr(returning, "PAGE_SIZE", 2)
    at = open_app("tahap", "id")
    page = next(w for w in at.number_input if w.key == "berulang_page")
    assert page.max == 3
    page.set_value(3)
    ok(at.run())
    table = table_with(at, t("returning.col.matched", "id"))
    assert table.iloc[:, 0].tolist() == ["UMKM Berkah Lestari"]  # the last in name order
    assert t("direktori.showing", "id", first="5", last="5", total="5") in [c.value for c in at.caption]
