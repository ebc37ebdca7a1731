"""The text catalogue: every key in both languages, placeholders alike, and every key the
code asks for exists."""

import re
import string
from pathlib import Path

import pytest

from ikm_data.i18n import CATALOGUE, t

ROOT = Path(__file__).resolve().parent.parent


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, (id_text, en_text) in CATALOGUE.items():
        assert id_text.strip() and en_text.strip(), key
        assert _fields(id_text) == _fields(en_text), key


def test_translation_and_placeholders():
    assert t("phase.label", "id", n=3) == "Tahap 3"
    assert t("phase.label", "en", n=3) == "Phase 3"
    with pytest.raises(KeyError):
        t("no.such.key")


def test_every_literal_key_used_in_code_exists():
    used = set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ikm_data/*.py")]:
        used |= set(re.findall(r"""\b(?:tr|t)\(\s*["']([a-z_]+(?:\.[a-z_0-9]+)+)["']""", path.read_text()))
    missing = sorted(k for k in used if k not in CATALOGUE)
    assert not missing, missing
    assert len(used) > 40
