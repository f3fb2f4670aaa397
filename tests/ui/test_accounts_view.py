"""The accounts view driven by objectName: a student's state, linking with a refusal, sending now, unlinking,
the worklist, and importing a file with its preview."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QTableWidget

from desk import accounts
from desk.accounts import AccountState
from desk.model import Role
from desk.unit_of_work import UnitOfWork
from tests import factories
from tests.factories import PHD_DOMAIN, STUDENT_DOMAIN
from ui.context import AppContext
from ui.views.accounts import AccountsView


@pytest.fixture
def cos_context(db, tasks):
    factories.login_templates(db)
    return AppContext(db, factories.staff(db, "cos", Role.SERVICE_CENTER), tasks)


def _view(qtbot, context) -> AccountsView:
    view = AccountsView(context)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    with qtbot.waitSignal(view.worklistLoaded, timeout=10_000):
        view.show()
    return view


def _ask(qtbot, view, text: str):
    view.findChild(QLineEdit, "accountQueryField").setText(text)
    with qtbot.waitSignal(view.stateShown, timeout=10_000) as shown:
        view.findChild(QPushButton, "showAccountButton").click()
    return shown.args[0]


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_link_with_a_refusal_then_send_to_the_portal_now(qtbot, cos_context, db):
    factories.student(db, "Anna", "Nowak", number="700001", login=None)
    view = _view(qtbot, cos_context)
    report = _ask(qtbot, view, "700001")
    assert report.state is AccountState.NO_LOGIN
    assert "no login" in view.findChild(QLabel, "accountStateLabel").text()
    assert "Anna Nowak (700001)" in view.findChild(QLabel, "accountTitle").text()
    assert f"700001@{STUDENT_DOMAIN}" in view.findChild(QLabel, "accountFix").text()
    link = view.findChild(QPushButton, "linkLoginButton")
    assert link.isEnabled() and not view.findChild(QPushButton, "unlinkLoginButton").isEnabled()
    link.click()
    dialog = view.last_dialog
    email = dialog.findChild(QLineEdit, "linkEmailField")
    assert email.text() == f"700001@{STUDENT_DOMAIN}"  # what the template gives
    email.setText(f"700001@{PHD_DOMAIN}")
    dialog.findChild(QLineEdit, "reasonField").setText("zgłoszenie w BOS")
    _ok(dialog).click()
    error = dialog.findChild(QLabel, "dialogError")
    qtbot.waitUntil(lambda: error.text() != "", timeout=10_000)
    assert f"end in @{STUDENT_DOMAIN}" in error.text() and dialog.isVisible()
    assert dialog.findChild(QLineEdit, "reasonField").text() == "zgłoszenie w BOS"  # nothing typed is lost
    email.setText(f"700001@{STUDENT_DOMAIN}")
    with qtbot.waitSignal(view.changed, timeout=10_000):
        _ok(dialog).click()
    qtbot.waitUntil(lambda: view.report is not None and view.report.state is AccountState.WAITING_FOR_PORTAL, timeout=10_000)
    assert "not yet on the portal" in view.findChild(QLabel, "accountStateLabel").text()
    assert view.findChild(QTableWidget, "accountLogins").item(0, 0).text() == f"700001@{STUDENT_DOMAIN}"
    send = view.findChild(QPushButton, "sendToPortalButton")
    assert send.isVisible() and send.isEnabled()
    send.click()
    qtbot.waitUntil(lambda: view.report is not None and view.report.state is AccountState.ON_PORTAL, timeout=20_000)
    assert "on the portal" in view.findChild(QLabel, "accountStateLabel").text()
    assert not send.isVisible()

    from desk.portal.database import open_portal_for
    from desk.portal.student_view import login_state_on_portal

    portal = open_portal_for(db)
    try:
        assert login_state_on_portal(portal, f"700001@{STUDENT_DOMAIN}") == "account"
    finally:
        portal.dispose()


def test_unlink_from_the_view(qtbot, cos_context, db):
    factories.student(db, "Piotr", "Zieliński", number="700002")
    view = _view(qtbot, cos_context)
    assert _ask(qtbot, view, f"700002@{STUDENT_DOMAIN}").state is AccountState.ON_PORTAL
    view.findChild(QPushButton, "unlinkLoginButton").click()
    dialog = view.last_dialog
    chooser = dialog.findChild(QComboBox, "unlinkEmailChooser")
    assert chooser.currentData() == (f"700002@{STUDENT_DOMAIN}", True)
    assert _ok(dialog).text() == "&Unlink" and not dialog.findChild(QCheckBox, "removeLoginCheck").isChecked()
    _ok(dialog).click()
    qtbot.waitUntil(lambda: "Say why" in dialog.findChild(QLabel, "dialogError").text(), timeout=10_000)
    dialog.findChild(QLineEdit, "reasonField").setText("połączony z niewłaściwą osobą")
    with qtbot.waitSignal(view.changed, timeout=10_000):
        _ok(dialog).click()
    qtbot.waitUntil(lambda: view.report is not None and view.report.state is AccountState.NO_LOGIN, timeout=10_000)
    assert "Unlinked" in view.findChild(QLabel, "accountsMessage").text()
    assert accounts.account_state(UnitOfWork(db, cos_context.actor), f"700002@{STUDENT_DOMAIN}").state is AccountState.LOGIN_NOT_LINKED


def test_a_clerk_sees_the_state_but_cannot_change_it(qtbot, db, tasks):
    factories.login_templates(db)
    factories.student(db, number="700003", login=None)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    view = _view(qtbot, AppContext(db, clerk, tasks))
    assert _ask(qtbot, view, "700003").state is AccountState.NO_LOGIN
    for name in ("linkLoginButton", "unlinkLoginButton", "importAccountsButton"):
        assert not view.findChild(QPushButton, name).isEnabled(), name


def test_worklist_filter_and_opening_a_line(qtbot, cos_context, db):
    factories.student(db, "Olga", "Bez", number="700004", login=None)
    factories.login(db, f"700004@{STUDENT_DOMAIN}")
    factories.student(db, "Ewa", "Pełna", number="700005")
    view = _view(qtbot, cos_context)
    counts = view.findChild(QLabel, "worklistCounts").text()
    assert "students without a login: <b>1</b>" in counts and "logins without a person: <b>1</b>" in counts
    table = view.findChild(QTableWidget, "worklistTable")
    assert table.rowCount() == 2
    kind = view.findChild(QComboBox, "worklistKindFilter")
    with qtbot.waitSignal(view.worklistLoaded, timeout=10_000):
        kind.setCurrentIndex(kind.findData("not_linked"))
    assert table.rowCount() == 1 and table.item(0, 1).text() == f"700004@{STUDENT_DOMAIN}"
    assert "looks like the login of Olga Bez" in table.item(0, 4).text()
    table.selectRow(0)
    with qtbot.waitSignal(view.stateShown, timeout=10_000) as shown:
        view.show_work_item()
    assert shown.args[0].state is AccountState.LOGIN_NOT_LINKED
    # Linking it from here: the dialog finds the student the address was made for.
    view.findChild(QPushButton, "linkLoginButton").click()
    dialog = view.last_dialog
    assert dialog.findChild(QLineEdit, "linkEmailField").text() == f"700004@{STUDENT_DOMAIN}"
    results = dialog.findChild(QLineEdit, "pickStudentField")
    assert results.text() == "700004"
    qtbot.waitUntil(lambda: dialog.picker.student_id is not None, timeout=10_000)
    dialog.findChild(QLineEdit, "reasonField").setText("eksport z poczty")
    with qtbot.waitSignal(view.changed, timeout=10_000):
        _ok(dialog).click()
    qtbot.waitUntil(lambda: view.report is not None and view.report.state is AccountState.WAITING_FOR_PORTAL, timeout=10_000)
    qtbot.waitUntil(lambda: table.rowCount() == 0, timeout=10_000)


def test_picking_a_student_by_name_shows_their_state(qtbot, cos_context, db):
    factories.student(db, "Łukasz", "Żółkiewski", number="700006")
    view = _view(qtbot, cos_context)
    with qtbot.waitSignal(view.stateShown, timeout=10_000) as shown:
        view.findChild(QLineEdit, "pickStudentField").setText("lukasz zolkiewski")
    assert shown.args[0].state is AccountState.ON_PORTAL and shown.args[0].person_name == "Łukasz Żółkiewski"


def test_import_shows_the_report_and_links_only_when_told(qtbot, cos_context, db, tmp_path):
    factories.student(db, "Anna", "Nowak", number="700007", login=None)
    factories.student(db, "Olga", "Bez", number="700008", login=None)
    path = tmp_path / "poczta.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle, delimiter=";").writerows([
            ["Numer albumu", "Adres e-mail"], ["700007", f"700007@{STUDENT_DOMAIN}"], ["700008", f"700008@{STUDENT_DOMAIN}"],
            ["799999", f"799999@{STUDENT_DOMAIN}"],
        ])
    view = _view(qtbot, cos_context)
    with qtbot.waitSignal(view.importPreviewed, timeout=10_000):
        view.import_file(str(path))
    dialog = view.last_dialog
    table = dialog.findChild(QTableWidget, "importPreviewTable")
    assert table.rowCount() == 3 and table.item(0, 3).text() == "unknown student"  # errors first
    assert "unknown student: 1" in dialog.findChild(QLabel, "importSummary").text()
    ok = _ok(dialog)
    assert not ok.isEnabled()
    dialog.findChild(QCheckBox, "skipErrorsCheck").setChecked(True)
    assert ok.isEnabled() and "2" in ok.text()
    dialog.findChild(QLineEdit, "reasonField").setText("eksport z poczty")
    with qtbot.waitSignal(view.changed, timeout=10_000) as changed:
        ok.click()
    assert (changed.args[0].linked, changed.args[0].skipped) == (2, 1)
    assert "2 logins" in view.findChild(QLabel, "accountsMessage").text()
    assert accounts.account_state(UnitOfWork(db, cos_context.actor), "700008").state is AccountState.WAITING_FOR_PORTAL


def test_a_file_that_cannot_be_read_says_why(qtbot, cos_context, tmp_path):
    path = tmp_path / "lista.csv"
    path.write_text("Imię;Nazwisko\nAnna;Nowak\n", encoding="utf-8")
    view = _view(qtbot, cos_context)
    with qtbot.waitSignal(view.importPreviewed, timeout=10_000):
        view.import_file(str(path))
    assert "needs a column with the student number" in view.findChild(QLabel, "accountsMessage").text()
