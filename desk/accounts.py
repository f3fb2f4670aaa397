"""Login accounts: templates, the state of a login in plain words, linking, the worklist and bulk linking from a file."""

from __future__ import annotations

import csv
import enum
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import and_, exists, func, insert, not_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk import audit, outbox
from desk.clock import DEFAULT_TIME_ZONE, format_local, now_utc
from desk.db import Database
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import (
    AuditEntry,
    LoginAccount,
    LoginTemplate,
    OutboxEntry,
    Person,
    PersonCategory,
    ProgrammeStatus,
    Setting,
    StaffUser,
    Student,
    StudentProgramme,
)
from desk.staff import Actor, Permission, require
from desk.text import fold

OUTBOX_ENTITY = "login_account"
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILE_ROWS = 100_000
DEFAULT_WORKLIST_LIMIT = 500
_CHUNK = 5000
# Students who may need to log in; graduates and removed students without a login are not work.
CURRENT_STATUSES = (ProgrammeStatus.ACTIVE, ProgrammeStatus.ON_LEAVE, ProgrammeStatus.SUSPENDED)


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


def category_label(category: PersonCategory) -> str:
    return {
        PersonCategory.STUDENT: translate("Accounts", "students"),
        PersonCategory.PHD_STUDENT: translate("Accounts", "PhD students"),
        PersonCategory.STAFF: translate("Accounts", "staff"),
    }[category]


PORTAL_MESSAGE = "You are logged in, but you do not have an account in USOSweb"


def portal_message() -> str:
    """What the portal shows a login without a synced person, in the clerk's language."""
    return translate("Accounts", "You are logged in, but you do not have an account in USOSweb")


# --- addresses -----------------------------------------------------------------------------

_SPACE = re.compile(r"\s")
_LOCAL = re.compile(r"^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?$")
_DOMAIN = re.compile(r"^(?=.{4,200}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")


def address_problem(email: str) -> str | None:
    """Why ``email`` is not a usable login address, in words; None when it is one."""
    text = (email or "").strip()
    if not text:
        return translate("Accounts", "the address is empty")
    if _SPACE.search(text):
        return translate("Accounts", "it contains a space")
    if text.count("@") != 1:
        return translate("Accounts", "it needs exactly one @")
    if not text.isascii():
        return translate("Accounts", "it contains letters outside a–z (Polish letters are not used in logins)")
    local, domain = text.lower().split("@")
    if not local or len(local) > 64 or not _LOCAL.match(local) or ".." in local:
        return translate("Accounts", "the part before @ is empty or has characters a login cannot have")
    if not _DOMAIN.match(domain):
        return translate("Accounts", "the part after @ is not a domain such as student.uni.opole.pl")
    return None


def check_address(email: str) -> str:
    """The address in lower case, or a DomainError naming what is wrong with it."""
    problem = address_problem(email)
    if problem is not None:
        raise DomainError(
            translate("Accounts", "%1 is not a valid login address: %2.").replace("%1", (email or "").strip() or "“”")
            .replace("%2", problem)
        )
    return email.strip().lower()


