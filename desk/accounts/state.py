"""The state of a login or a person in plain words: what the portal makes of the login, and the fix."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.accounts.addresses import address_problem, malformed_text
from desk.accounts.persons import OUTBOX_ENTITY, PersonFacts, login_by_email, person_facts, person_of_student
from desk.accounts.templates import domain_problem, generate_login, templates_by_category
from desk.clock import DEFAULT_TIME_ZONE, format_local
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import LoginAccount, OutboxEntry, Person, PersonCategory, Setting, StaffUser, Student
from desk.staff import Permission
from desk.students import PersonAction, record_pesel_use
from desk.unit_of_work import UnitOfWork


class AccountState(enum.StrEnum):
    NO_LOGIN = "no_login"
    LOGIN_NOT_LINKED = "login_not_linked"
    WAITING_FOR_PORTAL = "waiting_for_portal"
    ON_PORTAL = "on_portal"


def state_label(state: AccountState) -> str:
    return {
        AccountState.NO_LOGIN: translate("Accounts", "no login"),
        AccountState.LOGIN_NOT_LINKED: translate("Accounts", "login not linked to a person"),
        AccountState.WAITING_FOR_PORTAL: translate("Accounts", "linked, not yet on the portal"),
        AccountState.ON_PORTAL: translate("Accounts", "on the portal"),
    }[state]


PORTAL_MESSAGE = "You are logged in, but you do not have an account in USOSweb"


def portal_message() -> str:
    """What the portal shows a login without a synced person, in the clerk's language."""
    return translate("Accounts", "You are logged in, but you do not have an account in USOSweb")


@dataclass(frozen=True)
class LoginFacts:
    login_id: int
    email: str
    person_id: int | None
    linked_at: datetime | None
    linked_by: str | None
    waiting_since: datetime | None  # the oldest change to this login not yet sent to the portal
    problems: tuple[str, ...]

    @property
    def state(self) -> AccountState:
        if self.person_id is None:
            return AccountState.LOGIN_NOT_LINKED
        return AccountState.WAITING_FOR_PORTAL if self.waiting_since is not None else AccountState.ON_PORTAL


@dataclass(frozen=True)
class AccountReport:
    """The answer to "why can't they log in?" for one login or one person."""

    query: str
    state: AccountState
    words: str  # the state in plain words, for the clerk
    fix: str  # what to do about it ("" when nothing)
    email: str | None  # the login asked about, or the person's login the state is about
    login_id: int | None
    person_id: int | None
    person_name: str | None
    category: PersonCategory | None
    student_id: int | None
    student_numbers: tuple[str, ...]
    waiting_since: datetime | None
    logins: tuple[LoginFacts, ...]  # the person's logins (or the one asked about)
    problems: tuple[str, ...]  # malformed address, domain not matching the category
    expected_domain: str | None
    suggested_email: str | None  # what the template gives, when the person has no login
    unlinked_candidates: tuple[str, ...] = ()  # logins nobody has that look like this student's


def _zone(session: Session) -> str:
    setting = session.get(Setting, "time_zone")
    return setting.value if setting is not None and setting.value else DEFAULT_TIME_ZONE


def _waiting(session: Session, login_ids: list[int]) -> dict[int, datetime]:
    if not login_ids:
        return {}
    return dict(session.execute(
        select(OutboxEntry.entity_id, func.min(OutboxEntry.created_at))
        .where(OutboxEntry.entity == OUTBOX_ENTITY, OutboxEntry.entity_id.in_(login_ids), OutboxEntry.sent_at.is_(None))
        .group_by(OutboxEntry.entity_id)
    ).all())


