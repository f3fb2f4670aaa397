"""Importing a university's students: 300,000 rows (person, student, programme, login) from .xlsx and from CSV
into an empty database.

    python -m tests.benchmarks.imports [--students N] [--rounds N] [--formats xlsx,csv]

Each run is a separate process with a fresh copy of the same empty database (units, programmes and
login templates only), so its time and peak memory (maxrss) are its own; desk and floor take turns.
"desk" is what a clerk does: the preview (reads, checks and compares every row, writes nothing), then
the import (reads the file again, checks it again, writes the rows, one audit entry a row in one change
set, and the portal queue). "floor" reads the same file with openpyxl's read-only iteration (or the
csv module) and inserts the same rows (the persons with the same derived search and order columns,
students, programmes, logins) with plain multi-row INSERTs in one transaction, nothing checked. Both
leave the same rows, checked after each run.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "bench-data"
PROGRAMMES = 30
DOMAIN = "student.uni.example.pl"


def _rows(count: int):
    from desk import demo_names as names
    from desk.demo import _pesel

    rng = random.Random(7)
    numbers = rng.sample(range(100_000, 1_000_000), count)
    pesels: set[str] = set()
    for number in numbers:
        male = rng.random() < 0.46
        first = rng.choice(names.MALE_FIRST_NAMES if male else names.FEMALE_FIRST_NAMES)
        last = rng.choice(names.NOUN_SURNAMES)
        birth = date(1998, 1, 1) + timedelta(days=rng.randint(0, 2500))
        pesel = ""
        if rng.random() > 0.02:
            serial = rng.randint(0, 4999)
            pesel = _pesel(birth, male, serial)
            while pesel in pesels:
                serial = (serial + 1) % 5000
                pesel = _pesel(birth, male, serial)
            pesels.add(pesel)
        status, since = ("aktywny", "") if rng.random() > 0.05 else ("urlop", "01.03.2026")
        yield [str(number).zfill(6), last, first, pesel, birth.strftime("%d.%m.%Y"), f"P{rng.randrange(PROGRAMMES):02d}",
               str(rng.randint(1, 3)), status, since, "01.10.2025", f"{number}@{DOMAIN}"]


HEADINGS = ["INDEKS", "Nazwisko", "Imię", "PESEL", "Data urodzenia", "PRG_KOD", "Etap", "Status", "Status od",
            "Data przyjęcia", "EMAIL"]


def _files(count: int) -> dict[str, Path]:
    DATA.mkdir(exist_ok=True)
    paths = {"csv": DATA / f"import-students-{count}.csv", "xlsx": DATA / f"import-students-{count}.xlsx"}
    if not paths["csv"].exists():
        with paths["csv"].open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, delimiter=";")
            out.writerow(HEADINGS)
            out.writerows(_rows(count))
    if not paths["xlsx"].exists():
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Studenci")
        sheet.append(HEADINGS)
        with paths["csv"].open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter=";")
            next(reader)
            for row in reader:
                sheet.append(row)
        book.save(paths["xlsx"])
    return paths


def _empty_database() -> Path:
    """Migrated, with the university's units, programmes, login templates and an administrator."""
    path = DATA / "import-empty.sqlite"
    if path.exists():
        return path
    from desk.db import open_database
    from desk.model import Level, LoginTemplate, OrgUnit, PersonCategory, Programme, StudyMode, UnitKind
    from desk.staff import create_first_administrator
    from desk.unit_of_work import SystemJob, UnitOfWork

    temporary = path.with_suffix(".tmp")
    temporary.unlink(missing_ok=True)
    db = open_database(str(temporary)).database
    create_first_administrator(UnitOfWork(db, SystemJob.SETUP), "admin", "Anna Administratorka", "admin-password")
    with db.write() as session:
        unit = OrgUnit(code="WMI", name="Wydział", kind=UnitKind.FACULTY)
        session.add(unit)
        session.flush()
        for index in range(PROGRAMMES):
            session.add(Programme(code=f"P{index:02d}", name=f"Kierunek {index}", unit_id=unit.id,
                                  level=Level.FIRST_CYCLE, mode=StudyMode.FULL_TIME))
        session.add(LoginTemplate(category=PersonCategory.STUDENT, domain=DOMAIN, template="{student_number}@" + DOMAIN))
    db.dispose()
    temporary.rename(path)
    return path


def _counts(db) -> tuple[int, ...]:
    from sqlalchemy import func, select

    from desk.model import LoginAccount, Person, Student, StudentProgramme

    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Person, Student, StudentProgramme, LoginAccount))


def _desk(source: str, database: str, queue) -> None:
    from desk.db import open_database
    from desk.imports.service import apply_import, preview_import
    from desk.staff import sign_in
    from desk.unit_of_work import UnitOfWork

    db = open_database(database).database
    admin = sign_in(db, "admin", "admin-password")
    started = time.perf_counter()
    preview = preview_import(UnitOfWork(db, admin), "students", source)
    previewed = time.perf_counter()
    applied = apply_import(UnitOfWork(db, admin), preview, reason="benchmark")
    done = time.perf_counter()
    assert applied.new == preview.total and preview.errors == 0, (applied, preview.counts)
    queue.put((previewed - started, done - previewed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, _counts(db)))


