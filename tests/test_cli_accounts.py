"""Terminal commands for login accounts: state, link, unlink, worklist, import and templates."""

from __future__ import annotations

import json

import pytest

from desk.cli import main
from desk.db import open_database
from desk.model import Role
from tests import factories
from tests.factories import PHD_DOMAIN, STUDENT_DOMAIN
from ui.entry import main as desk_command


@pytest.mark.parametrize("args", [["accounts"], ["accounts", "state"], ["accounts", "link"], ["accounts", "unlink"],
                                  ["accounts", "worklist"], ["accounts", "import"], ["accounts", "templates"]])
def test_help(args, capsys):
    with pytest.raises(SystemExit) as exit_:
        desk_command([*args, "--help"])
    assert exit_.value.code == 0
    assert "usage: desk accounts" in capsys.readouterr().out


@pytest.fixture
def database(tmp_path, monkeypatch):
    path = tmp_path / "accounts.sqlite"
    db = open_database(str(path)).database
    factories.staff(db, "admin", Role.ADMINISTRATOR)
    factories.staff(db, "cos", Role.SERVICE_CENTER)
    factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    factories.login_templates(db)
    factories.student(db, "Anna", "Nowak", number="900001", login=None)
    factories.student(db, "Piotr", "Zieliński", number="900002")
    factories.login(db, f"900003@{STUDENT_DOMAIN}")
    db.dispose()
    monkeypatch.setenv("DESK_PASSWORD", "password-123")
    return ["--db", str(path)]


def test_state_link_and_unlink(database, capsys):
    cos = [*database, "--as", "cos"]
    assert main([*cos, "accounts", "state", "900001"]) == 0
    out = capsys.readouterr().out
    assert "No login: Anna Nowak (900001) has no institutional e-mail linked" in out
    assert f"the template gives 900001@{STUDENT_DOMAIN}" in out
    assert main([*cos, "accounts", "link", "900001", f"900001@{PHD_DOMAIN}", "--reason", "zgłoszenie"]) == 1
    assert f"end in @{STUDENT_DOMAIN}" in capsys.readouterr().err
    assert main([*cos, "accounts", "link", "900001", f"900001@{STUDENT_DOMAIN}", "--reason", "zgłoszenie"]) == 0
    assert "Linked (new login)" in capsys.readouterr().out
    assert main([*cos, "accounts", "state", f"900001@{STUDENT_DOMAIN}", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == "waiting_for_portal" and data["waiting_since"] and data["person"] == "Anna Nowak"
    assert data["logins"][0]["linked_by"] == "Cos"
    assert main([*cos, "accounts", "link", "900001", f"900002@{STUDENT_DOMAIN}", "--reason", "r"]) == 1
    assert "already linked to Piotr Zieliński (900002)" in capsys.readouterr().err
    assert main([*cos, "accounts", "unlink", f"900002@{STUDENT_DOMAIN}", "--reason", "pomyłka"]) == 0
    assert "Unlinked: 900002@" in capsys.readouterr().out
    assert main([*cos, "accounts", "state", "999999"]) == 1
    assert "Nothing matches 999999" in capsys.readouterr().err


def test_a_clerk_is_refused(database, capsys):
    clerk = [*database, "--as", "dziekanat"]
    assert main([*clerk, "accounts", "link", "900001", f"900001@{STUDENT_DOMAIN}", "--reason", "r"]) == 1
    assert "does not allow this: link login accounts" in capsys.readouterr().err
    assert main([*clerk, "accounts", "state", "900001"]) == 0  # reading is for every role


def test_worklist(database, capsys):
    assert main([*database, "--as", "cos", "accounts", "worklist", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["no_login"] == 1 and data["counts"]["not_linked"] == 1
    assert {i["kind"] for i in data["items"]} == {"no_login", "not_linked"}
    assert main([*database, "--as", "cos", "accounts", "worklist", "--kind", "not-linked"]) == 0
    out = capsys.readouterr().out
    assert "logins without a person: 1" in out and "students without a login" not in out


def test_import_preview_then_apply(database, tmp_path, capsys):
    path = tmp_path / "poczta.csv"
    path.write_text(f"indeks;e-mail\n900001;900001@{STUDENT_DOMAIN}\n955555;955555@{STUDENT_DOMAIN}\n", encoding="utf-8")
    cos = [*database, "--as", "cos"]
    assert main([*cos, "accounts", "import", str(path)]) == 2
    out = capsys.readouterr().out
    assert "line 3: unknown student" in out and "Nothing applied" in out
    assert main([*cos, "accounts", "import", str(path), "--apply"]) == 1
    assert "--reason" in capsys.readouterr().err
    assert main([*cos, "accounts", "import", str(path), "--apply", "--reason", "eksport"]) == 1
    assert "Nothing was linked: 1 line" in capsys.readouterr().err
    assert main([*cos, "accounts", "import", str(path), "--apply", "--skip-errors", "--reason", "eksport"]) == 0
    assert "Linked: 1 logins (1 new)" in capsys.readouterr().out


def test_templates(database, capsys):
    assert main([*database, "--as", "cos", "accounts", "templates"]) == 0
    assert f"{{student_number}}@{STUDENT_DOMAIN}" in capsys.readouterr().out
    assert main([*database, "--as", "cos", "accounts", "templates", "staff", "--domain", "po.edu.pl",
                 "--template", "{first_initial}.{last}@po.edu.pl", "--reason", "r"]) == 1
    assert "administer the system" in capsys.readouterr().err
    assert main([*database, "--as", "admin", "accounts", "templates", "staff", "--domain", "po.edu.pl",
                 "--template", "{first_initial}.{last}@po.edu.pl", "--reason", "nowa domena"]) == 0
    assert "e.g. l.zolkiewski.nowak@po.edu.pl" in capsys.readouterr().out
    assert main([*database, "--as", "admin", "accounts", "templates", "staff", "--domain", "po.edu.pl",
                 "--template", "{first_initial}.{last}@po.edu.pl"]) == 1
    assert "--reason" in capsys.readouterr().err
    assert main([*database, "--as", "admin", "accounts", "templates", "staff", "--domain", "po.edu.pl"]) == 1
    assert "--template" in capsys.readouterr().err
