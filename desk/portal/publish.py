"""What the desk publishes to the portal: for each portal table, the desk's rows, and how to write them.

Sync sends state, not events: a queued change names a record, and the record is read from the
desk as it is when the batch goes out and written to the portal (or removed there when it no
longer exists). Sending the same change twice, or two changes of one record in any order, ends
in the same portal row, which is what makes an interrupted run safe to start again.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Integer,
    MetaData,
    Numeric,
    Select,
    String,
    Table,
    case,
    cast,
    delete,
    exists,
    func,
    or_,
    select,
    text,
    tuple_,
    union,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from desk.model import (
    UTCDateTime,
    AccessGrant,
    OutboxEntry,
    AccessRule,
    ClassGroup,
    Course,
    Enrollment,
    ExchangeTarget,
    ExchangeWish,
    LoginAccount,
    OrgUnit,
    Payment,
    Person,
    Programme,
    Registration,
    RegistrationCourse,
    Round,
    RoundStart,
    RoundStudent,
    SeatShare,
    SeatShareStudent,
    Student,
    StudentProgramme,
    Term,
    TimetableSlot,
    TokenEntry,
    TokenRequest,
    TokenType,
    WaitingEntry,
    WaitingStatus,
)
from desk.portal import schema

Key = tuple  # a portal row's primary key values, in the table's key order
CHUNK = 500  # ids per IN (...) list: well under SQLite's and psycopg's parameter limits


def plain(value: Any) -> Any:
    """A value as the portal stores it: enums as text, instants as naive UTC."""
    kind = type(value)
    if kind is int or kind is str or value is None:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, Decimal):
        return value.quantize(Decimal("0.01"))
    return value


def _to_naive_utc(value):
    if isinstance(value, str):  # SQLite's text form of a stored UTC instant
        value = datetime.fromisoformat(value)
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo is not None else value


def _converter(column_type) -> Callable[[Any], Any] | None:
    """How a raw driver value of this column type becomes the portal's value (None: as it is)."""
    if isinstance(column_type, (DateTime, UTCDateTime)):
        return _to_naive_utc
    if isinstance(column_type, Date):
        return lambda v: date.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(column_type, Boolean):
        return bool
    if isinstance(column_type, Numeric) and not isinstance(column_type, Integer):
        return lambda v: Decimal(str(v)).quantize(Decimal("0.01"))
    if isinstance(column_type, SAEnum):
        return lambda v: v.value if isinstance(v, enum.Enum) else v
    return None


@dataclass(frozen=True)
class Publication:
    """One portal table: the desk query that makes its rows, and the desk columns to filter it by."""

    table: Table
    query: Select  # columns labelled as the portal table's columns
    key_columns: tuple  # desk columns matching the portal table's primary key
    student_column: Any = None  # the desk column naming the student, where rows belong to one

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def key_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.table.primary_key.columns)

    def rows(self, session: Session, condition=None) -> dict[Key, dict]:
        query = self.query if condition is None else self.query.where(condition)
        names = [c.name for c in query.selected_columns]
        key_at = [names.index(k) for k in self.key_names]
        convert = [_converter(c.type) for c in query.selected_columns]
        result = {}
        # The driver's own rows, without per-row result processing: the conditions hold only
        # ids and fixed names, so the statement is rendered with its values in place.
        connection = session.connection()
        sql = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
        for values in connection.exec_driver_sql(sql):
            values = [f(v) if f is not None and v is not None else v for f, v in zip(convert, values)]
            result[tuple(values[i] for i in key_at)] = dict(zip(names, values))
        return result

    def rows_for_keys(self, session: Session, keys: Iterable[Key]) -> dict[Key, dict]:
        keys = list(set(keys))
        found: dict[Key, dict] = {}
        for start in range(0, len(keys), CHUNK):
            part = keys[start:start + CHUNK]
            if len(self.key_columns) == 1:
                condition = self.key_columns[0].in_([k[0] for k in part])
            else:
                condition = tuple_(*self.key_columns).in_(part)
            found.update(self.rows(session, condition))
        return found

    def rows_for_students(self, session: Session, student_ids: Sequence[int]) -> dict[Key, dict]:
        return self.rows(session, self.student_column.in_(list(student_ids)))


def _person_query() -> Select:
    return select(Person.id.label("person_id"), Person.first_name, Person.last_name, Person.category)


# A group's weekly slots as one text, "1 10:00-11:30; 3 08:00-09:30" (weekday and start order), NULL for none: the
# same words on both databases (a time as text starts "HH:MM" on each), made by the statement itself, since the
# portal's rows may be copied inside one database.
_slot = TimetableSlot.__table__.alias("slot")
_SLOT_TEXT = (cast(_slot.c.weekday, String) + " " + func.substr(cast(_slot.c.starts_at, String), 1, 5) + "-"
              + func.substr(cast(_slot.c.ends_at, String), 1, 5))
