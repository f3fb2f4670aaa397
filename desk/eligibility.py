""""Why can't this student register for X?": each condition of DOMAIN rule 2 checked in turn, the first failure named.

The verdict is the rulebook's (``desk.rules.explain``), on the same facts the services gather, so
the explanation cannot answer "admitted" where registering would be refused; this module words
each condition and says how to fix it. Only the login and the portal's copy are checked here
alone: they are about reaching the portal, which the services never see.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk import outbox, rule_facts, rules
from desk.access import RULE_STATUSES, AccessFacts, ProgrammeFact, access_facts
from desk.clock import as_utc, format_local
from desk.db import Database
from desk.errors import NotFound
from desk.i18n import translate
from desk.labels import group_label
from desk.messages import Words, gender_of, in_form
from desk.refusals import describe, fix
from desk.model import (
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentStatus,
    LoginAccount,
    Person,
    ProgrammeStatus,
    Registration,
    RegistrationCourse,
    Round,
    Student,
)
from desk.registrations import RegistrationLine, current_term_ids, list_registrations
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork


class Outcome(enum.StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NOTE = "note"  # worth knowing, does not stop the student (a round still to open, a payment due)
    UNKNOWN = "unknown"  # cannot be told yet
    NOT_APPLICABLE = "not_applicable"


class Condition(enum.StrEnum):
    ROUND = "round"
    RULE_OR_GRANT = "rule_or_grant"
    REVOCATION = "revocation"
    PROGRAMME_STATUS = "programme_status"
    LOGIN = "login"
    PORTAL = "portal"
    OFFERED = "offered"
    SAME_SLOT = "same_slot"
    TIMETABLE = "timetable"
    SELECTION_LIMIT = "selection_limit"
    PLACES = "places"
    TOKENS = "tokens"


@dataclass(frozen=True)
class Check:
    condition: Condition
    outcome: Outcome
    detail: str
    fix: str = ""
    refusal: rules.Refusal | None = None  # the rulebook's refusal this condition shows, when it failed


@dataclass(frozen=True)
class Explanation:
    student_id: int
    student_number: str
    student_name: str
    registration_id: int
    registration_code: str
    registration_name: str
    target: str  # the course or group asked about, or ""
    checks: tuple[Check, ...]
    refusals: tuple[rules.Refusal, ...] = ()  # the rulebook's verdict: what registering now would be refused with
    gender: str | None = None  # the student's grammatical gender (PESEL), for the Polish words about them

    @property
    def first_failure(self) -> Check | None:
        return next((c for c in self.checks if c.outcome is Outcome.FAILED), None)

    @property
    def admitted(self) -> bool:
        return self.first_failure is None

    @property
    def summary(self) -> str:
        failure = self.first_failure
        if failure is None:
            waiting = next((c for c in self.checks if c.condition is Condition.ROUND and c.outcome is Outcome.NOTE), None)
            if waiting is not None:
                return translate("Eligibility", "Admitted. %1").replace("%1", waiting.detail)
            return in_form("Eligibility", ADMITTED, self.gender)
        text = translate("Eligibility", "Cannot register: %1").replace("%1", failure.detail)
        return f"{text} {failure.fix}".strip()


ADMITTED = QT_TRANSLATE_NOOP("Eligibility", "Admitted: nothing stops this student from registering.")
_FEMALE = (Words.translate("Eligibility", "Admitted: nothing stops this student from registering.", "female"),)


def condition_label(condition: Condition) -> str:
    return {
        Condition.ROUND: translate("Eligibility", "Round open"),
        Condition.RULE_OR_GRANT: translate("Eligibility", "Rule or individual grant"),
        Condition.REVOCATION: translate("Eligibility", "No revocation"),
        Condition.PROGRAMME_STATUS: translate("Eligibility", "Programme status"),
        Condition.LOGIN: translate("Eligibility", "Login linked"),
        Condition.PORTAL: translate("Eligibility", "Data on the portal"),
        Condition.OFFERED: translate("Eligibility", "Offered in the registration"),
        Condition.SAME_SLOT: translate("Eligibility", "Not already in a group of this course and class type"),
        Condition.TIMETABLE: translate("Eligibility", "No timetable clash"),
        Condition.SELECTION_LIMIT: translate("Eligibility", "Selection limit"),
        Condition.PLACES: translate("Eligibility", "Places left"),
        Condition.TOKENS: translate("Eligibility", "Tokens or payment"),
    }[condition]


def _round_check(session: Session, registration: Registration, now: datetime) -> Check:
    rounds = list(session.scalars(select(Round).where(Round.registration_id == registration.id).order_by(Round.starts_at)))
    if not rounds:
        return Check(Condition.ROUND, Outcome.FAILED, translate("Eligibility", "The registration has no rounds."),
                     translate("Eligibility", "Add a round in the registration calendar."))
    for row in rounds:
        if as_utc(row.starts_at) <= now < as_utc(row.ends_at):
            return Check(Condition.ROUND, Outcome.PASSED,
                         translate("Eligibility", "Round \u201c%1\u201d is open until %2.").replace("%1", row.name)
                         .replace("%2", format_local(row.ends_at)))
    coming = [row for row in rounds if as_utc(row.starts_at) > now]
    if coming:
        row = coming[0]
        return Check(Condition.ROUND, Outcome.NOTE,
                     translate("Eligibility", "Round \u201c%1\u201d opens on %2.").replace("%1", row.name)
                     .replace("%2", format_local(row.starts_at)))
    last = rounds[-1]
    return Check(Condition.ROUND, Outcome.FAILED,
                 translate("Eligibility", "All rounds have ended; the last closed on %1.").replace("%1", format_local(last.ends_at)),
                 translate("Eligibility", "Extend the last round or add a new one in the registration calendar."))


def programme_status_label(status: ProgrammeStatus) -> str:
    return {
        ProgrammeStatus.ACTIVE: translate("Labels", "active"),
        ProgrammeStatus.ON_LEAVE: translate("Labels", "on leave"),
        ProgrammeStatus.SUSPENDED: translate("Labels", "suspended"),
        ProgrammeStatus.REMOVED: translate("Labels", "removed"),
        ProgrammeStatus.GRADUATED: translate("Labels", "graduated"),
    }[status]


def _status_text(fact: ProgrammeFact) -> str:
    status = programme_status_label(fact.status)
    if fact.status_since and fact.status_until:
        return (translate("Eligibility", "%1 since %2 until %3").replace("%1", status)
                .replace("%2", fact.status_since.isoformat()).replace("%3", fact.status_until.isoformat()))
    if fact.status_since:
        return translate("Eligibility", "%1 since %2").replace("%1", status).replace("%2", fact.status_since.isoformat())
    return status


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rule_check(facts: AccessFacts) -> Check:
    if facts.grant is not None:
        grant = facts.grant
        detail = (
            translate("Eligibility", "Admitted by an individual grant of %1 by %2: %3.")
            .replace("%1", format_local(grant.granted_at))
            .replace("%2", grant.granted_by or translate("Eligibility", "the system"))
            .replace("%3", grant.reason)
        )
        if grant.valid_until:
            detail += " " + translate("Eligibility", "Valid until %1.").replace("%1", format_local(grant.valid_until))
        return Check(Condition.RULE_OR_GRANT, Outcome.PASSED, detail)
    if facts.rule_admits:
        return Check(Condition.RULE_OR_GRANT, Outcome.PASSED, translate("Eligibility", "Admitted by a rule of the registration."))
    if not facts.entitled_only and any(p.status in RULE_STATUSES for p in facts.programmes):
        return Check(Condition.RULE_OR_GRANT, Outcome.PASSED, translate("Eligibility", "The registration is open to every active student."))
    grant_fix = translate("Eligibility", "Grant access individually.")
    inactive = facts.rule_matches_inactive
    if inactive is not None:
        return Check(
            Condition.RULE_OR_GRANT,
            Outcome.FAILED,
            _capitalised(
                translate("Eligibility", "%1 (%2), so no rule admits them.")
                .replace("%1", _status_text(inactive))
                .replace("%2", inactive.code)
            ),
            grant_fix if inactive.status is ProgrammeStatus.ON_LEAVE
            else translate("Eligibility", "Correct the programme status first if it is wrong."),
        )
    if not facts.programmes:
        return Check(Condition.RULE_OR_GRANT, Outcome.FAILED, translate("Eligibility", "The student has no programme."),
                     translate("Eligibility", "Record the student's programme first."))
    studies = ", ".join(f"{p.code} ({p.stage})" for p in facts.programmes)
    return Check(
        Condition.RULE_OR_GRANT,
        Outcome.FAILED,
        translate("Eligibility", "No rule admits their programme %1 and no individual grant stands.").replace("%1", studies),
        translate("Eligibility", "Grant access individually, or add a rule for the programme."),
    )


def _revocation_check(facts: AccessFacts) -> Check:
    revocation = facts.revocation
    if revocation is None:
        return Check(Condition.REVOCATION, Outcome.PASSED, translate("Eligibility", "No revocation stands."))
    return Check(
        Condition.REVOCATION,
        Outcome.FAILED,
        translate("Eligibility", "Access was revoked on %1 by %2: %3.")
        .replace("%1", format_local(revocation.granted_at))
        .replace("%2", revocation.granted_by or translate("Eligibility", "the system"))
        .replace("%3", revocation.reason),
        translate("Eligibility", "Withdraw the revocation, or grant access again."),
    )


def _status_check(facts: AccessFacts) -> Check:
    if facts.status_allows:
        active = next((p for p in facts.programmes if p.status is ProgrammeStatus.ACTIVE), None)
        shown = active or facts.programmes[0]
        return Check(Condition.PROGRAMME_STATUS, Outcome.PASSED, f"{shown.code}: {_status_text(shown)}.")
    if not facts.programmes:
        return Check(Condition.PROGRAMME_STATUS, Outcome.FAILED, translate("Eligibility", "The student has no programme."),
                     translate("Eligibility", "Record the student's programme first."))
    shown = facts.programmes[0]
    return Check(
        Condition.PROGRAMME_STATUS,
        Outcome.FAILED,
        f"{shown.code}: {_status_text(shown)}.",
        translate("Eligibility", "Only active students (and, by an individual grant, students back from leave) take part."),
    )


def _login_check(session: Session, person_id: int) -> Check:
    login = session.scalar(select(LoginAccount.email).where(LoginAccount.person_id == person_id).order_by(LoginAccount.id))
    if login:
        return Check(Condition.LOGIN, Outcome.PASSED, translate("Eligibility", "Logs in as %1.").replace("%1", login))
    return Check(
        Condition.LOGIN,
        Outcome.FAILED,
        translate("Eligibility", "No institutional e-mail is linked, so the portal says they have no account."),
        translate("Eligibility", "Link the login e-mail to the person (Student Service Center)."),
    )


def _portal_check(session: Session, student_id: int) -> Check:
    waiting = outbox.pending_count(session, student_id)
    detail = translate("Eligibility", "Whether this has reached the portal cannot be told yet: the portal sync is not set up.")
    if waiting:
        detail += " " + translate("Eligibility", "%n changes for this student wait to be sent.", None, waiting)
    return Check(Condition.PORTAL, Outcome.UNKNOWN, detail)


def _selection_check(session: Session, student_id: int, registration: Registration, course_id: int | None) -> Check:
    taken = dict(
        session.execute(
            select(ClassGroup.course_id, Course.code)
            .join(Enrollment, Enrollment.group_id == ClassGroup.id)
            .join(Course, Course.id == ClassGroup.course_id)
            .where(
                Enrollment.student_id == student_id,
                Enrollment.registration_id == registration.id,
                Enrollment.status == EnrollmentStatus.ACCEPTED,
            )
        ).all()
    )
    if registration.selection_limit is None:
        return Check(Condition.SELECTION_LIMIT, Outcome.PASSED, translate("Eligibility", "No limit on the number of courses."))
    used = translate("Eligibility", "Registered for %1 of %n courses.", None, registration.selection_limit).replace(
        "%1", str(len(taken)))
    if course_id is not None and course_id in taken:
        return Check(Condition.SELECTION_LIMIT, Outcome.PASSED,
                     used + " " + translate("Eligibility", "Already registered for this course."))
    if len(taken) >= registration.selection_limit:
        return Check(
            Condition.SELECTION_LIMIT,
            Outcome.FAILED,
            used + " " + translate("Eligibility", "Already taken: %1.").replace("%1", ", ".join(sorted(taken.values()))),
            translate("Eligibility", "Unregister from a course first, or move the student between groups."),
        )
    return Check(Condition.SELECTION_LIMIT, Outcome.PASSED, used)


def _place_counts(session: Session, registration: Registration, course_id: int | None) -> tuple[int, int, int]:
    """Groups with a place, free places, and all groups: of the course, or of every course offered."""
    query = select(func.count(), func.sum(ClassGroup.seat_limit - ClassGroup.enrolled_count)).where(
        ClassGroup.term_id == registration.term_id, ClassGroup.enrolled_count < ClassGroup.seat_limit
    )
    total = select(func.count()).where(ClassGroup.term_id == registration.term_id)
    if course_id is not None:
        query = query.where(ClassGroup.course_id == course_id)
        total = total.where(ClassGroup.course_id == course_id)
    else:
        offered = select(RegistrationCourse.course_id).where(RegistrationCourse.registration_id == registration.id)
        query = query.where(ClassGroup.course_id.in_(offered))
        total = total.where(ClassGroup.course_id.in_(offered))
    open_groups, free = session.execute(query).one()
    all_groups = session.scalar(total.select_from(ClassGroup)) or 0
    return open_groups or 0, free or 0, all_groups


def _places_check(group: rules.GroupFacts | None, counts: tuple[int, int, int] | None) -> Check:
    raise_fix = translate("Eligibility", "Raise the group's limit, or enroll over the limit with a reason.")
    if group is not None:
        count, limit = group.enrolled, group.seat_limit
        text = translate("Eligibility", "%1 of %2 places taken.").replace("%1", str(count)).replace("%2", str(limit))
        if count >= limit:
            return Check(Condition.PLACES, Outcome.FAILED, translate("Eligibility", "The group is full:") + " " + text, raise_fix)
        return Check(Condition.PLACES, Outcome.PASSED, text)
    open_groups, free, all_groups = counts
    if not all_groups:
        return Check(Condition.PLACES, Outcome.FAILED, translate("Eligibility", "The registration offers no class groups yet."),
                     translate("Eligibility", "Add the courses it offers in the registration calendar."))
    if not open_groups:
        return Check(
            Condition.PLACES, Outcome.FAILED,
            translate("Eligibility", "All %1 groups are full.").replace("%1", str(all_groups)), raise_fix,
        )
    return Check(
        Condition.PLACES, Outcome.PASSED,
        translate("Eligibility", "%1 of %2 groups have places (%3 free).").replace("%1", str(open_groups))
        .replace("%2", str(all_groups)).replace("%3", str(free or 0)),
    )


def _token_check(tokens: rules.Tokens | None) -> Check:
    if tokens is None:
        return Check(Condition.TOKENS, Outcome.NOT_APPLICABLE, translate("Eligibility", "Not a token registration."))
    if tokens.balance > 0:
        return Check(Condition.TOKENS, Outcome.PASSED,
                     translate("Eligibility", "%n %1 tokens left.", None, tokens.balance).replace("%1", tokens.token_code))
    return Check(
        Condition.TOKENS,
        Outcome.NOTE,
        translate("Eligibility", "No %1 tokens left: registering creates a payment of %2 PLN, which the student must accept first.")
        .replace("%1", tokens.token_code)
        .replace("%2", tokens.price),
        translate("Eligibility", "If an allocation is missing, correct the balance (no later than 7 days before the registration starts)."),
    )


def explain(
    uow: UnitOfWork,
    student_id: int,
    registration_id: int,
    *,
    course_id: int | None = None,
    group_id: int | None = None,
) -> Explanation:
    """Check each condition in DOMAIN rule 2's order and say the first that fails and how to fix it (as at ``uow.now``)."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        now = uow.now
        explanation = _explain(session, student_id, registration_id, course_id=course_id, group_id=group_id, now=now)
        pending = outbox.pending_count(session, student_id)
    checks = tuple(_portal_check_on_portal(uow.db, student_id, registration_id, pending, now) if c.condition is Condition.PORTAL
                   else c for c in explanation.checks)
    return replace(explanation, checks=checks)


