"""Importing registrations with their rounds, offered courses and access rules, and enrollments."""

from __future__ import annotations

from collections.abc import Sequence
from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from desk import bounds
from desk.changes import Change
from desk.clock import as_utc, format_local
from desk.i18n import translate
from desk.imports import cells
from desk.imports.kind import Column, Kind, Row, Status, insert_rows
from desk.imports.people import _chunks, students_by_number
from desk.imports.table_kind import Reference, TableKind
from desk.imports.teaching import _CLASS_TYPE, _COURSE, _GROUP_NUMBER, _TERM, LEVEL, MODE, _unit_reference
from desk.model import (
    AccessRule,
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    Programme,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    Round,
    Student,
    Term,
    TokenType,
)
from desk import rule_facts, rules
from desk.refusals import describe_all
from desk.registrations import round_state
from desk.rules import GroupFacts, Held
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

REGISTRATION_KIND = cells.choice(RegistrationKind, {
    RegistrationKind.DIRECT: ("bezpośrednia", "direct", "kto pierwszy ten lepszy"),
    RegistrationKind.TOKEN: ("żetonowa", "token", "żetony"),
})
_REGISTRATION = Column("registration", QT_TRANSLATE_NOOP("ImportColumns", "Registration code"), "Kod rejestracji",
                       cells.text(40), True, "REJ_KOD", QT_TRANSLATE_NOOP("ImportNotes", "a registration the desk has "
                                                                                        "(import registrations first)"),
                       "2026Z-WMI-1", ("rejestracja",))
_SELECTION = bounds.Bound(QT_TRANSLATE_NOOP("Bounds", "A selection limit"), 1, 100)
_MINUTES = bounds.Bound(QT_TRANSLATE_NOOP("Bounds", "A length in minutes"), 1, 24 * 60)


def _registration_reference() -> Reference:
    return Reference("registration", "registration_id", Registration,
                     problem=QT_TRANSLATE_NOOP("Import", "no registration %1 at the desk"))


class RegistrationsKind(TableKind):
    code = "registrations"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Registrations")
    entity = "registration"
    published = True
    model = Registration
    key = ("code",)
    key_fields = ("code",)
    fields = ("name", "unit_id", "term_id", "kind", "token_type_id", "message", "selection_limit", "entitled_only",
              "clash_check", "exchanges", "waiting_lists")
    defaults = {"entitled_only": True, "clash_check": True, "exchanges": False, "waiting_lists": False}
    columns = (
        Column("code", QT_TRANSLATE_NOOP("ImportColumns", "Registration code"), "Kod rejestracji", cells.text(40), True,
               "REJ_KOD", example="2026Z-WMI-1"),
        Column("name", QT_TRANSLATE_NOOP("ImportColumns", "Name"), "Nazwa", cells.text(200), True, "OPIS",
               example="Zajęcia obieralne WMI"),
        Column("unit", QT_TRANSLATE_NOOP("ImportColumns", "Unit code"), "Kod jednostki", cells.text(20), True,
               "JED_ORG_KOD", example="WMI"),
        _TERM,
        Column("kind", QT_TRANSLATE_NOOP("ImportColumns", "Kind"), "Rodzaj", REGISTRATION_KIND, True, example="bezpośrednia"),
        Column("token_type", QT_TRANSLATE_NOOP("ImportColumns", "Token type"), "Typ żetonu", cells.text(10),
               note=QT_TRANSLATE_NOOP("ImportNotes", "required for a token registration, empty for a direct one"),
               example=""),
        Column("message", QT_TRANSLATE_NOOP("ImportColumns", "Message to students"), "Komunikat", cells.text(4000)),
        Column("selection_limit", QT_TRANSLATE_NOOP("ImportColumns", "Selection limit"), "Limit wyboru",
               cells.whole(_SELECTION), note=QT_TRANSLATE_NOOP("ImportNotes", "how many courses a student may take; "
                                                                             "empty: no limit")),
        Column("entitled_only", QT_TRANSLATE_NOOP("ImportColumns", "Entitled students only"), "Tylko uprawnieni",
               cells.FLAG, example="tak", default=True),
        Column("clash_check", QT_TRANSLATE_NOOP("ImportColumns", "Timetable clashes refused"), "Kolizje planu odrzucane",
               cells.FLAG, example="tak", default=True),
        Column("exchanges", QT_TRANSLATE_NOOP("ImportColumns", "Exchanges allowed"), "Wymiany dozwolone",
               cells.FLAG, example="nie", default=False),
        Column("waiting_lists", QT_TRANSLATE_NOOP("ImportColumns", "Waiting lists kept"), "Listy oczekujących",
               cells.FLAG, example="nie", default=False),
    )
    references = (_unit_reference(), Reference("term", "term_id", Term, problem=QT_TRANSLATE_NOOP("Import", "no term %1 at the desk")),
                  Reference("token_type", "token_type_id", TokenType,
                            problem=QT_TRANSLATE_NOOP("Import", "no token type %1 at the desk")))

    def check(self, session, uow, state, row, values, current) -> None:
        if not uow.can(Permission.MANAGE_REGISTRATIONS, values["unit_id"]):
            row.problem(self.column("unit"), translate("Import", "not one of your units"))
        if (values["kind"] is RegistrationKind.TOKEN) != (values.get("token_type_id") is not None):
            row.problem(self.column("token_type"), translate("Import", "a token registration has a token type, a direct "
                                                                      "one has none"))


