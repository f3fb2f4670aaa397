"""Writing workbooks: plain headings and rows in, a printable, safe .xlsx out. Knows no database.

Rows are streamed with openpyxl's write-only mode (with lxml), which keeps memory flat however
long the list. A workbook is written to a temporary file beside the target and renamed at the
end, so a failed or cancelled export leaves nothing half-written, and an existing file is never
replaced unless the caller says so.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from copy import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

Kind = Literal["text", "number", "date", "datetime", "money"]

# A value starting with one of these is a formula (or a DDE trick) to some spreadsheet program.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_FORMULA_FIRST = frozenset(_FORMULA_START)
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_FILE_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_SHEET_TITLE = 31
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(horizontal="center")
_FORMATS = {"money": "#,##0.00", "date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm"}


class ExportCancelled(Exception):
    """The person exporting cancelled; nothing was written."""


@dataclass(frozen=True)
class Column:
    heading: str
    kind: Kind = "text"
    width: float | None = None  # characters; None: fitted to the contents


@dataclass
class Sheet:
    """One worksheet: a heading block (label, value) above a table with a frozen, filterable header."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    heading: Sequence[tuple[str, Any]] = ()
    caption: str = ""
    footer: str = "&P / &N"
    landscape: bool = False
    # Filled in as rows are written (for the caller's checks).
    written_rows: int = field(default=0, init=False)


def safe_sheet_title(name: str, taken: set[str]) -> str:
    """A title Excel accepts (31 characters, none of []:*?/\\, not blank) and unique, case-insensitively."""
    title = _SHEET_FORBIDDEN.sub("-", name or "").strip().strip("'") or "Sheet"
    if title.lower() == "history":  # reserved by Excel
        title = "History-"
    title = title[:MAX_SHEET_TITLE]
    candidate, n = title, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate = title[: MAX_SHEET_TITLE - len(suffix)] + suffix
        n += 1
    taken.add(candidate.lower())
    return candidate


def safe_file_name(name: str, suffix: str = ".xlsx") -> str:
    """A file name made from codes that is valid on Windows too (no reserved names or characters)."""
    stem = _FILE_FORBIDDEN.sub("_", name or "").strip(" .") or "export"
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return stem[:150] + suffix


class _Cell(Cell):
    """A write-only cell with a short repr.

    openpyxl tells a cell from a value by trying to store it as a value and catching the error,
    whose message holds the cell's repr (its sheet title and coordinate): for a term's rosters,
    a noticeable share of the time went into messages nobody reads.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "<cell>"


def _new_cell(ws: Worksheet) -> Cell:
    return _Cell(ws, row=1, column=1)


class _ColumnCell(_Cell):
    """The one styled cell of a column, reused row after row (see ``_RowCells``).

    Its style never changes once made, so its index in the workbook's style table is looked up
    once, not hashed again for every row it writes.
    """

    __slots__ = ("_style_id",)

    def __init__(self, ws: Worksheet, style: Any):
        super().__init__(ws, row=1, column=1)
        self._style = copy(style)
        self._style_id = None

    @property
    def style_id(self) -> int:
        if self._style_id is None:
            self._style_id = self.parent.parent._cell_styles.add(self._style)
        return self._style_id


class _Styles:
    """The workbook's few cell styles, each looked up once and then copied onto new cells.

    Setting a font or an alignment on a cell hashes it into the workbook's style tables; copying
    the finished style of a first cell is what openpyxl itself does when it copies a sheet.
    """

    _MAKE: dict[str, Callable[[WriteOnlyCell], None]] = {
        "number": lambda c: setattr(c, "alignment", _CENTRE),  # a count never runs into the text beside it
        "title": lambda c: setattr(c, "font", _TITLE),
        "header": lambda c: (setattr(c, "font", _BOLD), setattr(c, "fill", _HEADER_FILL), setattr(c, "alignment", _WRAP)),
        "money": lambda c: setattr(c, "number_format", _FORMATS["money"]),
        "date": lambda c: setattr(c, "number_format", _FORMATS["date"]),
        "datetime": lambda c: setattr(c, "number_format", _FORMATS["datetime"]),
    }

    def __init__(self) -> None:
        self._arrays: dict[str, Any] = {}

    def array(self, ws: Worksheet, name: str) -> Any:
        """The style ``name`` as openpyxl keeps it on a cell (made on a first cell, once)."""
        array = self._arrays.get(name)
        if array is None:
            scratch = _new_cell(ws)
            self._MAKE[name](scratch)
            array = self._arrays[name] = copy(scratch._style)
        return array

    def cell(self, ws: Worksheet, name: str) -> WriteOnlyCell:
        cell = _new_cell(ws)
        cell._style = copy(self.array(ws, name))
        return cell


def _text_cell(ws: Worksheet, value: str, style: WriteOnlyCell | None = None) -> WriteOnlyCell:
    cell = style if style is not None else _new_cell(ws)
    cell.value = value
    cell.data_type = "s"  # a string, never a formula, whatever it starts with
    if value.startswith(_FORMULA_START):
        cell.quotePrefix = True  # and marked as text, so editing the cell does not turn it into one
    return cell


class _RowCells:
    """Turns a row's values into what openpyxl writes, the kind of each column deciding.

    openpyxl writes a row the moment it is appended, so one styled cell a column is reused row
    after row: a style is looked up once a sheet instead of once a cell (most of the cost of a
    styled cell). Plain strings go as they are; only those a spreadsheet would read as a formula
    or an error value get a cell of their own, forced to text.
    """

    def __init__(self, ws: Worksheet, kinds: Sequence[Kind], styles: _Styles):
        self.ws = ws
        self.kinds = kinds
        self.styles = styles
        self.styled: dict[int, WriteOnlyCell] = {}

    def row(self, values: Sequence[Any]) -> list[Any]:
        out = list(values)
        for index, value in enumerate(out):
            # The common case first and cheaply: a string that is plain text to any spreadsheet.
            if value.__class__ is str and (not value or value[0] not in _FORMULA_FIRST) and value not in ERROR_CODES:
                continue
            if value is not None:
                out[index] = self.cell(index, value)
        return out

    def _styled(self, index: int, kind: Kind) -> WriteOnlyCell:
        cell = self.styled.get(index)
        if cell is None:
            cell = self.styled[index] = _ColumnCell(self.ws, self.styles.array(self.ws, kind))
        return cell

    def cell(self, index: int, value: Any) -> Any:
        if value is None:
            return None
        kind = self.kinds[index]
        if kind == "text" or isinstance(value, str):
            value = str(value)
            if value.startswith(_FORMULA_START) or value in ERROR_CODES:
                return _text_cell(self.ws, value)
            return value  # written as text as it is
        if kind == "money":
            value = Decimal(value)
        elif kind == "date" and isinstance(value, (date, datetime)):
            value = value.date() if isinstance(value, datetime) else value
        elif kind == "datetime" and isinstance(value, datetime):
            value = value.replace(tzinfo=None)  # spreadsheets keep wall-clock times
        elif kind != "number":
            return value  # a value of another type than its column says: as it is
        cell = self._styled(index, kind)
        cell.value = value
        return cell


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return len(str(value))


def _prepare(ws: Worksheet, sheet: Sheet, widths: list[float]) -> None:
    header_row = len(sheet.heading) + (2 if sheet.caption else 1) + (1 if sheet.heading else 0)
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if sheet.footer:
        ws.oddFooter.center.text = sheet.footer
    if sheet.caption:  # every printed page says what it is
        ws.oddFooter.left.text = sheet.caption.replace("&", "&&")
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _materialise(sheet: Sheet) -> list[Sequence[Any]]:
    rows = sheet.rows if isinstance(sheet.rows, list) else list(sheet.rows)
    sheet.rows = rows
    return rows


TEMPORARY_PREFIX = ".desk-export-"
# A temporary file this old is what an export killed half-way left behind (a live one is far younger).
STALE_TEMPORARY_SECONDS = 12 * 3600


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove what killed exports left in the folder (a kill cannot be caught, so it is tidied up next time)."""
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    try:
        for leftover in folder.glob(f"{TEMPORARY_PREFIX}*.xlsx"):
            try:
                if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
            except OSError:
                continue
    except OSError:
        return


