"""The audit trail's read side: filters, keyset paging, words, who may read it, export; and that the log is append-only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from desk import access, history, rosters, students, tokens
from desk.clock import now_utc
from desk.errors import NotFound, PermissionDenied
from desk.groups import GroupScope
from desk.model import (
    AuditEntry,
    ClassGroup,
    Enrollment,
    EnrollmentStatus,
    OrgUnit,
    Person,
    Programme,
    Registration,
    Student,
    StudentProgramme,
    TokenType,
)
from desk.staff import actor_for_login
from desk.students import PersonChanges
from desk.unit_of_work import UnitOfWork


def _registration(db, code: str) -> int:
    with db.read() as session:
        return session.scalar(select(Registration.id).where(Registration.code == code))


def _students_of(db, unit_code: str, count: int, *, with_pesel: bool = False) -> list[int]:
    """Students of a unit's programmes, by id (a clerk of that unit acts for them)."""
    with db.read() as session:
        query = (
            select(Student.id)
            .join(StudentProgramme, StudentProgramme.student_id == Student.id)
            .join(Programme, Programme.id == StudentProgramme.programme_id)
            .join(OrgUnit, OrgUnit.id == Programme.unit_id)
            .join(Person, Person.id == Student.person_id)
            .where(OrgUnit.code == unit_code)
            .order_by(Student.id)
            .distinct()
        )
        if with_pesel:
            query = query.where(Person.pesel.is_not(None))
        return list(session.scalars(query.limit(count)))


def _number(db, student_id: int) -> str:
    with db.read() as session:
        return session.scalar(select(Student.student_number).where(Student.id == student_id))


def _token_type(db, code: str = "JO") -> int:
    with db.read() as session:
        return session.scalar(select(TokenType.id).where(TokenType.code == code))


@pytest.fixture
def staff(demo_db):
    return {login: actor_for_login(demo_db, login) for login in ("admin", "dziekanat", "cos")}


@pytest.fixture
def story(demo_db, staff):
    """A few things done at the desk: access, a PESEL shown, a late token correction, the clerk's own work."""
    admin, clerk = staff["admin"], staff["dziekanat"]
    first, second, third = _students_of(demo_db, "WMFI", 3, with_pesel=True)
    lek = _registration(demo_db, "SJO-LEK-2026Z")
    access.grant_access(UnitOfWork(demo_db, admin), lek, [first, second], reason="returned from leave")
    students.reveal_pesel(UnitOfWork(demo_db, admin), first)
    tokens.correct_balance(UnitOfWork(demo_db, admin), first, _token_type(demo_db), 2, reason="admitted mid-year",
                           override_reason="decision of the vice-dean")
    access.grant_access(UnitOfWork(demo_db, clerk), _registration(demo_db, "WMFI-SEM-2026Z"), [third], reason="late thesis topic")
    students.reveal_pesel(UnitOfWork(demo_db, clerk), third)
    return {"first": first, "second": second, "third": third, "lek": lek}


def test_a_students_history_in_words_newest_first(demo_db, staff, story):
    lines = history.history(UnitOfWork(demo_db, staff["admin"]), student_id=story["first"])
    assert [line.action for line in lines] == ["tokens.correction", "person.view_pesel", "access.grant"]
    correction, pesel, grant = lines
    assert correction.description == "Token balance corrected: +2 JO (deadline overridden)"
    assert "deadline overridden because: decision of the vice-dean" in correction.change
    assert correction.reason == "admitted mid-year"
    assert pesel.description == "PESEL shown" and pesel.personal_data
    assert grant.description == "Access to SJO-LEK-2026Z granted" and not grant.personal_data
    assert grant.reason == "returned from leave"
    number = _number(demo_db, story["first"])
    for line in lines:
        assert line.student_number == number and number in line.record and line.student_name in line.record
        assert line.staff_login == "admin" and line.who == "Anna Administratorka (admin)"
        assert line.at.tzinfo is not None
    assert lines[0].id > lines[1].id > lines[2].id


