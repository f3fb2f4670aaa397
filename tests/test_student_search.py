"""Student lookup on both databases: every way to find a student, Polish order, paging, hostile input."""

from __future__ import annotations

from datetime import date

import pytest

from desk.model import ProgrammeStatus
from desk.student_search import parse_query, search_students
from tests import factories
from desk.unit_of_work import UnitOfWork

PESEL = "44051401359"


@pytest.fixture
def people(db):
    ids = {
        "zolkiewski": factories.student(db, "Łukasz", "Żółkiewski", number="123456", pesel=PESEL, birth_date=date(1944, 5, 14)),
        "lewandowski": factories.student(db, "Piotr", "Lewandowski", number="123457"),
        "lukasiewicz": factories.student(db, "Ewa", "Łukasiewicz", number="223344"),
        "szymanski": factories.student(db, "Adam", "Szymański", number="334455"),
        "slusarz": factories.student(db, "Jan", "Ślusarz", number="445566", login=None),
        "double": factories.student(db, "Anna", "Nowak-Jeziorańska", number="556677", login="Anna.Nowak@Student.uni.example.pl"),
        "percent": factories.student(db, "Zofia", "Kowalska", middle_name="Maria", number="667788",
                                     status=ProgrammeStatus.ON_LEAVE),
    }
    return ids


def _names(db, admin, query, **kwargs):
    return [row.last_name for row in search_students(UnitOfWork(db, admin), query, **kwargs).rows]


def test_by_student_number_exact_and_prefix(db, admin, people):
    assert _names(db, admin, "123456") == ["Żółkiewski"]
    assert _names(db, admin, "1234") == ["Żółkiewski", "Lewandowski"]  # number order
    assert _names(db, admin, "99") == []


def test_by_name_without_case_or_diacritics(db, admin, people):
    assert _names(db, admin, "lukasz zolkiewski") == ["Żółkiewski"]
    assert _names(db, admin, "ZOLKIEWSKI Łukasz") == ["Żółkiewski"]
    assert _names(db, admin, "olkiew") == ["Żółkiewski"]
    assert _names(db, admin, "slusarz") == ["Ślusarz"]
    assert _names(db, admin, "jezioranska") == ["Nowak-Jeziorańska"]
    assert _names(db, admin, "nowak-jezioranska anna") == ["Nowak-Jeziorańska"]
    assert _names(db, admin, "maria") == ["Kowalska"]  # middle name


def test_short_words_match_the_start_of_a_name_word(db, admin, people):
    assert _names(db, admin, "ew") == ["Łukasiewicz"]  # "Ewa", not "Lewandowski"
    assert _names(db, admin, "ja sz") == []
    assert _names(db, admin, "adam sz") == ["Szymański"]
    # Folding makes "ł" an "l": every name word starting with L or Ł.
    assert _names(db, admin, "ł") == ["Lewandowski", "Łukasiewicz", "Żółkiewski"]
    assert _names(db, admin, "ł ż") == ["Żółkiewski"]


def test_by_pesel_and_by_login(db, admin, people):
    assert _names(db, admin, PESEL) == ["Żółkiewski"]
    assert _names(db, admin, PESEL[:6]) == ["Żółkiewski"]
    assert _names(db, admin, "anna.nowak@student.UNI.example.pl") == ["Nowak-Jeziorańska"]
    assert _names(db, admin, "123456@") == ["Żółkiewski"]
    assert _names(db, admin, "@nowhere.example") == []


def test_results_in_polish_order(db, admin):
    polish = ["Lewandowska", "Łukasiewicz", "Szymańska", "Ślusarz", "Zając", "Źródło", "Żak"]
    for surname in reversed(polish):
        factories.student(db, "Iga", surname)
    assert _names(db, admin, "iga") == polish


def test_paging_has_no_gaps_or_repeats(db, admin):
    for i in range(25):
        factories.student(db, "Jan", f"Nowakowski{i:02d}")
    first = search_students(UnitOfWork(db, admin), "nowakowski", limit=10)
    second = search_students(UnitOfWork(db, admin), "nowakowski", limit=10, offset=first.next_offset)
    third = search_students(UnitOfWork(db, admin), "nowakowski", limit=10, offset=second.next_offset)
    assert first.has_more and second.has_more and not third.has_more
    names = [r.last_name for page in (first, second, third) for r in page.rows]
    assert names == [f"Nowakowski{i:02d}" for i in range(25)]


def test_rows_show_status_programme_and_login(db, admin, people):
    factories.programme(db, "MAT-S2")
    (row,) = search_students(UnitOfWork(db, admin), "slusarz").rows
    assert row.login is None and row.status is ProgrammeStatus.ACTIVE and row.programme_code == "INF-S1"
    (leave,) = search_students(UnitOfWork(db, admin), "kowalska").rows
    assert leave.status is ProgrammeStatus.ON_LEAVE and leave.first_names == "Zofia Maria"


@pytest.mark.parametrize(
    "query",
    ['"', "%", "_", "'", "AND", "OR", "NOT", "*", "NEAR(", "-", "^", "\\", "", "   ", "a" * 1000,
     "\x00\x01\x1f", "🙂", "'; DROP TABLE students; --", '" OR 1=1 --', "%_%", "a%", "_a"],
)
def test_hostile_input_is_just_text(db, admin, people, query):
    page = search_students(UnitOfWork(db, admin), query)
    assert len(page.rows) < len(people)  # never "everyone": only real matches on the letters in it


def test_wildcards_match_literally(db, admin, people):
    assert _names(db, admin, "%") == []
    assert _names(db, admin, "_") == []
    assert _names(db, admin, "n_wak") == []


def test_parse_query_kinds():
    parsed = parse_query("Łukasz  12345 ab x@y.pl")
    assert parsed.numbers == ("12345",) and parsed.emails == ("x@y.pl",)
    assert parsed.long_words == ("lukasz",) and parsed.short_words == ("ab",)
    assert parse_query("\x00 \t").is_empty
    assert len(parse_query("a " * 100).short_words) <= 8



@pytest.mark.parametrize("query", ["nowak", "jan nowak", "ja", "ja no", "nowak 9"])
def test_broad_and_narrow_plans_agree(db, admin, monkeypatch, query):
    """Whichever plan the number of matches picks, the rows and their order are the same."""
    from desk import student_search

    for i in range(30):
        factories.student(db, ["Jan", "Janina", "Adam"][i % 3], ["Nowak", "Nowakowska", "Kowal-Nowak"][i % 3] + f"{i:02d}",
                          number=f"9{i:05d}")

    def pages():
        first = search_students(UnitOfWork(db, admin), query, limit=7)
        second = search_students(UnitOfWork(db, admin), query, limit=7, offset=first.next_offset)
        return [r.student_id for page in (first, second) for r in page.rows]

    narrow = pages()
    monkeypatch.setattr(student_search, "BROAD_MATCH", 2)
    assert pages() == narrow and narrow


def test_a_person_with_two_student_numbers_is_listed_under_both(db, admin):
    from desk.model import Student

    first = factories.student(db, "Ola", "Abacka", number="200001")
    factories.student(db, "Ola", "Babacka", number="200003")
    with db.write() as session:
        person_id = session.get(Student, first).person_id
        session.add(Student(person_id=person_id, student_number="200002"))
    page = search_students(UnitOfWork(db, admin), "ola", limit=2)
    assert [r.student_number for r in page.rows] == ["200001", "200002"] and page.has_more
    rest = search_students(UnitOfWork(db, admin), "ola", limit=2, offset=page.next_offset)
    assert [r.student_number for r in rest.rows] == ["200003"] and not rest.has_more