def write_workbook(
    path: str | os.PathLike[str],
    sheets: Iterable[Sheet],
    *,
    overwrite: bool = False,
    progress: Callable[[int, int], None] | None = None,
    total_rows: int | None = None,
) -> Path:
    """Write the sheets to ``path`` (all of it, or nothing); ``progress(done, total)`` may raise to cancel."""
    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook = Workbook(write_only=True)
    styles = _Styles()
    taken: set[str] = set()
    done = 0
    _remove_stale_temporaries(target.parent)
    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".xlsx", dir=target.parent)
    os.close(handle)
    try:
        for sheet in sheets:
            rows = _materialise(sheet)  # widths need the contents; rows are plain tuples, cheap
            ws = workbook.create_sheet(safe_sheet_title(sheet.title, taken))
            widths = []
            for index, column in enumerate(sheet.columns):
                if column.width is not None:
                    widths.append(column.width)
                    continue
                longest = max((_display_width(row[index]) for row in rows[:2000]), default=0)
                widths.append(min(max(len(column.heading), longest) + 2, 60))
            _prepare(ws, sheet, widths)
            if sheet.caption:
                ws.append([_text_cell(ws, sheet.caption, styles.cell(ws, "title"))])
            for label, value in sheet.heading:
                # One cell a line, "Label: value": it reads across the empty cells beside it,
                # whatever the widths of the table's columns below.
                if isinstance(value, datetime):
                    value = value.strftime("%Y-%m-%d %H:%M")
                elif isinstance(value, date):
                    value = value.isoformat()
                ws.append([_text_cell(ws, f"{label}: {value if value is not None else ''}")])
            if sheet.heading:
                ws.append([])
            ws.append([_text_cell(ws, column.heading, styles.cell(ws, "header")) for column in sheet.columns])
            header_row = len(sheet.heading) + (1 if sheet.caption else 0) + (1 if sheet.heading else 0) + 1
            cells = _RowCells(ws, [column.kind for column in sheet.columns], styles)
            for row in rows:
                ws.append(cells.row(row))
                done += 1
                if progress is not None and done % 500 == 0:
                    progress(done, total_rows or done)
            sheet.written_rows = len(rows)
            last = get_column_letter(max(1, len(sheet.columns)))
            ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(len(rows), 1)}"
            # Finished now rather than at save: an open sheet holds its writer and buffers, which
            # for a term of 2,000 sheets is tens of megabytes.
            ws.close()
        if not workbook.worksheets:
            workbook.create_sheet("-")
        workbook.save(temporary)
        if progress is not None:
            progress(done, total_rows or done)
        if target.exists() and not overwrite:  # appeared meanwhile: still never replaced silently
            raise FileExistsError(str(target))
        # mkstemp makes the file private (0600); the export gets the mode any new file of the user gets.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
