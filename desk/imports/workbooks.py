"""The files of an import: a template for each kind (the heading row, a notes sheet explaining every
column and its allowed values, validation lists where values are fixed, one example row), and the
records the desk holds written in the same shape (.xlsx or CSV), which import back unchanged."""

from __future__ import annotations

import csv
import enum
import os
import tempfile
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desk.clock import to_local
from desk.i18n import translate
from desk.imports.kind import Column, Kind
from desk.imports.registry import kind_named
from desk.unit_of_work import UnitOfWork

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_BOLD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="DDE6F0")
_WRAP = Alignment(wrap_text=True, vertical="top")
VALIDATED_ROWS = 5000


def cell_value(column: Column, value: Any) -> Any:
    """A value as a file holds it: the words the template offers for a choice, dates in ISO form, local times."""
    if value is None:
        return None
    if isinstance(value, enum.Enum) and column.parser.choices:
        return column.parser.choices[list(type(value)).index(value)]
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, datetime):
        return to_local(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, (date,)):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int) and column.key == "weekday" and column.parser.choices:
        return column.parser.choices[value - 1]
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value) if not isinstance(value, str) else value


def _text(ws, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"  # text, never a formula, whatever it starts with
    if value.startswith(_FORMULA_START):
        cell.quotePrefix = True
    return cell


def _replace(target: Path, write) -> Path:
    """Write to a temporary file beside the target, then rename: nothing half-written is left."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".desk-import-", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    written = False
    try:
        write(Path(temporary))
        os.replace(temporary, target)
        written = True
    finally:
        if not written:
            Path(temporary).unlink(missing_ok=True)
    return target


def write_template(kind_code: str, path: str | Path, *, overwrite: bool = False) -> Path:
    """A workbook to fill in: headings in the reader's language, notes, validation lists, an example row."""
    kind = kind_named(kind_code)
    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(str(target))

    def write(temporary: Path) -> None:
        book = Workbook()
        data = book.active
        data.title = translate("Import", "Data")[:31]
        notes = book.create_sheet(translate("Import", "Notes")[:31])
        for index, column in enumerate(kind.columns, start=1):
            heading = data.cell(row=1, column=index, value=column.shown())
            heading.font, heading.fill = _BOLD, _FILL
            letter = get_column_letter(index)
            data.column_dimensions[letter].width = max(14, len(column.shown()) + 4)
            if column.parser.kind == "digits, kept as text":
                for row in range(2, VALIDATED_ROWS + 2):
                    data.cell(row=row, column=index).number_format = "@"
            if column.example:
                example = data.cell(row=2, column=index, value=column.example)
                example.data_type = "s"
            if column.parser.choices:
                listed = '"' + ",".join(c.replace('"', "") for c in column.parser.choices) + '"'
                if len(listed) <= 255:  # Excel's bound on a list given inline
                    validation = DataValidation(type="list", formula1=listed, allow_blank=not column.required,
                                                showErrorMessage=True)
                    validation.error = translate("Import", "Choose one of the listed values.")
                    data.add_data_validation(validation)
                    validation.add(f"{letter}2:{letter}{VALIDATED_ROWS + 1}")
        data.freeze_panes = "A2"
        headings = (translate("Import", "Column"), translate("Import", "Also accepted as"), translate("Import", "Required"),
                    translate("Import", "Kind of value"), translate("Import", "Allowed values"), translate("Import", "Notes"))
        notes.append(headings)
        for cell in notes[1]:
            cell.font, cell.fill = _BOLD, _FILL
        for column in kind.columns:
            also = ", ".join(dict.fromkeys(n for n in (column.heading, column.polish, column.usos) if n and n != column.shown()))
            notes.append([column.shown(), also, translate("Import", "yes") if column.required else translate("Import", "no"),
                          translate("Import", column.parser.kind), ", ".join(column.parser.choices),
                          translate("ImportNotes", column.note) if column.note else ""])
        for letter, width in zip("ABCDEF", (24, 34, 10, 30, 40, 60)):
            notes.column_dimensions[letter].width = width
        for row in notes.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = _WRAP
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        book.save(temporary)

    return _replace(target, write)


def write_records(kind: Kind, records: Iterable[dict[str, Any]], path: str | Path, *, overwrite: bool = False) -> Path:
    """Records in the kind's columns as .xlsx (streamed) or, for a .csv path, CSV in UTF-8 separated by ``;``."""
    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(str(target))
    columns = kind.columns

    def values(record: dict[str, Any]) -> list[Any]:
        return [cell_value(c, record.get(c.key)) for c in columns]

    def write_csv(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, delimiter=";")
            out.writerow([c.shown() for c in columns])
            for record in records:
                out.writerow(["" if v is None else v for v in values(record)])

    def write_xlsx(temporary: Path) -> None:
        book = Workbook(write_only=True)
        ws = book.create_sheet(translate("Import", "Data")[:31])
        ws.append([_text(ws, c.shown()) for c in columns])
        for record in records:
            ws.append([_text(ws, v) if isinstance(v, str) else v for v in values(record)])
        book.save(temporary)

    return _replace(target, write_csv if target.suffix.lower() == ".csv" else write_xlsx)


def export_records(uow: UnitOfWork, kind_code: str, path: str | Path, *, overwrite: bool = False) -> Path:
    """The desk's records of a kind, in the file shape the import reads."""
    kind = kind_named(kind_code)
    uow.require(kind.permission)
    with uow.read() as session:
        return write_records(kind, kind.records(session), path, overwrite=overwrite)