class RoundsKind(TableKind):
    code = "rounds"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Rounds of registrations")
    entity = "round"
    published = True
    model = Round
    key = ("registration", "name")
    key_fields = ("registration_id", "name")
    fields = ("starts_at", "ends_at", "unregister_allowed", "micro_round_minutes", "micro_break_minutes")
    columns = (
        _REGISTRATION,
        Column("name", QT_TRANSLATE_NOOP("ImportColumns", "Round"), "Tura", cells.text(200), True, "OPIS",
               example="Tura 1"),
        Column("starts_at", QT_TRANSLATE_NOOP("ImportColumns", "Starts at"), "Początek", cells.MOMENT, True, "DATA_OD",
               example="20.09.2026 10:00"),
        Column("ends_at", QT_TRANSLATE_NOOP("ImportColumns", "Ends at"), "Koniec", cells.MOMENT, True, "DATA_DO",
               example="27.09.2026 23:59"),
        Column("unregister_allowed", QT_TRANSLATE_NOOP("ImportColumns", "Unregistering allowed"), "Wyrejestrowanie",
               cells.FLAG, example="tak", default=True),
        Column("micro_round_minutes", QT_TRANSLATE_NOOP("ImportColumns", "Micro-round (minutes)"),
               "Mikrotura (minuty)", cells.whole(_MINUTES),
               note=QT_TRANSLATE_NOOP("ImportNotes", "token rounds only")),
        Column("micro_break_minutes", QT_TRANSLATE_NOOP("ImportColumns", "Micro-break (minutes)"),
               "Mikroprzerwa (minuty)", cells.whole(_MINUTES),
               note=QT_TRANSLATE_NOOP("ImportNotes", "token rounds only")),
    )
    references = (_registration_reference(),)

    def prepare(self, session, uow, state) -> None:
        state.extra["registrations"] = {rid: (unit, kind) for rid, unit, kind in
                                        session.execute(select(Registration.id, Registration.unit_id, Registration.kind))}

    def check(self, session, uow, state, row, values, current) -> None:
        unit, kind = state.extra["registrations"][values["registration_id"]]
        if not uow.can(Permission.MANAGE_REGISTRATIONS, unit):
            row.problem(self.column("registration"), translate("Import", "not one of your units"))
        starts, ends = as_utc(values["starts_at"]), as_utc(values["ends_at"])
        if ends <= starts:
            row.problem(self.column("ends_at"), translate("Import", "not after the start"))
            return
        if kind is RegistrationKind.TOKEN and not (values.get("micro_round_minutes") and values.get("micro_break_minutes")):
            row.problem(self.column("micro_round_minutes"), translate("Import", "a token round needs its micro-round "
                                                                                "and break"))
        if kind is RegistrationKind.DIRECT:
            values["micro_round_minutes"] = values["micro_break_minutes"] = None
        for (registration_id, name), (_rid, other) in state.existing.items():
            if registration_id == values["registration_id"] and name != values["name"] and \
                    starts < as_utc(other["ends_at"]) and as_utc(other["starts_at"]) < ends:
                row.problem(self.column("starts_at"), translate("Import", "overlaps the round %1 (%2 – %3)")
                            .replace("%1", name).replace("%2", format_local(other["starts_at"]))
                            .replace("%3", format_local(other["ends_at"])))
                break

    def compare_fields(self, state, row, values, current) -> None:
        as_stored = {k: (as_utc(v) if k in ("starts_at", "ends_at") and v is not None else v) for k, v in current[1].items()}
        super().compare_fields(state, row, values, (current[0], as_stored))

    def insert_values(self, uow, values):
        row = super().insert_values(uow, values)
        row["status"] = round_state(as_utc(values["starts_at"]), as_utc(values["ends_at"]), uow.now)
        return row

    def change(self, row, record_id):
        change = super().change(row, record_id)
        return Change(change.entity, change.entity_id, None, change.before, change.after, None,
                      {"registration_id": row.current[1]["registration_id"]})


