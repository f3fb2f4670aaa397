"""Dates, money and words as a Polish or an English clerk expects them: the formatters, the date field,
counted words, a woman's and a man's refusals, and the views that show them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractSlider, QApplication, QComboBox, QDialogButtonBox
from sqlalchemy import select

from desk import enrollment
from desk.clock import local_to_utc, now_utc
from desk.enrollment import EnrollmentRefused
from desk.messages import FEMALE, MALE, Message, gender_of
from desk.model import AccessGrant, Level, Role
from desk.refusals import describe, message
from desk.rules import Refusal, RefusalCode
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui import formats, i18n
from ui.context import AppContext

WOMAN_PESEL = "02270803628"  # tenth digit 2: a woman
MAN_PESEL = "44051401359"  # tenth digit 5: a man


@pytest.fixture
def polish(qapp):
    i18n.install("pl")
    yield
    i18n.install("en")


# --- the formatters --------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["31.12.2026", "2026-12-31", "31.12.26", "31/12/2026", " 31.12.2026 "])
def test_a_day_is_read_in_every_form_a_clerk_writes_it(typed):
    assert formats.parse_date(typed) == date(2026, 12, 31)


@pytest.mark.parametrize("typed", ["31.02.2026", "2026-13-01", "jutro", "31.12", "12/31/2026"])
def test_what_is_not_a_day_is_refused_in_words(typed):
    with pytest.raises(ValueError, match="is not a date"):
        formats.parse_date(typed)


def test_empty_is_no_day():
    assert formats.parse_date("  ") is None


def test_dates_and_money_in_english(qapp):
    assert formats.date_text(date(2026, 12, 31)) == "2026-12-31"
    assert formats.datetime_text(datetime(2026, 12, 31, 13, 5), "UTC") == "2026-12-31 13:05"
    assert formats.money_text(Decimal("1180")) == "1,180.00 PLN"
    assert formats.money_text("180.00") == "180.00 PLN"
    assert formats.amount_text(540) == "540.00"


def test_dates_and_money_in_polish(polish):
    assert formats.date_text(date(2026, 12, 31)) == "31.12.2026"
    assert formats.datetime_text(datetime(2026, 12, 31, 13, 5), "UTC") == "31.12.2026 13:05"
    assert formats.money_text(Decimal("1180")) == "1\u00a0180,00\u00a0zł"
    assert formats.money_text("180.00") == "180,00\u00a0zł"
    assert formats.amount_text(Decimal("1234567.5")) == "1\u00a0234\u00a0567,50"


# --- the date field ----------------------------------------------------------------------------------


def _typed(qtbot, field, text: str) -> None:
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed", ["31.12.2026", "2026-12-31", "31.12.26"])
def test_the_date_field_takes_what_is_typed(qtbot, polish, typed):
    field = formats.DateField(name="someDay", optional=True)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    _typed(qtbot, field, typed)
    assert field.day() == date(2026, 12, 31)
    assert field.text() == "31.12.2026"  # shown as Polish writes it
    assert field.calendarPopup()


def test_an_optional_date_can_be_left_empty(qtbot, qapp):
    field = formats.DateField(optional=True, empty_text="no end")
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    assert field.day() is None and field.text() == "no end"
    _typed(qtbot, field, "2027-02-28")
    assert field.day() == date(2027, 2, 28)
    _typed(qtbot, field, "")
    assert field.day() is None
    field.setText("1.3.27")  # typed into the empty field, as a clerk pastes it
    assert field.day() == date(2027, 3, 1)


def _access_world(db):
    now = now_utc()
    term = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    course = factories.course(db, "MAT-101")
    factories.group(db, course, term)
    return factories.registration(db, code="WMF-OGU", term_id=term, course_ids=(course,),
                                  rounds=((now - timedelta(hours=1), now + timedelta(days=3)),),
                                  rules=({"level": Level.FIRST_CYCLE, "stage": 1},))


def _calendar(qtbot, app_context):
    from ui.views.calendar import RegistrationsView

    view = RegistrationsView(app_context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    view.tabs.setCurrentWidget(view.access)
    qtbot.waitUntil(lambda: view.access.grant_button.isEnabled(), timeout=10_000)
    return view


def _grant_one(qtbot, view, number: str, until: str | None = None) -> None:
    view.access.grant_button.click()
    dialog = view.access.last_dialog
    qtbot.keyClicks(dialog.picker.field, number)
    qtbot.waitUntil(lambda: dialog.picker.results.count() == 1, timeout=10_000)
    dialog.picker.results.setCurrentRow(0)
    qtbot.waitUntil(lambda: dialog.picker.student_id is not None, timeout=10_000)
    if until is not None:
        field = dialog.findChild(formats.DateField, "untilField")
        field.setFocus()
        qtbot.keyClicks(field, until)
    dialog.reason.setText("decyzja prodziekana")
    with qtbot.waitSignal(view.access.loaded, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_valid_until_takes_a_polish_date(qtbot, polish, app_context, db):
    _access_world(db)
    factories.student(db, "Ola", "Nowak", number="700011")
    view = _calendar(qtbot, app_context)
    _grant_one(qtbot, view, "700011", "31.12.2026")
    with db.read() as session:
        until = session.scalar(select(AccessGrant.valid_until))
    assert until.replace(tzinfo=None) == local_to_utc(datetime(2026, 12, 31, 23, 59), app_context.time_zone).replace(tzinfo=None)
    assert view.access.table.item(0, 6).text() == "31.12.2026 23:59"


def test_the_chosen_decision_stays_chosen_after_another_grant(qtbot, app_context, db):
    _access_world(db)
    for number, surname in (("700021", "Adamska"), ("700022", "Bąk"), ("700023", "Cieślak")):
        factories.student(db, "Anna", surname, number=number)
    view = _calendar(qtbot, app_context)
    _grant_one(qtbot, view, "700021")
    _grant_one(qtbot, view, "700022")
    numbers = [view.access.table.item(r, 0).text() for r in range(view.access.table.rowCount())]
    view.access.table.selectRow(numbers.index("700021"))
    _grant_one(qtbot, view, "700023")
    row = view.access.table.currentRow()
    assert view.access.table.rowCount() == 3 and view.access.table.item(row, 0).text() == "700021"


# --- money in the views ------------------------------------------------------------------------------


def test_payments_read_as_polish_money(qtbot, polish, app_context, db):
    from desk import token_rounds
    from desk.model import RegistrationKind, RequestAction
    from desk.unit_of_work import SystemJob
    from ui.views.payments_list import PaymentsView

    now = now_utc()
    token = factories.token_type(db, "JO", "1180.00")
    term = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    course = factories.course(db, "SJO-ANG")
    group = factories.group(db, course, term)
    reg = factories.registration(db, code="SJO", term_id=term, course_ids=(course,), kind=RegistrationKind.TOKEN,
                                 token_type_id=token, rounds=((now - timedelta(hours=2), now + timedelta(days=3)),),
                                 rules=({"level": Level.FIRST_CYCLE},))
    student = factories.student(db)
    token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=now - timedelta(minutes=90)), student, group, reg,
                                RequestAction.REGISTER, payment_accepted=True)
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND))
    view = PaymentsView(app_context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    assert view.table.item(0, 3).text() == "1\u00a0180,00\u00a0zł"
    assert "1\u00a0180,00\u00a0zł" in view.summary.text() and "PLN" not in view.summary.text()


# --- counted words -----------------------------------------------------------------------------------


class _Recorder(QTranslator):
    """Records what is asked of the translators; answers from ``forms`` ((context, source, disambiguation) → words)."""

    def __init__(self, forms: dict | None = None):
        super().__init__()
        self.forms = forms or {}
        self.asked: list[tuple[str, str, str | None, int]] = []

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt's override
        self.asked.append((context, source, disambiguation or None, n))
        words = self.forms.get((context, source, disambiguation or None))
        if words is None:
            return None  # not ours: the next translator answers
        return words.replace("%n", str(n))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's override
        return False


@pytest.fixture
def recorder(qapp):
    installed: list[_Recorder] = []

    def install(forms: dict | None = None) -> _Recorder:
        translator = _Recorder(forms)
        QCoreApplication.installTranslator(translator)
        installed.append(translator)
        return translator

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def test_counted_words_are_asked_with_their_count(qtbot, app_context, recorder):
    from ui.views.group_dialogs import SetLimitDialog

    asked = recorder()
    from types import SimpleNamespace

    groups = [SimpleNamespace(id=i, course_code="MAT-101", class_type="lab", number=i, seat_limit=20, enrolled=0,
                              lower_limit=0, slots=(), teachers=()) for i in (1, 2, 3)]
    dialog = SetLimitDialog(app_context, groups)
    qtbot.addWidget(dialog)
    assert "(s)" not in dialog.windowTitle()
    assert ("SetLimitDialog", "Seat limit — %n groups", None, 3) in asked.asked


def test_no_counted_word_is_written_with_s_in_brackets():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = []
    for folder in ("ui", "desk"):
        for path in (root / folder).rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                # "(s)" in words a person reads, except the source texts of Qt's counted messages (%n),
                # whose English forms come from the translation.
                if re.search(r"[A-Za-z]\(s\)(?! for )", line) and "%n" not in line and '"""' not in line and "never" not in line:
                    found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_the_terminal_counts_in_english():
    from desk.i18n import counted

    assert counted(1, "change", "changes") == "1 change"
    assert counted(1204, "change", "changes") == "1,204 changes"


