"""Normalisation and validation of participant rows, reported whole.

Every check runs over every row (vectorised: files reach a million rows) and adds to one
report: errors block a commit, warnings do not. Each item names the spreadsheet row as the
official sees it, the column header as written in the file, the value, and a message in
the UI language. The output frame is in the participant schema (``schema.NAMES``). Text is
taken as written, less the ``'`` a spreadsheet export puts before text that starts like a
formula (``undefuse``: ``'-2+3`` is the name ``-2+3``).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from dataclasses import field as _field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ikm_data import privacy, schema
from ikm_data.i18n import t
from ikm_data.layout import Body, Layout, TotalsRow
from ikm_data.mapping import SYNONYMS, ColumnMap
from ikm_data.reference import Reference, load_reference, norm_key, slug

MAX_ISSUES = 100_000  # per severity; beyond it the report says how many more there were
CERT_FIELDS = (*schema.CERTIFICATIONS, "tourism", "mentoring")  # the yes/no columns
_YES = {"ya", "y", "ada", "v", "yes", "true", "sudah", "sudah ada", "punya", "memiliki", "1"}
_NO = {"tidak", "t", "", "no", "false", "belum", "tidak ada", "belum ada", "0", "n", "tdk", "x tidak"}
_YES_MARKS = {"✓", "✔", "√", "☑", "✅"}
_NO_MARKS = {"-", "–", "—", "--"}
# a cell that starts so says the certificate is not held (yet), whatever follows
_NOT_YET = {"belum", "proses", "diproses", "diajukan", "pengajuan", "tidak", "tdk", "dalam proses",
            "sedang proses", "sedang diproses", "sedang diurus", "masih proses", "on proses"}
# a partner cell that names no partner
_NO_PARTNER = {"-", "–", "—", "--", "tidak ada", "belum ada", "tidak", "belum", "0", "tdk"}
_BLANKISH = {"-", "–", "—", "--", "belum ada", "tidak ada", "belum", "proses", "dalam proses", "0"}
_BLANKISH_LONGEST = max(map(len, _BLANKISH))
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12}

# -- numbers written the Indonesian way -------------------------------------------------
_INT = re.compile(r"[-+]?\d+")
_ID_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DEC_COMMA = re.compile(r"[-+]?\d+,\d+")
_EN_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_DEC_POINT = re.compile(r"[-+]?\d+\.\d+")
_MONEY_PREFIX = re.compile(r"^(rp\.?|idr)\s*", re.I)
_SCALE = re.compile(r"^(.*?\d)\s*(rb|ribu|jt|juta|m|miliar|milyar)\.?$", re.I)
_SCALES = {"rb": 1e3, "ribu": 1e3, "jt": 1e6, "juta": 1e6, "m": 1e9, "miliar": 1e9, "milyar": 1e9}


class NotANumber(ValueError):
    """The text is not a number in any form officials write."""


def parse_number(text: object, *, money: bool = False) -> float | int | None:
    """An id-ID number: ``"1.250"`` is 1250, ``"12,5"`` is 12.5, ``"Rp 12.500.000"`` and
    ``"12.500.000,00"`` are 12500000 (``money`` also reads ``"12,5 juta"``). Blank gives
    None; anything else raises NotANumber."""
    s = str(text if text is not None else "").replace("\u00a0", " ").strip()
    if not s:
        return None
    s = _MONEY_PREFIX.sub("", s)
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"[,.]-+$", "", s)  # "Rp 12.500.000,-"
    scale = 1.0
    if money:
        m = _SCALE.match(s)
        if m:
            s, scale = m.group(1), _SCALES[m.group(2).lower()]
    if _INT.fullmatch(s):
        value: float = int(s)
    elif _ID_THOUSANDS.fullmatch(s):
        value = float(s.replace(".", "").replace(",", "."))
    elif _DEC_COMMA.fullmatch(s):
        value = float(s.replace(",", "."))
    elif _EN_THOUSANDS.fullmatch(s):
        value = float(s.replace(",", ""))
    elif _DEC_POINT.fullmatch(s):
        value = float(s)
    else:
        raise NotANumber(text)
    value = value * scale
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**62:
        return int(value)
    return value


def _arrow(values: pd.Series) -> pa.Array:
    """The column as one Arrow string array (a slice of a frame may come in chunks)."""
    arr = pa.array(values, pa.string())
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def map_unique(values: pd.Series, fn, dtype=object) -> pd.Series:
    """``fn`` applied to each distinct value of ``values`` once, spread back over the rows
    (files reach a million rows; their columns hold far fewer distinct values)."""
    codes, uniques = _factorize(values)
    results = np.empty(len(uniques), dtype=dtype)
    results[:] = [fn(u) for u in uniques]
    return pd.Series(results[codes], index=values.index)


def _factorize(values: pd.Series) -> tuple[np.ndarray, list]:
    """``(codes, distinct values)``; Arrow's dictionary encoding for text (fast)."""
    if isinstance(values.dtype, pd.StringDtype) and not values.isna().any():
        encoded = _arrow(values).dictionary_encode()
        return encoded.indices.to_numpy(zero_copy_only=False), encoded.dictionary.to_pylist()
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return codes, list(uniques)


def _parse_series(values: pd.Series, money: bool = False) -> tuple[pd.Series, pd.Series]:
    """``(numbers as float, status)`` for a column: status 0 number, 1 blank, 2 not a number.
    Parses each distinct text once."""
    codes, uniques = _factorize(values)
    nums = np.full(len(uniques), np.nan)
    status = np.zeros(len(uniques), dtype=np.int8)
    for k, u in enumerate(uniques):
        try:
            v = parse_number(u, money=money)
        except NotANumber:
            status[k] = 2
            continue
        if v is None:
            status[k] = 1
        else:
            nums[k] = float(v)
    return (pd.Series(nums[codes], index=values.index),
            pd.Series(status[codes], index=values.index))


_NORMAL_KEY = r"^[a-z0-9]+( [a-z0-9]+)*$"


def squash(values: pd.Series) -> pd.Series:
    """Runs of white space made one space (only the values that need it are touched)."""
    arr = _arrow(values)
    need = pc.match_substring_regex(arr, r"\s\s|[\t\n\r\f\v]").to_numpy(zero_copy_only=False)
    if not need.any():
        return values
    out = values.copy()
    out[need] = [" ".join(v.split()) for v in values[need]]
    return out


