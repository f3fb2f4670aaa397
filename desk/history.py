"""The read side of the audit trail: who did what to which record, when and why, in words; and its export.

Long because the words of every kind of record live beside the reading and paging they serve (the
names a page mentions, fields, values), and a change set's head and rows are read with the same rules.

The audit log is append-only (database triggers refuse UPDATE and DELETE on both databases) and
grows with every change, so it is read a page at a time, newest first, by keyset on its id
(``before_id``): each page is one query on ``audit_log`` that uses its indexes (on student, staff
member, record kind and id, time; see ``_plan`` for how the right one is chosen), then one small
query per kind of name the page mentions (staff members, students, groups, registrations ...).

A change set (an import, a copy of a term: many changes recorded as one, ``UnitOfWork.change_set``)
is listed as its head alone, with the number of rows it holds, and opened with ``change_set_rows``.
The head stands for the set when the head or any of its rows matches the filters (a filter by kind
of record finds the import that brought such records). The set's rows are not walked past one by one:
on meeting a row the reading jumps below its head. That is exact because a change set's entries have
consecutive ids: the set is written in one transaction, and audit writers serialize on the chain's
lock (``desk.chain``), so no other entry takes an id in between. A history narrowed to one record (a
student, or a kind of record and its id) lists the rows themselves: that student's line of an
import says what changed for them; each row carries its ``change_set_id``, to open the whole set.

Who reads what: a student's history needs ``READ_STUDENTS`` (every role that opens a student
card); the whole log, by staff member or by personal-data access, is for administrators. Reading
a PESEL and exporting a list of students (``person.view_pesel``, ``export.*``, ``personal_data.*``)
are personal-data access (DOMAIN.md rule 8).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desk import changes
from desk.changes import Action, Description, Shown
from desk.clock import DEFAULT_TIME_ZONE, as_utc, format_local, now_utc, to_local
from desk.labels import class_type_label
from desk.errors import NotFound
from desk.i18n import translate
from desk.messages import Message
from desk.model import (
    AccessGrant,
    AuditEntry,
    ClassGroup,
    Course,
    OrgUnit,
    Person,
    Programme,
    Registration,
    Round,
    StaffUser,
    Student,
    Term,
    TokenType,
)
from desk.rosters import SPREADSHEET_EXPORT, describe_export
from desk.staff import Actor, Permission
from exports.xlsx import Column, Sheet, safe_file_name, write_workbook
from desk.unit_of_work import SystemJob, UnitOfWork

DEFAULT_LIMIT = 500
MAX_LIMIT = 10_000
CARD_LIMIT = 50  # the student card's History section



class HistoryAction(Action):
    """What the history itself records: its lines exported to a spreadsheet (personal data leaving)."""

    EXPORT = "export.history"

    def describe(self, shown: Shown) -> Description:
        return describe_export("history", shown.after)


# Personal-data access: the full PESEL shown, lists with students' data exported.
PESEL_SHOWN = "person.view_pesel"
EXPORT_HISTORY = HistoryAction.EXPORT.value
# Every such entry is recorded on one of these kinds of record; naming them lets the database
# use the (entity, entity_id) index instead of reading the whole log.
PERSONAL_DATA_ENTITIES = ("person", "export")
# Fields that only staff who may see personal data see, in a change as in the student card.
PERSONAL_FIELDS = frozenset({"pesel", "private_email", "birth_date"})
# Fields whose "no" says something when a record is created (other empty values are left out).
_MEANINGFUL_FALSE = frozenset({"unregister_allowed", "active", "entitled_only", "enroll_over_limit", "clash_check"})
_ISO_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_MAX_VALUE = 80


@dataclass(frozen=True)
class HistoryLine:
    """One audit entry as a clerk reads it."""

    id: int
    at: datetime  # UTC
    staff_login: str | None  # None: the student on the portal, or the system
    staff_name: str | None
    who: str  # "Dorota Dziekańska (dziekanat)", "the student, on the portal", "the system"
    action: str  # the code, e.g. "enrollment.create"
    description: str  # in words, in the clerk's language
    entity: str
    entity_id: int | None
    student_id: int | None
    student_number: str | None
    student_name: str | None
    record: str  # "100001 Jan Kowalski · enrollment #12"
    change: str  # "seat limit: 20 → 25"
    reason: str | None
    personal_data: bool  # PESEL shown, a list exported
    change_set_id: int | None = None  # the head of the change set the entry belongs to (its own id for a head)
    rows: int = 0  # a head: the rows of its change set

    @property
    def is_change_set(self) -> bool:
        """The head of a change set: one line that opens to its rows."""
        return self.change_set_id is not None and self.change_set_id == self.id


@dataclass(frozen=True)
class RecordKind:
    key: str
    label: str
    entities: tuple[str, ...]


@dataclass(frozen=True)
class StaffChoice:
    login: str
    full_name: str
    active: bool


def record_kinds() -> list[RecordKind]:
    """The kinds of record the history can be narrowed to, for a filter (labels translated now)."""
    return [
        RecordKind("enrollments", translate("History", "enrollments in class groups"), ("enrollment",)),
        RecordKind("access", translate("History", "access to registrations"), ("access_grant", "access_rule")),
        RecordKind("tokens", translate("History", "tokens and token requests"),
                   ("token_entry", "token_type", "token_allocation_rule", "token_request")),
        RecordKind("payments", translate("History", "payments"), ("payment",)),
        RecordKind("persons", translate("History", "personal data"), ("person",)),
        RecordKind("logins", translate("History", "login accounts"), ("login_account", "login_template")),
        RecordKind("groups", translate("History", "class groups"), ("class_group",)),
        RecordKind("registrations", translate("History", "registrations and rounds"), ("registration", "round")),
        RecordKind("staff", translate("History", "staff accounts"), ("staff_user",)),
        RecordKind("sync", translate("History", "sync with the portal"), ("sync_conflict", "setting")),
        RecordKind("exports", translate("History", "exports"), ("export",)),
        RecordKind("change_sets", translate("History", "imports and copies of terms"), ("import", "term_copy")),
    ]


def is_personal_data_access(action: str, entity: str) -> bool:
    return entity in PERSONAL_DATA_ENTITIES and (
        action == PESEL_SHOWN or action.startswith("personal_data.") or action.startswith("export.")
    )


def _personal_data_action():
    """With ``entity IN PERSONAL_DATA_ENTITIES``: the entries that are personal-data access."""
    return or_(AuditEntry.action == PESEL_SHOWN, AuditEntry.action.like("personal\\_data.%", escape="\\"),
               AuditEntry.action.like("export.%"))


def _like_prefix(prefix: str):
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return AuditEntry.action.like(escaped + "%", escape="\\")


def _many(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


# --- reading --------------------------------------------------------------------------------


def history(uow: UnitOfWork, *,
    staff_login: str | None = None,
    student_id: int | None = None,
    entity: str | Sequence[str] | None = None,
    entity_id: int | None = None,
    action_prefix: str | Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    personal_data_only: bool = False,
    limit: int = DEFAULT_LIMIT,
    before_id: int | None = None,
    zone: str = DEFAULT_TIME_ZONE,
) -> list[HistoryLine]:
    """Audit entries newest first, ``limit`` of them, older than ``before_id`` when paging on.

    ``since`` is inclusive and ``until`` exclusive (UTC instants). ``entity`` and
    ``action_prefix`` take one value or several (any of them). A student's history
    (``student_id``) is for every role that reads students, narrowed by any other filter;
    everything else is the whole log and for administrators only. A change set is one line, its
    head, with ``rows`` counted, unless the history is narrowed to a record (``student_id``, or
    ``entity_id``): then its rows about that record are listed themselves.
    """
    if student_id is not None:
        uow.require(Permission.READ_STUDENTS)
    else:
        uow.require(Permission.ADMINISTER)
    limit = max(1, min(int(limit), MAX_LIMIT))
    entities, prefixes = _many(entity), _many(action_prefix)
    with uow.read() as session:
        staff_id = None
        if staff_login is not None:
            staff_id = session.scalar(
                select(StaffUser.id).where(func.lower(StaffUser.login) == staff_login.strip().lower())
            )
            if staff_id is None:
                raise NotFound(translate("History", "There is no staff account %1.").replace("%1", staff_login.strip()))
        # Terms that walk the log in id order (equality on an index whose entries follow the id) ...
        ordered = []
        if staff_id is not None:
            ordered.append(AuditEntry.staff_id == staff_id)
        if student_id is not None:
            ordered.append(AuditEntry.student_id == student_id)
        if entities and entity_id is not None:
            ordered.append(AuditEntry.entity.in_(entities))
            ordered.append(AuditEntry.entity_id == entity_id)
        # ... and terms whose index finds rows out of id order, to be sorted: worth it only when few match.
        unordered: list[tuple[str, list]] = []
        if entities and entity_id is None:
            unordered.append(("entity", [AuditEntry.entity.in_(entities)]))
        if personal_data_only:
            unordered.append(("personal", [AuditEntry.entity.in_(PERSONAL_DATA_ENTITIES)]))
        window = []
        if since is not None:
            window.append(AuditEntry.at >= as_utc(since))
        if until is not None:
            window.append(AuditEntry.at < as_utc(until))
        if window:
            unordered.append(("at", window))
        others = []
        if entity_id is not None and not entities:
            others.append(AuditEntry.entity_id == entity_id)
        if prefixes:
            others.append(or_(*(_like_prefix(p) for p in prefixes)))
        if personal_data_only:
            others.append(_personal_data_action())
        unordered, below, order = _plan(session, uow.db.is_sqlite, bool(ordered), unordered)
        narrowed = student_id is not None or entity_id is not None  # one record: its rows of change sets as they are
        entries = _page(session, [*ordered, *unordered, *others], order, below, limit, before_id, collapse=not narrowed)
        return _lines(session, uow.staff, entries, zone, _row_counts(session, entries))


# Plain rows, not ORM objects: a page is read, described and forgotten.
_COLUMNS = (AuditEntry.id, AuditEntry.at, AuditEntry.staff_id, AuditEntry.job, AuditEntry.action, AuditEntry.entity,
            AuditEntry.entity_id, AuditEntry.student_id, AuditEntry.before, AuditEntry.after, AuditEntry.reason,
            AuditEntry.reason_message, AuditEntry.change_set_id)


def _page(session: Session, terms: list, order, below, limit: int, before_id: int | None, *, collapse: bool) -> list:
    """A page of entries, newest first. Collapsed, a change set's row gives way to its head, and the
    reading goes on below the head: the set's other rows (consecutive ids above the head) are not read."""
    page: list = []
    cursor = before_id
    while len(page) < limit:
        size = limit - len(page)
        query = select(*_COLUMNS).where(*terms)
        if cursor is not None:
            query = query.where(below(cursor))
        batch = session.execute(query.order_by(order).limit(size)).all()
        head_id = None
        for entry in batch:
            if not collapse or entry.change_set_id is None or entry.change_set_id == entry.id:
                page.append(entry)
            else:
                head_id = entry.change_set_id
                break
        if head_id is None:
            break
        page.append(session.execute(select(*_COLUMNS).where(AuditEntry.id == head_id)).one())
        cursor = head_id
    return page


