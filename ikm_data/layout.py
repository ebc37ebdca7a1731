"""Finding the table inside an official's sheet: the header row among title rows, a two-row
header (a group cell such as ``Tenaga Kerja`` over ``L`` ``P`` ``Jumlah``; merged cells
come back blank to the right of their value), the ``No`` column, blank rows, totals rows
(``Jumlah``, ``Total``, ``JUMLAH TOTAL``) and notes under the table (``Sumber: ...``).

Every data row keeps the row number the official sees in the spreadsheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ikm_data import mapping
from ikm_data.mapping import ColumnMap, Header
from ikm_data.reference import norm_key

HEADER_SCAN_ROWS = 20
_EXAMPLE_MARKS = ("contoh", "example", "misal", "mis.", "contoh:")
_NUMERIC = re.compile(r"^[\s(]*[-+]?(rp\.?\s*)?[\d.,\s]*\d[\d.,\s]*\)?\s*$", re.I)
_TOTAL = re.compile(r"^(sub\s?)?(jumlah|jml|total|grand total)\b")
_NOTE = re.compile(r"^(sumber|keterangan|ket|catatan|note|notes|nb|source|mengetahui|dibuat oleh|"
                   r"disusun oleh|diolah|tanggal|tgl|petunjuk)\b")


def clean(text: object) -> str:
    """A cell's text with runs of white space (line breaks in a header) made one space."""
    return " ".join(str(text).split()) if text is not None else ""


@dataclass
class Layout:
    """Where the table is: ``header_rows`` (one or two spreadsheet row numbers) and the
    header columns."""

    header_rows: tuple[int, ...]
    headers: list[Header]
    found: bool = True  # False: no row looked like a header; the first non-blank row is used

    @property
    def last_header_row(self) -> int:
        return self.header_rows[-1]

    @property
    def labels(self) -> list[str]:
        return [h.label for h in self.headers]


@dataclass
class TotalsRow:
    """A ``Jumlah``/``Total`` row: its spreadsheet row number, its label and raw cells."""

    row: int
    label: str
    cells: dict[int, str]
    subtotal: bool = False


@dataclass
class Body:
    """The table's rows, sorted out: ``data`` (raw text by column position, indexed by
    spreadsheet row number), the totals rows, and how many blank and note rows were
    skipped."""

    data: pd.DataFrame
    totals: list[TotalsRow] = field(default_factory=list)
    blank_rows: int = 0
    note_rows: list[int] = field(default_factory=list)


def _row_cells(grid: pd.DataFrame, pos: int) -> list[str]:
    return [clean(v) for v in grid.iloc[pos].tolist()]


def _score(headers: list[Header]) -> int:
    return sum(1 for h in headers if h.field is not None)


def _single(cells: list[str]) -> list[Header]:
    return [Header(i, c, None, c) for i, c in enumerate(cells) if c]


def _pair(upper: list[str], lower: list[str]) -> list[Header]:
    """Headers of a two-row header: a group cell applies to the blank cells to its right
    that have a sub-header below them."""
    out, group = [], ""
    for i, (u, w) in enumerate(zip(upper, lower)):
        if u:
            group = u
        if not w:
            if u:
                out.append(Header(i, u, None, u))
            continue
        g = u or group
        if not g or g == w:
            out.append(Header(i, w, None, w))
        else:
            out.append(Header(i, f"{g} / {w}", g, w))
    return out


