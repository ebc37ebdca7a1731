"""The open-data package of one phase: a Frictionless Data Package (``datapackage.json`` plus
CSV resources) for the province's Satu Data portal (CKAN, like data.go.id).

Resources: ``peserta.csv`` (the phase's participant rows without personal data: no owner,
NIK or phone, ``schema.PERSONAL``), ``kabupaten.csv`` (NTB's regencies by BPS code, with the
Kemendagri code beside it), ``produk.csv`` (the product vocabulary, plus any product of the
phase new to it) and ``angka_rilis.csv`` (the figures the department published for the phase).
Each has a Table Schema: field types, Indonesian titles and descriptions (English beside them
as ``title_en``/``description_en``), primary keys, and foreign keys from the participants to
the two reference lists. The package names its licence, its sources, the store version it was
built from with the uploaded file's sha256, each file's sha256, and the Satu Data Indonesia
metadata a walidata asks for (``satu_data``: produsen data, penanggung jawab, frekuensi,
cakupan wilayah, satuan, and the standard's konsep/definisi/ukuran). The synthetic sample is
marked as sample (``ikm.sample``, the title and the description). A phase with only published
figures has no participant resource, and says so.

Text cells a spreadsheet would run as a formula get a leading ``'`` as in every export
(``export.defuse_cell``); the importer takes it off again."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pyarrow as pa

from ikm_data import schema
from ikm_data.export import defuse_cell
from ikm_data.formatting import utc_now
from ikm_data.i18n import t
from ikm_data.reference import Reference, load_reference
from ikm_data.store import Store, VersionMeta

PRODUCER = "Dinas Perindustrian Provinsi Nusa Tenggara Barat"
PROVINCE_CODE = "52"  # BPS and Kemendagri: Nusa Tenggara Barat
LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0"}
PROFILE = "tabular-data-package"

# (field, Table Schema type, unit or "") of each resource, in column order. Titles and
# descriptions come from the catalogue: ``share.dp.<resource>.<field>`` (and ``...desc``).
PARTICIPANT_FIELDS = (
    ("phase", "integer", ""), ("enterprise_key", "string", ""), ("name", "string", ""),
    ("regency_code", "string", ""), ("product_code", "string", ""), ("product_name", "string", ""),
    ("workers", "integer", "orang"), ("workers_male", "integer", "orang"), ("workers_female", "integer", "orang"),
    ("nib", "string", ""), ("address", "string", ""), ("village", "string", ""), ("district", "string", ""),
    ("capacity", "number", ""), ("capacity_unit", "string", ""), ("order_value", "integer", "rupiah"),
    ("pirt", "boolean", ""), ("halal", "boolean", ""), ("bpom", "boolean", ""), ("sni", "boolean", ""),
    ("tourism", "boolean", ""), ("tourism_partner", "string", ""), ("mentoring", "boolean", ""),
)
REGENCY_FIELDS = (("code", "string", ""), ("kemendagri_code", "string", ""), ("name", "string", ""),
                  ("kind", "string", ""), ("seat", "string", ""), ("seat_lat", "number", "derajat"),
                  ("seat_lon", "number", "derajat"))
PRODUCT_FIELDS = (("code", "string", ""), ("name_id", "string", ""), ("name_en", "string", ""),
                  ("category", "string", ""), ("raw_material", "string", ""), ("in_vocabulary", "boolean", ""))
PUBLISHED_FIELDS = (("phase", "integer", ""), ("scope", "string", ""), ("metric", "string", ""),
                    ("commodity", "string", ""), ("value", "integer", ""), ("approximate", "boolean", ""),
                    ("as_of", "string", ""), ("source_id", "string", ""), ("source_en", "string", ""),
                    ("note_id", "string", ""), ("note_en", "string", ""))
assert not {f for f, _, _ in PARTICIPANT_FIELDS} & schema.PERSONAL  # never personal data


def kemendagri_code(bps_code: str) -> str:
    """The Kemendagri (Permendagri wilayah) code of an NTB regency: the BPS code's digits
    with a dot after the province, ``5203`` -> ``52.03`` (the two coincide for NTB)."""
    return f"{bps_code[:2]}.{bps_code[2:]}"


def _cell(value) -> str:
    """A CSV cell as Table Schema reads it: empty for null, ``true``/``false``, numbers as
    Python writes them (decimal point), text defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "" if value != value else repr(value)
    if isinstance(value, int):
        return str(value)
    return str(defuse_cell(str(value)))


