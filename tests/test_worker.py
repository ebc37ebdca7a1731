"""The worker process: results and named errors come back as they were raised, a job past
its time or memory limit is killed with a named error in both languages, a poll that raises
kills the worker at once (or lets a commit finish), and a Streamlit-like ``__main__`` is
never run in the worker."""

import datetime as dt
import os
import sys
import time
import types

import pytest

from ikm_data import worker
from ikm_data.errors import IngestError, ValidationFailed
from tests import worker_jobs as jobs

SMALL = worker.Limits(seconds=20, memory_mb=1024)


class Cancelled(Exception):
    """What Streamlit's StopException is to the worker: something ``poll`` raises."""


def gone(pid: int, within: float = 1.0) -> bool:
    """Whether process ``pid`` no longer exists within ``within`` seconds."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.02)
    return False


def wait_for_pid(path, timeout: float = 10.0) -> int:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if path.exists() and path.read_text():
            return int(path.read_text())
        time.sleep(0.02)
    raise AssertionError("the job never started")


def test_results_come_back_equal():
    value = {"rows": [1, 2, 3], "when": dt.date(2020, 7, 13), "name": "UD Sinar “Jaya”", "none": None}
    assert worker.run(jobs.echo, value, 4, limits=SMALL) == (value, 4)


def test_data_is_streamed_to_the_job_first():
    data = b"PAR1" + bytes(range(256)) * 40_000  # 10 MB
    assert worker.run(jobs.with_data, 3, data=data, limits=SMALL) == (len(data) * 3, b"PAR1")
    assert worker.run(jobs.with_data, 1, data=memoryview(data)[:6], limits=SMALL) == (6, b"PAR1")


def test_a_named_error_comes_back_as_that_error():
    with pytest.raises(IngestError) as caught:
        worker.run(jobs.refuse, "kosong.csv", limits=SMALL)
    err = caught.value
    assert (err.key, err.params) == ("ingest.empty", {"name": "kosong.csv"})
    assert err.text("id") == "Berkas “kosong.csv” kosong: tidak ada isinya."
    assert err.text("en") == "The file “kosong.csv” is empty."


def test_a_refusal_keeps_its_report():
    """ValidationFailed wants a report in its constructor: it crosses all the same."""
    with pytest.raises(ValidationFailed) as caught:
        worker.run(jobs.refuse_with_report, {"errors": 2}, limits=SMALL)
    assert caught.value.report == {"errors": 2} and caught.value.message == "ditolak"


def test_a_bug_in_the_job_is_not_a_named_error():
    with pytest.raises(worker.WorkerError) as caught:
        worker.run(jobs.bug, limits=SMALL)
    assert "KeyError: 'missing'" in str(caught.value) and "worker_jobs.py" in str(caught.value)


@pytest.mark.parametrize("job,args,code", [(jobs.die, (3,), "3"), (jobs.kill_myself, (), "-9")])
def test_a_worker_that_dies_is_a_named_error(job, args, code):
    with pytest.raises(IngestError) as caught:
        worker.run(job, *args, limits=SMALL)
    assert caught.value.key == "worker.check.crashed"
    assert caught.value.text("id").startswith(f"Pemeriksaan berkas ini berhenti tiba-tiba (kode {code}).")
    assert caught.value.heading("en") == "Checking broke off"


def test_a_slow_job_is_killed_at_its_time_limit(tmp_path):
    marker = tmp_path / "pid"
    start = time.monotonic()
    with pytest.raises(IngestError) as caught:
        worker.run(jobs.pid_then_sleep, str(marker), 30, limits=worker.Limits(seconds=2, memory_mb=1024))
    took = time.monotonic() - start
    assert 2 <= took < 5, took
    assert caught.value.key == "worker.check.too_slow"
    assert caught.value.text("id").startswith("Pemeriksaan berkas ini melebihi 2 detik, jadi dihentikan.")
    assert gone(int(marker.read_text()))


def test_a_job_that_grows_past_the_memory_limit_is_killed():
    start = time.monotonic()
    with pytest.raises(IngestError) as caught:
        worker.run(jobs.allocate, 3000, limits=worker.Limits(seconds=30, memory_mb=400))
    assert time.monotonic() - start < 10  # it would hold 3 GB for 10 s
    assert caught.value.key == "worker.check.too_big"
    assert caught.value.text("id").startswith("Pemeriksaan berkas ini memerlukan memori lebih dari 400 MB")
    assert caught.value.text("en").startswith("Checking this file needs more than 400 MB of memory")


def test_the_declared_limits_are_named_in_the_messages(monkeypatch):
    monkeypatch.setenv("IKM_WORKER_MEMORY_MB", "1536")
    assert worker.Limits.of("check") == worker.Limits(30.0, 1536) and worker.Limits.of("commit").seconds == 60
    with pytest.raises(IngestError) as caught:
        worker.run(jobs.allocate, 600, action="commit", limits=worker.Limits(seconds=30, memory_mb=1536 // 6))
    assert caught.value.key == "worker.commit.too_big"
    assert "Data yang tersimpan tetap utuh" in caught.value.text("id")
    with pytest.raises(IngestError) as caught:
        worker.run(jobs.sleep, 5, limits=worker.Limits(seconds=1, memory_mb=1536))
    assert caught.value.text("en").startswith("Checking this file took more than 1 seconds")


def test_a_poll_that_raises_kills_the_worker_at_once(tmp_path):
    marker, polls = tmp_path / "pid", []

    def poll(elapsed):
        polls.append(elapsed)
        if marker.exists() and marker.read_text():
            raise Cancelled

    start = time.monotonic()
    with pytest.raises(Cancelled):
        worker.run(jobs.pid_then_sleep, str(marker), 30, limits=SMALL, poll=poll)
    assert time.monotonic() - start < 5
    assert gone(int(marker.read_text()), within=1.0)
    assert polls == sorted(polls) and polls[0] < 0.2
    assert all(b - a < 0.5 for a, b in zip(polls, polls[1:]))  # every ~POLL_SECONDS


def test_polls_come_every_fifth_of_a_second_while_the_job_runs():
    polls = []
    assert worker.run(jobs.sleep, 1.2, limits=SMALL, poll=polls.append) == "woke"
    assert 4 <= len(polls) <= 8, polls


def test_a_commit_is_let_finish_when_its_poll_raises(tmp_path):
    done = tmp_path / "done"

    def poll(elapsed):
        raise Cancelled

    start = time.monotonic()
    with pytest.raises(Cancelled):
        worker.run(jobs.sleep_then_touch, str(done), 1.0, limits=SMALL, poll=poll, finish=True)
    assert done.read_text() == "done" and time.monotonic() - start >= 1.0
    # ... but not past its time limit
    with pytest.raises(Cancelled):
        worker.run(jobs.sleep_then_touch, str(tmp_path / "never"), 30,
                   limits=worker.Limits(seconds=1, memory_mb=1024), poll=poll, finish=True)
    assert not (tmp_path / "never").exists()


def test_settings_changed_after_the_fork_server_started_reach_the_job(monkeypatch):
    worker.run(jobs.echo, limits=SMALL)  # the fork server is up
    monkeypatch.setenv("IKM_DATA_DIR", "/tmp/ikm-elsewhere")
    monkeypatch.delenv("IKM_NO_SAMPLE", raising=False)
    assert worker.run(jobs.environment, "IKM_DATA_DIR", limits=SMALL) == "/tmp/ikm-elsewhere"
    monkeypatch.setenv("IKM_NO_SAMPLE", "1")
    assert worker.run(jobs.environment, "IKM_NO_SAMPLE", limits=SMALL) == "1"
    monkeypatch.delenv("IKM_NO_SAMPLE")
    assert worker.run(jobs.environment, "IKM_NO_SAMPLE", limits=SMALL) is None


def test_the_page_script_as_main_is_not_run_in_the_worker(tmp_path, monkeypatch):
    """Streamlit makes the running page script ``__main__`` (a module with its ``__file__``
    and no spec); a worker must not run it again."""
    ran = tmp_path / "ran"
    script = tmp_path / "page.py"
    script.write_text(f"open({str(ran)!r}, 'w').write('the page ran in the worker')\n")
    fake = types.ModuleType("__main__")
    fake.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", fake)
    assert worker.run(jobs.echo, "ok", limits=SMALL) == ("ok",)
    assert not ran.exists()
