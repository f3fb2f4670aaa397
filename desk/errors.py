"""Errors a clerk can read: every broken rule is a DomainError with a translated message."""

from __future__ import annotations


class DomainError(Exception):
    """A rule refused the change; ``str(error)`` is the message for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class NotFound(DomainError):
    """The record asked for does not exist (any more)."""


class PermissionDenied(DomainError):
    """The signed-in staff member's role or units do not allow this."""


class SignInFailed(DomainError):
    """Wrong login or password, or an account that may not sign in."""


class DatabaseBusy(DomainError):
    """Another connection held the database (or a row) longer than the desk waits: try again."""


class DatabaseOpenError(Exception):
    """The database cannot be opened; ``str(error)`` says why in words a clerk understands."""

    def __init__(self, message: str, *, detail: str = ""):
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message
