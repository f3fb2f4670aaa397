"""History and change sets: an import is one entry with the number of its rows, opened to its rows in
the order of its file; entries outside change sets as before; personal data in the rows hidden from
roles that may not see it; a student's history shows their own row; the terminal prints it all."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from desk import history, students
from desk.cli import main
from desk.clock import now_utc
from desk.demo import _pesel
from desk.errors import NotFound, PermissionDenied
from desk.imports import service
from desk.model import Role
from desk.unit_of_work import UnitOfWork
from tests import factories

HEADER = "INDEKS;Nazwisko;Imię;PESEL;Data urodzenia;PRG_KOD;Etap;Status;Status od;Data przyjęcia\n"
NEW = [("012341", "Abacka"), ("012342", "Babacka"), ("012343", "Cabacka"), ("012344", "Dabacka"), ("012345", "Ebacka")]


def _pesel_of(index: int) -> str:
    return _pesel(date(2003, 3, 1 + index), False, 100 + index)


@pytest.fixture
def imported(db, admin, tmp_path):
    """An entry, an import of five new students and one changed (as a change set), another entry."""
    changed = factories.student(db, "Filomena", "Fabacka", number="012340", pesel=_pesel_of(9),
                                birth_date=date(2003, 3, 10))
    students.reveal_pesel(UnitOfWork(db, admin), changed)
    lines = [f"012340;Fabacka-Nowak;Filomena;{_pesel_of(9)};10.03.2003;INF-S1;1;aktywny;;01.10.2025\n"]
    lines += [f"{number};{surname};Anna;{_pesel_of(i)};{1 + i:02d}.03.2003;INF-S1;1;aktywny;;01.10.2026\n"
              for i, (number, surname) in enumerate(NEW)]
    path = tmp_path / "students.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    preview = service.preview_import(UnitOfWork(db, admin), "students", path)
    applied = service.apply_import(UnitOfWork(db, admin), preview, reason="the dean's list")
    assert (applied.new, applied.changed) == (5, 1)
    students.reveal_pesel(UnitOfWork(db, admin), changed)
    rows = history.change_set_rows(UnitOfWork(db, admin), applied.change_set_id)
    return {"head": applied.change_set_id, "changed": changed, "rows": [line.id for line in rows],
            "new_student": rows[1].student_id}


def test_an_import_is_one_entry_with_its_rows_that_opens_to_them_in_order(db, admin, imported):
    head = imported["head"]
    lines = history.history(UnitOfWork(db, admin))
    assert [line.description for line in lines] == [
        "PESEL shown", "Import of Students and their programmes from students.csv: 5 new, 1 changed", "PESEL shown",
        "Staff account admin created"]
    shown = lines[1]
    assert (shown.id, shown.change_set_id, shown.rows, shown.is_change_set) == (head, head, 6, True)
    assert shown.reason == "the dean's list" and shown.record == "import"
    assert not set(imported["rows"]) & {line.id for line in lines}
    # Outside the change set, entries are as they were.
    assert [(line.change_set_id, line.rows, line.is_change_set) for line in (lines[0], lines[2], lines[3])] == [
        (None, 0, False)] * 3

    rows = history.change_set_rows(UnitOfWork(db, admin), head)
    assert [line.description for line in rows] == [
        "Imported 012340 / INF-S1 (line 2)", *(f"Imported {number} / INF-S1 (line {i + 3})" for i, (number, _s) in enumerate(NEW))]
    assert [line.id for line in rows] == sorted(line.id for line in rows) and rows[0].id > head
    assert {(line.change_set_id, line.rows, line.is_change_set) for line in rows} == {(head, 0, False)}
    assert "Fabacka-Nowak" in rows[0].change
    assert rows[1].record.startswith("012341 Anna Abacka")
    # Page by page, each row once.
    pages, after = [], None
    while page := history.change_set_rows(UnitOfWork(db, admin), head, after_id=after, limit=4):
        pages.append([line.id for line in page])
        after = page[-1].id
    assert [len(p) for p in pages] == [4, 2] and [i for p in pages for i in p] == [line.id for line in rows]
    with pytest.raises(NotFound, match="no change set"):
        history.change_set_rows(UnitOfWork(db, admin), rows[0].id)


def test_paging_the_listing_passes_a_change_set_once(db, admin, imported):
    everything = [line.id for line in history.history(UnitOfWork(db, admin))]
    pages, before = [], None
    while page := history.history(UnitOfWork(db, admin), limit=1, before_id=before):
        pages.append([line.id for line in page])
        before = page[-1].id
    assert [i for p in pages for i in p] == everything and len(everything) == 4


def test_filters_find_a_change_set_by_its_head_or_its_rows(db, admin, imported):
    head = imported["head"]

    def ids(**filters):
        return [line.id for line in history.history(UnitOfWork(db, admin), **filters)]

    assert ids(entity=("import", "term_copy")) == [head]  # "imports and copies of terms"
    assert "change_sets" in {kind.key for kind in history.record_kinds()}
    assert ids(entity="student") == [head]  # its rows are students' records: the import stands for them
    shown = ids(entity="person")
    assert shown == [ids()[0], ids()[2]]  # the PESEL shown before and after the import
    assert head in ids(staff_login="admin")
    today = now_utc()
    assert head in ids(since=today - timedelta(days=1), until=today + timedelta(days=1))
    assert ids(until=today - timedelta(days=1)) == []
    assert ids(personal_data_only=True) == shown


def test_a_students_history_shows_their_own_row_of_the_import(db, admin, imported):
    """Narrowed to one student, the row itself (what changed for them), pointing at its change set."""
    lines = history.history(UnitOfWork(db, admin), student_id=imported["changed"])
    assert [line.description for line in lines] == ["PESEL shown", "Imported 012340 / INF-S1 (line 2)", "PESEL shown"]
    row = lines[1]
    assert (row.id, row.change_set_id, row.is_change_set) == (imported["rows"][0], imported["head"], False)
    mine = history.change_set_rows(UnitOfWork(db, admin), imported["head"], student_id=imported["changed"])
    assert [line.id for line in mine] == [row.id]


def test_personal_data_in_the_rows_follows_the_role(db, admin, imported):
    head, student = imported["head"], imported["new_student"]
    pesel = _pesel_of(0)
    seen = history.change_set_rows(UnitOfWork(db, admin), head)[1]
    assert f"PESEL: {pesel}" in seen.change and "birth date: 2003-03-01" in seen.change
    service_center = factories.staff(db, "cos", Role.SERVICE_CENTER)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    for role in (service_center, clerk):  # the whole set is the whole log's: administrators only
        with pytest.raises(PermissionDenied):
            history.change_set_rows(UnitOfWork(db, role), head)
    hidden = history.change_set_rows(UnitOfWork(db, service_center), head, student_id=student)
    assert len(hidden) == 1 and pesel not in hidden[0].change and "PESEL: •••" in hidden[0].change
    assert "birth date: •••" in hidden[0].change and "surname: Abacka" in hidden[0].change
    in_listing = history.history(UnitOfWork(db, service_center), student_id=student)
    assert [line.change for line in in_listing] == [hidden[0].change]
    assert pesel in history.change_set_rows(UnitOfWork(db, clerk), head, student_id=student)[0].change


def test_the_terminal_prints_the_head_with_its_rows_and_lists_them(db, admin, imported, monkeypatch, capsys):
    head = imported["head"]
    monkeypatch.setenv("DESK_PASSWORD", "admin-password")
    where = ["--db", db.url.render_as_string(hide_password=False), "--as", "admin"]
    assert main([*where, "history"]) == 0
    out = capsys.readouterr().out
    assert "Import of Students and their programmes from students.csv: 5 new, 1 changed" in out
    assert f"change set of 6 rows (desk history --change-set {head})" in out
    assert "Imported 012341" not in out and "4 entries." in out
    assert main([*where, "history", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(h["id"], h["change_set_id"], h["rows"]) for h in listed][1] == (head, head, 6)
    assert listed[0]["change_set_id"] is None and listed[0]["rows"] == 0
    assert main([*where, "history", "--change-set", str(head), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.index("Imported 012340 / INF-S1 (line 2)") < out.index("Imported 012341 / INF-S1 (line 3)")
    assert f"2 rows of change set #{head} (more with a larger --limit)." in out
    assert main([*where, "history", "--change-set", str(head), "--text", "ebacka", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(h["description"], h["change_set_id"], h["rows"]) for h in found] == [
        ("Imported 012345 / INF-S1 (line 7)", head, 0)]
    assert main([*where, "history", "--change-set", str(head), "--staff", "admin"]) == 1
    assert "--change-set" in capsys.readouterr().err
    assert main([*where, "history", "--change-set", str(imported["rows"][0])]) == 1
    assert "no change set" in capsys.readouterr().err
