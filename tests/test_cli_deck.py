"""Tests for ``python -m ikm_data deck``: PowerPoint and PDF files written, exit codes for bad usage."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from ikm_data.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_deck_pptx(store_with_phase3, data_dir, tmp_path, capsys):
    out = tmp_path / "tahap3.pptx"
    code = main(["--data-dir", str(data_dir), "deck", "--phase", "3", "--format", "pptx", "--out", str(out)])
    assert code == 0
    prs = Presentation(str(out))
    assert len(prs.slides) == 9
    texts = "\n".join(shape.text_frame.text for shape in prs.slides[1].shapes if shape.has_text_frame)
    assert "453" in texts and "2.858" in texts and "Sumber: Dinas Perindustrian NTB, Tahap III" in texts
    printed = capsys.readouterr().out
    assert str(out) in printed and "pptx" in printed
    assert not list(tmp_path.glob(".*.partial"))


def test_deck_pdf_in_english(store_with_phase3, data_dir, tmp_path):
    out = tmp_path / "phase3.pdf"
    code = main(["--data-dir", str(data_dir), "deck", "--phase", "3", "--format", "pdf", "--out", str(out),
                 "--lang", "en"])
    assert code == 0
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages]
    assert len(pages) == 9
    assert "Headline figures — Phase III" in pages[1] and "2.858" in pages[1]
    assert "Source: NTB Industry Department, Phase III" in " ".join(pages[1].split())


@pytest.mark.parametrize("argv", [
    ["deck", "--phase", "3", "--format", "docx", "--out", "x.docx"],
    ["deck", "--phase", "3", "--format", "pptx"],
    ["deck", "--format", "pptx", "--out", "x.pptx"],
    ["deck", "--phase", "3", "--format", "pptx", "--out", "x.pptx", "--lang", "fr"],
])
def test_bad_usage_exits_2(argv, data_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", str(data_dir), *argv]) == 2
    assert not list(tmp_path.glob("x.*"))


def test_phase_without_figures_exits_2(store_with_phase3, data_dir, tmp_path, capsys):
    out = tmp_path / "tahap9.pptx"
    assert main(["--data-dir", str(data_dir), "deck", "--phase", "9", "--format", "pptx", "--out", str(out)]) == 2
    assert not out.exists()
    assert "9" in capsys.readouterr().err


def test_missing_folder_exits_2(store_with_phase3, data_dir, tmp_path):
    out = tmp_path / "no" / "such" / "deck.pdf"
    assert main(["--data-dir", str(data_dir), "deck", "--phase", "3", "--format", "pdf", "--out", str(out)]) == 2


def test_module_entry_point_exit_code(data_dir):
    result = subprocess.run([sys.executable, "-m", "ikm_data", "--data-dir", str(data_dir), "deck",
                             "--phase", "3", "--format", "odp", "--out", "x.odp"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "invalid choice" in result.stderr
