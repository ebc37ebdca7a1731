"""The Unggah Data page's jobs: through a worker they give what the importer gives in
process (the mapping, every issue, the effect, the commit), but light: no grid, no file
bytes, only the preview's first rows."""

import pickle
from pathlib import Path

import pytest

from ikm_data import bench, importer, privacy, upload_jobs, worker
from ikm_data.errors import IngestError, ValidationFailed
from ikm_data.upload_tables import PREVIEW_ROWS

DATA = Path(__file__).resolve().parent / "data"
LIMITS = worker.Limits(seconds=60, memory_mb=1536)


def in_worker(job, content, *args):
    return worker.run(job, *args, data=content, limits=LIMITS)


@pytest.mark.parametrize("name", ["good_two_row_header.xlsx", "good_summary_first.xlsx", "good_export.parquet",
                                  "bad_many_errors.csv"])
def test_reading_in_the_worker_gives_the_importers_mapping_without_the_grid(store_with_phase3, name):
    content = (DATA / name).read_bytes()
    here = importer.prepare(content, name)
    there = in_worker(upload_jobs.read, content, name, None, None, str(store_with_phase3.root))
    assert there.raw.grid.empty and there.content == b""
    assert (there.sheets, there.raw.sheet, there.auto_sheet, there.has_phase_column, there.sha256) == \
        (here.sheets, here.raw.sheet, here.auto_sheet, here.has_phase_column, here.sha256)
    assert there.cmap == here.cmap and there.layout == here.layout


def test_an_unreadable_file_is_the_readers_error(store_with_phase3):
    content = (DATA / "bad_pdf_named.csv").read_bytes()
    with pytest.raises(IngestError) as caught:
        in_worker(upload_jobs.read, content, "bad_pdf_named.csv", None, None, str(store_with_phase3.root))
    assert "PDF" in caught.value.text("id")


def test_checking_in_the_worker_gives_every_issue_and_the_effect(store_with_phase3):
    name = "bad_many_errors.csv"
    content = (DATA / name).read_bytes()
    root = str(store_with_phase3.root)
    here = importer.run(content, name, store=store_with_phase3, phase=3, commit=False)
    prepared = in_worker(upload_jobs.read, content, name, None, None, root)
    there = in_worker(upload_jobs.check, content, prepared, root, 3, "replace", "id")
    assert [i.to_dict("id") for i in there.report.errors] == [i.to_dict("id") for i in here.report.errors]
    assert there.report.errors_total == 4 and not there.committed
    good = (DATA / "good_two_row_header.xlsx").read_bytes()
    prepared = in_worker(upload_jobs.read, good, "good_two_row_header.xlsx", None, None, root)
    there = in_worker(upload_jobs.check, good, prepared, root, 3, "replace", "en")
    here = importer.run(good, "good_two_row_header.xlsx", store=store_with_phase3, phase=3, commit=False, lang="en")
    assert there.effect == here.effect and there.report.valid
    # 7 rows: all of them are the preview, with the owner, NIK and phone masked (never whole in the session)
    assert there.report.frame.equals(privacy.mask_frame(here.report.frame))
    assert there.report.frame["nik"].notna().any() and not there.report.frame["nik"].equals(here.report.frame["nik"])


def test_a_big_checks_outcome_comes_back_light(store_with_phase3, tmp_path):
    path = bench.write_csv(bench.synthetic_frame(20_000), tmp_path / "besar.csv")
    content, root = path.read_bytes(), str(store_with_phase3.root)
    prepared = in_worker(upload_jobs.read, content, "besar.csv", None, None, root)
    there = in_worker(upload_jobs.check, content, prepared, root, 4, "replace", "id")
    assert there.report.rows == 20_000 and there.report.valid and there.effect[0]["after"]["rows"] == 20_000
    assert len(there.report.frame) == PREVIEW_ROWS and there.report.rekey == {}
    whole = importer.run(content, "besar.csv", store=store_with_phase3, phase=4, commit=False)
    light, heavy = len(pickle.dumps(there)), len(pickle.dumps(whole))
    assert light < 100_000 < len(content) < heavy, (light, len(content), heavy)


def test_committing_in_the_worker_stores_the_version(store_with_phase3):
    name = "good_two_row_header.xlsx"
    content, root = (DATA / name).read_bytes(), str(store_with_phase3.root)
    prepared = in_worker(upload_jobs.read, content, name, None, None, root)
    done = in_worker(upload_jobs.commit, content, prepared, root, 4, "replace", "Baiq", "id", "2020-07-13",
                     "JPS Gemilang")
    assert done.version == "v2" and not done.noop and done.report.frame is not None
    meta = store_with_phase3.history()[0]
    assert (meta.version, meta.phase, meta.user, meta.rows, meta.as_of) == ("v2", 4, "Baiq", 7, "2020-07-13")
    assert (store_with_phase3.root / "versions" / "v2" / "upload" / name).read_bytes() == content


def test_a_refusal_at_commit_time_comes_back_with_a_light_report(store_with_phase3, monkeypatch, tmp_path):
    """(A refusal under the store's lock, e.g. rows that another commit just stored.)"""
    path = bench.write_csv(bench.synthetic_frame(500), tmp_path / "tolak.csv")
    content, root = path.read_bytes(), str(store_with_phase3.root)
    prepared = upload_jobs.read(content, "tolak.csv", None, None, root)
    full = importer.run(content, "tolak.csv", store=store_with_phase3, phase=4, commit=False)

    def refuse(*args, **kwargs):
        raise ValidationFailed("ditolak", full.report)

    monkeypatch.setattr(importer, "commit", refuse)
    with pytest.raises(ValidationFailed) as caught:
        upload_jobs.commit(content, prepared, root, 4, "append", "u", "id", None, "JPS Gemilang")
    assert len(caught.value.report.frame) == PREVIEW_ROWS and caught.value.report.rows == 500