def _row_counts(session: Session, entries: Sequence) -> dict[int, int]:
    """The rows each change set's head on a page holds: one grouped count (by the change-set index)."""
    heads = [e.id for e in entries if e.change_set_id is not None and e.change_set_id == e.id]
    if not heads:
        return {}
    counted = session.execute(
        select(AuditEntry.change_set_id, func.count()).where(AuditEntry.change_set_id.in_(heads))
        .group_by(AuditEntry.change_set_id)
    ).all()
    return {head: count - 1 for head, count in counted}  # the head is in its own set


def change_set_rows(uow: UnitOfWork, head_id: int, *, student_id: int | None = None, after_id: int | None = None,
                    limit: int = DEFAULT_LIMIT, zone: str = DEFAULT_TIME_ZONE) -> list[HistoryLine]:
    """A change set's rows in the order they were recorded (an import's: its file's), ``limit`` of them,
    after ``after_id`` when paging on (keyset, like ``history``'s ``before_id``).

    The whole set is about many records and, like the whole log, for administrators; one student's rows
    of it (``student_id``) for every role that reads students. Personal data is shown or hidden as in
    the listing (``VIEW_PERSONAL_DATA``).
    """
    if student_id is not None:
        uow.require(Permission.READ_STUDENTS)
    else:
        uow.require(Permission.ADMINISTER)
    limit = max(1, min(int(limit), MAX_LIMIT))
    with uow.read() as session:
        head = session.execute(select(AuditEntry.change_set_id).where(AuditEntry.id == head_id)).one_or_none()
        if head is None or head.change_set_id != head_id:
            raise NotFound(translate("History", "There is no change set %1.").replace("%1", str(head_id)))
        # The rows' ids follow the head's (see the module's docstring): the range keeps the read short.
        start = max(head_id, after_id if after_id is not None else head_id)
        if student_id is None:
            query = select(*_COLUMNS).where(AuditEntry.change_set_id == head_id, AuditEntry.id > start)
        else:  # the student's entries by their index (a few), not the set's (maybe 300,000) checked one by one
            query = select(*_COLUMNS).where(AuditEntry.student_id == student_id, AuditEntry.id > start,
                                            AuditEntry.change_set_id + 0 == head_id)
        entries = session.execute(query.order_by(AuditEntry.id).limit(limit)).all()
        return _lines(session, uow.staff, entries, zone, {})


