"""The job registry of long work (``ikm_data.jobs``, ``ikm_data.background``): states, a job
whose server died marked failed with the store untouched, no two commits to one phase at
once, a commit and a deck that finish with no page waiting for them."""

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest

from ikm_data import audit, background, jobs, upload_jobs, worker
from ikm_data.errors import JobBusy, StoreError, ValidationFailed
from ikm_data.i18n import t
from ikm_data.queries import Dataset, Filters
from ikm_data.settings import PROJECT_ROOT
from ikm_data.store import Store
from ikm_data.validate import Issue
from tests import states
from tests.procs import wait_until


def _ended(registry, job, timeout=60):
    return wait_until(lambda: (j := registry.get(job["id"])) and j["state"] not in jobs.ACTIVE and j, timeout)


def test_a_job_goes_queued_running_done_and_its_file_is_private(tmp_path):
    registry = jobs.Jobs(tmp_path)
    job, new = registry.start("import", who="baiq", phases=[4], file="tahap4.csv", sha256="ab")
    assert new and job["state"] == "queued" and registry.get(job["id"])["phases"] == [4]
    assert stat.S_IMODE((tmp_path / "jobs" / f"{job['id']}.json").stat().st_mode) == 0o600
    seen = []

    def work(progress):
        seen.append(registry.get(job["id"])["state"])
        return {"versions": ["v9"]}

    jobs.run_detached(registry, job, work).join(10)
    done = registry.get(job["id"])
    assert seen == ["running"] and done["state"] == "done" and done["result"] == {"versions": ["v9"]}
    assert done["progress"] == 1.0 and done["finished"] >= done["started"] and not done["seen"]
    registry.mark_seen(done)
    assert registry.get(job["id"])["seen"] and registry.list(who="baiq")[0]["id"] == job["id"]
    assert registry.list(who="lalu") == []


def test_a_failed_job_keeps_its_named_error_with_the_refused_rows(tmp_path):
    registry = jobs.Jobs(tmp_path)
    job, _ = registry.start("import", who="baiq", phases=[4])
    issue = Issue(row=7, column="NIK", value="52**", code="duplicate_row", severity="error", params={"other": 3})
    refused = ValidationFailed("ditolak", None, key="worker.commit.crashed", params={"code": 9})
    refused.report = type("R", (), {"errors": [issue]})()

    def work(progress):
        raise refused

    jobs.run_detached(registry, job, work).join(10)
    failed = registry.get(job["id"])
    assert failed["state"] == "failed"
    again = jobs.error_of(failed["error"])
    assert isinstance(again, ValidationFailed) and again.text("en") == t("worker.commit.crashed", "en", code=9)
    assert again.report.errors == [issue]

    job, _ = registry.start("import", who="baiq", phases=[5])
    jobs.run_detached(registry, job, lambda progress: 1 / 0, on_bug=lambda *a: None).join(10)
    bug = jobs.error_of(registry.get(job["id"])["error"])  # a bug: an incident code, never a traceback
    assert isinstance(bug, StoreError) and bug.params["incident"] in bug.text("id") and "Zero" not in bug.text("id")


def test_two_commits_to_one_phase_never_run_at_once(tmp_path):
    registry = jobs.Jobs(tmp_path)
    first, _ = registry.start("import", who="baiq", phases=[4], file="tahap4.xlsx")
    with pytest.raises(JobBusy) as caught:
        jobs.Jobs(tmp_path).start("import", who="lalu", phases=[3, 4], file="lain.csv")
    assert "Tahap 4" in caught.value.text("id") and "baiq" in caught.value.text("id")
    assert "tahap4.xlsx" in caught.value.text("en")
    other, new = registry.start("import", who="lalu", phases=[5])  # another phase: at once is fine
    assert new
    registry.finish(first, {"versions": ["v5"]})
    assert registry.start("import", who="lalu", phases=[4])[1]  # once the first has ended


def test_a_deck_asked_for_twice_is_built_once(tmp_path):
    registry = jobs.Jobs(tmp_path)
    one, new = registry.start("deck", who="-", key="7|3|||id|pdf")
    two, again = registry.start("deck", who="baiq", key="7|3|||id|pdf")
    assert new and not again and two["id"] == one["id"]
    registry.fail(one, StoreError("x"))
    assert registry.start("deck", who="-", key="7|3|||id|pdf")[1]  # a failed build may be tried again


