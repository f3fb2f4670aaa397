"""The data model: every thing the back office keeps, as SQLAlchemy 2 declarative classes.

Long because it is the one declaration of every table: kept whole so that a foreign key, a
constraint and the enum it uses are read in one place, in the order the schema depends on them.

Field names follow DOMAIN.md; where USOS has a name for a field it is given in the comment so
data can be exchanged with it. Invariants that the database can hold (unique numbers, limits
that are never negative, foreign keys) are declared here; the append-only ledger and audit
triggers and the search indexes live in the migrations.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    false,
    func,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desk.clock import UTC, now_utc


class UTCDateTime(TypeDecorator):
    """An instant: stored as UTC (naive on SQLite), always returned as an aware UTC datetime."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC instant is stored")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class BinaryText(TypeDecorator):
    """Text compared code point by code point on both databases (the Polish sort key)."""

    impl = String
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(String(self.impl.length, collation="C"))
        return dialect.type_descriptor(String(self.impl.length))


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON}


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored as the value text with a CHECK, not a native PostgreSQL enum: new members are a
    # one-line migration on both databases.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


# --- enumerations --------------------------------------------------------------------------


class UnitKind(enum.StrEnum):
    UNIVERSITY = "university"
    FACULTY = "faculty"
    INSTITUTE = "institute"
    LANGUAGE_CENTRE = "language_centre"
    PE_CENTRE = "pe_centre"
    OTHER = "other"


class Level(enum.StrEnum):
    FIRST_CYCLE = "first_cycle"
    SECOND_CYCLE = "second_cycle"
    LONG_CYCLE = "long_cycle"
    DOCTORAL = "doctoral"