# ``ORDER BY id DESC LIMIT n`` with a condition on record kind or time can be answered two ways:
# walk the log backwards until n entries match (fast when many match, a scan of the whole log
# when few do, or when they are all old), or read the matches through the index and sort them
# (fast when few match; 10 s for a year of a million-entry log on SQLite). SQLite plans without
# statistics of values, and PostgreSQL expects matches to be spread evenly over the ids (so it
# walks a million entries back to an old week). A count through the index, stopped at
# PROBE_LIMIT, tells which case it is: few, and the order by ``id + 0``, which no index gives,
# makes the database read the matches through the index; many, and it walks (on SQLite
# likely() tells the planner the index is not worth it).
PROBE_LIMIT = 20_000


def _plan(session: Session, sqlite: bool, has_ordered: bool, unordered: list[tuple[str, list]]):
    """The terms to read by, the term "older than an id" (given the id), and the order."""
    walk = AuditEntry.id.desc()
    flat = [term for _kind, terms in unordered for term in terms]

    def likely(term):
        return func.likely(term) if sqlite else term

    def before(before_id: int):
        return AuditEntry.id < before_id

    if not unordered:
        return [], before, walk
    if has_ordered:  # a student's or a staff member's entries: their index gives them in id order
        return [likely(term) for term in flat], before, walk
    counts = {
        kind: session.scalar(
            select(func.count()).select_from(select(AuditEntry.id).where(*terms).limit(PROBE_LIMIT).subquery())
        )
        for kind, terms in unordered
    }
    fewest = min(counts, key=counts.get)
    if counts[fewest] >= PROBE_LIMIT:
        return [likely(term) for term in flat], before, walk
    steered = [term if kind == fewest else likely(term) for kind, terms in unordered for term in terms]
    return steered, lambda before_id: likely(before(before_id)), (AuditEntry.id + 0).desc()