def _login_facts(session: Session, logins: list[LoginAccount], templates, person: PersonFacts | None) -> list[LoginFacts]:
    waiting = _waiting(session, [login.id for login in logins])
    staff = dict(session.execute(
        select(StaffUser.id, StaffUser.full_name).where(StaffUser.id.in_({l.linked_by_id for l in logins if l.linked_by_id}))
    ).all()) if any(l.linked_by_id for l in logins) else {}
    facts = []
    for login in logins:
        problems = []
        malformed = address_problem(login.email)
        if malformed is not None:
            problems.append(malformed_text(login.email, malformed))
        elif person is not None:
            mismatch = domain_problem(login.email, person.category, templates, person.label)
            if mismatch is not None:
                problems.append(mismatch)
        facts.append(LoginFacts(login.id, login.email, login.person_id, login.linked_at, staff.get(login.linked_by_id),
                                waiting.get(login.id), tuple(problems)))
    return facts


def _candidates(session: Session, person: PersonFacts) -> tuple[str, ...]:
    """Unlinked logins made from the person's student numbers: most likely theirs."""
    if not person.student_numbers:
        return ()
    found = []
    for number in person.student_numbers:
        found.extend(session.scalars(
            select(LoginAccount.email).where(
                LoginAccount.person_id.is_(None), LoginAccount.email_folded >= number + "@",
                LoginAccount.email_folded < number + "@\U0010ffff",
            )
        ))
    return tuple(found)


def _student_for_local_part(session: Session, email: str) -> int | None:
    local = email.split("@")[0].strip()
    if not local.isdigit():
        return None
    return session.scalar(select(Student.person_id).where(Student.student_number == local))


def _report(session: Session, query: str, person: PersonFacts | None, focus: LoginAccount | None,
            logins: list[LoginAccount], *, asked_email: str | None = None) -> AccountReport:
    """The state of the login asked about (``asked_email``, found as ``focus`` or not at all), or
    else of the person's logins."""
    templates = templates_by_category(session)
    zone = _zone(session)
    shown = [focus] if focus is not None and (person is None or focus.person_id != person.person_id) else []
    facts = _login_facts(session, shown + logins, templates, person)
    focus_fact = next((f for f in facts if focus is not None and f.login_id == focus.id), None)
    linked = [f for f in facts if person is not None and f.person_id == person.person_id]
    expected = templates[person.category].domain if person is not None and person.category in templates else None
    who = person.label if person is not None else ""
    suggested = None
    candidates: tuple[str, ...] = ()
    problems: list[str] = []
    if focus_fact is not None:
        problems.extend(focus_fact.problems)
    elif asked_email is not None:
        malformed = address_problem(asked_email)
        if malformed is not None:
            problems.append(malformed_text(asked_email, malformed))
    else:
        for fact in linked:
            problems.extend(fact.problems)

    chosen: LoginFacts | None = None
    if focus_fact is not None and focus_fact.person_id is None:
        state = AccountState.LOGIN_NOT_LINKED
        chosen = focus_fact
        words = (translate("Accounts", "Login not linked to a person: %1 exists, but nobody is linked to it. Whoever logs "
                                       "in with it sees “%2”.").replace("%1", focus_fact.email).replace("%2", portal_message()))
        fix = translate("Accounts", "Link it to the student it belongs to.")
        if person is not None:
            fix = translate("Accounts", "It looks like the login of %1: link it to them.").replace("%1", who)
    elif focus_fact is None and (asked_email is not None or not linked):
        state = AccountState.NO_LOGIN
        if asked_email is not None:
            words = translate("Accounts", "No login: the desk has no login %1.").replace("%1", asked_email)
            if person is not None and linked:
                words += " " + translate("Accounts", "%1 logs in as %2.").replace("%1", who).replace(
                    "%2", ", ".join(f.email for f in linked))
            elif person is not None:
                words += " " + translate("Accounts", "%1 has no linked login either.").replace("%1", who)
        else:
            words = translate("Accounts", "No login: %1 has no institutional e-mail linked, so they cannot log in to "
                                          "the portal.").replace("%1", who)
        if person is not None and not linked:
            candidates = _candidates(session, person)
            try:
                suggested = generate_login(session, person.person_id)
            except DomainError:
                suggested = None
        if candidates:
            fix = translate("Accounts", "The login %1 exists but is not linked: link it to them.").replace("%1", candidates[0])
        elif suggested:
            fix = translate("Accounts", "Link the address the mail system gave them; the template gives %1.").replace("%1", suggested)
        elif person is not None and linked:
            fix = translate("Accounts", "Check which address the student really uses.")
        else:
            fix = translate("Accounts", "Link the address the mail system gave them.")
    else:
        considered = [focus_fact] if focus_fact is not None else linked
        waiting = [f for f in considered if f.waiting_since is not None]
        if waiting:
            chosen = min(waiting, key=lambda f: f.waiting_since)
            state = AccountState.WAITING_FOR_PORTAL
            words = (translate("Accounts", "Linked, but not yet on the portal: %1 is linked to %2, and the change has waited "
                                           "to be sent since %3. Until it is sent, the student sees “%4”.")
                     .replace("%1", chosen.email).replace("%2", who).replace("%3", format_local(chosen.waiting_since, zone))
                     .replace("%4", portal_message()))
            fix = translate("Accounts", "Send it now with the sync for this student, or wait for the next sync.")
        else:
            chosen = considered[0]
            state = AccountState.ON_PORTAL
            words = (translate("Accounts", "On the portal: %1 logs in as %2.").replace("%1", who)
                     .replace("%2", ", ".join(f.email for f in considered)))
            fix = ""
        if problems:
            fix = translate("Accounts", "Check the address with the mail system and link the right one.")
    return AccountReport(
        query=query, state=state, words=words, fix=fix,
        email=chosen.email if chosen is not None else asked_email,
        login_id=chosen.login_id if chosen is not None else None,
        person_id=person.person_id if person else None, person_name=person.name if person else None,
        category=person.category if person else None, student_id=person.student_id if person else None,
        student_numbers=person.student_numbers if person else (),
        waiting_since=chosen.waiting_since if chosen is not None else None,
        logins=tuple(facts), problems=tuple(problems), expected_domain=expected, suggested_email=suggested,
        unlinked_candidates=candidates,
    )


