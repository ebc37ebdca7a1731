"""The Unggah Data page through AppTest: upload a bad file and see every error with its row
and column, commit a good one and see Ringkasan change, roll back from the page, map a
column by hand, and refuse an unreadable file without a traceback."""

import datetime as dt
import json
from pathlib import Path

import pytest
from ikm_data.markup import escape
from tests import apptest

DATA = Path(__file__).resolve().parent / "data"
MIME = apptest.MIME


upload = apptest.upload


TABLES = {  # a column that only this table of the page has, and which of such tables it is
    "unggah_history": ("Petugas", 0), "unggah_errors": ("Keterangan", 0), "unggah_warnings": ("Keterangan", 1),
    "unggah_preview": ("Baris di berkas", 0),
}


def table(at, key):
    column, nth = TABLES[key]
    if column == "Petugas" and at.session_state["lang"] == "en":
        column = "User"
    return [df.value for df in at.dataframe if column in df.value.columns][nth]


texts = apptest.values


def confirm(at, name: str):
    """Tick the confirmation checkbox ``name`` (its key also names the store's state)."""
    (box,) = [c for c in at.checkbox if c.key and c.key.rsplit("_", 1)[0] == name]
    box.check().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def state_bytes(store) -> bytes:
    return (store.root / "state.json").read_bytes()


@pytest.mark.parametrize("lang,title", [("id", "Unggah Data"), ("en", "Upload data")])
def test_page_renders_with_history_and_sample(app, lang, title):
    at = app("unggah", lang)
    assert at.title[0].value == title
    history = table(at, "unggah_history")
    assert list(history.iloc[0])[:1] == ["v1"]
    assert at.button(key="unggah_remove_sample") is not None
    assert any(b.label.startswith(("Unduh templat", "Download the Excel")) for b in at.get("download_button"))


def test_bad_file_shows_every_error_and_stores_nothing(app, store_with_phase3):
    before = state_bytes(store_with_phase3)
    at = upload(app("unggah"), "bad_many_errors.csv")
    errors = table(at, "unggah_errors")
    assert list(errors["Baris"]) == ["2", "3", "4", "5"]
    assert list(errors["Kolom"]) == ["Kabupaten/Kota", "Jumlah TK", "Nama IKM", "Jumlah TK"]
    assert list(errors["Isi sel"]) == ["Denpasar", "-1", "", "2,5"]
    assert any("4 kesalahan" in e for e in texts(at, "error"))
    assert {m.label: m.value for m in at.metric}["Kesalahan"] == "4"
    assert not [b for b in at.button if b.key == "unggah_commit"]
    labels = [b.label for b in at.get("download_button")]
    assert "Unduh daftar (CSV)" in labels and "Unduh daftar (Excel)" in labels
    assert state_bytes(store_with_phase3) == before


def test_unreadable_file_is_explained(app, store_with_phase3):
    before = state_bytes(store_with_phase3)
    at = upload(app("unggah"), "bad_pdf_named.csv")
    assert any("PDF" in e for e in texts(at, "error"))
    assert state_bytes(store_with_phase3) == before
    at = upload(app("unggah", "en"), "bad_old_format.xls")
    assert any("old Excel file (.xls) that cannot be opened" in e for e in texts(at, "error"))


def test_commit_a_good_file_then_ringkasan_shows_it_then_roll_back(app, store_with_phase3):
    at = upload(app("unggah"), "good_two_row_header.xlsx")
    assert table(at, "unggah_preview")["Nama IKM"].tolist()[:2] == ["UD Sinar Jaya", "KUB Maju Bersama"]
    at.number_input(key="unggah_phase").set_value(3).run()
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    assert metrics["IKM"] == ("7", "-446") and metrics["Tenaga kerja"] == ("43", "-2.815")
    assert any("data contoh" in i for i in texts(at, "info"))
    assert not [w for w in at.text_input if w.key == "unggah_user"]  # no free-text author any more
    assert any("atas nama **uploader-uji**" in c for c in texts(at, "caption"))
    at.button(key="unggah_commit").click().run()
    assert any("Isi tanggal data" in w for w in texts(at, "warning"))
    assert len(store_with_phase3.history()) == 1
    at.date_input(key="unggah_as_of").set_value(dt.date(2020, 7, 13)).run()
    at.button(key="unggah_commit").click().run()
    assert not at.exception
    assert any("Tersimpan: versi v2" in s for s in texts(at, "success"))
    meta = store_with_phase3.history()[0]
    assert (meta.version, meta.phase, meta.user, meta.rows, meta.workers) == ("v2", 3, "uploader-uji", 7, 43)

    at.switch_page("pages/ringkasan.py").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IKM/UKM"] == "7" and metrics["Tenaga kerja"] == "43"

    at.switch_page("pages/unggah.py").run()
    at.selectbox(key="unggah_rollback_version").set_value("v1").run()
    confirm(at, "unggah_confirm_rollback_v1")
    at.button(key="unggah_rollback").click().run()
    assert any("v3" in s for s in texts(at, "success"))
    assert store_with_phase3.history()[0].rollback_of == "v1"
    at.switch_page("pages/ringkasan.py").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IKM/UKM"] == "453" and metrics["Tenaga kerja"] == "2.858"


