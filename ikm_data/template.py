"""The department's canonical participant spreadsheet: the Excel template officials can
download (standard headers, drop-down lists of regencies and products, an example row)
and the same headers for exports of stored rows, so an export imports back as it is."""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa

from ikm_data import schema
from ikm_data.reference import Reference, load_reference

# (field, header) in the template's order; each header is a synonym the mapping knows.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "Nama IKM"),
    ("regency", "Kabupaten/Kota"),
    ("product", "Jenis Produk"),
    ("workers_male", "TK L"),
    ("workers_female", "TK P"),
    ("workers", "Jumlah Tenaga Kerja"),
    ("owner", "Nama Pemilik"),
    ("nik", "NIK"),
    ("nib", "NIB"),
    ("phone", "No. HP"),
    ("address", "Alamat"),
    ("village", "Desa/Kelurahan"),
    ("district", "Kecamatan"),
    ("capacity", "Kapasitas Produksi"),
    ("capacity_unit", "Satuan"),
    ("order_value", "Nilai Pesanan"),
    *schema.CERTIFICATION_LABELS.items(),
    ("tourism", "Pasar Pariwisata"),
    ("tourism_partner", "Mitra Hotel"),
    ("mentoring", "Pendampingan"),
)
HEADERS = ("No",) + tuple(h for _, h in COLUMNS)
EXAMPLE_MARK = "Contoh"  # a row whose No cell says this is skipped on import
TEMPLATE_ROWS = 2000  # rows that get the drop-down lists
_TEXT_FIELDS = ("nik", "nib", "phone")
_FLAGS = (*schema.CERTIFICATIONS, "tourism", "mentoring")  # Ya/Tidak columns
_EXAMPLE = {
    "name": "UD Contoh Sejahtera", "regency": "Lombok Timur", "product": "Minyak Goreng",
    "workers_male": 2, "workers_female": 3, "workers": 5, "owner": "", "nik": "",
    "nib": "9120000000001", "phone": "", "address": "Jl. Contoh No. 1", "village": "Sukamaju",
    "district": "Selong", "capacity": 500, "capacity_unit": "liter/bulan",
    "order_value": 12500000, "pirt": "Ya", "halal": "Tidak", "bpom": "Tidak", "sni": "Tidak",
    "tourism": "Ya", "tourism_partner": "Hotel Santika Mataram", "mentoring": "Tidak",
}


