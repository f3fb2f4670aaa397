"""The student's eye: what the portal shows one student, worked out from portal rows alone.

The same function reads the rows the portal holds now and the rows the desk would publish now,
so the student card can put the two side by side and highlight what has not gone out yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.clock import as_utc, now_utc
from desk.db import Database
from desk.i18n import translate
from desk.labels import class_type_label
from desk.model import Enrollment, LoginAccount, Student
from desk.portal import schema
from desk.portal.publish import PUBLICATIONS, STUDENT_TABLES

# Programme statuses the portal's rules admit; an individual grant also admits a student on leave.
RULE_STATUSES = {"active"}
GRANT_STATUSES = {"active", "on_leave"}
# Programme statuses a share's rule admits: a student on leave keeps the seats meant for their programme.
SHARE_STATUSES = {"active", "on_leave"}
# Programme statuses a round's audience admits by rule: a student on leave is among those it is meant for.
AUDIENCE_STATUSES = {"active", "on_leave"}


@dataclass(frozen=True)
class SeenRegistration:
    registration_id: int
    code: str
    name: str
    may_register: bool
    round_open: bool


@dataclass(frozen=True)
class StudentEye:
    """What one student sees on the portal (or would see, for the desk's side)."""

    logins: tuple[str, ...]
    has_account: bool  # False: "You are logged in, but you do not have an account in USOSweb"
    student_number: str | None
    name: str | None
    registrations: tuple[SeenRegistration, ...]
    tokens: tuple[tuple[str, int], ...]
    payments: tuple[tuple[int, str, str], ...]  # id, amount, status
    groups: tuple[str, ...]
    pending_requests: int

    def lines(self) -> dict[str, str]:
        """Each aspect as one line of text, for comparing and showing side by side."""
        yes, no = translate("Portal", "yes"), translate("Portal", "no")
        return {
            "login": ", ".join(self.logins) or translate("Portal", "no login"),
            "account": yes if self.has_account else translate("Portal", "no: “logged in, but no account”"),
            "registrations": "; ".join(
                f"{r.code}: " + (translate("Portal", "may register") if r.may_register else translate("Portal", "not admitted"))
                for r in self.registrations
            ) or "—",
            "tokens": ", ".join(f"{code} {balance}" for code, balance in self.tokens) or "—",
            "payments": ", ".join(f"{amount} PLN ({status})" for _id, amount, status in self.payments) or "—",
            "groups": ", ".join(self.groups) or "—",
            "requests": str(self.pending_requests) if self.pending_requests else no,
        }


def aspect_label(aspect: str) -> str:
    return {
        "login": translate("Portal", "Login"),
        "account": translate("Portal", "Account on the portal"),
        "registrations": translate("Portal", "Registrations"),
        "tokens": translate("Portal", "Tokens"),
        "payments": translate("Portal", "Payments"),
        "groups": translate("Portal", "Class groups"),
        "requests": translate("Portal", "Requests in the basket"),
    }[aspect]


def eye_from_rows(rows: dict[str, list[dict]], student_id: int, now: datetime) -> StudentEye:
    """Work out the student's view from portal-shaped rows (table name -> rows)."""
    student = next((r for r in rows.get("portal_students", []) if r["student_id"] == student_id), None)
    person_id = student["person_id"] if student else None
    person = next((r for r in rows.get("portal_persons", []) if r["person_id"] == person_id), None)
    logins = tuple(sorted(r["email"] for r in rows.get("portal_logins", []) if person_id is not None and r["person_id"] == person_id))
    has_account = bool(logins) and person is not None and student is not None
    programmes = [r for r in rows.get("portal_student_programmes", []) if r["student_id"] == student_id]
    grants = [r for r in rows.get("portal_access_grants", [])
              if r["student_id"] == student_id and r["standing"] and (r["valid_until"] is None or as_utc(r["valid_until"]) > now)]
    rules_by_registration: dict[int, list[dict]] = {}
    for rule in rows.get("portal_access_rules", []):
        rules_by_registration.setdefault(rule["registration_id"], []).append(rule)
    rounds_by_registration: dict[int, list[dict]] = {}
    for row in rows.get("portal_rounds", []):
        rounds_by_registration.setdefault(row["registration_id"], []).append(row)
    chosen = _chosen(rows, student_id)
    seen = []
    for registration in sorted(rows.get("portal_registrations", []), key=lambda r: r["code"]):
        rid = registration["registration_id"]
        rounds = rounds_by_registration.get(rid, [])
        if not rounds or all(as_utc(r["ends_at"]) <= now for r in rounds):
            continue  # the portal lists registrations still to come or running
        grant = any(g["registration_id"] == rid and g["decision"] == "grant" for g in grants)
        revoked = any(g["registration_id"] == rid and g["decision"] == "revoke" for g in grants)
        rule = any(_matches(rule, p) and p["status"] in RULE_STATUSES
                   for rule in rules_by_registration.get(rid, []) for p in programmes)
        open_to_all = not registration["entitled_only"] and any(p["status"] in RULE_STATUSES for p in programmes)
        allowed = GRANT_STATUSES if grant else RULE_STATUSES
        admitted = has_account and (rule or grant or open_to_all) and not revoked and any(p["status"] in allowed for p in programmes)
        if not admitted and not grant and not rule and not open_to_all:
            continue  # the portal shows only registrations the student takes part in
        round_open = _round_now(rounds, chosen, as_utc(now)).open  # open to this student (their audience, their turn)
        seen.append(SeenRegistration(rid, registration["code"], registration["name"], admitted, round_open))
    token_codes = {r["token_type_id"]: r["code"] for r in rows.get("portal_token_types", [])}
    tokens = tuple(sorted((token_codes.get(r["token_type_id"], str(r["token_type_id"])), int(r["balance"]))
                          for r in rows.get("portal_token_balances", []) if r["student_id"] == student_id))
    payments = tuple(sorted((r["payment_id"], f"{Decimal(r['amount']):.2f}", r["status"])
                            for r in rows.get("portal_payments", []) if r["student_id"] == student_id))
    groups_by_id = {r["group_id"]: r for r in rows.get("portal_class_groups", [])}
    groups = tuple(sorted(
        _group_name(groups_by_id.get(r["group_id"]), r["group_id"])
        for r in rows.get("portal_enrollments", []) if r["student_id"] == student_id and r["status"] == "accepted"
    ))
    pending = sum(1 for r in rows.get("portal_token_requests", []) if r["student_id"] == student_id and r["status"] == "pending")
    return StudentEye(
        logins=logins, has_account=has_account,
        student_number=student["student_number"] if student else None,
        name=f"{person['first_name']} {person['last_name']}" if person else None,
        registrations=tuple(seen), tokens=tokens, payments=payments, groups=groups, pending_requests=pending,
    )


def _matches(rule: dict, programme: dict) -> bool:
    return (
        (rule["programme_id"] is None or rule["programme_id"] == programme["programme_id"])
        and (rule["level"] is None or rule["level"] == programme["level"])
        and (rule["mode"] is None or rule["mode"] == programme["mode"])
        and (rule["stage"] is None or rule["stage"] == programme["stage"])
    )


def free_seats(rows: dict[str, list[dict]], student_id: int, group_id: int, now: datetime) -> int:
    """How many seats of the group the student may take at ``now``, from portal-shaped rows (table name -> rows):
    the group's seats for everyone still free, and the free seats of each share not released that admits them
    (docs/portal-contract.md, "Dedicated seats"). Zero while the group still has free seats is the desk's
    ``refusal.dedicated``: every free seat is kept for other students.

    A share is released once the desk says so (``released``) or its ``release_at`` has passed, whether or not the
    desk has carried the release out yet; it admits the students on its list, or, when it has none, those with a
    programme (active or on leave) that its programme, level, mode and stage match.
    """
    group = next((r for r in rows.get("portal_class_groups", []) if r["group_id"] == group_id), None)
    if group is None:
        return 0
    now = as_utc(now)
    kept = [s for s in rows.get("portal_seat_shares", [])
            if s["group_id"] == group_id and not s["released"] and (s["release_at"] is None or as_utc(s["release_at"]) > now)]
    everyones = (group["seat_limit"] - sum(s["seats"] for s in kept)) - (group["enrolled_count"] - sum(s["taken"] for s in kept))
    programmes = [p for p in rows.get("portal_student_programmes", [])
                  if p["student_id"] == student_id and p["status"] in SHARE_STATUSES]
    listed = {r["share_id"] for r in rows.get("portal_seat_share_students", []) if r["student_id"] == student_id}
    theirs = sum(max(0, s["seats"] - s["taken"]) for s in kept
                 if (s["share_id"] in listed if s["listed"] else any(_matches(s, p) for p in programmes)))
    return max(0, everyones) + theirs


@dataclass(frozen=True)
class RoundNow:
    """A registration's round as it stands for one student at a moment: ``open``, the round open to them
    (``round_id``); else the next to open for them (``round_id``, ``opens_at``; ``own``: at their own minute of a
    round that opens in turns), if any; ``outside``, a round open now for other students only."""

    open: bool
    round_id: int | None = None
    opens_at: datetime | None = None
    own: bool = False
    outside: int | None = None

    @property
    def code(self) -> str | None:
        """The code of the desk's answer to the student acting now, worded in ``portal_messages`` (None: they may)."""
        if self.open:
            return None
        if self.outside is not None:
            return "refusal.not_in_audience.next" if self.opens_at is not None else "refusal.not_in_audience"
        if self.opens_at is None:
            return "refusal.round_not_open"
        return "refusal.round_not_open.own" if self.own else "refusal.round_not_open.opens"


@dataclass(frozen=True)
class _Chosen:
    """What rounds ask of one student: the programmes matched against an audience, the rounds whose list names
    them, their own minutes."""

    programmes: tuple[dict, ...]
    listed: frozenset[int]
    starts: dict[int, datetime]


def _chosen(rows: dict[str, list[dict]], student_id: int) -> _Chosen:
    return _Chosen(
        tuple(p for p in rows.get("portal_student_programmes", [])
              if p["student_id"] == student_id and p["status"] in AUDIENCE_STATUSES),
        frozenset(r["round_id"] for r in rows.get("portal_round_students", []) if r["student_id"] == student_id),
        {r["round_id"]: as_utc(r["starts_at"]) for r in rows.get("portal_round_starts", []) if r["student_id"] == student_id},
    )


def round_for_student(rows: dict[str, list[dict]], student_id: int, registration_id: int, now: datetime) -> RoundNow:
    """Which round of the registration is open to the student at ``now``, else which opens for them next and when,
    from portal-shaped rows (table name -> rows), as the desk's ``rules.round_for`` decides it
    (docs/portal-contract.md, "Rounds for chosen students, and turns").

    A round with an audience is open only to the students it is meant for: those with a programme (active or on
    leave) matching each of its audience fields that is set, or, when ``audience_listed``, those of
    ``portal_round_students``. A round that opens in turns (``last_turn_at`` set) opens for the student at their
    ``portal_round_starts.starts_at``, or at ``last_turn_at`` when they have none, never before the round starts
    nor after it ends.
    """
    rounds = [r for r in rows.get("portal_rounds", []) if r["registration_id"] == registration_id]
    return _round_now(rounds, _chosen(rows, student_id), as_utc(now))


def _round_now(rounds: list[dict], chosen: _Chosen, now: datetime) -> RoundNow:
    rounds = sorted(rounds, key=lambda r: as_utc(r["starts_at"]))
    outside = None
    for row in rounds:
        if not as_utc(row["starts_at"]) <= now < as_utc(row["ends_at"]):
            continue
        if not _meant_for(row, chosen):
            outside = outside or row["round_id"]
            continue
        opens = _opens_for(row, chosen)
        if opens <= now:
            return RoundNow(True, row["round_id"])
        return RoundNow(False, row["round_id"], opens, own=True)
    for row in rounds:
        if as_utc(row["starts_at"]) > now and _meant_for(row, chosen):
            opens = _opens_for(row, chosen)
            return RoundNow(False, row["round_id"], opens, own=opens != as_utc(row["starts_at"]), outside=outside)
    return RoundNow(False, outside=outside)


def _meant_for(row: dict, chosen: _Chosen) -> bool:
    if row.get("audience_listed"):
        return row["round_id"] in chosen.listed
    audience = {"programme_id": row.get("audience_programme_id"), "level": row.get("audience_level"),
                "mode": row.get("audience_mode"), "stage": row.get("audience_stage")}
    return all(v is None for v in audience.values()) or any(_matches(audience, p) for p in chosen.programmes)


def _opens_for(row: dict, chosen: _Chosen) -> datetime:
    starts, ends = as_utc(row["starts_at"]), as_utc(row["ends_at"])
    if row.get("last_turn_at") is None:
        return starts
    return min(max(chosen.starts.get(row["round_id"]) or as_utc(row["last_turn_at"]), starts), ends)


def _group_name(group: dict | None, group_id: int) -> str:
    if group is None:
        return f"#{group_id}"
    return f"{group['course_code']} {class_type_label(group['class_type'])} {group['number']}"


# --- the two sides -------------------------------------------------------------------------------

_SHARED = ("portal_registrations", "portal_rounds", "portal_access_rules", "portal_token_types")


def _desk_rows(session: Session, student_id: int) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    for name in STUDENT_TABLES:
        rows[name] = list(PUBLICATIONS[name].rows_for_students(session, [student_id]).values())
    person_id = session.scalar(select(Student.person_id).where(Student.id == student_id))
    rows["portal_persons"] = list(PUBLICATIONS["portal_persons"].rows_for_keys(session, [(person_id,)]).values()) if person_id else []
    login_ids = [(i,) for i in session.scalars(select(LoginAccount.id).where(LoginAccount.person_id == person_id))]
    rows["portal_logins"] = list(PUBLICATIONS["portal_logins"].rows_for_keys(session, login_ids).values())
    groups = [(g,) for g in session.scalars(select(Enrollment.group_id).where(Enrollment.student_id == student_id).distinct())]
    rows["portal_class_groups"] = list(PUBLICATIONS["portal_class_groups"].rows_for_keys(session, groups).values())
    for name in _SHARED:
        rows[name] = list(PUBLICATIONS[name].rows(session).values())
    return rows


def portal_rows(session: Session, student_id: int) -> dict[str, list[dict]]:
    def fetch(table, condition=None) -> list[dict]:
        query = select(table) if condition is None else select(table).where(condition)
        return [dict(r) for r in session.execute(query).mappings()]

    rows = {name: fetch(PUBLICATIONS[name].table, PUBLICATIONS[name].table.c.student_id == student_id) for name in STUDENT_TABLES}
    student = rows["portal_students"][0] if rows["portal_students"] else None
    if student is not None:
        rows["portal_persons"] = fetch(schema.persons, schema.persons.c.person_id == student["person_id"])
        rows["portal_logins"] = fetch(schema.logins, schema.logins.c.person_id == student["person_id"])
    group_ids = [r["group_id"] for r in rows["portal_enrollments"]]
    rows["portal_class_groups"] = fetch(schema.class_groups, schema.class_groups.c.group_id.in_(group_ids)) if group_ids else []
    for name in _SHARED:
        rows[name] = fetch(PUBLICATIONS[name].table)
    return rows


@dataclass(frozen=True)
class Comparison:
    portal: StudentEye
    desk: StudentEye
    differences: tuple[str, ...]  # aspects where the portal is behind the desk
    last_sync: datetime | None

    @property
    def in_step(self) -> bool:
        return not self.differences


def compare(db: Database, portal: Database, student_id: int, *, now: datetime | None = None) -> Comparison:
    """The portal's view of the student next to the desk's, and the aspects that differ."""
    from desk.sync import last_success

    now = as_utc(now or now_utc())
    with db.read() as session:
        desk_eye = eye_from_rows(_desk_rows(session, student_id), student_id, now)
    with portal.read() as session:
        portal_eye = eye_from_rows(portal_rows(session, student_id), student_id, now)
    theirs, ours = portal_eye.lines(), desk_eye.lines()
    return Comparison(portal_eye, desk_eye, tuple(k for k in ours if ours[k] != theirs[k]), last_success(db))


def login_state_on_portal(portal: Database, email: str) -> str:
    """How the portal treats a login: ``unknown`` (no such login), ``no_account`` (the message), ``account``."""
    with portal.read() as session:
        row = session.execute(
            select(schema.logins.c.person_id).where(schema.logins.c.email_lower == email.strip().lower())
        ).first()
        if row is None:
            return "unknown"
        if row.person_id is None:
            return "no_account"
        has_student = session.scalar(
            select(func.count()).select_from(schema.students).where(schema.students.c.person_id == row.person_id))
        has_person = session.scalar(
            select(func.count()).select_from(schema.persons).where(schema.persons.c.person_id == row.person_id))
        return "account" if has_person and has_student else "no_account"