_ORDERED_SLOTS = (select(_slot.c.group_id, _SLOT_TEXT.label("words"))
                  .order_by(_slot.c.group_id, _slot.c.weekday, _slot.c.starts_at).subquery("ordered_slots"))
_TIMETABLE = (select(func.aggregate_strings(_ORDERED_SLOTS.c.words, "; "))
              .where(_ORDERED_SLOTS.c.group_id == ClassGroup.id).scalar_subquery())

# When a share is released by itself: the earlier of its own instant and its round's start, NULL for neither (as
# desk.rule_facts.release_moment has it), made by the statement for the same reason as the timetable.
_release_round = aliased(Round, name="release_round")
_RELEASE_AT = case(
    (_release_round.starts_at.is_(None), SeatShare.release_at),
    (SeatShare.release_at.is_(None) | (_release_round.starts_at < SeatShare.release_at), _release_round.starts_at),
    else_=SeatShare.release_at,
)

# Released by a clerk before its moment. A release the desk carries out once its moment has passed changes nothing the
# portal is told (it applies ``release_at`` itself), so that writer need not queue the share.
_RELEASED_EARLY = SeatShare.released_at.is_not(None) & (_RELEASE_AT.is_(None) | (SeatShare.released_at < _RELEASE_AT))

# A waiting student's place among those waiting on the group's list (1 the first; the list's order is its positions,
# then who joined first), NULL once they are enrolled or removed: counted by the statement itself, as the rows may be
# copied inside one database.
_ahead = aliased(WaitingEntry, name="ahead")
_STILL_WAITING = WaitingEntry.status == WaitingStatus.WAITING
_PLACE = case((_STILL_WAITING, select(func.count()).select_from(_ahead).where(
    _ahead.group_id == WaitingEntry.group_id, _ahead.status == WaitingStatus.WAITING,
    (_ahead.position < WaitingEntry.position)
    | ((_ahead.position == WaitingEntry.position) & (_ahead.id <= WaitingEntry.id)),
).scalar_subquery()))
# The groups whose lists some waiting entries (a select of their ids) are on.
_listing = aliased(WaitingEntry, name="listing")


def _lists_of(entries) -> ColumnElement[bool]:
    """Every student still waiting on the lists the entries are on: one entry's change moves the others' places."""
    return _STILL_WAITING & WaitingEntry.group_id.in_(select(_listing.group_id).where(_listing.id.in_(entries)))