# --- a woman's and a man's refusals in Polish -------------------------------------------------------------

# The feminine forms the translators give (the .ts file has them under the disambiguation "female").
FEMININE = {
    ("Refusals", "The student is not registered in that group.", FEMALE): "Studentka nie jest zarejestrowana w tej grupie.",
    ("Refusals", "The student is already in group {group}.", FEMALE): "Studentka jest już w grupie {group}.",
    ("Refusals", "The student is already in group {group} of this course (same class type).", FEMALE):
        "Studentka jest już w grupie {group} tego przedmiotu (ten sam typ zajęć).",
    ("Refusals", "All the courses the registration allows per student are taken (limit: %n).", FEMALE):
        "Studentka ma już wszystkie przedmioty, na które pozwala rejestracja (limit: %n).",
    ("Refusals", "Move the student to another group instead, or unregister them from %1 first.", FEMALE):
        "Zamiast tego przenieś studentkę do innej grupy albo najpierw wypisz ją z %1.",
}


def test_gender_from_pesel():
    assert gender_of(WOMAN_PESEL) == FEMALE and gender_of(MAN_PESEL) == MALE
    assert gender_of(None) is None and gender_of("123") is None


def test_a_refusal_about_a_woman_reads_in_the_feminine(polish, recorder):
    recorder(FEMININE)
    not_enrolled = Refusal(RefusalCode.NOT_ENROLLED, {})
    assert describe(not_enrolled, FEMALE) == "Studentka nie jest zarejestrowana w tej grupie."
    assert describe(not_enrolled, MALE) == "Student nie jest zarejestrowany w tej grupie."
    assert describe(not_enrolled) == "Student nie jest zarejestrowany w tej grupie."
    limit = Refusal(RefusalCode.SELECTION_LIMIT, {"limit": 2})
    assert describe(limit, FEMALE) == "Studentka ma już wszystkie przedmioty, na które pozwala rejestracja (limit: 2)."
    assert describe(limit, MALE).startswith("Student ma już wszystkie przedmioty")
    from desk.refusals import fix

    same = Refusal(RefusalCode.SAME_SLOT, {"course": "MAT-101", "class_type": "lab", "number": 1})
    assert fix(same, FEMALE) == "Zamiast tego przenieś studentkę do innej grupy albo najpierw wypisz ją z MAT-101 laboratorium 1."
    assert fix(same, MALE) == "Zamiast tego przenieś studenta do innej grupy albo najpierw wypisz go z MAT-101 laboratorium 1."


