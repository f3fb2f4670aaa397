"""Exchanges and waiting lists on the portal (contract 5): wishes and waiting students published and kept in step with
every change at the desk, the students' own wishes, withdrawals, joins and leaves read back from the portal's actions
(each applied once, a refused one told why), and a portal without them brought to them."""

from __future__ import annotations

import json
from datetime import time, timedelta

import pytest
from sqlalchemy import select, text

from desk import enrollment, exchanges, sync, waiting_lists
from desk.clock import now_utc
from desk.model import (
    Enrollment,
    EnrollmentStatus,
    ExchangeWish,
    Level,
    Registration,
    SyncKind,
    SyncResult,
    TimetableSlot,
    WaitingEntry,
    WaitingStatus,
    WishStatus,
)
from desk.portal import schema, simulator
from desk.portal.database import open_portal, open_portal_for, portal_url_of
from desk.portal.publish import keys_for_changes, publish_keys
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories
from tests.test_sync import portal_differences

MOVE_TABLES = ("portal_exchange_wishes", "portal_exchange_wish_targets", "portal_waiting_entries")


def _university(db, *, groups=3, limit=2):
    """A course of ``groups`` groups of ``limit`` seats, offered by a first-come registration open now that allows
    exchanges and keeps waiting lists."""
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "ANG-B2")
    group_ids = [factories.group(db, course, term, number=n, seat_limit=limit) for n in range(1, groups + 1)]
    registration = factories.registration(db, code="JO-2027Z", term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        row = session.get(Registration, registration)
        row.exchanges = row.waiting_lists = True
    return term, registration, group_ids


def _seated(db, registration, group, name) -> int:
    """A student who registered for the group on the portal."""
    student_id = factories.student(db, name)
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), student_id, group, registration)
    return student_id


def _opened(db, inside: bool):
    portal = open_portal_for(db) if inside else open_portal(portal_url_of(db))
    assert (portal.desk_schema is not False) is inside
    return portal


def _in_step(db, admin, portal) -> None:
    """The queued changes sent and the students' actions read; the portal then equals the desk, and a full run finds
    nothing to repair."""
    assert sync.run_sync(UnitOfWork(db, admin), portal=portal).result is SyncResult.SUCCEEDED
    assert portal_differences(db, portal) == {}
    full = sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
    assert full.repaired_rows == 0, [r for r in full.repaired if r.added or r.changed or r.removed]


def _rows(portal, table) -> list[dict]:
    with portal.read() as session:
        return [dict(row) for row in session.execute(select(table)).mappings()]


def _wishes(portal) -> dict[int, dict]:
    """The portal's wishes by student: status, the group left, the groups wished for in order, why."""
    targets = sorted(_rows(portal, schema.exchange_wish_targets), key=lambda r: (r["wish_id"], r["preference"]))
    found = {}
    for wish in _rows(portal, schema.exchange_wishes):
        found.setdefault(wish["student_id"], []).append({
            "status": wish["status"], "from": wish["from_group_id"], "reason": wish["reason_code"],
            "to": [t["group_id"] for t in targets if t["wish_id"] == wish["wish_id"]]})
    return found


def _list(portal, group_id) -> list[tuple[int, int | None, str]]:
    """The group's waiting list as the portal shows it: (student, place, status), those waiting in order."""
    rows = [r for r in _rows(portal, schema.waiting_entries) if r["group_id"] == group_id]
    return sorted(((r["student_id"], r["place"], r["status"]) for r in rows),
                  key=lambda r: (r[1] is None, r[1] or 0, r[0]))


def _outcomes(portal, keys) -> list[tuple[str, str | None, dict | None]]:
    """Each action's outcome and why, in the order of ``keys``."""
    with portal.read() as session:
        found = session.execute(select(schema.actions).where(schema.actions.c.action_key.in_(keys)))
        rows = {r.action_key: r for r in found}
    return [(rows[k].outcome, rows[k].reason_code, json.loads(rows[k].reason_params) if rows[k].reason_params else None)
            for k in keys]


