"""Rendering every view to PNG files, offscreen: for the README's pictures and visual checks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desk.db import Database
from desk.institution import institution_settings
from desk.staff import Actor
from ui import i18n
from ui.app import make_application
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.sign_in import SignInDialog
from ui.tasks import TaskRunner

SAMPLE_QUERY = "kowal"
SIZE = (1280, 800)


def _wait_for(signal, timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _save(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def render_all(
    db: Database, actor: Actor, out_dir: Path, languages: tuple[str, ...] = ("en", "pl"), query: str = SAMPLE_QUERY
) -> list[Path]:
    """Render the sign-in dialog, the lookup with results, a student card and the settings."""
    make_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    institution = institution_settings(db)
    tasks = TaskRunner()
    written: list[Path] = []
    for language in languages:
        i18n.install(language)
        sign_in = SignInDialog(db, tasks, is_demo=institution.is_demo, institution=institution.name)
        sign_in.login.setText(actor.login)
        sign_in.resize(520, sign_in.sizeHint().height())
        written.append(_save(sign_in, out_dir / f"{language}-01-sign-in.png"))
        sign_in.deleteLater()

        context = AppContext(db, actor, tasks, institution.time_zone)
        window = MainWindow(context, institution.name)
        window.resize(*SIZE)
        window.show()
        window.lookup.set_query(query)
        _wait_for(window.lookup.searchFinished)
        written.append(_save(window, out_dir / f"{language}-02-student-lookup.png"))

        if window.lookup.model.rowCount():
            card = window.lookup.open_student(window.lookup.model.row_at(0).student_id)
            if card.card is None:
                _wait_for(card.loaded)
            card.resize(1000, 780)
            written.append(_save(card, out_dir / f"{language}-03-student-card.png"))
            card.close()

        settings = SettingsDialog(institution.time_zone, window)
        written.append(_save(settings, out_dir / f"{language}-04-settings.png"))
        settings.deleteLater()
        window.close()
        window.deleteLater()
        tasks.wait()
    return written
