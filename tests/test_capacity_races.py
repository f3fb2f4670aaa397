"""Races for the last seats: 16 workers (threads, then separate processes) at once, 20 rounds, on each database.

Every round makes a fresh group with fewer seats than workers; all workers are released by a
barrier at the same moment and register a student each, while a clerk lowers the group's limit.
Afterwards the group may never hold more than its limit, its counter must equal the accepted
enrollments, and every enrollment a worker was told succeeded must be in the database.
"""

from __future__ import annotations

import multiprocessing
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desk import enrollment, groups
from desk.clock import now_utc
from desk.db import Database, make_engine
from desk.enrollment import EnrollmentRefused
from desk.groups import LimitBelowCount
from desk.model import ClassGroup, Enrollment, EnrollmentStatus, Level
from tests import factories
from desk.unit_of_work import SystemJob, UnitOfWork

WORKERS = 16
ROUNDS = 20
SEATS = 5  # the last seats: fewer than the workers who want them
LOWER_TO = 3  # the clerk's new limit, accepted only while at most 3 are in


def _setup(db: Database, admin, *, same_student: bool = False):
    now = now_utc()
    term_id = factories.term(db)
    course_ids = [factories.course(db, f"RACE-{r:02d}") for r in range(ROUNDS)]
    group_ids = [factories.group(db, course_ids[r], term_id, seat_limit=SEATS) for r in range(ROUNDS)]
    registration_id = factories.registration(
        db, term_id=term_id, course_ids=tuple(course_ids), selection_limit=1 if same_student else None,
        rounds=((now - timedelta(hours=1), now + timedelta(days=1)),), rules=({"level": Level.FIRST_CYCLE},),
    )
    if same_student:
        students = [[factories.student(db, last_name="Jedyny")] * ROUNDS] * WORKERS
    else:
        made = factories.many_students(db, WORKERS * ROUNDS)
        students = [made[w * ROUNDS : (w + 1) * ROUNDS] for w in range(WORKERS)]
    return registration_id, group_ids, students


def _register(db: Database, student_id: int, group_id: int, registration_id: int):
    try:
        portal = UnitOfWork(db, SystemJob.PORTAL)
        return enrollment.register_from_portal(portal, student_id, group_id, registration_id).enrollment_id
    except EnrollmentRefused as refused:
        return refused.refusal.value


def _lower_limit(db: Database, admin, group_id: int) -> bool:
    try:
        groups.set_seat_limits(UnitOfWork(db, admin), [group_id], value=LOWER_TO, reason="sala zamieniona na mniejszą")
        return True
    except LimitBelowCount:
        return False


def _check(db: Database, group_ids: list[int], accepted: dict[int, set[int]]) -> None:
    with db.read() as session:
        for group_id in group_ids:
            group = session.get(ClassGroup, group_id)
            rows = set(
                session.scalars(
                    select(Enrollment.id).where(Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.ACCEPTED)
                )
            )
            assert group.enrolled_count <= group.seat_limit, f"group {group_id} overbooked"
            assert group.enrolled_count == len(rows), "the counter disagrees with the enrollments"
            assert rows == accepted.get(group_id, set()), "an accepted enrollment was lost, or one appeared unannounced"


def _race_threads(db: Database, admin, registration_id, group_ids, students):
    barrier = threading.Barrier(WORKERS + 1)
    accepted: dict[int, set[int]] = {}
    lowered = []
    lock = threading.Lock()

    def worker(index: int):
        for r, group_id in enumerate(group_ids):
            barrier.wait(timeout=60)
            outcome = _register(db, students[index][r], group_id, registration_id)
            if isinstance(outcome, int):
                with lock:
                    accepted.setdefault(group_id, set()).add(outcome)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for group_id in group_ids:
        barrier.wait(timeout=60)
        lowered.append(_lower_limit(db, admin, group_id))  # the clerk, in the middle of the rush
    for thread in threads:
        thread.join(timeout=120)
    return accepted, lowered


def _process_worker(url: str, index: int, registration_id, group_ids, students, barrier, results):
    db = Database(make_engine(url))
    mine = []
    for r, group_id in enumerate(group_ids):
        barrier.wait(timeout=60)
        mine.append((group_id, _register(db, students[index][r], group_id, registration_id)))
    db.dispose()
    results.put(mine)


def _race_processes(db: Database, admin, registration_id, group_ids, students):
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(WORKERS + 1)
    results = context.Queue()
    url = db.url.render_as_string(hide_password=False)
    db.dispose()  # no pooled connection may be shared with the children
    processes = [
        context.Process(target=_process_worker, args=(url, i, registration_id, group_ids, students, barrier, results))
        for i in range(WORKERS)
    ]
    for process in processes:
        process.start()
    lowered = []
    for group_id in group_ids:
        barrier.wait(timeout=60)
        lowered.append(_lower_limit(db, admin, group_id))
    accepted: dict[int, set[int]] = {}
    for _ in processes:
        for group_id, outcome in results.get(timeout=300):
            if isinstance(outcome, int):
                accepted.setdefault(group_id, set()).add(outcome)
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    return accepted, lowered


@pytest.mark.parametrize("race", [_race_threads, _race_processes], ids=["threads", "processes"])
def test_last_seats_are_never_overbooked(db, admin, race):
    registration_id, group_ids, students = _setup(db, admin)
    accepted, lowered = race(db, admin, registration_id, group_ids, students)
    _check(db, group_ids, accepted)
    with db.read() as session:
        limits = dict(session.execute(select(ClassGroup.id, ClassGroup.seat_limit).where(ClassGroup.id.in_(group_ids))).all())
    for group_id, was_lowered in zip(group_ids, lowered):
        assert limits[group_id] == (LOWER_TO if was_lowered else SEATS)
        # Every group filled up to whatever limit stood at the end: nobody was turned away wrongly.
        assert len(accepted.get(group_id, ())) == limits[group_id]


def test_one_student_racing_for_many_groups_gets_one(db, admin):
    """Selection limit 1: the same student in 16 workers at once, for one group each round."""
    registration_id, group_ids, students = _setup(db, admin, same_student=True)
    # Every worker aims at a different group in each round (offered by the same registration).
    shifted = [group_ids[w % ROUNDS :] + group_ids[: w % ROUNDS] for w in range(WORKERS)]
    accepted: dict[int, set[int]] = {}
    barrier = threading.Barrier(WORKERS)
    lock = threading.Lock()

    def worker(index: int):
        for r in range(ROUNDS):
            barrier.wait(timeout=60)
            outcome = _register(db, students[index][r], shifted[index][r], registration_id)
            if isinstance(outcome, int):
                with lock:
                    accepted.setdefault(shifted[index][r], set()).add(outcome)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with db.read() as session:
        standing = session.scalar(
            select(func.count()).select_from(Enrollment).where(Enrollment.status == EnrollmentStatus.ACCEPTED)
        )
    assert standing == 1
    assert sum(len(v) for v in accepted.values()) == 1
