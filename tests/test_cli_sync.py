"""Terminal commands for the sync and the portal, on a small demo university."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import func, select

from desk.cli import main
from desk.db import open_database
from desk.model import Registration, RegistrationKind, Student, SyncRun
from desk.portal import schema
from desk.portal.database import open_portal_for


@pytest.fixture
def demo_path(tmp_path, _demo_templates, monkeypatch):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), path)
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")
    return str(path)


def test_sync_full_incremental_one_student_and_status(demo_path, capsys):
    assert main(["--db", demo_path, "--as", "admin", "sync", "--full"]) == 0
    out = capsys.readouterr().out
    assert "full sync" in out and "succeeded" in out and "portal_persons" in out
    db = open_database(demo_path).database
    with db.read() as session:
        number = session.scalar(select(Student.student_number).order_by(Student.id))
    assert main(["--db", demo_path, "--as", "cos", "sync", "--student", number, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kind"] == "student" and report["result"] == "succeeded"
    assert main(["--db", demo_path, "--as", "dziekanat", "sync"]) == 0
    assert "incremental sync" in capsys.readouterr().out
    assert main(["--db", demo_path, "--as", "admin", "sync", "status"]) == 0
    status = capsys.readouterr().out
    assert "Schedule: 01:25 full, 06:05 incremental, 16:05 incremental" in status and "Waiting to go out: 0" in status
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(SyncRun)) >= 4
    db.dispose()


def test_schedule_is_set_by_an_administrator_only(demo_path, capsys):
    assert main(["--db", demo_path, "--as", "admin", "sync", "schedule", "02:00 full, 12:30 incremental"]) == 0
    assert capsys.readouterr().out.strip() == "02:00 full, 12:30 incremental"
    assert main(["--db", demo_path, "--as", "cos", "sync", "schedule", "03:00 full"]) == 1
    assert "does not allow" in capsys.readouterr().err
    assert main(["--db", demo_path, "--as", "admin", "sync", "schedule", "whenever"]) == 1
    assert "not a schedule entry" in capsys.readouterr().err


def test_scheduled_job_runs_only_what_is_due(demo_path, capsys):
    assert main(["--db", demo_path, "sync", "--scheduled"]) == 0
    first = capsys.readouterr().out
    assert "sync" in first  # the demo's publication ran at build time; whatever is due now runs once
    assert main(["--db", demo_path, "sync", "--scheduled"]) == 0
    assert capsys.readouterr().out.strip() == "No scheduled sync is due."


def test_portal_simulation_then_sync(demo_path, capsys):
    db = open_database(demo_path).database
    with db.read() as session:
        direct = session.scalars(select(Registration.code).where(Registration.kind == RegistrationKind.DIRECT)).all()
    assert main(["--db", demo_path, "--as", "admin", "sync", "--full"]) == 0
    capsys.readouterr()
    for code in direct:
        assert main(["--db", demo_path, "--as", "admin", "portal", "simulate", "rush", code, "--students", "50",
                     "--workers", "4"]) == 0
    simulated = capsys.readouterr().out
    assert "students raced" in simulated
    assert main(["--db", demo_path, "--as", "admin", "sync"]) == 0
    portal = open_portal_for(db)
    with portal.read() as session:
        assert session.scalar(select(func.count()).select_from(schema.actions).where(schema.actions.c.read_at.is_(None))) == 0
    portal.dispose()
    assert main(["--db", demo_path, "--as", "admin", "sync", "conflicts", "--all"]) == 0
    assert main(["--db", demo_path, "--as", "admin", "portal", "where"]) == 0
    assert capsys.readouterr().out.strip().endswith("demo-portal.sqlite")
    db.dispose()
