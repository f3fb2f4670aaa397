from desk.student_search import search_students
from tests import factories


def test_search_finds_by_folded_name(db, admin):
    factories.student(db, "Łukasz", "Żółkiewski")
    factories.student(db, "Anna", "Nowak")
    page = search_students(db, admin, "lukasz zolkiewski")
    assert [r.last_name for r in page.rows] == ["Żółkiewski"]
