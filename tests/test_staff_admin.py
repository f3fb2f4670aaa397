"""Staff administration: listing, adding, disabling, enabling, changing roles and resetting passwords;
the pause after failed sign-ins; the `desk staff` terminal commands."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from desk import staff
from desk.cli import main
from desk.clock import now_utc
from desk.db import open_database
from desk.errors import DomainError, NotFound, PermissionDenied, SignInFailed
from desk.model import AuditEntry, Role, StaffUser
from tests import factories
from ui.entry import main as desk_command
from desk.unit_of_work import SystemJob, UnitOfWork


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """argon2id with the library's parameters takes half a second a hash on a small machine; these
    tests are about the rules, so they hash cheaply (the hash's format and checks stay the same)."""
    monkeypatch.setattr(staff, "password_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def _audit_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def _last_audit(db) -> AuditEntry:
    with db.read() as session:
        return session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()


def _user(db, login: str) -> StaffUser:
    with db.read() as session:
        return session.scalars(select(StaffUser).where(StaffUser.login == login)).one()


def _no_secrets(entry: AuditEntry) -> None:
    text = json.dumps([entry.before, entry.after])
    assert "argon2" not in text and "hash" not in text and "password-" not in text


def test_administrator_adds_a_clerk_and_lists_the_staff(db, admin):
    wmf = factories.unit(db, "WMF")
    wch = factories.unit(db, "WCH", "Wydział Chemii")
    line = staff.add_staff(UnitOfWork(db, admin), " kowalska ", "Ewa   Kowalska", Role.CLERK, [wch, wmf], "password-10",
                           reason="nowa pracownica dziekanatu")
    assert (line.login, line.full_name, line.role, line.unit_codes, line.active) == (
        "kowalska", "Ewa Kowalska", Role.CLERK, ("WCH", "WMF"), True)
    entry = _last_audit(db)
    assert (entry.action, entry.entity, entry.entity_id, entry.staff_id) == ("staff.create", "staff_user", line.id, admin.id)
    assert entry.reason == "nowa pracownica dziekanatu" and entry.before is None
    assert entry.after == {"login": "kowalska", "full_name": "Ewa Kowalska", "role": "clerk", "active": True,
                           "units": ["WCH", "WMF"]}
    _no_secrets(entry)

    clerk = staff.sign_in(db, "Kowalska", "password-10")
    assert clerk.role is Role.CLERK and clerk.unit_ids == frozenset({wmf, wch})
    lines = staff.list_staff(UnitOfWork(db, admin))
    assert [s.login for s in lines] == ["admin", "kowalska"]
    listed = lines[1]
    assert listed.last_sign_in_at is not None and listed.locked_until is None and listed.unit_codes == ("WCH", "WMF")


@pytest.mark.parametrize(
    ("login", "role", "units", "password", "reason", "message"),
    [
        ("k", Role.CLERK, [], "password-10", "r", "at least one unit"),
        ("k", Role.CLERK, ["WMF"], "123456789", "r", "at least 10 characters"),
        ("k", Role.SERVICE_CENTER, ["WMF"], "password-10", "r", "Only a dean's office clerk acts for units"),
        ("ADMIN", Role.ADMINISTRATOR, [], "password-10", "r", "already taken"),
        ("k l", Role.ADMINISTRATOR, [], "password-10", "r", "no spaces"),
        ("", Role.ADMINISTRATOR, [], "password-10", "r", "needs a login"),
        ("k", Role.CLERK, ["WMF"], "password-10", "  ", "Say why"),
        ("k", "janitor", [], "password-10", "r", "no role janitor"),
        ("k", Role.CLERK, [987654], "password-10", "r", "no unit with the id 987654"),
    ],
)
def test_adding_is_refused_clearly_and_writes_nothing(db, admin, login, role, units, password, reason, message):
    ids = [factories.unit(db, code) if isinstance(code, str) else code for code in units]
    before = _audit_count(db)
    with pytest.raises(DomainError, match=message):
        staff.add_staff(UnitOfWork(db, admin), login, "Krystyna K", role, ids, password, reason=reason)
    assert _audit_count(db) == before
    assert [s.login for s in staff.list_staff(UnitOfWork(db, admin))] == ["admin"]


def test_only_an_administrator_manages_staff(db, admin):
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    center = factories.staff(db, "cos", Role.SERVICE_CENTER)
    before = _audit_count(db)
    for actor in (clerk, center):
        with pytest.raises(PermissionDenied, match="manage staff accounts"):
            staff.list_staff(UnitOfWork(db, actor))
        with pytest.raises(PermissionDenied):
            staff.add_staff(UnitOfWork(db, actor), "x", "X Y", Role.ADMINISTRATOR, [], "password-10", reason="r")
        with pytest.raises(PermissionDenied):
            staff.disable_staff(UnitOfWork(db, actor), "admin", reason="r")
        with pytest.raises(PermissionDenied):
            staff.change_role(UnitOfWork(db, actor), actor.login, Role.ADMINISTRATOR, [], reason="r")
        with pytest.raises(PermissionDenied):
            staff.reset_password(UnitOfWork(db, actor), "admin", "password-10", reason="r")
    assert _audit_count(db) == before
    assert staff.sign_in(db, "admin", "admin-password").role is Role.ADMINISTRATOR


def test_disable_and_enable(db, admin):
    factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    line = staff.disable_staff(UnitOfWork(db, admin), "DZIEKANAT", reason="odeszła z pracy")
    assert not line.active
    entry = _last_audit(db)
    assert (entry.action, entry.before["active"], entry.after["active"], entry.reason) == (
        "staff.disable", True, False, "odeszła z pracy")
    _no_secrets(entry)
    with pytest.raises(SignInFailed, match="Wrong login or password"):
        staff.sign_in(db, "dziekanat", "password-123")
    with pytest.raises(SignInFailed):
        staff.actor_for_login(db, "dziekanat")
    with pytest.raises(DomainError, match="already disabled"):
        staff.disable_staff(UnitOfWork(db, admin), "dziekanat", reason="again")
    assert staff.enable_staff(UnitOfWork(db, admin), "dziekanat", reason="wróciła").active
    assert _last_audit(db).action == "staff.enable"
    assert staff.sign_in(db, "dziekanat", "password-123").login == "dziekanat"
    with pytest.raises(DomainError, match="already enabled"):
        staff.enable_staff(UnitOfWork(db, admin), "dziekanat", reason="again")
    with pytest.raises(NotFound, match="no staff account nobody"):
        staff.disable_staff(UnitOfWork(db, admin), "nobody", reason="r")


def test_an_administrator_cannot_disable_themselves_or_the_last_administrator(db, admin):
    before = _audit_count(db)
    with pytest.raises(DomainError, match="your own account"):
        staff.disable_staff(UnitOfWork(db, admin), "admin", reason="r")
    with pytest.raises(DomainError, match="your own role"):
        staff.change_role(UnitOfWork(db, admin), "admin", Role.SERVICE_CENTER, [], reason="r")
    assert _audit_count(db) == before

    other = staff.add_staff(UnitOfWork(db, admin), "boss", "Barbara Boss", Role.ADMINISTRATOR, [], "password-10", reason="zastępstwo")
    boss = staff.sign_in(db, "boss", "password-10")
    staff.disable_staff(UnitOfWork(db, boss), "admin", reason="urlop")  # two were active: one stays
    # The first administrator's desk is still open (their Actor was made before): they are refused now.
    before = _audit_count(db)
    with pytest.raises(PermissionDenied, match="has been disabled"):
        staff.disable_staff(UnitOfWork(db, admin), "boss", reason="r")
    with pytest.raises(PermissionDenied, match="has been disabled"):
        staff.change_role(UnitOfWork(db, admin), "boss", Role.SERVICE_CENTER, [], reason="r")
    # ... and a disabled administrator's open desk manages nothing else either.
    factories.staff(db, "cos", Role.SERVICE_CENTER)
    with pytest.raises(PermissionDenied, match="has been disabled"):
        staff.disable_staff(UnitOfWork(db, admin), "cos", reason="r")
    with pytest.raises(PermissionDenied, match="has been disabled"):
        staff.list_staff(UnitOfWork(db, admin))
    assert _audit_count(db) == before
    assert [s.login for s in staff.list_staff(UnitOfWork(db, boss)) if s.active and s.role is Role.ADMINISTRATOR] == [other.login]


def test_change_role_and_units(db, admin):
    wmf, wch = factories.unit(db, "WMF"), factories.unit(db, "WCH")
    factories.staff(db, "cos", Role.SERVICE_CENTER)
    line = staff.change_role(UnitOfWork(db, admin), "cos", Role.CLERK, [wmf], reason="przeszła do dziekanatu")
    assert (line.role, line.unit_codes) == (Role.CLERK, ("WMF",))
    entry = _last_audit(db)
    assert entry.action == "staff.role" and entry.before["role"] == "service_center" and entry.after["units"] == ["WMF"]
    line = staff.change_role(UnitOfWork(db, admin), "cos", Role.CLERK, [wmf, wch], reason="drugi wydział")
    assert line.unit_codes == ("WCH", "WMF")
    assert staff.actor_for_login(db, "cos").unit_ids == frozenset({wmf, wch})
    before = _audit_count(db)
    with pytest.raises(DomainError, match="Nothing was changed"):
        staff.change_role(UnitOfWork(db, admin), "cos", Role.CLERK, [wch, wmf], reason="r")
    with pytest.raises(DomainError, match="at least one unit"):
        staff.change_role(UnitOfWork(db, admin), "cos", Role.CLERK, [], reason="r")
    with pytest.raises(DomainError, match="Say why"):
        staff.change_role(UnitOfWork(db, admin), "cos", Role.ADMINISTRATOR, [], reason="")
    assert _audit_count(db) == before
    line = staff.change_role(UnitOfWork(db, admin), "cos", Role.ADMINISTRATOR, [], reason="awans")
    assert (line.role, line.unit_codes) == (Role.ADMINISTRATOR, ())


def test_reset_password_sets_a_new_one_and_ends_the_pause(db, admin):
    factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    for _ in range(staff.FREE_ATTEMPTS + 2):
        with pytest.raises(SignInFailed):
            staff.sign_in(db, "dziekanat", "wrong-password")
    line = next(s for s in staff.list_staff(UnitOfWork(db, admin)) if s.login == "dziekanat")
    assert line.locked_until is not None and line.failed_sign_ins >= staff.FREE_ATTEMPTS
    with pytest.raises(DomainError, match="at least 10 characters"):
        staff.reset_password(UnitOfWork(db, admin), "dziekanat", "short", reason="zapomniała")
    line = staff.reset_password(UnitOfWork(db, admin), "dziekanat", "new-password-1", reason="zapomniała hasła")
    assert line.locked_until is None and line.failed_sign_ins == 0
    entry = _last_audit(db)
    assert entry.action == "staff.reset_password" and entry.before["failed_sign_ins"] >= staff.FREE_ATTEMPTS
    assert entry.after["locked_until"] is None and entry.reason == "zapomniała hasła"
    _no_secrets(entry)
    with pytest.raises(SignInFailed, match="Wrong login or password"):
        staff.sign_in(db, "dziekanat", "password-123")
    assert staff.sign_in(db, "dziekanat", "new-password-1").login == "dziekanat"


# --- the pause after failed sign-ins ----------------------------------------------------------------


def _set_pause(db, login: str, until) -> None:
    with db.write() as session:
        session.scalars(select(StaffUser).where(StaffUser.login == login)).one().locked_until = until


def test_the_third_failure_makes_the_next_attempt_wait_and_the_pause_grows(db, admin):
    for attempt in range(1, staff.FREE_ATTEMPTS):
        with pytest.raises(SignInFailed, match="Wrong login or password"):
            staff.sign_in(db, "admin", "wrong-password")
        assert _user(db, "admin").locked_until is None, f"no pause after failure {attempt}"
    with pytest.raises(SignInFailed, match="Wrong login or password"):
        staff.sign_in(db, "admin", "wrong-password")  # the third
    user = _user(db, "admin")
    first_pause = user.locked_until - now_utc()
    assert user.failed_sign_ins == 3 and timedelta(0) < first_pause <= staff.pause_after(3)
    with pytest.raises(SignInFailed, match=r"Too many failed attempts\. Try again in [12] s\."):
        staff.sign_in(db, "admin", "admin-password")  # even the right password waits
    assert _user(db, "admin").failed_sign_ins == 3  # an attempt refused during the pause is not counted
    _set_pause(db, "admin", None)  # the pause is over
    with pytest.raises(SignInFailed, match="Wrong login or password"):
        staff.sign_in(db, "admin", "wrong-password")
    user = _user(db, "admin")
    assert user.failed_sign_ins == 4 and user.locked_until - now_utc() > first_pause  # longer each time


def test_a_pause_in_the_future_refuses_the_right_password_saying_until_when(db, admin):
    _set_pause(db, "admin", now_utc() + timedelta(minutes=10))
    with pytest.raises(SignInFailed) as refused:
        staff.sign_in(db, "admin", "admin-password")
    seconds = int(str(refused.value).split("Try again in ")[1].split(" s")[0])
    assert 590 <= seconds <= 601
    _set_pause(db, "admin", now_utc() - timedelta(seconds=1))  # over: the right password works and clears it
    assert staff.sign_in(db, "admin", "admin-password").login == "admin"
    user = _user(db, "admin")
    assert user.failed_sign_ins == 0 and user.locked_until is None and user.last_sign_in_at is not None


def test_a_disabled_account_is_refused_even_with_the_right_password(db, admin):
    factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    staff.disable_staff(UnitOfWork(db, admin), "dziekanat", reason="odeszła")
    # The right password is answered as a wrong one: a guessed password is never confirmed.
    with pytest.raises(SignInFailed, match="Wrong login or password"):
        staff.sign_in(db, "dziekanat", "password-123")
    with pytest.raises(SignInFailed, match="Wrong login or password"):
        staff.sign_in(db, "dziekanat", "wrong-password")


# --- the terminal commands --------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["staff"], ["staff", "list"], ["staff", "add"], ["staff", "disable"],
                                  ["staff", "enable"], ["staff", "role"], ["staff", "reset-password"]])
