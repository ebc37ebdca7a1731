"""What a workbook is (by its content, not its name) and the cheap measurements of the
formats beside xlsx before calamine opens them: an ``.ods``'s ``content.xml`` and an
``.xlsb``'s sheet records, read once in chunks, give each sheet's real extent (the rows
and columns it holds, repeats expanded) and, for an ``.ods``, its merged cells (calamine
gives none for ``.ods``).

``budget`` turns the extents into refusals; ``readers`` uses the merges the way it uses
an xlsx's. Nothing here raises for a damaged file: a part that cannot be read measures as
empty and calamine then reports the damage.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
KINDS = ("xlsx", "xls", "ods", "xlsb")  # the workbook kinds calamine reads
_CHUNK = 4 << 20


def zip_workbook_kind(zf: zipfile.ZipFile) -> str | None:
    """``xlsx``, ``ods`` or ``xlsb`` from a zip's parts (an ``.ods`` by its ``mimetype``),
    or None for a zip that is no workbook."""
    names = {i.filename for i in zf.infolist()}
    if "mimetype" in names and zf.getinfo("mimetype").file_size < 200:
        if zf.read("mimetype").strip() == ODS_MIME and "content.xml" in names:
            return "ods"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    return None


@dataclass
class Extent:
    """One sheet as measured: ``rows`` and ``columns`` up to its last cell holding
    something, ``cells`` holding something, ``shared`` cells pointing at a shared string
    (xlsb) and the ``merges`` found, as calamine gives them (``((r0, c0), (r1, c1))``,
    counted from 0)."""

    name: str = ""
    rows: int = 0
    columns: int = 0
    cells: int = 0
    shared: int = 0
    merges: list = field(default_factory=list)


# -- ods ----------------------------------------------------------------------------------
_ODS_TAG = re.compile(rb"<(/?)(table:table|table:table-row|table:table-cell|table:covered-table-cell)"
                      rb"(?=[\s/>])([^>]*)>")
_ATTR = {name: re.compile(rb"table:" + name.encode() + rb'="(\d+)"') for name in (
    "number-rows-repeated", "number-columns-repeated", "number-rows-spanned", "number-columns-spanned")}
_NAME = re.compile(rb'table:name="([^"]*)"')


def _num(attrs: bytes, name: str) -> int:
    found = _ATTR[name].search(attrs)
    return int(found.group(1)) if found else 1


class _OdsWalk:
    """The state of one pass over ``content.xml``: where the current row and cell are."""

    def __init__(self) -> None:
        self.sheets: list[Extent] = []
        self.row = self.repeat = self.col = self.last_col = 0
        self.filled = False

    def tag(self, closing: bool, kind: bytes, attrs: bytes) -> None:
        empty = attrs.endswith(b"/")
        if kind == b"table:table":
            if not closing:
                name = _NAME.search(attrs)
                self.sheets.append(Extent(name=name.group(1).decode("utf-8", "replace") if name else ""))
                self.row = 0
        elif not self.sheets:
            return
        elif kind == b"table:table-row":
            if closing:
                self._end_row()
            else:
                self.repeat, self.col, self.last_col, self.filled = _num(attrs, "number-rows-repeated"), 0, 0, False
                if empty:
                    self._end_row()
        elif not closing:
            self._cell(attrs, empty, kind == b"table:table-cell")

    def _cell(self, attrs: bytes, empty: bool, real: bool) -> None:
        repeat = _num(attrs, "number-columns-repeated")
        if real and (not empty or b"value-type" in attrs):
            sheet = self.sheets[-1]
            self.filled, self.last_col = True, self.col + repeat
            sheet.cells += repeat * self.repeat
            rows, cols = _num(attrs, "number-rows-spanned"), _num(attrs, "number-columns-spanned")
            if (rows > 1 or cols > 1) and repeat == 1 and self.repeat == 1 and len(sheet.merges) < 100_000:
                sheet.merges.append(((self.row, self.col), (self.row + rows - 1, self.col + cols - 1)))
        self.col += repeat

    def _end_row(self) -> None:
        sheet = self.sheets[-1]
        if self.filled:
            sheet.rows = self.row + self.repeat
            sheet.columns = max(sheet.columns, self.last_col)
        self.row += self.repeat
        self.repeat, self.filled = 1, False


def ods_extents(zf: zipfile.ZipFile) -> list[Extent]:
    """Each sheet of an ``.ods`` in order, from one pass over ``content.xml`` in chunks:
    repeated rows and cells counted as calamine expands them; empty cells and rows (a
    styled blank row repeated a million times) not counted."""
    walk, tail = _OdsWalk(), b""
    with zf.open("content.xml") as fh:
        while chunk := fh.read(_CHUNK):
            data = tail + chunk
            cut = data.rfind(b">") + 1
            for m in _ODS_TAG.finditer(data, 0, cut):
                walk.tag(m.group(1) == b"/", m.group(2), m.group(3))
            tail = data[cut:]
            if len(tail) > _CHUNK:  # one tag of megabytes: no spreadsheet writes that
                tail = b""
    return walk.sheets


# -- xlsb ---------------------------------------------------------------------------------
_ROW_HEADER, _FIRST_CELL, _LAST_CELL, _SHARED_CELL = 0x00, 0x01, 0x0B, 0x07


def _varint(data: bytes, pos: int, most: int) -> tuple[int, int]:
    value = shift = 0
    for _ in range(most):
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            break
    return value, pos


def xlsb_records(fh):
    """``(type, payload)`` of each BIFF12 record of a part, read in chunks."""
    data, pos = b"", 0
    while True:
        if len(data) - pos < 16:
            more = fh.read(_CHUNK)
            data, pos = data[pos:] + more, 0
            if not data:
                return
        try:
            kind, at = _varint(data, pos, 2)
            size, at = _varint(data, at, 4)
        except IndexError:
            return  # cut short
        while at + size > len(data):
            more = fh.read(max(_CHUNK, size))
            if not more:
                return
            data, at, pos = data[pos:] + more, at - pos, 0
        yield kind, data[at:at + size]
        pos = at + size


def xlsb_extent(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Extent:
    """A sheet of an ``.xlsb`` as its records say (its ``BrtWsDim`` may lie): the last row
    header, the widest cell, the cells and those pointing at a shared string."""
    out, row = Extent(name=info.filename), -1
    with zf.open(info) as fh:
        for kind, payload in xlsb_records(fh):
            if kind == _ROW_HEADER and len(payload) >= 4:
                row = int.from_bytes(payload[:4], "little")
            elif _FIRST_CELL <= kind <= _LAST_CELL and len(payload) >= 4:
                out.cells += 1
                out.shared += kind == _SHARED_CELL
                out.rows = max(out.rows, row + 1)
                out.columns = max(out.columns, int.from_bytes(payload[:4], "little") + 1)
    return out


def xlsb_shared_lengths(zf: zipfile.ZipFile) -> list[int]:
    """The size in bytes of each shared string record (``BrtSSTItem``), an upper bound of
    its text, in order."""
    if "xl/sharedStrings.bin" not in zf.namelist():
        return []
    with zf.open("xl/sharedStrings.bin") as fh:
        return [len(payload) for kind, payload in xlsb_records(fh) if kind == 0x13]
