"""Files a clerk gives the desk (lists, CSV, .xlsx): bounded in bytes, rows, cells and uncompressed size before they are parsed."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from desk.errors import DomainError
from desk.i18n import translate

# A list of student numbers or the mail system's export: far below these for a whole university.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 64  # cells read per row; the columns the desk looks for are among the first
MAX_FIELD_CHARS = 4_096  # one CSV field (an address, a number, a name)
# An .xlsx is a zip: what it unpacks to is bounded, and so is how much a part may have been squeezed.
MAX_XLSX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_XLSX_PARTS = 1_000
MAX_XLSX_RATIO = 100  # uncompressed : compressed, for parts over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
MAX_XLSX_CELLS = MAX_ROWS * MAX_COLUMNS  # a sheet's declared dimension
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?\"")
_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")


def _unreadable(path: Path, why: str = "") -> DomainError:
    message = translate("Files", "The file %1 cannot be read.").replace("%1", path.name)
    return DomainError(f"{message} {why}".strip())


def checked_file(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Path:
    """The path of a readable file no larger than ``max_bytes``, or a DomainError saying why not."""
    path = Path(path)
    try:
        if not path.exists():
            raise DomainError(translate("Files", "There is no file %1.").replace("%1", str(path)))
        if not path.is_file():
            raise DomainError(translate("Files", "%1 is not a file.").replace("%1", str(path)))
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except OSError as error:
        raise _unreadable(path, error.strerror or "") from None
    if size > max_bytes:
        raise _too_large(size, max_bytes)
    return path


def _too_large(size: int, max_bytes: int) -> DomainError:
    return DomainError(
        translate("Files", "The file is %1 MB; at most %2 MB can be read at once. Split it into smaller files.")
        .replace("%1", f"{size / 1024 / 1024:.1f}").replace("%2", str(max_bytes // 1024 // 1024)))


def read_bytes(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    path = checked_file(path, max_bytes=max_bytes)
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise _unreadable(path, error.strerror or "") from None
    if len(raw) > max_bytes:  # it grew while being read
        raise _too_large(len(raw), max_bytes)
    return raw


def text_of(raw: bytes, name: str, *, legacy_encoding: str | None = None) -> str:
    """The text of a file's bytes: UTF-8 (a BOM allowed), else ``legacy_encoding`` when given; no NUL bytes."""
    if b"\x00" in raw:
        raise DomainError(translate("Files", "The file %1 is not a text file (it contains NUL bytes).").replace("%1", name))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if legacy_encoding is not None:
            return raw.decode(legacy_encoding, errors="replace")
        line = raw[:error.start].count(b"\n") + 1
        raise DomainError(
            translate("Files", "The file %1 is not UTF-8 text (line %2). Save it as UTF-8 and try again.")
            .replace("%1", name).replace("%2", str(line))) from None


def read_text_list(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """A list file's text (UTF-8, bounded, no NUL bytes), or a DomainError saying what is wrong with it."""
    path = Path(path)
    text = text_of(read_bytes(path, max_bytes=max_bytes), path.name)
    lines = text.count("\n") + 1
    if lines > MAX_ROWS:
        raise too_many_rows()
    return text


def too_many_rows() -> DomainError:
    return DomainError(
        translate("Files", "The file has more than %1 rows; split it into smaller files.").replace("%1", f"{MAX_ROWS:,}"))


def _column_number(letters: bytes | None) -> int:
    number = 0
    for letter in (letters or b"A"):
        number = number * 26 + (letter - ord("A") + 1)
    return number


def check_xlsx(path: str | Path, *, max_uncompressed: int = MAX_XLSX_UNCOMPRESSED, max_cells: int = MAX_XLSX_CELLS) -> None:
    """Refuse an .xlsx that would unpack or parse out of bounds, before any XML of it is parsed: too many
    parts, too much when unpacked, a part squeezed suspiciously hard, a sheet declaring too many cells."""
    path = Path(path)
    refused = DomainError(
        translate("Files", "%1 is not an Excel file desk reads: it would unpack to more than %2 MB or %3 cells. "
                           "Save only the needed columns as .xlsx or .csv.")
        .replace("%1", path.name).replace("%2", str(max_uncompressed // 1024 // 1024))
        .replace("%3", f"{max_cells:,}"))
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_XLSX_PARTS:
                raise refused
            if sum(part.file_size for part in parts) > max_uncompressed:
                raise refused
            for part in parts:
                if part.file_size > RATIO_FROM and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1):
                    raise refused
            for part in parts:
                if not _SHEET_PART.match(part.filename):
                    continue
                with archive.open(part) as stream:
                    head = stream.read(64 * 1024)  # the dimension comes before the sheet's data
                found = _DIMENSION.search(head)
                if found is None:
                    continue
                first_col, first_row, last_col, last_row = found.groups()
                if last_row is None:
                    continue  # a single cell
                rows = int(last_row) - int(first_row or 1) + 1
                columns = _column_number(last_col) - _column_number(first_col) + 1
                if rows * columns > max_cells:
                    raise refused
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError):
        raise DomainError(translate("Files", "%1 cannot be read as an Excel (.xlsx) file.").replace("%1", path.name)) from None
