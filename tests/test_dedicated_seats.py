"""Dedicated seats: shares of a group's seats for chosen students, on every path that takes a seat, and under a race."""

from __future__ import annotations

import multiprocessing
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desk import eligibility, enrollment, rules, seat_shares
from desk.clock import now_utc
from desk.db import Database, make_engine
from desk.enrollment import EnrollmentRefused
from desk.errors import DomainError
from desk.model import ClassGroup, Enrollment, EnrollmentStatus, Level, SeatShare
from desk.refusals import describe
from desk.rules import GroupFacts, Seat, Seeker, ShareFacts, Study
from desk.seat_shares import ShareDraft
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories

DEDICATED, FULL = rules.RefusalCode.DEDICATED, rules.RefusalCode.FULL


# --- the rulebook -------------------------------------------------------------------------------------

def _facts(enrolled: int, *shares: ShareFacts, limit: int = 10) -> GroupFacts:
    return GroupFacts(1, 1, "MAT-101", 1, "class", 1, limit, enrolled, shares=shares)


OURS = Seeker((Study(7, "first_cycle", "full_time", 2),))
OTHERS = Seeker((Study(8, "first_cycle", "full_time", 2),))


def test_a_share_student_takes_a_dedicated_seat_first_and_everyone_else_only_the_rest():
    share = ShareFacts(5, seats=4, taken=1, programme_id=7, stage=2, programme_code="INF")
    group = _facts(7, share)  # 3 of everyone's 6 taken... and 1 of the share's 4: 3 + 1 + 3 free
    assert group.general_free == 6 - (7 - 1)  # none left for everyone
    assert group.seat_for(OURS) == Seat(5)
    assert group.seat_for(OTHERS) is None
    refusal, = rules.enroll_at_desk(group, [], seeker=OTHERS)
    assert refusal.code is DEDICATED and refusal.params["free"] == 3 and refusal.params["programme"] == "INF"
    assert "dedicated to students of INF" in describe(refusal)
    assert rules.enroll_at_desk(group, [], seeker=OURS) == ()
    assert rules.enroll_at_desk(group, [], seeker=OTHERS, over_limit=True) == ()  # a clerk's override
    # A stage the share does not name, a list the student is not on: everyone's seats only.
    assert group.seat_for(Seeker((Study(7, "first_cycle", "full_time", 1),))) is None
    listed = ShareFacts(6, seats=2, taken=0, listed=True)
    assert _facts(8, listed).seat_for(Seeker(listed=frozenset({6}))) == Seat(6)
    assert _facts(8, listed).seat_for(OURS) is None


def test_a_released_share_is_everyones_and_a_full_group_is_full_for_all():
    released = ShareFacts(5, seats=4, taken=1, released=True, programme_id=7)
    assert _facts(7, released).seat_for(OTHERS) == Seat(None)
    full = _facts(10, ShareFacts(5, seats=4, taken=4, programme_id=7))
    assert [r.code for r in rules.enroll_at_desk(full, [], seeker=OURS)] == [FULL]
    # A share student whose share is full takes one of everyone's.
    assert _facts(5, ShareFacts(5, seats=4, taken=4, programme_id=7)).seat_for(OURS) == Seat(None)
    # A token request with no seat for the student waits for one (a share may be released).
    assert rules.only_waiting([rules.dedicated(_facts(7, ShareFacts(5, seats=4, taken=1, programme_id=7)))])


# --- the services ------------------------------------------------------------------------------------

def _group_with_share(db, admin, *, limit=4, seats=2, **share):
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    group = factories.group(db, course, term, seat_limit=limit)
    ours = factories.programme(db, "INF-S2")
    share_id = seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(seats, programme_id=ours, **share),
                                     reason="dla informatyki")
    return term, course, group, share_id


def _state(db, group_id):
    with db.read() as session:
        group = session.get(ClassGroup, group_id)
        shares = {s.id: (s.seats, s.taken, s.released_at is not None)
                  for s in session.scalars(select(SeatShare).where(SeatShare.group_id == group_id))}
        by_share = dict(session.execute(
            select(Enrollment.share_id, func.count()).where(Enrollment.group_id == group_id,
                                                            Enrollment.status == EnrollmentStatus.ACCEPTED)
            .group_by(Enrollment.share_id)).all())
        return (group.enrolled_count, group.reserved_seats, group.reserved_taken), shares, by_share


