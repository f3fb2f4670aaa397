"""Importing a file: a preview that writes nothing, then apply all or nothing (or skipping the rows in
error, when asked), audited as one change set with a reason and queued for the portal.

Both stream the file in chunks of ``CHUNK`` rows; what is kept whatever the file's length is the
natural keys seen (to find duplicates within the file) and the first ``SHOWN`` rows that are not
unchanged (what the preview shows). Apply reads the file again in one write transaction, judges it
again against the database as it is then, and refuses when the file or the outcome differs from the
preview the clerk saw.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desk.changes import Action, Description, Shown
from desk.errors import DomainError
from desk.i18n import translate
from desk.imports import files
from desk.imports.cells import CellProblem
from desk.imports.kind import Column, Kind, Row, Status, heading_key
from desk.imports.registry import kind_named, kinds
from desk.unit_of_work import UnitOfWork

CHUNK = 2000
SHOWN = 2000  # rows of a preview kept to be shown (every count is exact)
MISSING_SHOWN = 50

Progress = Callable[[int, int, str], None]  # done (bytes or rows), total, what


class ImportAction(Action):
    APPLIED = "import.applied"
    ROW = "import.row"

    def describe(self, shown: Shown) -> Description:
        after = shown.after or {}
        if self is ImportAction.APPLIED:
            return Description(
                translate("History", "Import of %1 from %2: %3 new, %4 changed")
                .replace("%1", _kind_title(after.get("kind"))).replace("%2", str(after.get("file", "")))
                .replace("%3", f"{after.get('new', 0):,}").replace("%4", f"{after.get('changed', 0):,}"))
        return Description(translate("History", "Imported %1 (line %2)").replace("%1", str(after.get("key", "")))
                           .replace("%2", str(after.get("line", ""))))


def _kind_title(code: object) -> str:
    try:
        return kind_named(str(code)).shown_title()
    except DomainError:
        return str(code)


class ImportCancelled(DomainError):
    """The clerk cancelled: nothing was written."""


@dataclass
class Preview:
    kind: str
    path: Path
    shape: files.FileShape
    digest: str
    columns: list[str]  # the kind's columns the file has, as shown
    ignored: list[str]  # headings the kind does not know
    counts: dict[Status, int] = field(default_factory=lambda: {s: 0 for s in Status})
    rows: list[Row] = field(default_factory=list)  # the first SHOWN rows that are not unchanged
    missing: int = 0
    missing_shown: list[str] = field(default_factory=list)
    header_line: int = 0

    @property
    def errors(self) -> int:
        return self.counts[Status.ERROR]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Applied:
    change_set_id: int
    new: int
    changed: int
    unchanged: int
    skipped: int


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            sha.update(chunk)
    return sha.hexdigest()


class WrongKind(DomainError):
    """The file's headings are not those of the kind chosen; ``suggested``: a kind whose they are."""

    def __init__(self, message: str, suggested: str | None):
        super().__init__(message)
        self.suggested = suggested


def _names(kind: Kind) -> dict[str, Column]:
    names: dict[str, Column] = {}
    for column in kind.columns:
        for name in column.names():
            names.setdefault(heading_key(name), column)
            names.setdefault(heading_key(translate("ImportColumns", name)), column)
    return names


def _fits(kind: Kind, cells: list[str]) -> bool:
    """Whether a line names every required column of the kind."""
    names = _names(kind)
    found = {names[heading_key(c)].key for c in cells if c and heading_key(c) in names}
    return {c.key for c in kind.columns if c.required} <= found


def _header(kind: Kind, rows) -> tuple[int, dict[int, Column], list[str]]:
    """The header line among the first lines: the one naming most of the kind's columns."""
    names = _names(kind)
    lines: list[list[str]] = []
    best: tuple[int, dict[int, Column], list[str]] | None = None
    first_cells: list[str] = []
    for _ in range(files.HEADER_WITHIN):
        try:
            line, cells = next(rows)
        except StopIteration:
            break
        first_cells = first_cells or cells
        lines.append(cells)
        found: dict[int, Column] = {}
        ignored: list[str] = []
        for index, cell in enumerate(cells):
            column = names.get(heading_key(cell)) if cell else None
            if column is None or column in found.values():
                if cell:
                    ignored.append(cell)
                continue
            found[index] = column
        required = {c.key for c in kind.columns if c.required}
        if found and required <= {c.key for c in found.values()}:
            return line, found, ignored
        if best is None or len(found) > len(best[1]):
            best = (line, found, ignored)
    present = {c.key for c in best[1].values()} if best else set()
    lacking = [c.shown() for c in kind.columns if c.required and c.key not in present]
    message = (translate("Import", "The file has no heading line naming the columns %1 (within its first %2 lines). "
                                   "Its first line has: %3.")
               .replace("%1", ", ".join(lacking)).replace("%2", str(files.HEADER_WITHIN))
               .replace("%3", "; ".join(c for c in first_cells if c)[:200] or "—"))
    # The file may be right and the kind chosen wrong: say which kind its headings fit.
    suggested = next((other for other in kinds() if other is not kind and any(_fits(other, cells) for cells in lines)), None)
    if suggested is not None:
        message += " " + translate("Import", "Its headings fit %1: choose that kind of record.").replace(
            "%1", suggested.shown_title())
    raise WrongKind(message, suggested.code if suggested else None)