def norm_keys(values: pd.Series) -> pd.Series:
    """``reference.norm_key`` of every value, fast for the plain ones (lower-case ASCII
    letters and digits with single spaces), exact for the rest."""
    arr = _arrow(values)
    # utf8_lower, not ascii_lower: pyarrow 26's ascii_lower garbles a string array whose
    # offsets do not start at 0 (a slice cast from large_string); for the plain (ASCII)
    # keys kept here the two agree
    lowered = pc.utf8_lower(arr)
    plain = pc.and_(pc.string_is_ascii(arr), pc.match_substring_regex(lowered, _NORMAL_KEY))
    plain = plain.to_numpy(zero_copy_only=False)
    if not plain.all():
        out = pd.Series(lowered.to_numpy(zero_copy_only=False), index=values.index, dtype=object)
        rest = ~plain
        out[rest] = map_unique(values[rest], norm_key).to_numpy()
        return out
    # every key plain: kept as Arrow text (no Python string per row)
    return pd.Series(pd.arrays.ArrowStringArray(pc.cast(lowered, pa.large_string()), dtype=_TEXT), index=values.index)


_TEXT = pd.StringDtype("pyarrow", na_value=np.nan)  # Arrow text, as the readers' grids hold it


_DEFUSED = r"^'[=+\-@\t\r]"


def undefuse(values: pd.Series) -> pd.Series:
    """``values`` without the ``'`` that a CSV export (``export.defuse_cell``) or a typed
    Excel cell puts before ``=``, ``+``, ``-``, ``@``, a tab or a carriage return so that
    a spreadsheet shows the text instead of running it: ``'-2+3`` reads as ``-2+3``, so
    an exported file imports back as the same rows. Any other leading ``'`` stays."""
    need = pc.fill_null(pc.match_substring_regex(_arrow(values), _DEFUSED), False)
    need = need.to_numpy(zero_copy_only=False)
    if not need.any():
        return values
    out = values.copy()
    out[need] = values[need].str.slice(1)
    return out


def _strip_chars(values: pd.Series, chars: str) -> pd.Series:
    """``values`` without any of ``chars`` (touching only the values that hold one)."""
    arr = _arrow(values)
    need = np.zeros(len(values), dtype=bool)
    for ch in chars:
        need |= pc.match_substring(arr, ch).to_numpy(zero_copy_only=False)
    if not need.any():
        return values
    out = values.copy()
    table = str.maketrans("", "", chars)
    out[need] = [v.translate(table) for v in values[need]]
    return out


def parse_phase(text: object) -> int | None:
    """``"3"``, ``"III"``, ``"Tahap 3"``, ``"Tahap III"`` give 3; blank gives None; raises
    NotANumber otherwise."""
    raw = str(text if text is not None else "").strip()
    if not raw:
        return None
    rest = re.sub(r"^(tahap|phase|thp)\.?\s*", "", raw, flags=re.I).strip()
    if rest.isdigit():
        return int(rest)
    if rest.lower() in _ROMAN:
        return _ROMAN[rest.lower()]
    try:
        v = parse_number(rest)
    except NotANumber:
        raise NotANumber(text) from None
    if v is None or v != int(v):
        raise NotANumber(text)
    return int(v)


def parse_flag(text: object) -> bool | None:
    """A certification cell: ``Ya``/``Y``/``ada``/``✓``/``v``/a certificate number is True;
    ``Tidak``/``T``/``-``/blank is False, and so is a certificate not held yet (``Proses``,
    ``Belum``, ``Belum (diajukan 2021)``: a year is no certificate number); anything else
    None (the caller warns)."""
    raw = str(text if text is not None else "").strip()
    if raw in _YES_MARKS:
        return True
    if raw in _NO_MARKS:
        return False
    key = norm_key(raw)
    if key in _YES:
        return True
    words = key.split()
    if key in _NO or (words and (words[0] in _NOT_YET or " ".join(words[:2]) in _NOT_YET)):
        return False
    if sum(ch.isdigit() for ch in raw) >= 3:  # a certificate number
        return True
    return None


# -- the report -------------------------------------------------------------------------
@dataclass
class Issue:
    """One failure: spreadsheet row, header as written, value, and a message."""

    row: int | None
    column: str | None
    value: str | None
    code: str
    severity: str  # error | warning
    field: str | None = None
    params: dict = _field(default_factory=dict)
    position: int = _field(default=-1, repr=False, compare=False)  # the column's place in the file

    def message(self, lang: str = "id") -> str:
        return t(self.code, lang, **self.params)

    def to_dict(self, lang: str = "id") -> dict:
        return {"row": self.row, "column": self.column, "value": self.value,
                "message": self.message(lang), "code": self.code, "field": self.field}


@dataclass
class Report:
    """What validation found. ``frame`` holds the normalised rows (participant schema)
    for the preview; ``table()`` is what a commit stores (only when ``valid``)."""

    rows: int = 0
    enterprises: int = 0
    workers: int = 0
    errors: list[Issue] = _field(default_factory=list)
    warnings: list[Issue] = _field(default_factory=list)
    errors_total: int = 0
    warnings_total: int = 0
    new_products: list[dict] = _field(default_factory=list)
    totals: list[dict] = _field(default_factory=list)
    phases: list[int] = _field(default_factory=list)
    frame: pd.DataFrame | None = None
    header_rows: tuple[int, ...] = ()
    columns: dict[str, str] = _field(default_factory=dict)  # field -> header as written
    skipped: dict = _field(default_factory=dict)
    rekey: dict[int, dict[str, str]] = _field(default_factory=dict)  # append: stored keys to change
    _table: pa.Table | None = _field(default=None, repr=False)

    @property
    def valid(self) -> bool:
        return self.errors_total == 0

    def table(self) -> pa.Table:
        """The rows in the participant schema (built once)."""
        if self._table is None:
            self._table = schema.to_table(self.frame)
        return self._table

    def issues(self, lang: str = "id") -> dict:
        return {"errors": [i.to_dict(lang) for i in self.errors],
                "warnings": [i.to_dict(lang) for i in self.warnings]}


class _Collector:
    """Where every step puts what it finds: ``error(...)`` blocks a commit, ``warn(...)``
    does not; ``error_mask``/``warn_mask`` add one issue per row a mask marks. Keeps at
    most ``MAX_ISSUES`` of each and counts them all."""

    def __init__(self, cmap: ColumnMap | None) -> None:
        self.cmap = cmap
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []
        self.totals = {"error": 0, "warning": 0}

    def label(self, fld: str | None) -> str | None:
        return self.cmap.label(fld) if (fld and self.cmap) else None

    def error(self, row, fld, value, code, column: str | None = None, **params) -> None:
        self._add("error", row, fld, value, code, column, params)

    def warn(self, row, fld, value, code, column: str | None = None, *, header: bool = False, **params) -> None:
        self._add("warning", row, fld, value, code, column, params, header)

    def error_mask(self, mask: pd.Series, fld: str, raw: pd.Series, code: str, **params) -> None:
        self._mask("error", mask, fld, raw, code, params)

    def warn_mask(self, mask: pd.Series, fld: str, raw: pd.Series, code: str, **params) -> None:
        self._mask("warning", mask, fld, raw, code, params)

    def _add(self, severity: str, row, fld, value, code, column: str | None, params: dict,
             header: bool = False) -> None:
        """One issue; a cell's value of a personal-data field (``privacy.PERSONAL``) is kept
        masked (``header``: the value is a header as written, not a cell)."""
        self.totals[severity] += 1
        bucket = self.errors if severity == "error" else self.warnings
        if len(bucket) >= MAX_ISSUES:
            return
        value = None if value is None else str(value) if header else privacy.mask_value(fld, str(value))
        params.setdefault("value", value if value is not None else "")
        pos = self.cmap.fields.get(fld, -1) if (fld and self.cmap) else -1
        bucket.append(Issue(None if row is None else int(row), column or self.label(fld), value,
                            code, severity, fld, params, pos))

    def _mask(self, severity: str, mask: pd.Series, fld: str, raw: pd.Series, code: str, params: dict) -> None:
        if not mask.any():
            return
        for row, value in raw[mask].items():
            self._add(severity, row, fld, value, code, None, dict(params))


