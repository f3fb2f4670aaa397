"""Terminal commands for tokens, payments and round resolution, on a small demo university."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desk.cli import main
from desk.db import open_database
from desk.demo import build_demo
from desk.model import Payment, PaymentStatus, Student
from ui.entry import main as desk_command


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-tokens") / "demo.sqlite"
    db = open_database(str(path)).database
    build_demo(db, students=600, seed=11)
    db.dispose()
    return str(path)


@pytest.mark.parametrize("args", [["tokens", "balance"], ["tokens", "correct"], ["tokens", "allocate"], ["tokens", "types"], ["tokens", "rule"],
                                  ["tokens", "resolve"], ["payments", "list"], ["payments", "cancel"]])
def test_help(args):
    with pytest.raises(SystemExit) as exit_:
        desk_command([*args, "--help"])
    assert exit_.value.code == 0


def test_balance_correct_and_the_deadline(demo_path, capsys):
    db = open_database(demo_path).database
    with db.read() as session:
        number = session.scalars(select(Student.student_number).order_by(Student.id)).first()
    db.dispose()
    base = ["--db", demo_path]
    assert main([*base, "tokens", "correct", number, "WF", "+2", "--reason", "przyjęty w połowie roku", "--key", "k1"]) == 0
    assert "balance is now 2" in capsys.readouterr().out
    assert main([*base, "tokens", "correct", number, "WF", "+2", "--reason", "przyjęty w połowie roku", "--key", "k1"]) == 0
    assert "Already recorded" in capsys.readouterr().out
    assert main([*base, "tokens", "balance", number, "--ledger", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["balances"]["WF"] == 2 and sum(e["type"] == "WF" for e in data["ledger"]) == 1
    # A JO registration is under way in the demo: the 7-day rule refuses, naming it.
    assert main([*base, "tokens", "correct", number, "JO", "+1", "--reason", "x"]) == 1
    assert "no later than 7 days" in capsys.readouterr().err
    assert main([*base, "tokens", "correct", number, "JO", "+1", "--reason", "x", "--override", "decyzja prorektora"]) == 0
    assert main([*base, "tokens", "correct", number, "XX", "+1", "--reason", "x"]) == 1


def test_allocate_resolve_and_payments(demo_path, capsys):
    base = ["--db", demo_path]
    assert main([*base, "tokens", "allocate"]) == 0
    assert "allocated to" in capsys.readouterr().out
    assert main([*base, "tokens", "resolve"]) == 0
    assert "SJO-LEK-" in capsys.readouterr().out
    assert main([*base, "payments", "list", "--status", "due", "--json"]) == 0
    due = json.loads(capsys.readouterr().out)
    assert due and all(p["status"] == "due" for p in due)
    assert main([*base, "payments", "cancel", str(due[0]["id"]), "--reason", "decyzja dziekana"]) == 0
    db = open_database(demo_path).database
    with db.read() as session:
        assert session.get(Payment, due[0]["id"]).status is PaymentStatus.CANCELLED
    db.dispose()
    assert main([*base, "payments", "cancel", str(due[0]["id"]), "--reason", "again"]) == 1


def test_token_types_and_rules(demo_path, capsys):
    base = ["--db", demo_path]
    assert main([*base, "tokens", "types", "wf2", "--name", "WF dodatkowy", "--price", "99,50"]) == 1
    assert "--reason" in capsys.readouterr().err
    assert main([*base, "tokens", "rule", "JO", "1", "--level", "first_cycle", "--reason", " "]) == 1
    assert "--reason" in capsys.readouterr().err
    assert main([*base, "tokens", "types", "wf2", "--name", "WF dodatkowy", "--price", "99,50", "--reason", "nowy"]) == 0
    out = capsys.readouterr().out
    assert "WF2" in out and "99.50 PLN" in out and "rule #1: 4 x JO to full_time first_cycle" in out
    assert main([*base, "tokens", "types", "BAD CODE!", "--name", "x", "--price", "1", "--reason", "r"]) == 1
    assert main([*base, "tokens", "rule", "WF2", "1", "--level", "first_cycle", "--reason", "nowy"]) == 0
    assert main([*base, "tokens", "allocate"]) == 0
    assert "allocated to" in capsys.readouterr().out
