"""The enrollment service: seats, overrides, moves, portal registrations and their refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desk import enrollment
from desk.clock import now_utc
from desk.enrollment import EnrollmentRefused, Refusal
from desk.errors import DomainError, PermissionDenied
from desk.model import AuditEntry, ClassGroup, Enrollment, EnrollmentStatus, Level, OutboxEntry, ProgrammeStatus, Role
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories


@pytest.fixture
def world(db):
    now = now_utc()
    term_id = factories.term(db)
    course_id = factories.course(db)
    small = factories.group(db, course_id, term_id, number=1, seat_limit=2)
    other = factories.group(db, course_id, term_id, number=2, seat_limit=2)
    reg = factories.registration(
        db, term_id=term_id, course_ids=(course_id,), selection_limit=1,
        rounds=((now - timedelta(hours=1), now + timedelta(days=1), True),),
        rules=({"level": Level.FIRST_CYCLE},),
    )
    return dict(now=now, term=term_id, course=course_id, small=small, other=other, reg=reg)


def _group(db, group_id):
    with db.read() as session:
        return session.get(ClassGroup, group_id)


def test_clerk_enrolls_until_full_then_refused_showing_count(db, admin, world):
    a, b, c = (factories.student(db, last_name=n) for n in ("Adamska", "Bąk", "Cieślak"))
    enrollment.enroll(UnitOfWork(db, admin), a, world["small"], reason="zmiana grupy")
    result = enrollment.enroll(UnitOfWork(db, admin), b, world["small"], reason="zmiana grupy")
    assert (result.enrolled_count, result.seat_limit, result.over_limit) == (2, 2, False)
    with pytest.raises(EnrollmentRefused, match="2 of 2") as refused:
        enrollment.enroll(UnitOfWork(db, admin), c, world["small"], reason="zmiana grupy")
    assert refused.value.refusal is Refusal.FULL
    assert _group(db, world["small"]).enrolled_count == 2


def test_override_is_recorded_and_unenroll_shrinks_the_excess(db, admin, world):
    ids = [factories.student(db, last_name=f"S{i}") for i in range(3)]
    for sid in ids[:2]:
        enrollment.enroll(UnitOfWork(db, admin), sid, world["small"], reason="r")
    result = enrollment.enroll(UnitOfWork(db, admin), ids[2], world["small"], reason="decyzja prodziekana",
                               over_limit=True)
    assert result.over_limit and result.enrolled_count == 3
    group = _group(db, world["small"])
    assert (group.enrolled_count, group.over_limit_count) == (3, 1)
    with db.read() as session:
        row = session.get(Enrollment, result.enrollment_id)
        assert row.over_limit and row.reason == "decyzja prodziekana"
        assert session.scalar(select(AuditEntry.action).where(AuditEntry.entity_id == row.id, AuditEntry.entity == "enrollment")) == "enrollment.override"
    enrollment.unenroll(UnitOfWork(db, admin), result.enrollment_id, reason="rezygnacja")
    group = _group(db, world["small"])
    assert (group.enrolled_count, group.over_limit_count) == (2, 0)


def test_enroll_needs_a_reason_and_refuses_duplicates(db, admin, world):
    sid = factories.student(db)
    with pytest.raises(DomainError, match="Say why"):
        enrollment.enroll(UnitOfWork(db, admin), sid, world["small"], reason=" ")
    enrollment.enroll(UnitOfWork(db, admin), sid, world["small"], reason="r")
    with pytest.raises(EnrollmentRefused, match="already in group"):
        enrollment.enroll(UnitOfWork(db, admin), sid, world["other"], reason="r")
    assert _group(db, world["other"]).enrolled_count == 0


def test_move_is_one_step_and_refused_move_changes_nothing(db, admin, world):
    mover, x, y = (factories.student(db, last_name=n) for n in ("Mover", "X", "Y"))
    first = enrollment.enroll(UnitOfWork(db, admin), mover, world["small"], reason="r")
    moved = enrollment.move(UnitOfWork(db, admin), first.enrollment_id, world["other"], reason="kolizja w planie")
    assert (_group(db, world["small"]).enrolled_count, _group(db, world["other"]).enrolled_count) == (0, 1)
    enrollment.enroll(UnitOfWork(db, admin), x, world["small"], reason="r")
    enrollment.enroll(UnitOfWork(db, admin), y, world["small"], reason="r")
    with pytest.raises(EnrollmentRefused, match="full"):
        enrollment.move(UnitOfWork(db, admin), moved.enrollment_id, world["small"], reason="r")
    with db.read() as session:
        standing = session.scalar(select(Enrollment.group_id).where(Enrollment.student_id == mover, Enrollment.status == EnrollmentStatus.ACCEPTED))
    assert standing == world["other"]
    assert (_group(db, world["small"]).enrolled_count, _group(db, world["other"]).enrolled_count) == (2, 1)


def test_move_only_within_the_course(db, admin, world):
    sid = factories.student(db)
    other_course = factories.course(db, "FIZ-1")
    elsewhere = factories.group(db, other_course, world["term"])
    first = enrollment.enroll(UnitOfWork(db, admin), sid, world["small"], reason="r")
    with pytest.raises(DomainError, match="same course"):
        enrollment.move(UnitOfWork(db, admin), first.enrollment_id, elsewhere, reason="r")


def test_clerk_of_another_unit_cannot_enroll(db, world):
    sid = factories.student(db)
    stranger = factories.staff(db, "obcy", Role.CLERK, ("WPA",))
    with pytest.raises(PermissionDenied):
        enrollment.enroll(UnitOfWork(db, stranger), sid, world["small"], reason="r")
    service = factories.staff(db, "cos", Role.SERVICE_CENTER)
    with pytest.raises(PermissionDenied):
        enrollment.enroll(UnitOfWork(db, service), sid, world["small"], reason="r")
    assert _group(db, world["small"]).enrolled_count == 0


def test_changes_are_audited_and_queued(db, admin, world):
    sid = factories.student(db)
    result = enrollment.enroll(UnitOfWork(db, admin), sid, world["small"], reason="powrót z urlopu")
    with db.read() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.entity == "enrollment")).one()
        assert (audit.staff_id, audit.reason, audit.student_id) == (admin.id, "powrót z urlopu", sid)
        assert session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.entity_id == result.enrollment_id)) == 1


# --- portal -------------------------------------------------------------------------------


def test_portal_registration_first_come(db, world):
    a, b, c = (factories.student(db, last_name=n) for n in ("A", "B", "C"))
    for sid in (a, b):
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, world["small"], world["reg"])
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), c, world["small"], world["reg"])
    assert refused.value.refusal is Refusal.FULL
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), c, world["other"], world["reg"])


def test_portal_refusals(db, world):
    reg, group = world["reg"], world["small"]
    sid = factories.student(db)
    later = world["now"] + timedelta(days=2)
    with pytest.raises(EnrollmentRefused) as closed:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL, now=later), sid, group, reg)
    assert closed.value.refusal is Refusal.ROUND_NOT_OPEN
    on_leave = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    with pytest.raises(EnrollmentRefused) as no_access:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), on_leave, group, reg)
    assert no_access.value.refusal is Refusal.NO_ACCESS
    second_cycle = factories.programme(db, "INF-S2", level=Level.SECOND_CYCLE)
    assert second_cycle
    outsider = factories.student(db, programme_code="INF-S2")
    with pytest.raises(EnrollmentRefused) as outsider_refused:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), outsider, group, reg)
    assert outsider_refused.value.refusal is Refusal.NO_ACCESS
    not_offered = factories.group(db, factories.course(db, "HIS-1"), world["term"])
    with pytest.raises(EnrollmentRefused) as offered:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, not_offered, reg)
    assert offered.value.refusal is Refusal.NOT_OFFERED


def test_portal_selection_limit_counts_courses(db, world):
    second = factories.course(db, "MAT-102")
    second_group = factories.group(db, second, world["term"])
    with db.write() as session:
        from desk.model import RegistrationCourse

        session.add(RegistrationCourse(registration_id=world["reg"], course_id=second))
    sid = factories.student(db)
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, world["small"], world["reg"])
    with pytest.raises(EnrollmentRefused) as limit:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, second_group, world["reg"])
    assert limit.value.refusal is Refusal.SELECTION_LIMIT


def test_portal_unregister_only_where_the_round_allows(db, world):
    now = world["now"]
    term_id = world["term"]
    course_id = factories.course(db, "WF-1")
    group = factories.group(db, course_id, term_id, seat_limit=1)
    strict = factories.registration(db, code="WF", term_id=term_id, course_ids=(course_id,),
                                    rounds=((now - timedelta(hours=1), now + timedelta(hours=5), False),),
                                    rules=({"level": Level.FIRST_CYCLE},))
    sid = factories.student(db)
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, group, strict)
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.unregister_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, group, strict)
    assert refused.value.refusal is Refusal.UNREGISTER_NOT_ALLOWED
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), factories.student(db, last_name="Other"), world["small"],
                                    world["reg"])
    other_sid = factories.student(db, last_name="Leaver")
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), other_sid, world["small"], world["reg"])
    assert _group(db, world["small"]).enrolled_count == 2
    enrollment.unregister_from_portal(UnitOfWork(db, SystemJob.PORTAL), other_sid, world["small"], world["reg"])
    assert _group(db, world["small"]).enrolled_count == 1
    with pytest.raises(EnrollmentRefused) as twice:
        enrollment.unregister_from_portal(UnitOfWork(db, SystemJob.PORTAL), other_sid, world["small"], world["reg"])
    assert twice.value.refusal is Refusal.NOT_ENROLLED


# --- the rulebook's slot: course, term and class type --------------------------------------


def test_move_stays_within_the_class_type(db, admin, world):
    """Reproduction: a move from a lecture group into a lab group of the same course was carried out."""
    from desk.model import ClassType

    lecture = factories.group(db, world["course"], world["term"], number=1, class_type=ClassType.LECTURE)
    lab = factories.group(db, world["course"], world["term"], number=1, class_type=ClassType.LAB)
    sid = factories.student(db)
    held = enrollment.enroll(UnitOfWork(db, admin), sid, lecture, reason="r")
    with pytest.raises(EnrollmentRefused, match="same class type") as refused:
        enrollment.move(UnitOfWork(db, admin), held.enrollment_id, lab, reason="r")
    assert refused.value.refusal is Refusal.OTHER_CLASS_TYPE
    assert (_group(db, lecture).enrolled_count, _group(db, lab).enrolled_count) == (1, 0)
    # Into the lab as a group of its own class type: an enrollment, not a move.
    enrollment.enroll(UnitOfWork(db, admin), sid, lab, reason="r")
    assert _group(db, lab).enrolled_count == 1


def test_move_targets_say_what_the_rulebook_says(db, admin, world):
    from desk.model import ClassType

    lab = factories.group(db, world["course"], world["term"], number=3, class_type=ClassType.LAB)
    sid = factories.student(db)
    held = enrollment.enroll(UnitOfWork(db, admin), sid, world["small"], reason="r")
    for other in factories.many_students(db, 2):
        enrollment.enroll(UnitOfWork(db, admin), other, world["other"], reason="r")
    targets = {t.group_id: t for t in enrollment.move_targets(UnitOfWork(db, admin), held.enrollment_id)}
    assert set(targets) == {world["other"], lab}
    assert [r.code for r in targets[world["other"]].refusals] == [Refusal.FULL] and targets[world["other"]].offered
    assert [r.code for r in targets[lab].refusals] == [Refusal.OTHER_CLASS_TYPE] and not targets[lab].offered
    # What the class-groups view offers: the full class group (an override may answer it), not the lab.
    assert [g.id for g in enrollment.groups_to_move_to(UnitOfWork(db, admin), held.enrollment_id)] == [world["other"]]


def test_a_lecture_and_a_class_of_one_course_are_held_together(db, admin, world):
    from desk.model import ClassType

    lecture = factories.group(db, world["course"], world["term"], number=1, class_type=ClassType.LECTURE)
    sid = factories.student(db)
    enrollment.enroll(UnitOfWork(db, admin), sid, lecture, reason="r")
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, world["small"], world["reg"])
    with pytest.raises(EnrollmentRefused, match=r"already in group MAT-101 class 1 of this course \(same class type\)") as same:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, world["other"], world["reg"])
    assert same.value.refusal is Refusal.SAME_SLOT


def test_an_enrollment_taken_out_twice_is_refused_the_second_time(db, admin, world):
    sid = factories.student(db)
    held = enrollment.enroll(UnitOfWork(db, admin), sid, world["small"], reason="r")
    enrollment.unenroll(UnitOfWork(db, admin), held.enrollment_id, reason="rezygnacja")
    with pytest.raises(EnrollmentRefused, match="no longer standing") as twice:
        enrollment.unenroll(UnitOfWork(db, admin), held.enrollment_id, reason="rezygnacja")
    assert twice.value.refusal is Refusal.NOT_ENROLLED
    with pytest.raises(EnrollmentRefused, match="no longer standing"):
        enrollment.move(UnitOfWork(db, admin), held.enrollment_id, world["other"], reason="r")


# --- students' actions read back from the portal, in one batch --------------------------------


def _portal_script(db, world):
    """Register, fill a group, be refused, unregister, take the freed place, register twice, act after the round."""
    a, b, c, d = (factories.student(db, last_name=n) for n in ("Adamczyk", "Borowa", "Czech", "Dudek"))
    outsider = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    now, small, other, reg = world["now"], world["small"], world["other"], world["reg"]
    steps = [(a, small, True), (b, small, True), (c, small, True), (a, small, False), (c, small, True),
             (d, small, True), (d, other, True), (outsider, other, True), (b, other, True), (b, small, False),
             (b, small, False), (d, other, True)]
    return [enrollment.PortalAction(sid, gid, reg, register, now + timedelta(seconds=i)) for i, (sid, gid, register)
            in enumerate(steps)] + [enrollment.PortalAction(a, other, reg, True, now + timedelta(days=3))]


def _standing(db, world):
    with db.read() as session:
        rows = session.execute(select(Enrollment.student_id, Enrollment.group_id).where(
            Enrollment.status == EnrollmentStatus.ACCEPTED).order_by(Enrollment.student_id, Enrollment.group_id)).all()
        counts = [session.get(ClassGroup, world[g]).enrolled_count for g in ("small", "other")]
        audited = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "enrollment").order_by(AuditEntry.id)).all()
    return [tuple(r) for r in rows], counts, audited


def _said(outcome):
    if isinstance(outcome, EnrollmentRefused):
        return [r.code for r in outcome.refusals]
    return "unregistered" if outcome is None else ("registered", outcome.group_id, outcome.enrolled_count)


def test_portal_actions_in_one_batch_end_as_they_do_one_at_a_time(db, world):
    actions = _portal_script(db, world)
    uow = UnitOfWork(db, SystemJob.PORTAL)
    before = enrollment.portal_facts(uow, actions)
    with uow.write():
        batch = enrollment.apply_portal_actions(uow, actions, before)
    in_batch = _standing(db, world)
    with db.write() as session:  # back to where the script started, and once more one action at a time
        session.execute(Enrollment.__table__.delete())
        session.execute(ClassGroup.__table__.update().values(enrolled_count=0))
    single = []
    for action in actions:
        one = UnitOfWork(db, SystemJob.PORTAL, now=action.at)
        try:
            if action.register:
                single.append(enrollment.register_from_portal(one, action.student_id, action.group_id, action.registration_id))
            else:
                single.append(enrollment.unregister_from_portal(one, action.student_id, action.group_id, action.registration_id))
        except EnrollmentRefused as refused:
            single.append(refused)
    assert [_said(o) for o in batch] == [_said(o) for o in single]
    assert [_said(o) for o in batch][2] == [Refusal.FULL] and [_said(o) for o in batch][-1] == [Refusal.ROUND_NOT_OPEN]
    rows, counts, audited = _standing(db, world)
    assert (rows, counts) == in_batch[:2]
    first = len(in_batch[2])
    assert first and audited[:first] == in_batch[2] == audited[first:]


def test_a_batch_dates_each_change_when_the_student_acted(db, world):
    actions = _portal_script(db, world)[:2]
    uow = UnitOfWork(db, SystemJob.PORTAL)
    before = enrollment.portal_facts(uow, actions)
    with uow.write():
        enrollment.apply_portal_actions(uow, actions, before)
    with db.read() as session:
        audited = session.scalars(select(AuditEntry.at).where(AuditEntry.entity == "enrollment").order_by(AuditEntry.id)).all()
        queued = session.scalars(select(OutboxEntry.created_at).where(OutboxEntry.entity == "enrollment").order_by(OutboxEntry.id)).all()
    assert audited == queued == [a.at for a in actions]


def test_a_portal_action_asks_its_registrations_facts_once_and_then_only_their_stamp(db, world):
    from sqlalchemy import event

    students = [factories.student(db) for _ in range(2)]
    statements = []

    def _count(conn, cursor, statement, *args):
        statements.append(statement)

    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), students[0], world["small"], world["reg"])
    event.listen(db.engine, "before_cursor_execute", _count)
    try:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), students[1], world["small"], world["reg"])
    finally:
        event.remove(db.engine, "before_cursor_execute", _count)
    asked = " ".join(statements)
    for table in ("FROM registrations", "FROM rounds", "FROM registration_courses", "FROM access_rules"):
        assert table not in asked, table
    assert "FROM registration_facts_stamp" in asked


@pytest.mark.parametrize("change", ["round closed", "course no longer offered", "rule narrowed", "term moved"])
def test_a_registration_changed_by_another_workstation_is_obeyed_at_the_next_action(db_url, db, world, change):
    """Each process keeps its registrations' facts: another writer's change reaches it through the stamp."""
    from sqlalchemy import delete, update

    from desk.db import Database, make_engine
    from desk.model import AccessRule, Registration, RegistrationCourse, Round

    first, second = (factories.student(db) for _ in range(2))
    summer = factories.term(db, "2027L", date(2027, 3, 1), date(2027, 6, 30))
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), first, world["small"], world["reg"])
    other = Database(make_engine(db_url))  # another workstation's connection to the same database
    try:
        with other.write() as session:
            if change == "round closed":
                session.execute(update(Round).where(Round.registration_id == world["reg"])
                                .values(ends_at=world["now"] - timedelta(minutes=1)))
            elif change == "course no longer offered":
                session.execute(delete(RegistrationCourse).where(RegistrationCourse.registration_id == world["reg"]))
            elif change == "rule narrowed":
                session.execute(update(AccessRule).where(AccessRule.registration_id == world["reg"])
                                .values(level=Level.SECOND_CYCLE))
            else:
                session.execute(update(Registration).where(Registration.id == world["reg"]).values(term_id=summer))
    finally:
        other.dispose()
    refusal = {"round closed": Refusal.ROUND_NOT_OPEN, "course no longer offered": Refusal.NOT_OFFERED,
               "rule narrowed": Refusal.NO_ACCESS, "term moved": Refusal.NOT_OFFERED}[change]
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), second, world["small"], world["reg"])
    assert refused.value.refusal is refusal