def _field_name(fld: str, lang: str) -> str:
    return t(f"validate.field.{fld}", lang)


@dataclass
class _Context:
    """What the steps of ``validate`` share: the data rows' ``raw`` texts (by field, as
    written, trimmed), the ``frame`` the steps fill in the participant schema, the
    ``report`` and the ``col``\\ lector they add to, and what the check is against."""

    frame: pd.DataFrame
    raw: dict[str, pd.Series]
    cmap: ColumnMap
    col: _Collector
    report: Report
    ref: Reference
    lang: str = "id"
    phase: int | None = None
    numeric: dict[int, np.ndarray] = _field(default_factory=dict)
    existing: pd.DataFrame | None = None
    existing_info: dict = _field(default_factory=dict)
    totals: list[TotalsRow] = _field(default_factory=list)

    @property
    def idx(self) -> pd.Index:
        return self.frame.index

    def has(self, fld: str) -> bool:
        return fld in self.raw

    def text(self, fld: str, collapse: bool = False) -> pd.Series:
        """The field's text with blank as missing (all missing when the file has no such
        column); ``collapse`` makes runs of white space one space."""
        s = self.raw.get(fld)
        if s is None:
            return pd.Series(None, index=self.idx, dtype=object)
        if collapse:
            s = squash(s)
        return s.where(s != "")  # blank -> missing; stays Arrow text (fast for a million rows)

    def field_name(self, fld: str) -> str:
        return _field_name(fld, self.lang)


def validate(body: Body, cmap: ColumnMap, layout: Layout, *, phase: int | None = None,
             existing: pd.DataFrame | None = None, existing_info: dict | None = None,
             lang: str = "id", ref: Reference | None = None,
             numeric: dict[int, np.ndarray] | None = None) -> Report:
    """Check and normalise the data rows of ``body`` mapped by ``cmap``.

    ``phase``: the phase chosen for the commit (rows of another phase in a ``Tahap`` column
    are errors). ``existing``: the rows the phase holds now (append mode: a row that
    duplicates one of them is an error); ``existing_info`` names them (``phase``,
    ``version``, ``file``). ``numeric``: per column position, the spreadsheet rows whose
    cell was a long number in the file (``RawSheet.numeric``): a NIK or NIB there was
    typed as a number. Returns a Report; never raises for bad data.
    """
    rep = Report(header_rows=layout.header_rows,
                 columns={f: cmap.labels[p] for f, p in cmap.fields.items()})
    col = _Collector(cmap)
    _check_header(cmap, col, layout.last_header_row, lang)
    rep.skipped = {"blank": body.blank_rows, "notes": len(body.note_rows), "totals": len(body.totals)}
    if body.data.empty:
        if not cmap.missing:  # with a column missing, that is what the official must fix first
            col.error(None, None, None, "validate.no_rows", column=None)
        return _finish(rep, col)
    ctx = _Context(frame=pd.DataFrame(index=body.data.index), raw=_raw_texts(body.data, cmap), cmap=cmap,
                   col=col, report=rep, ref=ref or load_reference(), lang=lang, phase=phase,
                   numeric=numeric or {}, existing=existing, existing_info=existing_info or {},
                   totals=body.totals)
    for step in STEPS:
        step(ctx)
    return _finish(_with_frame(rep, ctx.frame), col)


def _check_header(cmap: ColumnMap, col: _Collector, header_row: int, lang: str) -> None:
    """An error for each required column the header lacks (with the headers it may have),
    a warning for each field written in two columns (the first is used)."""
    for fld in cmap.missing:
        examples = ", ".join(SYNONYMS[fld][:4])
        if fld == "workers":
            examples += " — " + t("validate.missing.split_hint", lang)
        col.error(header_row, fld, None, "validate.missing_column", column=None,
                  field=_field_name(fld, lang), examples=examples)
    for fld, label in cmap.duplicates:
        col.warn(header_row, fld, label, "validate.duplicate_column", column=label, header=True,
                 field=_field_name(fld, lang), used=cmap.label(fld) or "")


def _raw_texts(data: pd.DataFrame, cmap: ColumnMap) -> dict[str, pd.Series]:
    """Each mapped column as text: no-break spaces made spaces, a spreadsheet's defusing
    ``'`` taken off (``undefuse``), trimmed."""
    raw: dict[str, pd.Series] = {}
    for fld, pos in cmap.fields.items():
        s = data[pos].astype("str")
        edges = _edge_bytes(_arrow(s))
        if edges is None or edges[2] and pc.any(pc.match_substring(_arrow(s), "\u00a0")).as_py():
            s = s.str.replace("\u00a0", " ", regex=False)
        quoted = edges is None or bool((edges[0] == ord("'")).any())
        if quoted:
            s = undefuse(s)  # "'\t..." starts with white space once undefused
        if quoted or _may_strip(edges[0]) or _may_strip(edges[1]):
            s = s.str.strip()
        raw[fld] = s
    return raw


def _edge_bytes(arr: pa.Array) -> tuple[np.ndarray, np.ndarray, bool] | None:
    """The first and the last byte of every non-empty text of ``arr`` and whether any byte
    is not ASCII, read from its buffers (a million cells at once); None for an array with
    missing values (then every value is looked at)."""
    if arr.null_count or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return None
    _, offsets, data = arr.buffers()
    width = np.int64 if pa.types.is_large_string(arr.type) else np.int32
    offs = np.frombuffer(offsets, dtype=width)[arr.offset: arr.offset + len(arr) + 1]
    data = np.frombuffer(data, dtype=np.uint8) if data is not None else np.empty(0, dtype=np.uint8)
    full = offs[1:] > offs[:-1]
    used = data[offs[0]:offs[-1]] if len(offs) else data[:0]
    return data[offs[:-1][full]], data[offs[1:][full] - 1], bool(len(used) and used.max() >= 0x80)


