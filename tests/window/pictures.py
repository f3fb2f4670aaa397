"""The README's pictures, taken from a clerk's session in a real window: ``make pictures``.

A dean's office clerk (not the administrator) works in the application on a 1366x768 screen
(Xvfb, openbox), by keyboard, on a copy of the demo university, once in the light theme and once
in the dark: the student search, a refusal in words, changes waiting for the portal, a sync in
progress, the conflicts it found, and the class groups. The screen is taken whole (ImageMagick),
so the pictures show what the clerk sees, window frame and status bar included.

    python -m tests.window.pictures --demo bench-data/snapshot-demo.sqlite --out docs/screenshots
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from desk import groups
from desk.db import open_database
from desk.demo import DEMO_PASSWORD
from desk.model import ClassGroup, Registration
from desk.portal import simulator
from desk.portal.database import open_portal_for
from desk.registrations import registration_by_code
from desk.staff import actor_for_login
from desk.unit_of_work import UnitOfWork
from tests.window.xsession import Application, XSession, missing_tools

CLERK = "dziekanat"
RUSH = "WMFI-SEM-2026Z"  # a first-come registration of the clerk's faculty, open now in the demo
SEARCH = "kowal"


def _stage(demo: Path, folder: Path) -> tuple[Path, tuple[str, str]]:
    """A copy of the demo where the portal took seats the desk no longer has: changes wait, conflicts follow.

    The clerk's faculty's groups of one registration are set to their enrolled count at the desk
    (not yet sent), then students race for them on the portal, which still sees the old limits.
    """
    database = folder / "desk.sqlite"
    shutil.copyfile(demo, database)
    portal = demo.with_name(f"{demo.stem}-portal{demo.suffix}")
    if portal.exists():
        shutil.copyfile(portal, folder / f"desk-portal{demo.suffix}")
    db = open_database(str(database)).database
    try:
        clerk = actor_for_login(db, CLERK)
        registration_id = registration_by_code(db, RUSH)
        with db.read() as session:
            offered = session.execute(
                select(ClassGroup.id).join(Registration, Registration.term_id == ClassGroup.term_id)
                .where(Registration.id == registration_id)).scalars().all()
        lines = [g for g in groups.list_groups(UnitOfWork(db, clerk), groups.GroupScope(registration_id=registration_id))
                 if g.id in set(offered)]
        for line in lines:
            groups.set_seat_limits(UnitOfWork(db, clerk), [line.id], value=max(line.enrolled, 1),
                                   reason="room changed: fewer places")
        portal_db = open_portal_for(db)
        try:
            simulator.first_come_rush(portal_db, registration_id, students=60, workers=1, seed=7)
        finally:
            portal_db.dispose()
        refused = _refused(db, clerk)
    finally:
        db.dispose()
    return database, refused


def _refused(db, clerk) -> tuple[str, str]:
    """A student of the clerk's faculty and a registration of it they are not admitted to, with its reason."""
    from desk.eligibility import registrations_for_student
    from desk.model import OrgUnit, Programme, Student, StudentProgramme

    with db.read() as session:
        unit = session.scalar(select(OrgUnit.code).where(OrgUnit.id.in_(clerk.unit_ids)))
        students = session.execute(
            select(Student.id, Student.student_number).join(StudentProgramme, StudentProgramme.student_id == Student.id)
            .join(Programme, Programme.id == StudentProgramme.programme_id)
            .where(Programme.unit_id.in_(clerk.unit_ids), StudentProgramme.status == "active").order_by(Student.id).limit(400)
        ).all()
    for student_id, number in students:
        for line in registrations_for_student(UnitOfWork(db, clerk), student_id):
            if not line.admitted and line.registration.code.startswith(unit) and "Rule or individual grant" in line.summary:
                return number, line.registration.code
    raise SystemExit("no refused student in the demo")


def _settings(home: Path, theme: str, language: str) -> None:
    folder = home / "config" / "desk"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "desk.conf").write_text(f"[appearance]\ntheme={theme}\n\n[General]\nlanguage={language}\n", encoding="utf-8")


def _pause(seconds: float = 0.6) -> None:
    time.sleep(seconds)  # the window repaints after the data arrive; a picture, not a test


def session_pictures(x: XSession, database: Path, refused: tuple[str, str], home: Path, out: Path, theme: str,
                     language: str) -> list[Path]:
    _settings(home, theme, language)
    app = Application(x, database, home, lang=language)
    taken: list[Path] = []

    def shot(name: str) -> None:
        _pause()
        path = x.screenshot(name)
        if path is not None:
            target = out / f"window-{language}-{theme}-{name}.png"
            shutil.move(path, target)
            taken.append(target)

    try:
        x.wait_title("desk")
        x.type(CLERK)
        x.key("Tab")
        x.type(DEMO_PASSWORD)
        x.key("Return")
        x.wait_title("Uniwersytet")
        x.type(SEARCH)
        _pause(1.2)
        shot("lookup")
        # A student's card, then why they cannot take part in a registration of their faculty.
        number, registration = refused
        x.key("ctrl+a")
        x.type(number)
        x.key("Return")
        x.wait_title(f"student {number}")
        x.key("alt+i")
        x.type(registration)
        x.key("alt+w")
        x.wait_title(registration)
        shot("why")
        x.key("Escape")
        _pause(0.3)
        x.key("Escape")
        x.key("ctrl+8")
        shot("sync-waiting")
        x.key("alt+n")  # Sync now
        _pause(0.15)
        path = x.screenshot("running")
        if path is not None:
            target = out / f"window-{language}-{theme}-sync-running.png"
            shutil.move(path, target)
            taken.append(target)
        _pause(4)
        x.key("alt+o")  # the open conflicts
        x.key("Tab", "ctrl+a")
        shot("conflicts")
        x.key("ctrl+3")
        _pause(3)  # the view is made when first opened, and reads its term's groups
        x.key("alt+c")
        x.type("WMFI-INF")
        x.key("Down")
        shot("class-groups")
        x.key("ctrl+q")
        app.ended()
    finally:
        app.stop()
    return taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", required=True, type=Path, help="a demo database (desk demo) to copy")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--themes", default="light,dark")
    parser.add_argument("--languages", default="en")
    args = parser.parse_args(argv)
    if missing_tools():
        print(f"needs {', '.join(missing_tools())}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        x = XSession(Path(folder))
        try:
            for language in args.languages.split(","):
                for theme in args.themes.split(","):
                    work = Path(folder) / f"{language}-{theme}"
                    work.mkdir()
                    database, refused = _stage(args.demo, work)
                    for path in session_pictures(x, database, refused, work / "home", args.out, theme, language):
                        print(path)
        finally:
            x.close()
    subprocess.run(["git", "status", "--short", str(args.out)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