def test_recommitting_the_same_file_says_nothing_changed(app, store_with_phase3):
    at = upload(app("unggah"), "good_export.parquet")
    at.number_input(key="unggah_phase").set_value(4).run()
    at.date_input(key="unggah_as_of").set_value(dt.date(2020, 8, 1)).run()
    at.button(key="unggah_commit").click().run()
    at.button(key="unggah_commit").click().run()
    assert any("Tidak ada perubahan" in i for i in texts(at, "info"))
    assert [m.version for m in store_with_phase3.history()] == ["v2", "v1"]


def test_manual_mapping_is_applied_and_remembered(app, store_with_phase3):
    content = b"Pelaku;Lokasi;Barang;Orang\nUD A;Dompu;Kopi;3\nUD B;Bima;Garam;4\n"
    at = upload(app("unggah"), "sendiri.csv", content)
    assert any("tidak dikenali otomatis" in w for w in texts(at, "warning"))
    for field, header in (("name", "Pelaku"), ("regency", "Lokasi"), ("product", "Barang"), ("workers", "Orang")):
        at.selectbox(key=f"unggah_map_{field}").set_value(header)
    next(b for b in at.get("form_submit_button") if "ingat" in b.label).click().run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Kesalahan"] == "0"
    saved = json.loads((store_with_phase3.root / "mappings.json").read_text())
    (entry,) = saved["mappings"].values()
    assert entry["fields"] == {"name": "Pelaku", "regency": "Lokasi", "product": "Barang", "workers": "Orang"}
    # the next upload with the same headers needs no help
    at = upload(app("unggah"), "lagi.csv", b"Pelaku;Lokasi;Barang;Orang\nUD C;Dompu;Kopi;2\n")
    assert any("diingat" in i for i in texts(at, "info"))
    assert {m.label: m.value for m in at.metric}["Kesalahan"] == "0"


def test_sheet_picker_for_a_workbook_with_several_sheets(app):
    at = upload(app("unggah"), "good_several_sheets.xlsx")
    picker = at.selectbox(key="unggah_sheet")
    assert picker.options == ["Petunjuk", "Data Tahap 4", "Rekap"] and picker.value == "Data Tahap 4"
    assert {m.label: m.value for m in at.metric}["Kesalahan"] == "0"
    assert table(at, "unggah_preview")["Nama IKM"].tolist() == ["IKM Lembar Dua A", "IKM Lembar Dua B"]
    at.selectbox(key="unggah_sheet").set_value("Petunjuk").run()  # the official can still pick another
    assert {m.label: m.value for m in at.metric}["Kesalahan"] == "4"
    assert at.selectbox(key="unggah_sheet").value == "Petunjuk"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_summary_sheet_first_the_data_sheet_is_chosen_and_said(app, lang):
    at = upload(app("unggah", lang), "good_summary_first.xlsx")
    assert at.selectbox(key="unggah_sheet").value == "Data IKM"
    expected = {"id": "Lembar “Data IKM” dipilih otomatis karena judul kolomnya paling cocok (4 dari 4 kolom wajib).",
                "en": "Sheet “Data IKM” was chosen automatically because its column headers match best "
                      "(4 of 4 required columns)."}[lang]
    assert expected in texts(at, "caption")
    mapping_asked = ("tidak dikenali otomatis", "were not recognised")
    assert not any(m in w for w in texts(at, "warning") for m in mapping_asked)
    from ikm_data.i18n import t

    (warnings,) = [df.value for df in at.dataframe if t("unggah.col.message", lang) in df.value.columns]
    assert warnings.iloc[:, :3].values.tolist() == [["6", "NIK", "5201**********00"], ["6", "NIB", "220000351486"]]
    at.selectbox(key="unggah_sheet").set_value("Rekap").run()
    assert not any("dipilih otomatis" in c or "chosen automatically" in c for c in texts(at, "caption"))
    assert any(m in w for w in texts(at, "warning") for m in mapping_asked)  # no enterprise or product column
    # another file gets its own best sheet, not the sheet picked for the last one
    at = upload(at, "good_several_sheets.xlsx")
    assert at.selectbox(key="unggah_sheet").value == "Data Tahap 4"


