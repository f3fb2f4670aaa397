"""Roster export at scale: a whole term (60,000 enrollments in 2,000 groups) and a 500-student roster.

    python -m tests.benchmarks.exports [--groups N] [--per-group N]

Each run is a separate process, so its peak memory (maxrss) is its own; desk and floor take turns,
and the median of the rounds is quoted next to the best of each (this machine's speed varies
from run to run by a third; the best is the cost of the code with the least disturbance). "desk" builds the sheets
the way the application does (heading block, Polish order already given, text cells safe from
formulas, print set-up, widths, autofilter, frozen header) and writes them with the export
writer; "floor" writes the same cells with openpyxl's write-only mode and no formatting at all.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from datetime import date, time as clock_time
from pathlib import Path

from desk import demo_names as names
from desk.groups import GroupLine, SlotLine
from desk.model import ClassType

DATA = Path(__file__).resolve().parents[2] / "bench-data"


def _rosters(groups: int, per_group: int):
    from desk.rosters import Roster, RosterRow

    rng = random.Random(11)
    result = []
    number = 100000
    for g in range(groups):
        line = GroupLine(
            id=g + 1, course_id=g // 3 + 1, course_code=f"KURS-{g // 3:04d}", course_name=f"Przedmiot {g // 3}",
            term_code="2026Z", class_type=ClassType.CLASS, number=g % 3 + 1, seat_limit=per_group + 5, lower_limit=10,
            enrolled=per_group, over_limit_count=0, unit_id=1, teachers=("Anna Kowalska",),
            slots=(SlotLine(rng.randint(1, 5), clock_time(10, 15), clock_time(11, 45), "101", "A"),),
        )
        rows = []
        for _ in range(per_group):
            number += 1
            male = rng.random() < 0.5
            first = rng.choice(names.MALE_FIRST_NAMES if male else names.FEMALE_FIRST_NAMES)
            last = rng.choice(names.ADJECTIVAL_SURNAMES + names.NOUN_SURNAMES)
            rows.append(RosterRow(str(number), last, first, "INF-S1", 1, f"{number}@student.uni.example.pl"))
        rows.sort(key=lambda r: (r.last_name, r.first_names))
        result.append(Roster(line, date(2026, 10, 1), date(2027, 1, 31), tuple(rows)))
    return result


def _desk(groups: int, per_group: int, out: str, queue) -> None:
    from desk.rosters import roster_sheet, summary_sheet
    from exports.xlsx import write_workbook

    rosters = _rosters(groups, per_group)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    # Sheets made as they are written, as the export commands do: one roster's cells in memory at a time.
    sheets = itertools.chain([summary_sheet(rosters, "2026Z")], (roster_sheet(r) for r in rosters)) if groups > 1 \
        else [roster_sheet(rosters[0])]
    write_workbook(out, sheets, overwrite=True)
    seconds = time.perf_counter() - started
    queue.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, base))


def _floor(groups: int, per_group: int, out: str, queue) -> None:
    from openpyxl import Workbook

    rosters = _rosters(groups, per_group)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    for r in rosters:
        ws = workbook.create_sheet(f"{r.group.course_code} {r.group.number}"[:31])
        for label in ("Course", "Group", "Term", "Teachers", "Timetable", "Students", "Data as of"):
            ws.append([label])
        ws.append([])
        ws.append(["No.", "Student no.", "Surname", "First names", "Programme", "Stage", "Login e-mail"])
        for i, row in enumerate(r.rows, start=1):
            ws.append([i, row.student_number, row.last_name, row.first_names, row.programme, row.stage, row.login])
    workbook.save(out)
    seconds = time.perf_counter() - started
    queue.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, base))


def _run(target, groups: int, per_group: int) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "out.xlsx")
        process = context.Process(target=target, args=(groups, per_group, out, queue))
        process.start()
        seconds, peak_kib, base_kib = queue.get(timeout=1800)
        process.join()
        size = Path(out).stat().st_size
    return dict(seconds=seconds, peak_mb=peak_kib / 1024, growth_mb=(peak_kib - base_kib) / 1024, file_mb=size / 1e6)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, default=2000)
    parser.add_argument("--per-group", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5, help="desk and floor alternately, this many times each")
    args = parser.parse_args(argv)
    results = {}
    for name, groups, per_group in (("term", args.groups, args.per_group), ("roster500", 1, 500)):
        runs = {"desk": [], "floor": []}
        for _ in range(args.rounds):  # alternating, so a busy moment of the machine falls on both
            runs["desk"].append(_run(_desk, groups, per_group))
            runs["floor"].append(_run(_floor, groups, per_group))
        summary = {}
        for side, measured in runs.items():
            summary[side] = dict(seconds=_median([m["seconds"] for m in measured]),
                                 best_seconds=min(m["seconds"] for m in measured),
                                 all_seconds=[round(m["seconds"], 3) for m in measured],
                                 peak_mb=max(m["peak_mb"] for m in measured),
                                 growth_mb=max(m["growth_mb"] for m in measured),
                                 file_mb=measured[0]["file_mb"])
        desk, floor = summary["desk"], summary["floor"]
        results[name] = dict(groups=groups, enrollments=groups * per_group, desk=desk, floor=floor,
                             ratio=desk["seconds"] / floor["seconds"],
                             best_ratio=desk["best_seconds"] / floor["best_seconds"])
        print(f"{groups:,} group(s), {groups * per_group:,} enrollments, median of {args.rounds}: "
              f"desk {desk['seconds']:.2f} s, peak {desk['peak_mb']:.0f} MB (+{desk['growth_mb']:.0f} MB while writing), "
              f"{desk['file_mb']:.1f} MB file; floor {floor['seconds']:.2f} s, peak {floor['peak_mb']:.0f} MB "
              f"(+{floor['growth_mb']:.0f} MB); desk/floor {results[name]['ratio']:.2f}x "
              f"(best of each: {desk['best_seconds']:.2f} s / {floor['best_seconds']:.2f} s = {results[name]['best_ratio']:.2f}x)")
    DATA.mkdir(exist_ok=True)
    (DATA / "exports-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
