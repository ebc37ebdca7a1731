"""The command line's access commands: ``users`` (add, list, set-role, disable, enable,
passwd) and ``audit`` (the log, as text in WITA or ``--json``). Each account change is
written to the audit log with the operating-system user who made it."""

from __future__ import annotations

import datetime as dt
import json
import sys

from ikm_data import audit
from ikm_data.accounts import Accounts
from ikm_data.errors import AccessError, UsageError
from ikm_data.i18n import t
from ikm_data.settings import data_dir


def _root(args):
    return data_dir(args.data_dir)


def _log(args, event: str, **fields) -> None:
    """An account change in the audit log: the operating-system user is who did it."""
    who = audit.os_user()
    audit.record(_root(args), event, who, os_user=who, via="cli", **fields)


def read_password(stream=None) -> str:
    """The password: one line of standard input (its line end removed); AccessError when
    there is none."""
    line = (stream or sys.stdin).readline()
    password = line.rstrip("\r\n")
    if not password:
        raise AccessError.from_key("access.password.none")
    return password


def cmd_users_add(args) -> int:
    password = None if args.no_password else read_password()
    account = Accounts(_root(args)).add(args.name, args.role, password)
    _log(args, "user_added", account=account.name, role=account.role)
    print(t("users.added", args.lang, name=account.name, role=account.role))
    return 0


def cmd_users_list(args) -> int:
    accounts = Accounts(_root(args)).list()
    if args.json:
        json.dump([a.to_json() for a in accounts], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not accounts:
        print(t("users.none", args.lang))
    for a in accounts:
        print(t("users.line", args.lang, name=a.name, role=a.role,
                disabled=t("users.line.disabled", args.lang) if a.disabled else "",
                password="" if a.has_password else t("users.line.oidc", args.lang)))
    return 0


def cmd_users_set_role(args) -> int:
    account = Accounts(_root(args)).set_role(args.name, args.role)
    _log(args, "role_changed", account=account.name, role=account.role)
    print(t("users.role_set", args.lang, name=account.name, role=account.role))
    return 0


def cmd_users_disable(args) -> int:
    from ikm_data.signin import Sessions

    accounts = Accounts(_root(args))
    account = accounts.set_disabled(args.name, True)
    ended = Sessions(_root(args), accounts).end_all(account.name)
    _log(args, "user_disabled", account=account.name)
    print(t("users.disabled", args.lang, name=account.name, n=ended))
    return 0


def cmd_users_enable(args) -> int:
    account = Accounts(_root(args)).set_disabled(args.name, False)
    _log(args, "user_enabled", account=account.name)
    print(t("users.enabled", args.lang, name=account.name))
    return 0


def cmd_users_passwd(args) -> int:
    from ikm_data.signin import Sessions

    accounts = Accounts(_root(args))
    account = accounts.set_password(args.name, read_password())
    ended = Sessions(_root(args), accounts).end_all(account.name)
    _log(args, "password_changed", account=account.name)
    print(t("users.password_set", args.lang, name=account.name, n=ended))
    return 0


def parse_since(value: str | None) -> dt.date | None:
    """``--since`` as a date (YYYY-MM-DD); UsageError (exit 2) for anything else."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError.from_key("audit.since.bad", value=value) from None


def cmd_audit(args) -> int:
    """The audit log, oldest first: JSON (a list of event objects) or one line per event
    in WITA."""
    from ikm_data.formatting import fmt_datetime

    events = audit.read(_root(args), since=parse_since(args.since))
    if args.json:
        json.dump(events, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not events:
        print(t("audit.cli.empty", args.lang))
    for item in events:
        print(t("audit.cli.line", args.lang, at=fmt_datetime(item["at"], args.lang), user=item.get("user", "-"),
                event=audit.event_label(item["event"], args.lang), detail=audit.describe(item, args.lang)))
    return 0


def add_commands(sub, command) -> None:
    """Register ``users ...`` and ``audit`` on the parser's subcommands (``command`` is
    cli's ``_command`` helper: a subcommand with the global options)."""
    from ikm_data.access import ROLES

    users = sub.add_parser("users", help="manage the accounts that sign in (the password is read from stdin)")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    p = command(users_sub, "add", cmd_users_add, json=False, help="add an account; the password: one line of stdin")
    p.add_argument("name")
    p.add_argument("--role", choices=ROLES, required=True)
    p.add_argument("--no-password", action="store_true",
                   help="an account that signs in only with the office account (IKM_SIGN_IN=oidc)")
    command(users_sub, "list", cmd_users_list, help="the accounts (never their passwords)")
    p = command(users_sub, "set-role", cmd_users_set_role, json=False, help="change an account's role")
    p.add_argument("name")
    p.add_argument("role", choices=ROLES)
    for name, func, help in (("disable", cmd_users_disable, "stop an account from signing in (ends its sessions)"),
                             ("enable", cmd_users_enable, "let a disabled account sign in again"),
                             ("passwd", cmd_users_passwd, "set an account's password (one line of stdin)")):
        p = command(users_sub, name, func, json=False, help=help)
        p.add_argument("name")

    p = command(sub, "audit", cmd_audit, help="the audit log (times in WITA; --json: a list of events)")
    p.add_argument("--since", help="only events from this date on (YYYY-MM-DD, WITA)")
