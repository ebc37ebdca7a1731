"""Column mapping: which header of an official's file holds which participant field.

Headers are matched to the spec's synonyms ignoring case, spaces and punctuation
(``"Kab./Kota"`` is ``"Kabupaten/Kota"``). Where a required field cannot be found the
official maps it by hand (``{field: header as written}``); that manual mapping is
remembered per set of headers in ``mappings.json`` in the store's folder, so the next
upload with the same headers needs no help.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ikm_data.errors import MappingError
from ikm_data.files import atomic_write, file_lock
from ikm_data.formatting import utc_now

# field -> synonyms as the spec writes them (compared through ``header_key``)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("Nama IKM", "Nama IKM/UKM", "Nama UKM", "Nama UMKM", "Nama Usaha", "Nama Perusahaan",
             "Nama Unit Usaha", "Enterprise", "Business name", "Nama IKM/UMKM", "Nama UKM/IKM",
             "Nama Pelaku Usaha", "Nama Industri", "Nama Badan Usaha"),
    "regency": ("Kabupaten/Kota", "Kab/Kota", "Kabupaten", "Kota", "Kab.", "Wilayah", "Regency",
                "Kota/Kabupaten", "Kab/Kot", "Asal Kabupaten/Kota", "Regency/City", "Kabupaten/Kota Asal",
                "Kab/Kota Asal", "Asal Kab/Kota", "Wilayah Kab/Kota"),
    "product": ("Jenis Produk", "Produk", "Komoditas", "Komoditi", "Product", "Commodity",
                "Nama Produk", "Jenis Komoditas", "Jenis Komoditi", "Produk/Komoditas"),
    "workers": ("Jumlah Tenaga Kerja", "Tenaga Kerja", "Jumlah TK", "Jml TK", "TK", "Workers",
                "Jumlah Pekerja", "Tenaga Kerja Jumlah", "TK Jumlah", "Jumlah TK L+P",
                "Total Tenaga Kerja", "Total TK"),
    "workers_male": ("TK L", "TK Laki-laki", "Laki-laki", "L", "TK Pria", "Pria", "Male"),
    "workers_female": ("TK P", "TK Perempuan", "Perempuan", "P", "Wanita", "W", "TK Wanita", "Female"),
    "owner": ("Nama Pemilik", "Pemilik", "Owner", "Nama Pemilik Usaha", "Penanggung Jawab"),
    "nik": ("NIK", "NIK Pemilik", "No. KTP", "No KTP"),
    "nib": ("NIB", "Nomor Induk Berusaha", "No. NIB", "Nomor NIB"),
    "phone": ("No. HP", "No HP", "HP", "WA", "Telepon", "No. Telp", "No Telp", "No. HP/WA",
              "No HP/WA", "Nomor HP", "Telp", "Phone"),
    "address": ("Alamat", "Alamat Usaha", "Address"),
    "village": ("Desa/Kelurahan", "Desa", "Kelurahan", "Desa/Kel", "Kelurahan/Desa", "Village"),
    "district": ("Kecamatan", "Kec.", "District"),
    "capacity": ("Kapasitas Produksi", "Kapasitas", "Capacity"),
    "capacity_unit": ("Satuan", "Satuan Kapasitas", "Unit"),
    "order_value": ("Nilai Produksi", "Nilai Pesanan", "Nilai Kontrak", "Nilai Pesanan (Rp)",
                    "Nilai Kontrak (Rp)", "Nilai Produksi (Rp)", "Nilai"),
    "pirt": ("PIRT", "P-IRT", "SPP-IRT"),
    "halal": ("Halal", "Sertifikat Halal"),
    "bpom": ("BPOM", "MD BPOM", "Izin BPOM"),
    "sni": ("SNI",),
    "tourism": ("Pasar Pariwisata", "Pariwisata"),
    "tourism_partner": ("Mitra Hotel", "Mitra Pariwisata"),
    "mentoring": ("Pendampingan", "Bintek"),
    "phase": ("Tahap", "Tahap JPS", "Tahap JPS Gemilang", "Phase"),
}
FIELDS = tuple(SYNONYMS)
REQUIRED = ("name", "regency", "product", "workers")  # workers: a total, or L + P
NO_SYNONYMS = ("No", "No.", "Nomor", "No Urut", "Nomor Urut", "#")
# sub-headers under a "Tenaga Kerja" group cell
_SUB = {
    "workers_male": ("L", "Laki-laki", "Laki", "Pria", "Lk"),
    "workers_female": ("P", "Perempuan", "Wanita", "W", "Pr"),
    "workers": ("Jumlah", "Total", "Jml", "L+P", "Jumlah L+P", "Jumlah Total"),
}
MEMORY_FILE = "mappings.json"
_PAREN = re.compile(r"\([^)]*\)")


def header_key(text: object) -> str:
    """A header reduced to lower-case letters and digits: ``"Kab./Kota"`` gives
    ``"kabkota"``."""
    s = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^0-9a-z+#]", "", s)


def _index(pairs) -> dict[str, str]:
    out: dict[str, str] = {}
    for fld, names in pairs:
        for n in names:
            out.setdefault(header_key(n), fld)
    return out


_INDEX = _index(SYNONYMS.items())
_NO = {header_key(n) for n in NO_SYNONYMS}
_SUB_INDEX = _index(_SUB.items())


def match(text: object) -> str | None:
    """The field a single header names, ``"no"`` for the row-number column, or None."""
    key = header_key(text)
    if not key:
        return None
    if key in _NO:
        return "no"
    if key in _INDEX:
        return _INDEX[key]
    bare = header_key(_PAREN.sub("", str(text)))  # "Jumlah TK (orang)", "Nilai (Rp)"
    if bare and bare != key:
        found = "no" if bare in _NO else _INDEX.get(bare)
        if found:
            return found
    if "/" in str(text):  # "Jenis Produk/Komoditi", "Nama IKM/Pelaku Usaha": the first part names it
        parts = [match(part) for part in str(text).split("/") if header_key(part)]
        if parts and parts[0] not in (None, "no") and all(p in (None, parts[0]) for p in parts[1:]):
            return parts[0]
    return None


def match_column(group: str | None, sub: str) -> str | None:
    """The field of a column under a two-row header: ``("Tenaga Kerja", "L")`` is the male
    workers; ``("Sertifikasi", "Halal")`` is halal; ``(None, "NIB")`` is a one-row header."""
    if not group:
        return match(sub)
    if match(group) == "workers" and header_key(sub) in _SUB_INDEX:
        return _SUB_INDEX[header_key(sub)]
    found = match(sub)
    if found and found not in ("workers_male", "workers_female"):
        return found
    combined = match(f"{group} {sub}")
    if combined:
        return combined
    if header_key(sub) in {header_key(s) for s in _SUB["workers"]} and match(group) not in (None, "no"):
        return match(group)  # "Kapasitas Produksi" over "Jumlah"
    return found


@dataclass
class Header:
    """One column of the file's header: its position, its text as written (a two-row
    header gives ``"Tenaga Kerja / L"``), and the two parts."""

    index: int
    label: str
    group: str | None = None
    sub: str = ""

    @property
    def field(self) -> str | None:
        return match_column(self.group, self.sub or self.label)


@dataclass
class ColumnMap:
    """Where each field is: ``fields[field]`` is a column position. ``missing`` lists the
    required fields not found (``workers`` also when only one of L/P is there)."""

    fields: dict[str, int]
    labels: dict[int, str]
    no_column: int | None = None
    missing: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    manual: dict[str, str] = field(default_factory=dict)
    remembered: bool = False

    def label(self, fld: str) -> str | None:
        """The header as written of ``fld``'s column (None when unmapped)."""
        pos = self.fields.get(fld)
        return self.labels.get(pos) if pos is not None else None

    def unmapped(self) -> list[str]:
        used = set(self.fields.values()) | ({self.no_column} if self.no_column is not None else set())
        return [label for pos, label in self.labels.items() if pos not in used]