def _portal_check_on_portal(db: Database, student_id: int, registration_id: int, pending: int, now: datetime) -> Check:
    """Whether the portal has what the desk decided: read from the portal database itself."""
    from desk.portal.database import open_portal_for
    from desk.portal.student_view import portal_rows, eye_from_rows
    from desk.sync import last_success

    synced = last_success(db)
    if synced is None:
        return Check(Condition.PORTAL, Outcome.UNKNOWN,
                     translate("Eligibility", "The portal has not been synced from this desk yet, so what it shows cannot be told."),
                     translate("Eligibility", "Run a full sync (Sync view)."))
    fix = translate("Eligibility", "Sync this student now (student card, “On the portal”).")
    if pending:
        return Check(Condition.PORTAL, Outcome.FAILED,
                     translate("Eligibility", "Changes for this student wait to be sent to the portal: %1.").replace("%1", str(pending)),
                     fix)
    try:
        portal = open_portal_for(db)
    except Exception as error:  # noqa: BLE001 - the explanation must still answer
        return Check(Condition.PORTAL, Outcome.UNKNOWN,
                     translate("Eligibility", "The portal database cannot be read: %1").replace("%1", str(error)))
    try:
        with portal.read() as session:
            eye = eye_from_rows(portal_rows(session, student_id), student_id, now)
    finally:
        portal.dispose()
    if not eye.has_account:
        return Check(Condition.PORTAL, Outcome.FAILED,
                     translate("Eligibility", "The portal has no account for this student: they see “logged in, but no account”."),
                     fix)
    seen = next((r for r in eye.registrations if r.registration_id == registration_id), None)
    if seen is None or not seen.may_register:
        return Check(Condition.PORTAL, Outcome.FAILED,
                     translate("Eligibility", "The portal does not admit the student to this registration yet."), fix)
    return Check(Condition.PORTAL, Outcome.PASSED,
                 translate("Eligibility", "The portal has the student's data (last sync %1).").replace("%1", format_local(synced)))


