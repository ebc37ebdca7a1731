"""``python -m ikm_data [--data-dir DIR] COMMAND``: the same library as the dashboard,
scriptable. Each command is a function ``cmd_<name>(args) -> exit code`` registered in
``build_parser``; output is text for people or ``--json`` for scripts."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ikm_data import queries
from ikm_data.errors import IkmError, ValidationFailed
from ikm_data.formatting import fmt_int, fmt_num
from ikm_data.queries import Dataset
from ikm_data.store import Store


def _print_json(payload) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def cmd_summary(args) -> int:
    """Totals per phase and per product, each phase from its one source."""
    ds = Dataset.open(Store.open(args.data_dir))
    result = queries.summary(ds, args.phase, lang=args.lang)
    if args.json:
        _print_json(result)
        return 0
    for p in result["phases"]:
        _print_phase_summary(p, result, args.lang)
    return 0


def _print_phase_summary(p: dict, result: dict, lang: str) -> None:
    """One phase of ``summary``: its totals, its products, its published worker groups."""
    from ikm_data.i18n import t

    tag = t(f"cli.summary.tag.{p['source_kind']}", lang) if p["source_kind"] in ("sample", "published") else ""
    about = {m: t("cli.summary.about", lang) if p[f"approx_{m}"] else "" for m in ("enterprises", "workers")}
    print(t("cli.summary.phase", lang, phase=p["phase"], about_enterprises=about["enterprises"],
            enterprises=fmt_int(p["enterprises"]), about_workers=about["workers"],
            workers=fmt_int(p["workers"]), tag=tag, source=p["source"]))
    for row in (r for r in result["by_product"] if r["phase"] == p["phase"]):
        print(t("cli.summary.product", lang, product=row["product"], enterprises=fmt_int(row["enterprises"]),
                workers=fmt_int(row["workers"])))
    groups = [g for g in result["by_worker_group"] if g["phase"] == p["phase"]]
    if any("/" in g["group"] for g in groups):
        print(t("cli.summary.groups", lang))
        for g in groups:
            print(t("cli.summary.group", lang, group=g["group"], workers=fmt_int(g["workers"])))


def cmd_indicators(args) -> int:
    """The programme's themes for one phase (default: the newest with participant rows):
    certifications, the tourism market and its partners, mentoring by raw material; every
    count of distinct enterprises, with how many enterprises have the data."""
    from ikm_data import themes

    ds = Dataset.open(Store.open(args.data_dir))
    phase = args.phase if args.phase is not None else max(ds.data_phases() or _published_phases(ds) or [0])
    result = themes.indicators(ds, phase, lang=args.lang)
    if args.json:
        _print_json(result)
    else:
        _print_indicators(result, args.lang)
    return 0


def _published_phases(ds) -> list[int]:
    return sorted({p.phase for p in ds.ref.published})


def _print_indicators(r: dict, lang: str) -> None:
    """``indicators`` for people: each count beside the enterprises it is of."""
    from ikm_data import schema
    from ikm_data.i18n import t

    tag = t("cli.summary.tag.sample", lang) if r["sample"] else ""
    print(t("cli.indicators.phase", lang, phase=r["phase"], enterprises=fmt_int(r["enterprises"]), tag=tag))
    if not r["rows"]:
        print(t("cli.indicators.no_rows", lang))
        return
    c, tour, ment = r["certifications"], r["tourism"], r["mentoring"]
    flags = [(t(f"themes.cert.{k}", lang), c[k], c["known_each"][k]) for k in schema.CERTIFICATIONS]
    flags += [(t("themes.cert.certified", lang), c["any"], c["known"]),
              (t("themes.cert.none", lang), c["none"], c["known"]),
              (t("pariwisata.metric.suppliers", lang), tour["enterprises"], tour["known"]),
              (t("pendampingan.metric.mentored", lang), ment["enterprises"], ment["known"])]
    for label, held, known in flags:
        key = "cli.indicators.flag" if known else "cli.indicators.flag_unknown"
        print(t(key, lang, label=label, held=fmt_int(held), known=fmt_int(known)))
    for heading, items, name in ((t("pariwisata.partners", lang), tour["partners"], "partner"),
                                 (t("pendampingan.by_material", lang), ment["by_raw_material"], "raw_material")):
        if items:
            print(f"  {heading}:")
        for item in items:
            print(t("cli.indicators.item", lang, label=item[name], n=fmt_int(item["enterprises"])))
    print(t("cli.indicators.repeat", lang, n=fmt_int(r["repeat"]["enterprises"]),
            phases=", ".join(str(p) for p in r["repeat"]["phases"]) or "–"))


def cmd_serve(args) -> int:
    """Start the dashboard on this store (see ``ui.serve``)."""
    from ikm_data import ui  # streamlit is needed only here

    if args.data_dir:
        os.environ["IKM_DATA_DIR"] = str(args.data_dir)
    return ui.serve(args.options)


def cmd_deck(args) -> int:
    """The forum deck of one phase as PowerPoint or PDF (``deck --phase 3 --format pptx
    --out FILE``); 2 when the phase has nothing to present or the file cannot be written."""
    import time

    from ikm_data import deck
    from ikm_data.i18n import t
    from ikm_data.queries import Filters

    out = _out_path(args)
    store = Store.open(args.data_dir)
    ds = Dataset.open(store)
    tty = sys.stderr.isatty()

    def progress(fraction: float, text: str) -> None:
        if tty:
            print(f"\r{round(fraction * 100):3d}% {text:<50}", end="", file=sys.stderr, flush=True)

    started = time.perf_counter()
    try:
        data = deck.build(ds, Filters(phase=args.phase), args.format, args.lang, progress=progress)
    finally:
        if tty:  # end the progress line, also before an error's message
            print(file=sys.stderr)
    _write_out(out, data)
    _audit(args, store.root, "export", phase=args.phase, format=args.format, what="deck", file=out.name)
    print(t("cli.deck.written", args.lang, path=str(out), format=args.format, kb=fmt_int(len(data) / 1024),
            seconds=f"{time.perf_counter() - started:.1f}"))
    return 0


def _out_path(args):
    """``--out`` as a path; UsageError (exit 2) when its folder does not exist."""
    from pathlib import Path

    from ikm_data.errors import UsageError

    out = Path(args.out)
    if not out.parent.exists():
        raise UsageError.from_key("cli.file_missing", path=str(out.parent))
    return out


def _write_out(out, data: bytes) -> None:
    """Write ``--out`` whole or not at all (an interrupted write leaves the old file, and
    no half file under the final name)."""
    from ikm_data.files import atomic_write

    atomic_write(out, data)


# -- data: validate, import, history, rollback, export, remove-sample, bench --------------
def _read_input(path: str) -> bytes:
    from ikm_data.errors import IngestError

    try:
        with open(path, "rb") as fh:
            return fh.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise IngestError.from_key("cli.file_missing", path=path) from None


def _existing_store(args) -> Store | None:
    """The store when it already exists (validate stores nothing, so creates nothing)."""
    from ikm_data.settings import data_dir
    from ikm_data.store import STATE_FILE

    root = data_dir(args.data_dir)
    return Store(root) if (root / STATE_FILE).exists() else None


def _default_user() -> str:
    from ikm_data.audit import os_user

    return os_user()


def _audit(args, root, event: str, metas=(), **fields) -> None:
    """``event`` in the audit log of the store at ``root``, by ``--user`` (else the login
    name) and the operating-system user; one event per history entry of ``metas``."""
    from ikm_data import audit

    user, who = getattr(args, "user", None) or _default_user(), audit.os_user()
    if metas:
        audit.record_versions(root, event, user, metas, os_user=who, via="cli", **fields)
    else:
        audit.record(root, event, user, os_user=who, via="cli", **fields)


def _print_issues(outcome, lang: str) -> None:
    from ikm_data.i18n import t

    prepared, rep = outcome.prepared, outcome.report
    raw = prepared.raw
    where = f", {raw.sheet}" if raw.sheet else ""
    print(f"{prepared.file_name} ({raw.kind}{where}) — "
          f"{t('unggah.col.row', lang)} {', '.join(str(r) for r in rep.header_rows)}: "
          + ", ".join(f"{v} = {k}" for k, v in rep.columns.items()))
    auto = prepared.auto_sheet
    if auto:
        print(t("reading.sheet.auto", lang, sheet=auto["sheet"], found=auto["required"],
                total=auto["required_total"]), t("reading.sheet.cli_hint", lang))
    _print_report(rep, lang)


def _print_report(rep, lang: str) -> None:
    """Each error and warning of a report on its own line: row, column, message."""
    from ikm_data.i18n import t

    for kind, items in (("error", rep.errors), ("warning", rep.warnings)):
        for issue in items:
            where = []
            if issue.row is not None:
                where.append(f"{t('unggah.col.row', lang)} {issue.row}")
            if issue.column:
                where.append(f"{t('unggah.col.column', lang)} “{issue.column}”")
            label = t(f"unggah.severity.{kind}", lang).upper()
            print(f"{label}: {', '.join(where) or '-'}: {issue.message(lang)}")


def _outcome_summary(outcome, lang: str) -> str:
    from ikm_data.i18n import t

    rep = outcome.report
    if rep.valid:
        return t("cli.valid", lang, rows=fmt_int(rep.rows), enterprises=fmt_int(rep.enterprises),
                 workers=fmt_int(rep.workers))
    return t("cli.invalid", lang, errors=fmt_int(rep.errors_total), warnings=fmt_int(rep.warnings_total))


def cmd_validate(args) -> int:
    """Check a file against the rules of an upload; stores nothing. 0 valid, 1 invalid,
    2 unreadable."""
    from ikm_data import importer

    content = _read_input(args.file)
    store = _existing_store(args)
    prepared = importer.prepare(content, _base_name(args.file), sheet=args.sheet,
                                memory=importer.mapping_memory(store))
    outcome = importer.check(prepared, store=store, phase=args.phase, mode=args.mode, lang=args.lang)
    if args.json:
        _print_json(outcome.to_json(args.lang))
    else:
        _print_issues(outcome, args.lang)
        print(_outcome_summary(outcome, args.lang))
    return 0 if outcome.report.valid else 1


def _base_name(path: str) -> str:
    import os

    return os.path.basename(path)


def cmd_import(args) -> int:
    """Validate a file and commit it as a new version (all or nothing). 0 committed or
    no-op, 1 rejected, 2 unreadable or no phase given."""
    from ikm_data import importer
    from ikm_data.i18n import t

    from ikm_data.store import clean_as_of, clean_programme

    as_of, programme = clean_as_of(args.as_of), clean_programme(args.programme)  # bad usage: exit 2
    content = _read_input(args.file)
    store = Store.open(args.data_dir)
    try:
        prepared = importer.prepare(content, _base_name(args.file), sheet=args.sheet,
                                    memory=importer.mapping_memory(store))
        outcome = _commit(args, store, prepared, as_of, programme)
    except ValidationFailed as err:  # another upload changed the phase meanwhile: name the rows
        if args.json:
            _print_json({"file": _base_name(args.file), "valid": False, "refused": err.text(args.lang),
                         **err.report.issues(args.lang)})
        else:
            _print_report(err.report, args.lang)
        raise
    committed = [r.meta for r in outcome.committed if not r.noop]
    if committed:
        _audit(args, store.root, "commit", committed)
    else:  # refused, or the same rows again: checked, nothing written
        _audit(args, store.root, "validate", file=prepared.file_name, sha256=prepared.sha256, phase=args.phase,
               mode=args.mode, rows=outcome.report.rows, what="refused" if not outcome.report.valid else "unchanged")
    if args.json:
        _print_json(outcome.to_json(args.lang))
    else:
        _print_issues(outcome, args.lang)
        print(_outcome_summary(outcome, args.lang))
        for result in outcome.committed:
            key = "cli.noop" if result.noop else "cli.committed"
            print(t(key, args.lang, version=result.meta.version, phase=result.meta.phase,
                    mode=result.meta.mode if result.noop else args.mode))
    return 0 if outcome.report.valid else 1


def _commit(args, store, prepared, as_of, programme):
    """``importer.commit`` registered in the store's job registry as the page's commit is
    (``jobs.Jobs.held``): refused with ``JobBusy`` while another commit to one of its phases
    runs, through a page or another command, in any process. Without ``--phase`` the file's
    ``Tahap`` column names the phases: it is checked first, and the commit then refuses to
    replace a phase that changed since (``expected``)."""
    from ikm_data import importer
    from ikm_data.errors import UsageError
    from ikm_data.jobs import Jobs

    user, expected = args.user or _default_user(), None
    if args.phase is not None:
        phases = [args.phase]
    elif not prepared.has_phase_column:
        raise UsageError.from_key("cli.phase_required")
    else:
        first = importer.check(prepared, store=store, mode=args.mode, lang=args.lang)
        if not first.report.valid:
            return first
        phases, expected = first.report.phases, first.seen
    with Jobs(store.root).held("import", who=user, phases=phases, file=prepared.file_name,
                               sha256=prepared.sha256) as result:
        outcome = importer.commit(prepared, store=store, phase=args.phase, mode=args.mode, user=user,
                                  lang=args.lang, as_of=as_of, programme=programme, expected=expected)
        result.update(versions=[r.meta.version for r in outcome.committed if not r.noop], noop=outcome.noop,
                      refused=not outcome.report.valid)
    return outcome


_HISTORY_KEYS = ("version", "phase", "mode", "user", "file", "sha256", "rows", "enterprises",
                 "workers", "at", "sample", "rollback_of", "note", "as_of", "programme")


def cmd_history(args) -> int:
    """Every version, newest first."""
    from ikm_data.i18n import t

    history = Store.open(args.data_dir).history()
    if args.json:
        _print_json([{k: m.to_dict()[k] for k in _HISTORY_KEYS} for m in history])
        return 0
    if not history:
        print(t("cli.history_empty", args.lang))
    for m in history:
        print(_history_line(m, args.lang))
    return 0


def _history_line(m, lang: str) -> str:
    from ikm_data.formatting import fmt_date, fmt_datetime
    from ikm_data.i18n import t

    as_of = t("versions.cli.as_of", lang, date=fmt_date(m.as_of, lang)) if m.as_of else ""
    return t("cli.history.line", lang, version=m.version, at=fmt_datetime(m.at, lang), phase=m.phase,
             mode=m.mode, rollback_of=f" -> {m.rollback_of}" if m.rollback_of else "", user=m.user,
             file=m.file, rows=fmt_int(m.rows), enterprises=fmt_int(m.enterprises),
             workers=fmt_int(m.workers), sha256=m.sha256[:12], programme=m.programme, as_of=as_of)


def cmd_rollback(args) -> int:
    """Put a version's phase back as it was right after it (a new history entry);
    1 for an unknown version."""
    from ikm_data.i18n import t

    store = Store.open(args.data_dir)
    meta = store.rollback(args.version, user=args.user or _default_user())
    _audit(args, store.root, "rollback", [meta])
    if args.json:
        _print_json({k: meta.to_dict()[k] for k in _HISTORY_KEYS})
    else:
        print(t("cli.rolled_back", args.lang, phase=meta.phase, target=meta.rollback_of, version=meta.version))
    return 0


def cmd_export(args) -> int:
    """A phase's participant rows as CSV or XLSX under the template's headers, personal
    data left out and spreadsheet formulas defused."""
    from ikm_data import export, template
    from ikm_data.i18n import t

    if args.format == "datapackage":
        return _export_datapackage(args)
    out = _out_path(args)
    store = Store.open(args.data_dir)
    table = store.phase_table(args.phase)
    frame = template.export_frame(table)
    data = (export.to_csv_bytes(frame) if args.format == "csv"
            else export.to_xlsx_bytes(frame, t("phase.label", "id", n=args.phase)))  # the file stays Indonesian
    _write_out(out, data)
    _audit(args, store.root, "export", phase=args.phase, format=args.format, what="rows", rows=len(frame),
           file=out.name)
    if not len(frame):
        print(t("cli.no_phase_data", args.lang, phase=args.phase), file=sys.stderr)
    print(t("cli.exported", args.lang, rows=fmt_int(len(frame)), phase=args.phase, path=str(out)))
    return 0


def _export_datapackage(args) -> int:
    """``export --format datapackage --out DIR``: the phase's open-data package (Frictionless
    Data Package: datapackage.json and CSV files) written into DIR; 1 when the phase has
    neither rows nor published figures."""
    from ikm_data import datapackage
    from ikm_data.i18n import t

    out = _out_path(args)
    store = Store.open(args.data_dir)
    files = datapackage.build(store, args.phase)
    about = json.loads(files["datapackage.json"])["ikm"]
    if not about["participants"] and not any(f.phase == args.phase for f in Dataset.open(store).ref.published):
        print(t("cli.no_phase_data", args.lang, phase=args.phase), file=sys.stderr)
        return 1
    datapackage.write(files, out)
    key = "share.cli.written" if about["participants"] else "share.cli.written_published_only"
    print(t(key, args.lang, phase=args.phase, path=str(out), files=len(files), rows=fmt_int(about["rows"])))
    return 0


def cmd_remove_sample(args) -> int:
    """Empty every phase that shows the synthetic sample (one action, kept in the history)."""
    from ikm_data.i18n import t

    store = Store.open(args.data_dir)
    removed = store.remove_sample(user=args.user or _default_user())
    _audit(args, store.root, "remove_sample", removed)
    if args.json:
        _print_json([{k: m.to_dict()[k] for k in _HISTORY_KEYS} for m in removed])
    elif removed:
        print(t("cli.sample_removed", args.lang, versions=", ".join(m.version for m in removed)))
    else:
        print(t("cli.no_sample", args.lang))
    return 0


def cmd_remove_phase(args) -> int:
    """Empty a phase (a new history entry, so ``rollback`` brings it back); 1 when the
    phase shows no rows, saying why (e.g. it has only published figures)."""
    from ikm_data.i18n import t
    from ikm_data.reference import load_reference

    store = Store.open(args.data_dir)
    meta = store.remove_phase(args.phase, user=args.user or _default_user())
    if meta is not None:
        _audit(args, store.root, "remove_phase", [meta])
    if meta is None:
        key = ("versions.remove.published_only" if load_reference().published_for(args.phase)
               else "versions.remove.nothing")
        print(t(key, args.lang, phase=args.phase), file=sys.stderr)
        return 1
    if args.json:
        _print_json({k: meta.to_dict()[k] for k in _HISTORY_KEYS})
    else:
        print(t("versions.remove.done", args.lang, phase=meta.phase, version=meta.version))
    return 0


def _check_json(report, actions, lang: str, repaired: bool) -> dict:
    return {
        "ok": report.ok, "repaired": repaired,
        "problems": [{"key": p.key, "version": p.version, "phase": p.phase, "current": p.current,
                      "blocking": p.blocking, "message": p.text(lang)} for p in report.problems],
        "last_good": {str(k): v for k, v in sorted(report.last_good.items())},
        "actions": [a.text(lang) for a in actions],
    }


def _print_check(report, lang: str) -> None:
    from ikm_data.i18n import t

    data = [v for v in report.state.phases.values() if v]
    if report.ok:
        print(t("damage.check.ok", lang, versions=fmt_int(len(report.state.history)), phases=fmt_int(len(data))))
    else:
        print(t("damage.check.found", lang, count=fmt_int(len(report.blocking()))))
        for p in report.blocking():
            print(f"  - {p.text(lang)}")
    if report.notes():
        print(t("damage.check.notes", lang))
        for p in report.notes():
            print(f"  - {p.text(lang)}")
    if report.last_good:
        print(report.last_good_text(lang))


def cmd_backup(args) -> int:
    """Archive the data directory to ``--out`` under the store's locks (``backup.backup``)."""
    from ikm_data import backup
    from ikm_data.i18n import t
    from ikm_data.settings import data_dir

    done = backup.backup(Store(data_dir(args.data_dir)), args.out)
    if args.json:
        _print_json({"out": args.out, "files": done.files, "bytes": done.size, "versions": done.versions})
    else:
        print(t("privacy.backup.done", args.lang, out=args.out, files=done.files, versions=done.versions,
                size=fmt_num(done.size / (1 << 20))))
    return 0


