"""``python -m ikm_data summary``: the JSON contract and the text output, through a real
subprocess as an official's script would call it."""

import json
import subprocess
import sys


def _run(*args, data_dir):
    return subprocess.run([sys.executable, "-m", "ikm_data", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=120)


def test_summary_json_phase3(tmp_path):
    out = _run("summary", "--phase", "3", "--json", data_dir=tmp_path / "s")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [(p["phase"], p["enterprises"], p["workers"]) for p in data["phases"]] == [(3, 453, 2858)]
    counts = sorted(r["enterprises"] for r in data["by_product"])
    assert counts == [17, 22, 35, 55, 66, 120, 138]
    workers = {r["product"]: r["workers"] for r in data["by_product"]}
    assert workers["Minyak Goreng"] == 382 and workers["Teh Kelor"] is None
    assert {"published"} <= set(data) and all(p["phase"] == 3 for p in data["published"])


def test_summary_all_phases_text(tmp_path):
    out = _run("summary", data_dir=tmp_path / "s")
    assert out.returncode == 0, out.stderr
    assert "Tahap 3: 453 IKM, 2.858 tenaga kerja [data contoh (sintetis)]" in out.stdout
    assert "Tahap 1: 57 IKM" in out.stdout and "± 900" in out.stdout


def test_bad_usage_exits_2(tmp_path):
    out = _run("summary", "--phase", "tiga", data_dir=tmp_path / "s")
    assert out.returncode == 2


def test_summary_marks_only_the_approximate_metric(tmp_path):
    """Phase 3's release: 453 enterprises exactly, 'at least' 2,858 workers."""
    data_dir = tmp_path / "s"
    assert _run("remove-sample", data_dir=data_dir).returncode == 0
    out = _run("summary", data_dir=data_dir)
    assert "Tahap 3: 453 IKM, ± 2.858 tenaga kerja [angka rilis]" in out.stdout
    data = json.loads(_run("summary", "--phase", "3", "--json", data_dir=data_dir).stdout)
    assert (data["phases"][0]["approx_enterprises"], data["phases"][0]["approx_workers"]) == (False, True)