def _header_like(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return bool(filled) and not any(_NUMERIC.match(c) for c in filled)


def find_header(grid: pd.DataFrame) -> Layout:
    """The header of the table in ``grid`` (see ``readers.RawSheet``): the row, or pair of
    rows, among the first 20 whose cells match the most header synonyms."""
    n = min(len(grid), HEADER_SCAN_ROWS)
    rows = [_row_cells(grid, i) for i in range(min(len(grid), n + 1))]
    numbers = list(grid.index[: len(rows)])
    best: tuple[int, int, tuple[int, ...], list[Header]] | None = None
    singles = [_score(_single(r)) for r in rows]
    for i in range(n):
        cand = [(singles[i], (numbers[i],), _single(rows[i]))]
        if i + 1 < len(rows) and _header_like(rows[i + 1]) and any(rows[i]):
            headers = _pair(rows[i], rows[i + 1])
            score = _score(headers)
            if score > singles[i] and score > singles[i + 1]:
                cand.append((score, (numbers[i], numbers[i + 1]), headers))
        for score, hrows, headers in cand:
            if score and (best is None or score > best[0]):
                best = (score, -i, hrows, headers)
    if best is None:
        first = next((i for i, r in enumerate(rows) if any(r)), 0)
        return Layout((numbers[first] if numbers else 1,), _single(rows[first]) if rows else [], found=False)
    return Layout(best[2], best[3])


def sheet_score(grid: pd.DataFrame) -> tuple[int, int]:
    """How well the header ``find_header`` detects in ``grid`` matches the known fields:
    ``(required fields found, other fields found)``, compared required first (the score
    that picks the data sheet of a workbook; a summary or notes sheet scores lower)."""
    if grid.empty:
        return (0, 0)
    found = find_header(grid)
    if not found.found:
        return (0, 0)
    cmap = mapping.resolve(found.headers)
    required = len(mapping.REQUIRED) - len(cmap.missing)
    return (required, len([f for f in cmap.fields if f not in mapping.REQUIRED]))


def _classify_suspects(body: pd.DataFrame, suspects, order: list, cmap: ColumnMap, keyless: pd.Series):
    """The rows that may not be data, in order: ``(totals rows, note rows, rows to drop,
    trailing)`` — a totals row is labelled ``Jumlah``/``Total``; a note starts with
    ``Sumber``/``Keterangan``/``*``... and so is every row after it; ``trailing`` holds the
    rows with no name, regency or product (data only if real rows follow them)."""
    name_col = cmap.fields.get("name")
    totals, notes, drop, trailing = [], [], set(), []
    in_notes = False
    for row in suspects:
        values = {c: clean(body.at[row, c]) for c in order}
        first = next((v for v in values.values() if v), "")
        key = norm_key(first)
        label = first if _is_total_label(key) else _later_total_label(values, cmap)
        if not in_notes and label is not None:
            totals.append(TotalsRow(row, label, {c: v for c, v in values.items() if v},
                                    subtotal=norm_key(label).startswith("sub")))
            drop.add(row)
        elif in_notes or _NOTE.match(key) or first.startswith(("*", "Ket:", "Ket.")):
            in_notes = True
            notes.append(row)
            drop.add(row)
        elif name_col is not None and not values.get(name_col) and keyless[row]:
            trailing.append((row, values))
    return totals, notes, drop, trailing


def split_body(grid: pd.DataFrame, layout: Layout, cmap: ColumnMap) -> Body:
    """The rows under the header: data rows (blank rows, totals rows and notes left out).

    A row is blank when no header column other than ``No`` holds anything; a totals row
    starts with ``Jumlah``/``Total`` and has no regency or product; a note starts with
    ``Sumber``/``Keterangan``/``Catatan``... and every row after a note that has no
    regency and no product is part of the notes.
    """
    start = int((grid.index <= layout.last_header_row).sum())  # the index counts rows from 1
    body = grid.iloc[start:]
    columns = [h.index for h in layout.headers]
    body = body[columns] if columns else body.iloc[:, :0]
    content_cols = [c for c in columns if c != cmap.no_column]
    if not content_cols or body.empty:
        return Body(data=body.iloc[0:0], blank_rows=len(body))
    cells = body[content_cols].astype(str)
    filled = cells.apply(_filled)
    nonblank = filled.any(axis=1)
    if cmap.no_column is not None:
        # a No column holding words (a note, "Jumlah", "Contoh") makes the row count;
        # holding only a number (a pre-numbered empty row) it does not
        no = body[cmap.no_column].astype(str).str.strip()
        nonblank |= (no != "") & ~no.str.fullmatch(r"[\d.,\s]*")
    key_cols = [cmap.fields[f] for f in ("regency", "product") if f in cmap.fields]
    if key_cols:
        keyless = ~filled[key_cols].any(axis=1)
        labelled = cells[key_cols].apply(_holds_total_label).any(axis=1)  # "Jumlah" as the regency
    else:
        keyless = labelled = pd.Series(True, index=body.index)
    suspects = body.index[nonblank & (keyless | labelled)]
    name_col = cmap.fields.get("name")
    totals, notes, drop, trailing = _classify_suspects(body, suspects, list(columns), cmap, keyless)
    # below the last real row, nameless rows are bare sums (numbers) or a signature block
    # ("Mataram, 20 Juli 2020", "Kepala Dinas"...); above it they are rows with errors
    has_name = filled[name_col] if name_col in filled else pd.Series(False, index=body.index)
    named = body.index[nonblank & (~keyless | has_name)]
    named = named[~named.isin(list(drop))]
    last_data = int(named.max()) if len(named) else 0
    for row, values in trailing:
        if row < last_data:
            continue
        if _unlabelled_sums(values, cmap):
            totals.append(TotalsRow(row, "", {c: v for c, v in values.items() if v}))
        else:
            notes.append(row)
        drop.add(row)
    totals.sort(key=lambda tr: tr.row)
    for row in _repeated_headers(body, layout, cmap, nonblank):
        notes.append(row)
        drop.add(row)
    if cmap.no_column is not None:  # the template's example row ("Contoh" in the No column)
        marks = body[cmap.no_column].astype(str).str.strip().str.lower()
        example = body.index[marks.isin(_EXAMPLE_MARKS) & nonblank]
        notes.extend(r for r in example if r not in drop)
        drop.update(example)
    keep = nonblank & ~body.index.isin(list(drop))
    data = body if bool(keep.all()) else body.loc[keep]
    return Body(data=data, totals=totals, blank_rows=int((~nonblank).sum()),
                note_rows=sorted(notes))


_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")


def _repeated_headers(body: pd.DataFrame, layout: Layout, cmap: ColumnMap, nonblank: pd.Series) -> list[int]:
    """Rows that are part of the header, not data: the column numbers offices put under a
    header (``(1) (2) (3) ...``) and the header repeated on every printed page."""
    out = []
    mapped = sorted(set(cmap.fields.values()) | ({cmap.no_column} if cmap.no_column is not None else set()))
    labels = {h.index: clean(h.sub or h.label) for h in layout.headers}
    first = body.index[nonblank.to_numpy()][:1]
    for row in first:  # column numbers sit right under the header
        cells = [clean(body.at[row, c]) for c in mapped if clean(body.at[row, c])]
        numbers = [int(m.group(1)) for m in (_COLUMN_NUMBER.match(c) for c in cells) if m]
        counting = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else False
        if len(cells) >= 3 and len(numbers) == len(cells) and counting:
            out.append(row)
    name = cmap.fields.get("name")
    if name is not None:  # a repeated header holds the header's own text in the name column
        same = body[name].astype("str").str.strip() == labels.get(name, "\0")
        for row in body.index[same.to_numpy() & nonblank.to_numpy()]:
            hits = sum(clean(body.at[row, c]) == labels.get(c) for c in mapped)
            if hits >= max(2, len(mapped) // 2):
                out.append(row)
    return out


_TOTAL_TAIL = re.compile(r"^(total|keseluruhan|akhir|seluruhnya|semua|seluruh|ikm|umkm|ukm|tenaga kerja|tk|"
                         r"tahap\b.*|kab\w*\b.*|kota\b.*|produk\b.*|per\b.*)$")


def _is_total_label(key: str) -> bool:
    """``jumlah``, ``total``, ``JUMLAH TOTAL``, ``Jumlah Lombok Barat``, ``Sub Total Kopi``...
    (the row has no regency or product of its own)."""
    m = _TOTAL.match(key)
    if not m:
        return False
    rest = key[m.end():].strip()
    if not rest or _TOTAL_TAIL.match(rest):
        return True
    from ikm_data.reference import load_reference

    ref = load_reference()
    return bool(ref.resolve_regency(rest) or ref.resolve_product(rest))


def _text(cells: pd.Series) -> pa.Array:
    """A column of text as one Arrow array (without a copy when it is Arrow text)."""
    arr = pa.array(cells.array if isinstance(cells.dtype, pd.StringDtype) else cells.to_numpy(dtype=object),
                   pa.large_string())
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def _filled(cells: pd.Series) -> pd.Series:
    """True where a cell holds more than white space (what ``str.strip`` would leave),
    counted by Arrow."""
    arr = _text(cells)
    blank = pc.or_(pc.equal(pc.binary_length(arr), 0), pc.utf8_is_space(arr))
    return pd.Series(pc.invert(pc.fill_null(blank, True)).to_numpy(zero_copy_only=False), index=cells.index)


def _holds_total_label(cells: pd.Series) -> pd.Series:
    """True where a cell reads as a totals label (a million cells: the few that start
    like one are found by Arrow, then checked one by one)."""
    arr = _text(cells)
    maybe = pc.match_substring_regex(arr, r"^\s*(?i:sub\s?)?(?i:jumlah|jml|total|grand)")
    out = pd.Series(maybe.to_numpy(zero_copy_only=False), index=cells.index)
    if out.any():
        out[out] = [_is_total_label(norm_key(v)) for v in cells[out]]
    return out


def _later_total_label(values: dict[int, str], cmap: ColumnMap) -> str | None:
    """The totals label of a row that does not start with it: ``Jumlah`` in the regency or
    product column, after an empty name (a summary sheet's totals row). The first cell
    holding a totals label before the row's figures; None when the figures come first or
    the row has a name of its own (an enterprise: ``UD Jumlah Berkah``)."""
    name = cmap.fields.get("name")
    for c, v in values.items():
        if not v or (c == cmap.no_column and _NUMERIC.match(v)):
            continue
        if _is_total_label(norm_key(v)):
            return v
        if c == name or _NUMERIC.match(v):
            return None
    return None


def _unlabelled_sums(values: dict[int, str], cmap: ColumnMap) -> bool:
    """A row of bare numbers under the table, with no name, regency or product: the sums
    an office types (or a SUM formula) without writing ``Jumlah``."""
    name = cmap.fields.get("name")
    if name is None or values.get(name):
        return False
    filled = [v for c, v in values.items() if v and c != cmap.no_column]
    return bool(filled) and all(_NUMERIC.match(v) for v in filled)


def resolve(layout: Layout, manual: dict[str, str] | None = None) -> ColumnMap:
    """``mapping.resolve`` over the layout's headers."""
    return mapping.resolve(layout.headers, manual)
