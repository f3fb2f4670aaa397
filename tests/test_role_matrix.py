"""The role matrix (docs/roles.md), cell by cell: each capability tried through the real service by
each kind of staff member, on a copy of the demo university.

A clerk "in own unit" is the demo's `dziekanat` (clerk of WMFI) acting on a WMFI student, group and
registration; a clerk "of another unit" is a clerk of WE acting on the same records. "yes": the
service does it. "read": it shows the records but refuses the change. "no": it refuses, and a
refusal writes nothing (no audit entry is added).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, update

from desk import (
    access,
    accounts,
    backup,
    enrollment,
    group_records,
    groups,
    registrations,
    rosters,
    staff,
    student_search,
    students,
    sync,
    terms,
    tokens,
)
from desk.clock import now_utc
from desk.errors import PermissionDenied
from desk.model import (
    AuditEntry,
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentStatus,
    LoginAccount,
    OrgUnit,
    Programme,
    ProgrammeStatus,
    Registration,
    Role,
    StaffUser,
    Student,
    StudentProgramme,
    SyncConflict,
    TokenType,
)
from desk.staff import Actor, Permission
from desk.unit_of_work import UnitOfWork

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ("clerk_own", "clerk_other", "service_center", "administrator")
YES, NO, READ = "yes", "no", "read"
A_PESEL = "44051401359"  # a valid PESEL: the lookup by it is the personal-data right's, found or not


@dataclass
class World:
    """The demo records the cells act on, and the four staff members."""

    db: object
    folder: Path
    actors: dict[str, Actor]
    student_id: int
    student_number: str
    registration_id: int
    group_id: int
    full_group_id: int
    free_token_id: int
    jo_token_id: int
    after_jo_deadline: object
    conflict_id: int
    counter: list[int] = field(default_factory=lambda: [0])

    def unique(self) -> int:
        self.counter[0] += 1
        return self.counter[0]


@dataclass(frozen=True)
class Capability:
    name: str  # as in the first column of docs/roles.md
    cells: tuple[str, str, str, str]  # clerk own unit, clerk other unit, Student Service Center, administrator
    read: Callable[[World, Actor], object] | None
    change: Callable[[World, Actor], object] | None
    gaps: dict[str, str] = field(default_factory=dict)  # column -> the missing check, reported


def _person_changes(world: World, actor: Actor) -> students.PersonChanges:
    card = students.student_card(UnitOfWork(world.db, actor), world.student_id)
    return students.PersonChanges(card.first_name, card.middle_name, card.last_name, card.birth_date, None,
                                  f"private-{world.unique()}@example.com", keep_pesel=True)


def _new_round(world: World) -> registrations.RoundDraft:
    starts = now_utc() + timedelta(days=400 + world.unique() * 3)
    return registrations.RoundDraft(f"Tura {world.unique()}", starts, starts + timedelta(days=1))


def _rename_term(world: World, actor: Actor):
    with world.db.read() as session:
        term_id = session.scalar(select(ClassGroup.term_id).where(ClassGroup.id == world.group_id))
    return terms.edit_term(UnitOfWork(world.db, actor), term_id, {"name": f"Semestr {world.unique()}"}, "poprawiona nazwa")


def _set_schedule(world: World, actor: Actor):
    return sync.set_schedule(UnitOfWork(world.db, actor), "01:30 full, 06:05 incremental")


def _backup(world: World, actor: Actor):
    if not world.db.is_sqlite:
        pytest.skip("desk copies SQLite files; a PostgreSQL server is backed up with its own pg_dump")
    return backup.backup_now(UnitOfWork(world.db, actor), folder=world.folder, keep=None)


MATRIX: tuple[Capability, ...] = (
    Capability("read students", (YES, YES, YES, YES),
               lambda w, a: students.student_card(UnitOfWork(w.db, a), w.student_id), None),
    Capability("see personal data (PESEL)", (YES, YES, NO, YES),
               lambda w, a: students.reveal_pesel(UnitOfWork(w.db, a), w.student_id), None),
    Capability("find or confirm by PESEL", (YES, YES, NO, YES),
               lambda w, a: student_search.search_students(UnitOfWork(w.db, a), A_PESEL), None),
    Capability("edit personal data", (YES, NO, NO, YES),
               lambda w, a: students.student_card(UnitOfWork(w.db, a), w.student_id),
               lambda w, a: students.update_person(UnitOfWork(w.db, a), w.student_id, _person_changes(w, a),
                                                   reason="zmiana adresu e-mail")),
    Capability("registrations calendar", (YES, READ, READ, YES),
               lambda w, a: registrations.registration_detail(UnitOfWork(w.db, a), w.registration_id),
               lambda w, a: registrations.save_round(UnitOfWork(w.db, a), w.registration_id, _new_round(w), reason="dodatkowa tura")),
    Capability("access grants", (YES, READ, READ, YES),
               lambda w, a: access.decisions_of(UnitOfWork(w.db, a), w.registration_id),
               lambda w, a: access.grant_access(UnitOfWork(w.db, a), w.registration_id, [w.student_id], reason="powrót z urlopu")),
    Capability("class groups and limits", (YES, READ, READ, YES),
               lambda w, a: groups.list_groups(UnitOfWork(w.db, a), groups.GroupScope(registration_id=w.registration_id)),
               lambda w, a: groups.set_seat_limits(UnitOfWork(w.db, a), [w.group_id], delta=1, reason="większa sala")),
    Capability("courses and class groups kept by hand", (YES, READ, READ, YES),
               lambda w, a: group_records.group_record(UnitOfWork(w.db, a), w.group_id),
               lambda w, a: group_records.edit_group(UnitOfWork(w.db, a), w.group_id, {"description": f"Opis {w.unique()}"},
                                                     "opis grupy")),
    Capability("terms", (READ, READ, READ, YES),
               lambda w, a: terms.list_terms(UnitOfWork(w.db, a)), _rename_term),
    Capability("enroll over the limit", (YES, NO, NO, YES), None,
               lambda w, a: enrollment.enroll(UnitOfWork(w.db, a), w.student_id, w.full_group_id, reason="decyzja prodziekana",
                                              over_limit=True)),
    Capability("token corrections", (YES, NO, NO, YES),
               lambda w, a: tokens.balances(UnitOfWork(w.db, a), w.student_id),
               lambda w, a: tokens.correct_balance(UnitOfWork(w.db, a), w.student_id, w.free_token_id, 1,
                                                   reason="przyjęty w połowie roku")),
    Capability("override the 7-day rule", (NO, NO, NO, YES), None,
               lambda w, a: tokens.correct_balance(UnitOfWork(w.db, a, now=w.after_jo_deadline), w.student_id, w.jo_token_id, 1, reason="przyjęty w połowie roku",
                                                   override_reason="decyzja prorektora")),
    Capability("accounts (link logins)", (NO, NO, YES, YES),
               lambda w, a: accounts.account_state(UnitOfWork(w.db, a), w.student_number),
               lambda w, a: accounts.link_login(UnitOfWork(w.db, a), f"{w.student_number}.{w.unique()}@student.und.edu.pl",
                                                student_id=w.student_id, reason="zgłoszenie studenta")),
    Capability("run sync", (YES, YES, YES, YES), None,
               lambda w, a: sync.run_sync(UnitOfWork(w.db, a))),
    Capability("settle conflicts", (YES, NO, NO, YES),
               lambda w, a: sync.conflicts(UnitOfWork(w.db, a)),
               lambda w, a: sync.resolve_conflict(UnitOfWork(w.db, a), w.conflict_id, enroll_over_limit=False,
                                                  reason="student zapisany do innej grupy")),
    Capability("exports with personal data", (YES, YES, NO, YES), None,
               lambda w, a: rosters.export_rosters(UnitOfWork(w.db, a), groups.GroupScope(group_ids=(w.group_id,)),
                                                   w.folder / f"roster-{w.unique()}.xlsx")),
    Capability("staff administration", (NO, NO, NO, YES),
               lambda w, a: staff.list_staff(UnitOfWork(w.db, a)),
               lambda w, a: staff.add_staff(UnitOfWork(w.db, a), f"nowy{w.unique()}", "Nowy Pracownik", Role.SERVICE_CENTER, [],
                                            "password-10", reason="nowy pracownik")),
    Capability("schedule/settings", (READ, READ, READ, YES),
               lambda w, a: sync.schedule(w.db), _set_schedule),
    Capability("backups", (NO, NO, NO, YES), None, _backup),
)


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """Cheap argon2 parameters: the cells are about roles, not about the cost of a hash."""
    monkeypatch.setattr(staff, "password_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


_FOUND: dict = {}  # per backend: every copy of the demo template has the same ids


def _find_records(db) -> tuple:
    """A WMFI student (only WMFI programmes, active, with a login), a WMFI registration, a group of a WMFI
    course the student is not in, the JO token type and the moment just after its correction deadline."""
    backend = "sqlite" if db.is_sqlite else "postgresql"
    if backend in _FOUND:
        return _FOUND[backend]
    with db.read() as session:
        wmfi = session.scalar(select(OrgUnit.id).where(OrgUnit.code == "WMFI"))
        units_per_student = (
            select(StudentProgramme.student_id)
            .join(Programme, Programme.id == StudentProgramme.programme_id)
            .group_by(StudentProgramme.student_id)
            .having(func.min(Programme.unit_id) == wmfi, func.max(Programme.unit_id) == wmfi)
        )
        student_id, number = session.execute(
            select(Student.id, Student.student_number)
            .join(StudentProgramme, StudentProgramme.student_id == Student.id)
            .join(LoginAccount, LoginAccount.person_id == Student.person_id)
            .where(Student.id.in_(units_per_student), StudentProgramme.status == ProgrammeStatus.ACTIVE)
            .order_by(Student.id).limit(1)
        ).one()
        registration_id = session.scalar(select(Registration.id).where(Registration.code.like("WMFI-SEM-%")))
        taken = select(ClassGroup.course_id).join(Enrollment, Enrollment.group_id == ClassGroup.id).where(
            Enrollment.student_id == student_id, Enrollment.status == EnrollmentStatus.ACCEPTED)
        group_id = session.scalar(
            select(ClassGroup.id)
            .join(Course, Course.id == ClassGroup.course_id)
            .where(Course.unit_id == wmfi, ClassGroup.course_id.not_in(taken), ClassGroup.enrolled_count > 0)
            .order_by(ClassGroup.id).limit(1)
        )
        jo = session.scalar(select(TokenType.id).where(TokenType.code == "JO"))
        deadline = tokens.correction_deadline(session, jo, now_utc())
    assert None not in (wmfi, student_id, registration_id, group_id, jo, deadline)
    _FOUND[backend] = (wmfi, student_id, number, registration_id, group_id, jo, deadline.deadline + timedelta(hours=1))
    return _FOUND[backend]


@pytest.fixture
def world(tmp_path, _demo_templates):
    # Who may do what is decided in the services, before any database work: one backend is enough
    # (the services themselves are tested on both).
    import shutil

    from desk.db import open_database

    path = tmp_path / "desk.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), path)
    db = open_database(str(path)).database
    wmfi, student_id, number, registration_id, group_id, jo, after_deadline = _find_records(db)
    with db.write() as session:  # one transaction: the setup is most of each cell's time
        # The group is full: enrolling the student needs the override.
        session.execute(update(ClassGroup).where(ClassGroup.id == group_id)
                        .values(seat_limit=ClassGroup.enrolled_count, over_limit_count=0))
        conflict = SyncConflict(kind="register", student_id=student_id, message="the group filled at the desk meanwhile",
                                payload={"kind": "register", "group_id": group_id, "registration_id": registration_id})
        we = session.scalars(select(OrgUnit).where(OrgUnit.code == "WE")).one()
        other = StaffUser(login="obcy", full_name="Olga Obca", password_hash=staff.hash_password("password-123"),
                          role=Role.CLERK)
        other.units = [we]
        free_token = TokenType(code="TST", name="Tokens TST", semester_price=Decimal("10.00"))
        session.add_all([conflict, other, free_token])
        session.flush()
        conflict_id, free_token_id = conflict.id, free_token.id
        clerk_other = Actor(other.id, other.login, other.full_name, Role.CLERK, frozenset({we.id}))
    actors = {"clerk_own": _demo_actor(db, "dziekanat"), "clerk_other": clerk_other,
              "service_center": _demo_actor(db, "cos"), "administrator": _demo_actor(db, "admin")}
    assert actors["clerk_own"].unit_ids == frozenset({wmfi})
    exports = tmp_path / "exports"  # not the database's folder, where SQLite's own files come and go
    exports.mkdir()
    yield World(db, exports, actors, student_id, number, registration_id, group_id, group_id,
                 free_token_id, jo, after_deadline, conflict_id)
    db.dispose()


def _demo_actor(db, login: str) -> Actor:
    key = ("sqlite" if db.is_sqlite else "postgresql", login)
    if key not in _FOUND:
        _FOUND[key] = staff.actor_for_login(db, login)
    return _FOUND[key]


def _audit_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def _refused(world: World, actor: Actor, call: Callable[[World, Actor], object]) -> None:
    before = _audit_count(world.db)
    files = set(world.folder.iterdir())
    with pytest.raises(PermissionDenied):
        call(world, actor)
    assert _audit_count(world.db) == before, "a refusal wrote an audit entry"
    assert set(world.folder.iterdir()) == files, "a refusal wrote a file"


def _cases():
    for capability in MATRIX:
        for column, cell in zip(COLUMNS, capability.cells):
            marks = []
            if column in capability.gaps:
                marks.append(pytest.mark.xfail(strict=True, raises=AssertionError,
                                               reason="missing check, reported: " + capability.gaps[column]))
            yield pytest.param(capability, column, cell, id=f"{capability.name}-{column}-{cell}", marks=marks)


@pytest.mark.parametrize(("capability", "column", "cell"), list(_cases()))
def test_cell(world, capability: Capability, column: str, cell: str):
    actor = world.actors[column]
    read, change = capability.read, capability.change
    if cell == YES:
        if read is not None:
            read(world, actor)
        if change is not None:
            change(world, actor)
    elif cell == READ:
        read(world, actor)
        _refused(world, actor, change)
    else:
        try:
            _refused(world, actor, change or read)
        except pytest.fail.Exception as error:  # "DID NOT RAISE": the service allowed it
            raise AssertionError(str(error)) from None
        if read is not None and change is not None and capability.name == "staff administration":
            _refused(world, actor, read)  # not even the list


def test_the_document_shows_this_matrix():
    """docs/roles.md is the matrix the cells above check, row by row and column by column."""
    text = (ROOT / "docs" / "roles.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 5 and cells[1] in (YES, NO, READ):
            rows[re.sub(r"\s*\[\d\]$", "", cells[0])] = tuple(re.sub(r"\s*\[\d\]$", "", c) for c in cells[1:5])
    assert rows == {c.name: c.cells for c in MATRIX}


def test_the_matrix_follows_the_role_permissions():
    """A cell that says yes for a role needs the permission in ROLE_PERMISSIONS (no service can grant more)."""
    needs = {
        "read students": Permission.READ_STUDENTS, "see personal data (PESEL)": Permission.VIEW_PERSONAL_DATA,
        "find or confirm by PESEL": Permission.VIEW_PERSONAL_DATA,
        "edit personal data": Permission.EDIT_STUDENTS, "registrations calendar": Permission.MANAGE_REGISTRATIONS,
        "access grants": Permission.MANAGE_ACCESS, "class groups and limits": Permission.MANAGE_GROUPS,
        "courses and class groups kept by hand": Permission.MANAGE_GROUPS, "terms": Permission.ADMINISTER,
        "enroll over the limit": Permission.MANAGE_GROUPS, "token corrections": Permission.CORRECT_TOKENS,
        "override the 7-day rule": Permission.OVERRIDE_TOKEN_DEADLINE, "accounts (link logins)": Permission.MANAGE_ACCOUNTS,
        "run sync": Permission.RUN_SYNC, "settle conflicts": Permission.MANAGE_GROUPS,
        "exports with personal data": Permission.VIEW_PERSONAL_DATA, "staff administration": Permission.MANAGE_STAFF,
        "schedule/settings": Permission.ADMINISTER, "backups": Permission.ADMINISTER,
    }
    roles = {"clerk_own": Role.CLERK, "clerk_other": Role.CLERK, "service_center": Role.SERVICE_CENTER,
             "administrator": Role.ADMINISTRATOR}
    assert set(needs) == {c.name for c in MATRIX}
    for capability in MATRIX:
        for column, cell in zip(COLUMNS, capability.cells):
            has = needs[capability.name] in staff.ROLE_PERMISSIONS[roles[column]]
            assert (cell == YES) <= has, f"{capability.name} / {column}"
