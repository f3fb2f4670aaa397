"""Reading an import file as a stream of rows: .xlsx (the first sheet) or CSV in UTF-8 or Windows-1250,
separated by ``;`` or ``,``; what was detected is said. Bounded before and while reading; memory stays
flat whatever the file's length (rows are read one at a time, never the whole file).
"""

from __future__ import annotations

import codecs
import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from desk import input_files
from desk.errors import DomainError, NotFound
from desk.i18n import translate

# A whole university's students in one file, with room: 300,000 rows are about 40 MB of CSV.
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_COLUMNS = input_files.MAX_COLUMNS
MAX_FIELD_CHARS = input_files.MAX_FIELD_CHARS
MAX_XLSX_UNCOMPRESSED = 1024 * 1024 * 1024
MAX_XLSX_CELLS = MAX_ROWS * 40
HEADER_WITHIN = 10  # the header is among the first lines (a title line may come before it)
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class FileShape:
    """What was detected: the format, and for CSV its encoding and separator."""

    format: str  # "xlsx" or "csv"
    encoding: str | None = None  # "UTF-8" or "Windows-1250"
    delimiter: str | None = None

    def describe(self) -> str:
        if self.format == "xlsx":
            return translate("Import", "Excel workbook (.xlsx), first sheet")
        separator = {";": translate("Import", "semicolon"), ",": translate("Import", "comma"),
                     "\t": translate("Import", "tab")}.get(self.delimiter or ",", self.delimiter or ",")
        return (translate("Import", "CSV, %1, separated by %2")
                .replace("%1", self.encoding or "UTF-8").replace("%2", separator))


def _unreadable(path: Path) -> DomainError:
    return DomainError(translate("Files", "The file %1 cannot be read.").replace("%1", path.name))


def _too_many_rows() -> DomainError:
    return DomainError(translate("Files", "The file has more than %1 rows; split it into smaller files.")
                       .replace("%1", f"{MAX_ROWS:,}"))


def _long_field(line: int) -> DomainError:
    return DomainError(
        translate("Import", "Line %1 has a field longer than %2 characters, or a quote that is never closed.")
        .replace("%1", str(line)).replace("%2", f"{MAX_FIELD_CHARS:,}"))


def checked(path: str | Path) -> Path:
    path = Path(path)
    try:
        missing = not path.exists()
    except OSError:
        missing = False
    if missing:
        raise NotFound(translate("Files", "There is no file %1.").replace("%1", str(path)))
    path = input_files.checked_file(path, max_bytes=MAX_FILE_BYTES)
    if path.suffix.lower() == ".xls":
        raise DomainError(translate("Import", "Old Excel files (.xls) cannot be read: save it as .xlsx or .csv."))
    return path


def shape_of(path: Path) -> FileShape:
    """Detect the format; for CSV, the encoding (the whole file is decoded as UTF-8 in chunks, else it
    is Windows-1250, as Excel on a Polish Windows saves it) and the separator of the first line."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_CHUNK)
            if head[:2] == b"PK" or path.suffix.lower() in (".xlsx", ".xlsm"):
                return FileShape("xlsx")
            if b"\x00" in head:
                raise DomainError(translate("Files", "The file %1 is not a text file (it contains NUL bytes).")
                                  .replace("%1", path.name))
            decoder = codecs.getincrementaldecoder("utf-8")()
            encoding = "UTF-8"
            chunk = head
            try:
                while chunk:
                    decoder.decode(chunk)
                    chunk = handle.read(_CHUNK)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                encoding = "Windows-1250"
    except OSError:
        raise _unreadable(path) from None
    text = head.decode("utf-8-sig" if encoding == "UTF-8" else "cp1250", errors="replace")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count) if first else ","
    if first.count(delimiter) == 0:
        delimiter = ","
    return FileShape("csv", encoding, delimiter)


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious ``.0``, dates in ISO form, text stripped."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).strip()


def _csv_rows(path: Path, shape: FileShape) -> Iterator[tuple[int, list[str]]]:
    encoding = "utf-8-sig" if shape.encoding == "UTF-8" else "cp1250"
    csv.field_size_limit(MAX_FIELD_CHARS + 1)
    try:
        with path.open("r", encoding=encoding, errors="replace", newline="") as handle:
            reader = csv.reader(handle, delimiter=shape.delimiter or ",")
            try:
                for row in reader:
                    if any(len(field) > MAX_FIELD_CHARS for field in row):
                        raise _long_field(reader.line_num)
                    yield reader.line_num, [field.strip() for field in row[:MAX_COLUMNS]]
            except csv.Error:
                raise _long_field(reader.line_num) from None
    except OSError:
        raise _unreadable(path) from None


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = DomainError(translate("Files", "%1 cannot be read as an Excel (.xlsx) file.").replace("%1", path.name))
    input_files.check_xlsx(path, max_uncompressed=MAX_XLSX_UNCOMPRESSED, max_cells=MAX_XLSX_CELLS)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, ParseError, DefusedXmlException):
        raise unreadable from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
            cells = [cell_text(value) for value in row]
            if any(len(cell) > MAX_FIELD_CHARS for cell in cells):
                raise _long_field(number)
            yield number, cells
    except (ParseError, DefusedXmlException, KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError, EOFError):
        raise unreadable from None
    finally:
        book.close()


def rows_of(path: Path, shape: FileShape) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of every non-empty line, the header included; at most MAX_ROWS of them."""
    rows = _xlsx_rows(path) if shape.format == "xlsx" else _csv_rows(path, shape)
    count = 0
    for number, cells in rows:
        if not any(cells):
            continue
        count += 1
        if count > MAX_ROWS + HEADER_WITHIN:
            raise _too_many_rows()
        yield number, cells
