"""Next term from this one: the preview, the copy as one change set, its second run, the portal, refusals."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest
from sqlalchemy import func, select

from desk import next_term, sync
from desk.errors import DomainError, PermissionDenied
from desk.model import (
    AccessRule,
    AuditEntry,
    ClassGroup,
    ClassType,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    GroupTeacher,
    Level,
    OutboxEntry,
    Registration,
    RegistrationCourse,
    Role,
    Round,
    RoundStatus,
    StudyMode,
    SyncKind,
    TimetableSlot,
    TokenAllocationRule,
)
from desk.next_term import Kind, Status
from desk.portal import schema
from desk.portal.database import open_portal_for
from desk.unit_of_work import UnitOfWork
from tests import factories

UTC = timezone.utc
NOW = datetime(2026, 12, 3, 12, tzinfo=UTC)


@pytest.fixture
def terms(db):
    source = factories.term(db, "2026Z", date(2026, 10, 1), date(2027, 2, 28))
    target = factories.term(db, "2027Z", date(2027, 10, 1), date(2028, 2, 29))
    return source, target


@pytest.fixture
def source_term(db, terms):
    """A source term with a registration (two rounds, a rule, an offered course), groups with teachers and slots,
    an enrolled student, and a token allocation rule."""
    source, _target = terms
    maths = factories.course(db, "MAT-101")
    physics = factories.course(db, "FIZ-201")
    lecture = factories.group(db, maths, source, number=1, seat_limit=120, lower_limit=10, class_type=ClassType.LECTURE)
    factories.group(db, maths, source, number=1, seat_limit=25, lower_limit=5)
    factories.group(db, physics, source, number=2, seat_limit=15)
    teacher = factories.staff_person(db, "Jan", "Kowalski")
    token = factories.token_type(db, "JO")
    registration = factories.registration(
        db, code="2026Z-WMF-1", term_id=source, course_ids=(maths,), selection_limit=2,
        rounds=((datetime(2026, 9, 14, 7, tzinfo=UTC), datetime(2026, 9, 20, 21, 59, tzinfo=UTC), False),
                (datetime(2026, 10, 5, 7, tzinfo=UTC), datetime(2026, 10, 9, 21, 59, tzinfo=UTC))),
        rules=({"level": Level.FIRST_CYCLE, "mode": StudyMode.FULL_TIME, "stage": 1},),
    )
    factories.registration(db, code="OGU", term_id=source, course_ids=(physics,))
    student_id = factories.student(db)
    with db.write() as session:
        session.get(ClassGroup, lecture).description = "Sala wykładowa"
        session.add(GroupTeacher(group_id=lecture, person_id=teacher))
        session.add(TimetableSlot(group_id=lecture, weekday=2, starts_at=time(10, 15), ends_at=time(11, 45),
                                  room="A-1", building="Budynek A"))
        session.add(Enrollment(student_id=student_id, group_id=lecture, registration_id=registration,
                               source=EnrollmentSource.DESK, status=EnrollmentStatus.ACCEPTED))
        session.get(ClassGroup, lecture).enrolled_count = 1
        session.add(TokenAllocationRule(token_type_id=token, level=Level.FIRST_CYCLE, mode=StudyMode.FULL_TIME, amount=4))
    return {"registration": registration, "lecture": lecture, "teacher": teacher}


def _uow(db, actor):
    return UnitOfWork(db, actor, now=NOW)


def _count(db, model, *conditions) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*conditions))


def test_the_preview_lists_every_item_with_moved_dates_and_writes_nothing(db, admin, terms, source_term):
    source, target = terms
    audit_before = _count(db, AuditEntry)
    plan = next_term.plan_next_term(_uow(db, admin), source, target)
    assert (plan.source_code, plan.target_code, plan.shift_days) == ("2026Z", "2027Z", 365)
    assert [r.code for r in plan.registrations] == ["2026Z-WMF-1".replace("2026Z", "2027Z"), "OGU-2027Z"]
    first = plan.registrations[0]
    assert first.status is Status.NEW and first.selection_limit == 2
    # The same wall-clock time in Warsaw a year later (9:00 local on 14 Sept both years).
    assert [(r.starts_at, r.ends_at, r.unregister_allowed) for r in first.rounds] == [
        (datetime(2027, 9, 14, 7, tzinfo=UTC), datetime(2027, 9, 20, 21, 59, tzinfo=UTC), False),
        (datetime(2027, 10, 5, 7, tzinfo=UTC), datetime(2027, 10, 9, 21, 59, tzinfo=UTC), True),
    ]
    assert all(r.state is RoundStatus.PREPARING and r.problem is None for r in first.rounds)
    assert [(r.level, r.mode, r.stage) for r in first.rules] == [(Level.FIRST_CYCLE, StudyMode.FULL_TIME, 1)]
    assert [c.course_code for c in first.courses] == ["MAT-101"]
    lecture = next(g for g in plan.groups if g.source_id == source_term["lecture"])
    assert (lecture.seat_limit, lecture.lower_limit, lecture.description) == (120, 10, "Sala wykładowa")
    assert lecture.teachers == ("Jan Kowalski",) and lecture.teacher_ids == (source_term["teacher"],)
    assert lecture.slots == (next_term.SlotCopy(2, time(10, 15), time(11, 45), "A-1", "Budynek A"),)
    counts = plan.counts()
    assert counts[Kind.CLASS_GROUP][Status.NEW] == 3
    assert counts[Kind.ROUND][Status.NEW] == 2 and counts[Kind.ACCESS_RULE][Status.NEW] == 1
    assert counts[Kind.OFFERED_COURSE][Status.NEW] == 2 and counts[Kind.REGISTRATION][Status.NEW] == 2
    assert counts[Kind.TOKEN_RULE][Status.KEPT] == 1 and [t.token_type_code for t in plan.token_rules] == ["JO"]
    assert plan.problems == ()
    assert _count(db, AuditEntry) == audit_before
    assert _count(db, ClassGroup, ClassGroup.term_id == target) == 0


def test_apply_creates_the_new_items_in_one_change_set_and_a_second_apply_nothing(db, admin, terms, source_term):
    source, target = terms
    plan = next_term.plan_next_term(_uow(db, admin), source, target)
    result = next_term.apply_next_term(_uow(db, admin), plan, "nowy rok akademicki")
    assert result.change_set_id is not None
    assert result.created["class_groups"] == 3 and result.created["registrations"] == 2
    with db.read() as session:
        groups = session.scalars(select(ClassGroup).where(ClassGroup.term_id == target).order_by(ClassGroup.id)).all()
        assert len(groups) == 3 and all(g.enrolled_count == 0 and g.over_limit_count == 0 for g in groups)
        copied = next(g for g in groups if g.class_type is ClassType.LECTURE)
        assert (copied.seat_limit, copied.lower_limit, copied.description) == (120, 10, "Sala wykładowa")
        assert [p.id for p in copied.teachers] == [source_term["teacher"]]
        assert [(s.weekday, s.starts_at, s.room) for s in copied.slots] == [(2, time(10, 15), "A-1")]
        registration = session.scalars(select(Registration).where(Registration.code == "2027Z-WMF-1")).one()
        assert registration.term_id == target and registration.selection_limit == 2
        assert [c.code for c in registration.courses] == ["MAT-101"]
        assert [(r.status, r.starts_at) for r in registration.rounds] == [
            (RoundStatus.PREPARING, datetime(2027, 9, 14, 7, tzinfo=UTC)),
            (RoundStatus.PREPARING, datetime(2027, 10, 5, 7, tzinfo=UTC)),
        ]
        entries = session.execute(select(AuditEntry.id, AuditEntry.entity, AuditEntry.action, AuditEntry.change_set_id,
                                         AuditEntry.reason).where(AuditEntry.change_set_id == result.change_set_id)
                                  .order_by(AuditEntry.id)).all()
    head = entries[0]
    assert head.id == result.change_set_id and head.entity == "term_copy" and head.action == "next_term.copy"
    created = sorted(e.entity for e in entries[1:])
    assert created == sorted(["class_group"] * 3 + ["registration"] * 2 + ["round"] * 2 + ["access_rule"])
    assert {e.reason for e in entries} == {"nowy rok akademicki"}
    # Nothing students did came along.
    assert _count(db, Enrollment, Enrollment.group_id.in_([g.id for g in groups])) == 0
    # The audit chain, the counters and the rest of what the database check looks at hold.
    from desk.check import check_database

    report = check_database(db, now=NOW)  # at the clock the copy was made by, as a clerk that day would
    assert report.clean, report.problems

    audit_before, groups_before = _count(db, AuditEntry), _count(db, ClassGroup)
    again = next_term.plan_next_term(_uow(db, admin), source, target)
    assert again.new_count == 0
    assert {r.status for r in again.registrations} == {Status.EXISTS}
    assert {g.status for g in again.groups} == {Status.EXISTS}
    second = next_term.apply_next_term(_uow(db, admin), (source, target), "raz jeszcze")
    assert second.change_set_id is None and second.total == 0
    assert (_count(db, AuditEntry), _count(db, ClassGroup)) == (audit_before, groups_before)


def test_only_what_is_missing_is_created(db, admin, terms, source_term):
    source, target = terms
    maths = factories.course(db, "MAT-101")
    factories.group(db, maths, target, number=1, seat_limit=30)  # the class group 1 is there already
    plan = next_term.plan_next_term(_uow(db, admin), source, target)
    statuses = {(g.course_code, g.class_type, g.number): g.status for g in plan.groups}
    assert statuses[("MAT-101", ClassType.CLASS, 1)] is Status.EXISTS
    assert statuses[("MAT-101", ClassType.LECTURE, 1)] is Status.NEW
    result = next_term.apply_next_term(_uow(db, admin), plan, "uzupełnienie")
    assert result.created["class_groups"] == 2
    assert _count(db, ClassGroup, ClassGroup.term_id == target) == 3


def test_the_portal_gets_the_new_groups_and_registrations(db, admin, terms, source_term):
    source, target = terms
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        next_term.apply_next_term(_uow(db, admin), (source, target), "nowy rok")
        with db.read() as session:
            group_ids = set(session.scalars(select(ClassGroup.id).where(ClassGroup.term_id == target)))
            registration_ids = set(session.scalars(select(Registration.id).where(Registration.term_id == target)))
            round_ids = set(session.scalars(select(Round.id).where(Round.registration_id.in_(registration_ids))))
            rule_ids = set(session.scalars(select(AccessRule.id).where(AccessRule.registration_id.in_(registration_ids))))
            queued = set(session.execute(select(OutboxEntry.entity, OutboxEntry.entity_id)
                                         .where(OutboxEntry.sent_at.is_(None))))
        assert {("class_group", i) for i in group_ids} <= queued
        assert {("registration", i) for i in registration_ids} <= queued
        # Queued changes go out with the next incremental run ...
        sync.run_sync(UnitOfWork(db, admin), SyncKind.INCREMENTAL, portal=portal)
        _assert_published(portal, group_ids, registration_ids, round_ids, rule_ids)
        # ... and a full run publishes them on a portal that lost them.
        with portal.write() as session:
            for table in (schema.class_groups, schema.registrations, schema.rounds, schema.access_rules,
                          schema.registration_courses):
                session.execute(table.delete())
        report = sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        assert report.error is None
        _assert_published(portal, group_ids, registration_ids, round_ids, rule_ids)
    finally:
        portal.dispose()


def _assert_published(portal, group_ids, registration_ids, round_ids, rule_ids) -> None:
    with portal.read() as session:
        published_groups = {row.group_id: row for row in session.execute(
            select(schema.class_groups).where(schema.class_groups.c.term_code == "2027Z"))}
        assert set(published_groups) == group_ids
        assert {row.enrolled_count for row in published_groups.values()} == {0}
        assert set(session.scalars(select(schema.registrations.c.registration_id)
                                   .where(schema.registrations.c.term_code == "2027Z"))) == registration_ids
        assert set(session.scalars(select(schema.rounds.c.round_id)
                                   .where(schema.rounds.c.registration_id.in_(registration_ids)))) == round_ids
        assert set(session.scalars(select(schema.access_rules.c.rule_id)
                                   .where(schema.access_rules.c.registration_id.in_(registration_ids)))) == rule_ids
        assert session.scalar(select(func.count()).select_from(schema.registration_courses)
                              .where(schema.registration_courses.c.registration_id.in_(registration_ids))) == 2


def test_refusals(db, admin, terms, source_term):
    source, target = terms
    with pytest.raises(DomainError, match="other than the source"):
        next_term.plan_next_term(_uow(db, admin), source, source)
    overlapping = factories.term(db, "2027L", date(2027, 2, 1), date(2027, 6, 30))
    with pytest.raises(DomainError, match="before 2026Z ends"):
        next_term.plan_next_term(_uow(db, admin), source, overlapping)
    with pytest.raises(DomainError, match="reason"):
        next_term.apply_next_term(_uow(db, admin), (source, target), "  ")
    # Copied a whole term later than planned, the first round would already have passed.
    late = UnitOfWork(db, admin, now=datetime(2027, 9, 16, tzinfo=UTC))
    plan = next_term.plan_next_term(late, source, target)
    assert len(plan.problems) == 1 and "already passed" in plan.problems[0]
    with pytest.raises(DomainError, match="already passed"):
        next_term.apply_next_term(late, plan, "za późno")
    # A target term too short for the moved rounds.
    short = factories.term(db, "2027Z-K", date(2027, 10, 1), date(2027, 10, 6))
    plan = next_term.plan_next_term(_uow(db, admin), source, short)
    assert any("after the term 2027Z-K ends" in problem for problem in plan.problems)
    with pytest.raises(DomainError, match="after the term"):
        next_term.apply_next_term(_uow(db, admin), plan, "krótki")
    # The code for the target is taken by a registration of another term.
    factories.registration(db, code="OGU-2027Z", term_id=overlapping)
    with pytest.raises(DomainError, match="already used"):
        next_term.apply_next_term(_uow(db, admin), (source, target), "kod zajęty")
    # All or nothing: none of the refused copies left anything behind.
    assert _count(db, ClassGroup, ClassGroup.term_id.in_([target, short])) == 0
    assert _count(db, AuditEntry, AuditEntry.entity == "term_copy") == 0


def test_staff_without_the_permission_are_refused(db, terms, source_term):
    source, target = terms
    service_center = factories.staff(db, "cos", Role.SERVICE_CENTER)
    with pytest.raises(PermissionDenied):
        next_term.plan_next_term(_uow(db, service_center), source, target)
    with pytest.raises(PermissionDenied):
        next_term.apply_next_term(_uow(db, service_center), (source, target), "nowy rok")
    # A clerk of another unit may look, but not copy what the unit WMF runs.
    clerk = factories.staff(db, "clerk", Role.CLERK, ("WCH",))
    assert next_term.plan_next_term(_uow(db, clerk), source, target).new_count > 0
    with pytest.raises(PermissionDenied):
        next_term.apply_next_term(_uow(db, clerk), (source, target), "nowy rok")
    assert _count(db, ClassGroup, ClassGroup.term_id == target) == 0
    # The unit's own clerk may.
    own = factories.staff(db, "own", Role.CLERK, ("WMF",))
    assert next_term.apply_next_term(_uow(db, own), (source, target), "nowy rok").created["class_groups"] == 3
    assert _count(db, RegistrationCourse) == 4


def test_the_history_says_what_the_copy_did(db, admin, terms, source_term):
    from desk.history import change_set_rows, history

    source, target = terms
    result = next_term.apply_next_term(_uow(db, admin), (source, target), "nowy rok")
    lines = {line.id: line for line in history(UnitOfWork(db, admin), limit=100)}
    head = lines[result.change_set_id]
    assert head.description == "Term 2026Z copied to 2027Z (registrations: 2, class groups: 3)"
    assert head.reason == "nowy rok" and head.rows == 8
    with db.read() as session:
        members = session.scalars(select(AuditEntry.id).where(AuditEntry.change_set_id == result.change_set_id,
                                                              AuditEntry.id != result.change_set_id)).all()
    assert not set(members) & set(lines)  # the listing shows the copy as its head alone
    rows = {line.id: line for line in change_set_rows(UnitOfWork(db, admin), result.change_set_id)}
    words = sorted(rows[i].description for i in members)
    assert "Registration 2027Z-WMF-1 copied from 2026Z-WMF-1" in words
    assert "Round \u201cRound 1\u201d copied to 2027Z-WMF-1" in words
    assert "Access rule copied to 2027Z-WMF-1" in words
    assert "Class group 2027Z MAT-101 lecture 1 copied" in words and len(words) == 8


def test_the_terminal_previews_and_applies(db, admin, terms, source_term, monkeypatch, capsys):
    import json

    from desk.cli import main

    monkeypatch.setattr("desk.unit_of_work.now_utc", lambda: NOW)
    monkeypatch.setenv("DESK_PASSWORD", "admin-password")
    where = ["--db", db.url.render_as_string(hide_password=False), "--as", "admin"]
    assert main([*where, "terms", "copy", "--from", "2026Z", "--to", "2027Z"]) == 0
    out = capsys.readouterr().out
    assert "class groups: 3 new" in out and "Preview only" in out
    assert "2027Z-WMF-1: Round 1  [2027-09-14 09:00 - 2027-09-20 23:59, preparing]" in out
    assert _count(db, ClassGroup, ClassGroup.term_id == terms[1]) == 0
    assert main([*where, "next-term", "--from", "2026Z", "--to", "2027Z", "--apply"]) == 1
    assert "--reason" in capsys.readouterr().err
    assert main([*where, "next-term", "--from", "2026Z", "--to", "2027Z", "--apply", "--reason", "nowy rok", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["applied"]["created"]["class_groups"] == 3 and shown["counts"]["class_group"] == {"new": 3}
    assert {item["kind"] for item in shown["items"]} == {k.value for k in Kind}
    assert main([*where, "next-term", "--from", "2026Z", "--to", "2027Z", "--apply", "--reason", "raz jeszcze"]) == 0
    assert "Nothing new to copy" in capsys.readouterr().out
    assert main([*where, "next-term", "--from", "2026Z", "--to", "2099Z"]) == 1
    assert "There is no term 2099Z" in capsys.readouterr().err


def test_a_copy_made_meanwhile_is_refused_whole(db, admin, terms, source_term, monkeypatch):
    source, target = terms
    stale = next_term.plan_next_term(_uow(db, admin), source, target)
    factories.group(db, factories.course(db, "FIZ-201"), target, number=2)  # another clerk's copy of one group
    # As two copies running at once on PostgreSQL would: each made its plan before the other wrote.
    monkeypatch.setattr(next_term, "_group_copies", lambda _session, _source, _target: stale.groups)
    with pytest.raises(DomainError, match="meanwhile"):
        next_term.apply_next_term(_uow(db, admin), stale, "nowy rok")
    assert _count(db, ClassGroup, ClassGroup.term_id == target) == 1
    assert _count(db, Registration, Registration.term_id == target) == 0
    assert _count(db, AuditEntry, AuditEntry.entity == "term_copy") == 0


def test_the_command_joins_the_terms_commands_when_they_exist():
    import argparse

    from desk.cli import next_term as command

    parser = argparse.ArgumentParser(prog="desk")
    commands = parser.add_subparsers()
    terms = commands.add_parser("terms").add_subparsers()
    terms.add_parser("list")
    command.register(commands)
    args = parser.parse_args(["terms", "copy", "--from", "2026Z", "--to", "2027Z"])
    assert (args.func, args.source, args.target, args.apply) == (command.cmd_copy, "2026Z", "2027Z", False)
    assert parser.parse_args(["next-term", "--from", "2026Z", "--to", "2027Z"]).func is command.cmd_copy


def test_a_registration_code_for_the_target_term():
    assert next_term.target_code("2026Z-JO-1", "2026Z", "2027Z") == "2027Z-JO-1"
    assert next_term.target_code("wf-2026z", "2026Z", "2027Z") == "wf-2027Z"
    assert next_term.target_code("OGU", "2026Z", "2027Z") == "OGU-2027Z"


def test_a_rounds_audience_by_rule_goes_with_it_and_its_list_and_turns_stay(db, admin, terms, source_term):
    from desk.model import RoundStart, RoundStudent

    source, target = terms
    listed = factories.student(db, "Na liście")
    with db.write() as session:
        first = session.scalars(select(Round).where(Round.registration_id == source_term["registration"])
                                .order_by(Round.starts_at)).first()
        first.audience_level, first.audience_stage = Level.FIRST_CYCLE, 2
        second = session.scalars(select(Round).where(Round.registration_id == source_term["registration"])
                                 .order_by(Round.starts_at.desc())).first()
        second.audience_listed = True
        session.add(RoundStudent(round_id=second.id, student_id=listed))
    plan = next_term.plan_next_term(_uow(db, admin), source, target)
    next_term.apply_next_term(_uow(db, admin), plan, "nowy rok akademicki")
    with db.read() as session:
        copied = session.scalars(select(Round).join(Registration).where(Registration.code == "2027Z-WMF-1")
                                 .order_by(Round.starts_at)).all()
        assert (copied[0].audience_level, copied[0].audience_stage) == (Level.FIRST_CYCLE, 2)
        assert not copied[1].has_audience  # a list is the term's own
        assert session.scalar(select(func.count()).select_from(RoundStudent)
                              .where(RoundStudent.round_id.in_([r.id for r in copied]))) == 0
        assert session.scalar(select(func.count()).select_from(RoundStart)) == 0


def test_a_registrations_switches_for_exchanges_and_waiting_lists_go_with_it(db, admin, terms, source_term):
    source, target = terms
    with db.write() as session:
        registration = session.get(Registration, source_term["registration"])
        registration.exchanges, registration.waiting_lists, registration.clash_check = True, True, False
    plan = next_term.plan_next_term(_uow(db, admin), source, target)
    first = next(r for r in plan.registrations if r.code == "2027Z-WMF-1")
    assert (first.exchanges, first.waiting_lists, first.clash_check) == (True, True, False)
    next_term.apply_next_term(_uow(db, admin), plan, "nowy rok akademicki")
    with db.read() as session:
        copies = {r.code: (r.exchanges, r.waiting_lists, r.clash_check)
                  for r in session.scalars(select(Registration).where(Registration.term_id == target))}
    assert copies == {"2027Z-WMF-1": (True, True, False), "OGU-2027Z": (False, False, True)}
