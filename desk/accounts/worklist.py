"""The worklist: students without a login, logins without a person, mismatches, near duplicates."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from desk.accounts.addresses import DOMAIN_PATTERN, address_problem, malformed_text, near_duplicate_key
from desk.accounts.persons import CHUNK
from desk.accounts.templates import TemplateLine, domain_problem, render_template, templates_by_category
from desk.errors import DomainError
from desk.i18n import translate
from desk.model import LoginAccount, Person, PersonCategory, ProgrammeStatus, Student, StudentProgramme
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

DEFAULT_WORKLIST_LIMIT = 500
# Students who may need to log in; graduates and removed students without a login are not work.
CURRENT_STATUSES = (ProgrammeStatus.ACTIVE, ProgrammeStatus.ON_LEAVE, ProgrammeStatus.SUSPENDED)


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
    for start in range(0, len(ids), CHUNK):
        for pid, number in session.execute(
            select(Student.person_id, func.min(Student.student_number))
            .where(Student.person_id.in_(ids[start : start + CHUNK])).group_by(Student.person_id)
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
    domains = [d for d in domains if DOMAIN_PATTERN.match(d) and not _GLOB_SPECIAL.search(d)]
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
    for start in range(0, len(digit_keys), CHUNK):
        for row in session.execute(
            select(LoginAccount.id, LoginAccount.email, LoginAccount.person_id)
            .where(LoginAccount.email_folded.in_(digit_keys[start : start + CHUNK]))
        ):
            if row[0] not in known:
                groups[near_duplicate_key(row[1])].append(tuple(row))
    return [(key, *row) for key in sorted(groups) if len(groups[key]) > 1 for row in sorted(groups[key])]


def worklist(uow: UnitOfWork, *, kinds: Iterable[WorkKind] | None = None,
             limit: int = DEFAULT_WORKLIST_LIMIT) -> Worklist:
    """What the Student Service Center has to fix, by kind, with the full count of each; set-based SQL."""
    uow.require(Permission.READ_STUDENTS)
    wanted = set(WorkKind) if kinds is None else {WorkKind(k) for k in kinds}
    limit = max(1, min(int(limit), 50_000))
    items: list[WorkItem] = []
    counts: dict[WorkKind, int] = {}
    with uow.read() as session:
        templates = templates_by_category(session)
        persons: dict[int, tuple[str, PersonCategory]] = {}

        def person_rows(ids: Iterable[int]) -> None:
            missing = [i for i in set(ids) if i is not None and i not in persons]
            for start in range(0, len(missing), CHUNK):
                for pid, first, last, category in session.execute(
                    select(Person.id, Person.first_name, Person.last_name, Person.category)
                    .where(Person.id.in_(missing[start : start + CHUNK]))
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
            for start in range(0, len(keys), CHUNK):
                owners.update(session.execute(
                    select(Student.student_number, Student.person_id).where(Student.student_number.in_(keys[start : start + CHUNK]))
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
                detail = domain_problem(email, category, templates, label) or ""
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
            add_login_items(WorkKind.MALFORMED, malformed, lambda _lid, address: malformed_text(address, address_problem(address)))

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