def _parsed(line: int, cells: list[str], columns: dict[int, Column]) -> Row:
    row = Row(line, {})
    for index, column in columns.items():
        text = cells[index] if index < len(cells) else ""
        if not text:
            row.values[column.key] = column.default
            if column.required:
                row.problem(column, translate("Import", "empty, but required"))
            continue
        try:
            row.values[column.key] = column.parser.read(text)
        except CellProblem as problem:
            row.values[column.key] = None
            row.problem(column, str(problem))
    return row


def _stream(uow: UnitOfWork, kind: Kind, state: object, seen: dict[int, int], path: Path, shape: files.FileShape,
            progress: Progress | None, cancelled: Callable[[], bool] | None,
            on_chunk: Callable[[list[Row]], None]) -> tuple[int, dict[int, Column], list[str]]:
    """Read, parse and judge the file chunk by chunk, handing each chunk to ``on_chunk``; the header found."""
    rows = files.rows_of(path, shape)
    header_line, columns, ignored = _header(kind, rows)
    session = uow.session
    size = max(path.stat().st_size, 1)
    chunk: list[Row] = []
    done = 0

    def flush() -> None:
        nonlocal chunk
        if cancelled is not None and cancelled():
            raise ImportCancelled(translate("Import", "The import was cancelled; nothing was written."))
        judged = [r for r in chunk if not r.problems]
        if judged:
            kind.judge(session, uow, state, judged)
        for row in chunk:
            if row.problems:
                row.status = Status.ERROR
        on_chunk(chunk)
        chunk = []
        if progress is not None:
            progress(min(done, size), size, translate("Import", "Reading the file"))

    for line, cells in rows:
        row = _parsed(line, cells, columns)
        key = kind.row_key(row)
        if key is not None:
            # By the key's hash, not the key: memory stays small whatever the file's length (two keys
            # of one file sharing a 64-bit hash: about one file in a billion of 300,000 rows).
            first = seen.setdefault(hash(key), line)
            if first != line:
                row.problem(translate("Import", "line"),
                            translate("Import", "the same record as line %1").replace("%1", str(first)))
        chunk.append(row)
        done += sum(len(c) for c in cells) + len(cells)
        if len(chunk) >= CHUNK:
            flush()
    if chunk:
        flush()
    return header_line, columns, ignored


def _require(uow: UnitOfWork, kind: Kind) -> None:
    uow.require(kind.permission)


def preview_import(uow: UnitOfWork, kind_code: str, path: str | Path, *, progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Preview:
    """What importing the file would do, row by row; nothing is written."""
    kind = kind_named(kind_code)
    _require(uow, kind)
    path = files.checked(path)
    shape = files.shape_of(path)
    digest = _digest(path)
    preview: Preview | None = None

    def collect(chunk: list[Row]) -> None:
        for row in chunk:
            preview.counts[row.status] += 1
            if row.status is not Status.UNCHANGED and len(preview.rows) < SHOWN:
                row.current = None
                preview.rows.append(row)

    preview = Preview(kind.code, path, shape, digest, [], [])
    seen: dict[int, int] = {}
    with uow.read() as session:
        state = kind.begin(session, uow)
        header_line, columns, ignored = _stream(uow, kind, state, seen, path, shape, progress, cancelled, collect)
        preview.missing, preview.missing_shown = kind.missing(session, uow, state, set(seen))
    preview.header_line = header_line
    preview.columns = [c.shown() for c in columns.values()]
    preview.ignored = ignored
    return preview


def apply_import(uow: UnitOfWork, preview: Preview, *, reason: str, skip_errors: bool = False,
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Applied:
    """Write what the preview showed, all or nothing: refused when a row is in error (unless skipping
    them), when the file changed since the preview, or when the database changed what it would do."""
    kind = kind_named(preview.kind)
    _require(uow, kind)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Import", "Say why the file is imported (the reason is kept with the change)."))
    if preview.errors and not skip_errors:
        raise DomainError(translate("Import", "%1 rows are in error: correct the file, or import skipping them.")
                          .replace("%1", f"{preview.errors:,}"))
    path = files.checked(preview.path)
    if _digest(path) != preview.digest:
        raise DomainError(translate("Import", "The file changed after the preview: preview it again."))
    counts = {s: 0 for s in Status}
    with uow.write() as session:
        after = {"kind": kind.code, "file": path.name, "sha256": preview.digest,
                 "new": preview.counts[Status.NEW], "changed": preview.counts[Status.CHANGED],
                 "unchanged": preview.counts[Status.UNCHANGED], "skipped": preview.errors}
        with uow.change_set(ImportAction.APPLIED, entity="import", after=after, reason=reason) as head:
            state = kind.begin(session, uow)

            def write(chunk: list[Row]) -> None:
                for row in chunk:
                    counts[row.status] += 1
                ready = [r for r in chunk if r.status in (Status.NEW, Status.CHANGED)]
                if ready:
                    uow.record_changes(ImportAction.ROW, kind.write(session, uow, state, ready))

            _stream(uow, kind, state, {}, path, preview.shape, progress, cancelled, write)
            if (counts[Status.NEW], counts[Status.CHANGED], counts[Status.ERROR]) != (
                    preview.counts[Status.NEW], preview.counts[Status.CHANGED], preview.counts[Status.ERROR]):
                raise DomainError(translate("Import", "The records changed after the preview (now %1 new, %2 changed, "
                                                      "%3 in error): preview it again.")
                                  .replace("%1", str(counts[Status.NEW])).replace("%2", str(counts[Status.CHANGED]))
                                  .replace("%3", str(counts[Status.ERROR])))
    return Applied(head, counts[Status.NEW], counts[Status.CHANGED], counts[Status.UNCHANGED], counts[Status.ERROR])
