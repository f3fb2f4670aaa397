"""A one- or two-letter word finds the same students whatever the size of the database.

A short word matches the start of any name word: the first name, a middle name, either part of a
double surname. A short word matching few people is answered from an index of name-word starts,
one matching many by walking everyone in Polish order; both must find exactly the same students.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desk import student_search
from desk.student_search import search_students
from desk.text import fold
from desk.unit_of_work import UnitOfWork
from tests import factories

PEOPLE = [
    # (first, middle, last)
    ("Anna", "Maria", "Kowalska"),  # "ma" only by her middle name
    ("Jan", None, "Nowak-Malinowski"),  # "ma" only by the second part of his surname
    ("Marek", None, "Zieliński"),  # by the first name
    ("Ewa", None, "Majewska"),  # by the surname
    ("Piotr", None, "Adamski"),  # "ma" inside a word only: not a match
    ("Łucja", "Ola", "Kamińska-Nowak"),
    ("Ola", None, "De Mayo"),  # the second word of a surname with a space
    ("Adam", "Mi", "Kos"),  # a middle name of two letters
]


def _expected(query: str) -> list[tuple[str, str | None, str]]:
    """The people every short word of the query starts a name word of, by the documented definition."""
    words = [fold(word) for word in query.split()]
    found = []
    for first, middle, last in PEOPLE:
        name = fold(" ".join(part for part in (first, middle, last) if part))
        starts = [name[i:] for i in range(len(name)) if i == 0 or name[i - 1] in " -"]
        if all(any(start.startswith(word) for start in starts) for word in words):
            found.append((first, middle, last))
    return found


@pytest.fixture
def people(db):
    return {factories.student(db, first, last, middle_name=middle): (first, middle, last) for first, middle, last in PEOPLE}


def _found(db, admin, query: str) -> list[int]:
    first = search_students(UnitOfWork(db, admin), query, limit=3)
    rest = search_students(UnitOfWork(db, admin), query, limit=100, offset=first.next_offset)
    return [row.student_id for page in (first, rest) for row in page.rows]


@pytest.mark.parametrize("query", ["ma", "m", "ol", "mi", "no", "ma ko", "ka no", "de", "ł", "o m"])
def test_narrow_and_broad_find_the_same_students(db, admin, people, monkeypatch, query):
    narrow = _found(db, admin, query)  # a handful of matches: the index of name-word starts
    monkeypatch.setattr(student_search, "BROAD_MATCH", 0)  # every match is "many": the walk in order
    broad = _found(db, admin, query)
    assert narrow == broad
    assert sorted(people[i] for i in narrow) == sorted(_expected(query))
    assert _expected(query)  # each query finds someone


def test_a_short_word_with_a_number_finds_a_middle_name(db, admin, people):
    """With a number the index of name-word starts answers whatever the count: a middle name still counts."""
    by_id = {v: k for k, v in people.items()}
    with db.read() as session:
        number = session.execute(text("SELECT student_number FROM students WHERE id = :i"),
                                 {"i": by_id[("Anna", "Maria", "Kowalska")]}).scalar_one()
    assert _found(db, admin, f"ma {number}") == [by_id[("Anna", "Maria", "Kowalska")]]


def test_a_renamed_person_is_found_by_the_new_name_words_only(db, admin, people):
    from desk.model import Person, Student
    from desk.text import person_name_fields

    by_id = {v: k for k, v in people.items()}
    student_id = by_id[("Anna", "Maria", "Kowalska")]
    with db.write() as session:
        person = session.get(Person, session.get(Student, student_id).person_id)
        person.middle_name = "Beata"
        for key, value in person_name_fields("Anna", "Beata", "Kowalska").items():
            setattr(person, key, value)
    assert student_id not in _found(db, admin, "ma")
    assert student_id in _found(db, admin, "be")