def student_history(uow: UnitOfWork, student_id: int, *, limit: int = CARD_LIMIT,
                    zone: str = DEFAULT_TIME_ZONE) -> list[HistoryLine]:
    """A student's last entries, for the student card."""
    return history(uow, student_id=student_id, limit=limit, zone=zone)


def staff_members(uow: UnitOfWork) -> list[StaffChoice]:
    """Every staff account, for the history's "staff member" filter (administrators)."""
    uow.require(Permission.ADMINISTER)
    with uow.read() as session:
        return [
            StaffChoice(login, name, active)
            for login, name, active in session.execute(
                select(StaffUser.login, StaffUser.full_name, StaffUser.active).order_by(StaffUser.full_name, StaffUser.login)
            )
        ]


# --- in words -------------------------------------------------------------------------------


class _Names:
    """The names a page of entries refers to, each kind looked up in one query (``desk.changes.Names``)."""

    def __init__(self, session: Session, entries: Sequence[AuditEntry]):
        ids: dict[str, set[int]] = {}

        def want(kind: str, value: Any) -> None:
            if isinstance(value, int) and not isinstance(value, bool):
                ids.setdefault(kind, set()).add(value)

        for e in entries:
            for snapshot in (e.before, e.after):
                if isinstance(snapshot, dict):
                    for key, kind in _REFERENCES.items():
                        want(kind, snapshot.get(key))
            if e.entity in _ENTITY_REFERENCES and e.entity_id is not None:
                want(_ENTITY_REFERENCES[e.entity], e.entity_id)
            if e.entity == "access_grant":
                want("access_grant", e.entity_id)
        self.staff = {
            i: (login, name)
            for i, login, name in self._chunks(
                session, {e.staff_id for e in entries if e.staff_id is not None},
                lambda chunk: select(StaffUser.id, StaffUser.login, StaffUser.full_name).where(StaffUser.id.in_(chunk)),
            )
        }
        self.students = {
            i: (number, " ".join(n for n in (first, last) if n))
            for i, number, first, last in self._chunks(
                session, {e.student_id for e in entries if e.student_id is not None},
                lambda chunk: select(Student.id, Student.student_number, Person.first_name, Person.last_name)
                .join(Person, Person.id == Student.person_id).where(Student.id.in_(chunk)),
            )
        }
        # An access decision names its registration; so does a round.
        grant_registration = dict(self._chunks(
            session, ids.get("access_grant", set()),
            lambda chunk: select(AccessGrant.id, AccessGrant.registration_id).where(AccessGrant.id.in_(chunk)),
        ))
        self.grant_registrations = grant_registration
        self.rounds = {
            i: (name, registration_id)
            for i, name, registration_id in self._chunks(
                session, ids.get("round", set()),
                lambda chunk: select(Round.id, Round.name, Round.registration_id).where(Round.id.in_(chunk)),
            )
        }
        registration_ids = ids.get("registration", set()) | set(grant_registration.values()) | {
            r for _n, r in self.rounds.values()
        }
        self.labels: dict[str, dict[int, str]] = {
            "registration": dict(self._chunks(
                session, registration_ids,
                lambda chunk: select(Registration.id, Registration.code).where(Registration.id.in_(chunk)),
            )),
            "group": {
                i: f"{term} {code} {class_type_label(class_type)} {number}"
                for i, code, class_type, number, term in self._chunks(
                    session, ids.get("group", set()),
                    lambda chunk: select(ClassGroup.id, Course.code, ClassGroup.class_type, ClassGroup.number, Term.code)
                    .join(Course, Course.id == ClassGroup.course_id).join(Term, Term.id == ClassGroup.term_id)
                    .where(ClassGroup.id.in_(chunk)),
                )
            },
            "token_type": dict(self._chunks(
                session, ids.get("token_type", set()),
                lambda chunk: select(TokenType.id, TokenType.code).where(TokenType.id.in_(chunk)),
            )),
            "course": dict(self._chunks(
                session, ids.get("course", set()), lambda chunk: select(Course.id, Course.code).where(Course.id.in_(chunk)),
            )),
            "programme": dict(self._chunks(
                session, ids.get("programme", set()),
                lambda chunk: select(Programme.id, Programme.code).where(Programme.id.in_(chunk)),
            )),
            "term": dict(self._chunks(
                session, ids.get("term", set()), lambda chunk: select(Term.id, Term.code).where(Term.id.in_(chunk)),
            )),
            "unit": dict(self._chunks(
                session, ids.get("unit", set()), lambda chunk: select(OrgUnit.id, OrgUnit.code).where(OrgUnit.id.in_(chunk)),
            )),
        }

    @staticmethod
    def _chunks(session: Session, wanted: set[int], make) -> Iterable[tuple]:
        ordered = sorted(wanted)
        for start in range(0, len(ordered), 1000):
            yield from session.execute(make(ordered[start : start + 1000])).all()

    def label(self, kind: str, value: Any) -> str:
        if value is None:
            return "—"
        found = self.labels.get(kind, {}).get(value) if isinstance(value, int) else None
        return found or f"#{value}"

    def group(self, value: Any) -> str:
        return self.label("group", value)

    def registration(self, value: Any) -> str:
        return self.label("registration", value)

    def token_type(self, value: Any) -> str:
        return self.label("token_type", value)

    def round(self, value: Any) -> tuple[str, int | None]:
        return self.rounds.get(value, ("", None)) if isinstance(value, int) else ("", None)

    def grant_registration(self, grant_id: Any) -> int | None:
        return self.grant_registrations.get(grant_id) if isinstance(grant_id, int) else None


