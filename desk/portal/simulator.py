"""The portal simulator: students acting on the portal database, for the demo, the tests and benchmarks.

It plays the portal's side of the contract only: it reads the published tables and writes
``portal_actions``, taking a place on the portal's copy of a group's count first (as the portal
does, so students see seats go), never touching the desk. Whether an action really gets the place
is the desk's decision when the sync applies it.
"""

from __future__ import annotations

import random
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, insert, select, update

from desk.clock import as_utc, now_utc
from desk.db import Database
from desk.portal import schema


@dataclass(frozen=True)
class SimulationResult:
    students: int
    actions: int
    seats_taken_on_portal: int


def _offered_groups(session, registration_id: int) -> list[dict]:
    # The groups of the offered courses in the registration's own term, as the portal lists them.
    g, rc, r = schema.class_groups, schema.registration_courses, schema.registrations
    return [dict(row) for row in session.execute(
        select(g).join(rc, and_(rc.c.course_id == g.c.course_id, rc.c.registration_id == registration_id))
        .join(r, and_(r.c.registration_id == registration_id, r.c.term_code == g.c.term_code))
    ).mappings()]


def _candidates(session, registration_id: int, limit: int, rng: random.Random) -> list[int]:
    """Students whose published programmes a rule of the registration matches (or who hold a grant)."""
    p, r, grants = schema.student_programmes, schema.access_rules, schema.access_grants
    matching = (
        select(p.c.student_id)
        .join(r, and_(
            r.c.registration_id == registration_id,
            (r.c.programme_id.is_(None)) | (r.c.programme_id == p.c.programme_id),
            (r.c.level.is_(None)) | (r.c.level == p.c.level),
            (r.c.mode.is_(None)) | (r.c.mode == p.c.mode),
            (r.c.stage.is_(None)) | (r.c.stage == p.c.stage),
        ))
        .where(p.c.status == "active")
    )
    granted = select(grants.c.student_id).where(grants.c.registration_id == registration_id, grants.c.decision == "grant",
                                                grants.c.standing.is_(True))
    ids = sorted(set(session.scalars(matching.union(granted))))
    rng.shuffle(ids)
    return ids[:limit]


def first_come_rush(
    portal: Database, registration_id: int, *, students: int = 3000, workers: int = 16, seed: int = 1,
    at: datetime | None = None,
) -> SimulationResult:
    """A first-come registration opens: ``students`` race (in ``workers`` threads) for the offered seats."""
    rng = random.Random(seed)
    at = as_utc(at or now_utc()).replace(tzinfo=None)
    with portal.read() as session:
        groups = _offered_groups(session, registration_id)
        who = _candidates(session, registration_id, students, rng)
    if not groups or not who:
        return SimulationResult(len(who), 0, 0)
    taken = [0]
    lock = threading.Lock()
    queue = list(who)

    def student_clicks() -> None:
        local = random.Random(rng.random())
        while True:
            with lock:
                if not queue:
                    return
                student_id = queue.pop()
            # A student tries a few groups, as one does when the first is full.
            for group in local.sample(groups, min(3, len(groups))):
                with portal.write() as session:
                    got = _click_register(session, student_id, registration_id, group["group_id"], at) is not None
                if got:
                    with lock:
                        taken[0] += 1
                    break

    threads = [threading.Thread(target=student_clicks) for _ in range(max(1, workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with portal.read() as session:
        actions = session.scalar(select(func.count()).select_from(schema.actions).where(
            schema.actions.c.registration_id == registration_id, schema.actions.c.kind == "register")) or 0
    return SimulationResult(len(who), actions, taken[0])


def _click_register(session, student_id: int, registration_id: int, group_id: int, at: datetime) -> str | None:
    """The portal's side of a click on "register": a place on its copy of the count, then the action."""
    got = session.execute(
        update(schema.class_groups)
        .where(schema.class_groups.c.group_id == group_id,
               schema.class_groups.c.enrolled_count < schema.class_groups.c.seat_limit)
        .values(enrolled_count=schema.class_groups.c.enrolled_count + 1)
    ).rowcount
    if not got:
        return None
    key = f"reg-{uuid.uuid4().hex}"
    session.execute(insert(schema.actions).values(
        action_key=key, kind="register", student_id=student_id, registration_id=registration_id, group_id=group_id,
        payment_accepted=False, submitted_at=at))
    return key


def register_click(portal: Database, student_id: int, registration_id: int, group_id: int, *,
                   at: datetime | None = None) -> str | None:
    """One student clicks "register" in a first-come round: the portal takes a place on its count of
    the group and records the action; None when the portal shows the group full (nothing recorded)."""
    with portal.write() as session:
        return _click_register(session, student_id, registration_id, group_id, as_utc(at or now_utc()).replace(tzinfo=None))


def token_requests(
    portal: Database, registration_id: int, *, students: int = 500, seed: int = 1, accept_payment_share: float = 0.5,
    at: datetime | None = None,
) -> SimulationResult:
    """Students put language-class requests in the basket during an active token round."""
    rng = random.Random(seed)
    at = as_utc(at or now_utc()).replace(tzinfo=None)
    with portal.read() as session:
        groups = _offered_groups(session, registration_id)
        who = _candidates(session, registration_id, students, rng)
    rows = [
        dict(action_key=f"tok-{uuid.uuid4().hex}", kind="token_request", student_id=student_id,
             registration_id=registration_id, group_id=rng.choice(groups)["group_id"],
             payment_accepted=rng.random() < accept_payment_share, submitted_at=at)
        for student_id in who
    ] if groups else []
    if rows:
        with portal.write() as session:
            session.execute(insert(schema.actions), rows)
    return SimulationResult(len(who), len(rows), 0)


def act(portal: Database, kind: str, student_id: int, registration_id: int, group_id: int | None, *,
        payment_accepted: bool = False, at: datetime | None = None) -> str:
    """One student's action on the portal; returns its key."""
    key = f"{kind}-{uuid.uuid4().hex}"
    with portal.write() as session:
        session.execute(insert(schema.actions).values(
            action_key=key, kind=kind, student_id=student_id, registration_id=registration_id, group_id=group_id,
            payment_accepted=payment_accepted, submitted_at=as_utc(at or now_utc()).replace(tzinfo=None)))
    return key
