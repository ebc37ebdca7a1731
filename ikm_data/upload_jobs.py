"""The Unggah Data page's reading, checking and committing, as jobs for ``worker.run``: each
takes the uploaded file's bytes first, does the importer's work in the worker process and
returns only what the page shows (the mapping, the issues, the first rows, the effect),
never the file's grid or its validated table.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ikm_data import importer, privacy, readers
from ikm_data.errors import ValidationFailed
from ikm_data.importer import Outcome, Prepared
from ikm_data.mapping import MappingMemory
from ikm_data.store import Store
from ikm_data.upload_tables import PREVIEW_ROWS
from ikm_data.validate import Report


def read(content: bytes, name: str, sheet: str | None, manual: dict[str, str] | None, root: str) -> Prepared:
    """``importer.prepare`` of the upload (a mapping remembered in the store at ``root``
    applies), returned without its grid or content (see ``light_prepared``)."""
    prepared = importer.prepare(content, name, sheet=sheet, manual=manual, memory=MappingMemory(root))
    return light_prepared(prepared)


def check(content: bytes, prepared: Prepared, root: str, phase: int | None, mode: str, lang: str) -> Outcome:
    """Validate the upload ``prepared`` describes against the store at ``root`` (nothing is
    stored); the outcome comes back light (see ``light_outcome``)."""
    outcome = importer.check(_whole(content, prepared), store=Store(root), phase=phase, mode=mode, lang=lang)
    return light_outcome(outcome)


def commit(content: bytes, prepared: Prepared, root: str, phase: int | None, mode: str, user: str,
           lang: str, as_of, programme: str | None, expected: dict | None = None) -> Outcome:
    """Validate again and commit (``importer.commit``; ``expected``: the versions the official
    saw the effect on, ``Outcome.seen``); the outcome comes back light. Raises what
    ``importer.commit`` raises (a refusal's report made light too)."""
    try:
        outcome = importer.commit(_whole(content, prepared), store=Store(root), phase=phase, mode=mode, user=user,
                                  lang=lang, as_of=as_of, programme=programme, expected=expected)
    except ValidationFailed as err:
        if isinstance(getattr(err, "report", None), Report):
            err.report = light_report(err.report)
        raise
    return light_outcome(outcome)


def _whole(content: bytes, prepared: Prepared) -> Prepared:
    """``prepared`` (light, as the page holds it) with its sheet read again from ``content``:
    the header and the mapping stay the ones the official saw."""
    raw = readers.read_file(content, prepared.file_name, prepared.raw.sheet)
    return replace(prepared, content=content, raw=replace(prepared.raw, grid=raw.grid, numeric=raw.numeric))


def light_prepared(prepared: Prepared) -> Prepared:
    """``prepared`` without the file's bytes and grid (what the page needs: the sheet, the
    header, the mapping, the checksum)."""
    return replace(prepared, content=b"", raw=replace(prepared.raw, grid=pd.DataFrame(), numeric={}))


def light_report(report: Report) -> Report:
    """``report`` with only the first ``PREVIEW_ROWS`` normalised rows (the preview), their
    owner, NIK and phone masked (``privacy``: the server's session never holds them whole),
    and without the table and re-keying a commit needs; every issue and count stays (their
    personal values are masked already, see ``validate``)."""
    frame = None if report.frame is None else privacy.mask_frame(report.frame.head(PREVIEW_ROWS))
    return replace(report, frame=frame, _table=None, rekey={})


def light_outcome(outcome: Outcome) -> Outcome:
    return replace(outcome, prepared=light_prepared(outcome.prepared), report=light_report(outcome.report))