def cmd_restore(args) -> int:
    """Unpack a backup into an empty ``--data-dir`` (``backup.restore``), then check it as
    ``check-store`` does: 0 restored and healthy, 1 restored but damaged."""
    from ikm_data import backup
    from ikm_data.i18n import t
    from ikm_data.settings import data_dir

    target = data_dir(args.data_dir)
    done = backup.restore(args.archive, target)
    report = Store(target).check()
    if args.json:
        _print_json({"data_dir": str(target), "files": done.files, "versions": done.versions, "ok": report.ok})
    else:
        print(t("privacy.restore.done", args.lang, target=str(target), files=done.files, versions=done.versions))
        print(report.text(args.lang) if not report.ok else t("privacy.restore.healthy", args.lang))
    return 0 if report.ok else 1


def cmd_check_store(args) -> int:
    """Every problem of the store (state.json, each version's folder, Parquet file and
    meta.json), the last good version per phase, and what ``--repair`` would do or did.
    Exit 0: healthy, or repaired; 1: damaged and not repaired (or still damaged after the
    repair). Notes about older versions (their data lost) do not make it fail."""
    from ikm_data import store_check
    from ikm_data.i18n import t
    from ikm_data.settings import data_dir

    store = Store(data_dir(args.data_dir))  # never creates a store
    report = store.check()
    actions, repaired = store_check.plan(report), False
    if args.repair and (actions or report.notes()):
        actions, report = store.repair(user=args.user or _default_user())
        repaired = True
        _audit(args, store.root, "repair")
    if args.json:
        _print_json(_check_json(report, actions, args.lang, repaired))
        return 0 if report.ok else 1
    if repaired:
        _print_actions(t("damage.check.did", args.lang), actions, args.lang)
    _print_check(report, args.lang)
    if not repaired:
        _print_actions(t("damage.check.would", args.lang), actions, args.lang)
    return 0 if report.ok else 1


