"""Login accounts: templates, linking rules and refusals, the state in plain words, the worklist, bulk linking."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, update

from desk import accounts
from desk.accounts import AccountState, LineOutcome, WorkKind
from desk.clock import now_utc
from desk.errors import DomainError, NotFound, PermissionDenied
from desk.model import AuditEntry, LoginAccount, LoginTemplate, OutboxEntry, PersonCategory, ProgrammeStatus, Role, Student
from desk.unit_of_work import UnitOfWork
from tests import factories
from tests.factories import PHD_DOMAIN, STAFF_DOMAIN, STUDENT_DOMAIN


@pytest.fixture
def cos(db):
    return factories.staff(db, "cos", Role.SERVICE_CENTER)


@pytest.fixture
def templates(db):
    factories.login_templates(db)


def _counts(db) -> tuple[int, int, int]:
    """Login rows, audit entries about logins, outbox entries: what a refusal must leave as it was."""
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(LoginAccount)),
            session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity != "staff_user")),
            session.scalar(select(func.count()).select_from(OutboxEntry)),
        )


def _outbox(db, login_id: int) -> list[OutboxEntry]:
    with db.read() as session:
        return list(session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "login_account",
                                                              OutboxEntry.entity_id == login_id).order_by(OutboxEntry.id)))


def _mark_sent(db, login_id: int) -> None:
    with db.write() as session:
        session.execute(update(OutboxEntry).where(OutboxEntry.entity == "login_account", OutboxEntry.entity_id == login_id)
                        .values(sent_at=now_utc()))


def _number(db, student_id: int) -> str:
    with db.read() as session:
        return session.get(Student, student_id).student_number


# --- templates ------------------------------------------------------------------------------


def test_logins_from_templates_with_the_duplicate_rule_for_staff(db, templates):
    student = factories.student(db, login=None)
    with db.read() as session:
        assert accounts.generate_login(session, factories.person_of(db, student)) == f"{_number(db, student)}@{STUDENT_DOMAIN}"
        assert accounts.generate_login(session, factories.person_of(db, student), "777777") == f"777777@{STUDENT_DOMAIN}"
    first = factories.staff_person(db, "Jan", "Kowalski")
    second = factories.staff_person(db, "Józef", "Kowalski")
    third = factories.staff_person(db, "Julia", "Kowalski")
    polish = factories.staff_person(db, "Łukasz", "Żółkiewski-Nowak")
    with db.read() as session:
        assert accounts.generate_login(session, first) == f"j.kowalski@{STAFF_DOMAIN}"
        assert accounts.generate_login(session, polish) == f"l.zolkiewski.nowak@{STAFF_DOMAIN}"
    factories.login(db, f"j.kowalski@{STAFF_DOMAIN}", first)
    with db.read() as session:
        assert accounts.generate_login(session, first) == f"j.kowalski@{STAFF_DOMAIN}"  # their own
        assert accounts.generate_login(session, second) == f"j.kowalski2@{STAFF_DOMAIN}"
    factories.login(db, f"J.Kowalski2@{STAFF_DOMAIN}", second)  # taken whatever its case
    factories.login(db, f"j.kowalskiewicz@{STAFF_DOMAIN}")  # a longer name is not a duplicate
    with db.read() as session:
        assert accounts.generate_login(session, third) == f"j.kowalski3@{STAFF_DOMAIN}"


def test_without_a_template_no_login_is_generated(db):
    student = factories.student(db, login=None)
    with db.read() as session, pytest.raises(DomainError, match="No login template is set for students"):
        accounts.generate_login(session, factories.person_of(db, student))


def test_templates_are_set_by_administrators_only_and_audited(db, admin, cos, templates):
    with pytest.raises(PermissionDenied):
        accounts.set_template(UnitOfWork(db, cos), PersonCategory.STUDENT, "student.po.edu.pl", "{student_number}@student.po.edu.pl")
    line = accounts.set_template(UnitOfWork(db, admin), "student", "Student.PO.edu.pl", "{student_number}", reason="new domain")
    assert (line.domain, line.template, line.example) == ("student.po.edu.pl", "{student_number}@student.po.edu.pl",
                                                          "123456@student.po.edu.pl")
    assert [t.category for t in accounts.list_templates(UnitOfWork(db, cos))] == list(PersonCategory)
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "login_template.set")).one()
        assert entry.before["domain"] == STUDENT_DOMAIN and entry.after["domain"] == "student.po.edu.pl"
        assert entry.reason == "new domain" and entry.staff_id == admin.id
    with pytest.raises(DomainError, match="unknown placeholder|Use the placeholders"):
        accounts.set_template(UnitOfWork(db, admin), "staff", STAFF_DOMAIN, "{surname}@" + STAFF_DOMAIN)
    with pytest.raises(DomainError, match="no student number"):
        accounts.set_template(UnitOfWork(db, admin), "staff", STAFF_DOMAIN, "{student_number}@" + STAFF_DOMAIN)
    with pytest.raises(DomainError, match="already the domain of PhD students"):
        accounts.set_template(UnitOfWork(db, admin), "staff", PHD_DOMAIN, "{first_initial}.{last}@" + PHD_DOMAIN)
    with pytest.raises(DomainError, match="must end with @uni.example.pl"):
        accounts.set_template(UnitOfWork(db, admin), "staff", STAFF_DOMAIN, "{first_initial}.{last}@other.pl")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(LoginTemplate)) == 3


def test_login_made_at_admission(db, admin, templates):
    student = factories.student(db, login=None)
    result = accounts.create_login_at_admission(UnitOfWork(db, admin), student)
    assert (result.email, result.action) == (f"{_number(db, student)}@{STUDENT_DOMAIN}", "created")
    assert [(e.operation, e.student_id) for e in _outbox(db, result.login_id)] == [("upsert", student)]
    again = accounts.create_login_at_admission(UnitOfWork(db, admin), student)
    assert (again.login_id, again.action) == (result.login_id, "existing")
    # The mail system made the mailbox first: that row is linked, not duplicated.
    other = factories.student(db, login=None)
    waiting = factories.login(db, f"{_number(db, other)}@{STUDENT_DOMAIN}")
    linked = accounts.create_login_at_admission(UnitOfWork(db, admin), other)
    assert (linked.login_id, linked.action) == (waiting, "linked")


def test_admission_login_by_the_clerk_of_the_students_unit_only(db, templates):
    student = factories.student(db, login=None)
    factories.unit(db, "WH", "Wydział Humanistyczny")
    outsider = factories.staff(db, "obcy", Role.CLERK, ("WH",))
    with pytest.raises(PermissionDenied):
        accounts.create_login_at_admission(UnitOfWork(db, outsider), student)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    assert accounts.create_login_at_admission(UnitOfWork(db, clerk), student).action == "created"


# --- linking and unlinking ------------------------------------------------------------------


def test_link_creates_the_login_with_audit_and_outbox_entries(db, cos, templates):
    student = factories.student(db, "Anna", "Nowak", login=None)
    email = f"{_number(db, student)}@{STUDENT_DOMAIN.upper()}"
    result = accounts.link_login(UnitOfWork(db, cos), email, student_id=student, reason="zgłoszenie studentki")
    assert (result.email, result.action, result.person_name) == (email.lower(), "created", "Anna Nowak")
    with db.read() as session:
        login = session.get(LoginAccount, result.login_id)
        assert (login.person_id, login.linked_by_id, login.email_folded) == (factories.person_of(db, student), cos.id, email.lower())
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "login_account")).one()
        assert (entry.action, entry.entity_id, entry.student_id, entry.staff_id, entry.reason) == (
            "login.create", login.id, student, cos.id, "zgłoszenie studentki")
    (queued,) = _outbox(db, result.login_id)
    assert (queued.operation, queued.student_id, queued.staff_id, queued.sent_at) == ("upsert", student, cos.id, None)


def test_an_existing_unlinked_login_is_linked_not_duplicated(db, cos, templates):
    student = factories.student(db, login=None)
    person = factories.person_of(db, student)
    existing = factories.login(db, f"{_number(db, student)}@Student.Uni.Example.PL")
    result = accounts.link_login(UnitOfWork(db, cos), f"{_number(db, student)}@student.uni.example.pl", person_id=person, reason="r")
    assert (result.login_id, result.action) == (existing, "linked")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(LoginAccount)) == 1
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "login.link")).one()
        assert entry.before == {"email": f"{_number(db, student)}@Student.Uni.Example.PL", "person_id": None}


def _refusal_cases(db):
    """(email, keyword arguments, message fragment) for each rule link_login refuses."""
    taken = factories.student(db, "Piotr", "Zieliński", number="200001")  # logs in as 200001@student…
    student = factories.student(db, "Anna", "Nowak", number="200002", login=None)
    phd = factories.student(db, "Ewa", "Wiśniewska", number="200003", login=None)
    factories.set_category(db, phd, PersonCategory.PHD_STUDENT)
    return {
        "linked to someone else": (f"200001@{STUDENT_DOMAIN}", dict(student_id=student),
                                   "already linked to Piotr Zieliński (200001), so it cannot be linked to Anna Nowak (200002)"),
        "another case of a linked login": (f"200001@{STUDENT_DOMAIN.upper()}", dict(student_id=student), "already linked to Piotr"),
        "a PhD student's domain for a student": (f"200002@{PHD_DOMAIN}", dict(student_id=student),
                                                 f"domain of PhD students (@{PHD_DOMAIN}), but Anna Nowak (200002) is among "
                                                 f"students, whose logins end in @{STUDENT_DOMAIN}"),
        "a student's domain for a PhD student": (f"200003@{STUDENT_DOMAIN}", dict(student_id=phd), f"end in @{PHD_DOMAIN}"),
        "a foreign domain": ("200002@gmail.com", dict(student_id=student), f"their logins end in @{STUDENT_DOMAIN}"),
        "no at sign": ("200002.student.uni.example.pl", dict(student_id=student), "needs exactly one @"),
        "a space": ("200 002@student.uni.example.pl", dict(student_id=student), "contains a space"),
        "Polish letters": ("łukasz@student.uni.example.pl", dict(student_id=student), "outside a–z"),
        "no reason": (f"200002@{STUDENT_DOMAIN}", dict(student_id=student, reason="  "), "Say why"),
        "already linked to them": (f"200001@{STUDENT_DOMAIN}", dict(student_id=taken), "already linked to Piotr Zieliński (200001); nothing"),
        "nobody": (f"200002@{STUDENT_DOMAIN}", dict(), "Say whom"),
    }


@pytest.mark.parametrize("case", ["linked to someone else", "another case of a linked login", "a PhD student's domain for a student",
                                  "a student's domain for a PhD student", "a foreign domain", "no at sign", "a space",
                                  "Polish letters", "no reason", "already linked to them", "nobody"])
def test_link_refusals_leave_nothing_behind(db, cos, templates, case):
    email, kwargs, message = _refusal_cases(db)[case]
    before = _counts(db)
    kwargs.setdefault("reason", "zgłoszenie")
    with pytest.raises(DomainError) as refusal:
        accounts.link_login(UnitOfWork(db, cos), email, **kwargs)
    assert message in str(refusal.value)
    assert _counts(db) == before


def test_a_clerk_may_not_link_or_unlink(db, templates):
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    student = factories.student(db, login=None)
    linked = factories.student(db)
    before = _counts(db)
    with pytest.raises(PermissionDenied, match="link login accounts"):
        accounts.link_login(UnitOfWork(db, clerk), f"{_number(db, student)}@{STUDENT_DOMAIN}", student_id=student, reason="r")
    with pytest.raises(PermissionDenied):
        accounts.unlink_login(UnitOfWork(db, clerk), f"{_number(db, linked)}@{STUDENT_DOMAIN}", reason="r")
    with pytest.raises(PermissionDenied):
        accounts.preview_bulk_link(UnitOfWork(db, clerk), "whatever.csv")
    assert _counts(db) == before


def test_without_templates_any_well_formed_address_links(db, cos):
    student = factories.student(db, login=None)
    assert accounts.link_login(UnitOfWork(db, cos), "someone@mail.example.org", student_id=student, reason="r").action == "created"


def test_unlink_and_remove(db, cos, templates):
    student = factories.student(db)
    email = f"{_number(db, student)}@{STUDENT_DOMAIN}"
    result = accounts.unlink_login(UnitOfWork(db, cos), email.upper(), reason="połączony z niewłaściwą osobą")
    assert result.action == "unlinked" and result.person_name == "Jan Kowalski"
    with db.read() as session:
        login = session.get(LoginAccount, result.login_id)
        assert (login.person_id, login.linked_at) == (None, None)
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "login.unlink")).one()
        assert entry.before["person_id"] == factories.person_of(db, student) and entry.after["person_id"] is None
    assert [(e.operation, e.student_id) for e in _outbox(db, result.login_id)] == [("upsert", student)]
    before = _counts(db)
    with pytest.raises(DomainError, match="not linked to anyone"):
        accounts.unlink_login(UnitOfWork(db, cos), email, reason="again")
    with pytest.raises(NotFound):
        accounts.unlink_login(UnitOfWork(db, cos), "nobody@student.uni.example.pl", reason="r")
    with pytest.raises(DomainError, match="Say why"):
        accounts.unlink_login(UnitOfWork(db, cos), email, reason="", remove=True)
    assert _counts(db) == before
    removed = accounts.unlink_login(UnitOfWork(db, cos), email, reason="literówka", remove=True)
    assert removed.action == "removed"
    with db.read() as session:
        assert session.get(LoginAccount, result.login_id) is None
    assert [e.operation for e in _outbox(db, result.login_id)] == ["upsert", "delete"]


# --- the state in plain words ---------------------------------------------------------------


def test_state_no_login_suggests_the_template_address(db, cos, templates):
    student = factories.student(db, "Anna", "Nowak", number="300001", login=None)
    report = accounts.account_state(UnitOfWork(db, cos), "300001")
    assert report.state is AccountState.NO_LOGIN and report.person_name == "Anna Nowak"
    assert report.suggested_email == f"300001@{STUDENT_DOMAIN}" and "the template gives 300001@" in report.fix
    assert "has no institutional e-mail linked" in report.words
    assert accounts.account_state(UnitOfWork(db, cos), student_id=student).state is AccountState.NO_LOGIN
    # An unlinked mailbox made from the number is most likely theirs.
    factories.login(db, f"300001@{STUDENT_DOMAIN}")
    report = accounts.account_state(UnitOfWork(db, cos), person_id=factories.person_of(db, student))
    assert report.unlinked_candidates == (f"300001@{STUDENT_DOMAIN}",) and "exists but is not linked" in report.fix


def test_state_login_not_linked(db, cos, templates):
    factories.student(db, "Anna", "Nowak", number="300002", login=None)
    factories.login(db, f"300002@{STUDENT_DOMAIN}")
    report = accounts.account_state(UnitOfWork(db, cos), f"300002@{STUDENT_DOMAIN.upper()}")
    assert report.state is AccountState.LOGIN_NOT_LINKED and report.email == f"300002@{STUDENT_DOMAIN}"
    assert "nobody is linked to it" in report.words and accounts.PORTAL_MESSAGE in report.words
    assert "looks like the login of Anna Nowak (300002)" in report.fix


def test_state_waiting_for_the_portal_until_the_outbox_entry_is_sent(db, cos, templates):
    student = factories.student(db, "Anna", "Nowak", number="300003", login=None)
    result = accounts.link_login(UnitOfWork(db, cos), f"300003@{STUDENT_DOMAIN}", student_id=student, reason="r")
    (queued,) = _outbox(db, result.login_id)
    for query in ("300003", f"300003@{STUDENT_DOMAIN}"):
        report = accounts.account_state(UnitOfWork(db, cos), query)
        assert report.state is AccountState.WAITING_FOR_PORTAL
        assert report.waiting_since == queued.created_at
        assert "not yet on the portal" in report.words and accounts.PORTAL_MESSAGE in report.words
        assert abs(report.waiting_since - now_utc()) < timedelta(minutes=1)
    _mark_sent(db, result.login_id)
    report = accounts.account_state(UnitOfWork(db, cos), "300003")
    assert report.state is AccountState.ON_PORTAL and report.waiting_since is None and report.fix == ""
    assert report.words == f"On the portal: Anna Nowak (300003) logs in as 300003@{STUDENT_DOMAIN}."


def test_state_of_an_unknown_or_malformed_address(db, cos, templates):
    factories.student(db, "Anna", "Nowak", number="300004")
    report = accounts.account_state(UnitOfWork(db, cos), "300004@student.uni.example.com")
    assert report.state is AccountState.NO_LOGIN and "has no login 300004@student.uni.example.com" in report.words
    assert report.person_name == "Anna Nowak" and f"logs in as 300004@{STUDENT_DOMAIN}" in report.words
    report = accounts.account_state(UnitOfWork(db, cos), "jan kowalski@student.uni.example.pl")
    assert report.state is AccountState.NO_LOGIN and any("contains a space" in p for p in report.problems)
    with pytest.raises(NotFound, match="Nothing matches 999999"):
        accounts.account_state(UnitOfWork(db, cos), "999999")
    with pytest.raises(DomainError):
        accounts.account_state(UnitOfWork(db, cos), "  ")


def test_state_reports_a_domain_not_matching_the_category(db, cos, templates):
    phd = factories.student(db, "Ewa", "Wiśniewska", number="300005", login=f"300005@{STUDENT_DOMAIN}")
    factories.set_category(db, phd, PersonCategory.PHD_STUDENT)
    report = accounts.account_state(UnitOfWork(db, cos), "300005")
    assert report.state is AccountState.ON_PORTAL and report.expected_domain == PHD_DOMAIN
    assert any(f"end in @{PHD_DOMAIN}" in p for p in report.problems) and "Check the address" in report.fix


# --- the worklist ---------------------------------------------------------------------------


def test_worklist_lists_each_kind_with_counts(db, cos, templates):
    no_login = factories.student(db, "Anna", "Nowak", number="400001", login=None)
    factories.student(db, "Adam", "Absolwent", number="400002", login=None, status=ProgrammeStatus.GRADUATED)
    factories.student(db, "Olga", "Bez", number="400003", login=None)
    factories.login(db, f"400003@{STUDENT_DOMAIN}")  # Olga's mailbox, unlinked
    factories.login(db, f"400099@{STUDENT_DOMAIN}")  # nobody's
    phd = factories.student(db, "Ewa", "Wiśniewska", number="400004", login=f"400004@{STUDENT_DOMAIN}")
    factories.set_category(db, phd, PersonCategory.PHD_STUDENT)
    teacher = factories.staff_person(db, "Jan", "Kowalski")
    factories.login(db, f"j.kowalski@{STAFF_DOMAIN}", teacher)
    factories.login(db, f"jkowalski@{STAFF_DOMAIN}")
    factories.login(db, f"ł.nowak@{STAFF_DOMAIN}")
    factories.login(db, f"l.nowak@{STAFF_DOMAIN}")
    factories.login(db, f"no-at-sign.{STAFF_DOMAIN}")
    factories.student(db, "Kamil", "Spokojny", number="400005")  # all in order

    result = accounts.worklist(UnitOfWork(db, cos))
    assert result.counts == {WorkKind.NO_LOGIN: 2, WorkKind.NOT_LINKED: 6, WorkKind.DOMAIN_MISMATCH: 1,
                             WorkKind.MALFORMED: 2, WorkKind.NEAR_DUPLICATE: 4}
    by_kind = {kind: [i for i in result.items if i.kind is kind] for kind in WorkKind}
    assert [(i.person_name, i.student_number) for i in by_kind[WorkKind.NO_LOGIN]] == [("Olga Bez", "400003"), ("Anna Nowak", "400001")]
    assert by_kind[WorkKind.NO_LOGIN][1].person_id == factories.person_of(db, no_login)
    assert f"400001@{STUDENT_DOMAIN}" in by_kind[WorkKind.NO_LOGIN][1].detail
    olga = next(i for i in by_kind[WorkKind.NOT_LINKED] if i.email == f"400003@{STUDENT_DOMAIN}")
    assert olga.person_name == "Olga Bez" and "looks like the login of Olga Bez" in olga.detail
    (mismatch,) = by_kind[WorkKind.DOMAIN_MISMATCH]
    assert mismatch.email == f"400004@{STUDENT_DOMAIN}" and f"end in @{PHD_DOMAIN}" in mismatch.detail
    assert {i.email for i in by_kind[WorkKind.NEAR_DUPLICATE]} == {
        f"j.kowalski@{STAFF_DOMAIN}", f"jkowalski@{STAFF_DOMAIN}", f"ł.nowak@{STAFF_DOMAIN}", f"l.nowak@{STAFF_DOMAIN}"}
    jan = next(i for i in by_kind[WorkKind.NEAR_DUPLICATE] if i.email == f"j.kowalski@{STAFF_DOMAIN}")
    assert jan.person_name == "Jan Kowalski" and f"jkowalski@{STAFF_DOMAIN}" in jan.detail
    # Polish letters are not used in logins: the same check as a single login's state.
    assert [i.email for i in by_kind[WorkKind.MALFORMED]] == [f"no-at-sign.{STAFF_DOMAIN}", f"ł.nowak@{STAFF_DOMAIN}"]
    assert "needs exactly one @" in by_kind[WorkKind.MALFORMED][0].detail

    limited = accounts.worklist(UnitOfWork(db, cos), kinds=[WorkKind.NOT_LINKED], limit=2)
    assert len(limited.items) == 2 and limited.truncated(WorkKind.NOT_LINKED)
    assert set(limited.counts) == {WorkKind.NOT_LINKED}


# --- bulk linking from a file ----------------------------------------------------------------


def _csv(path, rows, *, encoding="utf-8-sig", delimiter=";"):
    with open(path, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


@pytest.fixture
def people(db, templates):
    """Students of every case a mail-system export meets."""
    factories.student(db, "Piotr", "Zieliński", number="500001")  # linked already
    factories.student(db, "Anna", "Nowak", number="500002", login=None)
    factories.student(db, "Olga", "Bez", number="500003", login=None)
    phd = factories.student(db, "Ewa", "Wiśniewska", number="500004", login=None)
    factories.set_category(db, phd, PersonCategory.PHD_STUDENT)
    factories.login(db, f"500003@{STUDENT_DOMAIN}")  # Olga's, unlinked


def test_preview_reports_every_line_and_apply_refuses_errors_unless_told(db, cos, people, tmp_path):
    path = _csv(tmp_path / "export.csv", [
        ["Numer albumu", "Imię i nazwisko", "Adres e-mail"],
        ["500002", "Anna Nowak", f"500002@{STUDENT_DOMAIN}"],   # 2 ok, new login
        ["500003", "Olga Bez", f"500003@{STUDENT_DOMAIN.upper()}"],  # 3 ok, the existing login
        ["500001", "Piotr Zieliński", f"500001@{STUDENT_DOMAIN}"],  # 4 already linked to him
        ["599999", "Nikt", f"599999@{STUDENT_DOMAIN}"],  # 5 unknown student
        ["500004", "Ewa Wiśniewska", "500004 @doktorant"],  # 6 malformed
        ["500004", "Ewa Wiśniewska", f"500004@{STUDENT_DOMAIN}"],  # 7 duplicate (student on line 6)
        ["", "", ""],  # blank lines are skipped
        ["500099", "Ktoś", f"500001@{STUDENT_DOMAIN}"],  # 9 duplicate address (line 4)
        ["500005", "", ""],  # 10 missing value
    ])
    factories.student(db, "Kasia", "Inna", number="500006", login=None)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"500006;Kasia Inna;500001@{STUDENT_DOMAIN.replace('student', 'doktorant')}\n")  # 11 domain mismatch
        handle.write(f"500006;Kasia Inna;500002@{STUDENT_DOMAIN}\n")  # 12 duplicate
    preview = accounts.preview_bulk_link(UnitOfWork(db, cos), path)
    assert (preview.identifier_kind, preview.identifier_column, preview.email_column) == ("student_number", "Numer albumu", "Adres e-mail")
    assert [(l.line_number, l.outcome) for l in preview.lines] == [
        (2, LineOutcome.OK), (3, LineOutcome.OK), (4, LineOutcome.ALREADY_LINKED), (5, LineOutcome.UNKNOWN_STUDENT),
        (6, LineOutcome.MALFORMED), (7, LineOutcome.DUPLICATE_LINE), (9, LineOutcome.DUPLICATE_LINE),
        (10, LineOutcome.MISSING_VALUE), (11, LineOutcome.DOMAIN_MISMATCH), (12, LineOutcome.DUPLICATE_LINE),
    ]
    assert "The existing login will be linked to Olga Bez (500003)" in preview.lines[1].message
    assert preview.to_link == 2 and preview.errors == 7 and not preview.can_apply
    before = _counts(db)
    with pytest.raises(DomainError, match="Nothing was linked: 7 line"):
        accounts.apply_bulk_link(UnitOfWork(db, cos), path, reason="eksport z poczty")
    assert _counts(db) == before
    result = accounts.apply_bulk_link(UnitOfWork(db, cos), path, reason="eksport z poczty", skip_errors=True)
    assert (result.linked, result.created, result.unchanged, result.skipped) == (2, 1, 1, 7)
    assert accounts.account_state(UnitOfWork(db, cos), "500002").state is AccountState.WAITING_FOR_PORTAL
    assert accounts.account_state(UnitOfWork(db, cos), "500003").state is AccountState.WAITING_FOR_PORTAL
    logins, audits, queued = _counts(db)
    assert (logins, audits - before[1], queued - before[2]) == (before[0] + 1, 2, 2)
    with db.read() as session:
        numbers = set(session.scalars(select(Student.student_number).join(OutboxEntry, OutboxEntry.student_id == Student.id)))
        assert numbers == {"500002", "500003"}
        assert all(e.reason == "eksport z poczty" for e in session.scalars(select(AuditEntry).where(AuditEntry.entity == "login_account")))


def test_a_clean_file_links_everything_once(db, cos, people, tmp_path):
    path = _csv(tmp_path / "ok.csv", [["student number", "email"], ["500002", f"500002@{STUDENT_DOMAIN}"],
                                      ["500004", f"500004@{PHD_DOMAIN}"]], delimiter=",")
    preview = accounts.preview_bulk_link(UnitOfWork(db, cos), path)
    assert preview.can_apply and preview.to_link == 2
    assert accounts.apply_bulk_link(UnitOfWork(db, cos), path, reason="r").linked == 2
    again = accounts.preview_bulk_link(UnitOfWork(db, cos), path)
    assert {l.outcome for l in again.lines} == {LineOutcome.ALREADY_LINKED} and not again.can_apply
    assert accounts.apply_bulk_link(UnitOfWork(db, cos), path, reason="r").linked == 0
    with pytest.raises(DomainError, match="Say why"):
        accounts.apply_bulk_link(UnitOfWork(db, cos), path, reason=" ")


def test_windows_polish_csv_is_read(db, cos, people, tmp_path):
    path = _csv(tmp_path / "cp1250.csv", [["Nr indeksu", "Nazwisko", "E-mail"], ["500002", "Żółkiewska-Łęcka", f"500002@{STUDENT_DOMAIN}"]],
                encoding="cp1250")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    preview = accounts.preview_bulk_link(UnitOfWork(db, cos), path)
    assert [l.outcome for l in preview.lines] == [LineOutcome.OK]


def test_xlsx_with_numbers_as_numbers_and_pesel(db, admin, cos, people, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Lista kont z systemu pocztowego"])  # a title above the header
    sheet.append(["Student number", "Name", "E-mail address"])
    sheet.append([500002, "Anna Nowak", f"500002@{STUDENT_DOMAIN}"])
    sheet.append([500003.0, "Olga Bez", f"500003@{STUDENT_DOMAIN}"])
    book.save(tmp_path / "accounts.xlsx")
    preview = accounts.preview_bulk_link(UnitOfWork(db, cos), tmp_path / "accounts.xlsx")
    assert [(l.line_number, l.identifier, l.outcome) for l in preview.lines] == [
        (3, "500002", LineOutcome.OK), (4, "500003", LineOutcome.OK)]
    # PESEL of someone born in 2002 starts with 0, which a number cell loses.
    factories.student(db, "Zofia", "Młoda", number="500010", pesel="02270803624", login=None)
    book = Workbook()
    book.active.append(["PESEL", "adres"])
    book.active.append([2270803624, f"500010@{STUDENT_DOMAIN}"])
    book.save(tmp_path / "pesel.xlsx")
    with pytest.raises(PermissionDenied):  # a file by PESEL confirms PESELs: the personal-data right's
        accounts.preview_bulk_link(UnitOfWork(db, cos), tmp_path / "pesel.xlsx")
    preview = accounts.preview_bulk_link(UnitOfWork(db, admin), tmp_path / "pesel.xlsx")
    assert preview.identifier_kind == "pesel"
    assert [(l.identifier, l.outcome, l.person_name) for l in preview.lines] == [("02270803624", LineOutcome.OK, "Zofia Młoda")]


def test_files_that_cannot_be_imported(db, cos, people, tmp_path):
    wrong = _csv(tmp_path / "wrong.csv", [["Imię", "Nazwisko"], ["Anna", "Nowak"]])
    with pytest.raises(DomainError, match="needs a column with the student number.*its first line has: Imię; Nazwisko"):
        accounts.preview_bulk_link(UnitOfWork(db, cos), wrong)
    two = _csv(tmp_path / "two.csv", [["indeks", "e-mail prywatny", "e-mail uczelniany"], ["500002", "a@gmail.com", "b@x.pl"]])
    with pytest.raises(DomainError, match="Several columns could be the e-mail"):
        accounts.preview_bulk_link(UnitOfWork(db, cos), two)
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(DomainError, match="at most 20 MB"):
        accounts.preview_bulk_link(UnitOfWork(db, cos), huge)
    many = tmp_path / "many.csv"
    with open(many, "w", encoding="utf-8") as handle:
        handle.write("indeks;email\n")
        handle.writelines(f"{600000 + i};{600000 + i}@{STUDENT_DOMAIN}\n" for i in range(100_001))
    with pytest.raises(DomainError, match="more than 100,000 rows"):
        accounts.preview_bulk_link(UnitOfWork(db, cos), many)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DomainError, match=r"\.xls"):
        accounts.preview_bulk_link(UnitOfWork(db, cos), old)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(DomainError, match="cannot be read as an Excel"):
        accounts.preview_bulk_link(UnitOfWork(db, cos), broken)
    with pytest.raises(NotFound):
        accounts.preview_bulk_link(UnitOfWork(db, cos), tmp_path / "missing.csv")


def test_addresses_and_near_duplicate_keys():
    assert accounts.address_problem("123456@student.uni.opole.pl") is None
    assert accounts.address_problem("j.kowalski2@po.opole.pl") is None
    for bad in ("", "a@b", "a@@b.pl", ".a@b.pl", "a..b@c.pl", "a@-b.pl", "ą@b.pl", "a b@c.pl"):
        assert accounts.address_problem(bad) is not None, bad
    assert accounts.near_duplicate_key("J.Kowalski@PO.opole.pl") == accounts.near_duplicate_key("jkowalski@po.opole.pl")
    assert accounts.near_duplicate_key("ł.żak@x.pl") == accounts.near_duplicate_key("l.zak@x.pl")


def test_the_sync_takes_links_unlinks_and_removals_to_the_portal(db, cos, templates):
    from desk.model import SyncKind
    from desk.portal.database import open_portal_for
    from desk.portal.student_view import login_state_on_portal
    from desk.sync import run_sync

    student = factories.student(db, "Anna", "Nowak", number="800001", login=None)
    email = f"800001@{STUDENT_DOMAIN}"
    accounts.link_login(UnitOfWork(db, cos), email, student_id=student, reason="zgłoszenie")
    assert accounts.account_state(UnitOfWork(db, cos), email).state is AccountState.WAITING_FOR_PORTAL
    portal = open_portal_for(db)
    try:
        run_sync(UnitOfWork(db, cos), SyncKind.STUDENT, student_id=student, portal=portal)
        assert accounts.account_state(UnitOfWork(db, cos), email).state is AccountState.ON_PORTAL
        assert login_state_on_portal(portal, email) == "account"
        accounts.unlink_login(UnitOfWork(db, cos), email, reason="pomyłka")
        run_sync(UnitOfWork(db, cos), portal=portal)
        assert accounts.account_state(UnitOfWork(db, cos), email).state is AccountState.LOGIN_NOT_LINKED
        assert login_state_on_portal(portal, email) == "no_account"  # the portal's message, exactly as the desk says
        accounts.unlink_login(UnitOfWork(db, cos), email, reason="literówka", remove=True)
        run_sync(UnitOfWork(db, cos), portal=portal)
        assert login_state_on_portal(portal, email) == "unknown"
    finally:
        portal.dispose()
