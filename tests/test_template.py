"""The Excel template: canonical headers, drop-down lists of regencies and products, an
example row that is never imported; filled in, it imports cleanly."""

import io

from openpyxl import load_workbook

from ikm_data import importer, template
from ikm_data.mapping import match
from ikm_data.reference import load_reference


def test_template_headers_lists_and_example():
    wb = load_workbook(io.BytesIO(template.template_xlsx()))
    ws, lists = wb["Data"], wb["Daftar"]
    header = [c.value for c in ws[3]]
    assert header == list(template.HEADERS)
    assert all(match(h) is not None for h in header)
    ref = load_reference()
    assert [lists.cell(row=i, column=1).value for i in range(2, 12)] == [r.label for r in ref.regencies]
    names = [lists.cell(row=i + 2, column=2).value for i in range(len(ref.products))]
    assert names == [p.name_id for p in ref.products]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    regency = next(dv for ref_, dv in rules.items() if ref_.startswith("C4"))
    assert regency.type == "list" and regency.formula1 == "='Daftar'!$A$2:$A$11"
    product = next(dv for ref_, dv in rules.items() if ref_.startswith("D4"))
    assert product.type == "list" and product.errorStyle == "warning"  # new products are allowed
    assert any(dv.type == "whole" for dv in rules.values())
    assert ws["A4"].value == "Contoh" and ws["B4"].value == "UD Contoh Sejahtera"
    assert ws["J4"].value == "9120000000001" and ws["J5"].number_format == "@"


def test_template_as_downloaded_has_nothing_to_import():
    outcome = importer.run(template.template_xlsx(), "templat.xlsx", phase=4, commit=False)
    assert [e.code for e in outcome.report.errors] == ["validate.no_rows"]
    assert outcome.report.skipped["notes"] >= 1


def test_filled_template_imports(store_with_phase3):
    wb = load_workbook(io.BytesIO(template.template_xlsx()))
    ws = wb["Data"]
    for j, value in enumerate(["1", "UD Isian Pertama", "Kota Bima", "Garam", 1, 2, 3], start=1):
        ws.cell(row=5, column=j, value=value)
    buf = io.BytesIO()
    wb.save(buf)
    outcome = importer.run(buf.getvalue(), "isian.xlsx", store=store_with_phase3, phase=4, user="x")
    assert outcome.report.valid, [e.to_dict() for e in outcome.report.errors]
    assert outcome.committed[0].meta.rows == 1 and outcome.committed[0].meta.workers == 3
    assert outcome.report.frame["regency_code"][0] == "5272"


def test_template_notes_sit_above_the_header():
    wb = load_workbook(io.BytesIO(template.template_xlsx(notes=("Petunjuk: isi mulai baris 5.",))))
    assert wb["Data"]["A2"].value == "Petunjuk: isi mulai baris 5."
    outcome = importer.run(template.template_xlsx(notes=("Petunjuk: isi mulai baris 5.",)), "t.xlsx", phase=4,
                           commit=False)
    assert outcome.prepared.layout.header_rows == (3,)