def _explain(session: Session, student_id: int, registration_id: int, *, course_id, group_id, now) -> Explanation:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Eligibility", "There is no student with the id %1.").replace("%1", str(student_id)))
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(translate("Eligibility", "There is no registration with the id %1.").replace("%1", str(registration_id)))
    target = ""
    if group_id is not None:
        group = session.get(ClassGroup, group_id)
        if group is None:
            raise NotFound(translate("Eligibility", "That class group no longer exists."))
        course_id = group.course_id
        code = session.scalar(select(Course.code).where(Course.id == course_id))
        target = group_label(code, group.class_type, group.number)
    elif course_id is not None:
        target = session.scalar(select(Course.code).where(Course.id == course_id)) or ""
    person = session.get(Person, student.person_id)
    facts = access_facts(session, student_id, registration, now)
    # The facts the services decide on, and the rulebook's verdict on them.
    group_facts = rule_facts.groups(session, [group_id], now=now)[group_id] if group_id is not None else None
    seeker = rule_facts.seeker(session, student_id, [group_facts]) if group_facts is not None else None
    counts = _place_counts(session, registration, course_id) if group_id is None else None
    tokens = rule_facts.tokens(session, student_id, registration, None)
    refusals = rules.explain(
        rule_facts.registration(session, registration), rule_facts.round_now(session, registration.id, now, student_id),
        rule_facts.admission_of(facts), rule_facts.held_by(session, student_id, registration.term_id),
        group=group_facts, course_id=course_id, places=(counts[0], counts[2]) if counts else None, tokens=tokens,
        seeker=seeker or rules.NOBODY_IN_PARTICULAR,
    )
    gender = gender_of(person.pesel)
    by_condition = {}
    for refusal in refusals:
        by_condition.setdefault(condition_of(refusal.code), refusal)
    checks = tuple(check if check.condition in _PORTAL_SIDE else _ruled(check, by_condition.get(check.condition), gender) for check in (
        _round_check(session, registration, now),
        _rule_check(facts),
        _revocation_check(facts),
        _status_check(facts),
        _login_check(session, student.person_id),
        _portal_check(session, student_id),
        _offered_check(course_id),
        _same_slot_check(group_facts),
        _timetable_check(group_facts, registration),
        _selection_check(session, student_id, registration, course_id),
        _places_check(group_facts, counts),
        _token_check(tokens),
    ))
    return Explanation(
        student_id=student.id,
        student_number=student.student_number,
        student_name=f"{person.first_name} {person.last_name}",
        registration_id=registration.id,
        registration_code=registration.code,
        registration_name=registration.name,
        target=target,
        checks=checks,
        refusals=refusals,
        gender=gender,
    )


