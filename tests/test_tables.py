"""Display tables: translated headers and id-ID numbers."""

from ikm_data import queries, tables


def test_product_table_formats_numbers_and_dashes(dataset, phase3):
    frame = tables.products(queries.by_product(dataset, phase3), "id").display()
    assert list(frame.columns) == ["Produk", "IKM/UKM", "Tenaga kerja"]
    row = frame[frame["Produk"] == "Teh Kelor"].iloc[0]
    assert row["IKM/UKM"] == "35" and row["Tenaga kerja"] == "–"


def test_regency_table_in_english(dataset, phase3):
    frame = tables.regencies(queries.by_regency(dataset, phase3), "en").display()
    assert list(frame.columns) == ["Regency/city", "IKM/SMEs", "Workers"]
    assert frame.iloc[0].tolist() == ["Lombok Timur", "123", "703"]


def test_reconciliation_table_and_verdict(dataset):
    rec = queries.reconciliation(dataset, 3)
    frame = tables.reconciliation(rec, "id").display()
    assert frame["Cocok"].tolist().count("✓") == 14 and frame["Cocok"].tolist().count("—") == 1
    total = frame[frame["Angka"] == "Tenaga kerja · total"].iloc[0]
    assert total["Rilis"] == "2.858" and total["Data"] == "2.858"
    assert tables.reconciliation_verdict(rec) == {"matches": 14, "mismatches": 0}


def test_history_table_shows_wita_times(store_with_phase3):
    frame = tables.history(store_with_phase3.history(), "id").display()
    assert frame.iloc[0]["Versi"] == "v1" and frame.iloc[0]["Jenis"] == "data contoh"
    assert frame.iloc[0]["Waktu (WITA)"].endswith("WITA")


def test_scope_labels_follow_the_ui_language():
    assert tables.scope_label("All agencies", "id") == "Semua instansi"
    assert tables.scope_label("All agencies", "en") == "All agencies"
    assert tables.scope_label("Dinas Perdagangan NTB", "id") == "Dinas Perdagangan NTB"


def test_phase_table_labels_kinds_sources_and_notes(dataset):
    rows = tables.phases(queries.phase_summaries(dataset), "en").display()
    assert rows["Kind of source"].tolist() == ["published figure", "published figure", "sample data (synthetic)"]
    assert rows["Note"].tolist()[:2] == ["count on launch day", "about 900"]
    rows = tables.phases(queries.phase_summaries(dataset), "id").display()
    assert rows["Catatan"].tolist()[:2] == ["hitungan pada hari peluncuran", "sekitar 900"]


def test_reconciliation_sources_and_notes_in_english(dataset):
    frame = tables.reconciliation(queries.reconciliation(dataset, 3), "en").display()
    assert frame["Source"].iloc[0] == "Dinas Perindustrian NTB news release (disperin.ntbprov.go.id/?p=1431)"
    assert frame["Note"].iloc[-1].startswith("other agency")


def test_phase_table_marks_the_approximate_metric_and_says_why_a_figure_is_missing(store_with_phase3):
    from ikm_data.queries import Dataset, Filters

    store_with_phase3.remove_sample(user="uji")
    ds = Dataset.open(store_with_phase3)
    frame = tables.phases(queries.phase_summaries(ds), "en").display()
    assert frame["IKM/SMEs"].tolist() == ["57", "–", "453"]
    assert frame["Workers"].tolist() == ["–", "900", "2.858"]
    assert frame["Approximate"].tolist() == ["", "Workers", "Workers"]
    assert frame["No figure"][1] == "IKM/SMEs: the department published no such figure for this phase"
    oils = tables.phases(queries.phase_summaries(ds, Filters(products=("minyak_cengkeh",))), "id").display()
    assert oils["IKM/UKM"].tolist() == ["–", "–", "–"]
    assert oils["Tanpa angka"][2] == ("IKM/UKM: rilis memberi satu angka untuk beberapa produk bersama; "
                                      "pembagiannya tidak diketahui; Tenaga kerja: rilis memberi satu angka "
                                      "untuk beberapa produk bersama; pembagiannya tidak diketahui")


def test_reconciliation_puts_the_two_figures_before_their_long_names(dataset):
    frame = tables.reconciliation(queries.reconciliation(dataset, 3), "id").display()
    assert list(frame.columns)[:4] == ["Cocok", "Rilis", "Data", "Angka"]  # a phone sees the numbers