def test_remove_the_sample_from_the_page(app, store_with_phase3):
    at = app("unggah")
    confirm(at, "unggah_confirm_remove_sample")
    at.button(key="unggah_remove_sample").click().run()
    assert any("Data contoh dihapus" in s for s in texts(at, "success"))
    assert store_with_phase3.state().phases == {3: None}


# -- confirmations, removing a phase, the phase box's default, the data's date ----------------
def _commit_phase(store, phase, name="tahap.csv", content=b"x"):
    from ikm_data import schema

    rows = schema.to_table([{"enterprise_key": k, "name": f"UD {k}", "regency_code": "5205", "product_code": "kopi",
                             "product_name": "Kopi", "workers": 3, "source_row": i + 2} for i, k in enumerate("abc")])
    return store.commit(rows, phase=phase, user="u", file_name=name, content=content).meta


def _disabled_click(at, key):
    from streamlit.testing.v1.errors import AppTestError

    button = at.button(key=key)
    assert button.disabled
    with pytest.raises(AppTestError):
        button.click()
    at.run()


def test_rollback_asks_for_a_confirmation_naming_what_will_show(app, store_with_phase3):
    _commit_phase(store_with_phase3, 3)
    at = app("unggah")
    at.selectbox(key="unggah_rollback_version").set_value("v1").run()
    (box,) = [c for c in at.checkbox if (c.key or "").startswith("unggah_confirm_rollback_v1")]
    assert box.label == ("Saya mengerti: Tahap 3 akan menampilkan data seperti setelah v1 — "
                         "453 baris, 453 IKM, 2.858 tenaga kerja.")
    _disabled_click(at, "unggah_rollback")
    assert len(store_with_phase3.history()) == 2
    confirm(at, "unggah_confirm_rollback_v1")
    at.button(key="unggah_rollback").click().run()
    assert len(store_with_phase3.history()) == 3 and store_with_phase3.history()[0].rollback_of == "v1"
    # the tick confirmed that one action: the store changed, so it is cleared
    assert at.button(key="unggah_rollback").disabled


def test_removing_the_sample_asks_for_a_confirmation(app, store_with_phase3):
    at = app("unggah")
    _disabled_click(at, "unggah_remove_sample")
    assert len(store_with_phase3.history()) == 1 and store_with_phase3.state().phases == {3: "v1"}
    confirm(at, "unggah_confirm_remove_sample")
    at.button(key="unggah_remove_sample").click().run()
    assert len(store_with_phase3.history()) == 2 and store_with_phase3.state().phases == {3: None}


def test_remove_a_mistaken_phase_from_the_page_then_restore_it(app, store_with_phase3):
    wrong = _commit_phase(store_with_phase3, 44)
    at = app("unggah", flt_phase=44)
    assert at.selectbox(key="unggah_remove_phase").options == ["Tahap 3 · v1 · data_contoh_sintetis_tahap_3.csv",
                                                                "Tahap 44 · v2 · tahap.csv"]
    assert any("Tahap 1, 2 hanya punya angka rilis" in c.value for c in at.caption)
    at.selectbox(key="unggah_remove_phase").set_value(44).run()
    (box,) = [c for c in at.checkbox if (c.key or "").startswith("unggah_confirm_remove_phase_44")]
    assert box.label == ("Saya mengerti: Tahap 44 (v2: 3 baris, 3 IKM, 9 tenaga kerja) akan dikosongkan.")
    _disabled_click(at, "unggah_remove_phase_button")
    assert len(store_with_phase3.history()) == 2
    confirm(at, "unggah_confirm_remove_phase_44")
    at.button(key="unggah_remove_phase_button").click().run()
    assert not at.exception
    assert any("Tahap 44 dikosongkan (versi baru v3)" in s for s in texts(at, "success"))
    assert store_with_phase3.state().phases == {3: "v1", 44: None}
    # the session had phase 44 in the sidebar: it now shows a phase that exists, on every page
    assert at.session_state["flt_phase"] == 3 and 44 not in at.sidebar.selectbox[0].options
    at.switch_page("pages/ringkasan.py").run()
    assert not at.exception
    at.switch_page("pages/unggah.py").run()
    at.selectbox(key="unggah_rollback_version").set_value(wrong.version).run()
    confirm(at, f"unggah_confirm_rollback_{wrong.version}")
    at.button(key="unggah_rollback").click().run()
    assert store_with_phase3.phase_table(44).num_rows == 3