PUBLICATIONS: dict[str, Publication] = {
    p.name: p
    for p in (
        Publication(schema.persons, _person_query(), (Person.id,)),
        Publication(
            schema.logins,
            select(LoginAccount.id.label("login_id"), LoginAccount.email,
                   func.lower(LoginAccount.email).label("email_lower"), LoginAccount.person_id),
            (LoginAccount.id,),
        ),
        Publication(
            schema.students,
            select(Student.id.label("student_id"), Student.person_id, Student.student_number),
            (Student.id,), Student.id,
        ),
        Publication(
            schema.student_programmes,
            select(StudentProgramme.id.label("student_programme_id"), StudentProgramme.student_id,
                   StudentProgramme.programme_id, Programme.code.label("programme_code"), Programme.level, Programme.mode,
                   StudentProgramme.stage, StudentProgramme.status)
            .join(Programme, Programme.id == StudentProgramme.programme_id),
            (StudentProgramme.id,), StudentProgramme.student_id,
        ),
        Publication(
            schema.token_types,
            select(TokenType.id.label("token_type_id"), TokenType.code, TokenType.name, TokenType.semester_price),
            (TokenType.id,),
        ),
        Publication(
            schema.registrations,
            select(Registration.id.label("registration_id"), Registration.code, Registration.name,
                   OrgUnit.code.label("unit_code"), Term.code.label("term_code"), Registration.kind,
                   TokenType.code.label("token_type_code"), Registration.selection_limit, Registration.entitled_only,
                   Registration.message, Registration.clash_check, Registration.exchanges, Registration.waiting_lists)
            .join(OrgUnit, OrgUnit.id == Registration.unit_id)
            .join(Term, Term.id == Registration.term_id)
            .outerjoin(TokenType, TokenType.id == Registration.token_type_id),
            (Registration.id,),
        ),
        Publication(
            schema.registration_courses,
            select(RegistrationCourse.registration_id, RegistrationCourse.course_id),
            (RegistrationCourse.registration_id, RegistrationCourse.course_id),
        ),
        Publication(
            schema.rounds,
            select(Round.id.label("round_id"), Round.registration_id, Round.name, Round.starts_at, Round.ends_at,
                   Round.unregister_allowed, Round.micro_round_minutes, Round.micro_break_minutes,
                   Round.audience_programme_id, Round.audience_level, Round.audience_mode, Round.audience_stage,
                   Round.audience_listed, Round.last_turn_at),
            (Round.id,),
        ),
        Publication(
            schema.round_students,
            select(RoundStudent.round_id, RoundStudent.student_id),
            (RoundStudent.round_id, RoundStudent.student_id), RoundStudent.student_id,
        ),
        Publication(
            schema.round_starts,
            select(RoundStart.round_id, RoundStart.student_id, RoundStart.starts_at, RoundStart.turn),
            (RoundStart.round_id, RoundStart.student_id), RoundStart.student_id,
        ),
        Publication(
            schema.access_rules,
            select(AccessRule.id.label("rule_id"), AccessRule.registration_id, AccessRule.programme_id, AccessRule.level,
                   AccessRule.mode, AccessRule.stage),
            (AccessRule.id,),
        ),
        Publication(
            schema.access_grants,
            select(AccessGrant.id.label("grant_id"), AccessGrant.registration_id, AccessGrant.student_id,
                   AccessGrant.decision, AccessGrant.valid_until,
                   AccessGrant.withdrawn_at.is_(None).label("standing")),
            (AccessGrant.id,), AccessGrant.student_id,
        ),
        Publication(
            schema.class_groups,
            select(ClassGroup.id.label("group_id"), ClassGroup.course_id, Course.code.label("course_code"),
                   Course.name.label("course_name"), Term.code.label("term_code"), ClassGroup.class_type,
                   ClassGroup.number, ClassGroup.seat_limit, ClassGroup.enrolled_count, _TIMETABLE.label("timetable"))
            .join(Course, Course.id == ClassGroup.course_id)
            .join(Term, Term.id == ClassGroup.term_id),
            (ClassGroup.id,),
        ),
        Publication(
            schema.seat_shares,
            select(SeatShare.id.label("share_id"), SeatShare.group_id, SeatShare.seats, SeatShare.taken,
                   SeatShare.programme_id, SeatShare.level, SeatShare.mode, SeatShare.stage, SeatShare.listed,
                   _RELEASE_AT.label("release_at"), _RELEASED_EARLY.label("released"))
            .outerjoin(_release_round, _release_round.id == SeatShare.release_round_id),
            (SeatShare.id,),
        ),
        Publication(
            schema.seat_share_students,
            select(SeatShareStudent.share_id, SeatShareStudent.student_id),
            (SeatShareStudent.share_id, SeatShareStudent.student_id), SeatShareStudent.student_id,
        ),
        Publication(
            schema.enrollments,
            select(Enrollment.id.label("enrollment_id"), Enrollment.student_id, Enrollment.group_id,
                   Enrollment.registration_id, Enrollment.status),
            (Enrollment.id,), Enrollment.student_id,
        ),
        Publication(
            schema.token_balances,
            select(TokenEntry.student_id, TokenEntry.token_type_id, func.sum(TokenEntry.amount).label("balance"))
            .group_by(TokenEntry.student_id, TokenEntry.token_type_id),
            (TokenEntry.student_id, TokenEntry.token_type_id), TokenEntry.student_id,
        ),
        Publication(
            schema.token_requests,
            select(TokenRequest.id.label("request_id"), TokenRequest.portal_key, TokenRequest.student_id,
                   TokenRequest.registration_id, TokenRequest.group_id, TokenRequest.action, TokenRequest.status,
                   TokenRequest.resolution_reason, TokenRequest.resolution_code, TokenRequest.resolution_params),
            (TokenRequest.id,), TokenRequest.student_id,
        ),
        Publication(
            schema.exchange_wishes,
            select(ExchangeWish.id.label("wish_id"), ExchangeWish.student_id, ExchangeWish.registration_id,
                   ExchangeWish.from_group_id, ExchangeWish.status, ExchangeWish.created_at, ExchangeWish.closed_at,
                   ExchangeWish.reason_code, ExchangeWish.reason_params),
            (ExchangeWish.id,), ExchangeWish.student_id,
        ),
        Publication(
            schema.exchange_wish_targets,
            select(ExchangeTarget.wish_id, ExchangeTarget.group_id, ExchangeTarget.preference),
            (ExchangeTarget.wish_id, ExchangeTarget.group_id),
        ),
        Publication(
            schema.waiting_entries,
            select(WaitingEntry.id.label("entry_id"), WaitingEntry.registration_id, WaitingEntry.group_id,
                   WaitingEntry.student_id, _PLACE.label("place"), WaitingEntry.status, WaitingEntry.reason_code,
                   WaitingEntry.reason_params),
            (WaitingEntry.id,), WaitingEntry.student_id,
        ),
        Publication(
            schema.payments,
            select(Payment.id.label("payment_id"), Payment.student_id, Payment.amount, Payment.status, Payment.due_on,
                   Payment.course_id),
            (Payment.id,), Payment.student_id,
        ),
    )
}

