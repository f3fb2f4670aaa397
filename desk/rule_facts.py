"""The facts the rulebook decides on, read from the database: one student's or, in bulk, a batch's."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.access import AccessFacts, access_facts
from desk.clock import as_utc
from desk.model import (
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentStatus,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    Round,
    TokenEntry,
    TokenType,
)
from desk.rules import Admission, GroupFacts, Held, RegistrationFacts, RoundFacts, Tokens


def group_fact(group: ClassGroup, course_code: str) -> GroupFacts:
    return GroupFacts(group.id, group.course_id, course_code, group.term_id, str(group.class_type), group.number,
                      group.seat_limit, group.enrolled_count)


def groups(session: Session, group_ids: Iterable[int]) -> dict[int, GroupFacts]:
    """The groups, as they stand now, by id."""
    ids = sorted(set(group_ids))
    if not ids:
        return {}
    return {
        group.id: group_fact(group, code)
        for group, code in session.execute(
            select(ClassGroup, Course.code).join(Course, Course.id == ClassGroup.course_id).where(ClassGroup.id.in_(ids))
        )
    }


def held_query(student_ids: Iterable[int], term_id: int | None):
    """Every standing enrollment of the students (in the term, if given), with its group and course code."""
    query = (
        select(Enrollment, ClassGroup, Course.code)
        .join(ClassGroup, ClassGroup.id == Enrollment.group_id)
        .join(Course, Course.id == ClassGroup.course_id)
        .where(Enrollment.student_id.in_(sorted(set(student_ids))), Enrollment.status == EnrollmentStatus.ACCEPTED)
        .order_by(Enrollment.id)
    )
    if term_id is not None:
        query = query.where(ClassGroup.term_id == term_id)
    return query


def held(session: Session, student_ids: Iterable[int], term_id: int | None) -> dict[int, list[Held]]:
    """The standing enrollments of many students in one query, by student."""
    result: dict[int, list[Held]] = {}
    for enrollment, group, code in session.execute(held_query(student_ids, term_id)):
        result.setdefault(enrollment.student_id, []).append(
            Held(enrollment.id, group_fact(group, code), enrollment.registration_id))
    return result


def held_by(session: Session, student_id: int, term_id: int | None) -> list[Held]:
    return held(session, [student_id], term_id).get(student_id, [])


def registration(session: Session, row: Registration) -> RegistrationFacts:
    offered = frozenset(session.scalars(
        select(RegistrationCourse.course_id).where(RegistrationCourse.registration_id == row.id)))
    return RegistrationFacts(row.id, row.code, row.term_id, offered, row.selection_limit,
                             row.kind is RegistrationKind.TOKEN)


def round_now(session: Session, registration_id: int, now: datetime) -> RoundFacts:
    """The round open at ``now``, else the next one to open, else none."""
    now = as_utc(now)
    rounds = list(session.scalars(select(Round).where(Round.registration_id == registration_id).order_by(Round.starts_at)))
    for row in rounds:
        if as_utc(row.starts_at) <= now < as_utc(row.ends_at):
            return RoundFacts(True, row.name, bool(row.unregister_allowed), id=row.id)
    coming = next((row for row in rounds if as_utc(row.starts_at) > now), None)
    if coming is not None:
        return RoundFacts(False, coming.name, bool(coming.unregister_allowed), as_utc(coming.starts_at).isoformat(),
                          id=coming.id)
    return RoundFacts(False)


def admission_of(facts: AccessFacts) -> Admission:
    return Admission(facts.admitted_by_rule_or_grant, facts.revocation is not None, facts.status_allows)


def admission(session: Session, student_id: int, row: Registration, now: datetime) -> Admission:
    return admission_of(access_facts(session, student_id, row, now))


def tokens(session: Session, student_id: int, row: Registration, payment_accepted: bool | None) -> Tokens | None:
    """The student's balance of the registration's token type (None for a registration without tokens)."""
    if row.kind is not RegistrationKind.TOKEN or row.token_type_id is None:
        return None
    token = session.get(TokenType, row.token_type_id)
    balance = session.scalar(
        select(func.coalesce(func.sum(TokenEntry.amount), 0)).where(
            TokenEntry.student_id == student_id, TokenEntry.token_type_id == token.id)
    ) or 0
    return Tokens(token.code, int(balance), payment_accepted, str(token.semester_price))