def _held(portal, student_id) -> set[int]:
    return {r["group_id"] for r in _rows(portal, schema.enrollments)
            if r["student_id"] == student_id and r["status"] == "accepted"}


@pytest.mark.parametrize("inside", [True, False], ids=["inside", "between"])
def test_wishes_from_the_portal_are_one_wish_in_their_order_and_shown_done_after_a_break(db, admin, inside):
    """Two actions from one group make one wish naming two groups in the order they came; a break carries it out
    with a partner's wish (a cycle), and the portal shows both done and the students in their new groups. Copied
    inside the database and sent between two alike."""
    _term, registration, (a, b, c) = _university(db)
    _seated(db, registration, a, "Stała")
    s1 = _seated(db, registration, a, "Pierwsza")
    _seated(db, registration, b, "Stały")
    s2 = _seated(db, registration, b, "Drugi")
    for name in ("Pełna", "Pełny"):
        _seated(db, registration, c, name)
    nobody = factories.student(db, "Bezgrupowy")
    portal = _opened(db, inside)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        published = {r["registration_id"]: r for r in _rows(portal, schema.registrations)}[registration]
        assert (published["exchanges"], published["waiting_lists"]) == (True, True)

        keys = [simulator.act(portal, "exchange_wish", s1, registration, c),
                simulator.act(portal, "exchange_wish", s1, registration, b),
                simulator.act(portal, "exchange_wish", s2, registration, a),
                simulator.act(portal, "exchange_wish", s1, registration, c),  # named already: the same wish
                simulator.act(portal, "exchange_wish", nobody, registration, a),
                simulator.act(portal, "exchange_wish", s2, registration, b)]  # the group they hold
        _in_step(db, admin, portal)
        outcomes = _outcomes(portal, keys)
        assert [o[0] for o in outcomes] == ["applied"] * 4 + ["refused"] * 2
        assert outcomes[4][1:] == ("exchange.nothing_to_leave", {"group": "ANG-B2 class 1"})
        assert outcomes[5][1] == "sync.refused_in_words"
        assert "cannot be one they wish for" in outcomes[5][2]["words"]
        assert _wishes(portal) == {s1: [{"status": "open", "from": a, "reason": "exchange.waiting", "to": [c, b]}],
                                   s2: [{"status": "open", "from": b, "reason": "exchange.waiting", "to": [a]}]}
        with db.read() as session:
            mine = session.scalars(select(ExchangeWish).where(ExchangeWish.student_id == s1)).one()
            assert mine.portal_key == keys[0] and mine.created_by_id is None
        # Read again (a run killed before the portal heard), nothing is applied twice.
        with portal.write() as target:
            target.execute(schema.actions.update().values(read_at=None, outcome=None, reason_code=None,
                                                          reason_params=None))
        _in_step(db, admin, portal)
        assert [o[0] for o in _outcomes(portal, keys)] == ["applied"] * 4 + ["refused"] * 2
        assert _wishes(portal)[s1][0]["to"] == [c, b]

        done = exchanges.run_break(UnitOfWork(db, admin), registration, reason="przerwa wymiany")
        assert (done.carried, done.sets) == (2, 1)
        _in_step(db, admin, portal)
        wishes = _wishes(portal)
        assert [(w["status"], w["reason"]) for w in wishes[s1] + wishes[s2]] == [("done", "exchange.done")] * 2
        assert (_held(portal, s1), _held(portal, s2)) == ({b}, {a})
        counts = {r["group_id"]: r["enrolled_count"] for r in _rows(portal, schema.class_groups)}
        assert (counts[a], counts[b], counts[c]) == (2, 2, 2)
    finally:
        portal.dispose()