def _print_actions(heading: str, actions, lang: str) -> None:
    if actions:
        print(heading)
        for action in actions:
            print(f"  - {action.text(lang)}")


def cmd_bench(args) -> int:
    """The performance benchmark (issue 13): the bench store of ``--rows`` rows, its queries
    beside pandas baselines, every page, the imports, the load test, peak memory, judged
    against the targets; ``--profile PAGE`` a page's warm view under cProfile instead. 2 for
    a bad ``--imports``, ``--sessions`` or ``--processes``."""
    from ikm_data import bench, bench_report
    from ikm_data.ui import bench_run  # streamlit (AppTest, the load driver) is needed only here

    if args.profile:
        out = bench_run.profile(args.profile, data_dir=args.data_dir, rows=args.rows, repeat=args.repeat,
                                top=args.top)
        _print_json(out) if args.json else print(bench_run.format_profile(out))
        return 0
    try:
        imports = tuple(bench.parse_imports(args.imports))
        sessions = bench.parse_counts(args.sessions)
        processes = bench.parse_counts(args.processes)
    except ValueError as exc:
        print(f"bench: bad --imports, --sessions or --processes: {exc}", file=sys.stderr)
        return 2
    if processes and args.load_url:
        print("bench: --processes starts its own servers behind nginx; it cannot go with --load-url", file=sys.stderr)
        return 2
    plan = bench_run.Plan(rows=args.rows or 100_000, repeat=args.repeat, imports=imports, sessions=sessions,
                          load_seconds=args.load_seconds, load_urls=tuple(args.load_url or ()), processes=processes,
                          pages=not args.no_pages, workdir=args.workdir, baseline=not args.no_baseline)
    result = bench_run.run(plan)
    _print_json(result) if args.json else print(bench_report.format_table(result))
    return 0


