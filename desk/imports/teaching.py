"""Importing the teaching offer: units, terms, programmes, courses, class groups (with teachers) and
their timetable slots."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desk import bounds
from desk.changes import Change
from desk.i18n import translate
from desk.imports import cells
from desk.imports.kind import Column, Row, Status
from desk.imports.table_kind import Reference, TableKind, TableState
from desk.model import (
    ClassGroup,
    ClassType,
    Course,
    GroupTeacher,
    Level,
    LoginAccount,
    OrgUnit,
    Person,
    PersonCategory,
    Programme,
    StudyMode,
    Term,
    TimetableSlot,
    UnitKind,
)
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

UNIT_KIND = cells.choice(UnitKind, {
    UnitKind.UNIVERSITY: ("uczelnia", "university"),
    UnitKind.FACULTY: ("wydział", "faculty"),
    UnitKind.INSTITUTE: ("instytut", "institute"),
    UnitKind.LANGUAGE_CENTRE: ("studium języków obcych", "language centre", "SJO"),
    UnitKind.PE_CENTRE: ("studium wychowania fizycznego", "PE centre", "SWFiS"),
    UnitKind.OTHER: ("inna", "other"),
})
LEVEL = cells.choice(Level, {
    Level.FIRST_CYCLE: ("pierwszego stopnia", "first cycle", "I stopnia", "licencjackie", "inżynierskie"),
    Level.SECOND_CYCLE: ("drugiego stopnia", "second cycle", "II stopnia", "magisterskie"),
    Level.LONG_CYCLE: ("jednolite magisterskie", "long cycle"),
    Level.DOCTORAL: ("doktoranckie", "doctoral", "szkoła doktorska"),
})
MODE = cells.choice(StudyMode, {
    StudyMode.FULL_TIME: ("stacjonarne", "full-time", "full time"),
    StudyMode.PART_TIME: ("niestacjonarne", "part-time", "part time"),
})
CLASS_TYPE = cells.choice(ClassType, {
    ClassType.LECTURE: ("wykład", "lecture", "WYK"),
    ClassType.CLASS: ("ćwiczenia", "class", "CW"),
    ClassType.LAB: ("laboratorium", "lab", "LAB"),
    ClassType.SEMINAR: ("seminarium", "seminar", "SEM"),
    ClassType.LANGUAGE: ("lektorat", "language class", "LEK"),
    ClassType.PE: ("wychowanie fizyczne", "PE", "WF"),
})
WEEKDAY_WORDS = (("poniedziałek", "monday", "pn"), ("wtorek", "tuesday", "wt"), ("środa", "wednesday", "śr"),
                 ("czwartek", "thursday", "cz"), ("piątek", "friday", "pt"), ("sobota", "saturday", "sb"),
                 ("niedziela", "sunday", "nd"))


def _weekday(value: str) -> int:
    from desk.text import fold

    folded = fold(value)
    if folded.isdigit() and 1 <= int(folded) <= 7:
        return int(folded)
    for number, words in enumerate(WEEKDAY_WORDS, start=1):
        if folded in {fold(w) for w in words}:
            return number
    raise cells.CellProblem(translate("Import", "%1 is not a weekday (poniedziałek … niedziela, or 1 … 7)")
                            .replace("%1", value[:24]))


WEEKDAY = cells.Parser(_weekday, QT_TRANSLATE_NOOP("Import", "weekday: poniedziałek … niedziela, or 1 … 7"),
                       tuple(words[0] for words in WEEKDAY_WORDS))

_UNIT = Column("unit", QT_TRANSLATE_NOOP("ImportColumns", "Unit code"), "Kod jednostki", cells.text(20), True,
               "JED_ORG_KOD", QT_TRANSLATE_NOOP("ImportNotes", "a unit the desk has (import units first)"), "WMI",
               ("jednostka",))
_TERM = Column("term", QT_TRANSLATE_NOOP("ImportColumns", "Term"), "Cykl", cells.text(20), True, "CDYD_KOD",
               QT_TRANSLATE_NOOP("ImportNotes", "a term's code, e.g. 2026Z"), "2026Z", ("semestr", "cykl dydaktyczny"))
_COURSE = Column("course", QT_TRANSLATE_NOOP("ImportColumns", "Course code"), "Kod przedmiotu", cells.text(40), True,
                 "PRZ_KOD", QT_TRANSLATE_NOOP("ImportNotes", "a course the desk has (import courses first)"), "INF-101",
                 ("przedmiot",))
_CLASS_TYPE = Column("class_type", QT_TRANSLATE_NOOP("ImportColumns", "Class type"), "Typ zajęć", CLASS_TYPE, True,
                     "TZAJ_KOD", example="wykład", aliases=("forma zajęć",))
_GROUP_NUMBER = Column("number", QT_TRANSLATE_NOOP("ImportColumns", "Group number"), "Numer grupy",
                       cells.whole(bounds.GROUP_NUMBER), True, "NR", example="1", aliases=("grupa",))


def _unit_reference(column: str = "unit", field: str = "unit_id") -> Reference:
    return Reference(column, field, OrgUnit, problem=QT_TRANSLATE_NOOP("Import", "no unit %1 at the desk"))


class UnitsKind(TableKind):
    code = "units"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Organisational units")
    entity = "org_unit"
    model = OrgUnit
    key = ("code",)
    key_fields = ("code",)
    fields = ("name", "name_en", "kind", "parent_id")
    columns = (
        Column("code", QT_TRANSLATE_NOOP("ImportColumns", "Unit code"), "Kod jednostki", cells.text(20), True,
               "JED_ORG_KOD", example="WMI"),
        Column("name", QT_TRANSLATE_NOOP("ImportColumns", "Name"), "Nazwa", cells.text(200), True, "OPIS",
               example="Wydział Matematyki i Informatyki"),
        Column("name_en", QT_TRANSLATE_NOOP("ImportColumns", "English name"), "Nazwa angielska", cells.text(200),
               usos="OPIS_ANG", example="Faculty of Mathematics and Computer Science"),
        Column("kind", QT_TRANSLATE_NOOP("ImportColumns", "Kind"), "Rodzaj", UNIT_KIND, True, example="wydział"),
        Column("parent", QT_TRANSLATE_NOOP("ImportColumns", "Parent unit code"), "Kod jednostki nadrzędnej",
               cells.text(20), usos="JED_ORG_KOD_NADRZ",
               note=QT_TRANSLATE_NOOP("ImportNotes", "a unit the desk has or one on an earlier line")),
    )
    references = (_unit_reference("parent", "parent_id"),)

    def judge(self, session: Session, uow: UnitOfWork, state: TableState, rows: Sequence[Row]) -> None:
        # A parent on an earlier line of the file is known from there on (its id is made when written).
        known = state.references["parent"]
        for row in rows:
            if row["parent"] is not None and row["parent"] not in known and row["parent"] in state.extra.get("earlier", ()):
                known[row["parent"]] = -1
            super().judge(session, uow, state, [row])
            state.extra.setdefault("earlier", set()).add(row["code"])

    def write(self, session, uow, state, rows):
        changes = []
        for row in rows:  # one at a time, in the file's order: a parent before its units
            key, values, current = row.current
            if values.get("parent_id") == -1:
                values["parent_id"] = state.references["parent"][row["parent"]] = state.existing[(row["parent"],)][0]
            changes += super().write(session, uow, state, [row])
            state.references["parent"][row["code"]] = state.existing[key][0]
        return changes


class TermsKind(TableKind):
    code = "terms"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Terms")
    entity = "term"
    model = Term
    key = ("code",)
    key_fields = ("code",)
    fields = ("name", "starts_on", "ends_on")
    columns = (
        Column("code", QT_TRANSLATE_NOOP("ImportColumns", "Term"), "Cykl", cells.text(20), True, "CDYD_KOD", example="2026Z"),
        Column("name", QT_TRANSLATE_NOOP("ImportColumns", "Name"), "Nazwa", cells.text(100), True, "OPIS",
               example="Semestr zimowy 2026/2027"),
        Column("starts_on", QT_TRANSLATE_NOOP("ImportColumns", "Starts on"), "Data od", cells.DATE, True, "DATA_OD",
               example="01.10.2026"),
        Column("ends_on", QT_TRANSLATE_NOOP("ImportColumns", "Ends on"), "Data do", cells.DATE, True, "DATA_DO",
               example="28.02.2027"),
    )

    def check(self, session, uow, state, row, values, current) -> None:
        from desk.terms import TermDraft, check_term  # the rules of a term, as by hand

        for problem in check_term(TermDraft(values["code"], values["name"], values["starts_on"], values["ends_on"])):
            row.problem(translate("Import", "record"), problem)


class ProgrammesKind(TableKind):
    code = "programmes"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Programmes")
    entity = "programme"
    model = Programme
    key = ("code",)
    key_fields = ("code",)
    fields = ("name", "name_en", "unit_id", "level", "mode")
    columns = (
        Column("code", QT_TRANSLATE_NOOP("ImportColumns", "Programme code"), "Kod kierunku", cells.text(30), True,
               "PRG_KOD", example="WMI-INF-S1"),
        Column("name", QT_TRANSLATE_NOOP("ImportColumns", "Name"), "Nazwa", cells.text(200), True, "OPIS",
               example="Informatyka"),
        Column("name_en", QT_TRANSLATE_NOOP("ImportColumns", "English name"), "Nazwa angielska", cells.text(200),
               usos="OPIS_ANG", example="Computer Science"),
        _UNIT,
        Column("level", QT_TRANSLATE_NOOP("ImportColumns", "Level"), "Poziom", LEVEL, True, "POZIOM",
               example="pierwszego stopnia"),
        Column("mode", QT_TRANSLATE_NOOP("ImportColumns", "Mode"), "Forma studiów", MODE, True, "FORMA",
               example="stacjonarne"),
    )
    references = (_unit_reference(),)


class CoursesKind(TableKind):
    code = "courses"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Courses")
    entity = "course"
    model = Course
    key = ("code",)
    key_fields = ("code",)
    fields = ("name", "name_en", "unit_id", "language")
    defaults = {"language": "pl"}
    columns = (
        Column("code", QT_TRANSLATE_NOOP("ImportColumns", "Course code"), "Kod przedmiotu", cells.text(40), True,
               "PRZ_KOD", example="INF-101"),
        Column("name", QT_TRANSLATE_NOOP("ImportColumns", "Name"), "Nazwa", cells.text(200), True, "OPIS",
               example="Analiza matematyczna I"),
        Column("name_en", QT_TRANSLATE_NOOP("ImportColumns", "English name"), "Nazwa angielska", cells.text(200),
               usos="OPIS_ANG", example="Calculus I"),
        _UNIT,
        Column("language", QT_TRANSLATE_NOOP("ImportColumns", "Language"), "Język", cells.text(8), usos="JEZ_KOD",
               note=QT_TRANSLATE_NOOP("ImportNotes", "language code, e.g. pl or en; empty: pl"), example="pl", default="pl"),
    )
    references = (_unit_reference(),)

    def check(self, session, uow, state, row, values, current) -> None:
        from desk.courses import CourseDraft, check_course  # the rules of a course, as by hand

        if not uow.can(Permission.MANAGE_GROUPS, values.get("unit_id")):
            row.problem(self.column("unit"), translate("Import", "not one of your units"))
        for problem in check_course(CourseDraft(values["code"], values["name"], row["unit"], values.get("name_en"),
                                                values.get("language") or "pl")):
            row.problem(translate("Import", "record"), problem)


def _teachers(value: str) -> tuple[str, ...]:
    found = tuple(sorted({part.strip().lower() for part in value.replace(";", ",").replace(" ", ",").split(",")
                          if part.strip()}))
    for email in found:
        cells.EMAIL.read(email)
    return found


TEACHERS = cells.Parser(_teachers, QT_TRANSLATE_NOOP("Import", "institutional e-mails of the teachers, separated by commas"))


class GroupsKind(TableKind):
    code = "groups"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Class groups")
    entity = "class_group"
    published = True
    model = ClassGroup
    key = ("term", "course", "class_type", "number")
    key_fields = ("term_id", "course_id", "class_type", "number")
    fields = ("seat_limit", "lower_limit", "description")
    defaults = {"enrolled_count": 0, "over_limit_count": 0, "lower_limit": 0}
    columns = (
        _TERM, _COURSE, _CLASS_TYPE, _GROUP_NUMBER,
        Column("seat_limit", QT_TRANSLATE_NOOP("ImportColumns", "Seat limit"), "Limit miejsc",
               cells.whole(bounds.SEAT_LIMIT), True, "LIMIT_MIEJSC", example="30"),
        Column("lower_limit", QT_TRANSLATE_NOOP("ImportColumns", "Lower limit"), "Dolny limit miejsc",
               cells.whole(bounds.LOWER_LIMIT), usos="DOLNY_LIMIT_MIEJSC",
               note=QT_TRANSLATE_NOOP("ImportNotes", "below it the group does not run; empty: 0"), example="10", default=0),
        Column("teachers", QT_TRANSLATE_NOOP("ImportColumns", "Teachers"), "Prowadzący", TEACHERS,
               note=QT_TRANSLATE_NOOP("ImportNotes", "institutional e-mails of staff (import staff first), separated "
                                                     "by commas"), example="j.kowalski@uni.opole.pl"),
        Column("description", QT_TRANSLATE_NOOP("ImportColumns", "Description"), "Opis", cells.text(2000)),
    )
    references = (Reference("term", "term_id", Term, problem=QT_TRANSLATE_NOOP("Import", "no term %1 at the desk")),
                  Reference("course", "course_id", Course, problem=QT_TRANSLATE_NOOP("Import", "no course %1 at the desk")))

    def prepare(self, session: Session, uow: UnitOfWork, state: TableState) -> None:
        state.extra["course_units"] = dict(session.execute(select(Course.id, Course.unit_id)).all())
        state.extra["teacher_ids"] = {email.lower(): pid for email, pid in session.execute(
            select(LoginAccount.email, LoginAccount.person_id).join(Person, Person.id == LoginAccount.person_id)
            .where(Person.category == PersonCategory.STAFF))}
        teachers: dict[int, set[int]] = {}
        for group_id, person_id in session.execute(select(GroupTeacher.group_id, GroupTeacher.person_id)):
            teachers.setdefault(group_id, set()).add(person_id)
        state.extra["teachers"] = teachers
        state.extra["counts"] = dict(session.execute(select(ClassGroup.id, ClassGroup.enrolled_count)).all())

    def check(self, session, uow, state, row, values, current) -> None:
        if not uow.can(Permission.MANAGE_GROUPS, state.extra["course_units"].get(values["course_id"])):
            row.problem(self.column("course"), translate("Import", "not a course of your units"))
        from desk.group_records import GroupDraft, check_group  # the rules of a group, as by hand

        for problem in check_group(GroupDraft(values["course_id"], values["term_id"], values["class_type"],
                                              values["seat_limit"], values["number"], values.get("lower_limit") or 0,
                                              tuple(row["teachers"] or ()), (), values.get("description"))):
            row.problem(translate("Import", "record"), problem)
        if current is not None and values["seat_limit"] != current[1]["seat_limit"]:
            # As desk.groups.set_seat_limits: a limit that changes is never set below the students in the group.
            enrolled = state.extra["counts"].get(current[0], 0)
            if values["seat_limit"] < enrolled:
                row.problem(self.column("seat_limit"), translate("Import", "below the %1 students already enrolled")
                            .replace("%1", str(enrolled)))
        if row["teachers"] is not None or "teachers" in row.values:
            ids = set()
            for email in row["teachers"] or ():
                person = state.extra["teacher_ids"].get(email)
                if person is None:
                    row.problem(self.column("teachers"), translate("Import", "%1 is not the login of a member of staff")
                                .replace("%1", email))
                ids.add(person)
            values["_teachers"] = ids

    def records(self, session: Session):
        teachers: dict[int, list[str]] = {}
        for group_id, email in session.execute(
                select(GroupTeacher.group_id, LoginAccount.email).join(LoginAccount, LoginAccount.person_id == GroupTeacher.person_id)
                .order_by(GroupTeacher.group_id, LoginAccount.email)):
            teachers.setdefault(group_id, []).append(email.lower())
        ids = list(session.scalars(select(ClassGroup.id).order_by(ClassGroup.id)))
        for group_id, record in zip(ids, super().records(session)):
            yield {**record, "teachers": ", ".join(teachers.get(group_id, ())) or None}

    def compare_fields(self, state: TableState, row: Row, values: dict[str, Any], current) -> None:
        super().compare_fields(state, row, values, current)
        if "_teachers" in values:
            before = state.extra["teachers"].get(current[0], set())
            if values["_teachers"] != before:
                row.changes.append((self.column("teachers").shown(), str(len(before)), ", ".join(row["teachers"] or ())))
                row.before["teacher_ids"] = sorted(before)
                row.status = Status.CHANGED

    def after_write(self, session, uow, state, rows, ids) -> None:
        # A new limit at or above the count holds every student: the overrides it needed are settled (as by hand).
        settled = [ids[row.line] for row in rows if row.current[2] is not None and "seat_limit" in row.before]
        if settled:
            session.execute(update(ClassGroup).where(ClassGroup.id.in_(settled)).values(over_limit_count=0))
        for row in rows:
            if "_teachers" not in row.current[1]:
                continue
            group_id = ids[row.line]
            wanted = row.current[1]["_teachers"]
            current = state.extra["teachers"].get(group_id, set())
            if wanted == current:
                continue
            if current - wanted:
                session.execute(delete(GroupTeacher).where(GroupTeacher.group_id == group_id,
                                                          GroupTeacher.person_id.in_(current - wanted)))
            if wanted - current:
                session.execute(insert(GroupTeacher), [{"group_id": group_id, "person_id": p} for p in wanted - current])
            state.extra["teachers"][group_id] = set(wanted)


class SlotsKind(TableKind):
    code = "slots"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Timetable slots")
    entity = "timetable_slot"
    model = TimetableSlot
    key = ("term", "course", "class_type", "number", "weekday", "starts_at")
    key_fields = ("group_id", "weekday", "starts_at")
    fields = ("ends_at", "room", "building")
    columns = (
        _TERM, _COURSE, _CLASS_TYPE, _GROUP_NUMBER,
        Column("weekday", QT_TRANSLATE_NOOP("ImportColumns", "Weekday"), "Dzień tygodnia", WEEKDAY, True, "DZIEN_TYG",
               example="poniedziałek"),
        Column("starts_at", QT_TRANSLATE_NOOP("ImportColumns", "Starts at"), "Godzina od", cells.TIME, True,
               "GODZ_OD", example="10:15"),
        Column("ends_at", QT_TRANSLATE_NOOP("ImportColumns", "Ends at"), "Godzina do", cells.TIME, True, "GODZ_DO",
               example="11:45"),
        Column("room", QT_TRANSLATE_NOOP("ImportColumns", "Room"), "Sala", cells.text(40), usos="SALA", example="101"),
        Column("building", QT_TRANSLATE_NOOP("ImportColumns", "Building"), "Budynek", cells.text(100), usos="BUDYNEK",
               example="Collegium Minus"),
    )

    def change(self, row: Row, record_id: int) -> Change:
        """A slot is not a portal record of its own: its group's timetable, which the portal shows, goes out again."""
        change = super().change(row, record_id)
        group_id = row.values.get("group_id")
        return replace(change, with_records=(("class_group", group_id),)) if group_id is not None else change

    def prepare(self, session, uow, state) -> None:
        state.extra["groups"] = {
            (term, course, class_type, number): (gid, unit) for gid, term, course, class_type, number, unit in session.execute(
                select(ClassGroup.id, Term.code, Course.code, ClassGroup.class_type, ClassGroup.number, Course.unit_id)
                .join(Term, Term.id == ClassGroup.term_id).join(Course, Course.id == ClassGroup.course_id))}
        state.extra["group_keys"] = {gid: key for key, (gid, _unit) in state.extra["groups"].items()}

    def file_key(self, state, values, codes, by_column) -> tuple:
        group = state.extra["group_keys"].get(values["group_id"], (None,) * 4)
        return (*group, values["weekday"], values["starts_at"])

    def records(self, session: Session):
        for term, course, class_type, number, weekday, starts_at, ends_at, room, building in session.execute(
                select(Term.code, Course.code, ClassGroup.class_type, ClassGroup.number, TimetableSlot.weekday,
                       TimetableSlot.starts_at, TimetableSlot.ends_at, TimetableSlot.room, TimetableSlot.building)
                .join(ClassGroup, ClassGroup.id == TimetableSlot.group_id).join(Term, Term.id == ClassGroup.term_id)
                .join(Course, Course.id == ClassGroup.course_id).order_by(TimetableSlot.id)):
            yield {"term": term, "course": course, "class_type": class_type, "number": number, "weekday": weekday,
                   "starts_at": starts_at, "ends_at": ends_at, "room": room, "building": building}

    def record(self, state, row):
        found = state.extra["groups"].get((row["term"], row["course"], row["class_type"], row["number"]))
        if found is None:
            row.problem(self.column("number"), translate("Import", "no such class group at the desk"))
            return None
        values = super().record(state, row)
        if values is not None:
            values["group_id"] = found[0]
            values["_unit"] = found[1]
        return values

    def check(self, session, uow, state, row, values, current) -> None:
        if not uow.can(Permission.MANAGE_GROUPS, values.pop("_unit")):
            row.problem(self.column("course"), translate("Import", "not a course of your units"))
        if values["ends_at"] <= values["starts_at"]:
            row.problem(self.column("ends_at"), translate("Import", "not after the start"))

    def change(self, row, record_id):
        # The portal shows a group with its timetable: the group goes out again.
        change = super().change(row, record_id)
        group_id = row.current[1]["group_id"]
        return type(change)(change.entity, change.entity_id, None, change.before, change.after, None, False,
                            with_records=(("class_group", group_id),))


__all__ = ["UnitsKind", "TermsKind", "ProgrammesKind", "CoursesKind", "GroupsKind", "SlotsKind"]