def test_filters_by_staff_kind_action_dates_and_personal_data(demo_db, staff, story):
    admin = staff["admin"]
    by_clerk = history.history(UnitOfWork(demo_db, admin), staff_login="DZIEKANAT")
    assert {line.action for line in by_clerk} == {"access.grant", "person.view_pesel"}
    assert all(line.staff_login == "dziekanat" for line in by_clerk)
    grants = history.history(UnitOfWork(demo_db, admin), entity="access_grant")
    assert len(grants) == 3 and {line.student_id for line in grants} == {story["first"], story["second"], story["third"]}
    assert len(history.history(UnitOfWork(demo_db, admin), entity=("access_grant", "person"))) == 5
    assert [line.action for line in history.history(UnitOfWork(demo_db, admin), action_prefix="tokens.")] == ["tokens.correction"]
    assert len(history.history(UnitOfWork(demo_db, admin), action_prefix=("tokens.", "person."))) == 3
    one = grants[-1]
    assert [line.id for line in history.history(UnitOfWork(demo_db, admin), entity="access_grant", entity_id=one.entity_id)] == [one.id]
    story_lines = [line for line in history.history(UnitOfWork(demo_db, admin)) if line.action != "demo.build"]
    assert len(story_lines) == 6
    start, end = story_lines[-1].at, story_lines[0].at
    assert [line.id for line in history.history(UnitOfWork(demo_db, admin), since=start)] == [line.id for line in story_lines]
    assert [line.action for line in history.history(UnitOfWork(demo_db, admin), until=start)] == ["demo.build"]  # until: before it
    assert history.history(UnitOfWork(demo_db, admin), since=end + timedelta(microseconds=1)) == []
    assert history.history(UnitOfWork(demo_db, admin), since=start, until=end)[-1].id == story_lines[-1].id
    assert history.history(UnitOfWork(demo_db, admin), until=now_utc() + timedelta(minutes=1), limit=1)[0].id == story_lines[0].id
    personal = history.history(UnitOfWork(demo_db, admin), personal_data_only=True)
    assert [line.action for line in personal] == ["person.view_pesel", "person.view_pesel"]
    assert all(line.personal_data for line in personal)
    both = history.history(UnitOfWork(demo_db, admin), staff_login="dziekanat", personal_data_only=True)
    assert [line.student_id for line in both] == [story["third"]]
    with pytest.raises(NotFound, match="nobody"):
        history.history(UnitOfWork(demo_db, admin), staff_login="nobody")


def test_keyset_paging_reads_every_entry_once(demo_db, staff):
    admin = staff["admin"]
    many = _students_of(demo_db, "WMFI", 23)
    access.grant_access(UnitOfWork(demo_db, admin), _registration(demo_db, "WMFI-SEM-2026Z"), many, reason="cohort")
    everything = [line.id for line in history.history(UnitOfWork(demo_db, admin), entity="access_grant", limit=1000)]
    assert len(everything) == 23
    pages, before = [], None
    while True:
        page = history.history(UnitOfWork(demo_db, admin), entity="access_grant", limit=5, before_id=before)
        if not page:
            break
        assert len(page) <= 5
        pages.append([line.id for line in page])
        before = page[-1].id
    assert [len(p) for p in pages] == [5, 5, 5, 5, 3]
    assert [i for p in pages for i in p] == everything == sorted(everything, reverse=True)
    # One student's entries page the same way.
    student = many[0]
    students.reveal_pesel(UnitOfWork(demo_db, admin), student)
    first = history.history(UnitOfWork(demo_db, admin), student_id=student, limit=1)
    rest = history.history(UnitOfWork(demo_db, admin), student_id=student, before_id=first[0].id)
    assert [line.action for line in first + rest] == ["person.view_pesel", "access.grant"]