# -- options: each written once, added to every command that has it ----------------------
def _global_options(p, *, top: bool = False) -> None:
    """``--data-dir`` and ``--lang``, accepted before the command (``top``) or after it; a
    value given after the command wins."""
    from ikm_data.i18n import DEFAULT_LANG, LANGS

    keep = None if top else argparse.SUPPRESS  # after the command: only when given
    p.add_argument("--data-dir", default=keep, help="store folder (default: IKM_DATA_DIR, else data/store)")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG if top else keep,
                   help="language of the messages (default: id)")


def _phase_option(p, *, required: bool = False, help: str | None = None) -> None:
    p.add_argument("--phase", type=int, required=required, help=help or "phase number")


def _format_option(p, formats: tuple[str, ...]) -> None:
    p.add_argument("--format", choices=formats, required=True)


def _out_option(p) -> None:
    p.add_argument("--out", required=True, help="file to write (written whole or not at all)")


def _json_option(p) -> None:
    p.add_argument("--json", action="store_true", help="print JSON for scripts")


def _user_option(p, help: str | None = None) -> None:
    p.add_argument("--user", help=help or "name recorded in the history (default: the login name)")


def _command(sub, name: str, func, *, json: bool = True, **kwargs):
    """A subcommand running ``func``, with the global options (and ``--json``)."""
    p = sub.add_parser(name, **kwargs)
    _global_options(p)
    if json:
        _json_option(p)
    p.set_defaults(func=func)
    return p