def test_a_session_on_a_phase_removed_elsewhere_does_not_crash(app, store_with_phase3):
    _commit_phase(store_with_phase3, 44)
    at = app("produk", flt_phase=44)
    assert at.session_state["flt_phase"] == 44
    store_with_phase3.remove_phase(44, user="cli")  # e.g. from the command line
    at.run()
    assert not at.exception and at.session_state["flt_phase"] == 3


def test_the_phase_box_defaults_to_the_newest_phase_when_appending(app, store_with_phase3):
    _commit_phase(store_with_phase3, 4)
    at = upload(app("unggah"), "good_two_row_header.xlsx")
    assert at.number_input(key="unggah_phase").value == 5  # replacing: a new phase after the last
    at.radio(key="unggah_mode").set_value("append").run()
    assert at.number_input(key="unggah_phase").value == 4  # appending: the newest phase with rows
    at.radio(key="unggah_mode").set_value("replace").run()
    assert at.number_input(key="unggah_phase").value == 5
    at.number_input(key="unggah_phase").set_value(7).run()
    at.radio(key="unggah_mode").set_value("append").run()
    assert at.number_input(key="unggah_phase").value == 7  # a phase typed by hand stays


def test_commit_records_the_datas_date_and_programme(app, store_with_phase3):
    at = upload(app("unggah"), "good_two_row_header.xlsx")
    date_box = at.date_input(key="unggah_as_of")
    assert date_box.value is None and date_box.proto.format == "DD/MM/YYYY"
    from ikm_data.store import today

    assert date_box.proto.max == today().isoformat()  # no date in the future can be picked
    assert at.text_input(key="unggah_programme").value == "JPS Gemilang"
    at.number_input(key="unggah_phase").set_value(4)
    at.date_input(key="unggah_as_of").set_value(dt.date(2020, 7, 13))
    at.text_input(key="unggah_programme").set_value("   ").run()
    at.button(key="unggah_commit").click().run()
    assert any("Nama program tidak boleh kosong" in e for e in texts(at, "error"))
    assert len(store_with_phase3.history()) == 1
    at.text_input(key="unggah_programme").set_value("JPS Gemilang").run()
    at.button(key="unggah_commit").click().run()
    meta = store_with_phase3.history()[0]
    assert (meta.version, meta.phase, meta.as_of, meta.programme) == ("v2", 4, "2020-07-13", "JPS Gemilang")
    assert table(at, "unggah_history")[["Versi", "Data per"]].values.tolist()[0] == ["v2", "13 Juli 2020"]


def test_names_from_the_file_show_as_written_not_as_markdown(app, store_with_phase3):
    """A file name and a new product name with Markdown in them are escaped in the captions
    and notes, so they cannot become a link, emphasis or a colour."""
    name = "tahap_[klik](http://x).csv"
    csv = ("Nama IKM,Kabupaten/Kota,Jenis Produk,Jumlah Tenaga Kerja\n"
           "UD Satu,Lombok Timur,Minyak Goreng,4\nUD Dua,Kota Bima,**Kopi** :red[Luwak],3\n").encode()
    at = upload(app("unggah"), name, csv)
    assert any(escape(name) in c for c in texts(at, "caption"))
    notes = " ".join(texts(at, "info") + texts(at, "warning"))
    assert r"\*\*Kopi\*\* \:red\[Luwak\]" in notes and "**Kopi**" not in notes
    store_with_phase3.commit(store_with_phase3.phase_table(3).slice(0, 2), phase=4, user="uji", file_name=name,
                             content=csv)
    at = app("ringkasan", flt_phase=4)
    assert any(f"unggahan {escape(name)}" in c for c in texts(at, "caption"))
