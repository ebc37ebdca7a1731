"""The audit log: who did what, when. Append-only JSON lines in
``<data dir>/audit/audit.jsonl`` (0600 in a 0700 folder): each event is one line written by
one ``write`` on a file opened O_APPEND, under a lock; the file is never rewritten.

Only the fields of ``FIELDS`` get in, and every text is cut short and has long digit runs
masked, so a NIK or a phone number can never reach the log, whatever a caller passes."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import re
from pathlib import Path

from ikm_data.files import PRIVATE_FILE, file_lock, private_dir
from ikm_data.formatting import utc_now

AUDIT_DIR = "audit"
AUDIT_FILE = "audit.jsonl"

EVENTS = ("sign_in", "sign_in_failed", "sign_out", "locked", "validate", "commit", "rollback",
          "remove_phase", "remove_sample", "repair", "export", "reveal", "user_added", "role_changed",
          "user_disabled", "user_enabled", "password_changed")

# field -> kind: "text" (cut short, long digit runs masked), "int", "hex" (a sha256)
FIELDS = {
    "at": "text", "user": "text", "event": "text", "phase": "int", "version": "text", "target": "text",
    "sha256": "hex", "file": "text", "mode": "text", "rows": "int", "row": "int", "account": "text",
    "role": "text", "format": "text", "what": "text", "via": "text", "os_user": "text",
}
_TEXT_MAX = 120
_DIGITS = re.compile(r"\d{7,}")  # a NIK has 16 digits, a phone 10-13: any run of 7+ is masked
_HEX = re.compile(r"^[0-9a-f]{64}$")


def os_user() -> str:
    """The operating-system user running this process ("-" when it has none)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "-"


def _clean(field: str, value) -> str | int | None:
    kind = FIELDS[field]
    if value is None:
        return None
    if kind == "int":
        return int(value)
    text = str(value)
    if kind == "hex":
        return text if _HEX.match(text) else None
    text = "".join(c if c.isprintable() else " " for c in text)[:_TEXT_MAX]
    return _DIGITS.sub(lambda m: m.group()[:2] + "•" * (len(m.group()) - 2), text)


def entry(event: str, user: str, **fields) -> dict:
    """The log line's object for ``event`` by ``user``: ``at`` now (UTC), the whitelisted
    ``fields`` cleaned; None values left out. Raises KeyError for an unknown event or field."""
    if event not in EVENTS:
        raise KeyError(f"unknown audit event {event!r}")
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise KeyError(f"fields not allowed in the audit log: {sorted(unknown)}")
    raw = {"at": fields.pop("at", None) or utc_now(), "user": user or "-", "event": event, **fields}
    cleaned = {k: _clean(k, v) for k, v in raw.items()}
    return {k: v for k, v in cleaned.items() if v is not None}


def path(root: Path) -> Path:
    return Path(root) / AUDIT_DIR / AUDIT_FILE


def record(root: Path, event: str, user: str, **fields) -> dict:
    """Append one event to the log of the data directory ``root``; the object written."""
    item = entry(event, user, **fields)
    line = (json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n").encode()
    folder = private_dir(Path(root) / AUDIT_DIR)
    with file_lock(folder / ".lock"):
        fd = os.open(folder / AUDIT_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
    return item


def read(root: Path, since: dt.date | dt.datetime | None = None) -> list[dict]:
    """Every event of the log, oldest first; with ``since`` only those at or after it (a
    date is its midnight in WITA, where the officials are). A line that is not whole (a
    crash in the middle of a write) is skipped."""
    from ikm_data.formatting import WITA

    try:
        lines = path(root).read_bytes().splitlines()
    except FileNotFoundError:
        return []
    if isinstance(since, dt.date) and not isinstance(since, dt.datetime):
        since = dt.datetime.combine(since, dt.time(), WITA)
    events = []
    for line in lines:
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if since is None or dt.datetime.fromisoformat(item["at"]) >= since:
            events.append(item)
    return events


def version_fields(meta) -> dict:
    """The fields of a history entry (a ``store.VersionMeta``) the log keeps."""
    return {"phase": meta.phase, "version": meta.version, "target": meta.rollback_of, "sha256": meta.sha256,
            "file": meta.file, "mode": meta.mode, "rows": meta.rows}


def record_versions(root: Path, event: str, user: str, metas, **fields) -> None:
    """One ``event`` per history entry of ``metas`` (None entries skipped)."""
    for meta in metas:
        if meta is not None:
            record(root, event, user, **version_fields(meta), **fields)


def describe(item: dict, lang: str) -> str:
    """An event's details (every field but at, user, event) as officials read them:
    ``tahap 3, versi v5, berkas data.csv``."""
    from ikm_data.i18n import t

    skip = {"at", "user", "event"}
    parts = []
    for key in FIELDS:  # in the order of FIELDS: what, then where, then how
        value = item.get(key)
        if key in skip or value is None:
            continue
        if key == "sha256":
            value = str(value)[:12]
        if key == "role":
            value = t(f"access.role.{value}", lang) if value in ("viewer", "uploader", "admin") else value
        parts.append(f"{t(f'audit.field.{key}', lang)} {value}")
    return ", ".join(parts)


def event_label(event: str, lang: str) -> str:
    from ikm_data.i18n import t

    return t(f"audit.event.{event}", lang) if event in EVENTS else event


AUDIT_PAGE_SIZE = 50


def select(events: list[dict], *, since: dt.date | None = None, until: dt.date | None = None,
           event: str | None = None, user: str | None = None) -> list[dict]:
    """The events within the filters (dates are WITA days, both ends included), newest
    first."""
    from ikm_data.formatting import WITA

    def day(item: dict) -> dt.date:
        return dt.datetime.fromisoformat(item["at"]).astimezone(WITA).date()

    kept = [e for e in events
            if (since is None or day(e) >= since) and (until is None or day(e) <= until)
            and (not event or e.get("event") == event) and (not user or e.get("user") == user)]
    return kept[::-1]


def page_of(events: list[dict], page: int, size: int = AUDIT_PAGE_SIZE) -> list[dict]:
    """Page ``page`` (from 1) of ``events``."""
    start = max(0, int(page) - 1) * size
    return events[start:start + size]


def frame(events: list[dict], lang: str):
    """``events`` as the audit page's table: time (WITA), user, event, details, OS user."""
    import pandas as pd

    from ikm_data.formatting import fmt_datetime
    from ikm_data.i18n import t

    rows = [{t("audit.col.at", lang): fmt_datetime(e["at"], lang), t("audit.col.user", lang): e.get("user", "-"),
             t("audit.col.event", lang): event_label(e.get("event", ""), lang),
             t("audit.col.detail", lang): describe({k: v for k, v in e.items() if k != "os_user"}, lang),
             t("audit.col.os_user", lang): e.get("os_user", "")} for e in events]
    columns = [t(f"audit.col.{c}", lang) for c in ("at", "user", "event", "detail", "os_user")]
    return pd.DataFrame(rows, columns=columns)
