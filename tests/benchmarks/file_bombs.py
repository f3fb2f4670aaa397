"""Two .xlsx bombs given to `desk accounts import`: time and peak memory until they are refused.

A 2 MB file holding 1.5 GB of empty rows, and a 1 KB file whose sheet declares A1:XFD1048576. Each is
read in a fresh process (so its peak memory is its own); target: refused in under 2 s and 200 MB.

    python -m tests.benchmarks.file_bombs [--gigabytes 1.5]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

SHEET = "xl/worksheets/sheet1.xml"
_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def _template() -> dict[str, bytes]:
    """The parts of a real one-sheet workbook with a header row (numer albumu, e-mail)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["numer albumu", "e-mail"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write(path: Path, sheet_chunks) -> Path:
    parts = _template()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            if name == SHEET:
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(info, "w", force_zip64=True) as stream:
                    for chunk in sheet_chunks():
                        stream.write(chunk)
            else:
                archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def empty_rows_bomb(path: Path, uncompressed_bytes: int = 1_500_000_000) -> Path:
    """A header row, then empty rows until the sheet unpacks to ``uncompressed_bytes``."""
    def chunks():
        yield _HEAD + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>numer albumu</t></is></c>' \
                      b'<c r="B1" t="inlineStr"><is><t>e-mail</t></is></c></row>'
        block = b"<row/>" * 1_000_000
        for _ in range(max(uncompressed_bytes // len(block), 1)):
            yield block
        yield b"</sheetData></worksheet>"

    return _write(path, chunks)


def dimension_bomb(path: Path) -> Path:
    """A tiny sheet declaring every cell Excel can have (A1:XFD1048576)."""
    def chunks():
        yield _HEAD + b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>numer ' \
                      b'albumu</t></is></c><c r="B1" t="inlineStr"><is><t>e-mail</t></is></c></row>' \
                      b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'

    return _write(path, chunks)


def malformed_xml(path: Path, sheet: bytes) -> Path:
    """A workbook whose sheet is the given bytes (broken XML, entities)."""
    return _write(path, lambda: iter([sheet]))


_MEASURE = """
import json, resource, sys, time
from desk.accounts.bulk_link import read_link_file
from desk.errors import DomainError
start = time.perf_counter()
try:
    read_link_file(sys.argv[1])
    outcome = "read"
except DomainError as error:
    outcome = "refused: " + str(error)
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_kib / 1024}))
"""


def measure(path: Path) -> dict:
    """Read the file in a fresh process: its outcome, the seconds to it, the process's peak memory (MB)."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gigabytes", type=float, default=1.5, help="what the empty-rows bomb unpacks to")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        rows = empty_rows_bomb(Path(folder) / "empty-rows.xlsx", int(args.gigabytes * 1e9))
        built = time.perf_counter() - started
        dimension = dimension_bomb(Path(folder) / "dimension.xlsx")
        baseline = measure(Path(folder) / "missing.xlsx")
        print(f"(a process that only starts and refuses a missing file: {baseline['seconds']:.2f} s, "
              f"{baseline['peak_mb']:.0f} MB peak)")
        for label, path in ((f"{rows.stat().st_size / 1e6:.1f} MB xlsx, {args.gigabytes:g} GB of empty rows "
                             f"(built in {built:.0f} s)", rows),
                            (f"{dimension.stat().st_size / 1e3:.1f} KB xlsx declaring A1:XFD1048576", dimension)):
            figures = measure(path)
            verdict = "ok" if figures["seconds"] < 2 and figures["peak_mb"] < 200 and figures["outcome"] != "read" else "OVER TARGET"
            print(f"{label}: {figures['outcome'][:90]}\n    {figures['seconds']:.3f} s, {figures['peak_mb']:.0f} MB peak "
                  f"[{verdict}]")


if __name__ == "__main__":
    main()