def template_xlsx(ref: Reference | None = None, title: str = "DATA IKM PESERTA JPS GEMILANG TAHAP ...",
                  lists_title: str = "Daftar", notes: tuple[str, ...] = ()) -> bytes:
    """The Excel template: a title row, the header in row 3, an example row (its ``No``
    says ``Contoh`` so it is never imported), drop-down lists of NTB's regencies and the
    product vocabulary (new products are allowed with a warning), Ya/Tidak for the
    certifications, whole numbers >= 0 for the workers, NIK/NIB/HP typed as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ref = ref or load_reference()
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    lists = wb.create_sheet(lists_title)
    regencies = [r.label for r in ref.regencies]
    products = [p.name_id for p in ref.products]
    lists["A1"], lists["B1"], lists["C1"] = "Kabupaten/Kota", "Jenis Produk", "Ya/Tidak"
    for i, name in enumerate(regencies, start=2):
        lists.cell(row=i, column=1, value=name)
    for i, name in enumerate(products, start=2):
        lists.cell(row=i, column=2, value=name)
    lists["C2"], lists["C3"] = "Ya", "Tidak"
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    header_row, first, last = 3, 4, 3 + TEMPLATE_ROWS
    fill = PatternFill("solid", fgColor="DCE9F5")
    for j, header in enumerate(HEADERS, start=1):
        cell = ws.cell(row=header_row, column=j, value=header)
        cell.font = Font(bold=True)
        cell.fill = fill
        ws.column_dimensions[get_column_letter(j)].width = max(10, len(header) + 4)
    ws.column_dimensions["B"].width = 32
    ws.cell(row=first, column=1, value=EXAMPLE_MARK)
    for j, (fld, _) in enumerate(COLUMNS, start=2):
        value = _EXAMPLE[fld]
        cell = ws.cell(row=first, column=j, value=value if value != "" else None)
        cell.font = Font(italic=True, color="666666")
        if fld in _TEXT_FIELDS:
            cell.number_format = "@"
    col = {fld: get_column_letter(j) for j, (fld, _) in enumerate(COLUMNS, start=2)}
    for fld in _TEXT_FIELDS:
        for r in range(first, last + 1):
            ws[f"{col[fld]}{r}"].number_format = "@"

    def add(dv: DataValidation, *fields: str) -> None:
        ws.add_data_validation(dv)
        for fld in fields:
            dv.add(f"{col[fld]}{first}:{col[fld]}{last}")

    add(DataValidation(type="list", formula1=f"='{lists_title}'!$A$2:$A${len(regencies) + 1}",
                       allow_blank=True, showErrorMessage=True, errorTitle="Kabupaten/Kota",
                       error="Pilih salah satu dari 10 kabupaten/kota NTB."), "regency")
    add(DataValidation(type="list", formula1=f"='{lists_title}'!$B$2:$B${len(products) + 1}",
                       allow_blank=True, showErrorMessage=True, errorStyle="warning",
                       errorTitle="Produk baru?",
                       error="Produk ini belum ada di daftar. Tetap dipakai sebagai produk baru?"),
        "product")
    add(DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                       showErrorMessage=True, errorTitle="Tenaga kerja",
                       error="Isi bilangan bulat 0 atau lebih."), "workers_male", "workers_female",
        "workers")
    add(DataValidation(type="list", formula1=f"='{lists_title}'!$C$2:$C$3", allow_blank=True,
                       showErrorMessage=False), *_FLAGS)
    ws.freeze_panes = f"C{first}"
    for note in notes[:1]:  # between the title and the header, where nobody types data
        ws.cell(row=2, column=1, value=note).font = Font(italic=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_frame(table: pa.Table, ref: Reference | None = None) -> pd.DataFrame:
    """Stored participant rows under the template's headers (regency and product by name;
    certifications, tourism market and mentoring as Ya/Tidak; the hotel partner as
    written), with the phase and the codes; personal data (owner, NIK, phone:
    ``schema.PERSONAL``) left out. A yes/no field unknown for every row (its file had no
    such column) is left out too, so that it reads back as unknown, not as "Tidak".
    Importing it back gives the same rows."""
    ref = ref or load_reference()
    frame = table.to_pandas()
    labels = ref.regency_labels()
    out = pd.DataFrame({"No": range(1, len(frame) + 1)})
    source = {
        "name": frame["name"],
        "regency": frame["regency_code"].map(labels),
        "product": frame["product_name"],
        "workers_male": frame["workers_male"].astype("Int64"),
        "workers_female": frame["workers_female"].astype("Int64"),
        "workers": frame["workers"].astype("Int64"),
        "nib": frame["nib"], "address": frame["address"], "village": frame["village"],
        "district": frame["district"], "capacity": frame["capacity"],
        "capacity_unit": frame["capacity_unit"], "order_value": frame["order_value"].astype("Int64"),
        "tourism_partner": frame["tourism_partner"],
    }
    for fld in _FLAGS:
        source[fld] = frame[fld].map({True: "Ya", False: "Tidak"})
    unknown = {fld for fld in _FLAGS if len(frame) and frame[fld].isna().all()}
    for fld, header in COLUMNS:
        if fld in schema.PERSONAL or fld in unknown:
            continue
        out[header] = source[fld].to_numpy() if fld in source else None
    out["Tahap"] = frame["phase"].to_numpy()
    out["Kode Kab/Kota"] = frame["regency_code"].to_numpy()
    out["Kode Produk"] = frame["product_code"].to_numpy()
    return out