def _add_file_commands(sub) -> None:
    from ikm_data.store import DEFAULT_PROGRAMME, MODES

    for name, func, commit, help in (
            ("validate", cmd_validate, False, "check a file; stores nothing"),
            ("import", cmd_import, True, "validate a file and commit it as a new version")):
        p = _command(sub, name, func, help=help)
        p.add_argument("file", help="the .xlsx, .csv or .parquet file")
        _phase_option(p, help="phase number (optional when the file has a Tahap column)")
        p.add_argument("--mode", choices=MODES, default="replace")
        p.add_argument("--sheet", help="the xlsx sheet to read (default: the one whose header "
                       "matches the known columns best)")
        if commit:
            _user_option(p)
            p.add_argument("--as-of", help="the date the data is as of, YYYY-MM-DD (e.g. 2020-07-13)")
            p.add_argument("--programme", default=DEFAULT_PROGRAMME,
                           help=f"the programme the data belongs to (default: {DEFAULT_PROGRAMME})")


def _add_data_commands(sub) -> None:
    from ikm_data.export import TABLE_FORMATS

    _add_file_commands(sub)
    _command(sub, "history", cmd_history, help="versions, newest first")

    p = _command(sub, "rollback", cmd_rollback, help="put a version's phase back as it was after it")
    p.add_argument("version", help="e.g. v3 or 3")
    _user_option(p)

    p = _command(sub, "export", cmd_export, json=False,
                 help="a phase's rows as CSV or XLSX, or its open-data package (datapackage: a folder), "
                 "personal data left out")
    _phase_option(p, required=True)
    _format_option(p, (*TABLE_FORMATS, "datapackage"))
    _out_option(p)

    p = _command(sub, "remove-sample", cmd_remove_sample,
                 help="remove the synthetic sample data (kept in the history)")
    _user_option(p)

    p = _command(sub, "remove-phase", cmd_remove_phase,
                 help="empty a phase (kept in the history; rollback restores it)")
    p.add_argument("phase", type=int)
    _user_option(p)

    p = _command(
        sub, "check-store", cmd_check_store,
        help="find what is damaged in the store; --repair fixes it without deleting anything",
        description="Lists every problem of the store (state.json, each version's folder, Parquet file and "
        "meta.json), the last good version of each phase, and what --repair would do (or did): rebuild an "
        "unreadable state.json from the versions (the old file kept as state.json.rusak-<time>), write lost "
        "meta.json files again, and put each damaged phase back to its last good version as a new history "
        "entry. Nothing is deleted. Exit status: 0 healthy or repaired, 1 damaged (not repaired).")
    p.add_argument("--repair", action="store_true", help="repair the store (takes the store's lock)")
    _user_option(p, "name recorded in the history for a repair (default: the login name)")

    p = _command(sub, "backup", cmd_backup,
                 help="archive the data directory (.tar.gz, 0600) under the store's lock: a consistent copy")
    _out_option(p)
    p = _command(sub, "restore", cmd_restore,
                 help="unpack a backup into an empty --data-dir (or IKM_DATA_DIR), then check it")
    p.add_argument("archive", help="a .tar.gz written by 'backup'")

    _add_bench_command(sub)


