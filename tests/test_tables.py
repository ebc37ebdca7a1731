"""Display tables: translated headers and id-ID numbers."""

from ikm_data import queries, tables


def test_product_table_formats_numbers_and_dashes(dataset, phase3):
    frame = tables.products(queries.by_product(dataset, phase3), "id")
    assert list(frame.columns) == ["Produk", "IKM/UKM", "Tenaga kerja"]
    row = frame[frame["Produk"] == "Teh Kelor"].iloc[0]
    assert row["IKM/UKM"] == "35" and row["Tenaga kerja"] == "–"


def test_regency_table_in_english(dataset, phase3):
    frame = tables.regencies(queries.by_regency(dataset, phase3), "en")
    assert list(frame.columns) == ["Regency/city", "IKM/SMEs", "Workers"]
    assert frame.iloc[0].tolist() == ["Lombok Timur", "123", "703"]


def test_reconciliation_table_and_verdict(dataset):
    rec = queries.reconciliation(dataset, 3)
    frame = tables.reconciliation(rec, "id")
    assert frame["Cocok"].tolist().count("✓") == 14 and frame["Cocok"].tolist().count("—") == 1
    total = frame[frame["Angka"] == "Tenaga kerja · total"].iloc[0]
    assert total["Rilis"] == "2.858" and total["Data"] == "2.858"
    assert tables.reconciliation_verdict(rec) == {"matches": 14, "mismatches": 0}


def test_history_table_shows_wita_times(store_with_phase3):
    frame = tables.history(store_with_phase3.history(), "id")
    assert frame.iloc[0]["Versi"] == "v1" and frame.iloc[0]["Jenis"] == "data contoh"
    assert frame.iloc[0]["Waktu (WITA)"].endswith("WITA")


def test_reconciliation_puts_the_two_figures_before_their_long_names(dataset):
    frame = tables.reconciliation(queries.reconciliation(dataset, 3), "id")
    assert list(frame.columns)[:4] == ["Cocok", "Rilis", "Data", "Angka"]  # a phone sees the numbers
