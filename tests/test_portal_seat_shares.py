"""Dedicated seats on the portal (contract 5): shares and their lists published and kept in step with every change
at the desk, a portal of contract 4 brought to them, and the student's free seats worked out from its rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text

from desk import enrollment, rule_facts, seat_shares, sync
from desk.clock import as_utc, now_utc
from desk.enrollment import EnrollmentRefused
from desk.model import Level, ProgrammeStatus, Round, SyncKind, SyncResult
from desk.portal import schema, simulator
from desk.portal.database import open_portal, open_portal_for, portal_url_of
from desk.portal.publish import keys_for_changes, publish_keys
from desk.portal.student_view import free_seats
from desk.registrations import RoundDraft, save_round
from desk.rules import RefusalCode
from desk.seat_shares import ShareDraft
from desk.unit_of_work import UnitOfWork
from tests import factories
from tests.test_sync import portal_differences

SHARE_TABLES = ("portal_class_groups", "portal_seat_shares", "portal_seat_share_students", "portal_student_programmes")


def _university(db, *, limit: int = 4):
    """A group of MAT-101 offered in an open first-come registration, with its second round a day away."""
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    group = factories.group(db, course, term, seat_limit=limit)
    ours = factories.programme(db, "INF-S2")
    registration = factories.registration(db, term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(hours=20)),
                                                  (now + timedelta(days=1), now + timedelta(days=2))),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.read() as session:
        second = session.scalar(select(Round.id).where(Round.registration_id == registration, Round.name == "Round 2"))
    return group, ours, registration, second


def _shares(portal) -> dict[int, dict]:
    with portal.read() as session:
        return {row["share_id"]: dict(row) for row in session.execute(select(schema.seat_shares)).mappings()}


def _listed(portal) -> set[tuple[int, int]]:
    with portal.read() as session:
        return {tuple(row) for row in session.execute(select(schema.seat_share_students))}


def _rows(portal) -> dict[str, list[dict]]:
    """The portal's rows the free seats are worked out from."""
    tables = {table.name: table for table in schema.PUBLISHED}
    with portal.read() as session:
        return {name: [dict(r) for r in session.execute(select(tables[name])).mappings()] for name in SHARE_TABLES}


@pytest.mark.parametrize("inside", [True, False], ids=["inside", "between"])
def test_shares_and_their_lists_follow_every_change_at_the_desk(db, admin, inside):
    """Copied inside the database (SQLite files side by side, one PostgreSQL database) and sent between two
    (through Python, or COPY from one PostgreSQL database to another) alike."""
    group, ours, registration, second = _university(db)
    mine = [factories.student(db, f"Nasz{i}", programme_code="INF-S2") for i in range(2)]
    listed = factories.student(db, "Wymieniony", programme_code="INF-S1")
    portal = open_portal_for(db) if inside else open_portal(portal_url_of(db))
    assert (portal.desk_schema is not False) is inside
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        at = now_utc() + timedelta(days=3)
        rule = seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(2, programme_id=ours, stage=1, release_at=at,
                                                                              release_round_id=second), reason="dla INF")
        on_list = seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(1, student_ids=(listed,)),
                                        reason="z listy dziekana")
        assert sync.run_sync(UnitOfWork(db, admin), portal=portal).result is SyncResult.SUCCEEDED
        with db.read() as session:
            starts = session.get(Round, second).starts_at
        shares = _shares(portal)
        assert {k: shares[rule][k] for k in ("group_id", "seats", "taken", "programme_id", "level", "mode", "stage",
                                              "listed", "released")} == {
            "group_id": group, "seats": 2, "taken": 0, "programme_id": ours, "level": None, "mode": None, "stage": 1,
            "listed": False, "released": False}
        assert as_utc(shares[rule]["release_at"]) == as_utc(starts)  # the round starts before its own instant
        assert shares[on_list]["listed"] and shares[on_list]["release_at"] is None and shares[on_list]["programme_id"] is None
        assert _listed(portal) == {(on_list, listed)}
        assert portal_differences(db, portal) == {}

        # The round moved past the share's own instant: its release_at follows.
        later = as_utc(starts) + timedelta(days=5)
        save_round(UnitOfWork(db, admin), registration, RoundDraft("Round 2", later, later + timedelta(days=1)),
                   round_id=second, reason="przesunięta")
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert as_utc(_shares(portal)[rule]["release_at"]) == at

        # A clerk's enrollment and a student's click on the portal each take a seat of the share.
        assert enrollment.enroll(UnitOfWork(db, admin), mine[0], group, reason="decyzja").share_id == rule
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert _shares(portal)[rule]["taken"] == 1
        simulator.act(portal, "register", mine[1], registration, group)
        report = sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert report.received == 1 and report.conflicts == 0
        assert _shares(portal)[rule]["taken"] == 2
        with portal.read() as session:
            assert session.scalar(select(schema.class_groups.c.enrolled_count)
                                  .where(schema.class_groups.c.group_id == group)) == 2
        assert portal_differences(db, portal) == {}

        seat_shares.release_share(UnitOfWork(db, admin), rule, reason="nikt więcej się nie zgłosi")
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert _shares(portal)[rule]["released"] is True

        # Removed in the batch of an enrollment in its group, which sends the group's other share: gone all the same.
        seat_shares.remove_share(UnitOfWork(db, admin), on_list, reason="lista nieaktualna")
        assert enrollment.enroll(UnitOfWork(db, admin), listed, group, reason="decyzja").share_id is None
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert set(_shares(portal)) == {rule} and _listed(portal) == set()
        assert portal_differences(db, portal) == {}
        assert sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal).repaired_rows == 0
    finally:
        portal.dispose()