def _holds_byte(arr: pa.Array, chars: bytes) -> bool:
    """True when a text of ``arr`` may hold one of the ASCII ``chars`` (its data buffer is
    looked at whole; an array with missing values: True)."""
    if arr.null_count or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return True
    data = arr.buffers()[2]
    if data is None:
        return False
    found = np.isin(np.frombuffer(data, dtype=np.uint8), np.frombuffer(chars, dtype=np.uint8))
    return bool(found.any())


def _may_strip(edge: np.ndarray) -> bool:
    """True when a text may start (or end) with white space: an ASCII space or control
    character, or a byte of a non-ASCII character (such as a no-break space)."""
    return bool(((edge <= 32) | (edge >= 0x80)).any())


def _check_lengths(ctx: _Context) -> None:
    """An error for each value longer than its field's limit (``schema.MAX_LENGTH``),
    shown cut short."""
    for fld, s in ctx.raw.items():
        limit = schema.MAX_LENGTH.get(fld)
        if limit is None:
            continue
        lengths = s.str.len().to_numpy(dtype=np.int64, na_value=0)
        for at in np.flatnonzero(lengths > limit):
            value = s.iat[at]
            ctx.col.error(s.index[at], fld, value[:80] + "…", "validate.too_long",
                          field=ctx.field_name(fld), length=_int_text(len(value)), limit=_int_text(limit))


def _check_name(ctx: _Context) -> None:
    """The enterprise's name, white space collapsed; blank is an error."""
    name = ctx.text("name", collapse=True)
    if ctx.has("name"):
        ctx.col.error_mask(name.isna(), "name", ctx.raw["name"], "validate.name.blank")
    ctx.frame["name"] = name


def _check_regency(ctx: _Context) -> None:
    """The regency's code from the reference; blank, a typo (naming the likely regency)
    or a place outside NTB is an error."""
    regency = pd.Series(None, index=ctx.idx, dtype=object)
    if ctx.has("regency"):
        r = ctx.raw["regency"]
        regency = map_unique(r, ctx.ref.resolve_regency)
        ctx.col.error_mask(r == "", "regency", r, "validate.regency.blank")
        bad = regency.isna() & (r != "")
        if bad.any():
            for u in pd.unique(r[bad].to_numpy()):
                suggestion = _closest_regency(ctx.ref, u)
                code, params = (("validate.regency.typo", {"suggestion": suggestion}) if suggestion
                                else ("validate.regency.unknown", {}))
                ctx.col.error_mask(bad & (r == u), "regency", r, code, **params)
    ctx.frame["regency_code"] = regency


def _check_product(ctx: _Context) -> None:
    """The product's code and name from the reference; blank is an error; a product the
    reference lacks keeps its written name and gets one warning at its first row (naming
    the closest known product) and an entry in ``Report.new_products``."""
    product_code = pd.Series(None, index=ctx.idx, dtype=object)
    product_name = pd.Series(None, index=ctx.idx, dtype=object)
    if ctx.has("product"):
        p = squash(ctx.raw["product"])
        ctx.col.error_mask(p == "", "product", p, "validate.product.blank")
        codes, names, new = _product_codes(ctx.ref, p)
        product_code, product_name = map_unique(p, codes.get), map_unique(p, names.get)
        for code, written in new.items():
            _new_product(ctx, product_code == code, code, written)
    ctx.frame["product_code"] = product_code
    ctx.frame["product_name"] = product_name


def _product_codes(ref: Reference, p: pd.Series) -> tuple[dict, dict, dict]:
    """Per distinct written product: its code, its name, and ``{code: written}`` of the
    products the reference lacks (first spelling wins)."""
    codes, names, new = {}, {}, {}
    for u in pd.unique(p.to_numpy()):
        if not u:
            codes[u] = names[u] = None
            continue
        code = ref.resolve_product(u)
        if code:
            codes[u], names[u] = code, ref.product_name(code)
            continue
        code = slug(u) or u
        codes[u] = code
        if code not in new:
            new[code] = u
        names[u] = new[code]
    return codes, names, new


def _new_product(ctx: _Context, rows: pd.Series, code: str, written: str) -> None:
    first = int(rows.idxmax())
    closest = ctx.ref.closest_product(written)
    count = int(rows.sum())
    ctx.report.new_products.append({"name": written, "code": code, "rows": count, "first_row": first,
                                    "closest": closest.name_id if closest else None,
                                    "closest_code": closest.code if closest else None})
    if closest:
        ctx.col.warn(first, "product", written, "validate.product.new", count=count, closest=closest.name(ctx.lang))
    else:
        ctx.col.warn(first, "product", written, "validate.product.new_none", count=count)


def _check_workers(ctx: _Context) -> None:
    """Workers: a total, or L + P, whole numbers >= 0, agreeing when both are given."""
    parsed = {fld: _whole_count(ctx, fld) for fld in ("workers", "workers_male", "workers_female")
              if ctx.has(fld)}
    nothing = (pd.Series(np.nan, index=ctx.idx), None)
    total, male, female = (parsed.get(f, nothing)[0] for f in ("workers", "workers_male", "workers_female"))
    split = male + female
    col, raw = ctx.col, ctx.raw
    if "workers" in parsed:
        col.error_mask((parsed["workers"][1] == 1) & split.isna(), "workers", raw["workers"], "validate.workers.blank")
        both = total.notna() & male.notna() & female.notna() & (split != total)
        for row in ctx.idx[both]:
            col.error(row, "workers", raw["workers"][row], "validate.workers.split",
                      male=_int_text(male[row]), female=_int_text(female[row]),
                      sum=_int_text(split[row]), total=_int_text(total[row]))
        workers = total.fillna(split)
    elif "workers_male" in parsed and "workers_female" in parsed:
        for fld in ("workers_male", "workers_female"):
            col.error_mask(parsed[fld][1] == 1, fld, raw[fld], "validate.workers.blank")
        workers = split
    else:
        workers = pd.Series(np.nan, index=ctx.idx)
    ctx.frame["workers"] = workers.astype("Int64")
    ctx.frame["workers_male"] = male.astype("Int64")
    ctx.frame["workers_female"] = female.astype("Int64")


def _whole_count(ctx: _Context, fld: str) -> tuple[pd.Series, pd.Series]:
    """``(the counts that are whole numbers >= 0, else missing; status)`` of a workers
    column (status 1: blank); an error for text, a negative number or a fraction."""
    raw = ctx.raw[fld]
    values, status = _parse_series(raw)
    ok = status == 0
    ctx.col.error_mask(status == 2, fld, raw, "validate.workers.not_number")
    neg = ok & (values < 0)
    ctx.col.error_mask(neg, fld, raw, "validate.workers.negative")
    frac = ok & ~neg & (values != np.floor(values))
    ctx.col.error_mask(frac, fld, raw, "validate.workers.fraction")
    return values.where(ok & ~neg & ~frac), status