# Tables whose rows belong to one student: a one-student run refreshes these for the student.
STUDENT_TABLES = ("portal_students", "portal_student_programmes", "portal_access_grants", "portal_enrollments",
                  "portal_token_balances", "portal_token_requests", "portal_payments", "portal_seat_share_students",
                  "portal_round_students", "portal_round_starts", "portal_exchange_wishes", "portal_waiting_entries")

# Rows published whole with a record (a registration's offered courses, a share's list, a round's list and its
# students' own starts, an exchange wish's groups), those the desk no longer has removed with them: the kind of queued
# record, the portal table, and the desk column naming the record (the portal's column of the same name names it there).
WHOLE = (
    ("registration", "portal_registration_courses", RegistrationCourse.registration_id),
    ("seat_share", "portal_seat_share_students", SeatShareStudent.share_id),
    ("round", "portal_round_students", RoundStudent.round_id),
    ("round", "portal_round_starts", RoundStart.round_id),
    ("exchange_wish", "portal_exchange_wish_targets", ExchangeTarget.wish_id),
)


def _whole_marker(table_name: str) -> str:
    return "@" + table_name.removeprefix("portal_") + "_of"


# Keys that stand for every portal row of some records, so that rows the desk no longer has go too: the marker, and
# the portal column naming the record.
WHOLE_OF = {_whole_marker(name): PUBLICATIONS[name].table.c[owner.name] for _kind, name, owner in WHOLE}


# --- from queued changes to portal keys ----------------------------------------------------------


def keys_for_changes(session: Session, changes: Iterable[tuple[str, int]]) -> dict[str, set[Key]]:
    """The portal rows that queued changes (entity, id) touch, by portal table."""
    by_entity: dict[str, set[int]] = defaultdict(set)
    for entity, entity_id in changes:
        by_entity[entity].add(entity_id)
    keys: dict[str, set[Key]] = defaultdict(set)

    def simple(entity: str, table: str) -> None:
        for entity_id in by_entity.get(entity, ()):
            keys[table].add((entity_id,))

    simple("person", "portal_persons")
    simple("login_account", "portal_logins")
    simple("student", "portal_students")
    simple("student_programme", "portal_student_programmes")
    simple("token_type", "portal_token_types")
    simple("registration", "portal_registrations")
    simple("round", "portal_rounds")
    simple("access_rule", "portal_access_rules")
    simple("access_grant", "portal_access_grants")
    simple("class_group", "portal_class_groups")
    simple("enrollment", "portal_enrollments")
    simple("token_request", "portal_token_requests")
    simple("payment", "portal_payments")
    simple("seat_share", "portal_seat_shares")
    simple("exchange_wish", "portal_exchange_wishes")
    simple("waiting_entry", "portal_waiting_entries")
    # A registration's offered courses, a share's list, a round's list and starts: the rows the desk has, and a marker
    # for those the portal holds (removed when the desk no longer has them).
    for kind, name, owner in WHOLE:
        key_columns = PUBLICATIONS[name].key_columns
        for ids in _chunks(by_entity.get(kind, ())):
            keys[name].update(tuple(key) for key in session.execute(select(*key_columns).where(owner.in_(ids))))
            keys.setdefault(_whole_marker(name), set()).update((i,) for i in ids)
    # An enrollment changes its group's count; a ledger entry changes a balance.
    for ids in _chunks(by_entity.get("enrollment", ())):
        for (group_id,) in session.execute(select(Enrollment.group_id).where(Enrollment.id.in_(ids)).distinct()):
            keys["portal_class_groups"].add((group_id,))
    # A course's or a term's code and name are carried by its class groups (a term's by its registrations too).
    for ids in _chunks(by_entity.get("course", ())):
        for (group_id,) in session.execute(select(ClassGroup.id).where(ClassGroup.course_id.in_(ids))):
            keys["portal_class_groups"].add((group_id,))
    for ids in _chunks(by_entity.get("term", ())):
        for (group_id,) in session.execute(select(ClassGroup.id).where(ClassGroup.term_id.in_(ids))):
            keys["portal_class_groups"].add((group_id,))
        for (registration_id,) in session.execute(select(Registration.id).where(Registration.term_id.in_(ids))):
            keys["portal_registrations"].add((registration_id,))
    # A waiting entry's change moves the places of the others on its list.
    for ids in _chunks(by_entity.get("waiting_entry", ())):
        for (entry_id,) in session.execute(select(WaitingEntry.id).where(_lists_of(ids))):
            keys["portal_waiting_entries"].add((entry_id,))
    for ids in _chunks(by_entity.get("token_entry", ())):
        for pair in session.execute(
            select(TokenEntry.student_id, TokenEntry.token_type_id).where(TokenEntry.id.in_(ids)).distinct()
        ):
            keys["portal_token_balances"].add(tuple(pair))
    # A group's shares go out with the group, so that the portal reads its count and their takers as of one moment
    # (an enrollment's share among them); a round's with the round, whose start they may wait for.
    for ids in _chunks(k[0] for k in keys.get("portal_class_groups", ())):
        for (share_id,) in session.execute(select(SeatShare.id).where(SeatShare.group_id.in_(ids))):
            keys["portal_seat_shares"].add((share_id,))
    for ids in _chunks(by_entity.get("round", ())):
        for (share_id,) in session.execute(select(SeatShare.id).where(SeatShare.release_round_id.in_(ids))):
            keys["portal_seat_shares"].add((share_id,))
    return keys


