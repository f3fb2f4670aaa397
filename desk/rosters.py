"""Class lists (rosters) and other lists for export: gathered here, written by ``exports``, recorded in the audit.

A roster is one group: a heading (course, group, type, term, teachers, timetable, limit and
count, data as of) and its students in Polish alphabetical order. A course gives a sheet per
group and a summary; a registration or a unit's whole term gives one workbook of all its groups.
The attendance variant adds a column per class date from the timetable.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import func, select

from desk import bounds
from desk.changes import Action, Description, Shown
from desk.labels import class_type_label
from desk.clock import DEFAULT_TIME_ZONE, now_utc, to_local
from desk.errors import DomainError
from desk.groups import GroupLine, GroupScope, group_lines, scope_query
from desk.i18n import translate
from desk.messages import define
from desk.model import (
    Enrollment,
    EnrollmentStatus,
    LoginAccount,
    Person,
    Programme,
    Student,
    StudentProgramme,
    Term,
)
from desk.staff import Permission
from exports.xlsx import Column, Sheet, safe_file_name, write_workbook
from desk.unit_of_work import UnitOfWork

Progress = Callable[[int, int], None]

# The reason every export is recorded with: kept as a code, put into words in the reader's language.
SPREADSHEET_EXPORT = define("export.spreadsheet", "Rosters", QT_TRANSLATE_NOOP("Rosters", "spreadsheet export"))


def describe_export(kind: str, after: Mapping[str, Any]) -> Description:
    """An export in words: what list left, and how much of it (the history's export is described this way too)."""
    what = {
        "roster": translate("History", "class lists"),
        "history": translate("History", "history"),
        "payments": translate("History", "payments due"),
        "access": translate("History", "access decisions"),
        "tokens": translate("History", "token balances"),
        "list": translate("History", "list"),
    }.get(kind, kind.replace("_", " ") or translate("History", "list"))
    if "groups" in after:
        text = (translate("History", "Exported: %1 (groups: %2, students: %3)")
                .replace("%1", what).replace("%2", str(after.get("groups"))).replace("%3", str(after.get("students", "?"))))
    else:
        text = (translate("History", "Exported: %1 (lines: %2)").replace("%1", what)
                .replace("%2", str(after.get("rows", after.get("students", "?")))))
    return Description(text, frozenset({"students", "rows", "groups", "list"}))


class ExportAction(Action):
    """Lists with students' data written to a spreadsheet: personal data leaving the office (DOMAIN rule 8)."""

    ROSTER = "export.roster"
    PAYMENTS = "export.payments"
    ACCESS = "export.access"
    TOKENS = "export.tokens"
    GROUPS_AT_RISK = "export.groups_at_risk"  # no personal data: written, never recorded
    LIST = "export.list"  # a table as the window shows it (students found, a group's members …)

    def describe(self, shown: Shown) -> Description:
        return describe_export(self.value.partition(".")[2], shown.after)


@dataclass(frozen=True)
class RosterRow:
    student_number: str
    last_name: str
    first_names: str
    programme: str
    stage: int | None
    login: str


@dataclass(frozen=True)
class Roster:
    group: GroupLine
    term_starts: date
    term_ends: date
    rows: tuple[RosterRow, ...]


def class_dates(starts: date, ends: date, group: GroupLine) -> list[date]:
    """Every date in the term on which the group meets, from its weekly timetable."""
    days = sorted({slot.weekday for slot in group.slots})
    dates = []
    day = starts
    while day <= ends:
        if day.isoweekday() in days:
            dates.append(day)
        day += timedelta(days=1)
    return dates


def _weekday(number: int) -> str:
    return (translate("Groups", "Mon"), translate("Groups", "Tue"), translate("Groups", "Wed"), translate("Groups", "Thu"),
            translate("Groups", "Fri"), translate("Groups", "Sat"), translate("Groups", "Sun"))[number - 1]


def timetable_text(group: GroupLine) -> str:
    return "; ".join(
        f"{_weekday(s.weekday)} {s.starts_at:%H:%M}–{s.ends_at:%H:%M}" + (f", {' '.join(p for p in (s.room, s.building) if p)}"
                                                                          if (s.room or s.building) else "")
        for s in group.slots
    )


def gather(uow: UnitOfWork, scope: GroupScope) -> list[Roster]:
    """The rosters of the groups in scope, each in Polish alphabetical order (three queries in all)."""
    # Names, student numbers and logins leave the office: only roles that may see personal data.
    uow.require(Permission.VIEW_PERSONAL_DATA)
    with uow.read() as session:
        ids_query = scope_query(session, scope)
        lines = group_lines(session, ids_query)
        terms = {t.code: (t.starts_on, t.ends_on) for t in session.scalars(select(Term))}
        first_login = (
            select(func.min(LoginAccount.email)).where(LoginAccount.person_id == Person.id).scalar_subquery()
        )
        programme = (
            select(Programme.code)
            .join(StudentProgramme, StudentProgramme.programme_id == Programme.id)
            .where(StudentProgramme.student_id == Student.id)
            .order_by(StudentProgramme.admitted_on.desc())
            .limit(1)
            .scalar_subquery()
        )
        stage = (
            select(StudentProgramme.stage)
            .where(StudentProgramme.student_id == Student.id)
            .order_by(StudentProgramme.admitted_on.desc())
            .limit(1)
            .scalar_subquery()
        )
        members: dict[int, list[RosterRow]] = {}
        for group_id, number, last, first, middle, code, year, login in session.execute(
            select(Enrollment.group_id, Student.student_number, Person.last_name, Person.first_name, Person.middle_name,
                   programme, stage, first_login)
            .join(Student, Student.id == Enrollment.student_id)
            .join(Person, Person.id == Student.person_id)
            .where(Enrollment.group_id.in_(ids_query), Enrollment.status == EnrollmentStatus.ACCEPTED)
            .order_by(Enrollment.group_id, Person.sort_key, Student.student_number)
        ):
            members.setdefault(group_id, []).append(
                RosterRow(number, last, " ".join(n for n in (first, middle) if n), code or "", year, login or "")
            )
    return [Roster(g, *terms[g.term_code], tuple(members.get(g.id, ()))) for g in lines]


def _columns(roster: Roster | None, attendance: bool) -> list[Column]:
    columns = [
        Column(translate("Rosters", "No."), "number", 5),
        Column(translate("Rosters", "Student no."), "text", 12),
        Column(translate("Rosters", "Surname"), "text"),
        Column(translate("Rosters", "First names"), "text"),
    ]
    if attendance and roster is not None:
        columns += [Column(d.strftime("%d.%m"), "text", 6) for d in class_dates(roster.term_starts, roster.term_ends, roster.group)]
    else:
        columns += [
            Column(translate("Rosters", "Programme"), "text"),
            Column(translate("Rosters", "Stage"), "number", 6),
            Column(translate("Rosters", "Login e-mail"), "text"),
        ]
    return columns


def roster_sheet(roster: Roster, *, attendance: bool = False, as_of: datetime | None = None,
                 zone: str = DEFAULT_TIME_ZONE) -> Sheet:
    g = roster.group
    as_of = to_local(as_of or now_utc(), zone)
    heading = [
        (translate("Rosters", "Course"), f"{g.course_code} — {g.course_name}"),
        (translate("Rosters", "Group"), f"{g.number} ({class_type_label(g.class_type)})"),
        (translate("Rosters", "Term"), g.term_code),
        (translate("Rosters", "Teachers"), ", ".join(g.teachers)),
        (translate("Rosters", "Timetable"), timetable_text(g)),
        (translate("Rosters", "Students / limit"), f"{len(roster.rows)} / {g.seat_limit}"),
        (translate("Rosters", "Data as of"), as_of.replace(tzinfo=None, microsecond=0)),
    ]
    if attendance:
        rows = [(i, r.student_number, r.last_name, r.first_names) for i, r in enumerate(roster.rows, start=1)]
        caption = translate("Rosters", "Attendance list")
    else:
        rows = [(i, r.student_number, r.last_name, r.first_names, r.programme, r.stage, r.login)
                for i, r in enumerate(roster.rows, start=1)]
        caption = translate("Rosters", "Class list")
    return Sheet(
        title=f"{g.course_code} {g.class_type.value[:3]} {g.number}",
        columns=_columns(roster, attendance),
        rows=rows,
        heading=heading,
        caption=f"{caption}: {g.course_code} {class_type_label(g.class_type)} {g.number}",
        landscape=attendance,
    )


def summary_sheet(rosters: list[Roster], title: str) -> Sheet:
    rows = [
        (r.group.course_code, r.group.course_name, class_type_label(r.group.class_type), r.group.number, r.group.seat_limit,
         r.group.lower_limit, len(r.rows), ", ".join(r.group.teachers), timetable_text(r.group))
        for r in rosters
    ]
    return Sheet(
        title=translate("Rosters", "Summary"),
        columns=[Column(translate("Rosters", "Course")), Column(translate("Rosters", "Course name")),
                 Column(translate("Rosters", "Type")), Column(translate("Rosters", "Group"), "number", 7),
                 Column(translate("Rosters", "Limit"), "number", 7), Column(translate("Rosters", "Lower limit"), "number", 9),
                 Column(translate("Rosters", "Students"), "number", 9), Column(translate("Rosters", "Teachers")),
                 Column(translate("Rosters", "Timetable"))],
        rows=rows,
        caption=title,
        landscape=True,
    )


def default_file_name(scope_label: str, attendance: bool = False) -> str:
    prefix = translate("Rosters", "attendance") if attendance else translate("Rosters", "class-list")
    return safe_file_name(f"{prefix} {scope_label}")


def export_rosters(uow: UnitOfWork, scope: GroupScope, path: str | Path, *, attendance: bool = False, overwrite: bool = False,
    progress: Progress | None = None, title: str = "", zone: str = DEFAULT_TIME_ZONE,
) -> Path:
    """Write the rosters of the groups in scope to one workbook; recorded in the audit (personal data leaves)."""
    rosters = gather(uow, scope)
    if not rosters:
        raise DomainError(translate("Rosters", "There are no groups to export."))
    as_of = now_utc()
    summary = [summary_sheet(rosters, title or translate("Rosters", "Groups"))] if len(rosters) > 1 else []
    # Each roster's sheet is made as it is written: one roster's cells in memory at a time.
    sheets = itertools.chain(summary, (roster_sheet(r, attendance=attendance, as_of=as_of, zone=zone) for r in rosters))
    total = sum(len(r.rows) for r in rosters) + len(rosters)
    written = write_workbook(path, sheets, overwrite=overwrite, progress=progress, total_rows=total)
    _record(uow, ExportAction.ROSTER, {"file": written.name, "groups": len(rosters),
                                          "students": sum(len(r.rows) for r in rosters), "attendance": attendance})
    return written


def print_rosters(uow: UnitOfWork, scope: GroupScope, write: Callable[[list[Sheet]], Any], *, attendance: bool = False,
                  output: str = "", zone: str = DEFAULT_TIME_ZONE) -> Any:
    """Hand the rosters of the groups in scope, as sheets, to ``write`` (a printer or a PDF: the window's,
    which this module does not know), then record them like an export: the list leaves the office either
    way. ``output`` names the file (empty: paper). Returns what ``write`` returned."""
    rosters = gather(uow, scope)
    if not rosters:
        raise DomainError(translate("Rosters", "There are no groups to export."))
    as_of = now_utc()
    result = write([roster_sheet(r, attendance=attendance, as_of=as_of, zone=zone) for r in rosters])
    _record(uow, ExportAction.ROSTER, {"file": output or "print", "groups": len(rosters),
                                          "students": sum(len(r.rows) for r in rosters), "attendance": attendance})
    return result


def _record(uow: UnitOfWork, action: ExportAction, after: dict) -> None:
    with uow.write():
        uow.record_change(action, entity="export", entity_id=None, after=after, reason=SPREADSHEET_EXPORT(), portal=False)


# --- other lists -------------------------------------------------------------------------------


def export_list(uow: UnitOfWork, sheet: Sheet, path: str | Path, *, kind: ExportAction, overwrite: bool = False,
                personal: bool = True, progress: Progress | None = None) -> Path:
    """Write one prepared list; exporting personal data is recorded in the audit."""
    uow.require(Permission.VIEW_PERSONAL_DATA if personal else Permission.READ_STUDENTS)
    total = len(sheet.rows) if isinstance(sheet.rows, (list, tuple)) else None
    written = write_workbook(path, [sheet], overwrite=overwrite, progress=progress, total_rows=total)
    if personal:
        _record(uow, kind, {"file": written.name, "rows": sheet.written_rows})
    return written


def groups_at_risk_sheet(uow: UnitOfWork, term_id: int) -> Sheet:
    """Groups of a term below their lower limit: at risk of not running."""
    from desk.groups import list_groups

    lines = [g for g in list_groups(uow, GroupScope(term_id=term_id)) if g.below_lower_limit]
    return Sheet(
        title=translate("Rosters", "Below the lower limit"),
        columns=[Column(translate("Rosters", "Course")), Column(translate("Rosters", "Course name")),
                 Column(translate("Rosters", "Type")), Column(translate("Rosters", "Group"), "number", 7),
                 Column(translate("Rosters", "Students"), "number", 9), Column(translate("Rosters", "Lower limit"), "number", 9),
                 Column(translate("Rosters", "Limit"), "number", 7), Column(translate("Rosters", "Teachers"))],
        rows=[(g.course_code, g.course_name, class_type_label(g.class_type), g.number, g.enrolled, g.lower_limit, g.seat_limit,
               ", ".join(g.teachers)) for g in lines],
        caption=translate("Rosters", "Groups below their lower limit"),
        landscape=True,
    )


def payments_due_sheet(uow: UnitOfWork, *, term_id: int | None = None, unit_id: int | None = None) -> Sheet:
    from desk.model import PaymentStatus
    from desk.payments import list_payments

    lines = list_payments(uow, status=PaymentStatus.DUE, term_id=term_id, unit_id=unit_id, limit=None)
    return Sheet(
        title=translate("Rosters", "Payments due"),
        columns=[Column(translate("Rosters", "Student no."), "text", 12), Column(translate("Rosters", "Name")),
                 Column(translate("Rosters", "Amount (PLN)"), "money", 12), Column(translate("Rosters", "Due"), "date", 11),
                 Column(translate("Rosters", "Token")), Column(translate("Rosters", "Course")), Column(translate("Rosters", "Term"))],
        rows=[(p.student_number, p.student_name, p.amount, p.due_on, p.token_type_code or "", p.course_code or "",
               p.term_code or "") for p in lines],
        caption=translate("Rosters", "Payments due"),
    )


def access_list_sheet(uow: UnitOfWork, registration_id: int) -> Sheet:
    from desk.access import decisions_of
    from desk.model import AccessDecision

    lines = decisions_of(uow, registration_id, limit=None)
    return Sheet(
        title=translate("Rosters", "Access"),
        columns=[Column(translate("Rosters", "Student no."), "text", 12), Column(translate("Rosters", "Name")),
                 Column(translate("Rosters", "Decision")), Column(translate("Rosters", "Reason")),
                 Column(translate("Rosters", "By")), Column(translate("Rosters", "When"), "datetime", 17),
                 Column(translate("Rosters", "Until"), "datetime", 17), Column(translate("Rosters", "Standing"))],
        rows=[(d.student_number, d.student_name,
               translate("Rosters", "grant") if d.decision is AccessDecision.GRANT else translate("Rosters", "revocation"),
               d.reason, d.granted_by or "", to_local(d.granted_at).replace(tzinfo=None),
               to_local(d.valid_until).replace(tzinfo=None) if d.valid_until else None,
               translate("Rosters", "yes") if d.standing else translate("Rosters", "no")) for d in lines],
        caption=translate("Rosters", "Individual access decisions"),
        landscape=True,
    )


def token_balances_sheet(uow: UnitOfWork, programme_id: int, stage: int | None) -> Sheet:
    """Token balances of a cohort (a programme and stage): one column per token type."""
    uow.require(Permission.VIEW_PERSONAL_DATA)
    bounds.RECORD_ID.check(programme_id)
    if stage is not None:
        bounds.STAGE.check(stage)
    from desk.model import TokenEntry, TokenType

    with uow.read() as session:
        types = session.execute(select(TokenType.id, TokenType.code).order_by(TokenType.code)).all()
        query = (
            select(Student.id, Student.student_number, Person.last_name, Person.first_name)
            .join(Person, Person.id == Student.person_id)
            .join(StudentProgramme, StudentProgramme.student_id == Student.id)
            .where(StudentProgramme.programme_id == programme_id)
            .order_by(Person.sort_key, Student.student_number)
        )
        if stage is not None:
            query = query.where(StudentProgramme.stage == stage)
        students = session.execute(query).all()
        sums: dict[tuple[int, int], int] = {}
        ids = [s.id for s in students]
        for start in range(0, len(ids), 5000):
            for sid, tid, total in session.execute(
                select(TokenEntry.student_id, TokenEntry.token_type_id, func.sum(TokenEntry.amount))
                .where(TokenEntry.student_id.in_(ids[start : start + 5000]))
                .group_by(TokenEntry.student_id, TokenEntry.token_type_id)
            ):
                sums[(sid, tid)] = int(total or 0)
    return Sheet(
        title=translate("Rosters", "Token balances"),
        columns=[Column(translate("Rosters", "Student no."), "text", 12), Column(translate("Rosters", "Surname")),
                 Column(translate("Rosters", "First names")), *[Column(code, "number", 7) for _tid, code in types]],
        rows=[(s.student_number, s.last_name, s.first_name, *[sums.get((s.id, tid), 0) for tid, _code in types])
              for s in students],
        caption=translate("Rosters", "Token balances"),
    )
