"""Personal data (UU 27/2022): the owner's name, NIK and phone number are shown to no one
below admin. One masking rule, written twice — in Python for values and frames (the upload
page's issues and preview, the worker's light result) and as a DuckDB expression for the
directory query — and a test proves the two agree:

- digits (NIK, phone): at least 10 characters keep their first 4 and last 2, the rest is
  one ``*`` each (``5201**********16``, ``0812******90``); shorter values are all stars, so a
  short or malformed value never shows whole; the length shows (a NIK of 15 digits has 9
  stars, which a warning about its length needs);
- names (owner): each word's first character and a dot (``Siti Aminah`` gives ``S. A.``).
"""

from __future__ import annotations

import re

import pandas as pd

PERSONAL = {"owner": "name", "nik": "digits", "phone": "digits"}  # field -> how it is masked
KEEP_HEAD, KEEP_TAIL, MIN_SHOWN = 4, 2, 10  # digits: kept at each end, from this length on
_SPACE = r"[ \t\n\r\f\v]+"  # the same class in Python and RE2 (DuckDB)


def mask_digits(value: object) -> str | None:
    """A NIK or phone number masked (see the module); None stays None."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    text = str(value)
    if len(text) < MIN_SHOWN:
        return "*" * len(text)
    return text[:KEEP_HEAD] + "*" * (len(text) - KEEP_HEAD - KEEP_TAIL) + text[-KEEP_TAIL:]


def mask_name(value: object) -> str | None:
    """A person's name as initials (``S. A.``); None stays None."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return " ".join(word[0] + "." for word in re.split(_SPACE, str(value)) if word)


def mask_value(field: str | None, value: object):
    """``value`` masked when ``field`` holds personal data (``PERSONAL``), else as it is."""
    how = PERSONAL.get(field or "")
    if how is None:
        return value
    return mask_digits(value) if how == "digits" else mask_name(value)


def mask_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with its personal-data columns (those of ``PERSONAL`` it has)
    masked; other columns untouched."""
    out = frame.copy()
    for column in PERSONAL:
        if column in out.columns:
            out[column] = pd.Series([mask_value(column, v) for v in out[column]], index=out.index, dtype=object)
    return out


def mask_sql(column: str, how: str) -> str:
    """The DuckDB expression masking ``column`` (an identifier from the caller's own
    constants, never user input) the way ``mask_digits``/``mask_name`` do."""
    if how == "digits":
        return (f"CASE WHEN {column} IS NULL THEN NULL WHEN length({column}) < {MIN_SHOWN} "
                f"THEN repeat('*', length({column})) ELSE left({column}, {KEEP_HEAD}) || "
                f"repeat('*', length({column}) - {KEEP_HEAD + KEEP_TAIL}) || right({column}, {KEEP_TAIL}) END")
    return (f"CASE WHEN {column} IS NULL THEN NULL ELSE array_to_string(list_transform(list_filter("
            f"regexp_split_to_array({column}, '{_SPACE}'), lambda w: w <> ''), lambda w: left(w, 1) || '.'), ' ') END")


_DIGIT_RUN = re.compile(r"(?<![0-9])\+?[0-9](?:[0-9 .-]{8,}[0-9])(?![0-9])")


def scrub_text(text: str) -> str:
    """``text`` (a traceback, a log line) with every run of 10 or more digits (a NIK, a
    phone number, possibly written with spaces, dots or dashes) masked by ``mask_digits``:
    what a bug's message quotes from a file never reaches the server log whole."""
    def _mask(match: re.Match) -> str:
        run = match.group(0)
        return mask_digits(run) if sum(c.isdigit() for c in run) >= MIN_SHOWN else run
    return _DIGIT_RUN.sub(_mask, text)
