"""The corpus of officials' files through the one import path: good files import with the
right totals and products, every bad one is refused with the exact row and column, and a
refused file leaves the store byte for byte as it was."""

import json
from pathlib import Path

import pytest

import make_fixtures
from ikm_data import audit, cli, importer
from ikm_data.queries import Dataset, Filters, by_product, kpis
from ikm_data.store import Store

DATA = Path(__file__).resolve().parent / "data"


def snapshot(store: Store) -> tuple[bytes, list[str]]:
    """state.json's bytes and every file of the store (what 'unchanged' means; the audit
    log and the job registry, which record the attempt, aside)."""
    files = sorted(str(p.relative_to(store.root)) for p in store.root.rglob("*") if p.is_file()
                   and p.name != ".lock" and p.relative_to(store.root).parts[0] not in ("audit", "jobs"))
    return (store.root / "state.json").read_bytes(), files


def run_cli(capsys, *args) -> tuple[int, dict | None, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    try:
        payload = json.loads(out.out) if out.out.strip() else None
    except json.JSONDecodeError:
        payload = None
    return code, payload, out.err


def test_corpus_is_what_the_script_writes(tmp_path):
    written = make_fixtures.build(tmp_path)
    assert len(written) >= 40
    for path in written:
        committed = DATA / path.name
        assert committed.exists(), f"{path.name} missing: run python tests/make_fixtures.py"
        assert committed.read_bytes() == path.read_bytes(), f"{path.name} is stale: run python tests/make_fixtures.py"
    assert len([p for p in written if p.name.startswith("bad_")]) >= 20


# -- good files ---------------------------------------------------------------------------
GOOD = {
    # file: (options, rows, enterprises, workers, {product code: enterprises})
    "good_two_row_header.xlsx": ({}, 7, 7, 43, {"minyak_goreng": 1, "susu_kedelai": 1, "teh_kelor": 1,
                                                "gula_semut": 1, "serbat_jahe": 1, "tas_kemasan": 1,
                                                "minyak_kayu_putih": 1}),
    "good_totals_mismatch.xlsx": ({}, 7, 7, 43, {"tas_kemasan": 1}),
    "good_semicolon_cp1252.csv": ({}, 3, 3, 1019, {"kopi": 1, "abon_ikan": 1, "garam": 1}),
    "good_tab_bom.csv": ({}, 2, 2, 9, {"susu_kedelai": 1, "madu_hutan": 1}),
    "good_comma_quoted.csv": ({}, 3, 3, 16, {"dodol_rumput_laut": 1, "kopi_luwak": 1, "sabun": 1}),
    "good_export.parquet": ({}, 3, 3, 13, {"minyak_goreng": 1, "susu_kedelai": 1, "teh_kelor": 1}),
    "good_several_sheets.xlsx": ({}, 2, 2, 10, {"minyak_goreng": 1, "garam": 1}),  # the sheet by its header
    "good_summary_first.xlsx": ({}, 3, 3, 12, {"minyak_goreng": 1, "kopi": 1, "garam": 1}),
    "good_numbers.xlsx": ({}, 3, 2, 8, {"minyak_goreng": 1, "sabun": 1, "kopi": 1}),
    "good_office_report.xlsx": ({}, 3, 3, 11, {"minyak_goreng": 1, "susu_kedelai": 1, "gula_semut": 1}),
}


def test_office_report_subtotals_and_signature_are_not_data(store_with_phase3):
    outcome = importer.run((DATA / "good_office_report.xlsx").read_bytes(), "r.xlsx", store=store_with_phase3,
                           phase=4, commit=False)
    rep = outcome.report
    assert rep.valid and rep.warnings == []
    assert list(rep.frame["source_row"]) == [7, 8, 10] and list(rep.frame["regency_code"]) == ["5201", "5201", "5203"]
    assert [(t["row"], t["label"], t["ok"]) for t in rep.totals if t["field"] == "workers"] == [
        (9, "Jumlah Lombok Barat", True), (11, "Jumlah Lombok Timur", True), (12, "JUMLAH TOTAL", True)]
    assert rep.skipped == {"blank": 2, "notes": 4, "totals": 3}
    assert rep.columns["product"] == "JENIS PRODUK/KOMODITI" and rep.columns["workers"] == "TENAGA KERJA (ORANG) / JML"


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_files_import_with_the_right_totals(store_with_phase3, name):
    options, rows, enterprises, workers, products = GOOD[name]
    outcome = importer.run((DATA / name).read_bytes(), name, store=store_with_phase3, phase=4, user="Baiq", **options)
    assert outcome.report.valid, [i.to_dict() for i in outcome.report.errors]
    (result,) = outcome.committed
    meta = result.meta
    assert (meta.phase, meta.mode, meta.user, meta.file) == (4, "replace", "Baiq", name)
    assert (meta.rows, meta.enterprises, meta.workers) == (rows, enterprises, workers)
    ds = Dataset.open(store_with_phase3)
    k = kpis(ds, Filters(phase=4))
    assert (k["rows"], k["enterprises"], k["workers"]) == (rows, enterprises, workers)
    shown = by_product(ds, Filters(phase=4))
    counts = dict(zip(shown["product_code"], shown["enterprises"]))
    assert {c: counts[c] for c in products} == products
    assert store_with_phase3.upload_path(meta.version).read_bytes() == (DATA / name).read_bytes()
    assert kpis(ds, Filters(phase=3))["enterprises"] == 453  # other phases untouched


def test_totals_mismatch_is_a_warning_with_row_and_column(store_with_phase3):
    outcome = importer.run((DATA / "good_totals_mismatch.xlsx").read_bytes(), "t.xlsx", store=store_with_phase3,
                           phase=4, commit=False)
    assert [(w.row, w.column, w.value, w.code) for w in outcome.report.warnings] == [
        (14, "Tenaga Kerja / Jumlah", "45", "validate.totals.mismatch")]
    assert "45" in outcome.report.warnings[0].message() and "43" in outcome.report.warnings[0].message()


def test_tahap_column_without_phase_commits_one_version_per_phase(store_with_phase3):
    outcome = importer.run((DATA / "good_tahap_column.csv").read_bytes(), "tahap.csv", store=store_with_phase3,
                           phase=None, user="Lalu")
    assert [(r.meta.version, r.meta.phase, r.meta.rows) for r in outcome.committed] == [("v2", 4, 2), ("v3", 5, 1)]
    state = store_with_phase3.state()
    assert state.phases[4] == "v2" and state.phases[5] == "v3" and state.seq == 3


# -- bad files ----------------------------------------------------------------------------
UNREADABLE = {
    "bad_empty.csv": "ingest.empty", "bad_empty.xlsx": "ingest.empty", "bad_blank_lines.csv": "ingest.empty",
    "bad_random_bytes.xlsx": "ingest.wrong_type", "bad_random_bytes.csv": "ingest.wrong_type",
    "bad_pdf_named.csv": "ingest.wrong_type.pdf", "bad_xlsx_named.csv": "ingest.wrong_type.zip",
    "bad_csv_named.xlsx": "ingest.wrong_type.text", "bad_old_format.xls": "ingest.xls_unreadable",
    "bad_zip_bomb.xlsx": "ingest.too_large", "bad_notes.txt": "ingest.unsupported",
}
INVALID = {
    # file: (phase, [(row, column, code)])
    "bad_header_only.xlsx": (4, [(None, None, "validate.no_rows")]),
    "bad_header_only.csv": (4, [(None, None, "validate.no_rows")]),
    "bad_missing_regency.xlsx": (4, [(1, None, "validate.missing_column")]),
    "bad_missing_workers.csv": (4, [(1, None, "validate.missing_column")]),
    "bad_negative_workers.csv": (4, [(3, "Jumlah TK", "validate.workers.negative")]),
    "bad_fraction_workers.xlsx": (4, [(3, "Jumlah TK", "validate.workers.fraction")]),
    "bad_fraction_text.csv": (4, [(4, "Jumlah TK", "validate.workers.fraction")]),
    "bad_text_workers.csv": (4, [(2, "Jumlah TK", "validate.workers.not_number")]),
    "bad_blank_workers.csv": (4, [(4, "Jumlah TK", "validate.workers.blank")]),
    "bad_regency_outside.csv": (4, [(3, "Kabupaten/Kota", "validate.regency.unknown")]),
    "bad_regency_typo.csv": (4, [(4, "Kabupaten/Kota", "validate.regency.typo")]),
    "bad_kabupaten_mataram.csv": (4, [(2, "Kabupaten/Kota", "validate.regency.typo")]),
    "bad_blank_regency.csv": (4, [(2, "Kabupaten/Kota", "validate.regency.blank")]),
    "bad_blank_name.csv": (4, [(3, "Nama IKM", "validate.name.blank")]),
    "bad_blank_product.csv": (4, [(4, "Jenis Produk", "validate.product.blank")]),
    "bad_duplicate_nib.csv": (4, [(5, "NIB", "validate.duplicate.nib")]),
    "bad_duplicate_name.xlsx": (4, [(4, "Nama IKM", "validate.duplicate.name")]),
    "bad_split_mismatch.xlsx": (4, [(6, "Tenaga Kerja / Jumlah", "validate.workers.split")]),
    "bad_tahap_mismatch.csv": (4, [(4, "Tahap", "validate.phase.mismatch")]),
    "bad_tahap_blank.csv": (None, [(3, "Tahap", "validate.phase.blank")]),
    "bad_several_sheets_first.xlsx": (4, [(1, None, "validate.missing_column")] * 4),
    "bad_many_errors.csv": (4, [(2, "Kabupaten/Kota", "validate.regency.unknown"),
                                (3, "Jumlah TK", "validate.workers.negative"),
                                (4, "Nama IKM", "validate.name.blank"),
                                (5, "Jumlah TK", "validate.workers.fraction")]),
}


_EXTRA_ARGS = {"bad_several_sheets_first.xlsx": ["--sheet", "Petunjuk"]}  # named, the instructions sheet is read


def _path(name: str) -> Path:
    return DATA / ("good_several_sheets.xlsx" if name == "bad_several_sheets_first.xlsx" else name)


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_files_exit_2_and_change_nothing(store_with_phase3, capsys, name):
    before = snapshot(store_with_phase3)
    code, payload, err = run_cli(capsys, "--data-dir", str(store_with_phase3.root), "import",
                                 str(DATA / name), "--phase", "4", "--json")
    assert code == 2 and payload is None
    assert name in err and "Traceback" not in err
    assert snapshot(store_with_phase3) == before
    code, _, err = run_cli(capsys, "--data-dir", str(store_with_phase3.root), "validate", str(DATA / name))
    assert code == 2


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_files_report_exact_rows_and_change_nothing(store_with_phase3, capsys, name):
    phase, expected = INVALID[name]
    before = snapshot(store_with_phase3)
    args = ["--data-dir", str(store_with_phase3.root), "import", str(_path(name)), "--json"]
    args += _EXTRA_ARGS.get(name, [])
    if phase is not None:
        args += ["--phase", str(phase)]
    code, payload, err = run_cli(capsys, *args)
    assert code == 1, err
    assert [(e["row"], e["column"], e["code"]) for e in payload["errors"]] == expected
    assert all(e["message"] and "value" in e for e in payload["errors"])
    assert "version" not in payload
    assert snapshot(store_with_phase3) == before
    (event,) = audit.read(store_with_phase3.root)  # the attempt is recorded as a check, not a commit
    assert (event["event"], event["what"], event["file"]) == ("validate", "refused", _path(name).name)
    code, payload, _ = run_cli(capsys, "--data-dir", str(store_with_phase3.root), "validate", str(_path(name)),
                               "--json", *(["--phase", str(phase)] if phase else []), *_EXTRA_ARGS.get(name, []))
    assert code == 1 and [(e["row"], e["column"]) for e in payload["errors"]] == [(r, c) for r, c, _ in expected]


def test_missing_column_names_the_field(store_with_phase3):
    outcome = importer.run((DATA / "bad_missing_regency.xlsx").read_bytes(), "m.xlsx", store=store_with_phase3,
                           phase=4)
    (error,) = outcome.report.errors
    assert error.field == "regency" and "Kabupaten/Kota" in error.message()
    assert outcome.committed == []


def test_manual_mapping_is_remembered_for_the_same_headers(store_with_phase3):
    content = b"Pelaku;Lokasi;Barang;Orang\nUD A;Dompu;Kopi;3\n"
    first = importer.run(content, "a.csv", store=store_with_phase3, phase=4, commit=False)
    assert [e.field for e in first.report.errors] == ["name", "regency", "product", "workers"]
    manual = {"name": "Pelaku", "regency": "Lokasi", "product": "Barang", "workers": "Orang"}
    from ikm_data.mapping import MappingMemory

    MappingMemory(store_with_phase3.root).remember(first.prepared.layout.labels, manual)
    again = importer.run(b"Pelaku;Lokasi;Barang;Orang\nUD B;Bima;Garam;4\n", "b.csv", store=store_with_phase3,
                         phase=4, user="x")
    assert again.prepared.cmap.remembered and again.report.valid
    assert again.committed[0].meta.workers == 4


def test_effect_against_the_sample_and_then_real_data(store_with_phase3):
    content = (DATA / "good_two_row_header.xlsx").read_bytes()
    outcome = importer.run(content, "x.xlsx", store=store_with_phase3, phase=3, commit=False)
    (effect,) = outcome.effect
    assert effect["replaces_sample"] and effect["before"] == {"rows": 453, "enterprises": 453, "workers": 2858}
    assert effect["after"] == {"rows": 7, "enterprises": 7, "workers": 43}
    assert effect["delta"]["enterprises"] == 7 - 453
    importer.run(content, "x.xlsx", store=store_with_phase3, phase=3, user="x")
    more = importer.run((DATA / "good_export.parquet").read_bytes(), "e.parquet", store=store_with_phase3, phase=3,
                        mode="append", commit=False)
    (effect,) = more.effect
    assert not effect["replaces_sample"]
    assert effect["delta"] == {"rows": 3, "enterprises": 3, "workers": 13}
    assert effect["new_products"] == []  # all three are already in the phase


def _csv(*rows) -> bytes:
    return ("Nama IKM;Kabupaten/Kota;Jenis Produk;Jumlah TK\n"
            + "".join(";".join(r) + "\n" for r in rows)).encode("utf-8")


def test_effect_tells_products_new_to_the_programme_from_products_new_to_the_phase(store_with_phase3):
    from ikm_data.upload_tables import effect_lines

    s = store_with_phase3
    # onto the sample, in a store without uploaded rows, no product is "new": there is nothing to compare
    first = importer.run((DATA / "good_two_row_header.xlsx").read_bytes(), "x.xlsx", store=s, phase=3,
                         commit=False)
    assert effect_lines(first.effect, "id")[0]["notes"] == [
        "Tahap ini sekarang memakai data contoh (sintetis); unggahan ini menggantikannya."]
    importer.run((DATA / "good_two_row_header.xlsx").read_bytes(), "x.xlsx", store=s, phase=3, user="x")
    # phase 3 now holds Minyak Goreng (and six more), not Kopi; phase 4 is new
    four = importer.run(_csv(["UD A", "Dompu", "Minyak Goreng", "2"], ["UD B", "Bima", "Kopi", "3"]), "a.csv",
                        store=s, phase=4, commit=False)
    (e,) = four.effect
    assert e["new_to_programme"] == ["Kopi"] and not e["phase_had_products"] and e["programme_had_products"]
    assert e["new_products"] == ["Kopi", "Minyak Goreng"]  # to an empty phase every product is new
    assert effect_lines(four.effect, "id")[0]["notes"] == ["Produk yang belum pernah ada di tahap mana pun: Kopi."]
    importer.run(_csv(["UD A", "Dompu", "Minyak Goreng", "2"], ["UD B", "Bima", "Kopi", "3"]), "a.csv",
                 store=s, phase=4, user="x")
    more = importer.run(_csv(["UD C", "Dompu", "Minyak Goreng", "1"], ["UD D", "Bima", "Susu Kedelai", "1"],
                             ["UD E", "Bima", "Garam", "1"]), "b.csv", store=s, phase=4, mode="append",
                        commit=False)
    (e,) = more.effect
    assert (e["new_products"], e["new_to_programme"]) == (["Garam", "Susu Kedelai"], ["Garam"])
    assert effect_lines(more.effect, "en")[0]["notes"] == [
        "Products not yet in any phase: Salt.", "Products new to this phase (already in another phase): Soy milk."]
    again = importer.run(_csv(["UD F", "Bima", "Kopi", "1"]), "c.csv", store=s, phase=4, commit=False)
    assert again.effect[0]["new_products"] == [] and effect_lines(again.effect, "id")[0]["notes"] == []


def test_cli_reads_the_best_sheet_unless_one_is_named(store_with_phase3, capsys):
    path = str(DATA / "good_summary_first.xlsx")
    code, payload, _ = run_cli(capsys, "validate", path, "--phase", "4", "--json")
    assert code == 0 and (payload["sheet"], payload["sheet_auto"]) == ("Data IKM", True)
    assert [(w["row"], w["column"], w["code"]) for w in payload["warnings"]] == [
        (6, "NIK", "reading.validate.nik.numeric"), (6, "NIB", "reading.validate.nib.numeric")]
    code, payload, _ = run_cli(capsys, "validate", path, "--phase", "4", "--sheet", "Rekap", "--json")
    assert code == 1 and (payload["sheet"], payload["sheet_auto"]) == ("Rekap", False)
    assert cli.main(["validate", path, "--phase", "4"]) == 0
    assert ("Lembar “Data IKM” dipilih otomatis karena judul kolomnya paling cocok (4 dari 4 kolom wajib)."
            in capsys.readouterr().out)


def test_import_requires_a_phase_without_tahap_column(store_with_phase3, capsys):
    before = snapshot(store_with_phase3)
    code, _, err = run_cli(capsys, "--data-dir", str(store_with_phase3.root), "import",
                           str(DATA / "good_export.parquet"))
    assert code == 2 and "--phase" in err
    assert snapshot(store_with_phase3) == before


def _nib_csv(*rows) -> bytes:
    return ("Nama IKM;Kabupaten/Kota;Jenis Produk;Jumlah TK;NIB\n"
            + "".join(";".join(r) + "\n" for r in rows)).encode("utf-8")


def _stored_keys(store: Store, phase: int) -> list[tuple[str, str]]:
    table = store.phase_table(phase).to_pandas()
    return sorted(zip(table["product_code"], table["enterprise_key"]))


def test_a_nib_on_one_row_only_makes_one_enterprise_replace_and_both_ways_of_append(store_with_phase3):
    store = store_with_phase3
    two_rows = _nib_csv(["UD Maju", "Lombok Barat", "Kopi", "5", "9120000000001"],
                        ["UD Maju", "Lombok Barat", "Garam", "5", ""])
    outcome = importer.run(two_rows, "a.csv", store=store, phase=4, user="x")
    assert outcome.committed[0].meta.enterprises == 1
    assert _stored_keys(store, 4) == [("garam", "9120000000001"), ("kopi", "9120000000001")]
    # append a row without NIB to the enterprise stored with one
    importer.run(_nib_csv(["ud maju", "Kab. Lombok Barat", "Sabun", "2", ""]), "b.csv", store=store, phase=4,
                 mode="append", user="x")
    assert kpis(Dataset.open(store), Filters(phase=4))["enterprises"] == 1
    # stored without NIB, the NIB comes with an append: the stored rows take it
    importer.run(_nib_csv(["UD Baru", "Dompu", "Kopi", "3", ""], ["UD Baru", "Dompu", "Garam", "3", ""]), "c.csv",
                 store=store, phase=5, user="x")
    append = _nib_csv(["UD Baru", "Dompu", "Sabun", "3", "9120000000007"])
    preview = importer.run(append, "d.csv", store=store, phase=5, mode="append", commit=False)
    assert preview.effect[0]["before"]["enterprises"] == 1 and preview.effect[0]["after"]["enterprises"] == 1
    outcome = importer.run(append, "d.csv", store=store, phase=5, mode="append", user="x")
    assert outcome.committed[0].meta.enterprises == 1
    assert _stored_keys(store, 5) == [("garam", "9120000000007"), ("kopi", "9120000000007"),
                                      ("sabun", "9120000000007")]
    assert kpis(Dataset.open(store), Filters(phase=5))["enterprises"] == 1