def test_a_clerk_enrolls_into_dedicated_seats_and_everyone_else_into_the_rest(db, admin):
    _term, _course, group, share = _group_with_share(db, admin)
    ours = [factories.student(db, f"Nasz{i}", programme_code="INF-S2") for i in range(3)]
    others = [factories.student(db, f"Obcy{i}", programme_code="INF-S1") for i in range(3)]
    clerk = UnitOfWork(db, admin)
    assert enrollment.enroll(clerk, ours[0], group, reason="r").share_id == share
    assert enrollment.enroll(UnitOfWork(db, admin), others[0], group, reason="r").share_id is None
    assert enrollment.enroll(UnitOfWork(db, admin), others[1], group, reason="r").share_id is None
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.enroll(UnitOfWork(db, admin), others[2], group, reason="r")
    assert refused.value.refusal is DEDICATED
    assert _state(db, group) == ((3, 2, 1), {share: (2, 1, False)}, {share: 1, None: 2})
    # The dean's office may still give one of them a seat, over the limit, with a reason.
    over = enrollment.enroll(UnitOfWork(db, admin), others[2], group, reason="decyzja dziekana", over_limit=True)
    assert over.over_limit and over.share_id is None
    # A share student leaving gives the seat back to the share.
    taken = enrollment.enroll(UnitOfWork(db, admin), ours[1], group, reason="r")
    assert taken.share_id == share
    enrollment.unenroll(UnitOfWork(db, admin), taken.enrollment_id, reason="rezygnacja")
    assert _state(db, group)[1] == {share: (2, 1, False)}
    with pytest.raises(DomainError, match="Only 0 of the group's seats"):
        seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(2), reason="za dużo")


def test_a_share_released_at_an_instant_gives_its_seats_to_everyone_from_then_and_not_before(db, admin):
    now = now_utc()
    release = now + timedelta(hours=2)
    _term, _course, group, share = _group_with_share(db, admin, limit=2, seats=2, release_at=release)
    other = factories.student(db, "Obcy", programme_code="INF-S1")
    with pytest.raises(EnrollmentRefused) as before:
        enrollment.enroll(UnitOfWork(db, admin, now=release - timedelta(minutes=1)), other, group, reason="r")
    assert before.value.refusal is DEDICATED
    assert _state(db, group)[0] == (0, 2, 0)
    result = enrollment.enroll(UnitOfWork(db, admin, now=release + timedelta(minutes=1)), other, group, reason="r")
    assert result.share_id is None
    assert _state(db, group) == ((1, 0, 0), {share: (2, 0, True)}, {None: 1})


def test_a_share_released_when_a_round_starts_and_by_a_clerk(db, admin):
    now = now_utc()
    term, course, group, _ = _group_with_share(db, admin, limit=3, seats=1)
    registration = factories.registration(db, term_id=term, course_ids=(course,), code="REG-2",
                                          rounds=((now - timedelta(days=1), now + timedelta(days=1)),
                                                  (now + timedelta(days=2), now + timedelta(days=3))),
                                          rules=({"level": Level.FIRST_CYCLE},))
    rounds = seat_shares.release_rounds(UnitOfWork(db, admin), group)
    assert [name for _id, name, _at in rounds] == ["REG-2: Round 1", "REG-2: Round 2"] or len(rounds) == 2
    second = rounds[1][0]
    waits = seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(1, level=Level.DOCTORAL,
                                                                           release_round_id=second), reason="doktoranci")
    other = factories.student(db, "Obcy", programme_code="INF-S1")
    portal = UnitOfWork(db, SystemJob.PORTAL)
    assert enrollment.register_from_portal(portal, other, group, registration).share_id is None
    with pytest.raises(EnrollmentRefused):  # the two shares keep the other two seats
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), factories.student(db, "Drugi"), group,
                                        registration)
    lines = {line.id: line for line in seat_shares.shares_of(UnitOfWork(db, admin), group)}
    assert not lines[waits].released and lines[waits].release_round.endswith(lines[waits].release_round)
    later = now + timedelta(days=2, hours=1)
    assert {line.id: line.released for line in seat_shares.shares_of(UnitOfWork(db, admin, now=later), group)}[waits]
    # The first share, released by a clerk now.
    first = next(i for i in lines if i != waits)
    seat_shares.release_share(UnitOfWork(db, admin), first, reason="nikt się nie zgłosił")
    with pytest.raises(DomainError, match="released already"):
        seat_shares.release_share(UnitOfWork(db, admin), first, reason="jeszcze raz")
    third = factories.student(db, "Trzeci")
    assert enrollment.enroll(UnitOfWork(db, admin), third, group, reason="r").share_id is None
    seat_shares.remove_share(UnitOfWork(db, admin), waits, reason="niepotrzebne")
    assert _state(db, group)[0] == (2, 0, 0)