def _chunks(values: Iterable[int]) -> Iterable[list[int]]:
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


# --- a batch of the queue, read by the database itself ----------------------------------------------

# Queued entity -> the portal table whose key is the entity's id.
# The kind of queued record, the portal table its rows go to. "student" is also everything of one
# student (see desk.sync); "student_record" is only the student's own row, for records queued by the
# hundred thousand (an import) whose other rows are queued by kind as well.
DIRECT = {
    "person": "portal_persons", "login_account": "portal_logins", "student": "portal_students",
    "student_record": "portal_students",
    "student_programme": "portal_student_programmes", "token_type": "portal_token_types",
    "registration": "portal_registrations", "round": "portal_rounds", "access_rule": "portal_access_rules",
    "access_grant": "portal_access_grants", "class_group": "portal_class_groups", "enrollment": "portal_enrollments",
    "token_request": "portal_token_requests", "payment": "portal_payments", "seat_share": "portal_seat_shares",
    "exchange_wish": "portal_exchange_wishes", "waiting_entry": "portal_waiting_entries",
}


def publish_batch(desk: Session, portal: Session, first: int, last: int, requested: dict[str, set[int]],
                  desk_schema: str | None | bool = False, distinct: dict[str, int] | None = None) -> Changed:
    """Publish the records a batch of queued entries names, as they are now.

    The batch is the queue's entries with ids from ``first`` to ``last``; ``requested`` maps each
    kind of record in it to the ids it names. The records are selected by joining the queue
    itself, so the database reads them in one pass instead of through long lists of ids. Where the
    portal's connection can read the desk's tables (``desk_schema``: a schema name, or None for
    the same database), each table is one INSERT … SELECT … ON CONFLICT inside the database (and
    the rows published whole with a record that the desk no longer has, one DELETE), so the sets of
    ``requested`` may be left empty;
    ``distinct``, how many different records of each kind the queue names from ``first`` to
    ``last`` (all its entries, sent or not), spares looking for deleted records where every one of
    them was found and written.
    """
    changed = Changed()
    if not requested:
        return changed

    both_postgresql = desk.get_bind().dialect.name == portal.get_bind().dialect.name == "postgresql"

    def queued(entity: str):
        return select(OutboxEntry.entity_id).where(
            OutboxEntry.id >= first, OutboxEntry.id <= last, OutboxEntry.entity == entity)

    def write(publication: Publication, condition, expected: set[Key] | None = None, entity: str | None = None) -> None:
        if desk_schema is False and both_postgresql:
            keys = copy_between(desk, portal, publication, condition)
            changed.written += len(keys)
            gone = expected - keys if expected else set()
        elif desk_schema is False:
            rows = publication.rows(desk, condition)
            upsert(portal, publication.table, list(rows.values()))
            changed.written += len(rows)
            gone = expected - rows.keys() if expected else set()
        else:
            written = copy_inside(portal, publication, condition, desk_schema)
            changed.written += written
            if entity is None:
                gone = expected - set(publication.rows(desk, condition)) if expected else set()
            elif _all_written(publication, entity, written, distinct):
                gone = set()
            else:  # records deleted at the desk since they were queued
                gone = {(i,) for i in gone_inside(portal, publication, queued(entity), desk_schema)}
        if gone:
            changed.removed += remove(portal, publication.table, gone)

    # An enrollment changes its group's count: those groups go out too.
    counted = select(Enrollment.group_id).where(Enrollment.id.in_(queued("enrollment")))
    # A group's shares go out with the group (its count and their takers as of one moment), a round's with the round
    # (the start they may wait for).
    sharing = [condition for kind, condition in (
        ("class_group", SeatShare.group_id.in_(queued("class_group"))), ("enrollment", SeatShare.group_id.in_(counted)),
        ("round", SeatShare.release_round_id.in_(queued("round")))) if kind in requested]
    for entity, table_name in DIRECT.items():
        if entity in requested:
            publication = PUBLICATIONS[table_name]
            condition = publication.key_columns[0].in_(queued(entity))
            if entity == "class_group" and "enrollment" in requested:  # both kinds of group in one statement
                condition = ClassGroup.id.in_(union(queued(entity), counted))
            elif entity == "seat_share" and sharing:  # and every kind of share
                condition = or_(condition, *sharing)
            elif entity == "waiting_entry":  # and everyone still waiting on their lists, whose places they move
                condition = or_(condition, _lists_of(queued(entity)))
            write(publication, condition, {(i,) for i in requested[entity]}, entity)
    if sharing and "seat_share" not in requested:
        write(PUBLICATIONS["portal_seat_shares"], or_(*sharing))
    if "enrollment" in requested and "class_group" not in requested:
        write(PUBLICATIONS["portal_class_groups"], ClassGroup.id.in_(counted))
    if "course" in requested:  # the groups carry the course's code and name
        write(PUBLICATIONS["portal_class_groups"], ClassGroup.course_id.in_(queued("course")))
    if "term" in requested:  # the groups and the registrations carry the term's code
        write(PUBLICATIONS["portal_class_groups"], ClassGroup.term_id.in_(queued("term")))
        write(PUBLICATIONS["portal_registrations"], Registration.term_id.in_(queued("term")))
    if "token_entry" in requested:  # a ledger entry changes a balance
        pairs = select(TokenEntry.student_id, TokenEntry.token_type_id).where(TokenEntry.id.in_(queued("token_entry")))
        write(PUBLICATIONS["portal_token_balances"], tuple_(TokenEntry.student_id, TokenEntry.token_type_id).in_(pairs))
    # A registration's offered courses, a share's list, a round's list and starts: rows published whole with their
    # record (thousands for a round), copied in bulk, and those the desk no longer has removed.
    for kind, name, owner in WHOLE:
        if kind not in requested:
            continue
        publication = PUBLICATIONS[name]
        if desk_schema is False:
            held = publication.table.c[owner.name]
            for ids in _chunks(requested[kind]):
                write(publication, owner.in_(ids), portal_keys(portal, publication.table, held.in_(ids)))
        else:
            write(publication, owner.in_(queued(kind)))
            changed.removed += gone_whole_inside(portal, publication, owner.name, queued(kind), desk_schema)
    return changed