def test_a_stored_refusal_keeps_the_gender_and_a_refusal_not_about_the_student_has_none(polish, recorder):
    recorder(FEMININE)
    stored = message(Refusal(RefusalCode.SAME_GROUP, {"course": "MAT-101", "class_type": "lab", "number": 1}), FEMALE)
    again = Message.from_json(stored.to_json())
    assert again.params["gender"] == FEMALE
    assert again.text() == "Studentka jest już w grupie MAT-101 laboratorium 1."
    full = message(Refusal(RefusalCode.FULL, {"course": "MAT-101", "class_type": "lab", "number": 1, "enrolled": 2,
                                              "limit": 2}), FEMALE)
    assert "gender" not in full.params  # "Grupa … jest pełna": the group is the subject


def test_the_clerk_reads_the_refusal_in_the_students_gender(polish, recorder, db, admin):
    recorder(FEMININE)
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db)
    small = factories.group(db, course, term, number=1)
    other = factories.group(db, course, term, number=2)
    factories.registration(db, term_id=term, course_ids=(course,), rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                           rules=({"level": Level.FIRST_CYCLE},))
    woman = factories.student(db, "Anna", "Nowak", pesel=WOMAN_PESEL)
    man = factories.student(db, "Jan", "Nowak", pesel=MAN_PESEL)
    for sid in (woman, man):
        enrollment.enroll(UnitOfWork(db, admin), sid, small, reason="r")
    with pytest.raises(EnrollmentRefused) as hers:
        enrollment.enroll(UnitOfWork(db, admin), woman, other, reason="r")
    with pytest.raises(EnrollmentRefused) as his:
        enrollment.enroll(UnitOfWork(db, admin), man, other, reason="r")
    assert str(hers.value).startswith("Studentka jest już w grupie MAT-101")
    assert str(his.value).startswith("Student jest już w grupie MAT-101")
    assert all(m.params.get("gender") == FEMALE for m in hers.value.messages())