def test_a_clerk_reads_a_students_history_but_not_the_whole_log(demo_db, staff, story):
    clerk, service = staff["dziekanat"], staff["cos"]
    for kwargs in ({}, {"staff_login": "admin"}, {"personal_data_only": True}, {"entity": "access_grant"}):
        with pytest.raises(PermissionDenied):
            history.history(UnitOfWork(demo_db, clerk), **kwargs)
        with pytest.raises(PermissionDenied):
            history.history(UnitOfWork(demo_db, service), **kwargs)
    with pytest.raises(PermissionDenied):
        history.staff_members(UnitOfWork(demo_db, clerk))
    assert len(history.history(UnitOfWork(demo_db, clerk), student_id=story["first"])) == 3
    assert len(history.history(UnitOfWork(demo_db, service), student_id=story["third"], personal_data_only=True)) == 1
    assert [m.login for m in history.staff_members(UnitOfWork(demo_db, staff["admin"]))] == ["admin", "cos", "dziekanat"]


def test_private_e_mail_in_a_change_is_hidden_from_roles_without_personal_data(demo_db, staff, story):
    admin = staff["admin"]
    student = story["second"]
    card = students.student_card(UnitOfWork(demo_db, admin), student)
    students.update_person(
        UnitOfWork(demo_db, admin), student,
        PersonChanges(card.first_name, card.middle_name, "Nowak-Kowalska", card.birth_date, None, "nowy.adres@example.pl",
                      keep_pesel=True),
        reason="marriage certificate",
    )
    seen = history.history(UnitOfWork(demo_db, admin), student_id=student)[0]
    assert seen.description == "Personal data corrected"
    assert "surname: " in seen.change and "→ Nowak-Kowalska" in seen.change
    assert "nowy.adres@example.pl" in seen.change
    hidden = history.history(UnitOfWork(demo_db, staff["cos"]), student_id=student)[0]
    assert "nowy.adres@example.pl" not in hidden.change and "private e-mail: ••• → •••" in hidden.change
    assert "→ Nowak-Kowalska" in hidden.change


def _entry(session, staff_id: int | None, action: str, entity: str, entity_id: int | None, *, student_id: int | None = None,
           before: dict | None = None, after: dict | None = None, reason: str | None = None) -> AuditEntry:
    """An audit entry as stored (the read side reads what is there, whichever desk wrote it)."""
    entry = AuditEntry(staff_id=staff_id, action=action, entity=entity, entity_id=entity_id, student_id=student_id,
                       before=before, after=after, reason=reason)
    session.add(entry)
    return entry


