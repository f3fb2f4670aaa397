"""Courses, terms and class groups kept by hand: their checks, permissions, records and the portal."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest
from sqlalchemy import select

from desk import enrollment, sync
from desk.courses import CourseDraft, add_course, check_course, edit_course, list_courses
from desk.errors import DomainError, NotFound, PermissionDenied
from desk.group_records import GroupDraft, SlotDraft, add_group, check_group, edit_group, group_record, parse_slot
from desk.groups import LimitBelowCount
from desk.model import AuditEntry, ClassGroup, ClassType, OutboxEntry, Role, SyncKind, SyncResult
from desk.portal import schema as portal_schema
from desk.portal.database import open_portal_for
from desk.terms import TermDraft, add_term, check_term, edit_term, list_terms
from desk.unit_of_work import UnitOfWork
from tests import factories

UTC = timezone.utc


def _teacher(db, first="Ewa", last="Nowak", email="e.nowak@uni.example.pl") -> int:
    person_id = factories.staff_person(db, first, last)
    factories.login(db, email, person_id)
    return person_id


def _actions(db, entity: str) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry.action).where(AuditEntry.entity == entity).order_by(AuditEntry.id)))


def _queued(db, entity: str) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(OutboxEntry.entity_id).where(OutboxEntry.entity == entity,
                                                                        OutboxEntry.sent_at.is_(None))))


# --- courses ---------------------------------------------------------------------------------


def test_check_course_names_every_problem_without_a_database():
    assert check_course(CourseDraft("MAT-101", "Analiza", "WMF")) == []
    problems = check_course(CourseDraft("MAT 101/2", "", "WMF", language="polski"))
    assert len(problems) == 3
    assert any("Code" in p for p in problems) and any("Name" in p for p in problems) and any("Language" in p for p in problems)
    assert check_course(CourseDraft("X" * 41, "n" * 201, "")) != []


def test_add_and_edit_a_course(db, admin):
    factories.unit(db, "WMF")
    factories.unit(db, "SJO", "Studium Języków Obcych")
    course_id = add_course(UnitOfWork(db, admin), CourseDraft(" MAT-201 ", "Algebra", "wmf", name_en="Algebra", language="PL"))
    line = list_courses(UnitOfWork(db, admin), text="algebra")[0]
    assert (line.id, line.code, line.unit_code, line.language) == (course_id, "MAT-201", "WMF", "pl")
    with pytest.raises(DomainError, match="already used by the course MAT-201"):
        add_course(UnitOfWork(db, admin), CourseDraft("mat-201", "Inny", "WMF"))
    with pytest.raises(NotFound, match="no unit XYZ"):
        add_course(UnitOfWork(db, admin), CourseDraft("MAT-202", "Inny", "XYZ"))
    with pytest.raises(DomainError, match="Say why"):
        edit_course(UnitOfWork(db, admin), course_id, {"name": "Algebra liniowa"}, "")
    changed = edit_course(UnitOfWork(db, admin), course_id, {"name": "Algebra liniowa", "unit_code": "SJO"}, "literówka")
    assert (changed.name, changed.unit_code) == ("Algebra liniowa", "SJO")
    with pytest.raises(DomainError, match="Nothing was changed"):
        edit_course(UnitOfWork(db, admin), course_id, {"name": "Algebra liniowa"}, "again")
    assert _actions(db, "course") == ["course.create", "course.update"]
    assert _queued(db, "course") == [course_id]  # the name is on the portal, carried by the groups


def test_a_clerk_keeps_the_courses_of_their_own_units_only(db):
    clerk = factories.staff(db, "clerk", Role.CLERK, ("WMF",))
    factories.unit(db, "WCH", "Wydział Chemii")
    course_id = add_course(UnitOfWork(db, clerk), CourseDraft("MAT-301", "Topologia", "WMF"))
    with pytest.raises(PermissionDenied):
        add_course(UnitOfWork(db, clerk), CourseDraft("CHE-101", "Chemia", "WCH"))
    with pytest.raises(PermissionDenied):
        edit_course(UnitOfWork(db, clerk), course_id, {"unit_code": "WCH"}, "moved")


# --- terms -----------------------------------------------------------------------------------


def test_check_term_pattern_and_dates():
    assert check_term(TermDraft("2026Z", "Zima", date(2026, 10, 1), date(2027, 2, 28))) == []
    assert check_term(TermDraft("2026z", "Zima", date(2026, 10, 1), date(2027, 2, 28))) == []  # read as 2026Z
    problems = check_term(TermDraft("26Z", "", date(2026, 10, 1), date(2026, 10, 1)))
    assert len(problems) == 3
    assert check_term(TermDraft("2026X", "Zima", None, date(2027, 2, 28)))[-1].startswith("Start date")


def test_terms_are_for_administrators_and_do_not_overlap_their_kind(db, admin):
    clerk = factories.staff(db, "clerk", Role.CLERK, ("WMF",))
    winter = TermDraft("2026Z", "Semestr zimowy 2026/27", date(2026, 10, 1), date(2027, 2, 28))
    with pytest.raises(PermissionDenied):
        add_term(UnitOfWork(db, clerk), winter)
    term_id = add_term(UnitOfWork(db, admin), winter)
    with pytest.raises(DomainError, match="already exists"):
        add_term(UnitOfWork(db, admin), winter)
    with pytest.raises(DomainError, match="overlap the term 2026Z"):
        add_term(UnitOfWork(db, admin), TermDraft("2027Z", "Zima", date(2027, 2, 1), date(2027, 6, 30)))
    # A summer term may share days with the winter one (the winter exam session).
    add_term(UnitOfWork(db, admin), TermDraft("2027L", "Semestr letni", date(2027, 2, 20), date(2027, 9, 30)))
    assert [t.code for t in list_terms(UnitOfWork(db, admin))] == ["2026Z", "2027L"]
    with pytest.raises(PermissionDenied):
        edit_term(UnitOfWork(db, clerk), term_id, {"name": "x"}, "r")
    edit_term(UnitOfWork(db, admin), term_id, {"name": "Zima 2026/27"}, "krótsza nazwa")
    assert _actions(db, "term") == ["term.create", "term.create", "term.update"]
    assert _queued(db, "term") == []  # neither the name nor the dates are on the portal


def test_a_term_cannot_end_before_its_registrations_rounds(db, admin):
    term_id = factories.term(db)
    factories.registration(db, term_id=term_id, rounds=((datetime(2026, 9, 20, 8, tzinfo=UTC), datetime(2027, 1, 15, 20, tzinfo=UTC)),))
    with pytest.raises(DomainError, match="round \u201cRound 1\u201d of the registration REG-1"):
        edit_term(UnitOfWork(db, admin), term_id, {"ends_on": date(2027, 1, 10)}, "shorter")
    edit_term(UnitOfWork(db, admin), term_id, {"ends_on": date(2027, 1, 31), "code": "2026z"}, "shorter")
    assert [t.code for t in list_terms(UnitOfWork(db, admin))] == ["2026Z"]
    with pytest.raises(DomainError, match="Nothing was changed"):
        edit_term(UnitOfWork(db, admin), term_id, {"code": "2026Z"}, "same")


# --- class groups ----------------------------------------------------------------------------


def _draft(db, **overrides) -> GroupDraft:
    values = dict(course_id=factories.course(db), term_id=factories.term(db), class_type=ClassType.CLASS, seat_limit=20)
    values.update(overrides)
    return GroupDraft(**values)


def test_check_group_is_pure_and_names_every_problem():
    good = GroupDraft(1, 1, "lab", 20, lower_limit=5, slots=(SlotDraft(1, time(8), time(9, 30), "A-1", "Main"),))
    assert check_group(good) == []
    bad = GroupDraft(1, 1, "party", 10_001, number=0, lower_limit=-1, teachers=("a@x.pl", "A@x.pl"), slots=(
        SlotDraft(8, time(8), time(9)), SlotDraft(2, time(10), time(9)),
        SlotDraft(3, time(8), time(10)), SlotDraft(3, time(9, 30), time(11)),
    ))
    problems = "\n".join(check_group(bad))
    for expected in ("Unknown class type party", "A seat limit", "A lower limit", "A group's number", "named twice",
                     "A weekday", "ends after it starts", "overlap"):
        assert expected in problems
    assert "cannot exceed" in "\n".join(check_group(GroupDraft(1, 1, "lab", 5, lower_limit=6)))
    assert parse_slot("2 8:15-9.45 B-2 Budynek Główny") == SlotDraft(2, time(8, 15), time(9, 45), "B-2", "Budynek Główny")
    with pytest.raises(DomainError):
        parse_slot("Monday at eight")
    with pytest.raises(DomainError):
        parse_slot("1 25:00-26:00")


def test_add_a_group_with_teachers_and_slots(db, admin):
    teacher = _teacher(db)
    first = add_group(UnitOfWork(db, admin), _draft(db, teachers=("E.Nowak@uni.example.pl",), slots=(
        SlotDraft(1, time(8), time(9, 30), "A-101", "Collegium Maius"),), description="Grupa dla zaawansowanych"))
    second = add_group(UnitOfWork(db, admin), _draft(db, teachers=(str(teacher),)))
    record = group_record(UnitOfWork(db, admin), second)
    assert record.number == 2  # the next free number
    assert record.teachers == ("e.nowak@uni.example.pl",) and record.teacher_names == ("Ewa Nowak",)
    assert group_record(UnitOfWork(db, admin), first).slots == (SlotDraft(1, time(8), time(9, 30), "A-101", "Collegium Maius"),)
    with pytest.raises(DomainError, match="The group 2026Z/MAT-101/class/2 already exists"):
        add_group(UnitOfWork(db, admin), _draft(db, number=2))
    student_person = factories.person_of(db, factories.student(db))
    with pytest.raises(DomainError, match="not a member of staff"):
        add_group(UnitOfWork(db, admin), _draft(db, teachers=(str(student_person),)))
    with pytest.raises(NotFound, match="no person nobody@uni.example.pl"):
        add_group(UnitOfWork(db, admin), _draft(db, teachers=("nobody@uni.example.pl",)))
    assert _actions(db, "class_group") == ["class_group.create", "class_group.create"]
    assert sorted(_queued(db, "class_group")) == sorted([first, second])


def test_a_clerk_adds_groups_only_to_courses_of_their_units(db):
    clerk = factories.staff(db, "clerk", Role.CLERK, ("WCH",))
    with pytest.raises(PermissionDenied):
        add_group(UnitOfWork(db, clerk), _draft(db))
    own = factories.course(db, "CHE-101", "WCH")
    assert add_group(UnitOfWork(db, clerk), _draft(db, course_id=own))


def test_edit_a_group_limits_follow_the_group_rules(db, admin):
    group_id = add_group(UnitOfWork(db, admin), _draft(db, seat_limit=5))
    for student_id in factories.many_students(db, 3):
        enrollment.enroll(UnitOfWork(db, admin), student_id, group_id, reason="r")
    with pytest.raises(LimitBelowCount, match="3 students enrolled"):
        edit_group(UnitOfWork(db, admin), group_id, {"seat_limit": 2}, "smaller room")
    with pytest.raises(DomainError, match="cannot exceed"):
        edit_group(UnitOfWork(db, admin), group_id, {"lower_limit": 6}, "r")
    # Both at once, in either direction: the lower limit never passes the seat limit on the way.
    result = edit_group(UnitOfWork(db, admin), group_id, {"seat_limit": 30, "lower_limit": 25}, "bigger room")
    assert (result.line.seat_limit, result.line.lower_limit) == (30, 25)
    result = edit_group(UnitOfWork(db, admin), group_id, {"seat_limit": 4, "lower_limit": 3}, "smaller room")
    assert (result.line.seat_limit, result.line.lower_limit) == (4, 3)
    assert _actions(db, "class_group") == ["class_group.create", "class_group.limit", "class_group.lower_limit",
                                           "class_group.lower_limit", "class_group.limit"]


def test_edit_teachers_slots_and_number_all_or_nothing(db, admin):
    _teacher(db)
    other = _teacher(db, "Piotr", "Zieliński", "p.zielinski@uni.example.pl")
    group_id = add_group(UnitOfWork(db, admin), _draft(db, teachers=("e.nowak@uni.example.pl",)))
    add_group(UnitOfWork(db, admin), _draft(db, number=7))
    with pytest.raises(DomainError, match="already exists"):
        edit_group(UnitOfWork(db, admin), group_id, {"number": 7, "description": "x"}, "r")
    with pytest.raises(DomainError, match="overlap"):
        edit_group(UnitOfWork(db, admin), group_id, {"slots": [SlotDraft(2, time(8), time(10)), SlotDraft(2, time(9), time(11))]}, "r")
    assert group_record(UnitOfWork(db, admin), group_id).description is None  # nothing partial
    edit_group(UnitOfWork(db, admin), group_id, {"teachers": [str(other)], "slots": [SlotDraft(5, time(12), time(14), "C-3")],
                                                 "description": "Zajęcia w języku angielskim"}, "new timetable")
    record = group_record(UnitOfWork(db, admin), group_id)
    assert record.teacher_names == ("Piotr Zieliński",)
    assert record.slots == (SlotDraft(5, time(12), time(14), "C-3", None),)
    assert record.description == "Zajęcia w języku angielskim"
    with pytest.raises(DomainError, match="Nothing was changed"):
        edit_group(UnitOfWork(db, admin), group_id, {"teachers": ["p.zielinski@uni.example.pl"]}, "same")
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "class_group.update")).one()
    assert entry.after["teachers"] == ["Piotr Zieliński"] and entry.reason == "new timetable"
    assert _queued(db, "class_group").count(group_id) == 1  # teachers and slots are not on the portal


def test_a_new_or_edited_group_reaches_the_portal_at_the_next_incremental_sync(db, admin):
    course_id = factories.course(db)
    term_id = factories.term(db)
    factories.group(db, course_id, term_id)
    portal = open_portal_for(db)
    try:
        assert sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal).result is SyncResult.SUCCEEDED
        group_id = add_group(UnitOfWork(db, admin), _draft(db, course_id=course_id, term_id=term_id, seat_limit=12))
        report = sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert report.result is SyncResult.SUCCEEDED and report.sent >= 1

        def on_portal():
            with portal.read() as session:
                return session.execute(select(portal_schema.class_groups.c.number, portal_schema.class_groups.c.seat_limit,
                                              portal_schema.class_groups.c.course_name, portal_schema.class_groups.c.term_code)
                                       .where(portal_schema.class_groups.c.group_id == group_id)).one()

        assert tuple(on_portal()) == (2, 12, "Course MAT-101", "2026Z")
        edit_group(UnitOfWork(db, admin), group_id, {"number": 5, "seat_limit": 15}, "renumbered")
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert tuple(on_portal()) == (5, 15, "Course MAT-101", "2026Z")
        edit_course(UnitOfWork(db, admin), course_id, {"name": "Analiza matematyczna"}, "full name")
        edit_term(UnitOfWork(db, admin), term_id, {"code": "2026L"}, "wrong letter")
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert tuple(on_portal()) == (5, 15, "Analiza matematyczna", "2026L")
        with db.read() as session:
            assert session.scalar(select(ClassGroup.number).where(ClassGroup.id == group_id)) == 5
        full = sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        assert full.repaired_rows == 0  # the incremental runs left nothing for the full one to repair
    finally:
        portal.dispose()


def test_the_history_puts_the_changes_into_words(db, admin):
    from desk.history import history

    factories.unit(db, "WMF")
    course_id = add_course(UnitOfWork(db, admin), CourseDraft("MAT-401", "Równania", "WMF"))
    edit_course(UnitOfWork(db, admin), course_id, {"name": "Równania różniczkowe"}, "pełna nazwa")
    term_id = add_term(UnitOfWork(db, admin), TermDraft("2030Z", "Zima", date(2030, 10, 1), date(2031, 2, 28)))
    edit_term(UnitOfWork(db, admin), term_id, {"name": "Semestr zimowy"}, "nazwa")
    group_id = add_group(UnitOfWork(db, admin), _draft(db, course_id=course_id, term_id=term_id))
    edit_group(UnitOfWork(db, admin), group_id, {"description": "Sala 12"}, "opis")
    lines = history(UnitOfWork(db, admin), limit=6)
    said = [(line.description, line.reason) for line in reversed(lines)]
    assert said == [
        ("Course MAT-401 added", None), ("Course MAT-401 changed", "pełna nazwa"),
        ("Term 2030Z added", None), ("Term 2030Z changed", "nazwa"),
        ("Class group 2030Z MAT-401 class 1 added", None), ("Class group 2030Z MAT-401 class 1 changed", "opis"),
    ]
    changed_course = next(line for line in lines if line.description == "Course MAT-401 changed")
    assert changed_course.change == "name: Równania → Równania różniczkowe"  # the unchanged code is not listed