def _missing(fields: dict[str, int]) -> list[str]:
    out = [f for f in ("name", "regency", "product") if f not in fields]
    if "workers" not in fields and not ("workers_male" in fields and "workers_female" in fields):
        out.append("workers")
    return out


def resolve(headers: list[Header], manual: dict[str, str] | None = None) -> ColumnMap:
    """Map ``headers`` to fields by the synonyms, then apply ``manual`` (``{field: header
    as written}``, which wins). Raises MappingError (a ValueError) for a manual entry
    naming an unknown field or a header the file does not have."""
    fields: dict[str, int] = {}
    labels = {h.index: h.label for h in headers}
    no_column = None
    duplicates = []
    for h in headers:
        fld = h.field
        if fld == "no":
            if no_column is None:
                no_column = h.index
            continue
        if fld is None:
            continue
        if fld in fields:
            duplicates.append((fld, h.label))
            continue
        fields[fld] = h.index
    manual = {k: v for k, v in (manual or {}).items() if v}
    for fld, label in manual.items():
        if fld not in FIELDS:
            raise MappingError.from_key("mapping.error.field", field=fld)
        pos = next((h.index for h in headers if h.label == label), None)
        if pos is None:
            raise MappingError.from_key("mapping.error.header", label=label)
        for other in [f for f, p in fields.items() if p == pos]:
            del fields[other]
        if no_column == pos:
            no_column = None
        fields[fld] = pos
    return ColumnMap(fields=fields, labels=labels, no_column=no_column, missing=_missing(fields),
                     duplicates=duplicates, manual=dict(manual))


# -- remembered manual mappings ----------------------------------------------------------
def header_set_key(labels: list[str]) -> str:
    """A short key for a set of headers (their order and wording, ignoring case/spaces)."""
    joined = "\x1f".join(header_key(label) for label in labels)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:20]


class MappingMemory:
    """Manual mappings remembered per header set, in ``<data dir>/mappings.json``
    (replaced atomically; writers take their own small lock)."""

    def __init__(self, data_dir: str | os.PathLike) -> None:
        self.root = Path(data_dir)
        self.path = self.root / MEMORY_FILE

    def _load(self) -> dict:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {"format": 1, "mappings": {}}
        raw.setdefault("mappings", {})
        return raw

    def recall(self, labels: list[str]) -> dict[str, str]:
        """The manual mapping saved for these headers (``{}`` when none)."""
        entry = self._load()["mappings"].get(header_set_key(labels))
        if not entry:
            return {}
        present = set(labels)
        return {f: lbl for f, lbl in entry.get("fields", {}).items() if lbl in present and f in FIELDS}

    def _locked(self):
        return file_lock(self.root / ".mappings.lock")

    def remember(self, labels: list[str], manual: dict[str, str], user: str = "-") -> None:
        """Save ``manual`` for this header set (an empty mapping forgets it)."""
        manual = {f: lbl for f, lbl in manual.items() if lbl}
        with self._locked():
            data = self._load()
            key = header_set_key(labels)
            if manual:
                data["mappings"][key] = {"headers": list(labels), "fields": manual,
                                         "user": user, "saved_at": utc_now()}
            else:
                data["mappings"].pop(key, None)
            atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