def test_every_known_action_is_described_in_words(db, admin):
    """Families without a service call in these tests: written as the services write them."""
    from tests import factories

    student = factories.student(db, "Łucja", "Żak", number="777001")
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    group = factories.group(db, course, term, seat_limit=20)
    registration = factories.registration(db, code="REG-1", term_id=term)
    jo = factories.token_type(db, "JO")
    entries = [
        ("enrollment.create", "enrollment", 1, student, None, {"group_id": group, "status": "accepted"}),
        ("enrollment.override", "enrollment", 1, student, None, {"group_id": group, "over_limit": True}),
        ("enrollment.cancel", "enrollment", 1, student, {"status": "accepted"}, {"group_id": group, "status": "cancelled"}),
        ("enrollment.move", "enrollment", 2, student, {"group_id": group, "enrollment_id": 1}, {"group_id": group}),
        ("enrollment.portal_register", "enrollment", 3, student, None, {"group_id": group}),
        ("access.revoke", "access_grant", 9, student, None, {"registration_id": registration, "decision": "revoke"}),
        ("access.withdraw", "access_grant", 9, student, {"decision": "grant"}, {"withdrawn_at": "2026-10-01T10:00:00+00:00"}),
        ("access_rule.create", "access_rule", 1, None, None, {"registration_id": registration, "stage": 1}),
        ("tokens.allocation", "token_entry", 1, student, None, {"token_type_id": jo, "amount": 4}),
        ("tokens.spend", "token_entry", 2, student, None, {"token_type_id": jo, "amount": -1}),
        ("tokens.refund", "token_entry", 3, student, None, {"token_type_id": jo, "amount": 1}),
        ("token_request.accepted", "token_request", 1, student, None, {"group_id": group, "status": "accepted"}),
        ("token_request.refuse_permanently", "registration", registration, None, None, {"requests": 4}),
        ("payment.create", "payment", 1, student, None, {"amount": "180.00", "status": "due"}),
        ("payment.cancel", "payment", 1, student, {"status": "due"}, {"status": "cancelled"}),
        ("person.update", "person", 1, student, {"last_name": "Żak"}, {"last_name": "Żak-Nowak"}),
        ("export.roster", "export", None, None, None, {"students": 12, "rows": 12}),
        ("export.payments", "export", None, None, None, {"file": "p.xlsx", "rows": 3}),
        ("staff.create", "staff_user", 2, None, None, {"login": "jnowak", "role": "clerk"}),
        ("staff.disable", "staff_user", 2, None, None, {"login": "jnowak", "active": False}),
        ("sync_conflict.resolve", "sync_conflict", 1, student, None, {"enroll_over_limit": True}),
        ("sync.schedule", "setting", None, None, {"schedule": "01:25 full"}, {"schedule": "02:00 full"}),
        ("login.link", "login_account", 1, student, None, {"email": "777001@student.uni.example.pl"}),
        ("login.unlink", "login_account", 1, student, {"email": "777001@student.uni.example.pl"}, None),
        ("login_template.set", "login_template", 1, None, None, {"category": "student", "domain": "x.pl"}),
        ("registration.create", "registration", registration, None, None, {"code": "REG-1", "name": "R"}),
        ("round.delete", "round", 99, None, {"name": "Tura 1", "starts_at": "2026-10-01T08:00:00+00:00"}, None),
        ("class_group.limit", "class_group", group, None, {"seat_limit": 20}, {"seat_limit": 25}),
        ("class_group.lower_limit", "class_group", group, None, {"lower_limit": 0}, {"lower_limit": 8}),
        ("mystery.thing", "widget", 5, None, None, {"colour": "blue"}),
    ]
    with db.write() as session:
        for action, entity, entity_id, student_id, before, after in entries:
            _entry(session, admin.id, action, entity, entity_id, student_id=student_id, before=before, after=after, reason="why")
    lines: dict = {}
    for line in history.history(UnitOfWork(db, admin), limit=100):  # newest first: the entries above, not the fixture's
        lines.setdefault(line.action, line)
    words = {action: line.description for action, line in lines.items()}
    label = "2026Z MAT-101 class 1"
    assert words["enrollment.create"] == f"Enrolled in {label}"
    assert words["enrollment.override"] == f"Enrolled over the limit in {label}"
    assert words["enrollment.cancel"] == f"Unenrolled from {label}"
    assert words["enrollment.move"] == f"Moved from {label} to {label}"
    assert words["enrollment.portal_register"] == f"Registered on the portal in {label}"
    assert lines["enrollment.portal_register"].who == "Anna Administratorka (admin)"
    assert words["access.revoke"] == "Access to REG-1 revoked"
    assert words["access.withdraw"] == "Access decision withdrawn (the rules apply again)"  # its row is not there
    assert words["access_rule.create"] == "Access rule added to REG-1"
    assert words["tokens.allocation"] == "Tokens allocated: +4 JO"
    assert words["tokens.spend"] == "Token spent: JO" and words["tokens.refund"] == "Token refunded: JO"
    assert words["token_request.accepted"] == f"Token request for {label} accepted"
    assert words["token_request.refuse_permanently"].startswith("Pending token requests refused permanently: 4")
    assert words["payment.create"] == "Payment of 180.00 PLN due" and words["payment.cancel"] == "Payment cancelled"
    assert lines["payment.cancel"].change == "status: due → cancelled"
    assert words["person.update"] == "Personal data corrected"
    assert lines["person.update"].change == "surname: Żak → Żak-Nowak"
    assert words["export.roster"] == "Exported: class lists (lines: 12)"
    assert words["export.payments"] == "Exported: payments due (lines: 3)"
    assert lines["export.roster"].personal_data and lines["export.payments"].personal_data
    assert words["staff.create"] == "Staff account jnowak created"
    assert words["staff.disable"] == "Staff account jnowak disabled"
    assert words["sync_conflict.resolve"] == "Sync conflict settled: enrolled over the limit"
    assert words["sync.schedule"] == "Sync schedule changed"
    assert lines["sync.schedule"].change == "schedule: 01:25 full → 02:00 full"
    assert words["login.link"] == "Login 777001@student.uni.example.pl linked"
    assert words["login.unlink"] == "Login 777001@student.uni.example.pl unlinked"
    assert words["login_template.set"] == "Login template for student set"
    assert words["registration.create"] == "Registration REG-1 created"
    assert words["round.delete"] == "Round \u201cTura 1\u201d removed"
    assert "starts: 2026-10-01 10:00 → —" in lines["round.delete"].change  # shown in Warsaw time
    assert words["class_group.limit"] == "Seat limit changed" and lines["class_group.limit"].change == "seat limit: 20 → 25"
    assert lines["class_group.limit"].record == f"class group {label}"
    assert words["class_group.lower_limit"] == "Lower limit changed"
    assert words["mystery.thing"] == "mystery.thing"  # unknown: shown as its code
    assert lines["mystery.thing"].change == "colour: blue" and lines["mystery.thing"].record == "widget #5"
    assert lines["enrollment.create"].record == "777001 Łucja Żak · enrollment #1"


