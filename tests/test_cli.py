"""The data commands of ``python -m ikm_data``: validate, import, history, rollback, export,
remove-sample — JSON shapes of the spec, exit codes, no personal data in exports."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ikm_data import cli

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
GOOD = str(DATA / "good_two_row_header.xlsx")


def run(capsys, data_dir, *args):
    code = cli.main(["--data-dir", str(data_dir), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def run_json(capsys, data_dir, *args):
    code, out, err = run(capsys, data_dir, *args, "--json")
    return code, json.loads(out), err


def test_validate_json_shape_and_stores_nothing(capsys, tmp_path):
    data_dir = tmp_path / "store"
    code, payload, _ = run_json(capsys, data_dir, "validate", GOOD, "--phase", "4")
    assert code == 0
    assert {k: payload[k] for k in ("file", "rows", "enterprises", "workers", "errors", "warnings")} == {
        "file": "good_two_row_header.xlsx", "rows": 7, "enterprises": 7, "workers": 43, "errors": [], "warnings": []}
    assert "version" not in payload
    assert not data_dir.exists()  # validate creates no store


def test_validate_invalid_and_english_messages(capsys, tmp_path):
    code, payload, _ = run_json(capsys, tmp_path, "validate", str(DATA / "bad_regency_outside.csv"), "--lang", "en")
    assert code == 1
    (error,) = payload["errors"]
    assert {k: error[k] for k in ("row", "column", "value")} == {"row": 3, "column": "Kabupaten/Kota",
                                                                   "value": "Denpasar"}
    assert error["message"].startswith("“Denpasar” is not a regency/city of NTB")


def test_validate_text_output(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "validate", str(DATA / "bad_many_errors.csv"))
    assert code == 1
    assert "Baris 2, Kolom “Kabupaten/Kota”: “Denpasar” bukan kabupaten/kota di NTB" in out
    assert "Berkas ditolak: 4 kesalahan, 0 peringatan." in out


def test_bad_usage_and_missing_file_exit_2(capsys, tmp_path):
    assert run(capsys, tmp_path, "validate")[0] == 2
    code, _, err = run(capsys, tmp_path, "validate", str(tmp_path / "tidak_ada.csv"))
    assert code == 2 and "tidak_ada.csv" in err
    assert run(capsys, tmp_path, "import", GOOD, "--phase", "4", "--mode", "merge")[0] == 2


def test_import_history_rollback_round(capsys, tmp_path):
    data_dir = tmp_path / "store"
    code, payload, _ = run_json(capsys, data_dir, "import", GOOD, "--phase", "3", "--user", "Baiq")
    assert code == 0 and payload["version"] == "v2" and payload["noop"] is False
    assert (payload["rows"], payload["enterprises"], payload["workers"]) == (7, 7, 43)
    code, payload, _ = run_json(capsys, data_dir, "import", GOOD, "--phase", "3", "--user", "Baiq")
    assert code == 0 and payload["noop"] is True and payload["version"] == "v2"
    code, out, _ = run(capsys, data_dir, "import", GOOD, "--phase", "3")
    assert code == 0 and "Tidak ada perubahan" in out

    code, history, _ = run_json(capsys, data_dir, "history")
    assert code == 0 and [h["version"] for h in history] == ["v2", "v1"]
    keys = {"version", "phase", "mode", "user", "file", "sha256", "rows", "enterprises", "workers", "at"}
    assert keys <= set(history[0])
    assert {k: history[0][k] for k in ("phase", "mode", "user", "file", "rows", "enterprises", "workers")} == {
        "phase": 3, "mode": "replace", "user": "Baiq", "file": "good_two_row_header.xlsx", "rows": 7,
        "enterprises": 7, "workers": 43}
    assert len(history[0]["sha256"]) == 64

    code, out, _ = run(capsys, data_dir, "rollback", "v1")
    assert code == 0 and "v3" in out
    code, summary, _ = run_json(capsys, data_dir, "summary", "--phase", "3")
    assert summary["phases"][0]["enterprises"] == 453 and summary["phases"][0]["sample"] is True
    code, _, err = run(capsys, data_dir, "rollback", "v42")
    assert code == 1 and "v42" in err


def test_import_rejected_exit_1(capsys, tmp_path):
    data_dir = tmp_path / "store"
    code, payload, _ = run_json(capsys, data_dir, "import", str(DATA / "bad_split_mismatch.xlsx"), "--phase", "4")
    assert code == 1 and payload["errors"][0]["row"] == 6 and "version" not in payload
    code, history, _ = run_json(capsys, data_dir, "history")
    assert [h["version"] for h in history] == ["v1"]


def test_export_leaves_personal_data_out_and_defuses_formulas(capsys, tmp_path):
    data_dir = tmp_path / "store"
    evil = ("No;Nama IKM;Kabupaten/Kota;Jenis Produk;Jumlah TK;NIK;No. HP;Nama Pemilik;Alamat\n"
            "1;=HYPERLINK(\"http://x\");Dompu;Kopi;3;5205014405900001;081234;Siti;+62 jalan\n"
            "2;UD Aman;Bima;Garam;4;5206014405900002;081235;Ahmad;Jl. Baru\n").encode()
    (tmp_path / "evil.csv").write_bytes(evil)
    assert run(capsys, data_dir, "import", str(tmp_path / "evil.csv"), "--phase", "4")[0] == 0
    out_csv, out_xlsx = tmp_path / "t4.csv", tmp_path / "t4.xlsx"
    code, out, _ = run(capsys, data_dir, "export", "--phase", "4", "--format", "csv", "--out", str(out_csv))
    assert code == 0 and "2 baris" in out
    text = out_csv.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["Nama IKM"] for r in rows] == ["'=HYPERLINK(\"http://x\")", "UD Aman"]
    assert rows[0]["Alamat"] == "'+62 jalan"
    for secret in ("5205014405900001", "081234", "Siti", "Ahmad"):
        assert secret not in text
    assert not {"NIK", "No. HP", "Nama Pemilik"} & set(rows[0])
    assert rows[1]["Kabupaten/Kota"] == "Bima" and rows[1]["Jumlah Tenaga Kerja"] == "4"
    code, _, _ = run(capsys, data_dir, "export", "--phase", "4", "--format", "xlsx", "--out", str(out_xlsx))
    ws = load_workbook(out_xlsx).active
    header = [c.value for c in ws[1]]
    assert "NIK" not in header and "Nama Pemilik" not in header
    assert ws.cell(row=2, column=header.index("Nama IKM") + 1).value == "=HYPERLINK(\"http://x\")"
    assert ws.cell(row=2, column=header.index("Nama IKM") + 1).data_type == "s"


def test_export_then_import_gives_the_same_rows(capsys, tmp_path):
    data_dir = tmp_path / "store"
    run(capsys, data_dir, "import", GOOD, "--phase", "4")
    out = tmp_path / "ekspor.xlsx"
    run(capsys, data_dir, "export", "--phase", "4", "--format", "xlsx", "--out", str(out))
    code, payload, _ = run_json(capsys, data_dir, "validate", str(out), "--phase", "5")
    assert code == 1 and payload["errors"][0]["code"] == "validate.phase.mismatch"  # the export says Tahap 4
    code, payload, _ = run_json(capsys, tmp_path / "other", "import", str(out))
    assert code == 0 and payload["phases"] == [4]
    assert (payload["rows"], payload["enterprises"], payload["workers"]) == (7, 7, 43)
    assert payload["warnings"] == []


def test_remove_sample(capsys, tmp_path):
    data_dir = tmp_path / "store"
    code, out, _ = run(capsys, data_dir, "remove-sample")
    assert code == 0 and "v2" in out
    code, out, _ = run(capsys, data_dir, "remove-sample")
    assert code == 0 and "Tidak ada data contoh" in out


def test_tahap_column_import_without_phase(capsys, tmp_path):
    code, payload, _ = run_json(capsys, tmp_path / "s", "import", str(DATA / "good_tahap_column.csv"))
    assert code == 0 and payload["versions"] == ["v2", "v3"] and payload["phases"] == [4, 5]


def test_module_entry_point(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ikm_data", "--data-dir", str(tmp_path / "s"), "validate",
                             str(DATA / "bad_pdf_named.csv")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "PDF" in result.stderr and "Traceback" not in result.stderr


def test_import_records_the_data_date_and_programme(capsys, tmp_path):
    data_dir = tmp_path / "store"
    code, payload, _ = run_json(capsys, data_dir, "import", GOOD, "--phase", "4", "--as-of", "2020-07-13",
                                "--programme", "JPS Gemilang")
    assert code == 0 and payload["version"] == "v2"
    code, history, _ = run_json(capsys, data_dir, "history")
    assert [(h["version"], h["as_of"], h["programme"]) for h in history] == [
        ("v2", "2020-07-13", "JPS Gemilang"), ("v1", "", "JPS Gemilang")]
    code, out, _ = run(capsys, data_dir, "history")
    assert "JPS Gemilang, data per 13 Juli 2020" in out.splitlines()[0]


def test_a_bad_data_date_is_a_usage_error(capsys, tmp_path):
    data_dir = tmp_path / "store"
    code, out, err = run(capsys, data_dir, "import", GOOD, "--phase", "4", "--as-of", "13/07/2020")
    assert code == 2 and "Tanggal data tidak sah" in err and "TTTT-BB-HH" in err and "2020-07-13" in err
    code, _, err = run(capsys, data_dir, "import", GOOD, "--phase", "4", "--as-of", "2999-01-01")
    assert code == 2 and "belum tiba" in err
    code, _, err = run(capsys, data_dir, "import", GOOD, "--phase", "4", "--programme", " ")
    assert code == 2 and "Nama program tidak boleh kosong" in err
    code, history, _ = run_json(capsys, data_dir, "history")
    assert [h["version"] for h in history] == ["v1"]


def test_remove_phase_then_roll_it_back(capsys, tmp_path):
    data_dir = tmp_path / "store"
    assert run(capsys, data_dir, "import", GOOD, "--phase", "44")[0] == 0
    code, out, _ = run(capsys, data_dir, "remove-phase", "44", "--user", "Baiq")
    assert code == 0 and "Tahap 44 dikosongkan (versi baru v3)" in out
    code, history, _ = run_json(capsys, data_dir, "history")
    assert [(h["version"], h["phase"], h["mode"], h["user"], h["rows"]) for h in history[:2]] == [
        ("v3", 44, "remove", "Baiq", 0), ("v2", 44, "replace", history[1]["user"], 7)]
    code, _, err = run(capsys, data_dir, "remove-phase", "44")
    assert code == 1 and "tidak punya data" in err
    code, _, err = run(capsys, data_dir, "remove-phase", "1", "--lang", "en")
    assert code == 1 and "only the NTB Industry Department's published figures" in err
    assert run(capsys, data_dir, "rollback", "v2")[0] == 0
    code, summary, _ = run_json(capsys, data_dir, "summary", "--phase", "44")
    assert summary["phases"][0]["enterprises"] == 7


HOSTILE_NAMES = ["-2+3", "=1+1", "+62 812-3456", "@SUM(A1)", '=HYPERLINK("http://x","klik")', "\tUD Tab",
                 "'-5 sudah berapostrof", "UD Biasa"]


def _hostile_csv(path: Path) -> None:
    """Rows whose name, address, village and capacity unit start like formulas (the kind
    of text an export must not let a spreadsheet run)."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(["Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "Alamat", "Desa", "NIB",
                      "PIRT", "Halal", "BPOM", "SNI"])
        for i, name in enumerate(HOSTILE_NAMES):
            out.writerow([name, "Dompu", "Kopi", i + 1, f"+62 jalan {i}", f"=desa{i}", f"{9100000000000 + i}",
                          *(["Ya", "Tidak"] * 2)])