# Conditions about reaching the portal, which no service path sees: checked here alone.
_PORTAL_SIDE = (Condition.LOGIN, Condition.PORTAL)

_CONDITION_OF = {
    rules.RefusalCode.NOT_TOKEN_REGISTRATION: Condition.ROUND,
    rules.RefusalCode.TOKEN_REGISTRATION: Condition.ROUND,
    rules.RefusalCode.ROUND_NOT_OPEN: Condition.ROUND,
    rules.RefusalCode.NOT_IN_AUDIENCE: Condition.ROUND,
    rules.RefusalCode.NO_ACCESS: Condition.RULE_OR_GRANT,
    rules.RefusalCode.ACCESS_REVOKED: Condition.REVOCATION,
    rules.RefusalCode.PROGRAMME_STATUS: Condition.PROGRAMME_STATUS,
    rules.RefusalCode.NOT_OFFERED: Condition.OFFERED,
    rules.RefusalCode.GROUP_CLOSED: Condition.OFFERED,
    rules.RefusalCode.SAME_GROUP: Condition.SAME_SLOT,
    rules.RefusalCode.OTHER_COURSE: Condition.OFFERED,
    rules.RefusalCode.OTHER_CLASS_TYPE: Condition.SAME_SLOT,
    rules.RefusalCode.SAME_SLOT: Condition.SAME_SLOT,
    rules.RefusalCode.TIMETABLE_CLASH: Condition.TIMETABLE,
    rules.RefusalCode.SELECTION_LIMIT: Condition.SELECTION_LIMIT,
    rules.RefusalCode.NO_TOKENS: Condition.TOKENS,
    rules.RefusalCode.FULL: Condition.PLACES,
    rules.RefusalCode.DEDICATED: Condition.PLACES,
    rules.RefusalCode.UNREGISTER_NOT_ALLOWED: Condition.ROUND,
    rules.RefusalCode.NOT_ENROLLED: Condition.SAME_SLOT,
    rules.RefusalCode.REGISTRATION_ENDED: Condition.ROUND,
}


