"""The ``desk`` command: the application with no subcommand, ``snapshot``, and the terminal commands."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desk import cli

SAMPLE_QUERY = "kowal"


def open_application(args) -> int:
    from ui.app import run

    return run(args.db)


def render_snapshots(args) -> int:
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


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, extend=_add_commands, default=open_application)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
