"""The sign-in window comes before the database: shown at once with what the last opening showed, Sign in
working once the database is open, with what was typed (and an Enter) kept; an empty database or one that
cannot be opened goes on as ever, its dialogs replacing the window."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

import ui.app
from desk.errors import DatabaseOpenError
from ui.sign_in import SignInDialog

TIMEOUT = 10_000


def _waiting(qtbot, tasks, **remembered) -> SignInDialog:
    dialog = SignInDialog(None, tasks, **{"is_demo": False, **remembered})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and QApplication.focusWidget() is not None, timeout=TIMEOUT)
    return dialog


def _sign_in_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_shown_before_the_database_with_what_was_remembered_and_sign_in_waiting(qtbot, tasks):
    dialog = _waiting(qtbot, tasks, is_demo=True, institution="Uniwersytet Testowy", description="/data/desk.sqlite")
    assert dialog.heading.text() == "Uniwersytet Testowy"
    assert dialog.findChild(QLabel, "signInDatabase").text() == "Database: /data/desk.sqlite"
    assert dialog.findChild(QLabel, "demoHint").isVisible()
    status = dialog.findChild(QLabel, "signInStatus")
    assert status.isVisible() and status.accessibleName() == "Opening the database…"
    assert not _sign_in_button(dialog).isEnabled()
    assert _sign_in_button(dialog).accessibleDescription() == "Opening the database…"
    assert dialog.focusWidget() is dialog.login


def test_a_first_start_shows_a_neutral_window(qtbot, tasks):
    dialog = _waiting(qtbot, tasks)
    assert dialog.heading.text() == "Course registration back office"
    assert not dialog.findChild(QLabel, "signInDatabase").isVisible()
    assert not dialog.findChild(QLabel, "demoHint").isVisible()


def test_once_open_what_was_remembered_wrong_is_corrected_and_typing_is_kept(qtbot, db, admin, tasks):
    dialog = _waiting(qtbot, tasks, is_demo=True, institution="Old name", description="/elsewhere.sqlite")
    qtbot.keyClicks(dialog.focusWidget(), "admin")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "admin-")
    with qtbot.waitSignal(dialog.ready, timeout=TIMEOUT):
        dialog.opened(db, is_demo=False, institution="Uniwersytet Testowy")
    qtbot.waitUntil(_sign_in_button(dialog).isEnabled, timeout=TIMEOUT)
    assert dialog.heading.text() == "Uniwersytet Testowy"
    assert dialog.findChild(QLabel, "signInDatabase").text() == f"Database: {db.description}"
    assert not dialog.findChild(QLabel, "demoHint").isVisible()
    assert not dialog.findChild(QLabel, "signInStatus").isVisible()
    assert _sign_in_button(dialog).accessibleDescription() == ""
    assert dialog.login.text() == "admin" and dialog.password.text() == "admin-"
    assert dialog.focusWidget() is dialog.password  # where the clerk was typing
    qtbot.keyClicks(dialog.focusWidget(), "password")
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.actor.login == "admin"


def test_enter_before_the_database_is_open_signs_in_once_it_is(qtbot, db, admin, tasks):
    dialog = _waiting(qtbot, tasks)
    qtbot.keyClicks(dialog.focusWidget(), "admin")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "admin-password")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # nothing to sign in to yet: kept, not lost
    assert dialog.isVisible() and dialog.actor is None and dialog.error.text() == ""
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        dialog.opened(db, is_demo=False)
    assert dialog.actor.login == "admin"


def test_the_window_remembers_the_database_it_last_opened_without_its_password(qtbot, db):
    settings = QSettings()
    assert ui.app.remembered_sign_in(None, settings) == {"description": "", "institution": "", "is_demo": False}
    path = db.description
    settings.setValue(ui.app.LAST_DATABASE_KEY, path)
    ui.app.remember_sign_in(settings, db, "Uniwersytet Testowy", True)
    assert ui.app.remembered_sign_in(None, settings) == {"description": path, "institution": "Uniwersytet Testowy",
                                                         "is_demo": True}
    assert ui.app.remembered_sign_in(path, settings)["institution"] == "Uniwersytet Testowy"
    other = ui.app.remembered_sign_in(path + ".other", settings)  # another database: only its file is known
    assert other == {"description": path + ".other", "institution": "", "is_demo": False}

    settings.setValue(ui.app.LAST_DATABASE_KEY, "postgresql://clerk@desk.example/desk")
    ui.app.remember_sign_in(settings, db, "Serwer", False)
    kept = str(settings.value(ui.app.SIGN_IN_CACHE_KEY))
    assert "secret" not in kept and json.loads(kept)["institution"] == "Serwer"
    remembered = ui.app.remembered_sign_in("postgresql://clerk:secret@desk.example/desk", settings)
    assert remembered["institution"] == "Serwer"


def test_an_empty_database_replaces_the_window_with_the_first_administrators_dialog(qtbot, db, tasks, monkeypatch):
    dialog = _waiting(qtbot, tasks, institution="Uniwersytet Testowy")
    seen = []

    def first_administrator(self):
        seen.append((self.objectName(), dialog.isVisible()))
        return 0

    monkeypatch.setattr(ui.app.FirstAdministratorDialog, "exec", first_administrator)
    assert ui.app.sign_in_or_create(db, tasks, dialog=dialog) is None
    assert seen == [("firstAdministratorDialog", False)]


def test_a_database_that_cannot_be_opened_replaces_the_window_with_the_message(qtbot, tasks, monkeypatch):
    dialog = _waiting(qtbot, tasks)
    seen = []

    def refused(target, **_options):
        raise DatabaseOpenError("The database cannot be opened: it is damaged.")

    class Box:
        choose_file = choose_server = object()
        quit = object()

        def __init__(self, error):
            self.error = error

        def exec(self):
            seen.append((self.error.message, dialog.isVisible()))

        def clickedButton(self):
            return self.quit

    monkeypatch.setattr(ui.app, "open_database", refused)
    monkeypatch.setattr(ui.app, "database_error_box", Box)
    assert ui.app.open_or_ask("/nowhere/desk.sqlite", QSettings(), tasks, waiting=dialog) is None
    assert seen == [("The database cannot be opened: it is damaged.", False)]



def test_a_demo_hint_that_comes_with_the_database_is_shown_whole(qtbot, db, tasks):
    """A first start remembers nothing: the demo hint appears once the database is open, and the window grows to it."""
    dialog = _waiting(qtbot, tasks)
    with qtbot.waitSignal(dialog.ready, timeout=TIMEOUT):
        dialog.opened(db, is_demo=True, institution="Uniwersytet Testowy")
    hint = dialog.findChild(QLabel, "demoHint")
    qtbot.waitUntil(hint.isVisible, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: hint.height() >= hint.heightForWidth(hint.width()), timeout=TIMEOUT)
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
