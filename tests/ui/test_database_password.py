"""The PostgreSQL password is never written to the settings file: libpq's own ways (~/.pgpass, a service
file, PGPASSWORD) or a question supply it, and it is kept in memory only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

import ui.app
from desk.db import open_database
from desk.errors import DatabaseOpenError

SECRET = "s3cret-Pass"


def _settings_text(settings: QSettings) -> str:
    settings.sync()
    with open(settings.fileName(), encoding="utf-8") as handle:
        return handle.read()


def test_a_server_database_is_remembered_without_its_password(qtbot, tasks, postgres_databases):
    if postgres_databases is None:
        pytest.skip("needs DESK_TEST_POSTGRESQL_URL")
    name = postgres_databases.create()
    try:
        url = postgres_databases.url.set(database=name, password=SECRET)  # the test server trusts; any password does
        typed = url.render_as_string(hide_password=False)
        settings = QSettings()
        database = ui.app.open_or_ask(typed, settings, tasks)
        database.dispose()
        remembered = settings.value(ui.app.LAST_DATABASE_KEY)
        assert remembered and SECRET not in remembered and name in remembered
        assert SECRET not in _settings_text(settings)
        # An older desk wrote the password there: the next start opens the database and leaves it out.
        settings.setValue(ui.app.LAST_DATABASE_KEY, typed)
        database = ui.app.open_or_ask(None, settings, tasks)
        database.dispose()
        assert SECRET not in _settings_text(settings)
    finally:
        postgres_databases.drop(name)


def test_a_server_that_asks_for_a_password_gets_it_from_a_question_not_from_the_settings(qtbot, tasks, monkeypatch,
                                                                                        tmp_path):
    tried: list[str] = []
    real_open = open_database
    path = tmp_path / "stand-in.sqlite"

    def open_server(target, **kwargs):
        tried.append(str(target))
        if SECRET not in str(target):
            raise DatabaseOpenError("The database server desk.example:5432/desk refused the sign-in.",
                                    detail="connection failed: fe_sendauth: no password supplied")
        return real_open(str(path), **kwargs)  # the server stands in as a file here

    asked: list[str] = []
    monkeypatch.setattr(ui.app, "open_database", open_server)
    monkeypatch.setattr(ui.app, "ask_server_password", lambda shown: asked.append(shown) or SECRET)
    settings = QSettings()
    settings.setValue(ui.app.LAST_DATABASE_KEY, "postgresql://clerk@desk.example/desk")
    database = ui.app.open_or_ask(None, settings, tasks)
    database.dispose()
    assert asked == ["desk.example:5432/desk"]
    assert tried[0] == "postgresql://clerk@desk.example/desk" and SECRET in tried[1]
    assert settings.value(ui.app.LAST_DATABASE_KEY) == "postgresql://clerk@desk.example/desk"
    assert SECRET not in _settings_text(settings)
