"""A PostgreSQL password given in a database address is never printed: not by `desk backup`, not in an error."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from desk.cli import main
from desk.db import describe_url, shown_url, without_password

SECRET = "s3cret-Pass"


def test_backup_of_a_server_database_names_the_commands_without_the_password(capsys):
    assert main(["--db", f"postgresql://clerk:{SECRET}@db.example:5432/desk", "backup"]) == 1
    out, err = capsys.readouterr()
    assert "pg_dump" in err and "pg_restore" in err and "postgresql://clerk@db.example:5432/desk" in err
    assert SECRET not in out + err


def test_a_malformed_address_is_named_without_its_password(capsys):
    assert main(["--db", f"postgresql://clerk:{SECRET}@db.example:port/desk", "students", "search", "x"]) == 1
    out, err = capsys.readouterr()
    assert "not a database address" in err and SECRET not in out + err


def test_addresses_shown_or_kept_have_no_password():
    url = make_url(f"postgresql+psycopg://clerk:{SECRET}@db.example:5433/desk")
    assert without_password(url).password is None and without_password(url).username == "clerk"
    assert SECRET not in without_password(url).render_as_string(hide_password=False)
    assert SECRET not in shown_url(url) and "clerk" in shown_url(url)
    assert describe_url(make_url("postgresql+psycopg:///?service=desk")) == "service desk"
