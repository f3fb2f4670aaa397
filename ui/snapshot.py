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
from desk.unit_of_work import UnitOfWork

SAMPLE_QUERY = "kowal"
SIZE = (1280, 800)


def _wait_for(signal, timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


class _Seen:
    """Counts a signal's emissions from now on, so a wait for a view that has already loaded returns at once."""

    def __init__(self, signal):
        self.signal = signal
        self.count = 0
        signal.connect(self._hit)

    def _hit(self, *_args) -> None:
        self.count += 1

    def wait(self, timeout_ms: int = 5000) -> None:
        if self.count == 0:
            _wait_for(self.signal, timeout_ms)


def _save(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def _registration_views(db: Database, window: MainWindow, out_dir: Path, language: str,
                        seen: dict[str, _Seen]) -> list[Path]:
    """The calendar and its access tab, a registration's groups, the explanation, tokens, rounds, payments."""
    from desk.registrations import list_registrations
    from desk.student_search import search_students
    from ui.views.explain_dialog import ExplainDialog

    written = []
    actor = window.context.actor
    lines = list_registrations(UnitOfWork(db, actor))
    token = next((line for line in lines if line.kind.value == "token" and line.state is not None and line.state.value == "active"), None)
    chosen = token or (lines[0] if lines else None)

    window.navigation.setCurrentRow(window.stack.indexOf(window.calendar))
    if chosen is not None:
        if window.calendar.current_id() != chosen.id:
            window.calendar.select_registration(chosen.id)
            _wait_for(window.calendar.detailLoaded)
        elif window.calendar.detail is None:
            _wait_for(window.calendar.detailLoaded)
    written.append(_save(window, out_dir / f"{language}-05-registrations.png"))
    window.calendar.tabs.setCurrentWidget(window.calendar.access)
    if not window.calendar.access.decisions:
        _wait_for(window.calendar.access.loaded, 5000)
    written.append(_save(window, out_dir / f"{language}-06-access.png"))
    window.calendar.tabs.setCurrentIndex(0)

    if chosen is not None:
        window.show_groups_of(chosen.id, chosen.term_id)
        _wait_for(window.groups.groupsLoaded)
        if window.groups.model.rowCount():
            window.groups.table.selectRow(0)
            _wait_for(window.groups.membersLoaded, 5000)
    written.append(_save(window, out_dir / f"{language}-07-class-groups.png"))

    if chosen is not None:
        from desk.token_rounds import requests_of

        # A student waiting in the basket of the token round: the most telling explanation.
        waiting = requests_of(UnitOfWork(db, actor), chosen.id, limit=1)
        page = search_students(UnitOfWork(db, actor), waiting[0].student_number if waiting else "a", limit=1)
        if page.rows:
            dialog = ExplainDialog(window.context, page.rows[0].student_id, chosen.id, parent=window)
            dialog.show()
            _wait_for(dialog.explained)
            written.append(_save(dialog, out_dir / f"{language}-08-explain.png"))
            dialog.close()
            window.navigation.setCurrentRow(window.stack.indexOf(window.tokens))
            window.tokens.picker.field.setText(page.rows[0].student_number)
            _wait_for(window.tokens.studentLoaded)
            _wait_for(window.tokens.previewShown, 5000)
            written.append(_save(window, out_dir / f"{language}-09-tokens.png"))

    window.navigation.setCurrentRow(window.stack.indexOf(window.token_rounds))
    seen["token_rounds"].wait()
    written.append(_save(window, out_dir / f"{language}-10-token-round.png"))
    window.navigation.setCurrentRow(window.stack.indexOf(window.payments))
    if window.payments.table.rowCount() == 0:
        seen["payments"].wait()
    written.append(_save(window, out_dir / f"{language}-11-payments.png"))

    # Accounts: a login the mail system has but nobody is linked to, the "logged in, but no account" case.
    window.navigation.setCurrentRow(window.stack.indexOf(window.accounts))
    seen["accounts"].wait(10_000)
    from desk.accounts import WorkKind, worklist

    items = worklist(UnitOfWork(db, actor), kinds=[WorkKind.NOT_LINKED], limit=1).items
    unlinked = items[0].email if items else None
    if unlinked:
        window.accounts.query.setText(unlinked)
        window.accounts.show_query()
        _wait_for(window.accounts.stateShown, 5000)
    written.append(_save(window, out_dir / f"{language}-12-accounts.png"))
    window.navigation.setCurrentRow(window.stack.indexOf(window.sync))
    seen["sync"].wait()
    written.append(_save(window, out_dir / f"{language}-13-sync.png"))
    window.navigation.setCurrentRow(window.stack.indexOf(window.history))
    seen["history"].wait()
    written.append(_save(window, out_dir / f"{language}-14-history.png"))
    window.navigation.setCurrentRow(window.stack.indexOf(window.staff_admin))
    seen["staff_admin"].wait()
    written.append(_save(window, out_dir / f"{language}-15-staff.png"))
    written.extend(_import_preview(db, window, out_dir, language))
    return written


SAMPLE_STUDENTS = 40  # the import preview's file is made from this many of the desk's own students


def import_sample(db: Database, actor: Actor, folder: Path) -> Path | None:
    """A students' file as a dean's office brings it, with a few mistakes: the desk's own students exported,
    the first 40 kept, three corrected, four admitted, five wrong, and a column the import does not know;
    CSV in Windows-1250, separated by semicolons, as Excel on a Polish Windows saves it."""
    import csv

    from desk.imports import workbooks
    from desk.imports.registry import kind_named

    exported = workbooks.export_records(UnitOfWork(db, actor), "students", folder / "students-export.csv", overwrite=True)
    with exported.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    heading, records = rows[0], rows[1:SAMPLE_STUDENTS + 1]
    if len(records) < SAMPLE_STUDENTS:
        return None  # a database too small for the picture: it is left out, as the views needing a registration are
    at = {column.key: index for index, column in enumerate(kind_named("students").columns)}  # the export's order
    number, last, stage, programme = at["student_number"], at["last_name"], at["stage"], at["programme"]
    pesel, admitted, login = at["pesel"], at["admitted_on"], at["login"]
    records[2][last] += "-Nowak"  # married
    records[5][stage] = str(min(int(records[5][stage] or 1) + 1, 5))
    records[9][last] = records[9][last].upper()
    for index, (first, surname) in enumerate((("Zofia", "Łęcka"), ("Jakub", "Żmuda"), ("Wiktoria", "Ślusarz"),
                                              ("Oskar", "Gałązka"))):
        row = list(records[index])
        row[number], row[at["first_name"]], row[last] = f"99{index:04d}", first, surname
        for name in ("middle_name", "birth_date", "private_email"):
            row[at[name]] = ""
        row[pesel], row[login], row[admitted] = "", "", "2026-10-01"
        records.append(row)
    records[12][pesel] = "02270836245"  # a wrong check digit
    records[15][programme] = "XYZ-S9"  # no such programme
    records[18][admitted] = "2026-02-31"
    records[21][last] = ""
    records.append(list(records[24]))  # the same student twice
    path = folder / "students-2026.csv"
    with path.open("w", encoding="cp1250", errors="replace", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow([*heading, "Uwagi"])
        for row in records:
            out.writerow([*row, "przeniesienie" if row is records[2] else ""])
    return path


def _import_preview(db: Database, window: MainWindow, out_dir: Path, language: str) -> list[Path]:
    """The import view previewing a students' file with mistakes: errors first, the records not in the file beside."""
    import tempfile

    view = window.import_view
    if view is None or view.kind.findData("students") < 0:
        return []
    window.navigation.setCurrentRow(window.stack.indexOf(view))
    with tempfile.TemporaryDirectory(prefix="desk-snapshot-") as folder:
        path = import_sample(db, window.context.actor, Path(folder))
        if path is None:
            return []
        view.select_kind("students")
        seen = _Seen(view.previewShown)
        view.preview_file(str(path))
        seen.wait(60_000)
    view.reason.setText(QApplication.translate("Snapshot", "students admitted in September"))
    view.table.setFocus()
    return [_save(window, out_dir / f"{language}-19-import-preview.png")]


def render_import_preview(db: Database, actor: Actor, out_dir: Path, languages: tuple[str, ...] = ("en", "pl")) -> list[Path]:
    """Only the import view's preview of a file with errors, in each language."""
    make_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    institution = institution_settings(db)
    tasks = TaskRunner()
    written: list[Path] = []
    for language in languages:
        i18n.install(language)
        window = MainWindow(AppContext(db, actor, tasks, institution.time_zone), institution.name)
        window.resize(*SIZE)
        window.show()
        written.extend(_import_preview(db, window, out_dir, language))
        window.close()
        window.deleteLater()
        tasks.wait()
    i18n.install(i18n.chosen_language())
    return written


def render_all(
    db: Database, actor: Actor, out_dir: Path, languages: tuple[str, ...] = ("en", "pl"), query: str = SAMPLE_QUERY
) -> list[Path]:
    """Render every view in each language: sign-in, lookup, card, settings, registrations, groups, tokens, payments."""
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
        # The views load on their own from the start: count their answers from here on.
        seen = {name: _Seen(getattr(window, name).loaded)
                for name in ("token_rounds", "payments", "sync", "history", "staff_admin")}
        seen["accounts"] = _Seen(window.accounts.worklistLoaded)
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
        written.extend(_registration_views(db, window, out_dir, language, seen))
        window.close()
        window.deleteLater()
        tasks.wait()
    i18n.install(i18n.chosen_language())
    return written
