"""Rounds for chosen students and turns on the portal (contract 5): a round's audience, list and students' own minutes
published and kept in step with every change at the desk, a portal without them brought to them, and the round open to
a student worked out from its rows as the desk's rulebook decides it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from desk import registrations, round_audiences, rule_facts, rules, sync
from desk.clock import as_utc, now_utc
from desk.model import Level, ProgrammeStatus, Round, Student, SyncKind, SyncResult
from desk.portal import schema
from desk.portal.database import open_portal, open_portal_for, portal_url_of
from desk.portal.publish import keys_for_changes, publish_keys
from desk.portal.student_view import eye_from_rows, portal_rows, round_for_student
from desk.refusals import message
from desk.round_audiences import AudienceDraft
from desk.unit_of_work import UnitOfWork
from tests import factories
from tests.test_sync import portal_differences

AUDIENCE_COLUMNS = ("audience_programme_id", "audience_level", "audience_mode", "audience_stage", "audience_listed",
                    "last_turn_at")
REGISTRATION = "WF-2027L"


def _university(db):
    """An open first-come registration for the first cycle: its first round running for an hour, its second a day
    away, its third three days away."""
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "WF-101")
    group = factories.group(db, course, term, seat_limit=50)
    registration = factories.registration(db, code=REGISTRATION, term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(hours=20)),
                                                  (now + timedelta(days=1), now + timedelta(days=2)),
                                                  (now + timedelta(days=3), now + timedelta(days=4))),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.read() as session:
        rounds = list(session.scalars(select(Round.id).where(Round.registration_id == registration)
                                      .order_by(Round.starts_at)))
    return registration, group, rounds


def _starts_at(db, round_id: int) -> datetime:
    with db.read() as session:
        return as_utc(session.get(Round, round_id).starts_at)


def _numbers(db, student_ids) -> dict[int, str]:
    with db.read() as session:
        return dict(session.execute(select(Student.id, Student.student_number).where(Student.id.in_(list(student_ids)))).all())


def _ranking(numbers: dict[int, str], ranked: list[int]) -> str:
    """A ranking file's text: the first named has the best score."""
    return "\n".join(f"{numbers[sid]};{10_000 - index}" for index, sid in enumerate(ranked))


def _rounds(portal) -> dict[int, dict]:
    with portal.read() as session:
        return {row["round_id"]: dict(row) for row in session.execute(select(schema.rounds)).mappings()}


def _audience(row: dict) -> dict:
    found = {name: row[name] for name in AUDIENCE_COLUMNS}
    if found["last_turn_at"] is not None:
        found["last_turn_at"] = as_utc(found["last_turn_at"])
    return found


def _listed(portal) -> set[tuple[int, int]]:
    with portal.read() as session:
        return {tuple(row) for row in session.execute(select(schema.round_students))}


def _starts(portal) -> dict[tuple[int, int], tuple[datetime, int]]:
    """Each published own minute: (round, student) -> (the minute, the turn)."""
    with portal.read() as session:
        return {(row.round_id, row.student_id): (as_utc(row.starts_at), row.turn)
                for row in session.execute(select(schema.round_starts))}