def condition_of(code: rules.RefusalCode) -> Condition:
    """The condition of the explanation that shows a refusal of the rulebook."""
    return _CONDITION_OF[code]


def _ruled(check: Check, refusal: rules.Refusal | None, gender: str | None = None) -> Check:
    """The rulebook decides each condition's outcome; the check only words it."""
    if refusal is None:
        return replace(check, outcome=Outcome.PASSED) if check.outcome is Outcome.FAILED else check
    waiting = refusal.code is rules.RefusalCode.ROUND_NOT_OPEN and bool(refusal.params.get("opens_at"))
    worded = check.outcome is (Outcome.NOTE if waiting else Outcome.FAILED)
    return replace(check, outcome=Outcome.NOTE if waiting else Outcome.FAILED, refusal=refusal,
                   detail=check.detail if worded else describe(refusal, gender),
                   fix=(check.fix if worded else "") or fix(refusal, gender))


def _offered_check(course_id: int | None) -> Check:
    if course_id is None:
        return Check(Condition.OFFERED, Outcome.NOT_APPLICABLE, translate("Eligibility", "No course or group asked about."))
    return Check(Condition.OFFERED, Outcome.PASSED, translate("Eligibility", "The registration offers this course."))


def _same_slot_check(group: rules.GroupFacts | None) -> Check:
    # Failed only by the rulebook's refusal (see _ruled), which names the group the student holds.
    if group is None:
        return Check(Condition.SAME_SLOT, Outcome.NOT_APPLICABLE,
                     translate("Eligibility", "Ask about a group to check the groups the student already holds."))
    return Check(Condition.SAME_SLOT, Outcome.PASSED,
                 translate("Eligibility", "Not in another group of this course and class type."))


