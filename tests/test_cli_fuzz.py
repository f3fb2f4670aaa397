"""Every terminal command, run in-process with generated hostile arguments and files, on a small demo database.

Asserted for each run: no traceback (nor the error boundary's "unexpected" path, which is the last
resort, not the fix), an exit status of 0, 1 or 2, and, when the command refused, every table as it was
(a checksum), on SQLite and, when configured, PostgreSQL. The budget keeps the whole file within
about a minute (DESK_FUZZ_EXAMPLES raises it for a longer search).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import traceback
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import desk.cli
from desk.cli import build_parser, main

# Written by every signed-in command, refused or not (the sign-in's own bookkeeping): left out of the checksum.
SIGN_IN_COLUMNS = {"staff_users": ("failed_sign_ins", "locked_until", "last_sign_in_at")}
BOOKKEEPING_TABLES = {"sqlite_sequence"}
EXAMPLES_PER_COMMAND = int(os.environ.get("DESK_FUZZ_EXAMPLES", "3"))
# What a run must never do here, whatever it is given: rebuild the demo (minutes), race thousands of
# students on the portal by default.
NEVER = {("demo", "--force")}
ALWAYS = {("portal", "simulate"): "--students"}


def _commands():
    """(words, parser) of every command that runs something, found by walking the parser tree."""
    found = []

    def walk(parser, words):
        if "func" in parser._defaults and words:
            found.append((words, parser))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, (*words, name))

    walk(build_parser(), ())
    return found


COMMANDS = _commands()

NUMBERS = st.sampled_from([
    "0", "-1", "1", "-0", "99999999999999999999", "9223372036854775807", "-9223372036854775809", "2147483648",
    "1e309", "NaN", "inf", "-inf", "0.001", "1" * 400, "²", "١٢", "0x10", "+5", "-2", " 7 ", "1_000",
])
ODD_TEXT = st.one_of(
    st.sampled_from(["", " ", "x" * 10_000, "\x1b[31mred\x1b[0m", "\x00", "\udcff\udcfe", "'; DROP TABLE students;--",
                     "../../../etc/passwd", "%s%s%n", "\u202eevil", "ł" * 300, "\r\n", "A1:XFD1048576", "-", "--",
                     "\t", "😀" * 50]),
    st.text(min_size=0, max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=10),
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzz_world(request, tmp_path_factory, _demo_templates, postgres_databases):
    folder = tmp_path_factory.mktemp("fuzz")
    database = folder / "demo.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), database)
    target = str(database)
    if request.param == "postgresql":
        if postgres_databases is None:
            pytest.skip("DESK_TEST_POSTGRESQL_URL is not set")
        from sqlalchemy import text

        name = f"desk_fuzz_{uuid.uuid4().hex[:12]}"
        with postgres_databases.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_demo_templates("postgresql")}"'))
        request.addfinalizer(lambda: postgres_databases.drop(name))
        target = postgres_databases.url.set(database=name).render_as_string(hide_password=False)
    files = folder / "files"
    files.mkdir()
    (files / "empty.csv").write_bytes(b"")
    (files / "binary.xlsx").write_bytes(os.urandom(2048))
    (files / "nul.csv").write_bytes(b"indeks;e-mail\n1\x00;x@y\n")
    (files / "cp1250.txt").write_bytes("Żółć\n123\n".encode("cp1250"))
    (files / "long.csv").write_text("indeks;e-mail\n1;" + "x" * 140_000 + "\n", encoding="utf-8")
    (files / "numbers.txt").write_text("123456\n654321\n", encoding="utf-8")
    from tests.benchmarks.file_bombs import dimension_bomb

    dimension_bomb(files / "dimension.xlsx")
    paths = [str(p) for p in sorted(files.iterdir())] + [str(files / "missing.csv"), str(files), str(database), "-"]
    registrations, groups, students = _plausible(database)
    return {"db": target, "backend": request.param, "folder": folder, "paths": paths,
            "plausible": registrations + groups + students + ["admin", "cos", "WF", "student"]}


def _plausible(database: Path):
    """Real codes of the demo, so some runs get past the first lookup."""
    connection = sqlite3.connect(database)
    try:
        registrations = [r[0] for r in connection.execute("SELECT code FROM registrations LIMIT 3")]
        groups = [str(r[0]) for r in connection.execute("SELECT id FROM class_groups LIMIT 3")]
        students = [r[0] for r in connection.execute("SELECT student_number FROM students LIMIT 3")]
    finally:
        connection.close()
    return registrations, groups, students


def _checksum(path: str) -> str:
    if "://" in path:
        return _server_checksum(path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    digest = hashlib.sha256()
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            if table in BOOKKEEPING_TABLES:
                continue
            columns = [r[1] for r in connection.execute(f'PRAGMA table_info("{table}")')
                       if r[1] not in SIGN_IN_COLUMNS.get(table, ())]
            digest.update(table.encode())
            listed = ", ".join(f'"{column}"' for column in columns) or "*"
            for row in connection.execute(f'SELECT {listed} FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()


def _server_checksum(url: str) -> str:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    digest = hashlib.sha256()
    try:
        with engine.connect() as connection:
            inspector = inspect(connection)
            for table in sorted(inspector.get_table_names()):
                columns = [c["name"] for c in inspector.get_columns(table) if c["name"] not in SIGN_IN_COLUMNS.get(table, ())]
                listed = ", ".join(f'"{column}"::text' for column in columns)
                digest.update(table.encode())
                for row in connection.execute(text(f'SELECT {listed} FROM "{table}" ORDER BY 1')):
                    digest.update(repr(tuple(row)).encode())
    finally:
        engine.dispose()
    return digest.hexdigest()


def _value(draw, action, world):
    if action.choices is not None and draw(st.booleans()):
        return str(draw(st.sampled_from(sorted(map(str, action.choices)))))
    kind = draw(st.sampled_from(["number", "text", "path", "plausible"]))
    if kind == "number":
        return draw(NUMBERS)
    if kind == "path":
        return draw(st.sampled_from(world["paths"]))
    if kind == "plausible":
        return draw(st.sampled_from(world["plausible"]))
    return draw(ODD_TEXT)


@st.composite
def arguments(draw, words, parser, world):
    argv = ["--db", world["db"], "--as", "admin", *words]
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)):
            continue
        if action.dest in ("db", "as_login"):
            continue
        if not action.option_strings:  # a positional: given, mostly
            count = {None: 1, "?": draw(st.integers(0, 1)), "+": draw(st.integers(1, 3)), "*": draw(st.integers(0, 2))}.get(
                action.nargs, 1)
            argv.extend(_value(draw, action, world) for _ in range(count))
            continue
        option = action.option_strings[-1]
        if (words[0], option) in NEVER:
            continue
        forced = ALWAYS.get(tuple(words)) == option
        if not forced and not draw(st.booleans()):
            continue
        if action.nargs == 0:
            argv.append(option)
        else:
            count = draw(st.integers(1, 2)) if action.nargs in ("+", "*") else 1
            argv.append(option)
            argv.extend(_value(draw, action, world) for _ in range(count))
    return argv


def _run(argv, world, monkeypatch) -> int:
    def no_boundary(error, handler=""):
        raise AssertionError(f"{argv!r} reached the error boundary:\n"
                             + "".join(traceback.format_exception(type(error), error, error.__traceback__)))

    monkeypatch.setattr(desk.cli, "unexpected", no_boundary)
    try:
        return main(argv)
    except SystemExit as exit_:  # argparse's usage errors
        return exit_.code if isinstance(exit_.code, int) else 2


@pytest.mark.parametrize("words, parser", COMMANDS, ids=[" ".join(w) for w, _ in COMMANDS])
def test_hostile_arguments(words, parser, fuzz_world, monkeypatch, capsys):
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")
    monkeypatch.delenv("DESK_NEW_PASSWORD", raising=False)
    monkeypatch.chdir(fuzz_world["folder"])

    # PostgreSQL runs are slower (a connection per command): one example fewer keeps both within about a minute.
    examples = EXAMPLES_PER_COMMAND if fuzz_world["backend"] == "sqlite" else max(1, EXAMPLES_PER_COMMAND - 1)

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(argv=arguments(words, parser, fuzz_world))
    def run(argv):
        before = _checksum(fuzz_world["db"])
        status = _run(argv, fuzz_world, monkeypatch)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err + captured.out, argv
        assert status in (0, 1, 2), (argv, status, captured.err[-500:])
        if status != 0:
            assert _checksum(fuzz_world["db"]) == before, (argv, captured.err[-500:])

    run()