# --- the window, the accounts view, the sync -------------------------------------------------------------


def test_the_window_title_names_desk_once(qtbot, app_context):
    from ui.main_window import MainWindow

    app = QApplication.instance()
    before = app.applicationDisplayName()
    app.setApplicationDisplayName("desk")  # as make_application does; Qt adds " — desk" after a title
    try:
        window = MainWindow(app_context, "Uniwersytet Nadodrzański")
        qtbot.addWidget(window)
        title = window.windowTitle()
        shown = title if title.endswith("desk") else f"{title} — desk"  # what the window manager gets
        assert shown.count("desk") == 1 and "Uniwersytet Nadodrzański" in shown
    finally:
        app.setApplicationDisplayName(before)


def test_the_accounts_example_is_the_institutions_own_domain(qtbot, app_context, db):
    from ui.views.accounts import AccountsView

    factories.login_templates(db)
    view = AccountsView(app_context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.domain is not None, timeout=10_000)
    assert f"@{factories.STUDENT_DOMAIN}" in view.query.placeholderText()
    assert "opole" not in view.query.placeholderText()


def test_the_accounts_example_without_a_template_belongs_to_no_university(qtbot, app_context):
    from ui.views.accounts import LinkLoginDialog

    dialog = LinkLoginDialog(app_context, None)
    qtbot.addWidget(dialog)
    assert dialog.email.placeholderText() == "e.g. 123456@student.example.org"


def test_the_sync_names_what_it_compares_in_words(qapp):
    from desk.portal.publish import TableRepair
    from desk.sync import SyncReport, table_words
    from desk.model import SyncKind, SyncResult
    from ui.views.sync_view import repair_details, report_text

    assert table_words("portal_class_groups") == "class groups"
    assert table_words("portal_student_programmes") == "students' programmes"
    repaired = (TableRepair("portal_class_groups", 1, 2, 0), TableRepair("portal_access_grants", 0, 1, 0))
    report = SyncReport(1, SyncKind.FULL, SyncResult.SUCCEEDED, 0, 0, 0, repaired, None, 1.0)
    text = report_text(report) + repair_details(report)
    assert "class groups" in text and "individual access decisions" in text and "_" not in text


