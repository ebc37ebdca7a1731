"""Jobs for tests/test_worker.py: importable by name, as a worker process needs them."""

import os
import time

from ikm_data.errors import IngestError, ValidationFailed


def echo(*args):
    return args


def with_data(data, factor):
    return len(data) * factor, bytes(data[:4])


def sleep(seconds):
    time.sleep(seconds)
    return "woke"


def pid_then_sleep(path, seconds):
    """Write this worker's pid to ``path``, then sleep (a test kills it meanwhile)."""
    with open(path, "w") as fh:
        fh.write(str(os.getpid()))
    time.sleep(seconds)
    return "woke"


def allocate(megabytes, hold_seconds=10):
    """Hold ``megabytes`` of touched memory, growing 50 MB at a time, then wait."""
    chunks = [bytearray(50 << 20) for _ in range(megabytes // 50)]
    time.sleep(hold_seconds)
    return len(chunks)


def refuse(name):
    raise IngestError.from_key("ingest.empty", name=name)


def refuse_with_report(report):
    raise ValidationFailed("ditolak", report, key=None)


def bug():
    return {}["missing"]


def die(code):
    os._exit(code)


def environment(name):
    return os.environ.get(name)


def sleep_then_touch(path, seconds):
    time.sleep(seconds)
    with open(path, "w") as fh:
        fh.write("done")
    return "done"


def kill_myself():
    import signal

    os.kill(os.getpid(), signal.SIGKILL)