def test_the_explanation_names_the_dedicated_seats(db, admin):
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    group = factories.group(db, course, term, seat_limit=2)
    ours = factories.programme(db, "INF-S2")
    seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(2, programme_id=ours), reason="r")
    registration = factories.registration(db, term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    other = factories.student(db, "Obcy", programme_code="INF-S1")
    ours_student = factories.student(db, "Nasz", programme_code="INF-S2")
    explained = eligibility.explain(UnitOfWork(db, admin), other, registration, group_id=group)
    assert any(r.code is DEDICATED for r in explained.refusals), explained
    assert not eligibility.explain(UnitOfWork(db, admin), ours_student, registration, group_id=group).refusals


# --- the race ----------------------------------------------------------------------------------------

WORKERS, ROUNDS, LIMIT, SEATS = 16, 6, 6, 3


def _worker(url, index, registration_id, group_ids, students, barrier, results):
    db = Database(make_engine(url))
    mine = []
    for r, group_id in enumerate(group_ids):
        barrier.wait(timeout=60)
        try:
            result = enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), students[index][r], group_id,
                                                     registration_id)
            mine.append((group_id, result.enrollment_id, result.share_id))
        except EnrollmentRefused as refused:
            mine.append((group_id, refused.refusal.value, None))
    db.dispose()
    results.put(mine)


