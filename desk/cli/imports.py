"""The ``import`` commands: a university's records from .xlsx or CSV files; templates to fill in; the desk's
records in the same shape."""

from __future__ import annotations

import json
from pathlib import Path

from desk import bounds
from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork

ROWS_SHOWN = 50


def _details(row) -> str:
    if row.problems:
        return "; ".join(f"{column}: {reason}" for column, reason in row.problems)
    return "; ".join(f"{column}: {old} -> {new}" for column, old, new in row.changes)


def cmd_import(args) -> int:
    from desk.imports.kind import Status, status_label
    from desk.imports.service import apply_import, preview_import

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.apply and not (args.reason or "").strip():
        raise CommandError('Say why the file is imported: --reason "…".')
    preview = preview_import(UnitOfWork(db, actor), args.kind, args.file)
    if args.json and not args.apply:
        print(json.dumps({
            "kind": preview.kind, "file": str(preview.path), "shape": preview.shape.describe(),
            "columns": preview.columns, "ignored": preview.ignored,
            "counts": {status.value: count for status, count in preview.counts.items()},
            "rows": [{"line": r.line, "status": r.status.value, "problems": [list(p) for p in r.problems],
                      "changes": [list(c) for c in r.changes]} for r in preview.rows[:args.limit]],
            "missing": preview.missing, "missing_shown": preview.missing_shown,
        }, ensure_ascii=False, indent=2))
        return 2 if preview.errors else 0
    if not args.json:
        print(f"{preview.path.name}: {preview.shape.describe()}")
        print("Columns: " + ", ".join(preview.columns))
        if preview.ignored:
            print("Not used: " + ", ".join(preview.ignored))
        for row in preview.rows[:args.limit]:
            print(f"line {row.line:>7}  {status_label(row.status):<10} {_details(row)}")
        if len(preview.rows) > args.limit or preview.total - preview.counts[Status.UNCHANGED] > len(preview.rows[:args.limit]):
            print(f"… (the first {args.limit} shown; --limit for more)")
        counts = preview.counts
        print(f"{counts[Status.NEW]:,} new, {counts[Status.CHANGED]:,} changed, {counts[Status.UNCHANGED]:,} unchanged, "
              f"{counts[Status.ERROR]:,} in error.")
        if preview.missing:
            print(f"{preview.missing:,} records at the desk are not in the file (nothing is deleted): "
                  + ", ".join(preview.missing_shown[:10]) + (" …" if preview.missing > 10 else ""))
    if not args.apply:
        if preview.errors:
            print("Correct the rows in error, or add --apply --skip-errors to leave them out.")
        return 2 if preview.errors else 0
    applied = apply_import(UnitOfWork(db, actor), preview, reason=args.reason, skip_errors=args.skip_errors)
    if args.json:
        print(json.dumps({"change_set_id": applied.change_set_id, "new": applied.new, "changed": applied.changed,
                          "unchanged": applied.unchanged, "skipped": applied.skipped}, indent=2))
    else:
        print(f"Imported: {applied.new:,} new, {applied.changed:,} changed, {applied.unchanged:,} unchanged, "
              f"{applied.skipped:,} skipped (change set {applied.change_set_id} in the history).")
    return 0


def _out(args) -> Path:
    path = Path(args.out)
    try:
        exists = path.exists()
    except OSError as error:
        raise CommandError(f"{path} cannot be written: {error.strerror or error}.") from None
    if exists and not args.force:
        raise CommandError(f"{path} exists: choose another --out, or add --force to replace it.")
    return path


def cmd_import_template(args) -> int:
    from desk.imports.workbooks import write_template

    path = _out(args)
    try:
        written = write_template(args.kind, path, overwrite=args.force)
    except OSError as error:
        raise CommandError(f"{path} cannot be written: {error.strerror or error}.") from None
    print(f"Written: {written}")
    return 0


def cmd_import_export(args) -> int:
    from desk.imports.workbooks import export_records

    db = open_database_for(args)
    actor = acting_staff(args, db)
    path = _out(args)
    try:
        written = export_records(UnitOfWork(db, actor), args.kind, path, overwrite=args.force)
    except OSError as error:
        raise CommandError(f"{path} cannot be written: {error.strerror or error}.") from None
    print(f"Written: {written}")
    return 0


def cmd_import_kinds(args) -> int:
    from desk.imports.registry import kinds

    for kind in kinds():
        required = ", ".join(c.shown() for c in kind.columns if c.required)
        print(f"{kind.code:<16} {kind.shown_title()}  (required: {required})")
    return 0


def register(commands) -> None:
    from desk.imports.registry import kinds

    codes = [kind.code for kind in kinds()]
    parser = commands.add_parser(
        "import", help="a university's records from .xlsx or CSV files: a preview, then --apply",
        description="Import records of one kind from a file (.xlsx, or CSV in UTF-8 or Windows-1250 separated by ; or ,). "
                    "Columns are named in Polish, in English or with USOS's field names, in any order. Without --apply "
                    "only the preview is printed; exit status 2 when rows are in error. Import in the order "
                    "`desk import kinds` lists.")
    sub = parser.add_subparsers(title="commands", metavar="KIND|template|export|kinds", required=True)
    for kind in kinds():
        one = sub.add_parser(kind.code.replace("_", "-"), aliases=[kind.code] if "_" in kind.code else [],
                             help=f"import {kind.code.replace('_', ' ')}")
        one.add_argument("file", help="the .xlsx or .csv file")
        one.add_argument("--apply", action="store_true", help="write it: all or nothing, as one change set")
        one.add_argument("--skip-errors", action="store_true", help="with --apply: leave the rows in error out")
        one.add_argument("--reason", help="why (required with --apply)")
        one.add_argument("--limit", type=bounds.LIST_LIMIT.argument(), default=ROWS_SHOWN,
                         help=f"rows of the preview printed (default {ROWS_SHOWN})")
        one.add_argument("--json", action="store_true", help="print JSON")
        one.set_defaults(func=cmd_import, kind=kind.code)
    template = sub.add_parser("template", help="a workbook to fill in: headings, notes on every column, an example row")
    template.add_argument("kind", choices=codes)
    template.add_argument("--out", required=True, help="the .xlsx file to write")
    template.add_argument("--force", action="store_true", help="replace the file if it exists")
    template.set_defaults(func=cmd_import_template)
    export = sub.add_parser("export", help="the desk's records of a kind, in the shape the import reads")
    export.add_argument("kind", choices=codes)
    export.add_argument("--out", required=True, help="the .xlsx or .csv file to write")
    export.add_argument("--force", action="store_true", help="replace the file if it exists")
    export.set_defaults(func=cmd_import_export)
    listed = sub.add_parser("kinds", help="the kinds of record, in the order to import them")
    listed.set_defaults(func=cmd_import_kinds)