def test_the_sync_progress_is_in_words(db, admin):
    from desk import sync
    from desk.model import SyncKind

    told: list[str] = []
    sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, progress=lambda done, total, text: told.append(text))
    comparing = [t for t in told if t.startswith("Comparing")]
    assert "Comparing class groups" in comparing and "Comparing students' programmes" in comparing
    assert all("_" not in t for t in comparing)


# --- combo boxes and the student card -------------------------------------------------------------------


def test_a_combo_filled_after_it_is_shown_fits_its_longest_item(qtbot, app_context, db):
    from ui.views.student_record_dialogs import NewStudentDialog

    factories.programme(db, "INF-S1")
    dialog = NewStudentDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.programmes_loaded, timeout=10_000)
    dialog.programme.addItem("ZARZ-NST — Zarządzanie i inżynieria produkcji, studia niestacjonarne", "ZARZ")
    combo: QComboBox = dialog.programme
    assert combo.sizeAdjustPolicy() is QComboBox.SizeAdjustPolicy.AdjustToContents
    longest = max(QFontMetrics(combo.font()).horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.sizeHint().width() >= longest


def _card(qtbot, context, student_id):
    from ui.views.student_card import StudentCardWindow

    window = StudentCardWindow(context, student_id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
    return window


def _two_faculties(db):
    now = now_utc()
    term = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    mine, theirs = [], []
    for unit, bucket in (("WMF", mine), ("WH", theirs)):
        course = factories.course(db, f"{unit}-101", unit_code=unit)
        for index in range(1, 4):
            bucket.append(factories.registration(db, code=f"{unit}-R{index}", unit_code=unit, term_id=term,
                                                 course_ids=(course,), rounds=((now + timedelta(days=1), now + timedelta(days=3)),),
                                                 rules=({"level": Level.SECOND_CYCLE},)))
    return mine, theirs


def test_a_clerk_sees_their_own_units_registrations_first(qtbot, db):
    from ui.tasks import TaskRunner

    mine, theirs = _two_faculties(db)
    student = factories.student(db)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    tasks = TaskRunner()
    try:
        window = _card(qtbot, AppContext(db, clerk, tasks), student)
        codes = lambda: {line.registration.code for line in window.shown_registrations}  # noqa: E731
        assert codes() == {"WMF-R1", "WMF-R2", "WMF-R3"}
        window.all_units_check.setChecked(True)
        assert codes() == {"WMF-R1", "WMF-R2", "WMF-R3", "WH-R1", "WH-R2", "WH-R3"}
        assert window.registrations_table.rowCount() == 6
    finally:
        tasks.wait()


def test_the_cards_why_column_shows_its_whole_sentence(qtbot, app_context, db):
    _two_faculties(db)
    window = _card(qtbot, app_context, factories.student(db))
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    table = window.registrations_table
    QApplication.processEvents()
    metrics = QFontMetrics(table.font())
    for row in range(table.rowCount()):
        text = table.item(row, 6).text()
        needed = metrics.boundingRect(0, 0, table.columnWidth(6) - 8, 10_000, Qt.TextFlag.TextWordWrap, text).height()
        assert table.rowHeight(row) >= needed, text
    assert table.wordWrap()


def test_the_card_keeps_the_chosen_registration_and_the_scroll_after_a_refresh(qtbot, app_context, db):
    _two_faculties(db)
    window = _card(qtbot, app_context, factories.student(db))
    window.resize(700, 400)
    window.show()
    qtbot.waitExposed(window)
    window.registrations_table.selectRow(4)
    chosen = window._selected_registration().id
    bar = window.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100, timeout=10_000)
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()  # as after a sync or a grant: every section built again
    qtbot.waitUntil(lambda: bar.value() == place, timeout=10_000)
    assert window._selected_registration().id == chosen
    assert window.registrations_table.currentRow() == 4


def _scrolled_card(qtbot, app_context, db):
    """A card in an active window, scrolled half way down, its keyboard in the registrations on the fifth row."""
    _two_faculties(db)
    window = _card(qtbot, app_context, factories.student(db))
    window.resize(700, 400)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    window.registrations_table.setFocus()
    window.registrations_table.selectRow(4)
    bar = window.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100, timeout=10_000)
    bar.setValue(bar.maximum() // 2)
    return window, bar


def _sections_rebuilt_later(qtbot, window, place):
    """A section answering after the card (the portal, the history) is laid out in steps: the card shrinks, then grows
    back until the clerk's place can be scrolled to again."""
    layout, focused = window.body_layout, QApplication.focusWidget()
    sections = [layout.itemAt(i).widget() for i in range(1, layout.count()) if layout.itemAt(i).widget() is not None]
    sections = [section for section in sections if not section.isAncestorOf(focused)]
    bar = window.scroll.verticalScrollBar()
    tall = bar.maximum()
    for section in sections:
        section.setVisible(False)
    qtbot.waitUntil(lambda: bar.maximum() < tall, timeout=10_000)  # laid out short
    for section in sections:
        section.setVisible(True)
    qtbot.waitUntil(lambda: bar.maximum() >= place, timeout=10_000)  # and tall again


def test_a_refresh_keeps_the_keyboard_where_the_clerk_had_it(qtbot, app_context, db):
    window, _bar = _scrolled_card(qtbot, app_context, db)
    chosen = window._selected_registration().id
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.registrations_table, timeout=10_000)
    assert window._selected_registration().id == chosen