def test_staff_commands_have_help(args, capsys):
    with pytest.raises(SystemExit) as exit_:
        desk_command([*args, "--help"])
    assert exit_.value.code == 0
    assert "usage: desk staff" in capsys.readouterr().out


@pytest.fixture
def staff_database(tmp_path, monkeypatch):
    path = tmp_path / "staff.sqlite"
    db = open_database(str(path)).database
    staff.create_first_administrator(UnitOfWork(db, SystemJob.SETUP), "admin", "Anna Admin", "admin-password")
    factories.unit(db, "WMF")
    factories.unit(db, "WCH")
    factories.staff(db, "cos", Role.SERVICE_CENTER)
    db.dispose()
    monkeypatch.setenv("DESK_PASSWORD", "admin-password")
    return path


def test_staff_commands(staff_database, monkeypatch, capsys):
    admin = ["--db", str(staff_database), "--as", "admin"]
    monkeypatch.setenv("DESK_NEW_PASSWORD", "clerk-password")
    assert main([*admin, "staff", "add", "kowalska", "--name", "Ewa Kowalska", "--role", "clerk", "--unit", "WMF",
                 "--unit", "wch", "--reason", "nowa pracownica"]) == 0
    assert "kowalska" in capsys.readouterr().out
    assert main([*admin, "staff", "add", "nowy", "--name", "Jan Nowy", "--role", "clerk", "--reason", "r"]) == 1
    assert "at least one unit" in capsys.readouterr().err
    assert main([*admin, "staff", "list", "--json"]) == 0
    listed = {s["login"]: s for s in json.loads(capsys.readouterr().out)["staff"]}
    assert listed["kowalska"]["units"] == ["WCH", "WMF"] and listed["kowalska"]["role"] == "clerk"
    assert set(listed) == {"admin", "cos", "kowalska"}

    assert main([*admin, "staff", "disable", "kowalska", "--reason", "odeszła"]) == 0
    assert "disabled" in capsys.readouterr().out
    assert main([*admin, "staff", "disable", "admin", "--reason", "r"]) == 1
    assert "your own account" in capsys.readouterr().err
    assert main([*admin, "staff", "enable", "kowalska", "--reason", "wróciła"]) == 0
    assert main([*admin, "staff", "role", "kowalska", "service_center", "--reason", "przeniesiona"]) == 0
    assert "Student Service Center" in capsys.readouterr().out
    monkeypatch.setenv("DESK_NEW_PASSWORD", "fresh-password")
    assert main([*admin, "staff", "reset-password", "kowalska", "--reason", "zapomniała"]) == 0
    assert "reset" in capsys.readouterr().out
    assert main(["--db", str(staff_database), "staff", "list"]) == 1  # who acts must be said
    monkeypatch.setenv("DESK_PASSWORD", "fresh-password")
    assert main(["--db", str(staff_database), "--as", "kowalska", "staff", "list"]) == 1
    assert "does not allow this: manage staff accounts" in capsys.readouterr().err
    db = open_database(str(staff_database)).database
    try:
        assert staff.sign_in(db, "kowalska", "fresh-password").role is Role.SERVICE_CENTER
        with db.read() as session:
            actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    finally:
        db.dispose()
    assert actions[-5:] == ["staff.create", "staff.disable", "staff.enable", "staff.role", "staff.reset_password"]