def test_a_wish_withdrawn_on_the_portal_replaced_at_the_desk_and_void_at_a_break_shows_so(db, admin):
    """A student withdraws their wish on the portal (a second withdrawal is refused, with why); a clerk's newer wish
    closes the student's open one; a wish whose group the student left is void at the next break: each reaches the
    portal."""
    _term, registration, (a, b, c) = _university(db, limit=3)
    s1 = _seated(db, registration, a, "Pierwsza")
    s2 = _seated(db, registration, b, "Drugi")
    for name in ("Pełna", "Pełny", "Pełne"):
        _seated(db, registration, c, name)
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        simulator.act(portal, "exchange_wish", s1, registration, c)
        simulator.act(portal, "exchange_wish", s2, registration, c)
        _in_step(db, admin, portal)
        keys = [simulator.act(portal, "exchange_withdraw", s1, registration, a),
                simulator.act(portal, "exchange_withdraw", s1, registration, a)]
        _in_step(db, admin, portal)
        assert _outcomes(portal, keys) == [("applied", None, None), ("refused", "sync.no_open_wish", {})]
        assert [(w["status"], w["reason"]) for w in _wishes(portal)[s1]] == [("withdrawn", "exchange.withdrawn")]

        # A clerk records a newer wish for the second student: their portal wish is closed as replaced.
        exchanges.make_wish(UnitOfWork(db, admin), s2, b, [a])
        _in_step(db, admin, portal)
        assert sorted((w["status"], w["reason"], tuple(w["to"])) for w in _wishes(portal)[s2]) == [
            ("open", "exchange.waiting", (a,)), ("withdrawn", "exchange.replaced", (c,))]

        # The student leaves the group before the break: the wish is void there, and says so on the portal.
        enrollment.unregister_from_portal(UnitOfWork(db, SystemJob.PORTAL), s2, b, registration)
        exchanges.run_break(UnitOfWork(db, admin), registration)
        _in_step(db, admin, portal)
        assert sorted((w["status"], w["reason"]) for w in _wishes(portal)[s2]) == [
            ("void", "exchange.void"), ("withdrawn", "exchange.replaced")]
    finally:
        portal.dispose()