def _floor(source: str, database: str, queue) -> None:
    from sqlalchemy import insert

    from desk.db import open_database
    from desk.model import LoginAccount, Person, PersonCategory, ProgrammeStatus, Student, StudentProgramme
    from desk.text import person_name_fields

    db = open_database(database).database
    with db.read() as session:
        from sqlalchemy import select

        from desk.model import Programme

        programmes = dict(session.execute(select(Programme.code, Programme.id)).all())
    started = time.perf_counter()
    if source.endswith(".csv"):
        handle = open(source, encoding="utf-8", newline="")
        rows = csv.reader(handle, delimiter=";")
    else:
        from openpyxl import load_workbook

        book = load_workbook(source, read_only=True)
        rows = book.worksheets[0].iter_rows(values_only=True)
    next(rows)

    def day(text: str) -> date | None:
        if not text:
            return None
        d, m, y = text.split(".")
        return date(int(y), int(m), int(d))

    persons, students, lines, logins = [], [], [], []
    for index, (number, last, first, pesel, birth, code, stage, status, since, admitted, email) in enumerate(rows, start=1):
        persons.append(dict(id=index, first_name=first, middle_name=None, last_name=last, pesel=pesel or None,
                            birth_date=day(birth), category=PersonCategory.STUDENT, **person_name_fields(first, None, last)))
        students.append(dict(id=index, person_id=index, student_number=number))
        lines.append(dict(student_id=index, programme_id=programmes[code], stage=int(stage),
                          status=ProgrammeStatus.ACTIVE if status == "aktywny" else ProgrammeStatus.ON_LEAVE,
                          status_since=day(since), admitted_on=day(admitted)))
        logins.append(dict(email=email, email_folded=email.lower(), person_id=index))
    with db.write() as session:
        for model, values in ((Person, persons), (Student, students), (StudentProgramme, lines), (LoginAccount, logins)):
            session.execute(insert(model), values)
    done = time.perf_counter()
    queue.put((0.0, done - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, _counts(db)))


def _run(target, source: Path) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "desk.sqlite"
        shutil.copyfile(_empty_database(), database)
        process = context.Process(target=target, args=(str(source), str(database), queue))
        process.start()
        preview, seconds, peak_kib, counts = queue.get(timeout=3600)
        process.join()
    return dict(preview=preview, seconds=seconds, peak_mb=peak_kib / 1024, counts=counts)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--rounds", type=int, default=3, help="desk and floor alternately, this many times each")
    parser.add_argument("--formats", default="xlsx,csv")
    args = parser.parse_args(argv)
    files = _files(args.students)
    _empty_database()
    results = {}
    for fmt in args.formats.split(","):
        runs = {"desk": [], "floor": []}
        for _ in range(args.rounds):  # alternating, so a busy moment of the machine falls on both
            runs["desk"].append(_run(_desk, files[fmt]))
            runs["floor"].append(_run(_floor, files[fmt]))
        counts = {m["counts"] for side in runs.values() for m in side}
        assert len(counts) == 1, f"desk and floor left different rows: {counts}"
        desk, floor = runs["desk"], runs["floor"]
        summary = dict(
            rows=args.students, file_mb=files[fmt].stat().st_size / 1e6, rows_written=list(counts)[0],
            desk_import_median=_median([m["seconds"] for m in desk]), desk_import_p95=_p95([m["seconds"] for m in desk]),
            desk_preview_median=_median([m["preview"] for m in desk]), desk_preview_p95=_p95([m["preview"] for m in desk]),
            floor_median=_median([m["seconds"] for m in floor]), floor_p95=_p95([m["seconds"] for m in floor]),
            desk_peak_mb=max(m["peak_mb"] for m in desk), floor_peak_mb=max(m["peak_mb"] for m in floor),
            all_desk=[(round(m["preview"], 2), round(m["seconds"], 2)) for m in desk],
            all_floor=[round(m["seconds"], 2) for m in floor])
        summary["import_over_floor"] = summary["desk_import_median"] / summary["floor_median"]
        summary["preview_over_import"] = summary["desk_preview_median"] / summary["desk_import_median"]
        results[fmt] = summary
        print(f"{fmt}: {args.students:,} students ({summary['file_mb']:.0f} MB), median of {args.rounds} (p95): "
              f"import {summary['desk_import_median']:.1f} s ({summary['desk_import_p95']:.1f}), "
              f"preview {summary['desk_preview_median']:.1f} s ({summary['desk_preview_p95']:.1f}), "
              f"floor {summary['floor_median']:.1f} s ({summary['floor_p95']:.1f}); "
              f"import/floor {summary['import_over_floor']:.2f}x, preview/import {summary['preview_over_import']:.2f}x; "
              f"peak memory desk {summary['desk_peak_mb']:.0f} MB, floor {summary['floor_peak_mb']:.0f} MB")
    (DATA / "imports-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