# Keys of before/after snapshots that name another record, and the kind of record.
_REFERENCES = {
    "group_id": "group",
    "registration_id": "registration",
    "token_type_id": "token_type",
    "course_id": "course",
    "programme_id": "programme",
    "term_id": "term",
    "unit_id": "unit",
}
_ENTITY_REFERENCES = {"class_group": "group", "registration": "registration", "token_type": "token_type", "round": "round"}


_LABELLED_VALUES = frozenset({"status", "decision", "source", "kind", "level", "mode"})


def _value_labels() -> dict[str, str]:
    return {
            "accepted": translate("Labels", "accepted"),
            "cancelled": translate("Labels", "cancelled"),
            "due": translate("Labels", "due"),
            "paid": translate("Labels", "paid"),
            "active": translate("Labels", "active"),
            "on_leave": translate("Labels", "on leave"),
            "suspended": translate("Labels", "suspended"),
            "removed": translate("Labels", "removed"),
            "graduated": translate("Labels", "graduated"),
            "portal": translate("Labels", "portal"),
            "desk": translate("Labels", "at the desk"),
            "token": translate("Labels", "token round"),
            "import": translate("Labels", "import"),
            "first_cycle": translate("Labels", "first cycle"),
            "second_cycle": translate("Labels", "second cycle"),
            "long_cycle": translate("Labels", "long cycle"),
            "doctoral": translate("Labels", "doctoral"),
            "full_time": translate("Labels", "full-time"),
            "part_time": translate("Labels", "part-time"),
            "grant": translate("History", "grant"),
            "revoke": translate("History", "revocation"),
        }