class StudyMode(enum.StrEnum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"


class PersonCategory(enum.StrEnum):
    STUDENT = "student"
    PHD_STUDENT = "phd_student"
    STAFF = "staff"


class ProgrammeStatus(enum.StrEnum):
    ACTIVE = "active"
    ON_LEAVE = "on_leave"
    SUSPENDED = "suspended"
    REMOVED = "removed"
    GRADUATED = "graduated"


class ClassType(enum.StrEnum):
    LECTURE = "lecture"
    CLASS = "class"
    LAB = "lab"
    SEMINAR = "seminar"
    LANGUAGE = "language"
    PE = "pe"


class RegistrationKind(enum.StrEnum):
    DIRECT = "direct"
    TOKEN = "token"


class RoundStatus(enum.StrEnum):
    PREPARING = "preparing"
    ACTIVE = "active"
    CLOSED = "closed"


class AccessDecision(enum.StrEnum):
    GRANT = "grant"
    REVOKE = "revoke"


class EnrollmentSource(enum.StrEnum):
    PORTAL = "portal"
    DESK = "desk"
    TOKEN = "token"
    IMPORT = "import"


class EnrollmentStatus(enum.StrEnum):
    ACCEPTED = "accepted"
    CANCELLED = "cancelled"


class LedgerKind(enum.StrEnum):
    ALLOCATION = "allocation"
    CORRECTION = "correction"
    SPEND = "spend"
    REFUND = "refund"
    EXPIRY = "expiry"


class PaymentStatus(enum.StrEnum):
    DUE = "due"
    PAID = "paid"
    CANCELLED = "cancelled"


class RequestAction(enum.StrEnum):
    REGISTER = "register"
    UNREGISTER = "unregister"


class RequestStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    REFUSED_PERMANENTLY = "refused_permanently"
    WITHDRAWN = "withdrawn"


class WishStatus(enum.StrEnum):
    OPEN = "open"  # waits for the next exchange break
    DONE = "done"  # carried out: the student is in one of the groups wished for
    WITHDRAWN = "withdrawn"  # by the student or a clerk
    VOID = "void"  # the student no longer holds the group the wish leaves


class WaitingStatus(enum.StrEnum):
    WAITING = "waiting"
    ENROLLED = "enrolled"  # a seat freed and it was theirs
    REMOVED = "removed"  # by the student or a clerk


class SyncKind(enum.StrEnum):
    FULL = "full"
    INCREMENTAL = "incremental"
    STUDENT = "student"


class SyncTrigger(enum.StrEnum):
    SCHEDULE = "schedule"
    STAFF = "staff"
    TERMINAL = "terminal"


class SyncResult(enum.StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Role(enum.StrEnum):
    CLERK = "clerk"
    SERVICE_CENTER = "service_center"
    ADMINISTRATOR = "administrator"


# --- organisation and teaching -------------------------------------------------------------


class OrgUnit(Base):
    """Organisational unit (jednostka, JED_ORG_KOD)."""

    __tablename__ = "org_units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # JED_ORG_KOD
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[UnitKind] = mapped_column(_enum(UnitKind, "unit_kind"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)

    parent: Mapped[OrgUnit | None] = relationship(remote_side=[id])


class Term(Base):
    """Term (cykl dydaktyczny): 2026Z winter, 2027L summer."""

    __tablename__ = "terms"
    __table_args__ = (CheckConstraint("ends_on > starts_on", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class Programme(Base):
    """Programme (kierunek, PRG_KOD)."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)  # PRG_KOD
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    level: Mapped[Level] = mapped_column(_enum(Level, "programme_level"))
    mode: Mapped[StudyMode] = mapped_column(_enum(StudyMode, "study_mode"))

    unit: Mapped[OrgUnit] = relationship()


class Course(Base):
    """Course (przedmiot)."""

    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    language: Mapped[str] = mapped_column(String(8), default="pl")

    unit: Mapped[OrgUnit] = relationship()


# --- people -------------------------------------------------------------------------------


class Person(Base):
    """A person: student, PhD student or staff. ``search_name`` and ``sort_key`` are derived."""

    __tablename__ = "persons"
    __table_args__ = (
        Index("ix_persons_sort_key", "sort_key"),
        Index("ix_persons_last_name_folded", "last_name_folded"),
        Index("ix_persons_first_name_folded", "first_name_folded"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    middle_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(150))
    pesel: Mapped[str | None] = mapped_column(String(11), unique=True)
    birth_date: Mapped[date | None] = mapped_column(Date)
    private_email: Mapped[str | None] = mapped_column(String(254))
    category: Mapped[PersonCategory] = mapped_column(_enum(PersonCategory, "person_category"))
    # Folded ("lukasz zolkiewski") for case- and diacritic-insensitive search; see desk.text.
    search_name: Mapped[str] = mapped_column(String(400))
    last_name_folded: Mapped[str] = mapped_column(String(150))
    first_name_folded: Mapped[str] = mapped_column(String(100))
    sort_key: Mapped[str] = mapped_column(BinaryText(600))
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    students: Mapped[list[Student]] = relationship(back_populates="person")
    logins: Mapped[list[LoginAccount]] = relationship(back_populates="person")


class Student(Base):
    """Student record (DZ_STUDENCI) with the student number (INDEKS), given at admission."""

    __tablename__ = "students"
    __table_args__ = (CheckConstraint("student_number <> ''", name="number_given"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    student_number: Mapped[str] = mapped_column(String(20), unique=True)  # INDEKS
    created_at: Mapped[datetime] = mapped_column(default=now_utc)

    person: Mapped[Person] = relationship(back_populates="students")
    programmes: Mapped[list[StudentProgramme]] = relationship(
        back_populates="student", order_by="StudentProgramme.admitted_on"
    )


class StudentSearchRow(Base):
    """What the student lookup reads: one narrow row per student, kept by database triggers
    from students and persons (never written by the application), indexed for substring
    search (FTS5 trigram on SQLite, pg_trgm on PostgreSQL) and for Polish order."""

    __tablename__ = "student_search"
    __table_args__ = (
        Index("ix_student_search_order", "sort_key", "student_number", "student_id"),
        Index("ix_student_search_student_number", "student_number"),
        Index("ix_student_search_last_name_folded", "last_name_folded"),
        Index("ix_student_search_first_name_folded", "first_name_folded"),
    )

    student_id: Mapped[int] = mapped_column(ForeignKey("students.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    student_number: Mapped[str] = mapped_column(String(20))
    search_name: Mapped[str] = mapped_column(String(400))
    first_name_folded: Mapped[str] = mapped_column(String(100))
    last_name_folded: Mapped[str] = mapped_column(String(150))
    sort_key: Mapped[str] = mapped_column(BinaryText(600))


class RegistrationFactsStamp(Base):
    """One row whose number moves whenever a registration, its rounds, offered courses or access rules
    change: kept by database triggers, never written by the application; what a process's copy of
    those facts is checked against (``desk.rule_facts``)."""

    __tablename__ = "registration_facts_stamp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


class StudentNameStart(Base):
    """The first two characters at each start of a name word (first, middle, either part of a
    surname) of a student's folded name: what a one- or two-letter search word is looked up in.
    Kept by database triggers from the search table, never written by the application."""

    __tablename__ = "student_name_starts"
    __table_args__ = (
        Index("ix_student_name_starts_student_id", "student_id"),
        {"sqlite_with_rowid": False},
    )

    word_start: Mapped[str] = mapped_column(BinaryText(2), primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student_search.student_id", ondelete="CASCADE"), primary_key=True)


class StudentProgramme(Base):
    """A student on a programme: stage (etap), status, admission date."""

    __tablename__ = "student_programmes"
    __table_args__ = (
        UniqueConstraint("student_id", "programme_id", name="uq_student_programmes_pair"),
        CheckConstraint("stage >= 1", name="stage_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    stage: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[ProgrammeStatus] = mapped_column(_enum(ProgrammeStatus, "programme_status"))
    status_since: Mapped[date | None] = mapped_column(Date)
    status_until: Mapped[date | None] = mapped_column(Date)  # a leave's planned end, when known
    admitted_on: Mapped[date] = mapped_column(Date)

    student: Mapped[Student] = relationship(back_populates="programmes")
    programme: Mapped[Programme] = relationship()


class LoginTemplate(Base):
    """How the institutional login of a person category is made, e.g. {student_number}@student…"""

    __tablename__ = "login_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[PersonCategory] = mapped_column(
        _enum(PersonCategory, "person_category"), unique=True
    )
    domain: Mapped[str] = mapped_column(String(200))
    template: Mapped[str] = mapped_column(String(200))


class LoginAccount(Base):
    """The institutional e-mail a person logs in with; unique whatever its case."""

    __tablename__ = "login_accounts"
    __table_args__ = (
        Index("uq_login_accounts_email_lower", func.lower(text("email")), unique=True),
        Index("ix_login_accounts_email_folded", "email_folded"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    # Lower case, kept for prefix search by index on both databases.
    email_folded: Mapped[str] = mapped_column(BinaryText(254))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    linked_at: Mapped[datetime | None]
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc)

    person: Mapped[Person | None] = relationship(back_populates="logins")


# --- class groups ---------------------------------------------------------------------------


class ClassGroup(Base):
    """Class group (grupa zajęciowa) with its seat limit (LIMIT_MIEJSC)."""

    __tablename__ = "class_groups"
    __table_args__ = (
        UniqueConstraint("course_id", "term_id", "class_type", "number", name="uq_class_groups_key"),
        CheckConstraint("seat_limit >= 0", name="limit_not_negative"),
        CheckConstraint("lower_limit >= 0", name="lower_limit_not_negative"),
        CheckConstraint("enrolled_count >= 0", name="count_not_negative"),
        CheckConstraint("over_limit_count >= 0", name="overrides_not_negative"),
        # Accepted students never exceed the limit except by recorded clerk overrides.
        CheckConstraint("enrolled_count <= seat_limit + over_limit_count", name="within_limit"),
        # A group that may not reach its lower limit could never run (SQLite: triggers, see migration 0005).
        CheckConstraint("seat_limit >= lower_limit", name="limit_not_below_lower_limit"),
        CheckConstraint("number >= 1", name="number_positive"),
        # Dedicated seats (seat_shares): the seats and the takers of the shares not yet released, kept with the
        # group so that a seat's conditional UPDATE reads them in the row it locks.
        CheckConstraint("reserved_taken >= 0 AND reserved_taken <= reserved_seats", name="reserved_within_shares"),
        # Everyone else's seats: the limit less the dedicated ones (and a clerk's overrides).
        CheckConstraint("enrolled_count - reserved_taken <= seat_limit - reserved_seats + over_limit_count",
                        name="general_within_limit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), index=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id"), index=True)
    class_type: Mapped[ClassType] = mapped_column(_enum(ClassType, "class_type"))
    number: Mapped[int] = mapped_column(Integer)
    seat_limit: Mapped[int] = mapped_column(Integer)  # LIMIT_MIEJSC
    lower_limit: Mapped[int] = mapped_column(Integer, default=0)  # DOLNY_LIMIT_MIEJSC
    enrolled_count: Mapped[int] = mapped_column(Integer, default=0)
    over_limit_count: Mapped[int] = mapped_column(Integer, default=0)
    reserved_seats: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    reserved_taken: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    description: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None]  # closed (its students spread over its siblings): it takes no one, stays visible

    course: Mapped[Course] = relationship()
    term: Mapped[Term] = relationship()
    slots: Mapped[list[TimetableSlot]] = relationship(back_populates="group")
    teachers: Mapped[list[Person]] = relationship(secondary="group_teachers")


class SeatShare(Base):
    """Seats of a class group dedicated to some students: those matching a programme, level, mode and stage (any
    left open), or those on its list. Released at an instant, when a round starts, or by a clerk: its free seats
    then go to everyone."""

    __tablename__ = "seat_shares"
    __table_args__ = (
        CheckConstraint("seats >= 1", name="seats_positive"),
        CheckConstraint("taken >= 0 AND taken <= seats", name="taken_within_seats"),
        CheckConstraint("stage IS NULL OR stage >= 1", name="stage_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("class_groups.id"), index=True)
    seats: Mapped[int] = mapped_column(Integer)
    taken: Mapped[int] = mapped_column(Integer, default=0)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id"))
    level: Mapped[Level | None] = mapped_column(_enum(Level, "programme_level"))
    mode: Mapped[StudyMode | None] = mapped_column(_enum(StudyMode, "study_mode"))
    stage: Mapped[int | None] = mapped_column(Integer)
    listed: Mapped[bool] = mapped_column(Boolean, default=False)  # for the students on its list only
    release_at: Mapped[datetime | None]
    release_round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id"))  # released when the round starts
    released_at: Mapped[datetime | None]  # when its release was carried out (its seats given back to everyone)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))


class SeatShareStudent(Base):
    """A student on a share's list."""

    __tablename__ = "seat_share_students"

    share_id: Mapped[int] = mapped_column(ForeignKey("seat_shares.id"), primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), primary_key=True, index=True)


class GroupTeacher(Base):
    __tablename__ = "group_teachers"

    group_id: Mapped[int] = mapped_column(ForeignKey("class_groups.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True, index=True)


class TimetableSlot(Base):
    __tablename__ = "timetable_slots"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 1 AND 7", name="weekday_valid"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("class_groups.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 1 Monday … 7 Sunday
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    room: Mapped[str | None] = mapped_column(String(40))
    building: Mapped[str | None] = mapped_column(String(100))

    group: Mapped[ClassGroup] = relationship(back_populates="slots")


# --- registrations and access ---------------------------------------------------------------


class TokenType(Base):
    """Token type (żeton): JO language class, WF PE, EJO language exam."""

    __tablename__ = "token_types"
    __table_args__ = (CheckConstraint("semester_price >= 0", name="price_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    semester_price: Mapped[Decimal] = mapped_column(Numeric(10, 2))


class TokenAllocationRule(Base):
    """Tokens given automatically: e.g. JO, 4 tokens to full-time first-cycle students on admission."""

    __tablename__ = "token_allocation_rules"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_type_id: Mapped[int] = mapped_column(ForeignKey("token_types.id"), index=True)
    level: Mapped[Level | None] = mapped_column(_enum(Level, "programme_level"))
    mode: Mapped[StudyMode | None] = mapped_column(_enum(StudyMode, "study_mode"))
    amount: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc)


class Registration(Base):
    """Registration (rejestracja) organised by a unit in a term, direct or by tokens."""

    __tablename__ = "registrations"
    __table_args__ = (
        CheckConstraint("selection_limit IS NULL OR selection_limit >= 1", name="selection_positive"),
        CheckConstraint(
            "(kind = 'token' AND token_type_id IS NOT NULL) OR (kind = 'direct' AND token_type_id IS NULL)",
            name="token_type_iff_token",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id"), index=True)
    kind: Mapped[RegistrationKind] = mapped_column(_enum(RegistrationKind, "registration_kind"))
    token_type_id: Mapped[int | None] = mapped_column(ForeignKey("token_types.id"))
    message: Mapped[str | None] = mapped_column(Text)
    selection_limit: Mapped[int | None] = mapped_column(Integer)  # 1: "only one course"
    entitled_only: Mapped[bool] = mapped_column(Boolean, default=True)
    # Groups whose weekly slots overlap one the student holds in the term are refused (desk.rules).
    clash_check: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    exchanges: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # students swap groups
    waiting_lists: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # full groups keep lists

    unit: Mapped[OrgUnit] = relationship()
    term: Mapped[Term] = relationship()
    token_type: Mapped[TokenType | None] = relationship()
    rounds: Mapped[list[Round]] = relationship(back_populates="registration", order_by="Round.starts_at")
    courses: Mapped[list[Course]] = relationship(secondary="registration_courses")


class RegistrationCourse(Base):
    """A course a registration offers; its groups in the registration's term are offered."""

    __tablename__ = "registration_courses"

    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"), primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), primary_key=True, index=True)


class Round(Base):
    """Round (tura) of a registration; token rounds have micro-rounds and micro-breaks."""

    __tablename__ = "rounds"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("micro_round_minutes IS NULL OR micro_round_minutes > 0", name="micro_round_positive"),
        CheckConstraint("micro_break_minutes IS NULL OR micro_break_minutes > 0", name="micro_break_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    status: Mapped[RoundStatus] = mapped_column(_enum(RoundStatus, "round_status"))
    unregister_allowed: Mapped[bool] = mapped_column(Boolean, default=True)
    micro_round_minutes: Mapped[int | None] = mapped_column(Integer)
    micro_break_minutes: Mapped[int | None] = mapped_column(Integer)
    # Its audience (none set: everyone the registration admits): the students of a programme, level, mode and
    # stage (any left open), or those on its list (round_students).
    audience_programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id"))
    audience_level: Mapped[Level | None] = mapped_column(_enum(Level, "programme_level"))
    audience_mode: Mapped[StudyMode | None] = mapped_column(_enum(StudyMode, "study_mode"))
    audience_stage: Mapped[int | None] = mapped_column(Integer)
    audience_listed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Staggered (set): each student opens it at their own minute (round_starts); one without a minute, at this one,
    # the last turn's.
    last_turn_at: Mapped[datetime | None]

    registration: Mapped[Registration] = relationship(back_populates="rounds")

    @property
    def has_audience(self) -> bool:
        return self.audience_listed or any(v is not None for v in (
            self.audience_programme_id, self.audience_level, self.audience_mode, self.audience_stage))


class RoundStudent(Base):
    """A student on a round's list (its audience)."""

    __tablename__ = "round_students"

    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), primary_key=True, index=True)


class RoundStart(Base):
    """A student's own opening of a staggered round: their turn (by a ranking or their cohort)."""

    __tablename__ = "round_starts"

    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), primary_key=True, index=True)
    starts_at: Mapped[datetime]
    turn: Mapped[int] = mapped_column(Integer)  # 1 the first


class AccessRule(Base):
    """Who a registration admits by rule: any of programme, level, mode, stage may be left open."""

    __tablename__ = "access_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"), index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id"))
    level: Mapped[Level | None] = mapped_column(_enum(Level, "programme_level"))
    mode: Mapped[StudyMode | None] = mapped_column(_enum(StudyMode, "study_mode"))
    stage: Mapped[int | None] = mapped_column(Integer)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc)


class AccessGrant(Base):
    """An individual grant or revocation of access, with its reason and optional expiry."""

    __tablename__ = "access_grants"
    __table_args__ = (Index("ix_access_grants_registration_student", "registration_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"))
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    decision: Mapped[AccessDecision] = mapped_column(_enum(AccessDecision, "access_decision"))
    reason: Mapped[str] = mapped_column(Text)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    granted_at: Mapped[datetime] = mapped_column(default=now_utc)
    valid_until: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))


class Enrollment(Base):
    """A student in a class group, how they got there and whether it stands."""

    __tablename__ = "enrollments"
    __table_args__ = (
        # One standing enrollment per student and group; cancelled ones are history.
        Index(
            "uq_enrollments_accepted",
            "student_id",
            "group_id",
            unique=True,
            sqlite_where=text("status = 'accepted'"),
            postgresql_where=text("status = 'accepted'"),
        ),
        Index("ix_enrollments_group_status", "group_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("class_groups.id"))
    registration_id: Mapped[int | None] = mapped_column(ForeignKey("registrations.id"), index=True)
    source: Mapped[EnrollmentSource] = mapped_column(_enum(EnrollmentSource, "enrollment_source"))
    status: Mapped[EnrollmentStatus] = mapped_column(_enum(EnrollmentStatus, "enrollment_status"))
    over_limit: Mapped[bool] = mapped_column(Boolean, default=False)
    despite_clash: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # a clerk's override
    share_id: Mapped[int | None] = mapped_column(ForeignKey("seat_shares.id"))  # a dedicated seat taken
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    cancelled_at: Mapped[datetime | None]
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    student: Mapped[Student] = relationship()
    group: Mapped[ClassGroup] = relationship()


# --- tokens and payments --------------------------------------------------------------------


class TokenEntry(Base):
    """One change of a student's token balance. Append-only: the balance is the sum."""

    __tablename__ = "token_ledger"
    __table_args__ = (
        Index("ix_token_ledger_student_type", "student_id", "token_type_id"),
        CheckConstraint("amount <> 0", name="amount_not_zero"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    token_type_id: Mapped[int] = mapped_column(ForeignKey("token_types.id"))
    kind: Mapped[LedgerKind] = mapped_column(_enum(LedgerKind, "ledger_kind"))
    amount: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)  # as a clerk typed it; a system's reason: its code (see reason_message)
    reason_message: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # a reason the system gave: code and parameters
    document_ref: Mapped[str | None] = mapped_column(String(100))
    idempotency_key: Mapped[str | None] = mapped_column(String(100), unique=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("token_ledger.id"), index=True)
    token_request_id: Mapped[int | None] = mapped_column(ForeignKey("token_requests.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    chain_hash: Mapped[str | None] = mapped_column(String(64))  # desk.chain: this entry and its predecessor's hash


class TokenRequest(Base):
    """A request from the portal's basket (koszyk): register or unregister."""

    __tablename__ = "token_requests"
    __table_args__ = (
        Index("ix_token_requests_round_status", "round_id", "status", "submitted_at"),
        Index("ix_token_requests_registration_status", "registration_id", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    portal_key: Mapped[str | None] = mapped_column(String(100), unique=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"))
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"))
    group_id: Mapped[int] = mapped_column(ForeignKey("class_groups.id"))
    action: Mapped[RequestAction] = mapped_column(_enum(RequestAction, "request_action"))
    submitted_at: Mapped[datetime]
    payment_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[RequestStatus] = mapped_column(_enum(RequestStatus, "request_status"))
    resolved_at: Mapped[datetime | None]
    resolution_reason: Mapped[str | None] = mapped_column(Text)  # words, as requests resolved before 0007 kept them
    # Why it was resolved (or waits): a message code and its parameters, made into words when shown.
    # The parameters as JSON text, so that the portal receives the same text from either database.
    resolution_code: Mapped[str | None] = mapped_column(String(60))
    resolution_params: Mapped[str | None] = mapped_column(Text)


class ExchangeWish(Base):
    """A student's wish to leave a group they hold for one of its siblings (the same course, term and class type), in
    a registration that allows exchanges; carried out at an exchange break when a seat can be freed for them."""

    __tablename__ = "exchange_wishes"
    __table_args__ = (Index("ix_exchange_wishes_registration_status", "registration_id", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    portal_key: Mapped[str | None] = mapped_column(String(100), unique=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"))
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id"))  # the seat it leaves
    from_group_id: Mapped[int] = mapped_column(ForeignKey("class_groups.id"))
    status: Mapped[WishStatus] = mapped_column(_enum(WishStatus, "wish_status"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))  # None: on the portal
    closed_at: Mapped[datetime | None]
    done_enrollment_id: Mapped[int | None] = mapped_column(ForeignKey("enrollments.id"))  # the seat it got
    # Why it waits (or was closed): a message code and its parameters as JSON text.
    reason_code: Mapped[str | None] = mapped_column(String(60))
    reason_params: Mapped[str | None] = mapped_column(Text)


class WaitingEntry(Base):
    """A student on a full group's waiting list in a registration that keeps lists: when a seat frees, the first on
    the list who may still take it is enrolled in the same transaction."""

    __tablename__ = "waiting_entries"
    __table_args__ = (
        Index("ix_waiting_entries_group_status", "group_id", "status", "position"),
        # One place on a group's list for a student at a time.
        Index("uq_waiting_entries_waiting", "group_id", "student_id", unique=True,
              sqlite_where=text("status = 'waiting'"), postgresql_where=text("status = 'waiting'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    portal_key: Mapped[str | None] = mapped_column(String(100), unique=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"))
    group_id: Mapped[int] = mapped_column(ForeignKey("class_groups.id"))
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # the lower, the earlier
    status: Mapped[WaitingStatus] = mapped_column(_enum(WaitingStatus, "waiting_status"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))  # None: on the portal
    closed_at: Mapped[datetime | None]
    enrollment_id: Mapped[int | None] = mapped_column(ForeignKey("enrollments.id"))
    # Why the student was passed over when a seat freed (or why it closed): a code and its parameters as JSON text.
    reason_code: Mapped[str | None] = mapped_column(String(60))
    reason_params: Mapped[str | None] = mapped_column(Text)


class ExchangeTarget(Base):
    """A group a wish would take, by the student's order of preference (1 first)."""

    __tablename__ = "exchange_wish_targets"

    wish_id: Mapped[int] = mapped_column(ForeignKey("exchange_wishes.id"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("class_groups.id"), primary_key=True)
    preference: Mapped[int] = mapped_column(Integer)


class Payment(Base):
    """A payment due (należność), in PLN."""

    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    token_type_id: Mapped[int | None] = mapped_column(ForeignKey("token_types.id"))
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id"))
    term_id: Mapped[int | None] = mapped_column(ForeignKey("terms.id"))
    token_request_id: Mapped[int | None] = mapped_column(ForeignKey("token_requests.id"), index=True)
    status: Mapped[PaymentStatus] = mapped_column(_enum(PaymentStatus, "payment_status"))
    due_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    cancelled_reason: Mapped[str | None] = mapped_column(Text)


# --- staff, audit, sync ---------------------------------------------------------------------


class StaffUser(Base):
    """A member of staff who signs in to the desk; the password is an argon2id hash."""

    __tablename__ = "staff_users"
    __table_args__ = (
        Index("uq_staff_users_login_lower", func.lower(text("login")), unique=True),
        CheckConstraint("failed_sign_ins >= 0", name="failures_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(100))
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(_enum(Role, "staff_role"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    last_sign_in_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=now_utc)

    units: Mapped[list[OrgUnit]] = relationship(secondary="staff_units")


class StaffUnit(Base):
    """A unit a clerk acts for."""

    __tablename__ = "staff_units"

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), primary_key=True)


class AuditEntry(Base):
    """Who did what to which record, when, before and after, and why. Append-only."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_entity", "entity", "entity_id"),
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_change_set", "change_set_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=now_utc)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), index=True)
    job: Mapped[str | None] = mapped_column(String(20))  # the system job that acted, when no staff member did
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    student_id: Mapped[int | None] = mapped_column(ForeignKey("students.id"), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)  # as a clerk typed it
    reason_message: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # a reason the system gave: code and parameters
    chain_hash: Mapped[str | None] = mapped_column(String(64))  # desk.chain: this entry and its predecessor's hash
    # The entry that heads this one's change set (an import: one entry that opens to its rows); the
    # head points at itself. Outside the chain's recipe: it groups entries, it is not their content.
    change_set_id: Mapped[int | None] = mapped_column(Integer)


class OutboxEntry(Base):
    """A change queued for the portal in the transaction that made it; marked when sent.

    Sent entries are marked rather than tracked by a high-water id: on PostgreSQL ids are
    handed out before commit, so "everything above the last id" could skip a late commit.
    """

    __tablename__ = "sync_outbox"
    __table_args__ = (
        Index(
            "ix_sync_outbox_pending",
            "id",
            sqlite_where=text("sent_at IS NULL"),
            postgresql_where=text("sent_at IS NULL"),
        ),
        Index("ix_sync_outbox_student", "student_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int] = mapped_column(Integer)
    operation: Mapped[str] = mapped_column(String(20))  # upsert, delete
    student_id: Mapped[int | None] = mapped_column(ForeignKey("students.id"))
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    sent_at: Mapped[datetime | None]
    sync_run_id: Mapped[int | None] = mapped_column(ForeignKey("sync_runs.id"))


class SyncRun(Base):
    """One run of the sync to and from the portal."""

    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[SyncKind] = mapped_column(_enum(SyncKind, "sync_kind"))
    trigger: Mapped[SyncTrigger] = mapped_column(_enum(SyncTrigger, "sync_trigger"))
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    student_id: Mapped[int | None] = mapped_column(ForeignKey("students.id"))
    started_at: Mapped[datetime] = mapped_column(default=now_utc)
    finished_at: Mapped[datetime | None]
    sent_count: Mapped[int] = mapped_column(Integer, default=0)
    received_count: Mapped[int] = mapped_column(Integer, default=0)
    conflict_count: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[SyncResult] = mapped_column(_enum(SyncResult, "sync_result"))
    error: Mapped[str | None] = mapped_column(Text)
    # The schedule's instant this run took: unique, so workstations due at once start one run.
    scheduled_for: Mapped[datetime | None] = mapped_column(index=True, unique=True)
    # A running run's last sign of life; one that stops giving them was stopped (see desk.sync.interrupted).
    heartbeat_at: Mapped[datetime | None]


class SyncConflict(Base):
    """A student action from the portal that no longer fits, kept for a clerk to settle."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    sync_run_id: Mapped[int | None] = mapped_column(ForeignKey("sync_runs.id"), index=True)
    student_id: Mapped[int | None] = mapped_column(ForeignKey("students.id"), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Why it did not fit: messages (code and parameters), made into words when shown.
    reasons: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    message: Mapped[str | None] = mapped_column(Text)  # words, of conflicts kept before reasons were codes
    detected_at: Mapped[datetime] = mapped_column(default=now_utc)
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    resolution: Mapped[str | None] = mapped_column(Text)  # the clerk's reason, as typed
    # How it was settled: "enrolled_over_limit" or "dismissed" (NULL: settled before this was kept apart).
    resolution_kind: Mapped[str | None] = mapped_column(String(20))


class PortalInboxEntry(Base):
    """A student action read from the portal, recorded in the transaction that applied it.

    Its key is the portal's action key: an action is applied once, however often a run that was
    interrupted is started again.
    """

    __tablename__ = "portal_inbox"

    action_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    student_id: Mapped[int | None] = mapped_column(ForeignKey("students.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(20))  # applied, conflict, refused
    detail: Mapped[str | None] = mapped_column(Text)
    applied_at: Mapped[datetime] = mapped_column(default=now_utc)
    sync_run_id: Mapped[int | None] = mapped_column(ForeignKey("sync_runs.id"))


class Setting(Base):
    """Institution-wide settings (name, time zone, sync schedule …), one value per key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
