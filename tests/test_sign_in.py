"""Sign-in under attack and under load: parallel guesses, a disabled account, a database held by another writer.

The password check (argon2) is made slow here on purpose, as the real one is (tenths of a second),
without the real one's memory: sixteen of them at once are the point of these tests.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text

from desk import db as desk_db
from desk import staff
from desk.db import open_database
from desk.errors import DatabaseBusy, SignInFailed
from desk.model import Role, StaffUser
from desk.unit_of_work import UnitOfWork
from tests import factories

CHECK_SECONDS = 0.2
PARALLEL = 16


class SlowHasher(PasswordHasher):
    """argon2id with small parameters whose check takes CHECK_SECONDS, as a real one does."""

    def __init__(self):
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.during_check = None  # called inside every check, for tests that look at what is held then

    def verify(self, hash, password):  # noqa: A002 - the library's own parameter name
        if self.during_check is not None:
            self.during_check()
        time.sleep(CHECK_SECONDS)
        return super().verify(hash, password)


@pytest.fixture(autouse=True)
def slow_hasher(monkeypatch) -> SlowHasher:
    hasher = SlowHasher()
    monkeypatch.setattr(staff, "password_hasher", hasher)
    return hasher


def _user(db, login: str) -> StaffUser:
    with db.read() as session:
        return session.scalars(select(StaffUser).where(StaffUser.login == login)).one()


def _attempts_at_once(db, login: str, password: str, count: int) -> list[str]:
    """``count`` sign-ins started together, each in its own thread; what each was answered."""
    start = threading.Barrier(count)
    answers: list[str] = []
    lock = threading.Lock()

    def attempt():
        start.wait()
        try:
            staff.sign_in(db, login, password)
            answer = "signed in"
        except SignInFailed as refused:
            answer = str(refused)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=attempt) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return answers


def test_parallel_wrong_passwords_are_each_counted_and_the_pause_then_holds(db, admin):
    answers = _attempts_at_once(db, "admin", "wrong-password", PARALLEL)
    assert len(answers) == PARALLEL and "signed in" not in answers
    checked = answers.count("Wrong login or password.")
    paused = [a for a in answers if a.startswith("Too many failed attempts")]
    # Every password that was checked is counted; an attempt made during the pause is refused unchecked.
    assert checked + len(paused) == PARALLEL
    assert _user(db, "admin").failed_sign_ins == checked
    # Sixteen at once get no more checks than one after another: the free attempts, then the pause.
    assert checked <= staff.FREE_ATTEMPTS + 1
    with pytest.raises(SignInFailed, match="Too many failed attempts"):
        staff.sign_in(db, "admin", "admin-password")  # the right password now waits too


def test_no_connection_is_held_while_the_password_is_checked(db, admin, slow_hasher):
    held = []
    slow_hasher.during_check = lambda: held.append(db.engine.pool.checkedout())
    staff.sign_in(db, "admin", "admin-password")
    with pytest.raises(SignInFailed):
        staff.sign_in(db, "admin", "wrong-password")
    assert held == [0, 0]


def test_a_disabled_account_answers_as_a_wrong_password_whatever_the_password(db, admin):
    factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    staff.disable_staff(UnitOfWork(db, admin), "dziekanat", reason="odeszła")
    with pytest.raises(SignInFailed) as right:
        staff.sign_in(db, "dziekanat", "password-123")
    with pytest.raises(SignInFailed) as wrong:
        staff.sign_in(db, "dziekanat", "wrong-password")
    with pytest.raises(SignInFailed) as unknown:
        staff.sign_in(db, "nobody", "wrong-password")
    assert str(right.value) == str(wrong.value) == str(unknown.value) == "Wrong login or password."
    # The right password counts as a failure too: the pause cannot tell a guess that was right either.
    assert _user(db, "dziekanat").failed_sign_ins == 2
    staff.enable_staff(UnitOfWork(db, admin), "dziekanat", reason="wróciła")
    assert staff.sign_in(db, "dziekanat", "password-123").login == "dziekanat"


# --- a database held by another writer ---------------------------------------------------------------


@pytest.fixture
def impatient(monkeypatch, db):
    """The same database opened again, waiting half a second for a lock instead of ten."""
    monkeypatch.setattr(desk_db, "SQLITE_BUSY_TIMEOUT_MS", 500)
    monkeypatch.setattr(desk_db, "POSTGRESQL_LOCK_TIMEOUT_MS", 500)
    opened = open_database(db.url, create=False).database
    yield opened
    opened.dispose()


class Holder:
    """Another connection holding what a sign-in must write: SQLite's write lock, or the account's row."""

    def __init__(self, db, login: str):
        self.db = db
        if db.is_sqlite:
            self.connection = sqlite3.connect(db.url.database, isolation_level=None, check_same_thread=False)
            self.connection.execute("BEGIN IMMEDIATE")
        else:
            self.connection = db.engine.connect()
            self.transaction = self.connection.begin()
            self.connection.execute(text("SELECT id FROM staff_users WHERE login = :login FOR UPDATE"), {"login": login})

    def release(self) -> None:
        if self.db.is_sqlite:
            self.connection.execute("ROLLBACK")
        else:
            self.transaction.rollback()
        self.connection.close()


def _in_thread(call) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def run():
        started = time.monotonic()
        try:
            outcome["value"] = call()
        except BaseException as error:  # noqa: BLE001 - the test looks at it
            outcome["error"] = error
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


@pytest.mark.parametrize("password", ["admin-password", "wrong-password"])
def test_sign_in_while_another_writer_holds_the_database_says_busy(impatient, admin, password):
    holder = Holder(impatient, "admin")
    try:
        thread, outcome = _in_thread(lambda: staff.sign_in(impatient, "admin", password))
        thread.join(8)
        finished_while_held = not thread.is_alive()
    finally:
        holder.release()
        thread.join(30)
    assert finished_while_held, "the sign-in waited as long as the other writer held on"
    error = outcome.get("error")
    assert isinstance(error, DatabaseBusy), outcome
    assert str(error) == ("The database is busy: another workstation or job is changing it. "
                          "Try again in a moment.")
    assert outcome["seconds"] < 5
