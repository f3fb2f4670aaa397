"""A round trip: every record of a generated demo university written into the import's files, imported
into an empty database, published to a new portal; the portal shows what the demo's own portal shows."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import select

from desk import sync
from desk.imports import registry, service, workbooks
from desk.model import SyncKind
from desk.portal import schema
from desk.portal.database import open_portal_for
from desk.staff import create_first_administrator
from desk.unit_of_work import SystemJob, UnitOfWork
from tests.conftest import fresh_sqlite

# What a university's files bring; the portal tables of what is not imported (individual access
# grants, token requests, payments) and the sync's own tables are left out of the comparison.
COMPARED = ("portal_persons", "portal_logins", "portal_students", "portal_student_programmes", "portal_registrations",
            "portal_registration_courses", "portal_rounds", "portal_access_rules", "portal_class_groups",
            "portal_enrollments", "portal_token_types", "portal_token_balances")


def _natural(portal) -> dict[str, Counter]:
    """Each compared table with its ids replaced by natural keys (the two databases number rows differently)."""
    with portal.read() as s:
        rows = {name: [dict(r._mapping) for r in s.execute(select(schema.metadata.tables[name]))] for name in COMPARED}
    student = {r["student_id"]: r["student_number"] for r in rows["portal_students"]}
    person: dict[int, str] = {}
    for r in sorted(rows["portal_students"], key=lambda r: r["student_number"]):
        person.setdefault(r["person_id"], "student " + r["student_number"])
    for r in sorted(rows["portal_logins"], key=lambda r: r["email_lower"]):
        if r["person_id"] is not None:
            person.setdefault(r["person_id"], "login " + r["email_lower"])
    group = {r["group_id"]: (r["term_code"], r["course_code"], r["class_type"], r["number"]) for r in rows["portal_class_groups"]}
    course = {r["course_id"]: r["course_code"] for r in rows["portal_class_groups"]}
    registration = {r["registration_id"]: r["code"] for r in rows["portal_registrations"]}
    programme = {r["programme_id"]: r["programme_code"] for r in rows["portal_student_programmes"]}
    token_type = {r["token_type_id"]: r["code"] for r in rows["portal_token_types"]}
    maps = {"student_id": student, "person_id": person, "group_id": group, "course_id": course,
            "registration_id": registration, "programme_id": programme, "token_type_id": token_type}
    own = {"portal_persons": "person_id", "portal_students": "student_id", "portal_class_groups": "group_id",
           "portal_registrations": "registration_id", "portal_token_types": "token_type_id"}
    out = {}
    for name, table_rows in rows.items():
        keyed = []
        for r in table_rows:
            if name == "portal_enrollments" and r["status"] != "accepted":
                continue  # cancelled enrollments are history the files do not bring
            if name == "portal_token_balances" and r["balance"] == 0:
                continue  # no entries and a zero balance read the same to a student
            shown = {}
            for column, value in r.items():
                if column in maps:
                    value = maps[column].get(value, ("unknown", value)) if value is not None else None
                elif column.endswith("_id") and column not in ("registration_id",):
                    continue  # the row's own id (login, round, rule, enrollment, programme line)
                if isinstance(value, Decimal):
                    value = str(value)
                shown[column] = value
            if name in own:
                shown[own[name]] = maps[own[name]].get(r[own[name]])
            keyed.append(tuple(sorted((k, repr(v)) for k, v in shown.items())))
        out[name] = Counter(keyed)
    return out


@pytest.fixture
def empty_db(demo_db, tmp_path, sqlite_template, postgres_databases):
    """An empty database on the demo's backend."""
    from desk.db import open_database

    if demo_db.is_sqlite:
        folder = tmp_path / "target"
        folder.mkdir()
        url = f"sqlite+pysqlite:///{fresh_sqlite(sqlite_template, folder)}"
        name = None
    else:
        name = postgres_databases.create()
        url = postgres_databases.url.set(database=name)
    opened = open_database(url)
    yield opened.database
    opened.database.dispose()
    if name:
        postgres_databases.drop(name)


def test_a_demo_university_imported_from_files_publishes_the_same_portal(demo_db, empty_db, tmp_path):
    source, target = demo_db, empty_db
    sync.run_sync(UnitOfWork(source, SystemJob.SCHEDULE), SyncKind.FULL)
    admin = create_first_administrator(UnitOfWork(target, SystemJob.SETUP), "admin", "Anna Administratorka", "admin-password")
    problems = {}
    for kind in registry.kinds():
        with source.read() as session:
            path = workbooks.write_records(kind, kind.records(session), tmp_path / f"{kind.code}.xlsx")
        preview = service.preview_import(UnitOfWork(target, admin), kind.code, path)
        if preview.errors:
            problems[kind.code] = [(r.line, r.problems) for r in preview.rows if r.problems][:5]
            continue
        service.apply_import(UnitOfWork(target, admin), preview, reason="the university's records")
    assert problems == {}, next(iter(problems.items()), None)
    sync.run_sync(UnitOfWork(target, SystemJob.SCHEDULE), SyncKind.FULL)
    expected, got = _natural(open_portal_for(source)), _natural(open_portal_for(target))
    assert all(expected[name] for name in COMPARED), [name for name in COMPARED if not expected[name]]
    assert sum(expected["portal_students"].values()) == 300
    for name in COMPARED:
        assert got[name] == expected[name], (name, list((expected[name] - got[name]).items())[:3],
                                             list((got[name] - expected[name]).items())[:3])