def test_the_audit_log_refuses_updates_and_deletes_in_the_database(db, admin):
    with db.write() as session:
        entry = _entry(session, admin.id, "person.view_pesel", "person", 1)
        session.flush()
        entry_id = entry.id
    statements = [
        update(AuditEntry).where(AuditEntry.id == entry_id).values(reason="covered up"),
        delete(AuditEntry).where(AuditEntry.id == entry_id),
        text("UPDATE audit_log SET staff_id = NULL"),
        text("DELETE FROM audit_log"),
    ]
    for statement in statements:
        with pytest.raises(DBAPIError, match="append-only"):
            with db.write() as session:
                session.execute(statement)
    # Nor through the ORM, and nothing changed.
    with pytest.raises(DBAPIError, match="append-only"):
        with db.write() as session:
            session.delete(session.get(AuditEntry, entry_id))
    with db.read() as session:
        kept = session.get(AuditEntry, entry_id)
        assert kept.reason is None and kept.staff_id == admin.id and kept.action == "person.view_pesel"


def test_a_roster_export_is_personal_data_access(demo_db, staff, tmp_path):
    admin = staff["admin"]
    with demo_db.read() as session:
        group_id, enrolled = session.execute(
            select(ClassGroup.id, ClassGroup.enrolled_count).where(ClassGroup.enrolled_count > 0).order_by(ClassGroup.id)
        ).first()
    rosters.export_rosters(UnitOfWork(demo_db, admin), GroupScope(group_ids=(group_id,)), tmp_path / "lista.xlsx")
    line = history.history(UnitOfWork(demo_db, admin), personal_data_only=True)[0]
    assert line.action == "export.roster" and line.personal_data and line.who == "Anna Administratorka (admin)"
    assert line.description == f"Exported: class lists (groups: 1, students: {enrolled})"
    assert "file: lista.xlsx" in line.change
    assert history.history(UnitOfWork(demo_db, admin), entity=[k.entities for k in history.record_kinds() if k.key == "exports"][0])


