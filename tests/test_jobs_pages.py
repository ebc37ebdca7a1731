"""Long work on the pages: an official who left Unggah Data while a commit ran finds it on
coming back (running, then its result, once); another account does not; a second commit to
the same phase is refused with who and which file; a deck left building on Presentasi waits
there, built, for whoever comes back."""

import datetime as dt

from ikm_data import background, jobs, upload_jobs, worker
from ikm_data.markup import escape
from ikm_data.queries import Dataset, Filters
from ikm_data.settings import data_dir
from ikm_data.store import Store
from tests import states
from tests.apptest import ok, open_app, page_text, sign_in, upload
from tests.procs import wait_until


def _texts(at, kind):
    return [e.value for e in at.get(kind)]


def _start_commit(store, user, phase=4):
    name, content = states._phase_file(phase, 404, 12)
    prepared = worker.run(upload_jobs.read, name, None, None, str(store.root), data=content,
                          limits=worker.Limits(60, 1536))
    return background.start_import(store.root, content, prepared, phases=[phase], phase=phase, mode="replace",
                                   user=user, lang="id", as_of="2020-07-13", programme="JPS Gemilang", expected=None)


def test_a_commit_left_running_is_found_on_coming_back(store_with_phase3, monkeypatch, tmp_path):
    marker = tmp_path / "paused"
    monkeypatch.setenv("IKM_TEST_PAUSE_AT", "before-state")  # the commit waits at the switch until let go
    monkeypatch.setenv("IKM_TEST_PAUSE_FILE", str(marker))
    job = _start_commit(store_with_phase3, "uploader-uji")  # as the page does on "Simpan"; then the tab closed
    assert wait_until(marker.exists, 30)
    at = open_app("unggah")  # the same account comes back, in a new session
    running = " ".join(_texts(at, "info"))
    assert f"Menyimpan “{escape('data_ikm_tahap_4.csv')}” ke Tahap 4…" in running and "boleh ditinggal" in running

    # a second commit to phase 4 (another account's, through the page) is refused, naming the first
    monkeypatch.delenv("IKM_TEST_PAUSE_AT")
    other = open_app("unggah", role=None)
    sign_in(other, "admin", "lalu-uji")
    other.run()
    name, content = states._phase_file(4, 405, 5)
    other = upload(other, name, content)
    other.date_input(key="unggah_as_of").set_value(dt.date(2020, 8, 1)).run()
    other.button(key="unggah_commit").click().run()
    refused = " ".join(_texts(other, "error"))
    assert "Tahap 4 sedang disimpan oleh uploader-uji" in refused and escape("data_ikm_tahap_4.csv") in refused
    assert "Menyimpan" not in " ".join(_texts(other, "info"))  # not the other account's job

    marker.unlink()  # the commit goes on and ends
    done = wait_until(lambda: (j := jobs.Jobs(data_dir()).get(job["id"])) and j["state"] == "done" and j, 30)
    assert done, jobs.Jobs(data_dir()).get(job["id"])
    version = Store(data_dir()).state().current(4).version
    at.run()  # the next run (the line's own timer in a browser) shows how it ended
    ok(at)
    assert any(f"Tersimpan: versi {version}" in s for s in _texts(at, "success"))
    at.run()
    assert not any("Tersimpan" in s for s in _texts(at, "success"))  # told once


def test_a_deck_left_building_waits_on_presentasi(store_with_phase3):
    ds = Dataset.open(store_with_phase3)
    job = background.start_deck(store_with_phase3.root, ds, Filters(phase=3), "pptx", "id", "-")  # then left
    done = wait_until(lambda: (j := jobs.Jobs(data_dir()).get(job["id"])) and j["state"] == "done" and j, 60)
    assert done, jobs.Jobs(data_dir()).get(job["id"])
    at = open_app("presentasi")  # anyone coming back with the same phase and language
    downloads = [d.proto.label for d in at.get("download_button")]
    assert downloads == ["Unduh PowerPoint (.pptx)"], downloads
    assert "Siap: 9 slide" in page_text(at)