def _take_texts(ctx: _Context) -> None:
    """The optional text fields, as written (owner and address with white space collapsed; a
    partner cell that names no partner, such as ``-``, missing)."""
    for fld in ("owner", "phone", "address", "village", "district", "capacity_unit", "tourism_partner"):
        ctx.frame[fld] = ctx.text(fld, collapse=fld in ("owner", "address"))
    partner = ctx.frame["tourism_partner"]  # "-" or "Tidak ada" names no hotel
    ctx.frame["tourism_partner"] = partner.where(~partner.fillna("").str.strip().str.lower().isin(_NO_PARTNER))


def _check_identifiers(ctx: _Context) -> None:
    """NIK and NIB: text, never numbers (``_ids``)."""
    for fld, digits in (("nik", 16), ("nib", 13)):
        numeric = _numeric_mask(ctx.idx, ctx.numeric.get(ctx.cmap.fields.get(fld)))
        ctx.frame[fld] = _ids(ctx.text(fld), fld, digits, ctx.raw.get(fld), ctx.col, numeric)


def _check_capacity(ctx: _Context) -> None:
    """Capacity, ``"500"`` or ``"500 liter/bulan"`` (the unit fills an empty unit column);
    text or a negative number is a warning and left out."""
    ctx.frame["capacity"] = np.nan
    if not ctx.has("capacity"):
        return
    cap = ctx.raw["capacity"]
    values, status = _parse_series(cap)
    unit = pd.Series("", index=ctx.idx, dtype=object)
    worded = status == 2  # "500 liter/bulan": a number, then its unit
    if worded.any():
        split = cap[worded].str.extract(r"^([-+]?[\d.,\s]*\d)\s*(.*)$")
        v2, s2 = _parse_series(split[0].fillna(cap[worded]).astype("str").str.strip())
        values[worded], status[worded] = v2, s2
        unit[worded] = split[1].fillna("").str.strip().where(s2 == 0, "")
    _warn_numbers(ctx, "capacity", cap, values, status)
    ctx.frame["capacity"] = values.where((status == 0) & (values >= 0))
    ctx.frame["capacity_unit"] = ctx.frame["capacity_unit"].fillna(unit.where(unit != "", None))


def _check_money(ctx: _Context) -> None:
    """The order value in rupiah (``"Rp 12,5 juta"``; a dash is blank); text or a negative
    number is a warning and left out."""
    ctx.frame["order_value"] = pd.array([pd.NA] * len(ctx.idx), dtype="Int64")
    if not ctx.has("order_value"):
        return
    money = ctx.raw["order_value"]
    values, status = _parse_series(money.where(~money.isin(list(_NO_MARKS)), ""), money=True)
    _warn_numbers(ctx, "order_value", money, values, status)
    ctx.frame["order_value"] = values.where((status == 0) & (values >= 0)).round().astype("Int64")


def _warn_numbers(ctx: _Context, fld: str, raw: pd.Series, values: pd.Series, status: pd.Series) -> None:
    ctx.col.warn_mask(status == 2, fld, raw, "validate.number.invalid", field=ctx.field_name(fld))
    ctx.col.warn_mask((status == 0) & (values < 0), fld, raw, "validate.number.negative",
                      field=ctx.field_name(fld))


def _check_flags(ctx: _Context) -> None:
    """Certifications and flags (``parse_flag``); a word it does not know is a warning."""
    for fld in CERT_FIELDS:
        if not ctx.has(fld):
            ctx.frame[fld] = None
            continue
        s = ctx.raw[fld]
        value = map_unique(s, parse_flag)
        ctx.col.warn_mask(value.isna() & (s != ""), fld, s, "validate.flag.unknown", field=ctx.field_name(fld))
        ctx.frame[fld] = value.astype("boolean")


def _check_phase(ctx: _Context) -> None:
    """The phase: the chosen one, or the file's Tahap column. Unreadable is an error; so is
    blank without a chosen phase, or a phase other than the chosen one."""
    row_phase = pd.Series(ctx.phase, index=ctx.idx, dtype="Int64")
    if ctx.has("phase"):
        s = ctx.raw["phase"]
        phases, bad = {}, set()
        for u in pd.unique(s.to_numpy()):
            try:
                phases[u] = parse_phase(u)
            except NotANumber:
                phases[u] = None
                bad.add(u)
        file_phase = map_unique(s, phases.get).astype("Int64")
        ctx.col.error_mask(s.isin(list(bad)), "phase", s, "validate.phase.invalid")
        if ctx.phase is None:
            ctx.col.error_mask(s == "", "phase", s, "validate.phase.blank")
            row_phase = file_phase
        else:
            other = file_phase.notna() & (file_phase != ctx.phase)
            for row in ctx.idx[other.to_numpy(dtype=bool)]:
                ctx.col.error(row, "phase", s[row], "validate.phase.mismatch", phase=ctx.phase,
                              found=int(file_phase[row]))
    ctx.report.phases = sorted(int(p) for p in pd.unique(row_phase.dropna().to_numpy())) if len(ctx.idx) else []
    ctx.frame["phase"] = row_phase


def _check_duplicates(ctx: _Context) -> None:
    """The enterprise key of each row, and duplicates: in the file (when it has name,
    regency and product) and, appending, against the stored rows."""
    keys = _keys(ctx.frame)
    rows_checked = ctx.has("name") and ctx.has("regency") and ctx.has("product")
    if rows_checked:
        _duplicates(ctx.frame, *keys[:2], keys[3], ctx.col, ctx.raw)
    ctx.report.rekey = _against_stored(ctx.frame, keys, ctx.existing, ctx.existing_info, ctx.col, ctx.raw,
                                       rows=rows_checked)
    ctx.frame["source_row"] = ctx.idx.astype("int32")


def _check_totals_rows(ctx: _Context) -> None:
    """The file's totals rows against the sums of the data rows (``_check_totals``)."""
    ctx.report.totals = _check_totals(ctx.totals, ctx.frame, ctx.cmap, ctx.col)


# The steps of validate, in the order their issues are found (the report sorts by row and
# column; issues at the same cell keep this order).
STEPS = (_check_lengths, _check_name, _check_regency, _check_product, _check_workers, _take_texts,
         _check_identifiers, _check_capacity, _check_money, _check_flags, _check_phase, _check_duplicates,
         _check_totals_rows)


