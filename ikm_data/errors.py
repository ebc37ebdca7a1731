"""The named errors that cross the library's boundary.

Pages and the CLI catch only these and show their message; anything else is a bug.
"""

from __future__ import annotations


class IkmError(Exception):
    """Base of every error meant for an official: a short title and a message."""

    def __init__(self, message: str, title: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.title = title or message


class IngestError(IkmError):
    """A file cannot be read at all (wrong type, empty, corrupt, too large)."""


class ValidationFailed(IkmError):
    """A file was read but holds errors; ``report`` carries every one of them."""

    def __init__(self, message: str, report, title: str = "") -> None:
        super().__init__(message, title)
        self.report = report


class StoreError(IkmError):
    """The versioned store refuses an operation (unknown version, bad phase...)."""


class UnknownVersion(StoreError):
    """``rollback`` or a lookup named a version the history does not hold."""
