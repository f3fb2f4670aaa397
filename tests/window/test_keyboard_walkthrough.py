"""A clerk's day by keyboard alone, in a real window on a 1366x768 screen.

The application runs in its own process under Xvfb and openbox; every key goes through the X
server (xdotool). Signed in as the dean's office clerk: find a student, ask why they cannot
register, grant access, sync the student, correct a token balance, raise a group's limit; then as
the Student Service Center: link a login. Each step is read back from the database.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.clock import now_utc
from desk.db import open_database
from desk.demo import DEMO_PASSWORD
from desk.eligibility import registrations_for_student
from desk.institution import institution_settings
from desk.model import ClassGroup, Course, LoginAccount, OrgUnit, Person, Programme, Student, StudentProgramme, TokenType
from desk.registrations import current_term_ids
from desk.staff import actor_for_login
from desk.tokens import correction_deadline
from desk.unit_of_work import UnitOfWork
from tests.window.xsession import Application, XSession, require_tools, until

pytestmark = pytest.mark.window


@pytest.fixture
def session(tmp_path):
    require_tools()
    shots = tmp_path / "screens"
    shots.mkdir()
    x = XSession(shots)
    yield x
    x.close()


def _sql(path: Path, query: str, *args) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(query, args).fetchall()


def _the_day(path: Path) -> dict:
    """What the clerk will work on, chosen from the demo the way a clerk would find it."""
    database = open_database(str(path)).database
    try:
        clerk = actor_for_login(database, "dziekanat")
        plan: dict = {"institution": institution_settings(database).name}
        with database.read() as session:
            unit_code = session.scalar(select(OrgUnit.code).where(OrgUnit.id.in_(clerk.unit_ids)))
            students = session.execute(
                select(Student.id, Student.student_number).join(StudentProgramme, StudentProgramme.student_id == Student.id)
                .join(Programme, Programme.id == StudentProgramme.programme_id)
                .where(Programme.unit_id.in_(clerk.unit_ids), StudentProgramme.status == "active").order_by(Student.id)
            ).all()
            token_types = session.execute(select(TokenType.id, TokenType.code).order_by(TokenType.code)).all()
            open_types = [code for type_id, code in token_types
                          if (deadline := correction_deadline(session, type_id, now_utc())) is None or not deadline.passed]
            term_id = current_term_ids(database)[0]
            course = session.execute(
                select(Course.code).join(ClassGroup, ClassGroup.course_id == Course.id)
                .where(Course.unit_id.in_(clerk.unit_ids), ClassGroup.term_id == term_id)
                .group_by(Course.code).order_by(Course.code)
            ).scalars().first()
            no_login = session.execute(
                select(Student.student_number).join(Person, Person.id == Student.person_id)
                .where(~select(LoginAccount.id).where(LoginAccount.person_id == Person.id).exists())
                .order_by(Student.id)
            ).scalars().first()
        for student_id, number in students:
            lines = registrations_for_student(UnitOfWork(database, clerk), student_id)
            refused = [line.registration.code for line in lines
                       if not line.admitted and line.registration.code.startswith(unit_code)
                       and "Rule or individual grant" in line.summary]
            if refused:
                plan.update(student_id=student_id, number=number, registration=refused[0])
                break
        plan.update(token_type=open_types[0], course=course, term_id=term_id, no_login=no_login)
        assert {"number", "token_type", "course", "no_login"} <= plan.keys() and all(plan.values()), plan
        return plan
    finally:
        database.dispose()


def _sign_in(x: XSession, login: str) -> None:
    x.wait_title("Sign in")
    x.type(login)
    x.key("Tab")
    x.type(DEMO_PASSWORD)
    x.key("Return")


def test_a_clerks_day_by_keyboard_in_a_real_window(session, tmp_path, _demo_templates):
    database = tmp_path / "desk.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), database)
    plan = _the_day(database)
    x = session
    app = Application(x, database, tmp_path / "home")
    try:
        # Sign in: the login field has the keyboard; Enter signs in.
        _sign_in(x, "dziekanat")
        x.wait_title(plan["institution"])
        x.screenshot("signed-in")

        # Find the student: the search has the keyboard; Enter opens the only match.
        x.type(plan["number"])
        x.key("Return")
        card = f"student {plan['number']}"
        x.wait_title(card)

        # Why can't they register? Alt+I takes the keyboard to the registrations, typing finds the row.
        x.key("alt+i")
        x.type(plan["registration"])
        x.key("alt+w")
        x.wait_title(f"register for {plan['registration']}")
        x.screenshot("why")
        x.key("Escape")
        x.wait_title(card)

        # Grant access on that registration, with the reason.
        x.key("alt+g")
        x.wait_title("Grant access")
        x.type("returned from leave")
        x.key("Return")
        until(lambda: _sql(database, "select count(*) from access_grants g join registrations r on r.id = g.registration_id "
                                     "where g.student_id = ? and r.code = ? and g.decision = 'grant' "
                                     "and g.reason = 'returned from leave'", plan["student_id"], plan["registration"])[0][0] == 1,
              "the grant to be saved")
        x.wait_title(card)

        # Sync this student now: nothing of theirs waits for the portal afterwards.
        x.key("alt+n")
        until(lambda: _sql(database, "select count(*) from sync_outbox where student_id = ? and sent_at is null",
                           plan["student_id"])[0][0] == 0, "the student's changes to reach the portal")
        x.screenshot("synced")
        x.key("Escape")
        x.wait_title_gone(card)

        # Tokens: correct the balance of a token type still open for corrections.
        x.key("ctrl+4")
        x.type(plan["number"])
        x.key("Return")
        x.wait_title(f"Tokens: {plan['number']}")  # the student's balances are shown
        x.key("alt+y")  # Token t&ype
        x.type(plan["token_type"])
        x.key("alt+a")
        x.key("ctrl+a")
        x.type("2")
        x.key("alt+r")
        x.type("admitted mid-year")
        x.key("alt+s")
        until(lambda: _sql(database, "select count(*) from token_ledger l join token_types t on t.id = l.token_type_id "
                                     "where l.student_id = ? and t.code = ? and l.amount = 2",
                           plan["student_id"], plan["token_type"])[0][0] == 1, "the token correction to be saved")
        x.screenshot("tokens")

        # Class groups: filter by course, Down to the first group, raise its limit by 5.
        before = dict(_sql(database, "select g.id, g.seat_limit from class_groups g join courses c on c.id = g.course_id "
                                     "where c.code = ? and g.term_id = ?", plan["course"], plan["term_id"]))
        x.key("ctrl+3")
        x.key("alt+c")
        x.type(plan["course"])
        x.key("Down")  # from the filter into the groups it leaves, the first one chosen
        x.key("alt+l")
        x.wait_title("Seat limit")
        x.key("alt+b")
        x.type("5")
        x.key("alt+r")
        x.type("a bigger room")
        x.key("Return")

        def raised():
            after = dict(_sql(database, "select g.id, g.seat_limit from class_groups g join courses c on c.id = g.course_id "
                                        "where c.code = ? and g.term_id = ?", plan["course"], plan["term_id"]))
            return [g for g in before if after[g] != before[g]] == [g for g in before if after[g] == before[g] + 5] != []

        until(raised, "the limit to be raised by 5")
        x.wait_title(plan["institution"])
        x.screenshot("limit")

        # Sign out; the Student Service Center links a login.
        x.key("alt+f")
        x.key("o")
        x.wait_title("Sign in")
        x.key("shift+Tab")  # the remembered login opens in the password field
        x.key("ctrl+a")
        _sign_in(x, "cos")
        x.wait_title(plan["institution"])
        x.key("ctrl+7")
        x.type(plan["no_login"])
        x.key("Return")
        x.wait_title(f"({plan['no_login']})")  # the person is shown
        x.key("alt+l")
        x.wait_title("Link a login")
        x.key("alt+r")
        x.type("reported at the desk")
        x.key("Return")
        until(lambda: _sql(database, "select count(*) from login_accounts a join students s on s.person_id = a.person_id "
                                     "where s.student_number = ?", plan["no_login"])[0][0] == 1, "the login to be linked")
        x.screenshot("linked")

        x.key("ctrl+q")
        assert app.ended() == 0
        assert "Traceback" not in app.output(), app.output()
    finally:
        x.screenshot("last")
        app.stop()