def _with_frame(rep: Report, frame: pd.DataFrame) -> Report:
    """``rep`` with the rows in the participant schema, counted."""
    frame = frame.reset_index(drop=True)
    for name in schema.NAMES:
        if name not in frame.columns:
            frame[name] = None
    rep.frame = frame[list(schema.NAMES)]
    rep.rows = len(rep.frame)
    rep.enterprises, rep.workers = _totals(rep.frame)
    return rep


def _totals(frame: pd.DataFrame) -> tuple[int, int]:
    """Distinct enterprises and their workers (each counted once: its largest figure)."""
    valid = frame["workers"].notna().to_numpy() & frame["enterprise_key"].notna().to_numpy()
    if not valid.any():
        return 0, 0
    codes, uniques = _factorize(frame["enterprise_key"][valid].astype("str"))
    workers = frame["workers"][valid].to_numpy(dtype=np.int64)
    per = np.zeros(len(uniques), dtype=np.int64)
    np.maximum.at(per, codes, workers)
    return len(uniques), int(per.sum())


def _finish(rep: Report, col: _Collector) -> Report:
    key = lambda i: (i.row if i.row is not None else -1, i.position)  # noqa: E731
    rep.errors = sorted(col.errors, key=key)
    rep.warnings = sorted(col.warnings, key=key)
    rep.errors_total, rep.warnings_total = col.totals["error"], col.totals["warning"]
    return rep


def _int_text(value) -> str:
    from ikm_data.formatting import fmt_int

    return fmt_int(value)


def _closest_regency(ref: Reference, text: str) -> str | None:
    """The NTB regency a typo most likely meant (``"Lombok Timr"``), or None for a place
    outside NTB (``"Denpasar"``)."""
    key = norm_key(re.sub(r"^(kabupaten|kab\.?)\s*", "", str(text), flags=re.I))
    seats = {norm_key(r.seat): r for r in ref.regencies}
    if key in seats:  # "Sumbawa Besar", the seat of Kabupaten Sumbawa
        return seats[key].label
    names = {norm_key(r.name): r for r in ref.regencies}
    for r in ref.regencies:
        for a in r.aliases:
            names.setdefault(norm_key(re.sub(r"^(kabupaten|kab\.?)\s*", "", a, flags=re.I)), r)
    match = difflib.get_close_matches(key, list(names), n=1, cutoff=0.8)
    return names[match[0]].label if match else None


def _numeric_mask(idx: pd.Index, rows: np.ndarray | None) -> pd.Series:
    """True at the rows of ``idx`` listed in ``rows`` (the cells that held a number)."""
    if rows is None or not len(rows):
        return pd.Series(False, index=idx)
    return pd.Series(idx.isin(rows), index=idx)


def _ids(values: pd.Series, fld: str, digits: int, raw: pd.Series | None, col: _Collector,
         numeric: pd.Series) -> pd.Series:
    """NIK/NIB as text: spaces and a leading apostrophe removed; blank-ish words become
    null. Warnings, one per cell: a number Excel wrote in scientific form; a cell Excel
    stored as a number (``numeric``) — for a NIK always (16 digits are more than the 15
    Excel keeps, so the last one is zeroed), for a NIB only when it has fewer than its 13
    digits (a leading zero dropped; 13 digits fit and come through exact); else a wrong
    length."""
    if raw is None:
        return values
    s = _strip_chars(values.fillna("").astype("str").str.lstrip("'"), " \t")
    arr = _arrow(s)
    length = pc.utf8_length(arr).to_numpy()
    blank = pd.Series(length == 0, index=s.index)
    short = (length > 0) & (length <= _BLANKISH_LONGEST)  # lower() never makes a text shorter
    if short.any():
        blank[short] = s[short].str.lower().isin(_BLANKISH).to_numpy()
    digits_only = pc.ascii_is_decimal(arr).to_numpy(zero_copy_only=False)  # only 0-9, not empty
    scientific = pd.Series(False, index=s.index)
    if _holds_byte(arr, b"eE"):
        scientific[:] = pc.match_substring_regex(arr, r"^[0-9]+[.,]?[0-9]*[eE][+]?[0-9]+$").to_numpy(
            zero_copy_only=False)
    col.warn_mask(scientific, fld, raw, f"validate.{fld}.scientific")
    exact = pd.Series(digits_only & (length == digits), index=s.index)
    as_number = numeric & ~blank & ~scientific
    if fld == "nib":
        as_number &= digits_only & (length <= digits - 1)
    col.warn_mask(as_number, fld, raw, f"reading.validate.{fld}.numeric", digits=digits)
    wrong = ~blank & ~scientific & ~as_number & ~exact
    col.warn_mask(wrong, fld, raw, f"validate.{fld}.format", digits=digits)
    return s.where(~blank, None)


def _duplicates(frame, nib_key, name_key, usable, col: _Collector, raw: dict) -> None:
    """The same enterprise with the same product twice in the file, in linear time: rows
    with the same NIB + product + phase (every row after the first names the first, by
    NIB); else rows with the same name + regency + product + phase where one of the two
    has no NIB (a row without NIB names the first row of its group; a row with a NIB the
    first row of its group without one, when that comes before it)."""
    product = frame["product_code"].fillna("")
    phase = frame["phase"].astype("Int64").fillna(-1).astype("int64")  # a file may hold several
    rows = frame.index[usable.to_numpy(dtype=bool)].to_numpy(dtype=np.int64)
    first = np.full(len(rows), -1, dtype=np.int64)  # the row each duplicate names
    by_nib = np.zeros(len(rows), dtype=bool)
    b = nib_key[usable].to_numpy(dtype=object)
    has_nib = b != ""
    if has_nib.any() and not _all_distinct(nib_key[usable][has_nib]):
        grp = _group_codes([nib_key[usable][has_nib], product[usable][has_nib], phase[usable][has_nib]])
        head = _group_first(grp, rows[has_nib])
        later = head != rows[has_nib]
        at = np.flatnonzero(has_nib)[later]
        first[at], by_nib[at] = head[later], True
    if not _all_distinct(name_key[usable]):
        grp = _group_codes([name_key[usable], frame["regency_code"][usable], product[usable], phase[usable]])
        head = _group_first(grp, rows)
        no_nib_head = _group_first(grp, np.where(has_nib, np.iinfo(np.int64).max, rows))
        own = ~has_nib & (head != rows)
        other = has_nib & (no_nib_head < rows)
        take = (first < 0) & (own | other)
        first[take] = np.where(own, head, no_nib_head)[take]
    named = np.flatnonzero(first >= 0)
    if not len(named):
        return
    names = frame["product_name"].to_numpy(dtype=object)[usable.to_numpy(dtype=bool)]
    values = {fld: raw[fld].reindex(rows[named]).to_numpy(dtype=object) for fld in ("nib", "name") if fld in raw}
    for k, i in enumerate(named):
        fld = "nib" if by_nib[i] else "name"
        col.error(rows[i], fld, values[fld][k], f"validate.duplicate.{fld}", first=int(first[i]),
                  second=int(rows[i]), product=names[i] or "")


