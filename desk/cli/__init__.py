"""The terminal commands of ``desk``: administration for scripts and timers, one module per capability.

Each module registers its own commands (``register(commands)``) and holds their handlers; the
plumbing they share (signing in, ``--db``, one-line errors) is in ``desk.cli.common``. The ``desk``
command itself starts in ``ui.entry``, which adds the application and ``snapshot``.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Callable

from desk import __version__
from desk.cli import (
    access,
    accounts,
    backup,
    check,
    courses,
    db,
    demo,
    enrollment,
    explain,
    exports,
    groups,
    history,
    imports,
    moves,
    next_term,
    payments,
    portal,
    registrations,
    staff,
    students,
    sync,
    terms,
    tokens,
)
from desk.cli.common import PASSWORD_ENV, CommandError, acting_staff, install_translator, open_database_for

__all__ = ["PASSWORD_ENV", "CommandError", "acting_staff", "build_parser", "main", "open_database_for"]

# The exit status of an error nobody expected (1 is a refusal or a problem found, 2 a usage error).
UNEXPECTED_EXIT = 3

# In the order ``desk --help`` lists them.
REGISTER_COMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    db.register_init,
    demo.register,
    db.register,
    imports.register,
    students.register,
    access.register,
    terms.register,
    courses.register,
    registrations.register,
    groups.register,
    enrollment.register,
    moves.register,
    explain.register,
    tokens.register,
    payments.register,
    accounts.register,
    sync.register,
    portal.register,
    history.register,
    staff.register,
    backup.register,
    check.register,
    exports.register,
    # Last: it adds ``terms copy`` to the ``terms`` commands when they are registered.
    next_term.register,
)


def cmd_help(args) -> int:
    args.parser.print_help()
    return 0


def _with_parents(common: argparse.ArgumentParser):
    class SubParser(argparse.ArgumentParser):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("parents", [common])
            super().__init__(*args, **kwargs)

    return SubParser


def build_parser(extend: Callable | None = None, default: Callable | None = None) -> argparse.ArgumentParser:
    """The parser of the terminal commands; ``extend(commands)`` adds more, ``default`` runs
    when no command is given (the application, when started as ``desk``)."""
    parser = argparse.ArgumentParser(
        prog="desk",
        description="Back office for course registration. With no command, opens the application.",
    )
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or URL (postgresql://user@host/db); default: $DESK_DATABASE_URL or the file in your data folder",
    )
    parser.add_argument(
        "--as",
        dest="as_login",
        metavar="LOGIN",
        help=f"staff login to act as (password from ${PASSWORD_ENV} or a prompt)",
    )
    parser.set_defaults(func=default or cmd_help, parser=parser)
    # The same options are accepted after a subcommand too ("desk students search x --as k").
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--as", dest="as_login", metavar="LOGIN", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_with_parents(common))
    for register in REGISTER_COMMANDS:
        register(commands)
    if extend is not None:
        extend(commands)
    return parser


class _NotOptionsOnly(Exception):
    pass


class _OptionsOnlyParser(argparse.ArgumentParser):
    def error(self, message):
        raise _NotOptionsOnly(message)


def _options_only(argv: list[str] | None, default: Callable) -> argparse.Namespace | None:
    """The arguments of ``desk [--db …] [--as …]`` with no command (the application), parsed without
    building every command's parser (some load their services for the choices they offer); None for a
    command, help, the version or anything else, which the whole parser reads and answers as ever."""
    parser = _OptionsOnlyParser(prog="desk", add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--as", dest="as_login")
    parser.set_defaults(func=default, parser=parser)
    try:
        args, rest = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    except _NotOptionsOnly:
        return None
    if rest or any(_not_utf8(value) or _has_nul(value) for value in vars(args).values()):
        return None
    return args


def main(argv: list[str] | None = None, *, extend: Callable | None = None, default: Callable | None = None) -> int:
    from desk.errors import DatabaseOpenError, DomainError

    if default is not None and (args := _options_only(argv, default)) is not None:
        return _run(args, DatabaseOpenError, DomainError)  # the application: its own windows, its own boundary
    parser = build_parser(extend, default)
    args = parser.parse_args(argv)
    for name, value in vars(args).items():
        if _not_utf8(value):
            parser.error(f"argument {name.replace('_', '-')}: not valid UTF-8 text")
        if _has_nul(value):  # no shell passes one; a script calling main() might, and no database stores it
            parser.error(f"argument {name.replace('_', '-')}: holds a NUL character")
    if args.func is not default:
        install_translator()
    else:
        return _run(args, DatabaseOpenError, DomainError)  # the application: its own windows, its own boundary
    with contextlib.redirect_stdout(TerminalSafe(sys.stdout)), contextlib.redirect_stderr(TerminalSafe(sys.stderr)):
        return _run(args, DatabaseOpenError, DomainError)


def _run(args, DatabaseOpenError, DomainError) -> int:  # noqa: N803 - the error classes, imported late by main
    try:
        return args.func(args)
    except (CommandError, DatabaseOpenError, DomainError) as error:
        print(f"desk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("desk: interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        if error.filename is None or error.strerror is None:
            return unexpected(error, getattr(args.func, "__name__", ""))
        # The file system refused a path the command was given (too long, through a file, read-only, full).
        print(f"desk: {error.filename}: {error.strerror}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the last resort: a message and a log, never a traceback
        damaged = _damaged(error, args)
        if damaged is not None:
            print(f"desk: {damaged}", file=sys.stderr)
            return 1
        return unexpected(error, getattr(args.func, "__name__", ""))


def _damaged(error: BaseException, args):
    """A database file damaged under the command (found as its pages are read) is said so, not a traceback."""
    from sqlalchemy.exc import DBAPIError

    from desk.db import damaged_database_error, resolve_url
    from desk.errors import DatabaseOpenError

    if not isinstance(error, (DBAPIError, UnicodeDecodeError)):
        return None
    try:
        return damaged_database_error(error, resolve_url(args.db))
    except DatabaseOpenError:
        return None


# What a terminal would take as a command rather than text (escape sequences, C1 controls, a bell):
# written as \xNN instead, whatever a stored name or a refused argument holds. Lines and tabs stay.
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class TerminalSafe:
    """A text stream that writes control characters as visible \\xNN escapes."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(_TERMINAL_CONTROLS.sub(lambda found: f"\\x{ord(found.group()):02x}", text))

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, (list, tuple)):
        return any(_has_nul(item) for item in value)
    return False


def _not_utf8(value) -> bool:
    """True for an argument with bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, (list, tuple)):
        return any(_not_utf8(item) for item in value)
    return False


def unexpected(error: BaseException, handler: str = "") -> int:
    """An error nobody expected: one line naming the log file with its traceback, exit status 3.

    The log names the command's handler, not its arguments (a PESEL or a password may be among them).
    """
    from desk.crash import record_unexpected

    path = record_unexpected(error, where=handler)
    where = f"the details are in {path}" if path is not None else "no log file could be written"
    print(f"desk: unexpected error ({type(error).__name__}); {where}. Please tell your administrator.", file=sys.stderr)
    return UNEXPECTED_EXIT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