def test_a_portal_of_contract_4_gets_the_shares_and_their_words(db, admin):
    group, ours, _registration, _second = _university(db)
    listed = factories.student(db, "Wymieniony")
    sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL)
    portal = open_portal_for(db)
    with portal.write() as target:  # as a desk of contract 4 left it
        target.execute(text("DROP TABLE portal_seat_share_students"))
        target.execute(text("DROP TABLE portal_seat_shares"))
        target.execute(text("UPDATE portal_sync_state SET value = '4' WHERE key = 'contract_version'"))
    portal.dispose()
    share = seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(1, student_ids=(listed,)), reason="lista")
    seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(2, programme_id=ours), reason="dla INF")

    report = sync.run_sync(UnitOfWork(db, admin))  # an incremental run, as a timer would start it
    assert report.kind is SyncKind.FULL
    portal = open_portal_for(db)
    try:
        assert portal_differences(db, portal) == {}
        assert len(_shares(portal)) == 2 and _listed(portal) == {(share, listed)}
        with portal.read() as target:
            state = dict(target.execute(select(schema.sync_state.c.key, schema.sync_state.c.value)).all())
            words = dict(target.execute(select(schema.messages.c.code, schema.messages.c.text_en)).all())
        assert state["contract_version"] == schema.CONTRACT_VERSION == "5" and schema.FULL_OWED not in state
        assert words["refusal.dedicated"] == "Group {group}: its %n free seats are dedicated to other students."
        assert words["refusal.dedicated.programme"] == \
            "Group {group}: its %n free seats are dedicated to students of {programme}."
        assert words["refusal.dedicated.listed"] == "Group {group}: its %n free seats are dedicated to the students on a list."
    finally:
        portal.dispose()


def test_the_students_eye_counts_the_seats_each_student_may_take(db, admin):
    """The portal's free seats for a student agree with the desk's rulebook, before a share's release and after
    its instant has passed but before the desk carried the release out."""
    group, ours, _registration, _second = _university(db, limit=5)
    release = now_utc() + timedelta(days=3)
    mine = factories.student(db, "Nasz", programme_code="INF-S2")
    on_leave = factories.student(db, "Urlopowany", programme_code="INF-S2", status=ProgrammeStatus.ON_LEAVE)
    listed = factories.student(db, "Wymieniony", programme_code="INF-S1")
    others = [factories.student(db, f"Obcy{i}", programme_code="INF-S1") for i in range(2)]
    rule = seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(2, programme_id=ours, release_at=release),
                                 reason="dla INF")
    seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(1, student_ids=(listed,)), reason="lista")
    assert enrollment.enroll(UnitOfWork(db, admin), others[0], group, reason="r").share_id is None
    assert enrollment.enroll(UnitOfWork(db, admin), on_leave, group, reason="r").share_id == rule
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        rows = _rows(portal)
        # 5 seats: 2 for INF-S2 (1 taken), 1 for the list, 2 for everyone (1 taken); once the first share is released,
        # 4 for everyone (2 taken).
        now, after = now_utc(), release + timedelta(minutes=1)
        expected = {mine: (2, 2), on_leave: (2, 2), listed: (2, 3), others[1]: (1, 2)}
        assert {sid: (free_seats(rows, sid, group, now), free_seats(rows, sid, group, after)) for sid in expected} == expected
        assert free_seats(rows, mine, group + 1000, now) == 0  # a group the portal does not have
        enrollment.enroll(UnitOfWork(db, admin), others[1], group, reason="r")  # everyone's last seat
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        rows = _rows(portal)
        expected = {mine: (1, 1), on_leave: (1, 1), listed: (1, 2), others[1]: (0, 1)}
        assert {sid: (free_seats(rows, sid, group, now), free_seats(rows, sid, group, after)) for sid in expected} == expected
        # The desk's rulebook agrees whether a seat is there for each of them, at both moments.
        with db.read() as session:
            for moment in (now, after):
                facts = rule_facts.groups(session, [group], now=moment)[group]
                for sid in expected:
                    seat = facts.seat_for(rule_facts.seeker(session, sid, [facts]))
                    assert (seat is not None) == (free_seats(rows, sid, group, moment) > 0), (sid, moment)
        stranger = factories.student(db, "Obcy2", programme_code="INF-S1")
        with pytest.raises(EnrollmentRefused) as refused:
            enrollment.enroll(UnitOfWork(db, admin), stranger, group, reason="r")
        assert refused.value.refusal is RefusalCode.DEDICATED
    finally:
        portal.dispose()


