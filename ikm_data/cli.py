"""``python -m ikm_data [--data-dir DIR] COMMAND``: the same library as the dashboard,
scriptable. Each command is a function ``cmd_<name>(args) -> exit code`` registered in
``build_parser``; output is text for people or ``--json`` for scripts."""

from __future__ import annotations

import argparse
import json
import sys

from ikm_data import queries
from ikm_data.errors import IkmError
from ikm_data.formatting import fmt_int
from ikm_data.queries import Dataset
from ikm_data.store import Store


def _print_json(payload) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def cmd_summary(args) -> int:
    """Totals per phase and per product, each phase from its one source."""
    ds = Dataset.open(Store.open(args.data_dir))
    result = queries.summary(ds, args.phase)
    if args.json:
        _print_json(result)
        return 0
    for p in result["phases"]:
        tag = {"sample": " [data contoh (sintetis)]", "published": " [angka rilis]"}.get(p["source_kind"], "")
        approx = "± " if p["approximate"] else ""
        print(f"Tahap {p['phase']}: {fmt_int(p['enterprises'])} IKM, {approx}{fmt_int(p['workers'])} "
              f"tenaga kerja{tag} — sumber: {p['source']}")
        for row in (r for r in result["by_product"] if r["phase"] == p["phase"]):
            print(f"  {row['product']:<40} {fmt_int(row['enterprises']):>7} IKM "
                  f"{fmt_int(row['workers']):>7} TK")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ikm_data", description="Dasbor IKM NTB: data tools.")
    parser.add_argument("--data-dir", help="store folder (default: IKM_DATA_DIR, else data/store)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("summary", help="totals per phase and per product")
    p.add_argument("--phase", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_summary)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit code (2 for bad usage or an unreadable file)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    try:
        return args.func(args)
    except IkmError as err:
        print(f"{err.title}: {err.message}" if err.title != err.message else err.message, file=sys.stderr)
        return getattr(err, "exit_code", 1)
