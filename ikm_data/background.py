"""The two kinds of long work a page starts and may then leave (``jobs``): the commit of an
upload the official pressed "Simpan" for, and a deck build. Each runs in a thread of the
server process that belongs to no page; a commit's own work runs in the bounded worker
process (``worker.run``, its time and memory limits), as it did inside the page before.

Where the line is: reading and checking an upload stay the page's (closing the page kills
them: nobody waits for a check of a file the official abandoned); once "Simpan" is pressed,
the commit is the official's decision and goes on without the page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ikm_data import audit, privacy, upload_jobs, worker
from ikm_data.files import write_private
from ikm_data.jobs import Jobs, run_detached

_log = logging.getLogger("ikm_data")


def _bug(job: dict, incident: str, text: str) -> None:
    _log.error("Bug %s in job %s (%s):\n%s", incident, job["id"], job["kind"], privacy.scrub_text(text))


def start_import(root: str | Path, content: bytes, prepared, *, phases, phase: int | None, mode: str,
                 user: str, lang: str, as_of, programme: str | None, expected: dict | None) -> dict:
    """Start committing ``content`` (an upload ``prepared`` describes) to ``phases`` apart from
    the page: the job registered (``JobBusy`` while another commit to one of those phases runs),
    the commit run in a worker within ``IKM_COMMIT_SECONDS``, each new version written to the
    audit log by ``user``. Returns the job; its result names the versions (or ``noop``)."""
    jobs, limits = Jobs(root), worker.Limits.of("commit")
    job, _ = jobs.start("import", who=user, phases=phases, file=prepared.file_name, sha256=prepared.sha256,
                        limit=limits.seconds)

    def work(progress) -> dict:
        outcome = worker.run(upload_jobs.commit, prepared, str(root), phase, mode, user, lang, as_of, programme,
                             expected, data=content, action="commit", limits=limits)
        changed = [r.meta for r in outcome.committed if not r.noop]
        audit.record_versions(Path(root), "commit", user, changed, via="web")
        first = outcome.committed[0].meta if outcome.committed else None
        return {"versions": [m.version for m in changed], "noop": outcome.noop,
                "phase": first.phase if first else phase, "version": first.version if first else None}

    run_detached(jobs, job, work, on_bug=_bug)
    return job


def deck_key(ds, f, fmt: str, lang: str) -> str:
    """What makes two decks the same: the store's state, the filters, language and format."""
    return f"{ds.state.token}|{f.phase}|{','.join(f.regencies)}|{','.join(f.products)}|{lang}|{fmt}"


def start_deck(root: str | Path, ds, f, fmt: str, lang: str, who: str) -> dict:
    """Build the deck of ``f`` (``deck.build``) apart from the page, its progress recorded; the
    same deck asked for again (any session, any process) is the job already there. Its file is
    kept beside the job (``Jobs.artifact``) until the job is forgotten."""
    from ikm_data import deck

    jobs = Jobs(root)
    job, new = jobs.start("deck", who=who, phases=[f.phase] if f.phase is not None else [],
                          file=deck.file_name(f.phase, fmt, lang), key=deck_key(ds, f, fmt, lang))
    if new:
        def work(progress) -> dict:
            data = deck.build(ds, f, fmt, lang, progress=progress)
            write_private(jobs.artifact({**job, "result": {"format": fmt}}), data)
            return {"format": fmt, "size": len(data)}

        run_detached(jobs, job, work, on_bug=_bug)
    return job


def deck_job(root: str | Path, ds, f, fmt: str, lang: str) -> dict | None:
    """The newest job building this deck (running, done, or failed), or None."""
    key = deck_key(ds, f, fmt, lang)
    return next((j for j in Jobs(root).list(kind="deck") if j["key"] == key), None)
