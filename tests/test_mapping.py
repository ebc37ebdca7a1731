"""Column mapping by synonyms (ignoring case, spaces, punctuation), manual mappings, and
remembering them per header set in mappings.json."""

import json

import pytest

from ikm_data import mapping
from ikm_data.mapping import Header, MappingMemory, match, match_column, resolve


def headers(*labels):
    return [Header(i, label, None, label) for i, label in enumerate(labels)]


@pytest.mark.parametrize("text,field", [
    ("Nama IKM/UKM", "name"), ("NAMA  UMKM", "name"), ("nama_usaha", "name"), ("Business name", "name"),
    ("Kab./Kota", "regency"), ("KAB / KOTA", "regency"), ("Kab.", "regency"), ("Wilayah", "regency"),
    ("Komoditi", "product"), ("Jenis produk", "product"), ("Commodity", "product"),
    ("Jml. TK", "workers"), ("Jumlah Tenaga Kerja (orang)", "workers"), ("TK", "workers"),
    ("TK L", "workers_male"), ("Laki-laki", "workers_male"), ("L", "workers_male"),
    ("TK Perempuan", "workers_female"), ("W", "workers_female"), ("Wanita", "workers_female"),
    ("No. HP", "phone"), ("WA", "phone"), ("No. Telp", "phone"), ("NIK", "nik"), ("NIB", "nib"),
    ("Desa/Kelurahan", "village"), ("Kecamatan", "district"), ("Nilai Kontrak (Rp)", "order_value"),
    ("P-IRT", "pirt"), ("Halal", "halal"), ("BPOM", "bpom"), ("SNI", "sni"), ("Tahap", "phase"),
    ("No.", "no"), ("NO", "no"), ("Keterangan", None), ("", None),
])
def test_synonyms(text, field):
    assert match(text) == field


def test_sub_headers_under_a_workers_group():
    assert match_column("Tenaga Kerja", "L") == "workers_male"
    assert match_column("Jumlah Tenaga Kerja", "Perempuan") == "workers_female"
    assert match_column("Tenaga Kerja", "Jumlah") == "workers"
    assert match_column("Sertifikasi", "Halal") == "halal"
    assert match_column("Kapasitas Produksi", "Jumlah") == "capacity"
    assert match_column("Kapasitas Produksi", "Satuan") == "capacity_unit"
    assert match_column("Identitas", "Nama IKM") == "name"


def test_resolve_reports_missing_required_fields():
    cmap = resolve(headers("Nama IKM", "Produk", "TK L"))
    assert cmap.missing == ["regency", "workers"]
    assert resolve(headers("Nama", "Daerah", "Produk", "L", "P")).missing == ["name", "regency"]
    assert resolve(headers("Nama IKM", "Kota", "Produk", "L", "P")).missing == []


def test_first_column_wins_and_duplicates_are_reported():
    cmap = resolve(headers("Nama IKM", "Nama Usaha", "Kota", "Produk", "TK"))
    assert cmap.fields["name"] == 0 and cmap.duplicates == [("name", "Nama Usaha")]


def test_manual_mapping_wins_over_synonyms():
    cmap = resolve(headers("Pelaku", "Lokasi", "Barang", "Orang"),
                   {"name": "Pelaku", "regency": "Lokasi", "product": "Barang", "workers": "Orang"})
    assert cmap.missing == [] and cmap.label("regency") == "Lokasi"
    cmap = resolve(headers("Nama IKM", "Kota", "Produk", "TK", "Wilayah Asal"), {"regency": "Wilayah Asal"})
    assert cmap.fields["regency"] == 4
    with pytest.raises(ValueError):
        resolve(headers("Nama IKM"), {"name": "Tidak Ada"})
    with pytest.raises(ValueError):
        resolve(headers("Nama IKM"), {"bukan_field": "Nama IKM"})


def test_memory_remembers_per_header_set(tmp_path):
    memory = MappingMemory(tmp_path)
    labels = ["Pelaku", "Lokasi", "Barang", "Orang"]
    assert memory.recall(labels) == {}
    memory.remember(labels, {"regency": "Lokasi", "name": "Pelaku"}, user="Baiq")
    assert memory.recall(labels) == {"regency": "Lokasi", "name": "Pelaku"}
    assert memory.recall(["Pelaku", "Lokasi"]) == {}
    saved = json.loads((tmp_path / mapping.MEMORY_FILE).read_text())
    (entry,) = saved["mappings"].values()
    assert entry["headers"] == labels and entry["user"] == "Baiq"
    assert not list(tmp_path.glob(".mappings.json.*"))  # replaced atomically, no leftovers
    memory.remember(labels, {})
    assert memory.recall(labels) == {}


def test_header_set_key_ignores_case_and_spacing():
    assert mapping.header_set_key(["Nama IKM", "Kab/Kota"]) == mapping.header_set_key(["nama ikm", "KAB / KOTA"])
    assert mapping.header_set_key(["a", "b"]) != mapping.header_set_key(["b", "a"])


def test_headers_joining_synonyms_with_a_slash():
    assert match("Jenis Produk/Komoditi") == "product"
    assert match("Nama IKM / Pelaku Usaha") == "name"
    assert match("Kab/Kota Asal") == "regency"
    assert match("L/P") is None  # two different fields
    assert match("Kode Kab/Kota") is None  # the first part names something else