def _rows(data_dir: Path, phase: int = 4) -> list[dict]:
    from ikm_data.store import Store

    table = Store(data_dir).phase_table(phase).drop_columns(["source_row"])  # the export's row order
    return sorted(table.to_pylist(), key=lambda r: (r["name"], r["product_code"]))


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_hostile_names_survive_export_then_import(capsys, tmp_path, fmt):
    source, out = tmp_path / "hostile.csv", tmp_path / f"ekspor.{fmt}"
    _hostile_csv(source)
    first, second = tmp_path / "a", tmp_path / "b"
    assert run(capsys, first, "import", str(source), "--phase", "4")[0] == 0
    stored = _rows(first)
    names = {r["name"] for r in stored}
    assert {"-2+3", "=1+1", "+62 812-3456", "@SUM(A1)", '=HYPERLINK("http://x","klik")'} <= names
    assert "UD Tab" in names  # leading white space is never kept
    assert "'-5 sudah berapostrof" not in names and "-5 sudah berapostrof" in names  # the defusing ' dropped
    assert run(capsys, first, "export", "--phase", "4", "--format", fmt, "--out", str(out))[0] == 0
    if fmt == "csv":
        assert "'-2+3" in out.read_bytes().decode("utf-8-sig")  # CSV has no cell types: a visible '
    code, payload, _ = run_json(capsys, second, "import", str(out))
    assert code == 0 and payload["warnings"] == [], payload["warnings"]
    assert _rows(second) == stored


def test_exported_hostile_cells_are_strings_not_formulas(capsys, tmp_path):
    source, out = tmp_path / "hostile.csv", tmp_path / "ekspor.xlsx"
    _hostile_csv(source)
    run(capsys, tmp_path / "a", "import", str(source), "--phase", "4")
    run(capsys, tmp_path / "a", "export", "--phase", "4", "--format", "xlsx", "--out", str(out))
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    cells = {ws.cell(row=r, column=header.index("Nama IKM") + 1) for r in range(2, ws.max_row + 1)}
    by_name = {c.value: c for c in cells}
    for name in ("-2+3", "=1+1", "+62 812-3456", "@SUM(A1)", '=HYPERLINK("http://x","klik")'):
        assert by_name[name].data_type == "s" and by_name[name].quotePrefix, name
    assert by_name["UD Biasa"].data_type == "s" and not by_name["UD Biasa"].quotePrefix
    villages = [ws.cell(row=r, column=header.index("Desa/Kelurahan") + 1) for r in range(2, ws.max_row + 1)]
    assert all(c.data_type == "s" and c.value.startswith("=desa") for c in villages)
    import zipfile

    sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere in the file