@pytest.mark.parametrize("inside", [True, False], ids=["inside", "between"])
def test_waiting_lists_from_the_portal_follow_every_change_at_the_desk(db, admin, inside):
    """Students join a full group's list on the portal, in the order they acted; a clerk moves one up and the
    portal's places follow; a seat freed at the desk enrolls the first, shown on the portal with the others moved up;
    one who leaves is off the list; one passed over shows why."""
    term, registration, (group, other) = _university(db, groups=2)
    holders = [_seated(db, registration, group, name) for name in ("Zapisana", "Zapisany")]
    first, second, third = (factories.student(db, name) for name in ("Pierwsza", "Drugi", "Trzecia"))
    portal = _opened(db, inside)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        at = now_utc()
        keys = [simulator.act(portal, "waiting_join", sid, registration, group, at=at + timedelta(seconds=n))
                for n, sid in enumerate((first, second, third))]
        keys.append(simulator.act(portal, "waiting_join", first, registration, group))  # on the list already
        keys.append(simulator.act(portal, "waiting_join", first, registration, other))  # a seat there: register
        _in_step(db, admin, portal)
        outcomes = _outcomes(portal, keys)
        assert [o[0] for o in outcomes] == ["applied"] * 3 + ["refused"] * 2
        assert "already" in outcomes[3][2]["words"] and "register them instead" in outcomes[4][2]["words"]
        assert _list(portal, group) == [(first, 1, "waiting"), (second, 2, "waiting"), (third, 3, "waiting")]
        assert {r["reason_code"] for r in _rows(portal, schema.waiting_entries)} == {"waiting.waiting"}

        # A clerk puts the third first: only their entry is queued, the whole list's places follow.
        lines = waiting_lists.list_of(UnitOfWork(db, admin), group)
        waiting_lists.move_to(UnitOfWork(db, admin), lines[2].id, 1, reason="decyzja prodziekana")
        _in_step(db, admin, portal)
        assert _list(portal, group) == [(third, 1, "waiting"), (first, 2, "waiting"), (second, 3, "waiting")]

        # A seat freed at the desk goes to the first on the list, in the same transaction.
        with db.read() as session:
            seat = session.scalar(select(Enrollment.id).where(Enrollment.student_id == holders[0],
                                                             Enrollment.status == EnrollmentStatus.ACCEPTED))
        enrollment.unenroll(UnitOfWork(db, admin), seat, reason="rezygnacja")
        _in_step(db, admin, portal)
        assert _list(portal, group) == [(first, 1, "waiting"), (second, 2, "waiting"), (third, None, "enrolled")]
        assert _held(portal, third) == {group} and _held(portal, holders[0]) == set()
        assert [r["reason_code"] for r in _rows(portal, schema.waiting_entries) if r["student_id"] == third] == [
            "waiting.enrolled"]

        # The second leaves on the portal (twice: the second time there is nothing to leave).
        keys = [simulator.act(portal, "waiting_leave", second, registration, group),
                simulator.act(portal, "waiting_leave", second, registration, group)]
        _in_step(db, admin, portal)
        assert _outcomes(portal, keys) == [("applied", None, None), ("refused", "sync.not_waiting", {})]
        assert _list(portal, group) == [(first, 1, "waiting"), (second, None, "removed"), (third, None, "enrolled")]

        # The first now holds a group that clashes: a seat freed passes them over, and the portal shows why.
        clashing = factories.group(db, factories.course(db, "FIZ-101"), term, seat_limit=5)
        enrollment.enroll(UnitOfWork(db, admin), first, clashing, reason="fizyka")
        with db.write() as session:
            session.add(TimetableSlot(group_id=clashing, weekday=4, starts_at=time(12), ends_at=time(14)))
            session.add(TimetableSlot(group_id=group, weekday=4, starts_at=time(13), ends_at=time(15)))
        enrollment.unregister_from_portal(UnitOfWork(db, SystemJob.PORTAL), holders[1], group, registration)
        _in_step(db, admin, portal)
        passed = [r for r in _rows(portal, schema.waiting_entries) if r["student_id"] == first]
        assert [(r["place"], r["status"], r["reason_code"]) for r in passed] == [
            (1, "waiting", "refusal.timetable_clash.4")]
        assert json.loads(passed[0]["reason_params"])["other_group"].startswith("FIZ-101")
        with db.read() as session:
            assert session.scalar(select(WaitingEntry.status).where(WaitingEntry.student_id == first)) \
                is WaitingStatus.WAITING
    finally:
        portal.dispose()


def test_one_student_now_and_the_changes_read_as_keys_bring_wishes_and_lists_whole(db, admin):
    """A one-student run refreshes the student's wishes with their groups and their places on lists; a waiting
    entry's change read as portal keys (``keys_for_changes``) takes everyone still on its list."""
    _term, registration, (a, b, c) = _university(db)
    s1 = _seated(db, registration, a, "Pierwsza")
    _seated(db, registration, c, "Pełna")
    _seated(db, registration, c, "Pełny")
    waiting = [factories.student(db, name) for name in ("Czekająca", "Czekający")]
    exchanges.make_wish(UnitOfWork(db, SystemJob.PORTAL), s1, a, [c, b], portal_key="w-1")
    entries = [waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), sid, c, registration) for sid in waiting]
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        with portal.write() as target:  # the portal lost them, and holds a group the wish no longer names
            for name in MOVE_TABLES:
                target.execute(text(f"DELETE FROM {name}"))
            wish_id = _one_wish(db, s1)
            target.execute(schema.exchange_wish_targets.insert().values(wish_id=wish_id, group_id=999, preference=3))
        sync.run_sync(UnitOfWork(db, admin), SyncKind.STUDENT, student_id=s1, portal=portal)
        assert _wishes(portal) == {s1: [{"status": "open", "from": a, "reason": "exchange.waiting", "to": [c, b]}]}
        sync.run_sync(UnitOfWork(db, admin), SyncKind.STUDENT, student_id=waiting[1], portal=portal)
        assert _list(portal, c) == [(waiting[1], 2, "waiting")]

        with db.read() as session:
            keys = keys_for_changes(session, [("waiting_entry", entries[1]), ("exchange_wish", wish_id)])
        assert keys["portal_waiting_entries"] == {(entries[0],), (entries[1],)}
        assert keys["portal_exchange_wish_targets"] == {(wish_id, c), (wish_id, b)}
        with db.read() as source, portal.write() as target:
            publish_keys(source, target, keys)
        assert _list(portal, c) == [(waiting[0], 1, "waiting"), (waiting[1], 2, "waiting")]
        assert portal_differences(db, portal) == {}
    finally:
        portal.dispose()


