"""id-ID formatting of numbers, money, percentages, dates and WITA times."""

import datetime as dt

from ikm_data import formatting as f


def test_numbers_and_money():
    assert f.fmt_int(2858) == "2.858"
    assert f.fmt_int(1234567) == "1.234.567"
    assert f.fmt_num(12.5) == "12,5"
    assert f.fmt_num(145 / 20) == "7,3" and f.fmt_num(147 / 20) == "7,4"  # halves up, as a spreadsheet
    assert f.fmt_num(0.25) == "0,3" and f.fmt_num(1234.45) == "1.234,5" and f.fmt_num(2.0) == "2,0"
    assert f.fmt_pct(0.665) == "66,5%"
    assert f.fmt_money(250000) == "Rp250.000"
    assert f.fmt_money_short(1_200_000_000) == "Rp1,2 miliar"
    assert f.fmt_money_short(12_500_000) == "Rp12,5 juta"
    assert f.fmt_money_short(3_000_000) == "Rp3 juta"


def test_missing_values_show_a_dash():
    assert f.fmt_int(None) == "–"
    assert f.fmt_int(float("nan")) == "–"
    assert f.fmt_money(None) == "–"


def test_dates_in_indonesian():
    assert f.fmt_date(dt.date(2020, 7, 13)) == "13 Juli 2020"
    assert f.fmt_date("2020-04-16") == "16 April 2020"
    assert f.fmt_date("2020-07") == "Juli 2020"


def test_dates_in_english_name_the_month_in_english():
    assert f.fmt_date(dt.date(2020, 7, 13), "en") == "13 July 2020"
    assert f.fmt_date("2020-07", "en") == "July 2020"
    assert f.fmt_datetime("2020-07-13T06:05:00+00:00", "en") == "13 July 2020 14:05 WITA"


def test_times_stored_utc_shown_wita():
    assert f.fmt_datetime("2020-07-13T06:05:00+00:00") == "13 Juli 2020 14.05 WITA"
    assert f.utc_now().endswith("+00:00")


def test_vega_locale_uses_dot_thousands():
    loc = f.vega_locale()
    assert loc["number"]["thousands"] == "." and loc["number"]["decimal"] == ","
    assert loc["time"]["months"][6] == "Juli"