def _add_bench_command(sub) -> None:
    p = _command(sub, "bench", cmd_bench, help="the performance benchmark (docs: README, Kinerja / Performance)")
    p.add_argument("--rows", type=int, default=None, help="participant rows in the bench store (default 100000)")
    p.add_argument("--repeat", type=int, default=5, help="timed runs per query and page after a warm-up "
                   "(the median is reported)")
    p.add_argument("--imports", default="csv:100000,xlsx:10000",
                   help="files to import, FORMAT:ROWS,... (the targets: csv:100000,csv:1000000,xlsx:100000; "
                   "'' for none)")
    p.add_argument("--sessions", default="20,50", help="concurrent sessions of each load test ('' for none)")
    p.add_argument("--load-seconds", type=float, default=20, help="how long each load test runs")
    p.add_argument("--load-url", action="append",
                   help="run the load test against this dashboard (e.g. nginx in front of two processes) "
                   "instead of one started on the bench store; repeatable")
    p.add_argument("--processes", default="", metavar="K,...",
                   help="run each load test through nginx (Debian's /usr/sbin/nginx, run from the temporary folder: "
                   "no root needed; its site made from deploy/nginx-dasbor-ikm.conf) in front of K dashboard "
                   "processes sharing the bench store, for "
                   "each K (e.g. 1,2: one and two processes side by side); where nginx is missing the entries "
                   "say so (skipped). Default: one process, directly")
    p.add_argument("--no-pages", action="store_true", help="skip the page renders")
    p.add_argument("--no-baseline", action="store_true",
                   help="skip the pandas baselines (at 10.000.000 rows their frame alone takes several GB)")
    p.add_argument("--workdir", help="folder to hold the run's temporary folder (the bench store, files, server "
                   "logs); created if missing, parents too. The folder itself is kept, the run's folder inside "
                   "it (ikm-bench-*) is removed at the end (default: the system's temporary folder)")
    p.add_argument("--profile", metavar="PAGE",
                   help="profile PAGE's warm view (cProfile, top functions) instead; 'all': CPU per warm view "
                   "of every page. Over --data-dir, else a bench store of --rows, else the sample")
    p.add_argument("--top", type=int, default=25, help="functions listed by --profile")