def test_one_student_now_and_the_changes_read_as_keys_bring_shares_and_lists_whole(db, admin):
    """A one-student run refreshes the lists that name the student and the shares of the groups they hold; the
    changes read as portal keys (``keys_for_changes``, ``publish_keys``) take a removed share's list with it."""
    group, ours, registration, second = _university(db)
    student = factories.student(db, "Nasz", programme_code="INF-S2")
    other = factories.student(db, "Wymieniony")
    rule = seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(1, programme_id=ours, release_round_id=second),
                                 reason="dla INF")
    on_list = seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(2, student_ids=(student, other)),
                                    reason="lista")
    enrolled = enrollment.enroll(UnitOfWork(db, admin), student, group, reason="decyzja")
    assert enrolled.share_id == rule
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        with portal.write() as target:  # the portal lost them
            target.execute(schema.seat_shares.delete())
            target.execute(schema.seat_share_students.delete())
        sync.run_sync(UnitOfWork(db, admin), SyncKind.STUDENT, student_id=student, portal=portal)
        assert set(_shares(portal)) == {rule, on_list} and _listed(portal) == {(on_list, student)}

        with db.read() as session:
            keys = keys_for_changes(session, [("enrollment", enrolled.enrollment_id), ("round", second),
                                              ("seat_share", on_list)])
        assert keys["portal_seat_shares"] == {(rule,), (on_list,)}
        assert keys["portal_seat_share_students"] == {(on_list, student), (on_list, other)}
        seat_shares.remove_share(UnitOfWork(db, admin), on_list, reason="lista nieaktualna")
        with db.read() as session:
            keys = keys_for_changes(session, [("seat_share", on_list)])
        with db.read() as source, portal.write() as target:
            changed = publish_keys(source, target, keys)
        assert changed.removed == 2  # the share and the one list row the portal held
        assert set(_shares(portal)) == {rule} and _listed(portal) == set()
    finally:
        portal.dispose()


def test_a_release_the_desk_carries_out_once_its_moment_has_passed_leaves_the_portal_as_it_was(db, admin):
    """Its moment was published (``release_at``); carrying it out changes no published row, so no write needs to queue
    the share, and a full run repairs nothing."""
    group, ours, registration, _second = _university(db)
    moment = now_utc() + timedelta(hours=1)
    seat_shares.add_share(UnitOfWork(db, admin), group, ShareDraft(2, programme_id=ours, release_at=moment), reason="r")
    other = factories.student(db, "Obcy", programme_code="INF-S1")
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        # After the moment, a refused action (another group's) carries the release out under the group's lock.
        later = UnitOfWork(db, admin, now=moment + timedelta(minutes=5))
        with later.write() as session:
            rule_facts.groups(session, [group], lock=True, now=later.now)
        assert _shares(portal)[next(iter(_shares(portal)))]["released"] is False
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        full = sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        assert full.repaired_rows == 0, [r for r in full.repaired if r.added or r.changed or r.removed]
        assert enrollment.enroll(UnitOfWork(db, admin, now=moment + timedelta(minutes=6)), other, group,
                                 reason="r").share_id is None
    finally:
        portal.dispose()