def test_the_scroll_place_holds_through_every_layout_pass_after_a_refresh(qtbot, app_context, db):
    window, bar = _scrolled_card(qtbot, app_context, db)
    place = bar.value()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    _sections_rebuilt_later(qtbot, window, place)
    qtbot.waitUntil(lambda: bar.value() == place, timeout=10_000)


def test_after_a_refresh_the_clerks_own_scrolling_is_not_pulled_back(qtbot, app_context, db):
    window, bar = _scrolled_card(qtbot, app_context, db)
    place = bar.value()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    qtbot.waitUntil(lambda: bar.value() == place, timeout=10_000)  # the refresh has put the place back
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)  # the clerk goes back to the top
    _sections_rebuilt_later(qtbot, window, place)
    assert bar.value() == 0


def test_the_explanation_speaks_of_a_woman_in_the_feminine(polish, recorder, db, admin):
    from desk import eligibility

    recorder({("Eligibility", "Admitted: nothing stops this student from registering.", FEMALE):
              "Dopuszczona: nic nie stoi na przeszkodzie, aby studentka się zarejestrowała.", **FEMININE})
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db)
    factories.group(db, course, term)
    reg = factories.registration(db, term_id=term, course_ids=(course,), rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                 rules=({"level": Level.FIRST_CYCLE},))
    woman = factories.student(db, "Anna", "Nowak", pesel=WOMAN_PESEL)
    man = factories.student(db, "Jan", "Nowak", pesel=MAN_PESEL)
    assert eligibility.explain(UnitOfWork(db, admin), woman, reg).summary.startswith("Dopuszczona: nic nie stoi")
    assert eligibility.explain(UnitOfWork(db, admin), man, reg).summary.startswith("Dopuszczony: nic nie stoi")


def test_a_group_named_in_stored_words_reads_in_the_readers_language(polish):
    """A record keeps the group as course code, class type code and number; the class type is put in words
    when the message is shown, in the reader's language, and the portal's two texts each in their own."""
    from desk.exchanges import DONE

    done = DONE(group="SJO-ANG-B2 language 3")
    assert "SJO-ANG-B2 lektorat 3" in done.text()
    assert "SJO-ANG-B2 lektorat 3" in done.text_in("pl") and "SJO-ANG-B2 language class 3" in done.text_in("en")
    clash = message(Refusal(RefusalCode.SAME_GROUP, {"course": "MAT-101", "class_type": "lab", "number": 1}))
    assert clash.params["group"] == "MAT-101 lab 1"  # stored without words
    assert clash.text() == "Student jest już w grupie MAT-101 laboratorium 1."
    assert Message("refusal.same_group", {"group": "a group of another desk"}).text().endswith("a group of another desk.")
