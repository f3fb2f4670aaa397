"""PESELs stay private: only roles with the personal-data right find or confirm one, each time in the access log,
and the card's mask leaves nothing to derive a PESEL from."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from sqlalchemy import func, select

from desk import accounts, history, students
from desk.errors import NotFound, PermissionDenied
from desk.model import AuditEntry, Role
from desk.student_search import search_students
from desk.unit_of_work import UnitOfWork
from tests import factories

PESEL = "44051401359"  # born 1944-05-14
STUDENT_DOMAIN = "student.uni.example.pl"


@pytest.fixture
def people(db):
    factories.login_templates(db)
    return {
        "zolkiewski": factories.student(db, "Łukasz", "Żółkiewski", number="123456", pesel=PESEL,
                                        birth_date=date(1944, 5, 14), login=None),
        "nowak": factories.student(db, "Anna", "Nowak", number="440514"),  # a student number that looks like a birth date
    }


@pytest.fixture
def cos(db):
    return factories.staff(db, "cos", Role.SERVICE_CENTER)


@pytest.fixture
def clerk(db):
    return factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))


def _names(db, actor, query) -> list[str]:
    return [row.last_name for row in search_students(UnitOfWork(db, actor), query).rows]


def _access_log(db) -> list[AuditEntry]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action.like("personal\\_data.%", escape="\\"))
                                    .order_by(AuditEntry.id)))


def _audit_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


# --- the lookup ------------------------------------------------------------------------------------


def test_the_service_center_cannot_find_anyone_by_pesel_or_its_prefix(db, cos, people):
    # A surname and a growing prefix answered hit or miss: now it answers nothing either way.
    for prefix in (PESEL[:4], PESEL[:6], PESEL[:8], PESEL[:10]):
        assert _names(db, cos, f"zolkiewski {prefix}") == []
    assert _names(db, cos, "4405") == ["Nowak"]  # student numbers are still found
    with pytest.raises(PermissionDenied, match="see personal data"):
        search_students(UnitOfWork(db, cos), PESEL)  # a whole PESEL: refused, found or not
    with pytest.raises(PermissionDenied, match="see personal data"):
        search_students(UnitOfWork(db, cos), "92071314764")
    assert _access_log(db) == []


def test_a_search_by_pesel_is_in_the_access_log_of_the_student_found(db, admin, clerk, people):
    assert _names(db, clerk, "zolkiewski 440514013") == ["Żółkiewski"]
    assert _names(db, admin, PESEL) == ["Żółkiewski"]
    assert _names(db, admin, "Nowak 440514") == ["Nowak"]  # by student number: not a PESEL search
    assert _names(db, admin, "92071314764") == []  # a whole PESEL nobody has: a search all the same
    log = _access_log(db)
    assert [(e.action, e.staff_id, e.student_id) for e in log] == [
        ("personal_data.pesel_search", clerk.id, people["zolkiewski"]),
        ("personal_data.pesel_search", admin.id, people["zolkiewski"]),
        ("personal_data.pesel_search", admin.id, None),
    ]
    assert all(PESEL not in str(e.after) and PESEL[:6] not in str(e.after) for e in log)  # the log holds no PESEL
    lines = history.history(UnitOfWork(db, admin), personal_data_only=True)
    assert [line.description for line in lines] == ["Searched by PESEL"] * 3
    assert all(line.personal_data for line in lines)


# --- the card --------------------------------------------------------------------------------------


def test_the_card_shows_no_digit_of_the_pesel_and_the_birth_date_only_to_personal_data_roles(db, cos, clerk, people):
    hidden = students.student_card(UnitOfWork(db, cos), people["zolkiewski"])
    assert hidden.birth_date is None and not any(c.isdigit() for c in hidden.pesel_masked) and hidden.pesel_masked
    shown = students.student_card(UnitOfWork(db, clerk), people["zolkiewski"])
    assert shown.birth_date == date(1944, 5, 14)
    assert shown.pesel_masked and not any(c.isdigit() for c in shown.pesel_masked)  # the number itself: only revealed
    assert students.reveal_pesel(UnitOfWork(db, clerk), people["zolkiewski"]) == PESEL
    none = students.student_card(UnitOfWork(db, cos), people["nowak"])
    assert none.pesel_masked == ""  # no PESEL on file


def test_a_pesel_replaced_by_another_is_a_change_and_no_digit_reaches_the_history(db, clerk, cos, people):
    student = people["zolkiewski"]
    card = students.student_card(UnitOfWork(db, clerk), student)
    other = "44051401458"
    students.update_person(
        UnitOfWork(db, clerk), student,
        students.PersonChanges(card.first_name, card.middle_name, card.last_name, card.birth_date, other, None),
        reason="błąd w PESEL")
    seen = history.history(UnitOfWork(db, clerk), student_id=student)[0]
    assert seen.description == "Personal data corrected" and "PESEL replaced" in seen.change
    assert not any(part in seen.change for part in (PESEL[-4:], other[-4:]))
    hidden = history.history(UnitOfWork(db, cos), student_id=student)[0]
    assert "1944" not in hidden.change


# --- login state and the import of logins --------------------------------------------------------------


def test_the_login_state_by_pesel_only_for_personal_data_roles_and_logged(db, admin, cos, people):
    before = _audit_count(db)
    with pytest.raises(PermissionDenied, match="see personal data"):
        accounts.account_state(UnitOfWork(db, cos), PESEL)
    with pytest.raises(PermissionDenied, match="see personal data"):
        accounts.account_state(UnitOfWork(db, cos), "92071314764")  # the same answer for a PESEL nobody has
    assert _audit_count(db) == before
    assert accounts.account_state(UnitOfWork(db, cos), "123456").student_id == people["zolkiewski"]  # by number: fine
    report = accounts.account_state(UnitOfWork(db, admin), PESEL)
    assert report.student_id == people["zolkiewski"]
    with pytest.raises(NotFound):
        accounts.account_state(UnitOfWork(db, admin), "92071314764")
    log = _access_log(db)
    assert [(e.action, e.staff_id) for e in log] == [("personal_data.pesel_lookup", admin.id)] * 2
    assert log[0].entity_id is not None and log[1].entity_id is None


def _pesel_file(folder) -> str:
    path = folder / "pesel.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["PESEL", "E-mail"])
        writer.writerow([PESEL, f"123456@{STUDENT_DOMAIN}"])
        writer.writerow(["92071314764", f"999999@{STUDENT_DOMAIN}"])
    return path


def test_an_import_of_logins_by_pesel_only_for_personal_data_roles_and_logged(db, admin, cos, people, tmp_path):
    path = _pesel_file(tmp_path)
    before = _audit_count(db)
    with pytest.raises(PermissionDenied, match="see personal data"):
        accounts.preview_bulk_link(UnitOfWork(db, cos), path)
    with pytest.raises(PermissionDenied, match="see personal data"):
        accounts.apply_bulk_link(UnitOfWork(db, cos), path, reason="eksport z poczty", skip_errors=True)
    assert _audit_count(db) == before
    preview = accounts.preview_bulk_link(UnitOfWork(db, admin), path)
    assert [line.person_name for line in preview.lines] == ["Łukasz Żółkiewski", None]
    accounts.apply_bulk_link(UnitOfWork(db, admin), path, reason="eksport z poczty", skip_errors=True)
    log = _access_log(db)
    assert [(e.action, e.staff_id, e.after["rows"]) for e in log] == [("personal_data.pesel_file", admin.id, 2)] * 2