def build_parser() -> argparse.ArgumentParser:
    from ikm_data.export import DECK_FORMATS

    parser = argparse.ArgumentParser(prog="python -m ikm_data", description="Dasbor IKM NTB: data tools.")
    _global_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True)

    p = _command(sub, "summary", cmd_summary, help="totals per phase and per product")
    _phase_option(p)

    p = _command(sub, "indicators", cmd_indicators,
                 help="certifications, tourism market and mentoring of a phase (distinct enterprises)")
    _phase_option(p, help="phase number (default: the newest with participant rows)")

    p = _command(sub, "deck", cmd_deck, json=False, help="the forum deck of a phase as PowerPoint or PDF")
    _phase_option(p, required=True)
    _format_option(p, DECK_FORMATS)
    _out_option(p)

    from ikm_data import cli_access

    cli_access.add_commands(sub, _command)
    p = sub.add_parser("serve", help="start the dashboard (streamlit run app.py); other options go to streamlit")
    p.set_defaults(func=cmd_serve)  # unknown options (--server.port 8600 ...) go to streamlit
    _add_data_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit code (2 for bad usage or an unreadable file)."""
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra and args.command != "serve":
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.options = extra
    except SystemExit as exc:  # argparse: 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    try:
        return args.func(args)
    except IkmError as err:
        lang = getattr(args, "lang", "id")
        title, message = err.heading(lang), err.text(lang)
        print(f"{title}: {message}" if title and title != message else message, file=sys.stderr)
        return getattr(err, "exit_code", 1)