def _all_written(publication: Publication, entity: str, written: int, distinct: dict[str, int] | None) -> bool:
    """Whether a row was written for every record of this kind the span names: then none is gone.

    Groups are written for changed enrollments too, shares for changed groups, enrollments and rounds, and waiting
    entries for the others on their lists, so their count says nothing of the kind.
    """
    key = publication.key_columns[0]
    return (distinct is not None and written == distinct.get(entity)
            and key is not ClassGroup.id and key is not SeatShare.id and key is not WaitingEntry.id)


_MAIN = MetaData()


def copy_inside(portal: Session, publication: Publication, condition, desk_schema: str | None) -> int:
    """Upsert the desk's rows into the portal table with one statement run by the database; how many."""
    table = publication.table
    query = publication.query.where(condition)
    dialect = portal.get_bind().dialect.name
    options = {}
    if desk_schema:  # SQLite: the desk is attached; the portal's own tables are "main"
        table = _main(table)
        options["schema_translate_map"] = {None: desk_schema}
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    names = [c.name for c in query.selected_columns]
    key = [c.name for c in table.primary_key.columns]
    statement = insert(table).from_select(names, query)
    others = [n for n in names if n not in key]
    statement = statement.on_conflict_do_update(index_elements=key, set_={n: statement.excluded[n] for n in others}) \
        if others else statement.on_conflict_do_nothing(index_elements=key)
    if dialect == "postgresql":
        # The portal keeps UTC without a zone: convert the desk's instants in UTC, whatever the session's zone.
        portal.execute(text("SET LOCAL TimeZone = 'UTC'"))
    return portal.execute(statement, execution_options=options).rowcount or 0


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def copy_between(desk: Session, portal: Session, publication: Publication, condition) -> set[Key]:
    """Upsert the desk's rows into a portal in another PostgreSQL database; the keys of the rows written.

    The rows stream from a COPY out of the desk into a COPY into a temporary table at the portal,
    as text that Python never decodes, and one INSERT … SELECT … ON CONFLICT applies them. The
    desk's instants are written out in UTC, which the portal keeps without a zone.
    """
    table = publication.table
    query = publication.query.where(condition)
    names = [c.name for c in query.selected_columns]
    key = [c.name for c in table.primary_key.columns]
    source = desk.connection()
    # Rendered with its values in place, for a statement without parameters: "%%" is "%" then.
    select_sql = str(query.compile(dialect=source.dialect, compile_kwargs={"literal_binds": True})).replace("%%", "%")
    listed = ", ".join(_quoted(n) for n in names)
    keys = ", ".join(_quoted(n) for n in key)
    others = [n for n in names if n not in key]
    on_conflict = ("DO UPDATE SET " + ", ".join(f"{_quoted(n)} = EXCLUDED.{_quoted(n)}" for n in others)
                   if others else "DO NOTHING")
    incoming = _quoted(f"desk_incoming_{table.name}")
    target = _quoted(table.name)
    reader = source.connection.dbapi_connection
    writer = portal.connection().connection.dbapi_connection
    with reader.cursor() as out_cursor, writer.cursor() as in_cursor:
        out_cursor.execute("SET LOCAL TimeZone = 'UTC'")
        in_cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {incoming} (LIKE {target}) ON COMMIT DELETE ROWS")
        in_cursor.execute(f"TRUNCATE {incoming}")
        with out_cursor.copy(f"COPY ({select_sql}) TO STDOUT") as rows_out, \
                in_cursor.copy(f"COPY {incoming} ({listed}) FROM STDIN") as rows_in:
            for data in rows_out:
                rows_in.write(data)
        in_cursor.execute(f"INSERT INTO {target} ({listed}) SELECT {listed} FROM {incoming} ON CONFLICT ({keys}) {on_conflict}")
        in_cursor.execute(f"SELECT {keys} FROM {incoming}")
        return {tuple(row) for row in in_cursor.fetchall()}