def _person_logins(session: Session, person_id: int) -> list[LoginAccount]:
    return list(session.scalars(select(LoginAccount).where(LoginAccount.person_id == person_id).order_by(LoginAccount.id)))


def account_state(uow: UnitOfWork, query: str = "", *, person_id: int | None = None,
                  student_id: int | None = None) -> AccountReport:
    """The state of a login (by e-mail) or of a person (by student number, PESEL, person or student id).

    By PESEL only for roles with the personal-data right, refused before looking (the refusal says
    nothing of whether anyone has it), and every such look is in the access log, found or not.
    """
    uow.require(Permission.READ_STUDENTS)
    text = (query or "").strip()
    by_pesel = False
    with uow.read() as session:
        if student_id is not None:
            person_id = person_of_student(session, student_id)
        if person_id is not None:
            person = person_facts(session, person_id)
            return _report(session, text or person.label, person, None, _person_logins(session, person_id))
        if "@" in text:
            login = login_by_email(session, text)
            owner = login.person_id if login is not None else None
            if owner is None:
                owner = _student_for_local_part(session, text)  # a likely owner, for the fix
            person = person_facts(session, owner) if owner is not None else None
            logins = _person_logins(session, person.person_id) if person is not None else []
            return _report(session, text, person, login, logins, asked_email=text)
        digits = text.replace(" ", "")
        found = None
        if digits.isdigit():
            found = session.scalar(select(Student.person_id).where(Student.student_number == digits))
            if found is None and len(digits) == 11:
                uow.require(Permission.VIEW_PERSONAL_DATA)
                by_pesel = True
                found = session.scalar(select(Person.id).where(Person.pesel == digits))
        report = None
        if found is not None:
            person = person_facts(session, found)
            report = _report(session, text, person, None, _person_logins(session, found))
    if by_pesel:
        record_pesel_use(uow, PersonAction.LOOKUP_BY_PESEL, [(found, report.student_id if report else None)])
    if report is None:
        if not text:
            raise DomainError(translate("Accounts", "Type a login e-mail or a student number."))
        raise NotFound(
            translate("Accounts", "Nothing matches %1: type a login e-mail or a student number.").replace("%1", text)
        )
    return report
