"""The audit log: append-only JSON lines (an event appended never rewrites what is there),
whitelisted fields, no NIK or phone whatever a caller passes, ``read(since=)`` in WITA days,
and the admin page's filters."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest

from ikm_data import audit


def test_each_event_is_one_appended_line_and_the_old_lines_stay_byte_for_byte(tmp_path):
    root = tmp_path / "store"
    audit.record(root, "sign_in", "baiq", role="uploader", via="web", at="2026-11-29T01:00:00+00:00")
    before = audit.path(root).read_bytes()
    inode = audit.path(root).stat().st_ino
    audit.record(root, "commit", "baiq", phase=4, version="v2", sha256="a" * 64, file="data.csv", rows=7)
    after = audit.path(root).read_bytes()
    assert after.startswith(before) and after.count(b"\n") == 2
    assert audit.path(root).stat().st_ino == inode  # appended to, not replaced
    assert stat.S_IMODE(audit.path(root).stat().st_mode) == 0o600
    assert stat.S_IMODE(audit.path(root).parent.stat().st_mode) == 0o700
    first, second = audit.read(root)
    assert first == {"at": "2026-11-29T01:00:00+00:00", "user": "baiq", "event": "sign_in", "role": "uploader",
                     "via": "web"}
    assert (second["event"], second["phase"], second["version"], second["sha256"]) == ("commit", 4, "v2", "a" * 64)
    assert dt.datetime.fromisoformat(second["at"]).tzinfo == dt.timezone.utc


def test_no_nik_or_phone_can_get_in(tmp_path):
    root = tmp_path / "store"
    with pytest.raises(KeyError):
        audit.record(root, "reveal", "ani", nik="5201234567890123")
    with pytest.raises(KeyError):
        audit.record(root, "teleport", "ani")
    audit.record(root, "validate", "ani", file="peserta 5201234567890123 081234567890.csv", sha256="not-a-hash",
                 account="user\n081234567890")
    line = audit.path(root).read_text()
    assert "5201234567890123" not in line and "081234567890" not in line and "\\n" not in line
    item = audit.read(root)[0]
    assert item["file"] == "peserta 52•••••••••••••• 08••••••••••.csv" and "sha256" not in item


def test_read_since_a_date_counts_wita_days_and_skips_a_torn_line(tmp_path):
    root = tmp_path / "store"
    for at in ("2026-11-28T15:59:59+00:00", "2026-11-28T16:00:00+00:00", "2026-11-29T10:00:00+00:00"):
        audit.record(root, "sign_in", "baiq", at=at)
    with open(audit.path(root), "ab") as fh:
        fh.write(b'{"at": "2026-11-29T11:00:00+00:00", "us')  # a crash in the middle of a write
    assert len(audit.read(root)) == 3
    # 16:00 UTC on the 28th is midnight of the 29th in WITA
    assert [e["at"] for e in audit.read(root, since=dt.date(2026, 11, 29))] == [
        "2026-11-28T16:00:00+00:00", "2026-11-29T10:00:00+00:00"]
    assert audit.read(tmp_path / "nothing") == []


def test_select_filters_newest_first_and_pages(tmp_path):
    events = [audit.entry("sign_in" if i % 2 else "commit", "baiq" if i % 3 else "lalu",
                          at=f"2026-11-{10 + i:02d}T03:00:00+00:00") for i in range(12)]
    chosen = audit.select(events, since=dt.date(2026, 11, 12), until=dt.date(2026, 11, 19), event="commit")
    assert [e["at"][:10] for e in chosen] == ["2026-11-18", "2026-11-16", "2026-11-14", "2026-11-12"]
    assert [e["user"] for e in audit.select(events, user="lalu")] == ["lalu"] * 4
    assert len(audit.page_of(events, 2, size=5)) == 5 and len(audit.page_of(events, 3, size=5)) == 2
    frame = audit.frame(chosen[:1], "id")
    assert frame.iloc[0].tolist() == ["18 November 2026 11.00 WITA", "baiq", "menyimpan versi", "", ""]


def test_describe_names_the_fields_in_the_officials_language():
    item = audit.entry("rollback", "baiq", phase=3, version="v3", target="v1", file="a.csv", sha256="b" * 64)
    assert audit.describe(item, "id") == "tahap 3, versi v3, dari versi v1, sha256 bbbbbbbbbbbb, berkas a.csv"
    assert audit.describe(item, "en").startswith("phase 3, version v3, from version v1")
    json.dumps(item)  # plain JSON
