"""id-ID formatting of numbers, money, percentages and dates, for tables, cards, charts
and exports alike (``2.858``, ``Rp250.000``, ``Rp1,2 miliar``, ``66,5%``, ``13 Juli 2020``).
Times are stored in UTC and shown in WITA (Asia/Makassar)."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

LOCALE = "id_ID"
WITA = ZoneInfo("Asia/Makassar")
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
_MISSING = "–"


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def fmt_int(value: object) -> str:
    """``2858`` gives ``"2.858"``; None/NaN gives ``"–"``."""
    if _missing(value):
        return _MISSING
    return format_decimal(int(round(float(value))), locale=LOCALE)


def fmt_num(value: object, decimals: int = 1) -> str:
    """A decimal number with a comma: ``6.31`` gives ``"6,3"``."""
    if _missing(value):
        return _MISSING
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    # halves up, as a spreadsheet and a reader round (7,25 -> 7,3); Babel's default, the
    # decimal context's half-to-even, wrote 7,2 beside a spreadsheet's 7,3
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        return format_decimal(decimal.Decimal(str(float(value))), format=pattern, locale=LOCALE)


def fmt_pct(fraction: object, decimals: int = 1) -> str:
    """``0.665`` gives ``"66,5%"``."""
    if _missing(fraction):
        return _MISSING
    return fmt_num(float(fraction) * 100, decimals) + "%"


def fmt_money(value: object) -> str:
    """Rupiah without cents: ``250000`` gives ``"Rp250.000"``."""
    if _missing(value):
        return _MISSING
    return "Rp" + fmt_int(value)


def fmt_money_short(value: object) -> str:
    """Large rupiah for cards: ``1_200_000_000`` gives ``"Rp1,2 miliar"``."""
    if _missing(value):
        return _MISSING
    v = float(value)
    for size, word in ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta")):
        if abs(v) >= size:
            return f"Rp{fmt_num(v / size, 1).removesuffix(',0')} {word}"
    return fmt_money(v)


def fmt_date(value: dt.date | str | None, lang: str = "id") -> str:
    """``2020-07-13`` gives ``"13 Juli 2020"`` (``"13 July 2020"`` with ``lang="en"``); a
    month (``"2020-07"``) gives ``"Juli 2020"``. Numbers stay id-ID in both languages; only
    the month's name follows the UI."""
    if value is None or value == "" or (not isinstance(value, (str, dt.date)) and _missing(value)):
        return _MISSING
    months = MONTHS_EN if lang == "en" else MONTHS_ID
    if isinstance(value, str):
        parts = value.split("-")
        if len(parts) == 2:
            return f"{months[int(parts[1]) - 1]} {parts[0]}"
        value = dt.date.fromisoformat(value[:10])
    return f"{value.day} {months[value.month - 1]} {value.year}"


def fmt_datetime(value: dt.datetime | str, lang: str = "id") -> str:
    """A UTC timestamp shown in WITA: ``"13 Juli 2020 14.05 WITA"`` (``"13 July 2020 14:05
    WITA"`` in English)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    local = value.astimezone(WITA)
    clock = f"{local:%H:%M}" if lang == "en" else f"{local:%H.%M}"
    return f"{fmt_date(local.date(), lang)} {clock} WITA"


def utc_now() -> str:
    """Now, in UTC, ISO 8601 with seconds: how the store records times."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def vega_locale() -> dict:
    """Vega-Lite's ``config.locale`` for id-ID, so axes and tooltips read ``1.200``."""
    return {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]},
        "time": {
            "dateTime": "%A, %e %B %Y %X", "date": "%d/%m/%Y", "time": "%H.%M.%S",
            "periods": ["", ""],
            "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
            "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
            "months": MONTHS_ID,
            "shortMonths": [m[:3] for m in MONTHS_ID],
        },
    }