def _field_labels() -> dict[str, str]:
    return {
        "seat_limit": translate("History", "seat limit"),
        "lower_limit": translate("History", "lower limit"),
        "status": translate("History", "status"),
        "first_name": translate("History", "first name"),
        "middle_name": translate("History", "middle name"),
        "last_name": translate("History", "surname"),
        "birth_date": translate("History", "birth date"),
        "pesel": translate("History", "PESEL"),
        "pesel_replaced": translate("History", "PESEL replaced"),
        "private_email": translate("History", "private e-mail"),
        "email": translate("History", "login"),
        "group_id": translate("History", "group"),
        "registration_id": translate("History", "registration"),
        "token_type_id": translate("History", "token"),
        "course_id": translate("History", "course"),
        "programme_id": translate("History", "programme"),
        "term_id": translate("History", "term"),
        "unit_id": translate("History", "unit"),
        "amount": translate("History", "amount"),
        "decision": translate("History", "decision"),
        "valid_until": translate("History", "until"),
        "withdrawn_at": translate("History", "withdrawn"),
        "name": translate("History", "name"),
        "starts_at": translate("History", "starts"),
        "ends_at": translate("History", "ends"),
        "unregister_allowed": translate("History", "unregistering allowed"),
        "selection_limit": translate("History", "courses per student"),
        "over_limit": translate("History", "over the limit"),
        "despite_clash": translate("History", "despite a timetable clash"),
        "clash_check": translate("History", "timetable clashes checked"),
        "exchanges": translate("History", "exchanges allowed"),
        "waiting_lists": translate("History", "waiting lists kept"),
        "source": translate("History", "source"),
        "document_ref": translate("History", "document"),
        "deadline_override": translate("History", "deadline overridden because"),
        "students": translate("History", "students"),
        "rows": translate("History", "rows"),
        "file": translate("History", "file"),
        "schedule": translate("History", "schedule"),
        "semester_price": translate("History", "price"),
        "full_name": translate("History", "full name"),
        "role": translate("History", "role"),
        "units": translate("History", "units"),
        "active": translate("History", "active"),
        "balance_before": translate("History", "balance before"),
        "registration": translate("History", "registration"),
        "reverses_id": translate("History", "reverses entry"),
        "token_request_id": translate("History", "request"),
        "enrollment_id": translate("History", "enrollment"),
        "kind": translate("History", "kind"),
        "code": translate("History", "code"),
        "stage": translate("History", "stage"),
        "level": translate("History", "level"),
        "mode": translate("History", "mode"),
        "category": translate("History", "category"),
        "domain": translate("History", "domain"),
        "template": translate("History", "template"),
        "message": translate("History", "message"),
        "entitled_only": translate("History", "entitled students only"),
        "course_ids": translate("History", "courses"),
        "micro_round_minutes": translate("History", "micro-round (minutes)"),
        "micro_break_minutes": translate("History", "micro-break (minutes)"),
        "attendance": translate("History", "attendance list"),
        "groups": translate("History", "groups"),
        "filters": translate("History", "filters"),
        "password": translate("History", "password"),
    }


def _is_empty_for_creation(key: str, value: Any) -> bool:
    return value is None or value == "" or value == [] or (value is False and key not in _MEANINGFUL_FALSE)


