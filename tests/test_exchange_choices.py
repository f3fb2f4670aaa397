"""What a clerk is offered when recording an exchange wish: the student's groups in the registration's courses, each
with its open siblings of the same class type; refusals in words."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desk import enrollment
from desk.clock import now_utc
from desk.errors import DomainError, NotFound
from desk.exchange_choices import wish_choices
from desk.model import ClassGroup, ClassType, Level, Registration
from desk.unit_of_work import UnitOfWork
from tests import factories


def _offer(db):
    now = now_utc()
    term = factories.term(db)
    english = factories.course(db, "ANG-B2")
    maths = factories.course(db, "MAT-101")
    groups = {
        "ang1": factories.group(db, english, term, number=1, seat_limit=2),
        "ang2": factories.group(db, english, term, number=2, seat_limit=2),
        "ang3": factories.group(db, english, term, number=3, seat_limit=2),
        "ang-lecture": factories.group(db, english, term, number=1, class_type=ClassType.LECTURE),
        "mat1": factories.group(db, maths, term, number=1),
    }
    registration = factories.registration(db, code="WYM-1", term_id=term, course_ids=(english,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        session.get(Registration, registration).exchanges = True
    return registration, groups


def test_the_students_groups_of_the_offered_courses_with_their_open_siblings(db, admin):
    registration, groups = _offer(db)
    student = factories.student(db, "Ewa", "Zamienna", number="500001")
    for key in ("ang1", "ang-lecture", "mat1"):
        enrollment.enroll(UnitOfWork(db, admin), student, groups[key], reason="zapis")
    with db.write() as session:
        session.get(ClassGroup, groups["ang3"]).closed_at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    choices = wish_choices(UnitOfWork(db, admin), registration, " 500001 ")
    assert (choices.student_id, choices.student_number, choices.student_name) == (student, "500001", "Ewa Zamienna")
    # The lecture has no sibling and MAT-101 is not offered; group 3 is closed.
    assert [(held.group.id, [g.id for g in held.siblings]) for held in choices.held] == [
        (groups["ang1"], [groups["ang2"]])]
    assert choices.held[0].siblings[0].free == 2


def test_refusals_name_what_is_missing(db, admin):
    registration, _groups = _offer(db)
    factories.student(db, "Bez", "Grupy", number="500002")
    with pytest.raises(NotFound, match="no student with the number 599999"):
        wish_choices(UnitOfWork(db, admin), registration, "599999")
    with pytest.raises(DomainError, match="Type the student number"):
        wish_choices(UnitOfWork(db, admin), registration, "  ")
    with pytest.raises(DomainError, match="holds no group of this registration's courses"):
        wish_choices(UnitOfWork(db, admin), registration, "500002")
    with db.write() as session:
        session.get(Registration, registration).exchanges = False
    with pytest.raises(DomainError, match="does not allow exchanges"):
        wish_choices(UnitOfWork(db, admin), registration, "500002")
