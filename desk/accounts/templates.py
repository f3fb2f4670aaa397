"""Login templates per person category; the address generated from one; whether an address fits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.accounts.actions import LoginAction
from desk.accounts.addresses import DOMAIN_PATTERN, check_address, domain_of
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import LoginAccount, LoginTemplate, Person, PersonCategory, Student
from desk.staff import Permission
from desk.text import fold
from desk.unit_of_work import UnitOfWork

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


def category_label(category: PersonCategory) -> str:
    return {
        PersonCategory.STUDENT: translate("Accounts", "students"),
        PersonCategory.PHD_STUDENT: translate("Accounts", "PhD students"),
        PersonCategory.STAFF: translate("Accounts", "staff"),
    }[category]


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


def templates_by_category(session: Session) -> dict[PersonCategory, TemplateLine]:
    return {
        t.category: TemplateLine(t.category, t.domain.lower(), t.template)
        for t in session.scalars(select(LoginTemplate))
    }


def list_templates(uow: UnitOfWork) -> list[TemplateLine]:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        found = templates_by_category(session)
    return [found[c] for c in PersonCategory if c in found]


def set_template(uow: UnitOfWork, category: PersonCategory | str, domain: str, template: str, *,
                 reason: str = "") -> TemplateLine:
    """Set how logins of a person category are made; administrators only, audited."""
    uow.require(Permission.ADMINISTER)
    category = PersonCategory(category)
    domain = (domain or "").strip().lower().lstrip("@")
    template = (template or "").strip()
    if not DOMAIN_PATTERN.match(domain):
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
    with uow.write() as session:
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
        uow.record_change(LoginAction.TEMPLATE_SET, entity="login_template", entity_id=row.id, before=before,
                          after={"category": category, "domain": domain, "template": template},
                          reason=(reason or "").strip() or None, portal=False)
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
    template = templates_by_category(session).get(person.category)
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


def domain_problem(email: str, category: PersonCategory, templates: dict[PersonCategory, TemplateLine],
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