class _Describer:
    def __init__(self, names: _Names, actor: Actor, zone: str):
        self.names = names
        self.zone = zone
        self.personal = actor.can(Permission.VIEW_PERSONAL_DATA)
        # Translated once a page, not once a field.
        self.fields = _field_labels()
        self.values = _value_labels()
        self.entities = _entity_labels()
        self.yes, self.no = translate("History", "yes"), translate("History", "no")

    # -- values --

    def value(self, key: str, value: Any) -> str:
        if key in PERSONAL_FIELDS and not self.personal and value not in (None, ""):
            return "•••"
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self.yes if value else self.no
        if key in _REFERENCES:
            return self.names.label(_REFERENCES[key], value)
        if isinstance(value, list):
            return ", ".join(self.value(key, v) for v in value) or "—"
        if isinstance(value, dict):
            return "; ".join(f"{k}: {self.value(k, v)}" for k, v in value.items())
        text = str(value)
        if _ISO_INSTANT.match(text):
            try:
                text = format_local(datetime.fromisoformat(text), self.zone)
            except ValueError:
                pass
        if key in _LABELLED_VALUES:
            text = self.values.get(text, text)
        return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"

    def change(self, entry: AuditEntry, omit: frozenset[str]) -> str:
        before = entry.before if isinstance(entry.before, dict) else None
        after = entry.after if isinstance(entry.after, dict) else None
        parts = []
        keys = list(before or {}) + [k for k in (after or {}) if k not in (before or {})]
        for key in keys:
            if key in omit:
                continue
            label = self.fields.get(key) or key.replace("_", " ")
            if before is not None and after is not None and key in before and key in after:
                if before[key] == after[key]:
                    continue
                parts.append(f"{label}: {self.value(key, before[key])} → {self.value(key, after[key])}")
            elif before is not None and key in before:
                if after is None and before[key] is not None:  # the record went: what it was
                    parts.append(f"{label}: {self.value(key, before[key])} → —")
                elif before[key] is not None:
                    parts.append(f"{label}: {self.value(key, before[key])}")
            else:
                if _is_empty_for_creation(key, after[key]):
                    continue
                parts.append(f"{label}: {self.value(key, after[key])}")
        return "; ".join(parts)

    # -- the record --

    def record(self, entry: AuditEntry) -> str:
        names = self.names
        kind = self.entities.get(entry.entity, entry.entity)
        if entry.entity == "class_group" and entry.entity_id is not None:
            text = f"{kind} {names.group(entry.entity_id)}"
        elif entry.entity == "registration" and entry.entity_id is not None:
            text = f"{kind} {names.registration(entry.entity_id)}"
        elif entry.entity == "token_type" and entry.entity_id is not None:
            text = f"{kind} {names.token_type(entry.entity_id)}"
        elif entry.entity_id is not None:
            text = f"{kind} #{entry.entity_id}"
        else:
            text = kind
        if entry.student_id is not None:  # the student first: what a clerk looks for
            number, name = names.students.get(entry.student_id, (None, None))
            text = (f"{number} {name}" if number else f"#{entry.student_id}") + " · " + text
        return text

    # -- what happened --

    def describe(self, e: AuditEntry) -> Description:
        """The action in words (from its kind of action, beside the service), and the fields the words already say."""
        shown = Shown(e.entity, e.entity_id, e.before if isinstance(e.before, dict) else {},
                      e.after if isinstance(e.after, dict) else {}, self.names)
        return changes.describe(e.action, shown)


def _entity_labels() -> dict[str, str]:
    return {
        "enrollment": translate("History", "enrollment"),
        "access_grant": translate("History", "access decision"),
        "access_rule": translate("History", "access rule"),
        "token_entry": translate("History", "token ledger entry"),
        "token_type": translate("History", "token type"),
        "token_allocation_rule": translate("History", "allocation rule"),
        "token_request": translate("History", "token request"),
        "payment": translate("History", "payment"),
        "person": translate("History", "person"),
        "login_account": translate("History", "login account"),
        "login_template": translate("History", "login template"),
        "class_group": translate("History", "class group"),
        "registration": translate("History", "registration"),
        "round": translate("History", "round"),
        "staff_user": translate("History", "staff account"),
        "sync_conflict": translate("History", "sync conflict"),
        "setting": translate("History", "setting"),
        "export": translate("History", "export"),
        "database": translate("History", "database"),
        "import": translate("History", "import"),
        "term_copy": translate("History", "copy of a term"),
    }


def _who(entry: AuditEntry, names: _Names) -> tuple[str | None, str | None, str]:
    if entry.staff_id is not None:
        login, name = names.staff.get(entry.staff_id, (None, None))
        if login is None:
            return None, None, f"#{entry.staff_id}"
        return login, name, f"{name} ({login})"
    if entry.job == SystemJob.PORTAL or entry.action.startswith("enrollment.portal_") or entry.action == "token_request.withdrawn":
        return None, None, translate("History", "the student, on the portal")
    return None, None, translate("History", "the system")