def _main(table: Table) -> Table:
    copied = _MAIN.tables.get(f"main.{table.name}")
    return copied if copied is not None else table.to_metadata(_MAIN, schema="main")


def gone_whole_inside(portal: Session, publication: Publication, owner: str, owners, desk_schema: str | None) -> int:
    """Remove the portal's rows of some records (its column ``owner`` in the select ``owners``) that the desk's query
    no longer makes, with one DELETE run by the database; how many.

    Where the portal reads the desk, a record's rows published whole never pass through Python to find those gone.
    """
    table = _main(publication.table) if desk_schema else publication.table
    same_key = [desk_column == table.c[name] for desk_column, name in zip(publication.key_columns, publication.key_names)]
    statement = delete(table).where(table.c[owner].in_(owners), ~publication.query.where(*same_key).exists())
    options = {"schema_translate_map": {None: desk_schema}} if desk_schema else {}
    return portal.execute(statement, execution_options=options).rowcount or 0


def gone_inside(portal: Session, publication: Publication, queued, desk_schema: str | None) -> list[int]:
    """Of the ids a batch queued, those the desk no longer has (its query finds no row for them)."""
    key = publication.key_columns[0]
    # NOT EXISTS: a lookup by key for each queued id (NOT IN would read every key of the table).
    statement = queued.where(~exists().where(key == queued.selected_columns[0]))
    options = {"schema_translate_map": {None: desk_schema}} if desk_schema else {}
    return list(portal.execute(statement, execution_options=options).scalars())


# --- writing to the portal -----------------------------------------------------------------------


def upsert(portal: Session, table: Table, rows: Sequence[dict]) -> None:
    """Insert rows, or update them where their key is already there."""
    if not rows:
        return
    dialect = portal.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    key = [c.name for c in table.primary_key.columns]
    others = [c.name for c in table.columns if c.name not in key]
    statement = insert(table)
    if others:
        statement = statement.on_conflict_do_update(index_elements=key, set_={c: statement.excluded[c] for c in others})
    else:
        statement = statement.on_conflict_do_nothing(index_elements=key)
    for start in range(0, len(rows), 2000):
        portal.execute(statement, list(rows[start:start + 2000]))


