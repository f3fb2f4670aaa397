"""Acting on many at once, on both databases: each record asked of the same service, one transaction, one change set;
a refusal undoes that record alone and is reported in words; nothing done, nothing recorded; an error undoes all."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desk import enrollment, history, sync_conflicts
from desk.check import check_database
from desk.errors import DomainError
from desk.model import AuditEntry, ClassGroup, Enrollment, EnrollmentStatus, Role, SyncConflict
from desk.refusals import Refused
from desk.sync_conflicts import record_conflict
from desk.unit_of_work import UnitOfWork
from tests import factories


def _groups(db):
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    first = factories.group(db, course, term, number=1, seat_limit=10)
    second = factories.group(db, course, term, number=2, seat_limit=2)
    return first, second


def _enrolled(db, admin, group_id, count):
    students = factories.many_students(db, count)
    ids = [enrollment.enroll(UnitOfWork(db, admin), sid, group_id, reason="r").enrollment_id for sid in students]
    return students, ids


def _standing(db, group_id) -> set[int]:
    with db.read() as session:
        return set(session.scalars(select(Enrollment.student_id).where(
            Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.ACCEPTED)))


def _audit_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def test_moving_three_into_a_group_with_two_places_moves_two_and_says_why_not_the_third(db, admin):
    first, second = _groups(db)
    students, enrollments = _enrolled(db, admin, first, 3)
    result = enrollment.move_many(UnitOfWork(db, admin), enrollments, second, reason="kolizja w planie")
    assert result.asked == 3 and result.done == tuple(enrollments[:2])
    [refused] = result.not_done
    assert refused.id == enrollments[2] and "full" in refused.why and "2 of 2" in refused.why
    assert _standing(db, second) == set(students[:2]) and _standing(db, first) == {students[2]}
    with db.read() as session:
        assert session.get(ClassGroup, first).enrolled_count == 1
        assert session.get(ClassGroup, second).enrolled_count == 2
    # One entry in the history, opening to what was done (two moves: each a cancel and a move).
    head = history.history(UnitOfWork(db, admin))[0]
    assert head.id == result.change_set_id and head.is_change_set and head.rows == 4
    assert head.description == "Selected students moved to 2026Z MAT-101 class 2 at once (selected: 3)"
    assert head.reason == "kolizja w planie"
    rows = history.change_set_rows(UnitOfWork(db, admin), head.id)
    assert sorted(r.student_id for r in rows) == sorted(students[:2] * 2)
    # The refused move's entries went with its savepoint: the audit chain and the group counts still hold.
    assert check_database(db).problems == ()


def test_over_the_limit_every_one_moves(db, admin):
    first, second = _groups(db)
    students, enrollments = _enrolled(db, admin, first, 3)
    result = enrollment.move_many(UnitOfWork(db, admin), enrollments, second, reason="zgoda", over_limit=True)
    assert result.done == tuple(enrollments) and result.not_done == ()
    with db.read() as session:
        row = session.get(ClassGroup, second)
        assert (row.enrolled_count, row.over_limit_count) == (3, 1)


def test_when_every_one_is_refused_nothing_is_recorded(db, admin):
    first, second = _groups(db)
    _students, enrollments = _enrolled(db, admin, first, 2)
    enrollment.unenroll(UnitOfWork(db, admin), enrollments[0], reason="r")
    before = _audit_count(db)
    result = enrollment.unenroll_many(UnitOfWork(db, admin), [enrollments[0]], reason="again")
    assert result.done == () and result.change_set_id is None
    assert [n.id for n in result.not_done] == [enrollments[0]] and result.not_done[0].why == "That enrollment is no longer standing."
    assert _audit_count(db) == before


def test_unenrolling_several_frees_their_places_in_one_change_set(db, admin):
    first, _second = _groups(db)
    students, enrollments = _enrolled(db, admin, first, 4)
    progress = []
    result = enrollment.unenroll_many(UnitOfWork(db, admin), enrollments[:3], reason="rezygnacja",
                                      progress=lambda done, total, _text: progress.append((done, total)))
    assert result.done == tuple(enrollments[:3]) and progress == [(1, 3), (2, 3), (3, 3)]
    assert _standing(db, first) == {students[3]}
    head = history.history(UnitOfWork(db, admin))[0]
    assert head.rows == 3 and head.description == "Selected students unenrolled at once (selected: 3)"


def test_a_clerk_of_another_unit_is_refused_for_each_in_words(db, admin):
    first, second = _groups(db)  # WMF's groups; the students study INF-S1 (WMF) too
    _students, enrollments = _enrolled(db, admin, first, 2)
    stranger = factories.staff(db, "obcy", Role.CLERK, ("WH",))
    result = enrollment.move_many(UnitOfWork(db, stranger), enrollments, second, reason="r")
    assert result.done == () and all("your units" in n.why for n in result.not_done)


def test_an_unexpected_error_undoes_everything(db, admin, monkeypatch):
    first, second = _groups(db)
    students, enrollments = _enrolled(db, admin, first, 3)
    before = _audit_count(db)
    real = enrollment.move
    calls = []

    def breaks_on_the_second(uow, enrollment_id, *args, **kwargs):
        calls.append(enrollment_id)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real(uow, enrollment_id, *args, **kwargs)

    monkeypatch.setattr(enrollment, "move", breaks_on_the_second)
    with pytest.raises(RuntimeError):
        enrollment.move_many(UnitOfWork(db, admin), enrollments, second, reason="r")
    assert _standing(db, first) == set(students) and _standing(db, second) == set()
    assert _audit_count(db) == before


def test_a_reason_and_a_selection_are_needed(db, admin):
    first, second = _groups(db)
    _students, enrollments = _enrolled(db, admin, first, 1)
    with pytest.raises(DomainError, match="Say why"):
        enrollment.move_many(UnitOfWork(db, admin), enrollments, second, reason=" ")
    with pytest.raises(DomainError, match="Nothing is selected"):
        enrollment.unenroll_many(UnitOfWork(db, admin), [], reason="r")


# --- sync conflicts ------------------------------------------------------------------------------


def _conflicts(db, group_id, students, start=1) -> list[int]:
    for index, student_id in enumerate(students, start=start):
        record_conflict(db, {"action_key": f"portal-{index}", "kind": "register", "student_id": student_id,
                             "group_id": group_id, "registration_id": None}, [], None)
    with db.read() as session:
        return list(session.scalars(select(SyncConflict.id).order_by(SyncConflict.id)))


def test_dismissing_many_conflicts_is_one_change_set_and_one_already_settled_is_said(db, admin):
    first, _second = _groups(db)
    ids = _conflicts(db, first, factories.many_students(db, 4))
    sync_conflicts.resolve_conflict(UnitOfWork(db, admin), ids[1], enroll_over_limit=False, reason="earlier")
    result = sync_conflicts.resolve_conflicts(UnitOfWork(db, admin), ids, enroll_over_limit=False, reason="student informed")
    assert result.done == (ids[0], ids[2], ids[3])
    assert [(n.id, n.why) for n in result.not_done] == [(ids[1], "The conflict was already settled.")]
    assert sync_conflicts.conflicts(UnitOfWork(db, admin)) == []
    head = history.history(UnitOfWork(db, admin))[0]
    assert head.description == "Selected sync conflicts dismissed at once (selected: 4)" and head.rows == 3
    with db.read() as session:
        kinds = set(session.scalars(select(SyncConflict.resolution).where(SyncConflict.id != ids[1])))
    assert kinds == {"student informed"}


def test_enrolling_many_conflicts_over_the_limit(db, admin):
    _first, second = _groups(db)
    students = factories.many_students(db, 3)
    ids = _conflicts(db, second, students)
    result = sync_conflicts.resolve_conflicts(UnitOfWork(db, admin), ids, enroll_over_limit=True, reason="the teacher agreed")
    assert result.done == tuple(ids)
    assert _standing(db, second) == set(students)
    with db.read() as session:
        assert session.get(ClassGroup, second).enrolled_count == 3


def test_another_units_clerk_dismisses_none_and_is_told_for_each(db, admin):
    first, _second = _groups(db)
    ids = _conflicts(db, first, factories.many_students(db, 2))
    stranger = factories.staff(db, "obcy", Role.CLERK, ("WH",))
    result = sync_conflicts.resolve_conflicts(UnitOfWork(db, stranger), ids, enroll_over_limit=False, reason="r")
    assert result.done == () and result.change_set_id is None
    assert all("not one of your units" in n.why for n in result.not_done)
    assert len(sync_conflicts.conflicts(UnitOfWork(db, admin))) == 2


def test_refusals_keep_their_kind_apart_from_unexpected_errors():
    assert issubclass(Refused, DomainError)  # what one_by_one keeps apart; anything else undoes everything


def test_the_terminal_settles_several_conflicts_at_once(db, admin, capsys, monkeypatch):
    from desk.cli import main

    first, _second = _groups(db)
    ids = _conflicts(db, first, factories.many_students(db, 3))
    sync_conflicts.resolve_conflict(UnitOfWork(db, admin), ids[0], enroll_over_limit=False, reason="earlier")
    monkeypatch.setenv("DESK_PASSWORD", "admin-password")
    where = db.url.render_as_string(hide_password=False)
    settle = ["--db", where, "--as", "admin", "sync", "conflicts", "--settle", *map(str, ids), "--reason", "told by e-mail"]
    assert main(settle) == 1  # one of them was not settled: said, and the exit status says so
    out = capsys.readouterr().out
    assert "2 of 3 conflicts settled." in out and f"{ids[0]}: not settled — The conflict was already settled." in out
    assert sync_conflicts.conflicts(UnitOfWork(db, admin)) == []
    assert history.history(UnitOfWork(db, admin))[0].description == "Selected sync conflicts dismissed at once (selected: 3)"