def _timetable_check(group: rules.GroupFacts | None, registration: Registration) -> Check:
    # Failed only by the rulebook's refusal (see _ruled), which names the group it clashes with and the time.
    if group is None:
        return Check(Condition.TIMETABLE, Outcome.NOT_APPLICABLE,
                     translate("Eligibility", "Ask about a group to check its timetable against the student's groups."))
    if not registration.clash_check:
        return Check(Condition.TIMETABLE, Outcome.NOT_APPLICABLE,
                     translate("Eligibility", "This registration does not check timetable clashes."))
    if not group.slots:
        return Check(Condition.TIMETABLE, Outcome.PASSED,
                     translate("Eligibility", "The group has no timetable: it clashes with nothing."))
    return Check(Condition.TIMETABLE, Outcome.PASSED,
                 translate("Eligibility", "No clash with the groups the student holds in the term."))


@dataclass(frozen=True)
class StudentRegistration:
    """A registration of the current or next term, and whether it admits the student."""

    registration: RegistrationLine
    admitted: bool
    summary: str


def registrations_for_student(uow: UnitOfWork, student_id: int) -> list[StudentRegistration]:
    """What the student card lists: the current and next term's registrations, each with the verdict (at ``uow.now``)."""
    uow.require(Permission.READ_STUDENTS)
    from desk.clock import to_local

    term_ids = current_term_ids(uow.db, today=to_local(uow.now).date())
    result = []
    with uow.read() as session:
        now = uow.now
        lines = [line for term_id in term_ids for line in list_registrations(uow, term_id=term_id)]
        for line in lines:
            explanation = _explain(session, student_id, line.id, course_id=None, group_id=None, now=now)
            # On the card, full groups and a used selection are not about access: show access only.
            failure = next(
                (c for c in explanation.checks
                 if c.outcome is Outcome.FAILED
                 and c.condition not in (Condition.OFFERED, Condition.SAME_SLOT, Condition.TIMETABLE, Condition.PLACES,
                                         Condition.SELECTION_LIMIT)),
                None,
            )
            if failure is not None:
                summary = f"{condition_label(failure.condition)}: {failure.detail}"
            elif explanation.admitted:
                summary = explanation.summary
            else:
                summary = translate("Eligibility", "Admitted, but: %1").replace("%1", explanation.first_failure.detail)
            result.append(StudentRegistration(line, failure is None, summary))
    return result