def test_a_dead_owners_job_is_failed_and_old_jobs_are_forgotten(tmp_path):
    registry = jobs.Jobs(tmp_path)
    job, _ = registry.start("import", who="baiq", phases=[4], sha256="ff")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    registry.update(job, state="running", owner={**job["owner"], "pid": int(gone.stdout)})
    assert registry.reap() == 1
    failed = registry.get(job["id"])
    assert failed["state"] == "failed" and failed["error"]["key"] == "jobs.interrupted"
    assert registry.start("import", who="lalu", phases=[4])[1]  # the phase is free again
    (tmp_path / "jobs" / f"{job['id']}.pdf").write_bytes(b"%PDF")
    assert registry.forget_old(now=time.time() + jobs.KEEP_SECONDS + 60) == 1
    assert not list((tmp_path / "jobs").glob(f"{job['id']}.*"))


def _commit_args(store, name, content, phase):
    prepared = worker.run(upload_jobs.read, name, None, None, str(store.root), data=content,
                          limits=worker.Limits(60, 1536))
    return dict(phases=[phase], phase=phase, mode="replace", user="baiq", lang="id", as_of="2020-07-13",
                programme="JPS Gemilang", expected=None), prepared


def test_a_commit_started_and_left_finishes_and_is_in_the_audit_log(store_with_phase3):
    store = store_with_phase3
    name, content = states._phase_file(4, 404, 12)
    kwargs, prepared = _commit_args(store, name, content, 4)
    job = background.start_import(store.root, content, prepared, **kwargs)  # nobody waits for it
    done = _ended(jobs.Jobs(store.root), job)
    assert done["state"] == "done", done["error"]
    meta = store.state().current(4)
    assert done["result"]["versions"] == [meta.version] and meta.rows == 12 and meta.user == "baiq"
    logged = [e for e in audit.read(store.root) if e["event"] == "commit"]
    assert logged[-1]["user"] == "baiq" and logged[-1]["version"] == meta.version


KILLED_SERVER = textwrap.dedent("""
    import sys, time
    from ikm_data import background, upload_jobs, worker
    from ikm_data.store import Store
    from tests import states
    store = Store.open(sys.argv[1])
    name, content = states._phase_file(4, 404, 12)
    prepared = worker.run(upload_jobs.read, name, None, None, str(store.root), data=content,
                          limits=worker.Limits(60, 1536))
    background.start_import(store.root, content, prepared, phases=[4], phase=4, mode="replace", user="baiq",
                            lang="id", as_of="2020-07-13", programme="JPS Gemilang", expected=None)
    time.sleep(120)
""")


def test_a_server_killed_mid_commit_leaves_a_failed_job_and_the_store_as_it_was(store_with_phase3, tmp_path):
    store = store_with_phase3
    before = store.state()
    marker = tmp_path / "paused"
    env = dict(os.environ, IKM_TEST_PAUSE_AT="before-state", IKM_TEST_PAUSE_FILE=str(marker),
               PYTHONPATH=str(PROJECT_ROOT))
    server = subprocess.Popen([sys.executable, "-c", KILLED_SERVER, str(store.root)], cwd=PROJECT_ROOT, env=env,
                              stderr=subprocess.PIPE)
    try:
        assert wait_until(marker.exists, 60), "the commit never reached the state switch"
        (running,) = jobs.Jobs(store.root).list(kind="import")
        assert running["state"] == "running" and running["owner"]["pid"] == server.pid
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(10)
    # the worker (paused with its version folder written) dies with its fork server, never switching the state
    assert wait_until(lambda: not any(str(marker).encode() in _environ(p) for p in _pids()), 10)
    marker.unlink()  # were it alive, it would go on now
    time.sleep(0.3)
    failed = jobs.Jobs(store.root).get(running["id"])
    assert failed["state"] == "failed" and failed["error"]["key"] == "jobs.interrupted"
    assert Store.open(store.root).state() == before
    assert json.loads((store.root / "state.json").read_text())["seq"] == before.seq
    assert not list((store.root / "versions").glob(".tmp-*"))


def _pids():
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]


