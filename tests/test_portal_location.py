"""Where the portal is (where all student data gets published): set by an administrator only, checked
before it is saved, audited, no password kept; a bad stored address is a message, never a traceback."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from desk.cli import main
from desk.db import open_database
from desk.model import AuditEntry, Setting
from desk.portal.database import PORTAL_URL_SETTING


@pytest.fixture
def demo_path(tmp_path, _demo_templates, monkeypatch):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), path)
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")
    return str(path)


def _stored(path: str) -> str | None:
    db = open_database(path).database
    try:
        with db.read() as session:
            return session.scalar(select(Setting.value).where(Setting.key == PORTAL_URL_SETTING))
    finally:
        db.dispose()


def _audited(path: str) -> list[AuditEntry]:
    db = open_database(path).database
    try:
        with db.read() as session:
            return list(session.scalars(select(AuditEntry).where(AuditEntry.action == "portal.location")))
    finally:
        db.dispose()


def _store_directly(path: str, value: str) -> None:
    db = open_database(path).database
    with db.write() as session:
        session.merge(Setting(key=PORTAL_URL_SETTING, value=value))
    db.dispose()


@pytest.mark.parametrize("url", ["http://evil.example/", "mysql://u@h/db", "xyz://"])
def test_an_address_of_another_kind_is_refused_and_nothing_is_saved(demo_path, url, capsys):
    assert main(["--db", demo_path, "--as", "admin", "portal", "where", "--url", url, "--reason", "move"]) == 1
    err = capsys.readouterr().err
    assert "portal" in err.lower() and "unexpected" not in err
    assert _stored(demo_path) is None and _audited(demo_path) == []


def test_only_an_administrator_moves_the_portal(demo_path, tmp_path, capsys):
    target = str(tmp_path / "elsewhere.sqlite")
    assert main(["--db", demo_path, "--as", "cos", "portal", "where", "--url", target, "--reason", "move"]) == 1
    assert "does not allow" in capsys.readouterr().err
    assert _stored(demo_path) is None


def test_a_move_needs_a_reason(demo_path, tmp_path, capsys):
    for reason in ([], ["--reason", "  "]):
        assert main(["--db", demo_path, "--as", "admin", "portal", "where", "--url", str(tmp_path / "p.sqlite"), *reason]) == 1
        err = capsys.readouterr().err
        assert "reason" in err or "why" in err
    assert _stored(demo_path) is None


def test_a_portal_that_cannot_be_opened_is_refused(demo_path, tmp_path, capsys):
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("hello, this is not a database\n" * 10)
    for url in [str(not_a_database), str(tmp_path), "postgresql://nobody@127.0.0.1:9/portal"]:
        assert main(["--db", demo_path, "--as", "admin", "portal", "where", "--url", url, "--reason", "move"]) == 1
        err = capsys.readouterr().err
        assert "cannot be opened" in err and "unexpected" not in err, url
    assert _stored(demo_path) is None and _audited(demo_path) == []


def test_a_password_in_the_address_is_never_stored(demo_path, capsys):
    url = "postgresql://portal:s3cret-word@127.0.0.1:9/portal"
    assert main(["--db", demo_path, "--as", "admin", "portal", "where", "--url", url, "--reason", "move"]) == 1
    captured = capsys.readouterr()
    assert "s3cret-word" not in captured.err + captured.out
    assert _stored(demo_path) is None


def test_a_move_is_saved_and_audited_and_moving_back_too(demo_path, tmp_path, capsys):
    target = str(tmp_path / "elsewhere.sqlite")
    assert main(["--db", demo_path, "--as", "admin", "portal", "where", "--url", target, "--reason", "new server"]) == 0
    assert target in capsys.readouterr().out
    assert _stored(demo_path) == target
    assert main(["--db", demo_path, "--as", "admin", "portal", "where", "--url", "", "--reason", "back home"]) == 0
    capsys.readouterr()
    assert _stored(demo_path) is None
    entries = _audited(demo_path)
    assert [entry.after["portal"] for entry in entries] == [target, None]
    assert entries[0].before["portal"] is None and entries[1].before["portal"] == target
    assert main(["--db", demo_path, "portal", "where"]) == 0


@pytest.mark.parametrize("bad", ["http://evil.example/", "postgresql://nobody@127.0.0.1:9/portal", "mysql://x/y", "{folder}"])
def test_sync_and_check_with_a_bad_stored_address_give_a_message(demo_path, tmp_path, bad, capsys):
    _store_directly(demo_path, bad.format(folder=tmp_path))
    for command in (["sync"], ["check"], ["sync", "status"], ["portal", "where"]):
        status = main(["--db", demo_path, "--as", "admin", *command])
        err = capsys.readouterr().err
        assert status in (0, 1) and "unexpected" not in err, (command, err)