def _reason(entry: AuditEntry) -> str | None:
    """A clerk's words as typed; a reason the system gave, in the reader's language."""
    message = Message.from_json(entry.reason_message)
    return message.text() if message is not None else entry.reason


def _lines(session: Session, actor: Actor, entries: Sequence[AuditEntry], zone: str,
           row_counts: dict[int, int]) -> list[HistoryLine]:
    names = _Names(session, entries)
    describer = _Describer(names, actor, zone)
    lines = []
    for e in entries:
        login, name, who = _who(e, names)
        described = describer.describe(e)
        number, student_name = names.students.get(e.student_id, (None, None)) if e.student_id is not None else (None, None)
        lines.append(HistoryLine(
            id=e.id, at=e.at, staff_login=login, staff_name=name, who=who, action=e.action, description=described.text,
            entity=e.entity, entity_id=e.entity_id, student_id=e.student_id, student_number=number,
            student_name=student_name, record=describer.record(e), change=describer.change(e, described.said),
            reason=_reason(e),
            personal_data=is_personal_data_access(e.action, e.entity),
            change_set_id=e.change_set_id, rows=row_counts.get(e.id, 0),
        ))
    return lines


def described(session: Session, actor: Actor, entries: Sequence[AuditEntry], zone: str = DEFAULT_TIME_ZONE
              ) -> list[HistoryLine]:
    """Entries in words as History shows them (an impact preview reads the entries a rehearsal recorded)."""
    return _lines(session, actor, entries, zone, {})


# --- export ---------------------------------------------------------------------------------


def history_sheet(lines: Sequence[HistoryLine], *, zone: str = DEFAULT_TIME_ZONE, filters: str = "",
                  exported_by: str = "", as_of: datetime | None = None) -> Sheet:
    heading = [
        (translate("History", "Exported by"), exported_by),
        (translate("History", "Data as of"), to_local(as_of or now_utc(), zone).replace(tzinfo=None, microsecond=0)),
        (translate("History", "Entries"), str(len(lines))),
    ]
    if filters:
        heading.append((translate("History", "Filters"), filters))
    return Sheet(
        title=translate("History", "Audit trail"),
        columns=[
            Column(translate("History", "Entry"), "number", 9),
            Column(translate("History", "When"), "datetime", 17),
            Column(translate("History", "Who"), "text"),
            Column(translate("History", "What"), "text"),
            Column(translate("History", "Record"), "text"),
            Column(translate("History", "Change"), "text"),
            Column(translate("History", "Reason"), "text"),
            Column(translate("History", "Action code"), "text"),
        ],
        rows=[
            (line.id, to_local(line.at, zone).replace(tzinfo=None, microsecond=0), line.who, line.description, line.record,
             line.change, line.reason or "", line.action)
            for line in lines
        ],
        heading=heading,
        caption=translate("History", "Audit trail"),
        landscape=True,
    )


def default_export_name(student_number: str | None = None) -> str:
    stamp = to_local(now_utc()).strftime("%Y-%m-%d")
    stem = translate("History", "history")
    return safe_file_name(f"{stem} {student_number} {stamp}" if student_number else f"{stem} {stamp}")


def export_history(uow: UnitOfWork, lines: Sequence[HistoryLine], path: str | Path, *, overwrite: bool = False,
    zone: str = DEFAULT_TIME_ZONE, filters: str = "",
) -> Path:
    """Write the lines shown to a workbook and record the export (it holds students' data) in the audit.

    One student's lines need READ_STUDENTS; lines of several students, or not about a student,
    come from the whole log and need an administrator. If the export cannot be recorded, the file
    is removed: nothing leaves unrecorded.
    """
    students = {line.student_id for line in lines}
    if len(students) == 1 and None not in students:
        uow.require(Permission.READ_STUDENTS)
        student_id = next(iter(students))
    else:
        uow.require(Permission.ADMINISTER)
        student_id = None
    sheet = history_sheet(lines, zone=zone, filters=filters, exported_by=f"{uow.staff.full_name} ({uow.staff.login})")
    written = write_workbook(path, [sheet], overwrite=overwrite)
    try:
        with uow.write():
            uow.record_change(
                HistoryAction.EXPORT, entity="export", entity_id=None, student_id=student_id,
                after={"list": "history", "file": written.name, "rows": sheet.written_rows,
                       "students": len(students - {None}), "filters": filters or None},
                reason=SPREADSHEET_EXPORT(), portal=False,
            )
    except BaseException:
        written.unlink(missing_ok=True)
        raise
    return written
