"""The lookup table model, without widgets: columns, roles, paging and stale pages."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from desk.model import ProgrammeStatus
from desk.student_search import SearchPage, StudentRow
from ui.models.student_table_model import LOGIN, NUMBER, PROGRAMME, STATUS, SURNAME, StudentIdRole, StudentTableModel


def _row(i: int, login: str | None = "x@student.example.pl", status=ProgrammeStatus.ACTIVE) -> StudentRow:
    return StudentRow(i, i, f"{100000 + i}", f"Nowak{i}", "Anna", "INF-S1", "Informatyka", 1, status, 2, login)


def _page(query: str, offset: int, count: int, has_more: bool) -> SearchPage:
    return SearchPage(query, offset, tuple(_row(offset + i) for i in range(count)), has_more, offset + count)


def test_columns_and_roles(qapp):
    model = StudentTableModel()
    model.reset(SearchPage("q", 0, (_row(1), _row(2, login=None, status=ProgrammeStatus.ON_LEAVE)), False, 2), 1)
    assert model.rowCount() == 2 and model.columnCount() == 7
    assert model.headerData(NUMBER, Qt.Orientation.Horizontal) == "Student no."
    assert model.data(model.index(0, NUMBER)) == "100001"
    assert model.data(model.index(0, SURNAME)) == "Nowak1"
    assert model.data(model.index(0, PROGRAMME)) == "INF-S1 +"  # more than one programme
    assert model.data(model.index(1, STATUS)) == "on leave"
    assert model.data(model.index(1, LOGIN)) == "no login linked"
    assert model.data(model.index(1, LOGIN), Qt.ItemDataRole.FontRole).italic()
    assert model.data(model.index(1, 0), StudentIdRole) == 2
    assert model.data(model.index(0, STATUS), Qt.ItemDataRole.ForegroundRole) is not None


def test_fetch_more_appends_the_next_page_once(qapp, qtbot):
    model = StudentTableModel()
    model.reset(_page("kowal", 0, 100, True), 5)
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.pageRequested) as request:
        model.fetchMore(QModelIndex())
    assert request.args == ["kowal", 100, 5]
    assert not model.canFetchMore(QModelIndex())  # one request at a time
    assert model.append_page(_page("kowal", 100, 30, False), 5)
    assert model.rowCount() == 130 and not model.canFetchMore(QModelIndex())


def test_stale_pages_are_ignored(qapp):
    model = StudentTableModel()
    model.reset(_page("new", 0, 3, True), 7)
    assert not model.reset(_page("old", 0, 50, False), 6)
    assert not model.append_page(_page("new", 3, 5, False), 6)  # an older search's page
    assert not model.append_page(_page("new", 10, 5, False), 7)  # out of place
    assert model.rowCount() == 3 and model.data(model.index(0, NUMBER)) == "100000"
