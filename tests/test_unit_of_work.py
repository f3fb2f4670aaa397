"""The unit of work: one transaction shared by composed services, the principal as the database has it now,
and one call that records a change (audit and portal queue together)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from desk import groups, staff
from desk.changes import Action, Change, Description
from desk.errors import DomainError, PermissionDenied
from desk.messages import Message, define
from desk.model import AuditEntry, ClassGroup, OutboxEntry, Role
from desk.staff import Permission
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories


class _TestAction(Action):
    TOUCH = "test_uow.touch"

    def describe(self, shown) -> Description:
        return Description("touched")


_REASON = define("test_uow.reason", "Tests", "because of {what}")


def _count(db, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def _touched(db) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "test_uow.touch")
                                    .order_by(AuditEntry.id)))


def _group(db, *, seat_limit=20, lower_limit=0) -> int:
    factories.unit(db)
    course_id = factories.course(db)
    return factories.group(db, course_id, factories.term(db), seat_limit=seat_limit, lower_limit=lower_limit)


def test_a_disabled_clerk_is_refused_at_the_next_action_with_the_actor_of_their_sign_in(db, admin):
    group_id = _group(db)
    clerk = factories.staff(db, "kowalska", Role.CLERK, ("WMF",))
    groups.set_seat_limits(UnitOfWork(db, clerk), [group_id], value=25, reason="sala 101")  # allowed while active

    staff.disable_staff(UnitOfWork(db, admin), "kowalska", reason="odeszła z pracy")

    with pytest.raises(PermissionDenied, match="has been disabled"):
        groups.set_seat_limits(UnitOfWork(db, clerk), [group_id], value=30, reason="sala 102")
    with pytest.raises(PermissionDenied, match="has been disabled"):
        groups.list_groups(UnitOfWork(db, clerk), groups.GroupScope(group_ids=(group_id,)))
    with db.read() as session:
        assert session.get(ClassGroup, group_id).seat_limit == 25


def test_a_demoted_or_moved_clerk_acts_with_their_role_and_units_as_they_are_now(db, admin):
    group_id = _group(db)
    factories.unit(db, "WCH", "Wydział Chemii")
    clerk = factories.staff(db, "nowak", Role.CLERK, ("WMF",))
    work = UnitOfWork(db, clerk)  # one unit of work kept open for a long terminal command
    groups.set_seat_limits(work, [group_id], value=25, reason="r")

    staff.change_role(UnitOfWork(db, admin), "nowak", Role.CLERK, [factories.unit(db, "WCH")], reason="przeniesiona")
    with pytest.raises(PermissionDenied):
        groups.set_seat_limits(work, [group_id], value=26, reason="r")

    staff.change_role(UnitOfWork(db, admin), "nowak", Role.SERVICE_CENTER, [], reason="inna praca")
    with pytest.raises(PermissionDenied):
        groups.set_seat_limits(work, [group_id], value=26, reason="r")
    assert work.staff.role is Role.SERVICE_CENTER


def test_composed_services_share_one_transaction_and_roll_back_together(db, admin):
    group_id = _group(db)
    work = UnitOfWork(db, admin)
    audit_before, queue_before = _count(db, AuditEntry), _count(db, OutboxEntry)
    with pytest.raises(DomainError):
        with work.write():
            groups.set_seat_limits(work, [group_id], value=30, reason="r")  # joins the open transaction
            with work.read() as session:  # sees its own uncommitted change
                assert session.get(ClassGroup, group_id).seat_limit == 30
            groups.set_seat_limits(work, [group_id], value=-1, reason="r")  # refused: all of it rolls back
    with db.read() as session:
        assert session.get(ClassGroup, group_id).seat_limit == 20
    assert (_count(db, AuditEntry), _count(db, OutboxEntry)) == (audit_before, queue_before)


def test_record_change_writes_the_audit_entry_and_the_portal_queue_together(db, admin):
    at = datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc)
    work = UnitOfWork(db, admin, now=at)
    with work.write():
        work.record_change(_TestAction.TOUCH, entity="class_group", entity_id=7, before={"a": 1}, after={"a": 2},
                           reason="typed by the clerk")
        work.record_changes(_TestAction.TOUCH, [
            Change("class_group", 8, after={"a": 3}, reason=_REASON(what="the timetable")),
            Change("class_group", 9, after={"a": 4}, portal=False),
        ])
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "test_uow.touch").order_by(AuditEntry.id)).all()
        queued = session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "class_group").order_by(OutboxEntry.id)).all()
    assert [(e.entity_id, e.staff_id, e.job) for e in entries] == [(7, admin.id, None), (8, admin.id, None), (9, admin.id, None)]
    assert entries[0].reason == "typed by the clerk" and entries[0].reason_message is None
    # A reason the system gives is kept as a code: the words are made when shown.
    assert entries[1].reason is None
    assert Message.from_json(entries[1].reason_message) == Message("test_uow.reason", {"what": "the timetable"})
    assert Message.from_json(entries[1].reason_message).text() == "because of the timetable"
    assert all(e.at.replace(tzinfo=timezone.utc) == at for e in entries)
    assert [(q.entity_id, q.payload) for q in queued] == [(7, {"a": 2}), (8, {"a": 3})]  # 9: the student does not see it


def test_a_system_job_is_recorded_under_its_name(db):
    work = UnitOfWork(db, SystemJob.TOKEN_ROUND)
    assert work.staff is None and work.can(Permission.MANAGE_GROUPS)
    with work.write():
        work.record_change(_TestAction.TOUCH, entity="class_group", entity_id=1, after={})
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "test_uow.touch")).one()
    assert (entry.staff_id, entry.job) == (None, "token_round")
    with pytest.raises(PermissionDenied):
        work.require_staff()


def test_a_seat_limit_is_never_below_the_lower_limit(db, admin):
    group_id = _group(db, seat_limit=20, lower_limit=12)
    with pytest.raises(DomainError, match="lower limit"):
        groups.set_seat_limits(UnitOfWork(db, admin), [group_id], value=10, reason="mniejsza sala")
    with pytest.raises(DomainError, match="lower limit"):
        groups.set_seat_limits(UnitOfWork(db, admin), [group_id], delta=-9, reason="mniejsza sala")
    groups.set_seat_limits(UnitOfWork(db, admin), [group_id], value=12, reason="mniejsza sala")
    # The database holds the same rule, whoever writes.
    with pytest.raises(Exception, match="limit_not_below_lower_limit"):
        with db.write() as session:
            session.get(ClassGroup, group_id).seat_limit = 11
    with db.read() as session:
        assert session.get(ClassGroup, group_id).seat_limit == 12


def test_a_change_set_is_one_head_entry_that_its_rows_point_at(db, admin):
    uow = UnitOfWork(db, admin)
    with uow.write():
        with uow.change_set(_TestAction.TOUCH, entity="import", after={"rows": 2}, reason="import of a file") as head:
            uow.record_changes(_TestAction.TOUCH, [Change("thing", 1, None, None, {"n": 1}, None, False),
                                                   Change("thing", 2, None, None, {"n": 2}, None, False)])
        uow.record_change(_TestAction.TOUCH, entity="thing", entity_id=3, portal=False)
    with db.read() as session:
        rows = session.execute(select(AuditEntry.id, AuditEntry.entity, AuditEntry.change_set_id).order_by(AuditEntry.id)).all()
    assert [(r.entity, r.change_set_id) for r in rows[-4:]] == [("import", head), ("thing", head), ("thing", head), ("thing", None)]
    assert rows[-4].id == head
    from desk.check import check_database
    report = check_database(db)
    assert report.clean, report.problems


def test_changes_recorded_in_one_write_read_the_chains_end_once(db, admin):
    """A refund records three changes: each took the chains' lock and read the chain's end on its own."""
    from sqlalchemy import event

    chain_reads = []

    def _count_chain_reads(conn, cursor, statement, *args):
        if "FROM audit_log ORDER BY id DESC" in statement or "pg_advisory_xact_lock" in statement:
            chain_reads.append(statement)

    work = UnitOfWork(db, admin)
    event.listen(db.engine, "before_cursor_execute", _count_chain_reads)
    try:
        with work.write():
            for entity_id in (1, 2, 3):
                work.record_change(_TestAction.TOUCH, entity="class_group", entity_id=entity_id, after={"n": entity_id})
    finally:
        event.remove(db.engine, "before_cursor_execute", _count_chain_reads)
    assert len(chain_reads) == (2 if db.engine.dialect.name == "postgresql" else 1), chain_reads
    assert _touched(db) == [1, 2, 3]


def test_a_part_undone_by_a_savepoint_leaves_no_change_recorded(db, admin):
    work = UnitOfWork(db, admin)
    with work.write():
        work.record_change(_TestAction.TOUCH, entity="class_group", entity_id=1, after={})
        with pytest.raises(DomainError):
            with work.savepoint():
                work.record_change(_TestAction.TOUCH, entity="class_group", entity_id=2, after={})
                raise DomainError("refused")
        with work.savepoint():
            work.record_change(_TestAction.TOUCH, entity="class_group", entity_id=3, after={})
    with pytest.raises(DomainError):
        with work.write():
            work.record_change(_TestAction.TOUCH, entity="class_group", entity_id=4, after={})
            raise DomainError("refused")
    with db.read() as session:
        queued = session.scalars(select(OutboxEntry.entity_id).where(OutboxEntry.entity == "class_group")
                                 .order_by(OutboxEntry.id)).all()
    assert _touched(db) == queued == [1, 3]