def _in_turns(start: datetime, ranked: list[int], size: int, minutes: int, round_id: int) -> dict:
    return {(round_id, sid): (start + timedelta(minutes=minutes * (index // size)), index // size + 1)
            for index, sid in enumerate(ranked)}


def _in_step(db, admin, portal) -> None:
    """The queued changes sent; the portal then equals the desk, and a full run finds nothing to repair."""
    assert sync.run_sync(UnitOfWork(db, admin), portal=portal).result is SyncResult.SUCCEEDED
    assert portal_differences(db, portal) == {}
    full = sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
    assert full.repaired_rows == 0, [r for r in full.repaired if r.added or r.changed or r.removed]


@pytest.mark.parametrize("inside", [True, False], ids=["inside", "between"])
def test_audiences_lists_and_turns_follow_every_change_at_the_desk(db, admin, inside):
    """Copied inside the database (SQLite files side by side, one PostgreSQL database) and sent between two
    (through Python, or COPY from one PostgreSQL database to another) alike; a list and turns of hundreds."""
    registration, _group, (first, second, third) = _university(db)
    ours = factories.programme(db, "INF-S2")
    ranked = factories.many_students(db, 600)
    numbers = _numbers(db, ranked)
    portal = open_portal_for(db) if inside else open_portal(portal_url_of(db))
    assert (portal.desk_schema is not False) is inside
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        # By rule: the first round for the first year of INF-S2.
        round_audiences.set_audience(UnitOfWork(db, admin), first, AudienceDraft(programme_id=ours, stage=1),
                                     reason="najpierw nasi")
        _in_step(db, admin, portal)
        rounds = _rounds(portal)
        assert _audience(rounds[first]) == {"audience_programme_id": ours, "audience_level": None, "audience_mode": None,
                                            "audience_stage": 1, "audience_listed": False, "last_turn_at": None}
        assert _audience(rounds[third]) == dict.fromkeys(AUDIENCE_COLUMNS) | {"audience_listed": False}

        # By list: the second round for the ranked students, then in three turns of 200, 30 minutes apart.
        round_audiences.set_audience(UnitOfWork(db, admin), second, AudienceDraft(student_ids=tuple(ranked)),
                                     reason="lista dziekana")
        done = round_audiences.turns_by_ranking(UnitOfWork(db, admin), second, _ranking(numbers, ranked), turns=3,
                                                minutes=30, reason="średnia")
        assert [t.students for t in done.turns] == [200, 200, 200]
        _in_step(db, admin, portal)
        start = _starts_at(db, second)
        assert _audience(_rounds(portal)[second]) == dict.fromkeys(AUDIENCE_COLUMNS) | {
            "audience_listed": True, "last_turn_at": start + timedelta(minutes=60)}
        assert _listed(portal) == {(second, sid) for sid in ranked}
        assert _starts(portal) == _in_turns(start, ranked, 200, 30, second)

        # The list shortened and the ranking made again without its last hundred, in two turns: their rows go.
        kept = ranked[:500]
        round_audiences.set_audience(UnitOfWork(db, admin), second, AudienceDraft(student_ids=tuple(kept)),
                                     reason="lista poprawiona")
        round_audiences.turns_by_ranking(UnitOfWork(db, admin), second, _ranking(numbers, kept), turns=2, minutes=45,
                                         reason="średnia poprawiona")
        _in_step(db, admin, portal)
        assert _listed(portal) == {(second, sid) for sid in kept}
        before = _in_turns(start, kept, 250, 45, second)
        assert _starts(portal) == before

        # The round moved an hour later: every student's minute moves with it.
        registrations.save_round(UnitOfWork(db, admin), registration, registrations.RoundDraft(
            "Round 2", start + timedelta(hours=1), start + timedelta(days=1, hours=1)), round_id=second,
            reason="przesunięta")
        _in_step(db, admin, portal)
        assert _starts(portal) == {key: (at + timedelta(hours=1), turn) for key, (at, turn) in before.items()}
        assert as_utc(_rounds(portal)[second]["last_turn_at"]) == start + timedelta(hours=1, minutes=45)

        # No turns, and for everyone again: the list and the minutes leave the portal.
        round_audiences.clear_turns(UnitOfWork(db, admin), second, reason="wszyscy naraz")
        round_audiences.set_audience(UnitOfWork(db, admin), second, None, reason="dla wszystkich")
        _in_step(db, admin, portal)
        assert _listed(portal) == set() and _starts(portal) == {}
        assert _audience(_rounds(portal)[second]) == dict.fromkeys(AUDIENCE_COLUMNS) | {"audience_listed": False}

        # A round removed at the desk leaves the portal with its list and its minutes.
        round_audiences.set_audience(UnitOfWork(db, admin), third, AudienceDraft(student_ids=tuple(ranked[:3])),
                                     reason="lista")
        round_audiences.turns_by_ranking(UnitOfWork(db, admin), third, _ranking(numbers, ranked[:3]), turns=3,
                                         minutes=5, reason="średnia")
        _in_step(db, admin, portal)
        assert len(_listed(portal)) == 3 and len(_starts(portal)) == 3
        registrations.delete_round(UnitOfWork(db, admin), third, reason="niepotrzebna")
        _in_step(db, admin, portal)
        assert third not in _rounds(portal) and _listed(portal) == set() and _starts(portal) == {}
    finally:
        portal.dispose()


def test_one_student_now_and_the_changes_read_as_keys_bring_a_rounds_list_and_minutes_whole(db, admin):
    """A one-student run refreshes the student's rows of every list and turn; the changes read as portal keys
    (``keys_for_changes``, ``publish_keys``) take a round's list and minutes whole, those gone at the desk too."""
    _registration, _group, (_first, second, _third) = _university(db)
    student, other = factories.student(db, "Pierwsza", number="730001"), factories.student(db, "Drugi", number="730002")
    round_audiences.set_audience(UnitOfWork(db, admin), second, AudienceDraft(student_ids=(student, other)),
                                 reason="lista")
    round_audiences.turns_by_ranking(UnitOfWork(db, admin), second, "730001;5\n730002;4", turns=2, minutes=20,
                                     reason="średnia")
    start = _starts_at(db, second)
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        with portal.write() as target:  # the portal lost them
            target.execute(schema.round_students.delete())
            target.execute(schema.round_starts.delete())
        sync.run_sync(UnitOfWork(db, admin), SyncKind.STUDENT, student_id=student, portal=portal)
        assert _listed(portal) == {(second, student)} and _starts(portal) == {(second, student): (start, 1)}

        with db.read() as session:
            keys = keys_for_changes(session, [("round", second)])
        assert keys["portal_rounds"] == {(second,)}
        assert keys["portal_round_students"] == keys["portal_round_starts"] == {(second, student), (second, other)}
        round_audiences.clear_turns(UnitOfWork(db, admin), second, reason="wszyscy naraz")
        round_audiences.set_audience(UnitOfWork(db, admin), second, None, reason="dla wszystkich")
        with db.read() as session:
            keys = keys_for_changes(session, [("round", second)])
        with db.read() as source, portal.write() as target:
            changed = publish_keys(source, target, keys)
        assert changed.removed == 2  # the student's list row and minute, the rows the portal held
        assert _listed(portal) == set() and _starts(portal) == {}
        assert _audience(_rounds(portal)[second]) == dict.fromkeys(AUDIENCE_COLUMNS) | {"audience_listed": False}
    finally:
        portal.dispose()


@pytest.mark.parametrize("version", ["4", "5"])
def test_a_portal_without_audiences_and_turns_is_brought_to_them(db, admin, version):
    """A portal of contract 4, or one naming contract 5 that lacks these tables and columns, gets them and is
    published whole by the next run, an incremental one as a timer starts it; the refusals are worded for it."""
    _registration, _group, (first, second, _third) = _university(db)
    ours = factories.programme(db, "INF-S2")
    student = factories.student(db, "Wymieniona", number="740001")
    sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL)
    portal = open_portal_for(db)
    with portal.write() as target:  # as a desk without them left it
        target.execute(text("DROP TABLE portal_round_students"))
        target.execute(text("DROP TABLE portal_round_starts"))
        for column in AUDIENCE_COLUMNS:
            target.execute(text(f"ALTER TABLE portal_rounds DROP COLUMN {column}"))
        if version == "4":
            target.execute(text("DROP TABLE portal_seat_share_students"))
            target.execute(text("DROP TABLE portal_seat_shares"))
        target.execute(text(f"UPDATE portal_sync_state SET value = '{version}' WHERE key = 'contract_version'"))
    portal.dispose()
    round_audiences.set_audience(UnitOfWork(db, admin), first, AudienceDraft(programme_id=ours), reason="nasi")
    round_audiences.set_audience(UnitOfWork(db, admin), second, AudienceDraft(student_ids=(student,)), reason="lista")
    round_audiences.turns_by_ranking(UnitOfWork(db, admin), second, "740001;5", turns=1, minutes=5, reason="średnia")

    report = sync.run_sync(UnitOfWork(db, admin))
    assert report.kind is SyncKind.FULL
    portal = open_portal_for(db)
    try:
        assert portal_differences(db, portal) == {}
        assert _rounds(portal)[first]["audience_programme_id"] == ours
        assert _listed(portal) == {(second, student)} and _starts(portal) == {(second, student): (_starts_at(db, second), 1)}
        with portal.read() as target:
            state = dict(target.execute(select(schema.sync_state.c.key, schema.sync_state.c.value)).all())
            words = dict(target.execute(select(schema.messages.c.code, schema.messages.c.text_en)).all())
        assert state["contract_version"] == schema.CONTRACT_VERSION == "5" and schema.FULL_OWED not in state
        assert words["refusal.not_in_audience"] == "The round \u201c{open_round}\u201d of {registration} is for other students."
        assert words["refusal.not_in_audience.next"] == (
            "The round \u201c{open_round}\u201d of {registration} is for other students; \u201c{round}\u201d opens for "
            "the student on {opens_at}.")
        assert words["refusal.round_not_open.own"] == (
            "It is not the student's turn in {registration} yet: \u201c{round}\u201d opens for them on {opens_at}.")
    finally:
        portal.dispose()
    # Opened again, a portal in step is left as it is.
    portal = open_portal_for(db)
    try:
        with portal.read() as target:
            assert target.scalar(select(schema.sync_state.c.value).where(schema.sync_state.c.key == schema.FULL_OWED)) is None
    finally:
        portal.dispose()


def _desk_said(db, registration: int, student_id: int, moment: datetime) -> tuple:
    """The desk's rulebook on the round for the student: open, which round, when it opens for them, whether at their
    own minute, the round open to others only (its name), and the code of its answer."""
    with db.read() as session:
        facts = rule_facts.round_now(session, registration, moment, student_id)
    refused = rules._round(rules.RegistrationFacts(registration, REGISTRATION, 0, frozenset(), None, False), facts)
    return (facts.open, facts.id, facts.opens_at, facts.own_start, facts.outside,
            message(refused[0]).code if refused else None)


def _portal_said(rows: dict, names: dict[int, str], registration: int, student_id: int, moment: datetime) -> tuple:
    seen = round_for_student(rows, student_id, registration, moment)
    return (seen.open, seen.round_id, seen.opens_at.isoformat() if seen.opens_at else None, seen.own,
            names.get(seen.outside), seen.code)


def test_the_students_eye_opens_a_round_to_its_audience_at_each_students_own_minute(db, admin):
    """The round open to each student, or the next to open for them and when, worked out from the portal's rows,
    agrees with the desk's rulebook for students in and out of each round's audience, before and after their own
    minute, and once every round has ended."""
    registration, _group, (first, second, third) = _university(db)
    ours_programme = factories.programme(db, "INF-S2")
    ours = factories.student(db, "Nasz", programme_code="INF-S2", number="750001")
    on_leave = factories.student(db, "Urlopowana", programme_code="INF-S2", status=ProgrammeStatus.ON_LEAVE,
                                 number="750002")
    other = factories.student(db, "Obcy", programme_code="INF-S1", number="750003")
    listed = factories.student(db, "Pierwsza", number="750004")
    later = factories.student(db, "Druga", number="750005")
    unranked = factories.student(db, "Bez", number="750006")
    students = (ours, on_leave, other, listed, later, unranked)
    round_audiences.set_audience(UnitOfWork(db, admin), first, AudienceDraft(programme_id=ours_programme),
                                 reason="najpierw nasi")
    round_audiences.set_audience(UnitOfWork(db, admin), second, AudienceDraft(student_ids=(listed, later, unranked)),
                                 reason="lista")
    # Three turns, 30 minutes apart: the first two on the list, then a student not on it; the one on the list whom
    # the ranking does not name opens the round with the last turn.
    round_audiences.turns_by_ranking(UnitOfWork(db, admin), second, "750004;5\n750005;4\n750001;3", turns=3,
                                     minutes=30, reason="średnia")
    now, second_starts, third_starts = now_utc(), _starts_at(db, second), _starts_at(db, third)
    moments = {"first round": now, "between": second_starts - timedelta(hours=1),
               "second's first turn": second_starts + timedelta(minutes=1),
               "second's last turn": second_starts + timedelta(minutes=61),
               "third round": third_starts + timedelta(minutes=1), "all ended": third_starts + timedelta(days=2)}
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        names = {first: "Round 1", second: "Round 2", third: "Round 3"}
        codes = {}
        with portal.read() as session:
            rows = {sid: portal_rows(session, sid) for sid in students}
        for label, moment in moments.items():
            for sid in students:
                said = _portal_said(rows[sid], names, registration, sid, moment)
                assert said == _desk_said(db, registration, sid, moment), (label, sid)
                codes[label, sid] = said[-1]
        not_theirs, own = "refusal.not_in_audience.next", "refusal.round_not_open.own"
        assert [codes["first round", sid] for sid in students] == [None, None, not_theirs, not_theirs, not_theirs,
                                                                   not_theirs]
        assert [codes["between", sid] for sid in students] == ["refusal.round_not_open.opens"] * 3 + [
            "refusal.round_not_open.opens", own, own]
        assert [codes["second's first turn", sid] for sid in students] == [not_theirs] * 3 + [None, own, own]
        assert [codes["second's last turn", sid] for sid in students] == [not_theirs] * 3 + [None, None, None]
        assert set(codes["third round", sid] for sid in students) == {None}
        assert set(codes["all ended", sid] for sid in students) == {"refusal.round_not_open"}
        # Their own minutes, as the portal has them.
        assert round_for_student(rows[later], later, registration, now).opens_at == second_starts + timedelta(minutes=30)
        assert round_for_student(rows[unranked], unranked, registration, now).opens_at == \
            second_starts + timedelta(minutes=60)
        # The student's eye says the registration's round is open to the first round's audience only (a student on
        # leave is in the audience, but the registration's rule admits active students only: not listed to them).
        open_now = {sid: [r.round_open for r in eye_from_rows(rows[sid], sid, now).registrations] for sid in students}
        assert open_now == {ours: [True], on_leave: [], other: [False], listed: [False], later: [False],
                            unranked: [False]}
    finally:
        portal.dispose()
