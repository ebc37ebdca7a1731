"""The open-data package (ikm_data.datapackage): it passes Frictionless validation, its values
are the store's, it holds no personal data, a published-only phase gives a valid package that
says so, the CLI writes it and Tentang Data offers it."""

import csv
import hashlib
import io
import json
import zipfile

import pytest
from frictionless import Package

from ikm_data import datapackage
from ikm_data.cli import main
from ikm_data.i18n import t
from tests.test_states import Truth


def _validate(files: dict, folder):
    datapackage.write(files, folder)
    return Package(str(folder / "datapackage.json")).validate()


def _rows(files: dict, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[name].decode("utf-8"))))


def _errors(report) -> list[str]:
    return [e.type for task in report.tasks for e in task.errors] + [e.type for e in report.errors]


@pytest.fixture(scope="module")
def certified(tmp_path_factory):
    """The ``certified`` store of tests/states.py: the sample's phase 3 (owners, NIK and phones
    in every row) and a phase 4 with a product new to the vocabulary."""
    from tests import states

    folder = tmp_path_factory.mktemp("dp") / "certified"
    return states.build("certified", folder)


@pytest.mark.parametrize("phase", [3, 4])
def test_the_package_validates_and_holds_the_stores_values(certified, phase, tmp_path):
    files = datapackage.build(certified, phase)
    report = _validate(files, tmp_path)
    assert report.valid, _errors(report)
    truth = Truth(certified.root)
    desc = json.loads(files["datapackage.json"])
    rows = _rows(files, "peserta.csv")
    k = truth.kpis(phase)
    assert len(rows) == len(truth.rows[phase]) and desc["ikm"]["rows"] == len(rows)
    assert (desc["ikm"]["enterprises"], desc["ikm"]["workers"]) == (k["enterprises"], k["workers"])
    per_product = {}
    for r in rows:
        per_product.setdefault(r["product_code"], set()).add(r["enterprise_key"])
    assert {c: len(v) for c, v in per_product.items()} == truth.by_product(phase)
    meta = certified.state().current(phase)
    assert desc["ikm"]["version"] == meta.version and desc["ikm"]["sha256"] == meta.sha256
    assert desc["ikm"]["sample"] is (phase == 3) and ("DATA CONTOH" in desc["title"]) is (phase == 3)
    for res in desc["resources"]:  # each file's own sha256, which the validation also checked
        assert res["hash"] == "sha256:" + hashlib.sha256(files[res["path"]]).hexdigest()
    regencies = {r["code"]: r for r in _rows(files, "kabupaten.csv")}
    assert regencies["5203"]["kemendagri_code"] == "52.03" and len(regencies) == 10
    products = {r["code"]: r for r in _rows(files, "produk.csv")}
    assert set(per_product) <= set(products)
    if phase == 4:
        assert products["dodol_rumput_laut"]["in_vocabulary"] == "false"
    fields = {f["name"]: f for f in desc["resources"][0]["schema"]["fields"]}
    assert fields["workers"]["type"] == "integer" and fields["workers"]["satuan"] == "orang"
    assert fields["pirt"]["type"] == "boolean" and fields["name"]["title_en"] == "IKM name"
    sdi = desc["satu_data"]
    assert sdi["produsen_data"].startswith("Dinas Perindustrian") and sdi["cakupan_wilayah"]["kode_wilayah"] == "52"
    assert {"penanggung_jawab", "frekuensi", "satuan"} <= set(sdi)


def test_no_personal_data_in_any_file(certified):
    files = datapackage.build(certified, 3)
    text = "\n".join(data.decode("utf-8") for data in files.values())
    stored = certified.phase_table(3).to_pandas()
    for column in ("owner", "nik", "phone"):
        values = [v for v in stored[column].dropna() if len(str(v)) >= 6]
        assert len(values) == len(stored)  # the sample has them in every row...
        assert not [v for v in values if str(v) in text], column  # ...and none reaches the package
    for name, data in files.items():
        if name.endswith(".csv"):
            header = data.decode("utf-8").splitlines()[0].split(",")
            assert not {"owner", "nik", "phone"} & set(header)


def test_a_published_only_phase_gives_a_valid_package_that_says_so(store_with_phase3, tmp_path):
    files = datapackage.build(store_with_phase3, 2)
    report = _validate(files, tmp_path)
    assert report.valid, _errors(report)
    desc = json.loads(files["datapackage.json"])
    assert "peserta.csv" not in files and [r["name"] for r in desc["resources"]] == ["kabupaten", "produk",
                                                                                       "angka_rilis"]
    assert desc["ikm"]["participants"] is False and "hanya punya angka rilis" in desc["description"]
    published = _rows(files, "angka_rilis.csv")
    assert published and {r["phase"] for r in published} == {"2"}


def test_validation_catches_a_participant_outside_the_reference_lists(store_with_phase3, tmp_path):
    files = datapackage.build(store_with_phase3, 3)
    bad = files["peserta.csv"].replace(b",5203,", b",5299,", 1)
    desc = json.loads(files["datapackage.json"])
    res = desc["resources"][0]
    res["bytes"], res["hash"] = len(bad), "sha256:" + hashlib.sha256(bad).hexdigest()
    files = dict(files, **{"peserta.csv": bad, "datapackage.json": json.dumps(desc).encode()})
    assert _errors(_validate(files, tmp_path)) == ["foreign-key"]


def test_cli_writes_the_package_and_the_zip_holds_it(store_with_phase3, tmp_path, capsys):
    out = tmp_path / "paket"
    assert main(["export", "--phase", "3", "--format", "datapackage", "--out", str(out)]) == 0
    assert "453 baris peserta" in capsys.readouterr().out
    assert Package(str(out / "datapackage.json")).validate().valid
    assert main(["export", "--phase", "9", "--format", "datapackage", "--out", str(tmp_path / "p9")]) == 1
    assert not (tmp_path / "p9").exists()
    files = {p.name: p.read_bytes() for p in out.iterdir()}
    with zipfile.ZipFile(io.BytesIO(datapackage.zip_bytes(files))) as zf:
        assert zf.namelist()[0] == "datapackage.json" and set(zf.namelist()) == set(files)


@pytest.mark.parametrize("phase, rows", [(3, True), (2, False)])
def test_tentang_offers_the_package(app, phase, rows):
    at = app("tentang", flt_phase=phase)
    button = next(b for b in at.get("download_button") if b.proto.id.endswith("unduh_paket_data"))
    assert button.proto.label == t("share.tentang.download", n=phase)
    infos = [i.value for i in at.info]
    assert (t("share.tentang.published_only", n=phase) in infos) is not rows
