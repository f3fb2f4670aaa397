"""The ``desk`` command: the application with no subcommand, ``snapshot``, and the terminal commands."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SAMPLE_QUERY = "kowal"


def open_application(args) -> int:
    from ui.app import run

    return run(args.db)


def render_snapshots(args) -> int:
    from desk import cli

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import make_application
    from ui.snapshot import render_all, render_import_preview

    make_application()
    db = cli.open_database_for(args)
    actor = cli.acting_staff(args, db)
    languages = tuple(args.lang.split(","))
    if args.only == "import-preview":
        paths = render_import_preview(db, actor, Path(args.out), languages=languages)
    else:
        paths = render_all(db, actor, Path(args.out), languages=languages, query=args.query)
    for path in paths:
        print(path)
    return 0


def _add_commands(commands) -> None:
    snapshot = commands.add_parser("snapshot", help="render every view of the application to PNG files")
    snapshot.add_argument("--out", required=True, help="folder for the PNG files")
    snapshot.add_argument("--lang", default="en,pl", help="languages, comma-separated (default en,pl)")
    snapshot.add_argument("--query", default=SAMPLE_QUERY, help=f"what the lookup shows (default {SAMPLE_QUERY!r})")
    snapshot.add_argument("--only", choices=("import-preview",),
                          help="render one picture only: the import view previewing a students' file with errors")
    snapshot.set_defaults(func=render_snapshots)


_APPLICATION_OPTIONS = {"--db": "db", "--as": "as_login"}


def _application_arguments(argv: list[str] | None) -> argparse.Namespace | None:
    """The arguments of ``desk`` with nothing but ``--db PATH`` and ``--as LOGIN`` (the application), read
    without loading the terminal's commands; None for anything else (a command, help, a shortened or
    empty option, a value that is no plain text), which desk.cli reads and answers as ever."""
    words = sys.argv[1:] if argv is None else list(argv)
    found: dict[str, str | None] = dict.fromkeys(_APPLICATION_OPTIONS.values())
    index = 0
    while index < len(words):
        name, equals, value = words[index].partition("=")
        if name not in _APPLICATION_OPTIONS:
            return None
        if not equals:
            if index + 1 == len(words):
                return None
            value = words[index + 1]
        index += 1 if equals else 2
        # Not printable: a NUL, a control character, or bytes that are not UTF-8 (kept as lone surrogates).
        if not value or value.startswith("-") or not value.isprintable():
            return None
        found[_APPLICATION_OPTIONS[name]] = value
    return argparse.Namespace(**found, func=open_application)


def _ended(args: argparse.Namespace, error: BaseException) -> int:
    """An error that ended the application, answered as desk.cli answers any: one line (and the log), a status."""
    from desk import cli
    from desk.errors import DatabaseOpenError, DomainError

    def application(_args):
        raise error

    application.__name__ = open_application.__name__  # the log names the handler
    args.func = application
    return cli._run(args, DatabaseOpenError, DomainError)


def main(argv: list[str] | None = None) -> int:
    args = _application_arguments(argv)
    if args is None:
        from desk import cli

        return cli.main(argv, extend=_add_commands, default=open_application)
    # The application: its sign-in window comes before the terminal's commands and their services are loaded.
    try:
        return open_application(args)
    except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001 - handed to desk.cli's last resort
        return _ended(args, error)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