class OfferedCoursesKind(Kind):
    code = "offered_courses"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Courses offered in registrations")
    entity = "registration"
    key = ("registration", "course")
    columns = (_REGISTRATION, _COURSE)

    def begin(self, session: Session, uow: UnitOfWork) -> dict:
        return {
            "registrations": {code: (rid, unit) for rid, code, unit in
                              session.execute(select(Registration.id, Registration.code, Registration.unit_id))},
            "courses": dict(session.execute(select(Course.code, Course.id)).all()),
            "offered": set(session.execute(select(RegistrationCourse.registration_id, RegistrationCourse.course_id)).all()),
        }

    def judge(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> None:
        for row in rows:
            registration = state["registrations"].get(row["registration"])
            course = state["courses"].get(row["course"])
            if registration is None:
                row.problem(self.column("registration"), translate("Import", "no registration %1 at the desk")
                            .replace("%1", row["registration"]))
            if course is None:
                row.problem(self.column("course"), translate("Import", "no course %1 at the desk").replace("%1", row["course"]))
            if row.problems:
                continue
            if not uow.can(Permission.MANAGE_REGISTRATIONS, registration[1]):
                row.problem(self.column("registration"), translate("Import", "not one of your units"))
                continue
            row.current = (registration[0], course)
            row.status = Status.UNCHANGED if row.current in state["offered"] else Status.NEW

    def records(self, session: Session):
        for code, course in session.execute(
                select(Registration.code, Course.code).join(RegistrationCourse, RegistrationCourse.registration_id == Registration.id)
                .join(Course, Course.id == RegistrationCourse.course_id).order_by(Registration.id, Course.id)):
            yield {"registration": code, "course": course}

    def write(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> list[Change]:
        session.execute(insert(RegistrationCourse), [{"registration_id": r.current[0], "course_id": r.current[1]} for r in rows])
        state["offered"].update(r.current for r in rows)
        return [Change("registration", r.current[0], None, None, {"line": r.line, **r.values}, None, {}) for r in rows]


class AccessRulesKind(TableKind):
    code = "access_rules"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Access rules of registrations")
    entity = "access_rule"
    published = True
    model = AccessRule
    key = ("registration", "programme", "level", "mode", "stage")
    key_fields = ("registration_id", "programme_id", "level", "mode", "stage")
    fields = ()
    columns = (
        _REGISTRATION,
        Column("programme", QT_TRANSLATE_NOOP("ImportColumns", "Programme code"), "Kod kierunku", cells.text(30),
               usos="PRG_KOD", note=QT_TRANSLATE_NOOP("ImportNotes", "empty: any programme")),
        Column("level", QT_TRANSLATE_NOOP("ImportColumns", "Level"), "Poziom", LEVEL,
               note=QT_TRANSLATE_NOOP("ImportNotes", "empty: any level"), example="pierwszego stopnia"),
        Column("mode", QT_TRANSLATE_NOOP("ImportColumns", "Mode"), "Forma studiów", MODE,
               note=QT_TRANSLATE_NOOP("ImportNotes", "empty: any mode"), example="stacjonarne"),
        Column("stage", QT_TRANSLATE_NOOP("ImportColumns", "Stage"), "Etap", cells.whole(bounds.STAGE), usos="ETAP",
               note=QT_TRANSLATE_NOOP("ImportNotes", "empty: any stage")),
    )
    references = (_registration_reference(),
                  Reference("programme", "programme_id", Programme, problem=QT_TRANSLATE_NOOP("Import", "no programme %1 at the desk")))

    def row_key(self, row: Row) -> tuple | None:
        return tuple(row.values.get(k) for k in self.key) if row["registration"] else None

    def prepare(self, session, uow, state) -> None:
        state.extra["units"] = dict(session.execute(select(Registration.id, Registration.unit_id)).all())

    def check(self, session, uow, state, row, values, current) -> None:
        for name in self.key_fields:
            values.setdefault(name, None)
        if not uow.can(Permission.MANAGE_ACCESS, state.extra["units"][values["registration_id"]]):
            row.problem(self.column("registration"), translate("Import", "not one of your units"))

    def judge(self, session, uow, state, rows) -> None:
        super().judge(session, uow, state, rows)
        for row in rows:
            if row.current is not None and row.current[2] is None:
                # The key with the columns the file lacks as "any".
                key = tuple(row.current[1].get(name) for name in self.key_fields)
                if key in state.existing:
                    row.current = (key, row.current[1], state.existing[key])
                    row.status = Status.UNCHANGED

    def insert_values(self, uow, values):
        return {**super().insert_values(uow, values), "created_by_id": uow.staff_id, "created_at": uow.now}

    def change(self, row, record_id):
        change = super().change(row, record_id)
        return Change(change.entity, change.entity_id, None, None, change.after, None,
                      {"registration_id": row.current[1]["registration_id"]})


class EnrollmentsKind(Kind):
    """Students in class groups, as the other system has them: accepted, never over a group's limit."""

    code = "enrollments"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Enrollments")
    entity = "enrollment"
    permission = Permission.EDIT_STUDENTS
    key = ("student_number", "term", "course", "class_type", "number")
    columns = (
        Column("student_number", QT_TRANSLATE_NOOP("ImportColumns", "Student number"), "Numer albumu", cells.digits(20),
               True, "INDEKS", example="123456"),
        _TERM, _COURSE, _CLASS_TYPE, _GROUP_NUMBER,
        Column("registration", QT_TRANSLATE_NOOP("ImportColumns", "Registration code"), "Kod rejestracji",
               cells.text(40), usos="REJ_KOD", note=QT_TRANSLATE_NOOP("ImportNotes", "the registration it was made in; "
                                                                                     "may be empty")),
        Column("over_limit", QT_TRANSLATE_NOOP("ImportColumns", "Over the limit"), "Ponad limit", cells.FLAG,
               note=QT_TRANSLATE_NOOP("ImportNotes", "tak: a seat over the group's limit, given by the dean's office "
                                                     "(a reason is required)"), example="nie", default=False),
        Column("reason", QT_TRANSLATE_NOOP("ImportColumns", "Reason"), "Powód", cells.text(500),
               note=QT_TRANSLATE_NOOP("ImportNotes", "why a seat over the limit was given")),
    )

    def begin(self, session: Session, uow: UnitOfWork) -> dict:
        groups, reserving = {}, []
        for gid, term, course, class_type, number, limit, count, unit, course_id, term_id, reserved in session.execute(
                select(ClassGroup.id, Term.code, Course.code, ClassGroup.class_type, ClassGroup.number,
                       ClassGroup.seat_limit, ClassGroup.enrolled_count, Course.unit_id, Course.id, Term.id,
                       ClassGroup.reserved_seats)
                .join(Term, Term.id == ClassGroup.term_id).join(Course, Course.id == ClassGroup.course_id)):
            groups[(term, course, class_type, number)] = [gid, limit, count, unit, course_id, term_id]
            if reserved:
                reserving.append(gid)
        # A file's seat is one of everyone's: the seats dedicated to some students are not the file's to give.
        shares = {gid: tuple(row.facts for row in rows)
                  for gid, rows in rule_facts.shares(session, reserving, uow.now).items()}
        return {"groups": groups, "shares": shares,
                "registrations": dict(session.execute(select(Registration.code, Registration.id)).all())}

    def judge(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> None:
        students = students_by_number(session, {r["student_number"] for r in rows})
        # What each student holds, as the rulebook sees it; a seat this file gives is held from its line on.
        held: dict[int, list[Held]] = {}
        ids = [s[0] for s in students.values()]
        for chunk in _chunks(ids):
            held.update(rule_facts.held(session, chunk, None))
        file_held = state.setdefault("file_held", {})
        for row in rows:
            student = students.get(row["student_number"])
            group = state["groups"].get((row["term"], row["course"], row["class_type"], row["number"]))
            registration_id = None
            if student is None:
                row.problem(self.column("student_number"), translate("Import", "no student %1 at the desk")
                            .replace("%1", row["student_number"]))
            if group is None:
                row.problem(self.column("number"), translate("Import", "no such class group at the desk"))
            if row["registration"]:
                registration_id = state["registrations"].get(row["registration"])
                if registration_id is None:
                    row.problem(self.column("registration"), translate("Import", "no registration %1 at the desk")
                                .replace("%1", row["registration"]))
            if row.problems:
                continue
            if not any(uow.can(Permission.EDIT_STUDENTS, unit) for unit in student[1]):
                row.problem(self.column("student_number"), translate("Import", "not a student of your units"))
                continue
            standing = held.get(student[0], []) + file_held.get(student[0], [])
            if any(h.group.id == group[0] for h in standing):
                row.status = Status.UNCHANGED
                continue
            over = bool(row["over_limit"])
            if over and not row["reason"]:
                row.problem(self.column("reason"), translate("Import", "required for a seat over the limit"))
                continue
            # The rulebook, as for a clerk enrolling at the desk: one group of a course's class type, and
            # a seat while places remain (or over the limit, with a reason).
            facts = GroupFacts(group[0], group[4], row["course"], group[5], str(row["class_type"]), row["number"],
                               group[1], group[2], shares=state["shares"].get(group[0], ()))
            refusals = rules.enroll_at_desk(facts, standing, over_limit=over)
            if refusals:
                row.problem(self.column("number"), describe_all(refusals))
                continue
            group[2] += 1  # the seats this file takes, line by line (the preview counts as the import will)
            file_held.setdefault(student[0], []).append(Held(0, facts, registration_id))
            row.current = (student[0], group[0], registration_id, over)
            row.status = Status.NEW

    def records(self, session: Session):
        for number, term, course, class_type, group_number, registration, over, reason in session.execute(
                select(Student.student_number, Term.code, Course.code, ClassGroup.class_type, ClassGroup.number, Registration.code,
                       Enrollment.over_limit, Enrollment.reason)
                .select_from(Enrollment).join(Student, Student.id == Enrollment.student_id).join(ClassGroup, ClassGroup.id == Enrollment.group_id)
                .join(Term, Term.id == ClassGroup.term_id).join(Course, Course.id == ClassGroup.course_id)
                .outerjoin(Registration, Registration.id == Enrollment.registration_id)
                .where(Enrollment.status == EnrollmentStatus.ACCEPTED).order_by(Enrollment.id)):
            yield {"student_number": number, "term": term, "course": course, "class_type": class_type,
                   "number": group_number, "registration": registration, "over_limit": over,
                   "reason": reason if over else None}

    def write(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> list[Change]:
        now = uow.now
        ids = insert_rows(session, Enrollment, [dict(
            student_id=r.current[0], group_id=r.current[1], registration_id=r.current[2], source=EnrollmentSource.IMPORT,
            status=EnrollmentStatus.ACCEPTED, over_limit=r.current[3], reason=r["reason"], created_at=now,
            created_by_id=uow.staff_id) for r in rows])
        taken: dict[int, list[int]] = {}
        # The groups locked (PostgreSQL), and a share whose release is due released, as every writer of seats does.
        rule_facts.groups(session, {r.current[1] for r in rows}, lock=True, timetables=False, now=now)
        for r in rows:
            counts = taken.setdefault(r.current[1], [0, 0])
            counts[0] += 1
            counts[1] += 1 if r.current[3] else 0
        groups = ClassGroup.__table__
        session.execute(update(groups).where(groups.c.id == bindparam("gid"))
                        .values(enrolled_count=groups.c.enrolled_count + bindparam("n"),
                                over_limit_count=groups.c.over_limit_count + bindparam("over")),
                        [{"gid": gid, "n": n, "over": over} for gid, (n, over) in taken.items()])
        return [Change("enrollment", eid, r.current[0], None, {"line": r.line, **r.values}, None, {})
                for r, eid in zip(rows, ids)]

