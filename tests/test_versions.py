"""What a version records beyond its rows — the date the data is as of and the programme — and
where that shows: chart captions, the history table, the slides' date, footer and title."""

import dataclasses
import datetime as dt

import pytest

from ikm_data import schema, slides, tables
from ikm_data.formatting import fmt_date
from ikm_data.queries import Dataset, Filters

ROWS = schema.to_table([{"enterprise_key": k, "name": f"UD {k}", "regency_code": "5205", "product_code": "kopi",
                         "product_name": "Kopi", "workers": w, "source_row": i + 2}
                        for i, (k, w) in enumerate((("a", 3), ("b", 4)))])
TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def dated(store_with_phase3):
    """Phase 4 uploaded with its data's date and another programme's name; phase 5 without a date."""
    store_with_phase3.commit(ROWS, phase=4, user="u", file_name="tahap4.xlsx", content=b"4", as_of="2020-07-13",
                             programme="Program Kopi NTB")
    store_with_phase3.commit(ROWS, phase=5, user="u", file_name="tahap5.xlsx", content=b"5")
    return store_with_phase3


def test_slides_give_the_datas_date_when_recorded(dated):
    ds = Dataset.open(dated)
    assert slides.as_of(ds, 4, "id") == "13 Juli 2020"
    assert slides.as_of(ds, 4, "en") == "13 July 2020"
    assert slides.footer(ds, 4, "id") == ("Sumber: Dinas Perindustrian NTB, Tahap IV · "
                                          "unggahan tahap4.xlsx (v2, data per 13 Juli 2020)")
    title = slides.build(ds, Filters(phase=4), "id", today=TODAY)[0]
    assert title.title == "Program Kopi NTB — Tahap IV"
    assert title.subtitle == ""  # the JPS Gemilang line belongs to JPS Gemilang only
    assert title.lines[0] == "Data per 13 Juli 2020"


def test_slides_word_an_undated_upload_as_its_upload_day(dated):
    ds = Dataset.open(dated)
    day = fmt_date(ds.state.current(5).upload_day, "id")
    assert slides.as_of(ds, 5, "id") == f"diunggah {day}"
    assert slides.footer(ds, 5, "id").endswith(f"unggahan tahap5.xlsx (v3, diunggah {day})")
    title = slides.build(ds, Filters(phase=5), "en", today=TODAY)[0]
    day_en = fmt_date(ds.state.current(5).upload_day, "en")
    assert title.lines[0] == f"Data as of: date not recorded (uploaded {day_en})"
    assert title.title == "JPS Gemilang — Phase V"


def test_the_sample_keeps_the_release_date_and_programme(dataset, phase3):
    title = slides.build(dataset, phase3, "id", today=TODAY)[0]
    assert slides.as_of(dataset, 3, "id") == "Juli 2020"
    assert title.title == "JPS Gemilang — Tahap III" and title.lines[0] == "Data per Juli 2020"
    assert title.subtitle.startswith("Pengadaan produk IKM")


def test_upload_day_is_the_day_in_ntb(dated):
    meta = dataclasses.replace(dated.state().current(4), at="2020-07-13T17:30:00+00:00")
    assert meta.upload_day == "2020-07-14"  # 01.30 WITA the next morning


def test_history_table_shows_date_and_programme(dated):
    frame = tables.history(dated.history(), "id").display()
    assert list(frame.columns)[5:8] == ["Berkas", "Data per", "Program"]
    assert frame[["Versi", "Data per", "Program"]].values.tolist() == [
        ["v3", "–", "JPS Gemilang"], ["v2", "13 Juli 2020", "Program Kopi NTB"], ["v1", "–", "JPS Gemilang"]]
    assert list(tables.history(dated.history(), "en").display().columns)[6:8] == ["Data as of", "Programme"]


def test_chart_captions_name_the_datas_date(dated, app):
    at = app("ringkasan", flt_phase=4)
    captions = [c.value for c in at.caption]
    assert "Sumber: unggahan tahap4.xlsx (v2, data per 13 Juli 2020)" in captions
    at = app("ringkasan", "en", flt_phase=5)
    (label,) = [c.value for c in at.caption if c.value.startswith("Source: upload tahap5.xlsx")]
    assert label.startswith("Source: upload tahap5.xlsx (v3, uploaded ") and label.endswith(" WITA)")