def _environ(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/environ", "rb") as fh:
            return fh.read()
    except OSError:
        return b""


def test_a_deck_built_apart_from_the_page(store_with_phase3):
    store = store_with_phase3
    ds = Dataset.open(store)
    f = Filters(phase=3)
    job = background.start_deck(store.root, ds, f, "pptx", "id", "-")
    done = _ended(jobs.Jobs(store.root), job, timeout=90)
    assert done["state"] == "done", done["error"]
    data = jobs.Jobs(store.root).artifact(done).read_bytes()
    assert data.startswith(b"PK") and done["result"]["size"] == len(data) and b"ppt/slides/slide9.xml" in data
    assert background.deck_job(store.root, ds, f, "pptx", "id")["id"] == job["id"]
    assert background.start_deck(store.root, ds, f, "pptx", "id", "baiq")["id"] == job["id"]  # not built again


def test_the_command_line_import_is_registered_like_the_page_commit(tmp_path, capsys):
    """A page's commit to phase 4 is running: ``python -m ikm_data import`` to phase 4 is refused
    (both languages say who holds it), to phase 5 it goes on; once the page's commit ended, phase
    4 too, recorded as a job of the command line. While the command line commits, a page's
    commit to that phase is refused in turn."""
    from ikm_data import cli

    root = tmp_path / "store"
    store = Store.open(root, seed_sample=True)
    registry = jobs.Jobs(root)
    page, _ = registry.start("import", who="Baiq Nuraini", phases=[4], file="tahap4_web.xlsx", sha256="ab")
    name, content = states._phase_file(4, 404, 6)
    (tmp_path / name).write_bytes(content)
    before = store.history()
    for lang, words in (("id", "Tahap 4 sedang disimpan oleh Baiq Nuraini (berkas “tahap4_web.xlsx”"),
                        ("en", "Phase 4 is being saved by Baiq Nuraini (file “tahap4_web.xlsx”")):
        code = cli.main(["--data-dir", str(root), "--lang", lang, "import", str(tmp_path / name), "--phase", "4"])
        assert code == 1 and words in capsys.readouterr().err
    assert Store.open(root).history() == before and len(registry.list()) == 1

    assert cli.main(["--data-dir", str(root), "import", str(tmp_path / name), "--phase", "5", "--user", "lalu"]) == 0
    registry.finish(page, {"versions": []})
    assert cli.main(["--data-dir", str(root), "import", str(tmp_path / name), "--phase", "4", "--user", "lalu"]) == 0
    capsys.readouterr()
    mine = sorted(registry.list(who="lalu"), key=lambda j: j["phases"])
    assert [(j["phases"], j["state"], j["via"], j["seen"], j["owner"]["pid"]) for j in mine] == [
        ([4], "done", "cli", True, os.getpid()), ([5], "done", "cli", True, os.getpid())]
    versions = [m.version for m in Store.open(root).history() if m.user == "lalu"]
    assert sorted(j["result"]["versions"][0] for j in mine) == sorted(versions) and len(versions) == 2

    with registry.held("import", who="lalu", phases=[4, 5], file="dua_tahap.csv") as result:
        with pytest.raises(JobBusy) as busy:
            registry.start("import", who="Baiq Nuraini", phases=[5])
        assert busy.value.params["who"] == "lalu" and busy.value.params["phase"] == 5
        result["versions"] = []
    with pytest.raises(JobBusy), registry.held("import", who="lalu", phases=[4], file="lagi.csv"):
        with registry.held("import", who="baiq", phases=[4]):
            pass
    ended = {j["file"]: (j["state"], (j["error"] or {}).get("class")) for j in registry.list(who="lalu")}
    # each ended, none left running: the one a refusal interrupted is marked failed with it
    assert ended["dua_tahap.csv"] == ("done", None) and ended["lagi.csv"] == ("failed", "JobBusy")
    assert registry.list(who="baiq") == []


def test_the_command_line_learns_the_phases_from_the_tahap_column(tmp_path, capsys):
    from ikm_data import cli

    root = tmp_path / "store"
    Store.open(root, seed_sample=True)
    registry = jobs.Jobs(root)
    registry.start("import", who="Baiq Nuraini", phases=[5], file="tahap5.csv")
    tahap = str(PROJECT_ROOT / "tests" / "data" / "good_tahap_column.csv")
    assert cli.main(["--data-dir", str(root), "import", tahap]) == 1  # holds phases 4 and 5; 5 is busy
    assert "Tahap 5 sedang disimpan oleh Baiq Nuraini" in capsys.readouterr().err
    assert [m.phase for m in Store.open(root).history()] == [3]