def remove(portal: Session, table: Table, keys: Iterable[Key]) -> int:
    keys = list(keys)
    columns = list(table.primary_key.columns)
    removed = 0
    for start in range(0, len(keys), CHUNK):
        part = keys[start:start + CHUNK]
        if len(columns) == 1:
            condition = columns[0].in_([k[0] for k in part])
        else:
            condition = tuple_(*columns).in_(part)
        removed += portal.execute(delete(table).where(condition)).rowcount or 0
    return removed


def portal_keys(portal: Session, table: Table, condition=None) -> set[Key]:
    columns = list(table.primary_key.columns)
    query = select(*columns)
    if condition is not None:
        query = query.where(condition)
    return {tuple(row) for row in portal.execute(query)}


@dataclass
class Changed:
    written: int = 0
    removed: int = 0


def publish_keys(desk: Session, portal: Session, keys: dict[str, set[Key]]) -> Changed:
    """Write the desk's current rows for these keys to the portal; remove those the desk no longer has."""
    changed = Changed()
    for marker, column in WHOLE_OF.items():
        # A registration's offered courses, a share's list: rows the desk no longer has go too.
        for ids in _chunks(k[0] for k in keys.pop(marker, ())):
            keys.setdefault(column.table.name, set()).update(portal_keys(portal, column.table, column.in_(ids)))
    for name, table_keys in keys.items():
        if not table_keys:
            continue
        publication = PUBLICATIONS[name]
        rows = publication.rows_for_keys(desk, table_keys)
        upsert(portal, publication.table, list(rows.values()))
        changed.written += len(rows)
        changed.removed += remove(portal, publication.table, table_keys - rows.keys())
    return changed


def student_keys(desk: Session, portal: Session, student_id: int) -> dict[str, set[Key]]:
    """Every portal row of one student, on either side: what a one-student run refreshes."""
    keys: dict[str, set[Key]] = defaultdict(set)
    for name in STUDENT_TABLES:
        publication = PUBLICATIONS[name]
        table = publication.table
        keys[name] |= set(publication.rows_for_students(desk, [student_id]))
        keys[name] |= portal_keys(portal, table, table.c.student_id == student_id)
    person_id = desk.scalar(select(Student.person_id).where(Student.id == student_id))
    if person_id is not None:
        keys["portal_persons"].add((person_id,))
        desk_logins = {(i,) for i in desk.scalars(select(LoginAccount.id).where(LoginAccount.person_id == person_id))}
        keys["portal_logins"] |= desk_logins | portal_keys(portal, schema.logins, schema.logins.c.person_id == person_id)
    groups = {(g,) for g in desk.scalars(
        select(Enrollment.group_id).where(Enrollment.student_id == student_id).distinct())}
    keys["portal_class_groups"] |= groups
    # The shares of those groups go with them (their takers as of the groups' counts).
    keys["portal_seat_shares"] |= {(s,) for s in desk.scalars(
        select(SeatShare.id).where(SeatShare.group_id.in_(select(Enrollment.group_id).where(
            Enrollment.student_id == student_id))))}
    # The groups each of their exchange wishes names, whole (those the desk no longer has go).
    wishes = {k[0] for k in keys["portal_exchange_wishes"]}
    targets = PUBLICATIONS["portal_exchange_wish_targets"]
    for ids in _chunks(wishes):
        named = desk.execute(select(*targets.key_columns).where(ExchangeTarget.wish_id.in_(ids)))
        keys[targets.name] |= {tuple(k) for k in named}
        keys[_whole_marker(targets.name)] |= {(i,) for i in ids}
    return keys


@dataclass(frozen=True)
class TableRepair:
    table: str
    added: int
    changed: int
    removed: int


def differences(desk: Session, portal: Session, publication: Publication) -> tuple[list[dict], list[dict], set[Key]]:
    """Rows the portal lacks, rows it holds differently, and keys it holds that the desk no longer has."""
    desk_rows = publication.rows(desk)
    portal_rows = {}
    for mapping in portal.execute(select(publication.table)).mappings():
        row = {k: plain(v) for k, v in mapping.items()}
        portal_rows[tuple(row[k] for k in publication.key_names)] = row
    missing = [row for key, row in desk_rows.items() if key not in portal_rows]
    different = [row for key, row in desk_rows.items() if key in portal_rows and portal_rows[key] != row]
    return missing, different, portal_rows.keys() - desk_rows.keys()


def compare_and_repair(desk: Session, portal: Session, publication: Publication) -> TableRepair:
    """A full run's step for one table: make the portal's rows equal the desk's, and count what differed."""
    missing, different, extra = differences(desk, portal, publication)
    upsert(portal, publication.table, missing + different)
    remove(portal, publication.table, extra)
    return TableRepair(publication.name, len(missing), len(different), len(extra))