def test_racing_students_never_exceed_a_share_or_the_group(db, admin):
    """16 processes a round, half of them of the share's programme: the share, everyone's seats and the group
    each stay within their size, and every seat is taken."""
    now = now_utc()
    term = factories.term(db)
    courses = [factories.course(db, f"RACE-{r}") for r in range(ROUNDS)]
    groups = [factories.group(db, c, term, seat_limit=LIMIT) for c in courses]
    ours_programme = factories.programme(db, "INF-S2")
    shares = [seat_shares.add_share(UnitOfWork(db, admin), g, ShareDraft(SEATS, programme_id=ours_programme), reason="r")
              for g in groups]
    registration = factories.registration(db, term_id=term, course_ids=tuple(courses),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    ours = factories.many_students(db, WORKERS // 2 * ROUNDS, programme_code="INF-S2", prefix="Nasz")
    others = factories.many_students(db, WORKERS // 2 * ROUNDS, programme_code="INF-S1", prefix="Obcy")
    # Every round, the even workers are the share's students and the odd ones everyone else.
    students = [(ours if w % 2 == 0 else others)[w // 2 * ROUNDS:(w // 2 + 1) * ROUNDS] for w in range(WORKERS)]
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    url = db.url.render_as_string(hide_password=False)
    db.dispose()
    processes = [context.Process(target=_worker, args=(url, i, registration, groups, students, barrier, results))
                 for i in range(WORKERS)]
    for process in processes:
        process.start()
    outcomes = [o for _ in processes for o in results.get(timeout=300)]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    ours_set = set(ours)
    for group, share in zip(groups, shares):
        (enrolled, reserved, reserved_taken), stored, by_share = _state(db, group)
        won = [(eid, sid) for g, eid, sid in outcomes if g == group and isinstance(eid, int)]
        assert enrolled == len(won) == LIMIT  # every seat taken, none twice
        assert stored[share][1] == by_share.get(share, 0) == reserved_taken <= SEATS
        assert by_share.get(None, 0) <= LIMIT - SEATS
        with db.read() as session:
            holders = set(session.scalars(select(Enrollment.student_id).where(
                Enrollment.group_id == group, Enrollment.share_id == share, Enrollment.status == EnrollmentStatus.ACCEPTED)))
        assert holders <= ours_set  # only the share's students hold its seats
        refused = {code for g, code, _ in outcomes if g == group and not isinstance(code, int)}
        assert refused <= {FULL.value, DEDICATED.value}


def test_the_check_finds_a_share_whose_count_disagrees(db, admin):
    from sqlalchemy import update

    from desk.check import check_database

    _term, _course, group, share = _group_with_share(db, admin)
    student = factories.student(db, "Nasz", programme_code="INF-S2")
    enrollment.enroll(UnitOfWork(db, admin), student, group, reason="r")
    assert "share_count_differs" not in check_database(db).totals
    with db.write() as session:
        session.execute(update(SeatShare).where(SeatShare.id == share).values(taken=0))
    report = check_database(db)
    assert report.totals["share_count_differs"] == 2  # the share, and its group's row
    details = " ".join(p.detail for p in report.problems if p.kind == "share_count_differs")
    assert "the share counts 0 taken, 1 standing enrollments" in details and "keeps 2 dedicated seats (1 taken)" in details


# --- any sequence of changes keeps the counts ---------------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_STEP = st.one_of(
    st.tuples(st.just("enroll"), st.integers(0, 7), st.integers(0, 1), st.booleans()),  # student, group, over limit
    st.tuples(st.just("portal"), st.integers(0, 7), st.integers(0, 1)),
    st.tuples(st.just("leave"), st.integers(0, 7)),
    st.tuples(st.just("move"), st.integers(0, 7)),
    st.tuples(st.just("share"), st.integers(0, 1), st.integers(1, 3), st.booleans()),  # group, seats, listed
    st.tuples(st.just("release"), st.integers(0, 3)),
    st.tuples(st.just("remove"), st.integers(0, 3)),
    st.tuples(st.just("limit"), st.integers(0, 1), st.integers(0, 6)),
)


def test_any_sequence_of_seat_changes_keeps_every_count(db, admin):
    """Enrollments at the desk and on the portal, moves, leaves, shares added, released and removed, limits changed:
    afterwards every share and group counts what stands, and none is over its size."""
    from desk import groups as group_service
    from desk.check import check_database

    now = now_utc()
    term = factories.term(db)
    ours_programme = factories.programme(db, "INF-S2")
    ours = [factories.student(db, f"Nasz{i}", programme_code="INF-S2") for i in range(4)]
    others = [factories.student(db, f"Obcy{i}", programme_code="INF-S1") for i in range(4)]
    students = ours + others
    made = iter(range(10_000))

    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                     HealthCheck.function_scoped_fixture])
    @given(steps=st.lists(_STEP, min_size=1, max_size=20))
    def any_sequence(steps):
        course = factories.course(db, f"SEQ-{next(made)}")
        group_ids = [factories.group(db, course, term, number=n, seat_limit=4) for n in (1, 2)]
        registration = factories.registration(db, term_id=term, course_ids=(course,), code=f"SEQ-{next(made)}",
                                              rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                              rules=({"level": Level.FIRST_CYCLE},))
        shares: list[int] = []
        standing: dict[int, int] = {}  # student index -> enrollment id
        for step in steps:
            clerk = UnitOfWork(db, admin)
            try:
                if step[0] == "enroll" and step[1] not in standing:
                    standing[step[1]] = enrollment.enroll(clerk, students[step[1]], group_ids[step[2]], reason="r",
                                                          over_limit=step[3]).enrollment_id
                elif step[0] == "portal" and step[1] not in standing:
                    standing[step[1]] = enrollment.register_from_portal(
                        UnitOfWork(db, SystemJob.PORTAL), students[step[1]], group_ids[step[2]], registration).enrollment_id
                elif step[0] == "leave" and step[1] in standing:
                    enrollment.unenroll(clerk, standing.pop(step[1]), reason="r")
                elif step[0] == "move" and step[1] in standing:
                    with db.read() as session:
                        now_in = session.get(Enrollment, standing[step[1]]).group_id
                    target = group_ids[1 - group_ids.index(now_in)]
                    standing[step[1]] = enrollment.move(clerk, standing[step[1]], target, reason="r").enrollment_id
                elif step[0] == "share":
                    draft = (ShareDraft(step[2], student_ids=tuple(ours[:2])) if step[3]
                             else ShareDraft(step[2], programme_id=ours_programme))
                    shares.append(seat_shares.add_share(clerk, group_ids[step[1]], draft, reason="r"))
                elif step[0] == "release" and step[1] < len(shares):
                    seat_shares.release_share(clerk, shares[step[1]], reason="r")
                elif step[0] == "remove" and step[1] < len(shares):
                    seat_shares.remove_share(clerk, shares.pop(step[1]), reason="r")
                elif step[0] == "limit":
                    group_service.set_seat_limits(clerk, [group_ids[step[1]]], value=step[2], reason="r")
            except DomainError:
                pass  # refused: nothing changed
        report = check_database(db)
        assert not {"share_count_differs", "group_count_differs", "group_over_limit"} & set(report.totals), steps
        with db.read() as session:
            for group in session.scalars(select(ClassGroup).where(ClassGroup.id.in_(group_ids))):
                assert group.enrolled_count - group.reserved_taken <= (group.seat_limit - group.reserved_seats
                                                                       + group.over_limit_count), steps

    any_sequence()