def _group_codes(columns: list[pd.Series]) -> np.ndarray:
    """One code per row for the combination of ``columns`` (hashing, no sorting)."""
    codes = None
    for column in columns:
        c, uniq = pd.factorize(column.to_numpy(dtype=object) if column.dtype == object else column.to_numpy(),
                               use_na_sentinel=False)
        codes = c.astype(np.int64) if codes is None else pd.factorize(codes * len(uniq) + c)[0].astype(np.int64)
    return codes


def _group_first(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    """For each row, the smallest of ``values`` in its group."""
    out = np.full(groups.max() + 1 if len(groups) else 0, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(out, groups, values)
    return out[groups]


# -- the comparison with the stored rows: one path for the check and for the re-check that
#    importer.commit makes under the store lock when the phase moved on since the check
def _keys(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """``(NIB key, name key, name + regency, usable for the duplicate rule)`` of every row;
    sets ``enterprise_key`` to the row's own key (its NIB, else name + regency)."""
    nib_key = _strip_chars(frame["nib"].fillna("").astype("str"), " .-")  # Arrow text, as the keys below
    name_key = norm_keys(frame["name"].fillna("").astype("str"))
    reg = frame["regency_code"].fillna("")
    own = name_key + "|" + reg
    frame["enterprise_key"] = nib_key.where(nib_key != "", own)
    usable = (name_key != "") & (reg != "") & frame["product_code"].notna()
    return nib_key, name_key, own, usable


def _against_stored(frame, keys, existing, info: dict, col: _Collector, raw: dict, *,
                    rows: bool = True) -> dict[int, dict[str, str]]:
    """The enterprise keys of ``frame`` given the stored rows ``existing`` (one NIB per
    name: ``_nib_of_name``; returns the stored keys an append changes) and, with ``rows``,
    an error for each row already stored (``_stored_duplicates``)."""
    nib_key, name_key, own, usable = keys
    named = (name_key != "") & (frame["regency_code"].fillna("") != "")
    rekey = _nib_of_name(frame, nib_key, own, named, existing, col, raw)
    if rows and existing is not None and len(existing):
        _stored_duplicates(frame, nib_key, name_key, usable, existing, info, col)
    return rekey


def recheck_stored(report: Report, cmap: ColumnMap, existing: pd.DataFrame | None,
                   stored_by: dict[int, dict]) -> Report:
    """``report``'s rows (valid, append) compared again with ``existing``, the rows stored
    now — under the store lock, when the phase moved on since the check. Returns a Report
    of the same rows whose enterprise keys and ``rekey`` follow the rows stored now; its
    errors (``race.duplicate``) are the rows another upload stored meanwhile, naming per
    phase the version and file in ``stored_by`` (``{phase: {"version", "file"}}``)."""
    frame = report.frame.set_axis(report.frame["source_row"].to_numpy(dtype=np.int64))  # sheet rows
    keys = _keys(frame)
    col = _Collector(cmap)
    raw = {"name": frame["name"], "regency": frame["regency_code"]} | (
        {"nib": frame["nib"]} if "nib" in cmap.fields else {})
    rekey = _against_stored(frame, keys, existing, {}, col, raw)
    col.warnings, col.totals["warning"] = [], 0  # the check showed them already
    for issue in col.errors:
        issue.code = "race.duplicate"
        issue.params.update(stored_by.get(issue.params.get("phase"), {}))
    rep = dataclasses.replace(report, frame=frame.reset_index(drop=True), rekey=rekey, _table=None)
    rep.enterprises, rep.workers = _totals(rep.frame)
    return _finish(rep, col)


def _nib_of_name(frame, nib_key, own, named, existing, col: _Collector, raw: dict) -> dict[int, dict[str, str]]:
    """One enterprise, one key (the rule of the duplicate check): a row without NIB whose
    name + regency (``own``) goes, in its phase, with exactly one NIB — in the file or,
    appending, among the stored rows — is that NIB's enterprise and takes it as its
    ``enterprise_key``; with two or more NIBs it keeps ``own`` and gets a warning naming
    them. Returns the stored keys an append changes: ``{phase: {own: NIB}}`` for stored
    rows without NIB that a NIB in the file now names."""
    ex = _stored_identity(existing)
    ex_waits = ((ex["b"] == "") & (ex["k"] == ex["g"])).to_numpy()
    named = named.to_numpy()
    waits = (nib_key == "").to_numpy()[named]
    if not (waits.any() or ex_waits.any()):
        return {}
    rows = frame.index[named]
    phase = frame["phase"].to_numpy(dtype=np.int64, na_value=-1)[named]
    group, single, many, b_values = _nib_groups(
        np.concatenate([phase, ex["t"].to_numpy(dtype=np.int64)]),
        np.concatenate([own.to_numpy(dtype=object)[named], ex["g"].to_numpy(dtype=object)]),
        np.concatenate([nib_key.to_numpy(dtype=object)[named], ex["b"].to_numpy(dtype=object)]),
        np.concatenate([waits, ex_waits]))
    mine, theirs = group[:len(rows)], group[len(rows):]
    taken = waits & (single[mine] >= 0)
    if taken.any():
        frame.loc[rows[taken], "enterprise_key"] = b_values[single[mine[taken]]]
    fld = "nib" if "nib" in raw else "name"
    unsure = waits & np.isin(mine, list(many))
    for row, grp in zip(rows[unsure], mine[unsure]):
        col.warn(row, fld, raw[fld][row], "keys.nib.ambiguous", name=frame.at[row, "name"],
                 regency=raw["regency"][row], nibs=", ".join(b_values[many[grp]]))
    rekey: dict[int, dict[str, str]] = {}
    moved = ex_waits & (single[theirs] >= 0)
    for t_, g, b in zip(ex["t"][moved], ex["g"][moved], b_values[single[theirs[moved]]]):
        rekey.setdefault(int(t_), {})[g] = b
    return rekey


def _nib_groups(phase: np.ndarray, own: np.ndarray, nib: np.ndarray,
                waits: np.ndarray) -> tuple[np.ndarray, np.ndarray, dict, np.ndarray]:
    """Rows grouped by name + regency and phase: ``(group of each row, per group the code
    of its one NIB or -1, {group with several NIBs: their codes in order of appearance},
    the NIBs by code)``. NIB "" is none; only the groups of the rows that ``waits`` for a
    NIB are looked at (a million rows with NIBs need not be sorted)."""
    group, groups = pd.factorize(own)
    t_codes, t_values = pd.factorize(phase)
    if len(t_values) > 1:
        group, groups = pd.factorize(group.astype(np.int64) * len(t_values) + t_codes)
    wanted = np.zeros(len(groups), dtype=bool)
    wanted[group[waits]] = True
    candidate = wanted[group] & (nib != "")
    b_codes, b_list = pd.factorize(nib[candidate])
    width = max(len(b_list), 1)
    pairs = np.sort(group[candidate].astype(np.int64) * width + b_codes)
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
    pg, pb = pairs // width, pairs % width  # by group, then NIB code (order of appearance)
    count = np.bincount(pg, minlength=len(groups))
    single = np.full(len(groups), -1, dtype=np.int64)
    one = count[pg] == 1
    single[pg[one]] = pb[one]
    many: dict[int, list[int]] = {}
    for grp, b in zip(pg[~one].tolist(), pb[~one].tolist()):
        many.setdefault(grp, []).append(b)
    return group, single, many, np.array(b_list, dtype=object)


def _stored_identity(existing: pd.DataFrame | None) -> pd.DataFrame:
    """The stored rows with a name and regency as phase ``t``, name + regency ``g``, NIB
    ``b`` ("" without) and stored key ``k`` (none without ``existing``)."""
    if existing is None or not len(existing):
        empty = np.array([], dtype=object)
        return pd.DataFrame({"t": np.array([], dtype=np.int64), "g": empty, "b": empty, "k": empty})
    nib = _strip_chars(existing["nib"].fillna("").astype("str"), " .-").astype(object)
    name = norm_keys(existing["name"].fillna("").astype("str"))
    reg = existing["regency_code"].fillna("").astype(object)
    g = name + "|" + reg
    k = existing["enterprise_key"] if "enterprise_key" in existing else nib.where(nib != "", g)
    out = pd.DataFrame({"t": existing["phase"].astype("int64"), "g": g, "b": nib, "k": k})
    return out[(name != "") & (reg != "")].reset_index(drop=True)


def _all_distinct(values: pd.Series) -> bool:
    """True when no value repeats (checked fast, so a file of distinct rows skips the
    grouping)."""
    arr = _arrow(values.astype("str"))
    return len(pc.unique(arr)) == len(arr)


def _stored_duplicates(frame, nib_key, name_key, usable, existing: pd.DataFrame, info: dict,
                       col: _Collector) -> None:
    """Append mode: a row that is already stored for the phase (same rule as above: the same
    NIB + product + phase, else the same name + regency + product + phase where the file's
    row or the stored one has no NIB); the first such stored row is named."""
    ex = existing
    stored = pd.DataFrame({
        "b": _strip_chars(ex["nib"].fillna("").astype("str"), " .-").astype(object).to_numpy(),
        "n": norm_keys(ex["name"].fillna("").astype("str")).astype(object).to_numpy(),
        "r": ex["regency_code"].astype(object).to_numpy(), "p": ex["product_code"].astype(object).to_numpy(),
        "t": ex["phase"].astype("int64").to_numpy(),
        "sr": ex["source_row"].astype(object).to_numpy() if "source_row" in ex else None})
    mask = usable.to_numpy(dtype=bool)
    rows = frame.index[mask]
    mine = pd.DataFrame({
        "b": nib_key.to_numpy(dtype=object)[mask], "n": name_key.to_numpy(dtype=object)[mask],
        "r": frame["regency_code"].to_numpy(dtype=object)[mask],
        "p": frame["product_code"].to_numpy(dtype=object)[mask],
        "t": frame["phase"].astype("Int64").fillna(-1).astype("int64").to_numpy()[mask]})
    has = mine["b"].to_numpy() != ""
    by_nib, at_nib = _first_stored(mine, stored[stored["b"] != ""], ["b", "p", "t"])
    no_nib, at_no_nib = _first_stored(mine, stored[stored["b"] == ""], ["n", "r", "p", "t"])
    any_, at_any = _first_stored(mine, stored, ["n", "r", "p", "t"])
    nib_hit = has & by_nib
    hit = nib_hit | (has & no_nib) | (~has & any_)
    stored_row = np.where(nib_hit, at_nib, np.where(has, at_no_nib, at_any))
    product = frame["product_name"].to_numpy(dtype=object)[mask]
    values = {f: frame[f].to_numpy(dtype=object)[mask] for f in ("nib", "name")}
    for i in np.flatnonzero(hit):
        fld = "nib" if nib_hit[i] else "name"
        sr = stored_row[i]
        col.error(rows[i], fld, values[fld][i], "validate.duplicate.stored",
                  stored_row=sr if sr is not None and not pd.isna(sr) else "-", phase=int(mine["t"][i]),
                  version=info.get("version", ""), file=info.get("file", ""), product=product[i] or "")


def _first_stored(mine: pd.DataFrame, stored: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """For each row of ``mine``: whether ``stored`` holds a row with the same ``keys``,
    and the ``sr`` (source row) of the first one."""
    firsts = stored.drop_duplicates(keys, keep="first")[keys + ["sr"]].assign(hit=True)
    joined = mine[keys].merge(firsts, on=keys, how="left", sort=False)
    return joined["hit"].fillna(False).to_numpy(dtype=bool), joined["sr"].to_numpy(dtype=object)


_TOTAL_FIELDS = ("workers", "workers_male", "workers_female", "order_value", "capacity")


def _check_totals(totals: list[TotalsRow], frame: pd.DataFrame, cmap: ColumnMap,
                  col: _Collector) -> list[dict]:
    """Compare each totals row's figures with the sums of the data rows above it (all of
    them, or those since the previous totals row for a subtotal). Mismatch: a warning."""
    out = []
    previous = 0
    for tr in totals:
        above = frame[(frame.index < tr.row)]
        segment = above[above.index > previous]
        for fld in _TOTAL_FIELDS:
            pos = cmap.fields.get(fld)
            if pos is None or not tr.cells.get(pos):
                continue
            cell = tr.cells[pos]
            if norm_key(cell) == norm_key(tr.label):
                continue
            try:
                stated = parse_number(cell, money=fld == "order_value")
            except NotANumber:
                col.warn(tr.row, fld, cell, "validate.totals.unreadable")
                continue
            if stated is None:
                continue
            whole = float(pd.to_numeric(above[fld], errors="coerce").sum())
            part = float(pd.to_numeric(segment[fld], errors="coerce").sum())
            ok = abs(stated - whole) < 0.5 or abs(stated - part) < 0.5
            expected = part if (tr.subtotal or (ok and abs(stated - whole) >= 0.5)) else whole
            out.append({"row": tr.row, "label": tr.label, "column": cmap.label(fld), "field": fld,
                        "stated": stated, "computed": int(expected) if expected.is_integer() else expected,
                        "ok": ok})
            if not ok:
                col.warn(tr.row, fld, cell, "validate.totals.mismatch",
                         stated=_int_text(stated), computed=_int_text(expected), label=tr.label)
        previous = tr.row
    return out