def _one_wish(db, student_id) -> int:
    with db.read() as session:
        return session.scalars(select(ExchangeWish.id).where(ExchangeWish.student_id == student_id,
                                                             ExchangeWish.status == WishStatus.OPEN)).one()


@pytest.mark.parametrize("version", ["4", "5"])
def test_a_portal_without_exchanges_and_waiting_lists_is_brought_to_them(db, admin, version):
    """A portal of contract 4, or one naming contract 5 that lacks these tables and columns, gets them and is
    published whole by the next run, an incremental one as a timer starts it; the reasons are worded for it."""
    _term, registration, (a, b, c) = _university(db)
    s1 = _seated(db, registration, a, "Pierwsza")
    _seated(db, registration, c, "Pełna")
    _seated(db, registration, c, "Pełny")
    sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL)
    portal = open_portal_for(db)
    with portal.write() as target:  # as a desk without them left it
        for name in MOVE_TABLES:
            target.execute(text(f"DROP TABLE {name}"))
        for table, column in (("portal_registrations", "exchanges"), ("portal_registrations", "waiting_lists"),
                              ("portal_actions", "reason_code"), ("portal_actions", "reason_params")):
            target.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        target.execute(text(f"UPDATE portal_sync_state SET value = '{version}' WHERE key = 'contract_version'"))
    portal.dispose()
    exchanges.make_wish(UnitOfWork(db, SystemJob.PORTAL), s1, a, [c, b])
    waiting = factories.student(db, "Czekająca")
    waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), waiting, c, registration)

    report = sync.run_sync(UnitOfWork(db, admin))
    assert report.kind is SyncKind.FULL
    portal = open_portal_for(db)
    try:
        assert portal_differences(db, portal) == {}
        assert _wishes(portal) == {s1: [{"status": "open", "from": a, "reason": "exchange.waiting", "to": [c, b]}]}
        assert _list(portal, c) == [(waiting, 1, "waiting")]
        assert {(r["exchanges"], r["waiting_lists"]) for r in _rows(portal, schema.registrations)} == {(True, True)}
        # An action read by the upgraded portal is told why it was refused.
        key = simulator.act(portal, "waiting_leave", s1, registration, c)
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert _outcomes(portal, [key]) == [("refused", "sync.not_waiting", {})]
        with portal.read() as target:
            state = dict(target.execute(select(schema.sync_state.c.key, schema.sync_state.c.value)).all())
            words = dict(target.execute(select(schema.messages.c.code, schema.messages.c.text_en)).all())
        assert state["contract_version"] == schema.CONTRACT_VERSION == "5" and schema.FULL_OWED not in state
        assert words["exchange.waiting"].startswith("Waiting: no one in the groups wished for")
        assert words["waiting.enrolled"] == "Enrolled when a seat freed."
        assert words["sync.not_waiting"] == "Not on that group's waiting list."
    finally:
        portal.dispose()