def domain_of(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def near_duplicate_key(email: str) -> str:
    """The form two addresses share when they differ only in case, dots before @ or Polish letters."""
    text = fold(email).replace(" ", "")
    local, _, domain = text.partition("@")
    return local.replace(".", "") + "@" + domain


# --- templates -------------------------------------------------------------------------------

PLACEHOLDERS = ("student_number", "first_initial", "first", "last", "first_name", "last_name")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class TemplateLine:
    category: PersonCategory
    domain: str
    template: str

    @property
    def numbered(self) -> bool:
        """Made from the student number, so the address is the student's own; no duplicate rule."""
        return "{student_number}" in self.template

    @property
    def example(self) -> str:
        try:
            return render_template(self.template, first_name="Łukasz", last_name="Żółkiewski-Nowak", student_number="123456")
        except DomainError:
            return ""


def _name_part(text: str) -> str:
    """A name as it appears in a login: ASCII lower case, ł as l, no spaces, hyphens as dots."""
    folded = fold(text).replace(" ", "").replace("-", ".")
    cleaned = re.sub(r"[^a-z0-9.]", "", folded)
    return re.sub(r"\.{2,}", ".", cleaned).strip(".")


def render_template(template: str, *, first_name: str, last_name: str, student_number: str | None) -> str:
    """The address a template gives for these values (no duplicate rule)."""
    first = _name_part(first_name.split()[0] if first_name.split() else "")
    values = {
        "first": first,
        "first_name": first,
        "first_initial": first[:1],
        "last": _name_part(last_name),
        "last_name": _name_part(last_name),
        "student_number": (student_number or "").strip(),
    }

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise DomainError(translate("Accounts", "The template has an unknown placeholder {%1}.").replace("%1", name))
        if not values[name]:
            raise DomainError(translate("Accounts", "The template needs {%1}, which this person does not have.").replace("%1", name))
        return values[name]

    return _PLACEHOLDER.sub(replace, template).lower()


def _templates(session: Session) -> dict[PersonCategory, TemplateLine]:
    return {
        t.category: TemplateLine(t.category, t.domain.lower(), t.template)
        for t in session.scalars(select(LoginTemplate))
    }


def list_templates(db: Database, actor: Actor) -> list[TemplateLine]:
    require(actor, Permission.READ_STUDENTS)
    with db.read() as session:
        found = _templates(session)
    return [found[c] for c in PersonCategory if c in found]


def set_template(db: Database, actor: Actor, category: PersonCategory | str, domain: str, template: str, *,
                 reason: str = "") -> TemplateLine:
    """Set how logins of a person category are made; administrators only, audited."""
    require(actor, Permission.ADMINISTER)
    category = PersonCategory(category)
    domain = (domain or "").strip().lower().lstrip("@")
    template = (template or "").strip()
    if not _DOMAIN.match(domain):
        raise DomainError(translate("Accounts", "%1 is not a domain such as student.uni.opole.pl.").replace("%1", domain or "“”"))
    if "@" not in template:
        template = f"{template}@{domain}"
    if template.count("@") != 1 or template.rsplit("@", 1)[1].lower() != domain:
        raise DomainError(translate("Accounts", "The template must end with @%1, its domain.").replace("%1", domain))
    names = _PLACEHOLDER.findall(template.split("@")[0])
    unknown = [n for n in names if n not in PLACEHOLDERS]
    if unknown or not names:
        raise DomainError(
            translate("Accounts", "Use the placeholders {student_number}, {first_initial}, {first} and {last}, e.g. %1.")
            .replace("%1", "{student_number}@" + domain if category is not PersonCategory.STAFF else "{first_initial}.{last}@" + domain)
        )
    if category is PersonCategory.STAFF and "student_number" in names:
        raise DomainError(translate("Accounts", "Staff have no student number: make their logins from their names."))
    line = TemplateLine(category, domain, template)
    check_address(line.example)
    with db.write() as session:
        row = session.scalars(select(LoginTemplate).where(LoginTemplate.category == category)).one_or_none()
        others = {t.domain.lower(): t.category for t in session.scalars(select(LoginTemplate).where(LoginTemplate.category != category))}
        if domain in others:
            # One domain per category is what lets a login's domain say whose it is.
            raise DomainError(
                translate("Accounts", "The domain %1 is already the domain of %2.").replace("%1", domain)
                .replace("%2", category_label(others[domain]))
            )
        before = {"domain": row.domain, "template": row.template} if row is not None else None
        if row is None:
            row = LoginTemplate(category=category, domain=domain, template=template)
            session.add(row)
        else:
            row.domain, row.template = domain, template
        session.flush()
        audit.record(session, actor_id=actor.id, action="login_template.set", entity="login_template", entity_id=row.id,
                     before=before, after={"category": category, "domain": domain, "template": template},
                     reason=(reason or "").strip() or None)
    return line


def _free_address(session: Session, local: str, domain: str, person_id: int) -> str:
    """``local@domain``, or with 2, 3, … after the local part when another login has it (j.kowalski2)."""
    pattern = re.compile(re.escape(local) + r"(\d*)@" + re.escape(domain))
    taken: dict[str, int | None] = {}
    for email, owner in session.execute(
        select(LoginAccount.email, LoginAccount.person_id).where(
            LoginAccount.email_folded >= local, LoginAccount.email_folded < local + "\U0010ffff"
        )
    ):
        match = pattern.fullmatch(email.lower())
        if match:
            taken[match.group(1)] = owner
    suffix = 1
    while True:
        key = "" if suffix == 1 else str(suffix)
        if key not in taken or taken[key] == person_id:
            return f"{local}{key}@{domain}"
        suffix += 1


def generate_login(session: Session, person_id: int, student_number: str | None = None) -> str:
    """The address the person's category template gives, with the duplicate rule applied."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(translate("Accounts", "There is no person with the id %1.").replace("%1", str(person_id)))
    template = _templates(session).get(person.category)
    if template is None:
        raise DomainError(
            translate("Accounts", "No login template is set for %1; an administrator sets one.")
            .replace("%1", category_label(person.category))
        )
    if template.numbered and not student_number:
        student_number = session.scalar(
            select(Student.student_number).where(Student.person_id == person_id).order_by(Student.id).limit(1)
        )
    email = check_address(
        render_template(template.template, first_name=person.first_name, last_name=person.last_name,
                        student_number=student_number)
    )
    if template.numbered:
        return email  # the number is unique: an existing login with this address is this student's mailbox
    local, domain = email.split("@")
    return _free_address(session, local, domain, person_id)


# --- persons and logins ------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonFacts:
    person_id: int
    name: str
    category: PersonCategory
    student_id: int | None  # the first student record, whose id the portal's changes are filed under
    student_numbers: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.name} ({', '.join(self.student_numbers)})" if self.student_numbers else self.name


def _person_facts(session: Session, person_id: int) -> PersonFacts:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(translate("Accounts", "There is no person with the id %1.").replace("%1", str(person_id)))
    records = session.execute(
        select(Student.id, Student.student_number).where(Student.person_id == person_id).order_by(Student.id)
    ).all()
    return PersonFacts(person.id, f"{person.first_name} {person.last_name}", person.category,
                       records[0][0] if records else None, tuple(number for _id, number in records))


def _person_of_student(session: Session, student_id: int) -> int:
    person_id = session.scalar(select(Student.person_id).where(Student.id == student_id))
    if person_id is None:
        raise NotFound(translate("Accounts", "There is no student with the id %1.").replace("%1", str(student_id)))
    return person_id


def _login_by_email(session: Session, email: str, *, lock: bool = False) -> LoginAccount | None:
    query = select(LoginAccount).where(func.lower(LoginAccount.email) == email.strip().lower())
    if lock:
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def _domain_problem(email: str, category: PersonCategory, templates: dict[PersonCategory, TemplateLine],
                    person_label: str) -> str | None:
    """Why the address does not fit the person's category, or None. Without a template for the
    category only another category's domain is refused, so a university that has not set its
    templates up can still link."""
    domain = domain_of(email)
    expected = templates.get(category)
    if expected is not None and domain == expected.domain:
        return None
    owner = next((t.category for t in templates.values() if t.domain == domain), None)
    if owner is not None and owner is not category:
        if expected is None:
            text = translate("Accounts", "%1 has the domain of %2 (@%3), but %4 is among %5.")
        else:
            text = translate("Accounts", "%1 has the domain of %2 (@%3), but %4 is among %5, whose logins end in @%6.")
        return (text.replace("%1", email).replace("%2", category_label(owner)).replace("%3", domain)
                .replace("%4", person_label).replace("%5", category_label(category))
                .replace("%6", expected.domain if expected else ""))
    if expected is None:
        return None
    return (translate("Accounts", "%1 is not in the domain of %2: their logins end in @%3.")
            .replace("%1", email).replace("%2", category_label(category)).replace("%3", expected.domain))


# --- linking --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkResult:
    login_id: int
    email: str
    person_id: int | None
    person_name: str | None
    student_id: int | None
    action: str  # created (a new login), linked (an existing one), unlinked, removed, existing (nothing to do)


def _reason(reason: str | None, message: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise DomainError(message)
    return text


def _snapshot(login: LoginAccount) -> dict:
    return {"email": login.email, "person_id": login.person_id}


def _link(session: Session, actor: Actor, person: PersonFacts, email: str, reason: str, *, action: str) -> LinkResult:
    """Link ``email`` to the person inside the caller's transaction, or refuse with the rule that fails."""
    email = check_address(email)
    problem = _domain_problem(email, person.category, _templates(session), person.label)
    if problem is not None:
        raise DomainError(problem)
    login = _login_by_email(session, email, lock=True)
    before = None
    if login is not None:
        if login.person_id == person.person_id:
            raise DomainError(
                translate("Accounts", "%1 is already linked to %2; nothing was changed.").replace("%1", login.email)
                .replace("%2", person.label)
            )
        if login.person_id is not None:
            holder = _person_facts(session, login.person_id)
            raise DomainError(
                translate("Accounts", "%1 is already linked to %2, so it cannot be linked to %3. If it was linked by "
                                      "mistake, unlink it from %2 first.")
                .replace("%1", login.email).replace("%2", holder.label).replace("%3", person.label)
            )
        before = _snapshot(login)
        action = "linked"
    else:
        login = LoginAccount(email=email, email_folded=email)
        session.add(login)
    login.person_id = person.person_id
    login.linked_at = now_utc()
    login.linked_by_id = actor.id
    try:
        session.flush()
    except IntegrityError:
        # Another workstation created the same address a moment ago (the unique index on lower(email)).
        raise DomainError(
            translate("Accounts", "%1 was just created at another workstation; look it up again.").replace("%1", email)
        ) from None
    audit.record(session, actor_id=actor.id, action="login.link" if action == "linked" else "login.create",
                 entity=OUTBOX_ENTITY, entity_id=login.id, student_id=person.student_id, before=before,
                 after=_snapshot(login), reason=reason)
    outbox.enqueue(session, entity=OUTBOX_ENTITY, entity_id=login.id, student_id=person.student_id, operation="upsert",
                   payload=_snapshot(login), actor_id=actor.id)
    return LinkResult(login.id, login.email, person.person_id, person.name, person.student_id, action)


def link_login(db: Database, actor: Actor, email: str, *, person_id: int | None = None, student_id: int | None = None,
               reason: str) -> LinkResult:
    """Link a login address to a person (given by person id or by one of their student ids).

    An existing login row with that address and no person is linked rather than duplicated.
    """
    require(actor, Permission.MANAGE_ACCOUNTS)
    reason = _reason(reason, translate("Accounts", "Say why the login is linked (e.g. reported by the student)."))
    if (person_id is None) == (student_id is None):
        raise DomainError(translate("Accounts", "Say whom the login is linked to: one person or one student."))
    with db.write() as session:
        if person_id is None:
            person_id = _person_of_student(session, student_id)
        return _link(session, actor, _person_facts(session, person_id), email, reason, action="created")


def unlink_login(db: Database, actor: Actor, email: str, *, reason: str, remove: bool = False) -> LinkResult:
    """Take a login away from its person (the portal then has no person for it); ``remove`` deletes the
    login row as well, for an address that was made by mistake."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    reason = _reason(reason, translate("Accounts", "Say why the login is unlinked (e.g. linked to the wrong person)."))
    with db.write() as session:
        login = _login_by_email(session, email, lock=True)
        if login is None:
            raise NotFound(translate("Accounts", "There is no login %1.").replace("%1", (email or "").strip()))
        if login.person_id is None and not remove:
            raise DomainError(translate("Accounts", "%1 is not linked to anyone; nothing was changed.").replace("%1", login.email))
        person = _person_facts(session, login.person_id) if login.person_id is not None else None
        student_id = person.student_id if person else None
        before = _snapshot(login)
        login_id, address = login.id, login.email
        if remove:
            session.delete(login)
            operation, action, after = "delete", "removed", None
        else:
            login.person_id = None
            login.linked_at = None
            login.linked_by_id = None
            operation, action, after = "upsert", "unlinked", _snapshot(login)
        session.flush()
        audit.record(session, actor_id=actor.id, action=f"login.{'delete' if remove else 'unlink'}", entity=OUTBOX_ENTITY,
                     entity_id=login_id, student_id=student_id, before=before, after=after, reason=reason)
        outbox.enqueue(session, entity=OUTBOX_ENTITY, entity_id=login_id, student_id=student_id, operation=operation,
                       payload=after, actor_id=actor.id)
        return LinkResult(login_id, address, None, person.name if person else None, student_id, action)


def _may_create_at_admission(session: Session, actor: Actor, student_id: int) -> bool:
    # Admission is the dean's office's work, and the login is made together with the student number,
    # so a clerk of the student's unit may do it as well as the Student Service Center.
    if actor.can(Permission.MANAGE_ACCOUNTS):
        return True
    from desk.model import Programme

    units = session.scalars(
        select(Programme.unit_id).join(StudentProgramme, StudentProgramme.programme_id == Programme.id)
        .where(StudentProgramme.student_id == student_id)
    ).all()
    return any(actor.can(Permission.EDIT_STUDENTS, unit) for unit in units)


def create_login_for(session: Session, actor: Actor, student_id: int, *, reason: str | None = None) -> LinkResult:
    """Inside the caller's transaction (an admission): make the student's login from the template and
    link it, unless the person already has a linked login."""
    person = _person_facts(session, _person_of_student(session, student_id))
    existing = session.scalars(
        select(LoginAccount).where(LoginAccount.person_id == person.person_id).order_by(LoginAccount.id).limit(1)
    ).first()
    if existing is not None:
        return LinkResult(existing.id, existing.email, person.person_id, person.name, person.student_id, "existing")
    number = session.scalar(select(Student.student_number).where(Student.id == student_id))
    email = generate_login(session, person.person_id, number)
    return _link(session, actor, person, email, (reason or "").strip() or translate("Accounts", "made at admission"),
                 action="created")


def create_login_at_admission(db: Database, actor: Actor, student_id: int, *, reason: str | None = None) -> LinkResult:
    """Make and link the login of a newly admitted student (if the person has none)."""
    with db.write() as session:
        if not _may_create_at_admission(session, actor, student_id):
            require(actor, Permission.MANAGE_ACCOUNTS)  # refuses, naming the permission
        return create_login_for(session, actor, student_id, reason=reason)


# --- the state of a login or a person --------------------------------------------------------


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
            problems.append(_malformed_text(login.email, malformed))
        elif person is not None:
            mismatch = _domain_problem(login.email, person.category, templates, person.label)
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


def _malformed_text(email: str, problem: str) -> str:
    return translate("Accounts", "%1 is not a valid login address: %2.").replace("%1", email).replace("%2", problem)


def _report(session: Session, query: str, person: PersonFacts | None, focus: LoginAccount | None,
            logins: list[LoginAccount], *, asked_email: str | None = None) -> AccountReport:
    """The state of the login asked about (``asked_email``, found as ``focus`` or not at all), or
    else of the person's logins."""
    templates = _templates(session)
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
            problems.append(_malformed_text(asked_email, malformed))
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


def account_state(db: Database, actor: Actor, query: str = "", *, person_id: int | None = None,
                  student_id: int | None = None) -> AccountReport:
    """The state of a login (by e-mail) or of a person (by student number, PESEL, person or student id)."""
    require(actor, Permission.READ_STUDENTS)
    text = (query or "").strip()
    with db.read() as session:
        if student_id is not None:
            person_id = _person_of_student(session, student_id)
        if person_id is not None:
            person = _person_facts(session, person_id)
            return _report(session, text or person.label, person, None, _person_logins(session, person_id))
        if "@" in text:
            login = _login_by_email(session, text)
            owner = login.person_id if login is not None else None
            if owner is None:
                owner = _student_for_local_part(session, text)  # a likely owner, for the fix
            person = _person_facts(session, owner) if owner is not None else None
            logins = _person_logins(session, person.person_id) if person is not None else []
            return _report(session, text, person, login, logins, asked_email=text)
        digits = text.replace(" ", "")
        found = None
        if digits.isdigit():
            found = session.scalar(select(Student.person_id).where(Student.student_number == digits))
            if found is None and len(digits) == 11:
                found = session.scalar(select(Person.id).where(Person.pesel == digits))
        if found is None:
            if not text:
                raise DomainError(translate("Accounts", "Type a login e-mail or a student number."))
            raise NotFound(
                translate("Accounts", "Nothing matches %1: type a login e-mail or a student number.").replace("%1", text)
            )
        person = _person_facts(session, found)
        return _report(session, text, person, None, _person_logins(session, found))


# --- the worklist ---------------------------------------------------------------------------


class WorkKind(enum.StrEnum):
    NO_LOGIN = "no_login"
    NOT_LINKED = "not_linked"
    DOMAIN_MISMATCH = "domain_mismatch"
    MALFORMED = "malformed"
    NEAR_DUPLICATE = "near_duplicate"


def work_kind_label(kind: WorkKind) -> str:
    return {
        WorkKind.NO_LOGIN: translate("Accounts", "students without a login"),
        WorkKind.NOT_LINKED: translate("Accounts", "logins without a person"),
        WorkKind.DOMAIN_MISMATCH: translate("Accounts", "domain not matching the category"),
        WorkKind.MALFORMED: translate("Accounts", "malformed addresses"),
        WorkKind.NEAR_DUPLICATE: translate("Accounts", "near-duplicate addresses"),
    }[kind]


@dataclass(frozen=True)
class WorkItem:
    kind: WorkKind
    login_id: int | None
    email: str | None
    person_id: int | None
    person_name: str | None
    student_number: str | None
    category: PersonCategory | None
    detail: str


@dataclass(frozen=True)
class Worklist:
    items: tuple[WorkItem, ...]
    counts: dict[WorkKind, int] = field(hash=False)  # every case of each kind, not only those listed
    limit: int = DEFAULT_WORKLIST_LIMIT  # at most this many items of each kind are listed

    def truncated(self, kind: WorkKind) -> bool:
        return self.counts.get(kind, 0) > sum(1 for item in self.items if item.kind is kind)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _suggestion(template: TemplateLine | None, first: str, last: str, number: str | None) -> str | None:
    """The template's address for the worklist (without the duplicate rule, which costs a query each)."""
    if template is None:
        return None
    try:
        return render_template(template.template, first_name=first, last_name=last, student_number=number)
    except DomainError:
        return None


def _persons_without_login():
    """Ids of persons studying now (or on leave) with no login linked. Written from the student
    records with NOT EXISTS, which both databases run as one anti-join: on 300,000 persons about a
    quarter of a second, where EXCEPT took up to four times longer on PostgreSQL and a NOT EXISTS
    nested inside an EXISTS per person ten times longer on SQLite."""
    return (
        select(Student.person_id)
        .join(StudentProgramme, StudentProgramme.student_id == Student.id)
        .where(StudentProgramme.status.in_(CURRENT_STATUSES),
               ~exists().where(LoginAccount.person_id == Student.person_id))
    )


def _first_numbers(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    ids = list(dict.fromkeys(i for i in person_ids if i is not None))
    numbers: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        for pid, number in session.execute(
            select(Student.person_id, func.min(Student.student_number))
            .where(Student.person_id.in_(ids[start : start + _CHUNK])).group_by(Student.person_id)
        ):
            numbers[pid] = number
    return numbers


_GLOB_SPECIAL = re.compile(r"[*?\[\]]")


def _plain_login(dialect: str, domains: list[str]):
    """A login of the kind most are, digits@domain in lower case: it can be neither malformed nor a
    near-duplicate (the unique index on lower(email) rules out its only look-alikes), so the worklist
    checks only the others, in Python, with the same rules as a single login's state.

    With the templates' domains (valid by construction) the test is a few cheap comparisons; on
    300,000 logins that is about a quarter of a second, several times faster than checking any domain.
    """
    email = LoginAccount.email
    domains = [d for d in domains if _DOMAIN.match(d) and not _GLOB_SPECIAL.search(d)]
    if dialect == "postgresql":
        if domains:
            return and_(email.op("~", is_comparison=True)("^[0-9]+@"), func.split_part(email, "@", 2).in_(domains))
        return email.op("~", is_comparison=True)(r"^[0-9]+@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
    glob = email.op("GLOB", is_comparison=True)
    if domains:
        return and_(or_(*(glob(f"[0-9]*@{d}") for d in domains)), not_(glob("*[^0-9]*@*")))
    return and_(
        glob("[0-9]*@*.*"), not_(glob("*[^0-9]*@*")), not_(glob("*@*[^a-z0-9.-]*")), not_(glob("*..*")),
        not_(glob("*@[.-]*")), not_(glob("*[.-]")), not_(glob("*.-*")), not_(glob("*-.*")),
    )


def _unusual_logins(session: Session, domains: list[str]) -> list[tuple[int, str, int | None]]:
    dialect = session.get_bind().dialect.name
    return session.execute(
        select(LoginAccount.id, LoginAccount.email, LoginAccount.person_id).where(not_(_plain_login(dialect, domains)))
    ).all()


def _near_duplicates(session: Session, unusual: list[tuple[int, str, int | None]]) -> list[tuple[str, int, str, int | None]]:
    """Groups of logins sharing a near-duplicate key, as (key, id, email, person id), ordered by key."""
    groups: dict[str, list[tuple[int, str, int | None]]] = {}
    for row in unusual:
        groups.setdefault(near_duplicate_key(row[1]), []).append(row)
    # A plain 123456@domain can still be the look-alike of an unusual 123.456@domain.
    digit_keys = [key for key in groups if key.split("@")[0].isdigit()]
    known = {row[0] for row in unusual}
    for start in range(0, len(digit_keys), _CHUNK):
        for row in session.execute(
            select(LoginAccount.id, LoginAccount.email, LoginAccount.person_id)
            .where(LoginAccount.email_folded.in_(digit_keys[start : start + _CHUNK]))
        ):
            if row[0] not in known:
                groups[near_duplicate_key(row[1])].append(tuple(row))
    return [(key, *row) for key in sorted(groups) if len(groups[key]) > 1 for row in sorted(groups[key])]


def worklist(db: Database, actor: Actor, *, kinds: Iterable[WorkKind] | None = None,
             limit: int = DEFAULT_WORKLIST_LIMIT) -> Worklist:
    """What the Student Service Center has to fix, by kind, with the full count of each; set-based SQL."""
    require(actor, Permission.READ_STUDENTS)
    wanted = set(WorkKind) if kinds is None else {WorkKind(k) for k in kinds}
    limit = max(1, min(int(limit), 50_000))
    items: list[WorkItem] = []
    counts: dict[WorkKind, int] = {}
    with db.read() as session:
        templates = _templates(session)
        persons: dict[int, tuple[str, PersonCategory]] = {}

        def person_rows(ids: Iterable[int]) -> None:
            missing = [i for i in set(ids) if i is not None and i not in persons]
            for start in range(0, len(missing), _CHUNK):
                for pid, first, last, category in session.execute(
                    select(Person.id, Person.first_name, Person.last_name, Person.category)
                    .where(Person.id.in_(missing[start : start + _CHUNK]))
                ):
                    persons[pid] = (f"{first} {last}", category)

        if WorkKind.NO_LOGIN in wanted:
            rows = session.execute(
                select(Person.id, Person.first_name, Person.last_name, Person.category, func.count().over())
                .where(Person.id.in_(_persons_without_login()))
                .order_by(Person.sort_key, Person.id).limit(limit)
            ).all()
            counts[WorkKind.NO_LOGIN] = rows[0][4] if rows else 0
            numbers = _first_numbers(session, [r[0] for r in rows])
            suggestions = {pid: _suggestion(templates.get(category), first, last, numbers.get(pid))
                           for pid, first, last, category, _total in rows}
            # The mailbox the template gives may exist already, made by the mail system and never linked.
            waiting = set(session.scalars(select(LoginAccount.email_folded).where(
                LoginAccount.person_id.is_(None), LoginAccount.email_folded.in_([v for v in suggestions.values() if v]))))
            for pid, first, last, category, _total in rows:
                suggestion = suggestions[pid]
                if suggestion in waiting:
                    detail = translate("Accounts", "No login linked; %1 exists but is not linked.").replace("%1", suggestion)
                elif suggestion:
                    detail = translate("Accounts", "No login; the template gives %1.").replace("%1", suggestion)
                else:
                    detail = translate("Accounts", "No login.")
                items.append(WorkItem(WorkKind.NO_LOGIN, None, None, pid, f"{first} {last}", numbers.get(pid), category, detail))

        if WorkKind.NOT_LINKED in wanted:
            condition = LoginAccount.person_id.is_(None)
            counts[WorkKind.NOT_LINKED] = session.scalar(select(func.count()).select_from(LoginAccount).where(condition)) or 0
            rows = session.execute(
                select(LoginAccount.id, LoginAccount.email).where(condition).order_by(LoginAccount.email_folded).limit(limit)
            ).all()
            # A login made from a student number most likely belongs to that student.
            local_numbers = {email.split("@")[0]: lid for lid, email in rows if email.split("@")[0].isdigit()}
            owners: dict[str, int] = {}
            keys = list(local_numbers)
            for start in range(0, len(keys), _CHUNK):
                owners.update(session.execute(
                    select(Student.student_number, Student.person_id).where(Student.student_number.in_(keys[start : start + _CHUNK]))
                ).all())
            person_rows(owners.values())
            for lid, email in rows:
                owner = owners.get(email.split("@")[0])
                if owner is not None:
                    detail = translate("Accounts", "Nobody is linked; it looks like the login of %1 (%2).").replace(
                        "%1", persons[owner][0]).replace("%2", email.split("@")[0])
                else:
                    detail = translate("Accounts", "Nobody is linked to this login.")
                items.append(WorkItem(WorkKind.NOT_LINKED, lid, email, owner, persons[owner][0] if owner else None,
                                      email.split("@")[0] if owner else None, persons[owner][1] if owner else None, detail))

        if WorkKind.DOMAIN_MISMATCH in wanted and templates:
            # One constant pattern per category (three or so), not a pattern joined from the templates
            # row by row: the databases match constant LIKE patterns much faster.
            folded = LoginAccount.email_folded
            wrong = []
            for category in PersonCategory:
                expected = templates.get(category)
                others = [t.domain for t in templates.values() if t.category is not category]
                if expected is not None:
                    wrong.append(and_(Person.category == category, not_(folded.like(f"%@{_like_escape(expected.domain)}", escape="\\"))))
                elif others:
                    wrong.append(and_(Person.category == category,
                                      or_(*(folded.like(f"%@{_like_escape(d)}", escape="\\") for d in others))))
            rows = session.execute(
                select(LoginAccount.id, LoginAccount.email, Person.id, Person.first_name, Person.last_name, Person.category,
                       func.count().over())
                .join(Person, Person.id == LoginAccount.person_id)
                .where(folded.like("%@%"), or_(*wrong))
                # Not the indexed email_folded: ordering by it lures PostgreSQL into walking that index
                # with a lookup per login (ten times slower than joining first).
                .order_by(LoginAccount.email, LoginAccount.id).limit(limit)
            ).all()
            counts[WorkKind.DOMAIN_MISMATCH] = rows[0][6] if rows else 0
            numbers = _first_numbers(session, [r[2] for r in rows])
            for lid, email, pid, first, last, category, _total in rows:
                label = f"{first} {last}" + (f" ({numbers[pid]})" if pid in numbers else "")
                detail = _domain_problem(email, category, templates, label) or ""
                items.append(WorkItem(WorkKind.DOMAIN_MISMATCH, lid, email, pid, f"{first} {last}", numbers.get(pid), category, detail))
        elif WorkKind.DOMAIN_MISMATCH in wanted:
            counts[WorkKind.DOMAIN_MISMATCH] = 0  # without templates no domain is expected of anyone

        unusual = _unusual_logins(session, [t.domain for t in templates.values()]) if wanted & {WorkKind.MALFORMED, WorkKind.NEAR_DUPLICATE} else []

        def add_login_items(kind: WorkKind, rows: list[tuple[int, str, int | None]], detail) -> None:
            shown = rows[:limit]
            person_rows(r[2] for r in shown)
            numbers = _first_numbers(session, [r[2] for r in shown])
            for lid, address, pid in shown:
                name, category = persons.get(pid, (None, None))
                items.append(WorkItem(kind, lid, address, pid, name, numbers.get(pid), category, detail(lid, address)))

        if WorkKind.MALFORMED in wanted:
            malformed = sorted((row for row in unusual if address_problem(row[1]) is not None), key=lambda r: r[1].lower())
            counts[WorkKind.MALFORMED] = len(malformed)
            add_login_items(WorkKind.MALFORMED, malformed, lambda _lid, address: _malformed_text(address, address_problem(address)))

        if WorkKind.NEAR_DUPLICATE in wanted:
            grouped = _near_duplicates(session, unusual)
            counts[WorkKind.NEAR_DUPLICATE] = len(grouped)
            by_key: dict[str, list[str]] = {}
            key_of: dict[int, str] = {}
            for key, lid, address, _pid in grouped:
                by_key.setdefault(key, []).append(address)
                key_of[lid] = key

            def look_alikes(lid: int, address: str) -> str:
                others = [a for a in by_key[key_of[lid]] if a != address]
                return translate("Accounts", "Differs from %1 only in case, dots or Polish letters.").replace("%1", ", ".join(others))

            add_login_items(WorkKind.NEAR_DUPLICATE, [(lid, address, pid) for _k, lid, address, pid in grouped], look_alikes)
    order = list(WorkKind)
    items.sort(key=lambda item: order.index(item.kind))
    return Worklist(tuple(items), counts, limit)


# --- bulk linking from a file -------------------------------------------------------------------


class LineOutcome(enum.StrEnum):
    OK = "ok"
    ALREADY_LINKED = "already_linked"  # to this very person: nothing to do
    UNKNOWN_STUDENT = "unknown_student"
    MALFORMED = "malformed"
    LINKED_TO_ANOTHER = "linked_to_another"
    DOMAIN_MISMATCH = "domain_mismatch"
    DUPLICATE_LINE = "duplicate_line"
    MISSING_VALUE = "missing_value"


ERROR_OUTCOMES = frozenset({
    LineOutcome.UNKNOWN_STUDENT, LineOutcome.MALFORMED, LineOutcome.LINKED_TO_ANOTHER, LineOutcome.DOMAIN_MISMATCH,
    LineOutcome.DUPLICATE_LINE, LineOutcome.MISSING_VALUE,
})


def outcome_label(outcome: LineOutcome) -> str:
    return {
        LineOutcome.OK: translate("Accounts", "ok"),
        LineOutcome.ALREADY_LINKED: translate("Accounts", "already linked"),
        LineOutcome.UNKNOWN_STUDENT: translate("Accounts", "unknown student"),
        LineOutcome.MALFORMED: translate("Accounts", "malformed address"),
        LineOutcome.LINKED_TO_ANOTHER: translate("Accounts", "linked to someone else"),
        LineOutcome.DOMAIN_MISMATCH: translate("Accounts", "domain mismatch"),
        LineOutcome.DUPLICATE_LINE: translate("Accounts", "duplicate line"),
        LineOutcome.MISSING_VALUE: translate("Accounts", "missing value"),
    }[outcome]


@dataclass(frozen=True)
class BulkLine:
    line_number: int  # as the clerk sees it in the file (1 = the first line)
    identifier: str  # student number or PESEL as written
    email: str
    outcome: LineOutcome
    message: str
    person_id: int | None = None
    person_name: str | None = None

    @property
    def is_error(self) -> bool:
        return self.outcome in ERROR_OUTCOMES


@dataclass(frozen=True)
class BulkPreview:
    file_name: str
    identifier_kind: str  # "student_number" or "pesel"
    identifier_column: str
    email_column: str
    lines: tuple[BulkLine, ...]

    @property
    def counts(self) -> dict[LineOutcome, int]:
        counts: dict[LineOutcome, int] = {}
        for line in self.lines:
            counts[line.outcome] = counts.get(line.outcome, 0) + 1
        return counts

    @property
    def to_link(self) -> int:
        return sum(1 for line in self.lines if line.outcome is LineOutcome.OK)

    @property
    def errors(self) -> int:
        return sum(1 for line in self.lines if line.is_error)

    @property
    def can_apply(self) -> bool:
        return self.errors == 0 and self.to_link > 0


@dataclass(frozen=True)
class BulkResult:
    linked: int  # logins linked, new or existing rows
    created: int  # of them, new login rows
    unchanged: int  # lines already linked as the file says
    skipped: int  # lines in error, left out on request


@dataclass(frozen=True)
class _Rows:
    identifier_kind: str
    identifier_column: str
    email_column: str
    rows: tuple[tuple[int, str, str], ...]  # line number, identifier, e-mail


_NUMBER_HEADERS = {"indeks", "nr indeksu", "numer indeksu", "nr albumu", "numer albumu", "album", "nr alb",
                   "student number", "student no", "student nr", "studentnumber", "index", "index number",
                   "numer studenta", "nr studenta", "student id"}
_PESEL_HEADERS = {"pesel", "nr pesel", "numer pesel"}
_EMAIL_HEADERS = {"email", "e mail", "mail", "adres", "adres email", "adres e mail", "email address", "e mail address",
                  "address", "login", "adres poczty", "konto", "adres mailowy", "poczta", "login email"}


def _header_key(value) -> str:
    text = fold(str(value if value is not None else ""))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _column_kind(value) -> str | None:
    key = _header_key(value)
    if not key:
        return None
    if key in _PESEL_HEADERS or key.startswith("pesel"):
        return "pesel"
    if key in _NUMBER_HEADERS or "indeks" in key or "album" in key:
        return "student_number"
    if key in _EMAIL_HEADERS or "mail" in key.split(" ") or key.startswith(("e mail", "email", "adres")):
        return "email"
    return None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 123456 kept by a spreadsheet as a number
    return str(value).strip().strip("\"'").strip()


def _too_many_rows() -> DomainError:
    return DomainError(
        translate("Accounts", "The file has more than %1 rows; split it into smaller files.").replace("%1", f"{MAX_FILE_ROWS:,}")
    )


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on a Polish Windows saves CSV in Windows-1250.
        text = raw.decode("cp1250", errors="replace")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t", "|"), key=first.count) if first else ","
    if first and first.count(delimiter) == 0:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        yield reader.line_num, row


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise DomainError(translate("Accounts", "%1 cannot be read as an Excel (.xlsx) file.").replace("%1", path.name)) from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        book.close()


def read_link_file(path: str | Path) -> _Rows:
    """The (student number or PESEL, e-mail) pairs of a CSV or .xlsx file, with their line numbers."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(translate("Accounts", "There is no file %1.").replace("%1", str(path)))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DomainError(
            translate("Accounts", "The file is %1 MB; at most %2 MB can be imported at once. Split it into smaller files.")
            .replace("%1", f"{size / 1024 / 1024:.1f}").replace("%2", str(MAX_FILE_BYTES // 1024 // 1024))
        )
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise DomainError(translate("Accounts", "Old Excel files (.xls) cannot be read: save it as .xlsx or .csv."))
    with path.open("rb") as handle:
        is_zip = handle.read(2) == b"PK"
    rows = _xlsx_rows(path) if suffix in (".xlsx", ".xlsm") or is_zip else _csv_rows(path)
    header = None
    seen_first: list = []
    for number, row in rows:
        cells = [_cell(c) for c in row]
        if not any(cells):
            continue
        if header is None:
            if not seen_first:
                seen_first = cells
            kinds = [_column_kind(c) for c in cells]
            emails = [i for i, k in enumerate(kinds) if k == "email"]
            ids = [i for i, k in enumerate(kinds) if k == "student_number"] or [i for i, k in enumerate(kinds) if k == "pesel"]
            if emails and ids:
                if len(emails) > 1:
                    raise DomainError(
                        translate("Accounts", "Several columns could be the e-mail (%1): leave only the institutional one.")
                        .replace("%1", ", ".join(cells[i] for i in emails))
                    )
                id_column, email_column = ids[0], emails[0]
                header = (kinds[id_column], cells[id_column], cells[email_column])
                data: list[tuple[int, str, str]] = []
            elif number >= 10:
                break  # a header, if any, is among the first lines
            continue
        if len(data) >= MAX_FILE_ROWS:
            raise _too_many_rows()
        identifier = (cells[id_column] if id_column < len(cells) else "").replace(" ", "")
        if header[0] == "pesel" and identifier.isdigit() and len(identifier) < 11:
            identifier = identifier.zfill(11)  # a spreadsheet keeping PESEL as a number drops its leading zero
        email = cells[email_column] if email_column < len(cells) else ""
        data.append((number, identifier, email))
    if header is None:
        raise DomainError(
            translate("Accounts", "The file needs a column with the student number (or PESEL) and a column with the e-mail, "
                                  "named in its first line (e.g. “numer albumu” and “e-mail”); its first line has: %1.")
            .replace("%1", "; ".join(c for c in seen_first if c)[:200] or "—")
        )
    kind, id_name, email_name = header
    return _Rows(kind, id_name, email_name, tuple(data))


def _persons_in_bulk(session: Session, person_ids: Iterable[int]) -> dict[int, PersonFacts]:
    ids = list(set(person_ids))
    found: dict[int, tuple[str, PersonCategory, list[tuple[int, str]]]] = {}
    for start in range(0, len(ids), _CHUNK):
        for pid, first, last, category, sid, number in session.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.category, Student.id, Student.student_number)
            .outerjoin(Student, Student.person_id == Person.id)
            .where(Person.id.in_(ids[start : start + _CHUNK]))
            .order_by(Person.id, Student.id)
        ):
            entry = found.setdefault(pid, (f"{first} {last}", category, []))
            if sid is not None:
                entry[2].append((sid, number))
    return {
        pid: PersonFacts(pid, name, category, records[0][0] if records else None, tuple(n for _s, n in records))
        for pid, (name, category, records) in found.items()
    }


@dataclass(frozen=True)
class _Login:
    id: int
    email: str
    person_id: int | None


def _evaluate(session: Session, parsed: _Rows, *, lock: bool) -> tuple[list[BulkLine], dict[int, PersonFacts], dict[str, _Login]]:
    """Each line's outcome against the data as it stands, in bulk queries (plain rows, no ORM objects:
    a file of 100,000 lines is checked in seconds)."""
    templates = _templates(session)
    identifiers = list({identifier for _n, identifier, _e in parsed.rows if identifier})
    person_of: dict[str, int] = {}
    for start in range(0, len(identifiers), _CHUNK):
        chunk = identifiers[start : start + _CHUNK]
        if parsed.identifier_kind == "pesel":
            query = select(Person.pesel, Person.id).where(Person.pesel.in_(chunk))
        else:
            query = select(Student.student_number, Student.person_id).where(Student.student_number.in_(chunk))
        person_of.update(session.execute(query).all())
    persons = _persons_in_bulk(session, person_of.values())
    problems = {email: address_problem(email) for _n, _i, email in parsed.rows if email}
    addresses = list({email.lower() for email, problem in problems.items() if problem is None})
    logins: dict[str, _Login] = {}
    for start in range(0, len(addresses), _CHUNK):
        query = select(LoginAccount.id, LoginAccount.email, LoginAccount.person_id).where(
            func.lower(LoginAccount.email).in_(addresses[start : start + _CHUNK]))
        if lock:
            query = query.with_for_update()
        logins.update((email.lower(), _Login(lid, email, pid)) for lid, email, pid in session.execute(query))
    persons.update(_persons_in_bulk(
        session, (l.person_id for l in logins.values() if l.person_id is not None and l.person_id not in persons)
    ))

    pesel = parsed.identifier_kind == "pesel"
    texts = {
        "missing email": translate("Accounts", "The line has %1.").replace("%1", translate("Accounts", "no e-mail")),
        "missing id": translate("Accounts", "The line has %1.").replace(
            "%1", translate("Accounts", "no PESEL") if pesel else translate("Accounts", "no student number")),
        "duplicate": translate("Accounts", "Line %1 has this address or student already."),
        "unknown": translate("Accounts", "No person has the PESEL %1.") if pesel else translate("Accounts", "No student has the number %1."),
        "already": translate("Accounts", "Already linked: nothing to do."),
        "another": translate("Accounts", "%1 is already linked to %2, not to %3."),
        "existing": translate("Accounts", "The existing login will be linked to %1."),
        "new": translate("Accounts", "A new login will be linked to %1."),
    }
    lines: list[BulkLine] = []
    first_email: dict[str, int] = {}
    first_identifier: dict[str, int] = {}
    for number, identifier, email in parsed.rows:
        def line(outcome: LineOutcome, message: str, person: PersonFacts | None = None) -> BulkLine:
            return BulkLine(number, identifier, email, outcome, message, person.person_id if person else None,
                            person.name if person else None)

        if not identifier or not email:
            lines.append(line(LineOutcome.MISSING_VALUE, texts["missing id" if email else "missing email"]))
            continue
        key = email.lower()
        if key in first_email or identifier in first_identifier:
            earlier = first_email.get(key) or first_identifier.get(identifier)
            lines.append(line(LineOutcome.DUPLICATE_LINE, texts["duplicate"].replace("%1", str(earlier))))
            continue
        first_email[key] = number
        first_identifier[identifier] = number
        problem = problems[email]
        if problem is not None:
            lines.append(line(LineOutcome.MALFORMED, _malformed_text(email, problem)))
            continue
        pid = person_of.get(identifier)
        if pid is None:
            lines.append(line(LineOutcome.UNKNOWN_STUDENT, texts["unknown"].replace("%1", identifier)))
            continue
        person = persons[pid]
        login = logins.get(key)
        if login is not None and login.person_id == pid:
            lines.append(line(LineOutcome.ALREADY_LINKED, texts["already"], person))
            continue
        if login is not None and login.person_id is not None:
            holder = persons[login.person_id]
            lines.append(line(LineOutcome.LINKED_TO_ANOTHER, texts["another"].replace("%1", login.email)
                              .replace("%2", holder.label).replace("%3", person.label), person))
            continue
        mismatch = _domain_problem(key, person.category, templates, person.label)
        if mismatch is not None:
            lines.append(line(LineOutcome.DOMAIN_MISMATCH, mismatch, person))
            continue
        lines.append(line(LineOutcome.OK, texts["existing" if login is not None else "new"].replace("%1", person.label), person))
    return lines, persons, logins


def preview_bulk_link(db: Database, actor: Actor, path: str | Path) -> BulkPreview:
    """What linking the file would do, line by line; nothing is changed."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    parsed = read_link_file(path)
    with db.read() as session:
        lines, _persons, _logins = _evaluate(session, parsed, lock=False)
    return BulkPreview(Path(path).name, parsed.identifier_kind, parsed.identifier_column, parsed.email_column, tuple(lines))


def apply_bulk_link(db: Database, actor: Actor, path: str | Path, *, reason: str, skip_errors: bool = False) -> BulkResult:
    """Link every line of the file in one transaction: all or nothing.

    The file is checked again against the data as it stands; a line in error refuses the whole
    file unless ``skip_errors`` says to leave such lines out.
    """
    require(actor, Permission.MANAGE_ACCOUNTS)
    reason = _reason(reason, translate("Accounts", "Say why the logins are linked (e.g. export from the mail system of 1 Oct)."))
    parsed = read_link_file(path)
    now = now_utc()
    with db.write() as session:
        lines, persons, logins = _evaluate(session, parsed, lock=True)
        errors = [line for line in lines if line.is_error]
        if errors and not skip_errors:
            first = errors[0]
            raise DomainError(
                translate("Accounts", "Nothing was linked: %1 line(s) have errors, e.g. line %2: %3 Fix the file, or "
                                      "leave those lines out explicitly.")
                .replace("%1", str(len(errors))).replace("%2", str(first.line_number)).replace("%3", first.message)
            )
        todo = [line for line in lines if line.outcome is LineOutcome.OK]
        existing = [(logins[line.email.lower()], line) for line in todo if line.email.lower() in logins]
        new = [line for line in todo if line.email.lower() not in logins]
        if existing:
            session.execute(
                update(LoginAccount),
                [dict(id=login.id, person_id=line.person_id, linked_at=now, linked_by_id=actor.id) for login, line in existing],
            )
        created: list[tuple[int, str]] = []
        if new:
            try:
                for start in range(0, len(new), _CHUNK):
                    chunk = new[start : start + _CHUNK]
                    created.extend(session.execute(
                        insert(LoginAccount).returning(LoginAccount.id, LoginAccount.email, sort_by_parameter_order=True),
                        [dict(email=line.email.lower(), email_folded=line.email.lower(), person_id=line.person_id,
                              linked_at=now, linked_by_id=actor.id, created_at=now) for line in chunk],
                    ).all())
            except IntegrityError:
                raise DomainError(translate("Accounts", "Some of these logins were just created at another workstation; "
                                                        "preview the file again.")) from None
        changes = [(login.id, line, "login.link", login.email) for login, line in existing]
        changes += [(login_id, line, "login.create", email) for (login_id, email), line in zip(created, new)]
        if changes:
            audit_rows, outbox_rows = [], []
            for login_id, line, action, email in changes:
                student_id = persons[line.person_id].student_id
                after = {"email": email, "person_id": line.person_id}
                audit_rows.append(dict(at=now, staff_id=actor.id, action=action, entity=OUTBOX_ENTITY, entity_id=login_id,
                                       student_id=student_id, before={"email": email, "person_id": None} if action == "login.link" else None,
                                       after=after, reason=reason))
                outbox_rows.append(dict(entity=OUTBOX_ENTITY, entity_id=login_id, operation="upsert", student_id=student_id,
                                        payload=after, created_at=now, staff_id=actor.id))
            for start in range(0, len(changes), _CHUNK):
                session.execute(insert(AuditEntry), audit_rows[start : start + _CHUNK])
                session.execute(insert(OutboxEntry), outbox_rows[start : start + _CHUNK])
        return BulkResult(
            linked=len(changes), created=len(created),
            unchanged=sum(1 for line in lines if line.outcome is LineOutcome.ALREADY_LINKED),
            skipped=len(errors),
        )