def test_export_history_writes_what_is_shown_and_is_recorded(demo_db, staff, story, tmp_path):
    admin, clerk = staff["admin"], staff["dziekanat"]
    student = story["third"]
    access.grant_access(UnitOfWork(demo_db, clerk), _registration(demo_db, "WMFI-SEM-2026Z"), [student],
                        reason='=HYPERLINK("http://example.com","click")')
    lines = history.history(UnitOfWork(demo_db, clerk), student_id=student)
    path = history.export_history(UnitOfWork(demo_db, clerk), lines, tmp_path / "historia.xlsx", filters="student: x")
    sheet = load_workbook(path).worksheets[0]
    assert sheet.title == "Audit trail"
    header = next(r for r in range(1, 15) if sheet.cell(row=r, column=1).value == "Entry")
    assert [sheet.cell(row=header, column=c).value for c in range(1, 9)] == [
        "Entry", "When", "Who", "What", "Record", "Change", "Reason", "Action code"]
    rows = [[sheet.cell(row=r, column=c).value for c in range(1, 9)] for r in range(header + 1, header + 1 + len(lines))]
    assert [row[0] for row in rows] == [line.id for line in lines]
    assert rows[0][3] == "Access to WMFI-SEM-2026Z granted" and rows[0][7] == "access.grant"
    formula = sheet.cell(row=header + 1, column=7)
    assert formula.value.startswith("=HYPERLINK") and formula.data_type == "s" and formula.quotePrefix  # text, never a formula
    # The decision the new grant replaced (the story's) changed too, and says so.
    assert sheet.cell(row=header + 2, column=4).value == "Access decision on WMFI-SEM-2026Z replaced by a newer one"
    assert sheet.cell(row=header + 3, column=4).value == "PESEL shown"
    assert sheet.cell(row=header + 1, column=2).is_date
    recorded = history.history(UnitOfWork(demo_db, admin), personal_data_only=True)[0]
    assert recorded.action == "export.history" and recorded.student_id == student and recorded.staff_login == "dziekanat"
    assert recorded.description == f"Exported: history (lines: {len(lines)})"
    # The student's own history says it left, too.
    assert history.history(UnitOfWork(demo_db, clerk), student_id=student, limit=1)[0].action == "export.history"


def test_export_history_of_several_students_is_for_administrators(demo_db, staff, story, tmp_path):
    lines = history.history(UnitOfWork(demo_db, staff["admin"]), entity="access_grant")
    assert len({line.student_id for line in lines}) > 1
    with pytest.raises(PermissionDenied):
        history.export_history(UnitOfWork(demo_db, staff["dziekanat"]), lines, tmp_path / "all.xlsx")
    assert not (tmp_path / "all.xlsx").exists()
    path = history.export_history(UnitOfWork(demo_db, staff["admin"]), lines, tmp_path / "all.xlsx")
    assert path.exists()
    with pytest.raises(FileExistsError):
        history.export_history(UnitOfWork(demo_db, staff["admin"]), lines, tmp_path / "all.xlsx")


def test_an_export_that_cannot_be_recorded_leaves_no_file(db, admin, tmp_path, monkeypatch):
    from tests import factories

    student = factories.student(db)
    with db.write() as session:
        _entry(session, admin.id, "person.view_pesel", "person", 1, student_id=student)
    lines = history.history(UnitOfWork(db, admin), student_id=student)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(UnitOfWork, "record_change", broken)
    with pytest.raises(RuntimeError):
        history.export_history(UnitOfWork(db, admin), lines, tmp_path / "h.xlsx")
    assert not (tmp_path / "h.xlsx").exists()


def test_the_student_card_reads_the_newest_50(demo_db, staff):
    admin = staff["admin"]
    with demo_db.read() as session:
        student = session.scalar(
            select(Enrollment.student_id).where(Enrollment.status == EnrollmentStatus.ACCEPTED).order_by(Enrollment.id)
        )
    for _ in range(55):
        students.reveal_pesel(UnitOfWork(demo_db, admin), student)
    card = history.student_history(UnitOfWork(demo_db, admin), student)
    every = history.history(UnitOfWork(demo_db, admin), student_id=student, limit=1000)
    assert len(card) == history.CARD_LIMIT == 50 and [line.id for line in card] == [line.id for line in every[:50]]