def _csv(fields, rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([f for f, _, _ in fields])
    for row in rows:
        writer.writerow([_cell(row.get(f)) for f, _, _ in fields])
    return buf.getvalue().encode("utf-8")


def _schema(resource: str, fields, primary_key: list[str], foreign_keys: list[dict] | None = None) -> dict:
    """A Table Schema: each field with its type, titles and descriptions in both languages,
    its unit (``satuan``) where it has one; text fields a CSV may leave empty are optional."""
    out = []
    for name, typ, unit in fields:
        key = f"share.dp.{resource}.{name}"
        field = {"name": name, "type": typ, "title": t(key, "id"), "title_en": t(key, "en"),
                 "description": t(key + ".desc", "id"), "description_en": t(key + ".desc", "en")}
        if unit:
            field["satuan"] = unit
        if name in primary_key:
            field["constraints"] = {"required": True}
        out.append(field)
    table = {"fields": out, "primaryKey": primary_key, "missingValues": [""]}
    if foreign_keys:
        table["foreignKeys"] = foreign_keys
    return table


def _resource(name: str, data: bytes, table_schema: dict, resource: str) -> dict:
    return {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": t(f"share.dp.{resource}", "id"),
            "title_en": t(f"share.dp.{resource}", "en"), "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(), "schema": table_schema}


def _participant_rows(table: pa.Table) -> list[dict]:
    keep = [f for f, _, _ in PARTICIPANT_FIELDS]
    return table.select(keep).sort_by([("product_code", "ascending"), ("enterprise_key", "ascending")]).to_pylist()


def _products(ref: Reference, rows: list[dict]) -> list[dict]:
    """The vocabulary, then each product of the phase new to it (by the name its file gave)."""
    known = [{"code": p.code, "name_id": p.name_id, "name_en": p.name_en, "category": p.category,
              "raw_material": p.raw_material, "in_vocabulary": True} for p in ref.products]
    codes = {p["code"] for p in known}
    new = {}
    for row in rows:
        if row["product_code"] not in codes:
            new.setdefault(row["product_code"], row["product_name"])
    return known + [{"code": c, "name_id": n, "name_en": None, "category": None, "raw_material": None,
                     "in_vocabulary": False} for c, n in sorted(new.items())]


def _published(ref: Reference, phase: int) -> list[dict]:
    return [{"phase": f.phase, "scope": f.scope, "metric": f.metric, "commodity": f.commodity, "value": f.value,
             "approximate": f.approximate, "as_of": f.as_of, "source_id": f.source_in("id"),
             "source_en": f.source_in("en"), "note_id": f.note_in("id"), "note_en": f.note_in("en")}
            for f in ref.published_for(phase)]


def _resources(ref: Reference, phase: int, rows: list[dict]) -> tuple[list[dict], dict[str, bytes]]:
    """The package's resources and their files (participants only where the phase has rows)."""
    regencies = [{"code": r.code, "kemendagri_code": kemendagri_code(r.code), "name": r.name, "kind": r.kind,
                  "seat": r.seat, "seat_lat": r.lat, "seat_lon": r.lon} for r in ref.regencies]
    parts = []
    if rows:
        fks = [{"fields": "regency_code", "reference": {"resource": "kabupaten", "fields": "code"}},
               {"fields": "product_code", "reference": {"resource": "produk", "fields": "code"}}]
        parts.append(("peserta", PARTICIPANT_FIELDS, rows, ["phase", "enterprise_key", "product_code"], fks))
    parts += [("kabupaten", REGENCY_FIELDS, regencies, ["code"], None),
              ("produk", PRODUCT_FIELDS, _products(ref, rows), ["code"], None),
              ("angka_rilis", PUBLISHED_FIELDS, _published(ref, phase), ["phase", "scope", "metric", "commodity"],
               None)]
    resources, files = [], {}
    for name, fields, data_rows, key, fks in parts:
        data = _csv(fields, data_rows)
        files[f"{name}.csv"] = data
        resources.append(_resource(name, data, _schema(name, fields, key, fks), name))
    return resources, files


def _about(meta: VersionMeta | None, phase: int, rows: list[dict]) -> dict:
    """The ``ikm`` block: which phase and version, the upload's sha256, the totals, sample or not."""
    most: dict[str, int] = {}  # an enterprise's workers counted once: the most any of its rows says
    for r in rows:
        most[r["enterprise_key"]] = max(most.get(r["enterprise_key"], 0), r["workers"] or 0)
    enterprises, workers = len(most), sum(most.values())
    about = {"phase": phase, "participants": bool(rows), "rows": len(rows), "enterprises": enterprises,
             "workers": workers, "sample": bool(meta and meta.sample)}
    if meta:
        about.update(version=meta.version, sha256=meta.sha256, as_of=meta.as_of or meta.upload_day,
                     programme=meta.programme, uploaded_at=meta.at)
    return about


def _satu_data() -> dict:
    """Satu Data Indonesia metadata (Perpres 39/2019: standar data, metadata, kode referensi)."""
    def both(key: str) -> dict:
        return {"id": t(f"share.dp.sdi.{key}", "id"), "en": t(f"share.dp.sdi.{key}", "en")}

    return {"produsen_data": PRODUCER, "penanggung_jawab": PRODUCER, "frekuensi": both("frekuensi"),
            "cakupan_wilayah": {**both("cakupan"), "kode_wilayah": PROVINCE_CODE},
            "tingkat_penyajian": both("tingkat"), "konsep": both("konsep"), "definisi": both("definisi"),
            "ukuran": both("ukuran"),
            "satuan": {"workers": "orang", "enterprises": "unit usaha", "order_value": "rupiah"},
            "kode_referensi": {"kabupaten": "BPS (kode wilayah), Kemendagri", "produk": "data/products.csv"}}


def build(store: Store, phase: int, *, ref: Reference | None = None) -> dict[str, bytes]:
    """The package of ``phase`` as ``{file name: bytes}``: ``datapackage.json`` and the CSV
    resources. Reads the phase's current version; raises what the store raises when damaged."""
    ref = ref or load_reference()
    state = store.state()
    meta = state.current(phase)
    rows = _participant_rows(store.phase_table(phase, state))
    resources, files = _resources(ref, phase, rows)
    about = _about(store.effective(meta, state) if meta else None, phase, rows)
    key = "share.dp.sample" if about["sample"] else ("share.dp.title" if rows else "share.dp.published_only")
    descriptor = {
        "profile": PROFILE, "name": f"ikm-ntb-tahap-{phase}",
        "id": f"ikm-ntb-tahap-{phase}-{about.get('version', 'rilis')}",
        "title": t(key, "id", n=phase), "title_en": t(key, "en", n=phase),
        "description": _description(about, "id"), "description_en": _description(about, "en"),
        "version": about.get("version", "rilis"), "created": utc_now(), "licenses": [LICENSE],
        "sources": _sources(ref, phase, about),
        "contributors": [{"title": PRODUCER, "role": "publisher"}],
        "keywords": ["IKM", "JPS Gemilang", "Nusa Tenggara Barat", f"Tahap {phase}"]
        + (["data contoh (sintetis)"] if about["sample"] else []),
        "satu_data": _satu_data(), "ikm": about, "resources": resources,
    }
    files["datapackage.json"] = json.dumps(descriptor, ensure_ascii=False, indent=2).encode("utf-8")
    return files


def _description(about: dict, lang: str) -> str:
    parts = [t("share.dp.desc.sample", lang)] if about["sample"] else []
    if about["participants"]:
        parts.append(t("share.dp.desc.rows", lang, n=about["phase"], rows=about["rows"],
                       enterprises=about["enterprises"], workers=about["workers"]))
    else:
        parts.append(t("share.dp.desc.published_only", lang, n=about["phase"]))
    parts.append(t("share.dp.desc.personal", lang))
    return " ".join(parts)


def _sources(ref: Reference, phase: int, about: dict) -> list[dict]:
    out = []
    if about["participants"]:
        title = t("share.dp.source.upload", "id", version=about["version"], sha256=about["sha256"])
        out.append({"title": title})
    for source in dict.fromkeys(f.source_in("id") for f in ref.published_for(phase)):
        out.append({"title": source})
    return out


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """The package as one zip (``datapackage.json`` first), for a download."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files, key=lambda n: (n != "datapackage.json", n)):
            zf.writestr(name, files[name])
    return buf.getvalue()


def write(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write the package into ``out_dir`` (made if missing), each file whole or not at all."""
    from ikm_data.files import atomic_write

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        atomic_write(out_dir / name, data)
        paths.append(out_dir / name)
    return paths
