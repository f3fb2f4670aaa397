"""Files a clerk gives the desk are bounded before they are parsed: xlsx bombs, broken XML, long CSV fields,
NUL bytes, text that is not UTF-8 and unreadable paths are refused in words (exit status 1), never a traceback."""

from __future__ import annotations

import os

import pytest

from desk.cli import main
from desk.db import open_database
from desk.model import Role
from tests import factories
from tests.benchmarks.file_bombs import dimension_bomb, empty_rows_bomb, malformed_xml


@pytest.fixture
def database(tmp_path, monkeypatch):
    path = tmp_path / "files.sqlite"
    db = open_database(str(path)).database
    factories.staff(db, "cos", Role.SERVICE_CENTER)
    factories.staff(db, "admin", Role.ADMINISTRATOR)
    factories.login_templates(db)
    factories.student(db, "Anna", "Nowak", number="900001", login=None)
    db.dispose()
    monkeypatch.setenv("DESK_PASSWORD", "password-123")
    return ["--db", str(path), "--as", "cos"]


def _import(database, path, capsys) -> str:
    status = main([*database, "accounts", "import", str(path)])
    err = capsys.readouterr().err
    assert status == 1, err
    assert "unexpected" not in err
    return err


def test_an_xlsx_unpacking_to_much_more_than_it_weighs_is_refused(database, tmp_path, capsys):
    bomb = empty_rows_bomb(tmp_path / "rows.xlsx", 60_000_000)  # 60 MB of empty rows in about 90 KB
    assert bomb.stat().st_size < 1_000_000
    assert "would unpack to more than" in _import(database, bomb, capsys)


def test_an_xlsx_declaring_every_cell_is_refused(database, tmp_path, capsys):
    assert "would unpack to more than" in _import(database, dimension_bomb(tmp_path / "dimension.xlsx"), capsys)


@pytest.mark.parametrize("sheet", [
    b"<worksheet><sheetData><row><c",
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
    b'<c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>',
])
def test_broken_or_entity_laden_xml_in_an_xlsx_is_refused(database, tmp_path, capsys, sheet):
    assert "cannot be read as an Excel" in _import(database, malformed_xml(tmp_path / "broken.xlsx", sheet), capsys)


def test_a_csv_field_longer_than_the_bound_is_refused(database, tmp_path, capsys):
    path = tmp_path / "long.csv"
    path.write_text("indeks;e-mail\n900001;" + "x" * 140_000 + "\n", encoding="utf-8")
    assert "line 2" in _import(database, path, capsys).lower()
    path.write_text('indeks;e-mail\n900001;"' + "x" * 140_000 + "\n", encoding="utf-8")  # an unclosed quote
    _import(database, path, capsys)


def test_a_csv_with_a_nul_byte_is_refused(database, tmp_path, capsys):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"indeks;e-mail\n900001;900001@st\x00udent.example.edu.pl\n")
    assert "NUL" in _import(database, path, capsys)


def test_a_folder_or_a_missing_file_is_refused(database, tmp_path, capsys):
    _import(database, tmp_path, capsys)
    _import(database, tmp_path / "missing.csv", capsys)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="file permissions do not bind root")
def test_an_unreadable_file_is_refused(database, tmp_path, capsys):
    path = tmp_path / "secret.csv"
    path.write_text("indeks;e-mail\n", encoding="utf-8")
    path.chmod(0)
    assert "cannot be read" in _import(database, path, capsys)


def test_an_unreadable_file_is_refused_whoever_runs(database, tmp_path, capsys, monkeypatch):
    from pathlib import Path

    path = tmp_path / "secret.csv"
    path.write_text("indeks;e-mail\n", encoding="utf-8")
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "secret.csv":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert "cannot be read" in _import(database, path, capsys)


@pytest.fixture
def registration_args(demo_path):
    return ["--db", demo_path, "--as", "admin"]


@pytest.fixture
def demo_path(tmp_path, _demo_templates, monkeypatch):
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), path)
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")
    return str(path)


@pytest.mark.parametrize("content, words", [
    ("123456\n".encode("cp1250") + "Żółć\n".encode("cp1250"), "not UTF-8"),
    (b"123456\n\x00\n", "NUL"),
])
def test_a_list_file_that_is_not_utf8_text_is_refused(registration_args, tmp_path, capsys, content, words):
    from sqlalchemy import select

    from desk.model import Registration

    db = open_database(registration_args[1]).database
    with db.read() as session:
        code = session.scalar(select(Registration.code).order_by(Registration.id))
    db.dispose()
    path = tmp_path / "list.txt"
    path.write_bytes(content)
    status = main([*registration_args, "access", "grant", code, "--file", str(path), "--reason", "r", "--dry-run"])
    err = capsys.readouterr().err
    assert status == 1 and words in err and "unexpected" not in err
    status = main([*registration_args, "access", "grant", code, "--file", str(tmp_path), "--reason", "r", "--dry-run"])
    err = capsys.readouterr().err
    assert status == 1 and "not a file" in err
