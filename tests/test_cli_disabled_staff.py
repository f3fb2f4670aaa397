"""The terminal acts as the staff account is now: one disabled after signing in is refused at the next step."""

from __future__ import annotations

from sqlalchemy import select

from desk import staff
from desk.cli import main
from desk.db import open_database
from desk.demo import build_demo
from desk.model import ClassGroup, Course, Term
from desk.unit_of_work import UnitOfWork


def test_a_clerk_disabled_after_signing_in_is_refused_and_nothing_changes(tmp_path, monkeypatch, capsys):
    path = str(tmp_path / "demo.sqlite")
    db = open_database(path).database
    build_demo(db, students=300, seed=3)
    with db.read() as session:
        term, course, class_type, number, group_id, limit = session.execute(
            select(Term.code, Course.code, ClassGroup.class_type, ClassGroup.number, ClassGroup.id, ClassGroup.seat_limit)
            .join(Course, Course.id == ClassGroup.course_id).join(Term, Term.id == ClassGroup.term_id)
            .where(Course.code.like("WMF%") | Course.code.like("MAT%") | Course.code.like("INF%"))
            .order_by(ClassGroup.id)
        ).first()
    admin = staff.sign_in(db, "admin", "demo1234")
    signed_in = staff.sign_in

    def sign_in_then_disabled(database, login, password):
        actor = signed_in(database, login, password)
        # The administrator disables the account while the command is under way.
        staff.disable_staff(UnitOfWork(db, admin), login, reason="odeszła z pracy")
        return actor

    monkeypatch.setattr(staff, "sign_in", sign_in_then_disabled)
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")
    code = main(["--db", path, "--as", "dziekanat", "groups", "set-limit",
                 f"{term}/{course}/{class_type.value}/{number}", "--to", "+5", "--reason", "większa sala"])
    assert code == 1
    assert "has been disabled" in capsys.readouterr().err
    with db.read() as session:
        assert session.get(ClassGroup, group_id).seat_limit == limit
    db.dispose()
