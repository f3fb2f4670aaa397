"""Importing a university's files: what is read (formats, encodings, headings), what the preview says row
by row, what is written (all or nothing, one change set, queued for the portal), and what is refused."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desk.demo import _pesel
from desk.errors import DomainError, PermissionDenied
from desk.imports import service, workbooks
from desk.imports.kind import Status
from desk.model import AuditEntry, OutboxEntry, Person, ProgrammeStatus, Role, Student, StudentProgramme
from desk.unit_of_work import UnitOfWork
from tests import factories

PESEL = _pesel(date(2002, 7, 8), True, 123)
HEADER = "INDEKS;Nazwisko;Imię;PESEL;Data urodzenia;PRG_KOD;Etap;Status;Status od;Data przyjęcia\n"


def _csv(tmp_path, text: str, name: str = "students.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _preview(db, actor, kind, path):
    return service.preview_import(UnitOfWork(db, actor), kind, path)


@pytest.fixture
def university(db):
    factories.programme(db)
    return db


def test_a_students_file_previews_row_by_row_and_writes_nothing(university, admin, tmp_path):
    db = university
    path = _csv(tmp_path, HEADER
                + f"012345;Łukasiewicz;Jan;{PESEL};08.07.2002;INF-S1;1;aktywny;;01.10.2026\n"
                + "012346;Nowak;Anna;;;INF-S1;2;urlop;2026-10-01;01.10.2025\n"
                + "012347;Zły;Pesel;02270803629;;INF-S1;1;;;01.10.2026\n"
                + "012348;Bez;Kierunku;;;XXX;1;;;01.10.2026\n"
                + "012349;Zła;Data;;;INF-S1;1;;;31.02.2026\n"
                + f"012345;Łukasiewicz;Jan;{PESEL};08.07.2002;INF-S1;1;aktywny;;01.10.2026\n")
    preview = _preview(db, admin, "students", path)
    assert preview.shape.describe() == "CSV, UTF-8, separated by semicolon"
    assert preview.counts[Status.NEW] == 2 and preview.counts[Status.ERROR] == 4
    errors = {row.line: row.problems for row in preview.rows if row.status is Status.ERROR}
    assert errors[4][0][0] == "PESEL" and "not valid" in errors[4][0][1]
    assert errors[5] == [("Programme code", "no programme XXX at the desk")]
    assert errors[6][0][0] == "Admitted on" and "31.02.2026 is not a date" in errors[6][0][1]
    assert errors[7] == [("line", "the same record as line 2")]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Student)) == 0


def test_apply_is_all_or_nothing_unless_skipping_and_one_change_set_queued_for_the_portal(university, admin, tmp_path):
    db = university
    path = _csv(tmp_path, HEADER + f"012345;Łukasiewicz;Jan;{PESEL};08.07.2002;INF-S1;1;;;01.10.2026\n"
                + "012347;Zły;Pesel;02270803629;;INF-S1;1;;;01.10.2026\n")
    preview = _preview(db, admin, "students", path)
    with pytest.raises(DomainError, match="rows are in error"):
        service.apply_import(UnitOfWork(db, admin), preview, reason="the dean's list")
    with pytest.raises(DomainError, match="Say why"):
        service.apply_import(UnitOfWork(db, admin), preview, reason=" ", skip_errors=True)
    applied = service.apply_import(UnitOfWork(db, admin), preview, reason="the dean's list", skip_errors=True)
    assert (applied.new, applied.skipped) == (1, 1)
    with db.read() as session:
        number, first, status = session.execute(select(Student.student_number, Person.first_name, StudentProgramme.status)
                                                .join(Person, Person.id == Student.person_id)
                                                .join(StudentProgramme, StudentProgramme.student_id == Student.id)).one()
        assert (number, first, status) == ("012345", "Jan", ProgrammeStatus.ACTIVE)  # the leading zero kept
        entries = session.execute(select(AuditEntry.id, AuditEntry.entity, AuditEntry.change_set_id, AuditEntry.reason)
                                  .where(AuditEntry.change_set_id == applied.change_set_id).order_by(AuditEntry.id)).all()
        assert [(e.entity, e.reason) for e in entries] == [("import", "the dean's list"), ("student", None)]
        queued = set(session.execute(select(OutboxEntry.entity)).scalars())
        assert {"student_record", "person", "student_programme"} <= queued
    from desk import sync
    from desk.model import SyncKind
    from desk.portal import schema
    from desk.portal.database import open_portal_for
    from desk.unit_of_work import SystemJob

    sync.run_sync(UnitOfWork(db, SystemJob.SCHEDULE), SyncKind.FULL)  # the portal claimed
    later = _csv(tmp_path, HEADER + "012399;Nowy;Adam;;;INF-S1;1;;;01.10.2026\n", "later.csv")
    service.apply_import(UnitOfWork(db, admin), _preview(db, admin, "students", later), reason="one more")
    sync.run_sync(UnitOfWork(db, SystemJob.SCHEDULE), SyncKind.INCREMENTAL)
    with open_portal_for(db).read() as portal:
        numbers = set(portal.scalars(select(schema.students.c.student_number)))
        programmes = portal.scalar(select(func.count()).select_from(schema.student_programmes))
    assert numbers == {"012345", "012399"} and programmes == 2


def test_the_same_file_again_changes_nothing_and_a_later_file_updates_by_the_student_number(university, admin, tmp_path):
    db = university
    first = _csv(tmp_path, HEADER + "012346;Nowak;Anna;;;INF-S1;1;;;01.10.2025\n" + "012350;Kot;Ewa;;;INF-S1;1;;;01.10.2025\n")
    service.apply_import(UnitOfWork(db, admin), _preview(db, admin, "students", first), reason="start")
    again = _preview(db, admin, "students", first)
    assert again.counts[Status.UNCHANGED] == 2 and again.total == 2 and again.rows == [], [(r.status, r.changes, r.problems) for r in again.rows]
    later = _csv(tmp_path, HEADER + "012346;Nowak-Kowalska;Anna;;;INF-S1;2;urlop;01.03.2026;01.10.2025\n", "later.csv")
    preview = _preview(db, admin, "students", later)
    assert preview.counts[Status.CHANGED] == 1
    assert ("Last name", "Nowak", "Nowak-Kowalska") in preview.rows[0].changes
    assert ("Status", "active", "on_leave") in preview.rows[0].changes
    assert preview.missing == 1 and preview.missing_shown == ["012350 / INF-S1"]  # listed, never deleted
    service.apply_import(UnitOfWork(db, admin), preview, reason="leave")
    with db.read() as session:
        assert session.scalar(select(Person.last_name).where(Person.first_name == "Anna")) == "Nowak-Kowalska"
        assert session.scalar(select(func.count()).select_from(Student)) == 2


def test_windows_1250_commas_english_headings_in_any_order_and_xlsx(university, admin, tmp_path):
    db = university
    cp1250 = _csv(tmp_path, "Programme code,Admitted on,Last name,First name,Student number\n"
                            "INF-S1,2026-10-01,Żółć,Łucja,000777\n", "win.csv", "cp1250")
    preview = _preview(db, admin, "students", cp1250)
    assert preview.shape.describe() == "CSV, Windows-1250, separated by comma"
    assert preview.counts[Status.NEW] == 1 and preview.rows[0].values["last_name"] == "Żółć"
    book = Workbook()
    book.active.append(["Tytuł listy"])  # a title line above the headings
    book.active.append(["nr albumu", "IMIE", "NAZWISKO", "Kod kierunku", "Data przyjęcia"])
    book.active.append(["000778", "Piotr", "Wiśniewski", "INF-S1", date(2026, 10, 1)])
    book.save(tmp_path / "s.xlsx")
    preview = _preview(db, admin, "students", tmp_path / "s.xlsx")
    assert preview.counts[Status.NEW] == 1 and preview.header_line == 2
    assert preview.rows[0].values["student_number"] == "000778"


def test_a_file_without_the_required_columns_or_unreadable_is_refused_in_words(university, admin, tmp_path):
    db = university
    with pytest.raises(DomainError, match="no heading line naming the columns"):
        _preview(db, admin, "students", _csv(tmp_path, "a;b\n1;2\n"))
    with pytest.raises(service.WrongKind, match="Its headings fit Students and their programmes") as wrong:
        _preview(db, admin, "units", _csv(tmp_path, HEADER + "012346;Nowak;Anna;;;INF-S1;1;;;01.10.2025\n", "s.csv"))
    assert wrong.value.suggested == "students"
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(DomainError, match="cannot be read"):
        _preview(db, admin, "students", tmp_path / "bad.xlsx")
    with pytest.raises(DomainError, match="There is no kind of record"):
        _preview(db, admin, "pets", tmp_path / "bad.xlsx")


def test_a_changed_file_or_database_after_the_preview_is_refused(university, admin, tmp_path):
    db = university
    path = _csv(tmp_path, HEADER + "012346;Nowak;Anna;;;INF-S1;1;;;01.10.2025\n")
    preview = _preview(db, admin, "students", path)
    path.write_text(HEADER + "012346;Nowak;Anna;;;INF-S1;2;;;01.10.2025\n", encoding="utf-8")
    with pytest.raises(DomainError, match="changed after the preview"):
        service.apply_import(UnitOfWork(db, admin), preview, reason="x")
    preview = _preview(db, admin, "students", path)
    service.apply_import(UnitOfWork(db, admin), _preview(db, admin, "students", path), reason="first")
    with pytest.raises(DomainError, match="changed after the preview"):
        service.apply_import(UnitOfWork(db, admin), preview, reason="second")


def test_a_clerk_imports_only_their_units_students_and_no_teaching_offer(university, tmp_path):
    db = university
    factories.programme(db, "FIZ-S1", unit_code="WF", )
    clerk = factories.staff(db, "clerk", Role.CLERK, ("WMF",))
    path = _csv(tmp_path, HEADER + "012346;Nowak;Anna;;;INF-S1;1;;;01.10.2025\n" + "012347;Kot;Ewa;;;FIZ-S1;1;;;01.10.2025\n")
    preview = _preview(db, clerk, "students", path)
    assert preview.counts[Status.NEW] == 1
    assert preview.rows[1].problems == [("Programme code", "the programme FIZ-S1 is not of your units")]
    with pytest.raises(PermissionDenied):
        _preview(db, clerk, "terms", _csv(tmp_path, "Cykl;Nazwa;Data od;Data do\n2027L;Lato;01.03.2027;30.09.2027\n", "t.csv"))


def test_the_template_has_headings_notes_lists_and_an_example_that_previews_as_new(university, admin, tmp_path):
    db = university
    path = workbooks.write_template("students", tmp_path / "students.xlsx")
    book = load_workbook(path)
    data, notes = book.worksheets
    headings = [c.value for c in data[1]]
    assert headings[:3] == ["Student number", "Last name", "First name"]
    assert data.cell(row=2, column=1).value == "012345"
    assert any("aktywny" in str(v.formula1) for v in data.data_validations.dataValidation)
    assert [c.value for c in notes[1]][:3] == ["Column", "Also accepted as", "Required"]
    assert notes.max_row == len(headings) + 1
    with pytest.raises(FileExistsError):
        workbooks.write_template("students", path)
    factories.programme(db, "WI-INF-S1")
    preview = _preview(db, admin, "students", path)
    assert preview.counts[Status.ERROR] == 0 and preview.counts[Status.NEW] == 1, preview.rows[0].problems


def test_a_limit_below_the_enrolled_count_and_unknown_references_are_named(db, admin, tmp_path):
    factories.unit(db)
    term = factories.term(db)
    group = factories.group(db, factories.course(db), term, seat_limit=20)
    student = factories.student(db)
    from desk import enrollment

    enrollment.enroll(UnitOfWork(db, admin), student, group, reason="test")
    path = _csv(tmp_path, "Cykl;Kod przedmiotu;Typ zajęć;Numer grupy;Limit miejsc;Dolny limit miejsc\n"
                          "2026Z;MAT-101;ćwiczenia;1;0;0\n2026Z;NIE-MA;wykład;1;10;0\n2026Z;MAT-101;wykład;2;5;8\n", "g.csv")
    preview = _preview(db, admin, "groups", path)
    problems = [row.problems for row in preview.rows]
    assert problems == [[("Seat limit", "below the 1 students already enrolled")],
                        [("Course code", "no course NIE-MA at the desk")],
                        [("record", "The lower limit (8) cannot exceed the seat limit (5).")]]  # the groups' own rule


def test_records_missing_from_a_file_of_any_kind_are_listed(demo_db, tmp_path):
    from desk.imports.registry import kind_named
    from desk.staff import sign_in

    admin = sign_in(demo_db, "admin", "demo1234")
    for code in ("groups", "slots", "courses", "rounds", "access_rules"):
        kind = kind_named(code)
        with demo_db.read() as session:
            records = list(kind.records(session))
        path = workbooks.write_records(kind, records[1:], tmp_path / f"{code}.csv")
        preview = _preview(demo_db, admin, code, path)
        assert (preview.counts[Status.UNCHANGED], preview.missing) == (len(records) - 1, 1), (code, [(r.line, r.status, r.changes, r.problems) for r in preview.rows])


def test_enrollments_ask_the_rulebook_one_group_of_a_class_type_and_a_seat(db, admin, tmp_path):
    factories.unit(db)
    term = factories.term(db)
    course = factories.course(db)
    factories.group(db, course, term, number=1, seat_limit=1)
    factories.group(db, course, term, number=2, seat_limit=5)
    for number in ("100001", "100002"):
        factories.student(db, number=number)
    path = _csv(tmp_path, "INDEKS;Cykl;Kod przedmiotu;Typ zajęć;Numer grupy\n"
                          "100001;2026Z;MAT-101;ćwiczenia;1\n100001;2026Z;MAT-101;ćwiczenia;2\n"
                          "100002;2026Z;MAT-101;ćwiczenia;1\n", "e.csv")
    preview = _preview(db, admin, "enrollments", path)
    assert preview.counts[Status.NEW] == 1
    second, third = (row.problems[0][1] for row in preview.rows[1:])
    assert "already" in second and "MAT-101" in second  # one group of a course's class type
    assert "full" in third  # the seat the first line took


def test_a_registrations_file_sets_exchanges_and_waiting_lists_and_leaves_them_off_when_empty(db, admin, tmp_path):
    from desk.model import Registration

    factories.unit(db)
    factories.term(db)
    path = _csv(tmp_path, "Kod rejestracji;Nazwa;Kod jednostki;Cykl;Rodzaj;Wymiany dozwolone;Listy oczekujących\n"
                          "R-WYM;Z wymianami;WMF;2026Z;bezpośrednia;tak;tak\n"
                          "R-ZWYK;Zwykła;WMF;2026Z;bezpośrednia;;\n", "r.csv")
    preview = _preview(db, admin, "registrations", path)
    assert preview.counts[Status.NEW] == 2, [row.problems for row in preview.rows]
    service.apply_import(UnitOfWork(db, admin), preview, reason="oferta")
    with db.read() as session:
        flags = {r.code: (r.exchanges, r.waiting_lists) for r in session.scalars(select(Registration))}
    assert flags == {"R-WYM": (True, True), "R-ZWYK": (False, False)}
    # Written out and read back, the registrations are unchanged.
    from desk.imports.registry import kind_named

    kind = kind_named("registrations")
    with db.read() as session:
        records = list(kind.records(session))
    again = _preview(db, admin, "registrations", workbooks.write_records(kind, records, tmp_path / "back.csv"))
    assert again.counts[Status.UNCHANGED] == 2, [(row.changes, row.problems) for row in again.rows]
