"""The named errors that cross the library's boundary.

Pages and the CLI catch only these and show their message; anything else is a bug.
An error made from a catalogue key (``IngestError.from_key``) can be shown in either
language (``err.text(lang)``); ``message`` holds the Indonesian text.
"""

from __future__ import annotations


class IkmError(Exception):
    """Base of every error meant for an official: a short title and a message."""

    exit_code = 1

    def __init__(self, message: str, title: str = "", *, key: str | None = None,
                 params: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.title = title or message
        self.key = key
        self.params = dict(params or {})

    @classmethod
    def from_key(cls, key: str, **params):
        """The error whose message is the catalogue text ``key`` (title: ``key + ".title"``
        when the catalogue has it, else the class's generic title)."""
        err = cls(_text(key, "id", params), _title(cls, key, "id"), key=key, params=params)
        return err

    def text(self, lang: str = "id") -> str:
        """The message in ``lang`` (the Indonesian ``message`` when made without a key)."""
        return _text(self.key, lang, self.params) if self.key else self.message

    def heading(self, lang: str = "id") -> str:
        """The title in ``lang``."""
        return _title(type(self), self.key, lang) if self.key else self.title


def _text(key: str, lang: str, params: dict) -> str:
    from ikm_data.i18n import t

    return t(key, lang, **params)


def _title(cls, key: str | None, lang: str) -> str:
    from ikm_data.i18n import CATALOGUE, t

    if key and f"{key}.title" in CATALOGUE:
        return t(f"{key}.title", lang)
    generic = f"ingest.title.{cls.__name__}"
    return t(generic, lang) if generic in CATALOGUE else ""


class IngestError(IkmError):
    """A file cannot be read at all (wrong type, empty, corrupt, too large): exit code 2."""

    exit_code = 2


class UsageError(IkmError):
    """A command was called in a way that cannot work (e.g. no phase given): exit code 2."""

    exit_code = 2


class DeckError(UsageError, ValueError):
    """A deck cannot be made: an unknown format, or a phase with nothing to present (exit
    code 2). Also a ValueError, which its callers caught before it had a name."""


class MappingError(UsageError, ValueError):
    """A manual column mapping names a field the dashboard does not know or a header the
    file does not have (exit code 2). Also a ValueError: ``importer.prepare`` falls back to
    the automatic mapping on it."""


class AccessError(IkmError):
    """Sign-in refused, a bad account name, password or role, or an action the role may not do."""

    exit_code = 2


class ValidationFailed(IkmError):
    """A file was read but holds errors; ``report`` carries every one of them."""

    def __init__(self, message: str, report, title: str = "", **kwargs) -> None:
        super().__init__(message, title, **kwargs)
        self.report = report


class StoreError(IkmError):
    """The versioned store refuses an operation (unknown version, bad phase...)."""


class UnknownVersion(StoreError):
    """``rollback`` or a lookup named a version the history does not hold."""


class StoreDamaged(StoreError):
    """The store's files are damaged (``state.json`` unreadable, a version's Parquet file
    missing...). ``report`` (a ``store_check.Report``) lists every problem, the last good
    version per phase and how to recover; the message is made from it in either language."""

    def __init__(self, report) -> None:
        self.report = report
        super().__init__(report.text("id"), report.heading("id"), key=None)

    def text(self, lang: str = "id") -> str:
        return self.report.text(lang)

    def heading(self, lang: str = "id") -> str:
        return self.report.heading(lang)


class WriteFailed(StoreError):
    """A commit could not be written (disk full, read-only, I/O error): nothing changed,
    its temporary files are removed."""


class JobBusy(IkmError):
    """Long work that cannot start now: another commit to the same phase is still running
    (``jobs.Jobs.start``); the message names who started it, with which file and when."""
