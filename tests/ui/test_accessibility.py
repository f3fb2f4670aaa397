"""What a screen reader and a keyboard find: every control named, Tab reaching each one, no Alt+letter twice.

The walk goes through the accessibility interface Qt gives assistive technology (the name a
screen reader says), through the Tab chain of each view and dialog, and through the mnemonics
(the underlined letters) of each window.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desk.staff import actor_for_login
from ui import i18n
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.views.group_dialogs import SetLimitDialog

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit, QTextEdit)


def _settle(window) -> None:
    for _ in range(3):
        window.context.tasks.wait()
        QApplication.processEvents()


def _shown_controls(top: QWidget) -> list[QWidget]:
    return [w for w in top.findChildren(QWidget)
            if isinstance(w, CONTROLS) and not isinstance(w, QHeaderView) and w.isVisible() and not w.objectName().startswith("qt_")
            and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox, QTabBar)) and w.window() is top.window()]


def _label(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName() or '(no object name)'}"


def unnamed(top: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name."""
    found = []
    for widget in _shown_controls(top):
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name).strip() if interface is not None else ""
        if not name:
            found.append(_label(widget))
    return found


def unreachable(top: QWidget) -> list[str]:
    """Enabled controls that take the keyboard but that Tab never reaches from the window's first one."""
    window = top.window()
    wanted = {w for w in _shown_controls(top) if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus}
    seen: set[QWidget] = set()
    widget = window
    for _ in range(5_000):
        widget = widget.nextInFocusChain()
        if widget is window:
            break
        seen.add(widget)
    return sorted(_label(w) for w in wanted - seen)


def mnemonic_clashes(window: QWidget) -> dict[str, list[str]]:
    """Alt+letters that two visible, enabled controls of one window both answer to."""
    holders: dict[str, list[str]] = defaultdict(list)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QTabBar):
            if widget.isEnabled():
                for index in range(widget.count()):
                    tab = widget.tabText(index).replace("&&", "")
                    if "&" in tab and widget.isTabEnabled(index):
                        holders[tab[tab.index("&") + 1].lower()].append(f"tab {tab}")
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, (QAbstractButton, QGroupBox)):
            text = widget.text() if isinstance(widget, QAbstractButton) else widget.title()
        else:
            continue
        if not widget.isEnabled():
            continue
        index = text.replace("&&", "").find("&")
        if index >= 0 and index + 1 < len(text.replace("&&", "")):
            holders[text.replace("&&", "")[index + 1].lower()].append(text)
    bar = getattr(window, "menuBar", None)
    if callable(bar):
        for action in bar().actions():
            text = action.text().replace("&&", "")
            if "&" in text:
                holders[text[text.index("&") + 1].lower()].append(f"menu {text}")
    return {letter: texts for letter, texts in holders.items() if len(texts) > 1}


@pytest.fixture(params=["en", "pl"])
def window(request, qtbot, demo_db, tasks):
    i18n.install(request.param)  # the letters differ by language: each is walked
    context = AppContext(demo_db, actor_for_login(demo_db, "admin"), tasks)
    shown = MainWindow(context, "Uniwersytet Nadodrzański")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _each_view(window):
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        _settle(window)
        yield window.navigation.item(row).text(), window.stack.currentWidget()


def test_every_control_of_every_view_has_a_name_a_screen_reader_says(window):
    problems = {name: found for name, view in _each_view(window) if (found := unnamed(view))}
    assert not problems, problems


def test_tab_reaches_every_control_of_every_view(window):
    problems = {name: found for name, view in _each_view(window) if (found := unreachable(view))}
    assert not problems, problems


def test_no_alt_letter_is_taken_twice_in_a_view(window):
    problems = {name: found for name, view in _each_view(window) if (found := mnemonic_clashes(window))}
    assert not problems, problems


def _dialogs(app_context, db, admin):
    from datetime import timedelta

    from desk import access, groups, registrations, seat_shares
    from desk.clock import now_utc
    from desk.unit_of_work import UnitOfWork
    from tests import factories
    from ui.views.accounts import LinkLoginDialog
    from ui.views.exchanges_dialog import AddWishDialog, ExchangesDialog
    from ui.views.round_audience_dialog import RoundAudienceDialog
    from ui.views.share_dialogs import AddShareDialog, ShareChangeDialog, SharesDialog
    from ui.views.student_record_dialogs import NewStudentDialog

    now = now_utc()
    term = factories.term(db, "2026Z", now.date() - timedelta(days=30), now.date() + timedelta(days=90))
    course = factories.course(db)
    group_id = factories.group(db, course, term, seat_limit=13)
    lines = groups.list_groups(UnitOfWork(db, admin), groups.GroupScope(group_ids=(group_id,)))
    registration = registrations.registration_detail(UnitOfWork(db, admin), factories.registration(
        db, term_id=term, course_ids=(course,), rounds=((now + timedelta(days=1), now + timedelta(days=3)),))).line
    who_and_when = RoundAudienceDialog(app_context, registration, registration.rounds[0], [])
    who_and_when.audience.setCurrentIndex(who_and_when.audience.findData("rule"))  # its most fields: a rule, a ranking
    who_and_when.opens.setCurrentIndex(who_and_when.opens.findData("ranking"))
    seat_shares.add_share(UnitOfWork(db, admin), group_id, seat_shares.ShareDraft(
        3, programme_id=factories.programme(db, "INF-S2"), stage=2), reason="dla informatyki")
    shared = groups.list_groups(UnitOfWork(db, admin), groups.GroupScope(group_ids=(group_id,)))[0]
    dedicated = [SharesDialog(app_context, shared),
                 AddShareDialog(app_context, shared, access.programmes(db),
                                seat_shares.release_rounds(UnitOfWork(db, admin), group_id)),
                 ShareChangeDialog(app_context, shared, shared.shares[0], remove=False),
                 ShareChangeDialog(app_context, shared, shared.shares[0], remove=True)]
    return [SetLimitDialog(app_context, lines), NewStudentDialog(app_context), LinkLoginDialog(app_context, None),
            SettingsDialog("Europe/Warsaw"), who_and_when, *dedicated,
            ExchangesDialog(app_context, registration), AddWishDialog(app_context, registration),
            *_closing_and_waiting_dialogs(app_context, db, lines[0], registration, now)]


def _closing_and_waiting_dialogs(app_context, db, group, registration, now):
    from desk.waiting_lists import ListRegistration, WaitingLine
    from tests import factories
    from ui.views.closure_dialogs import CloseGroupDialog, ReopenGroupDialog
    from ui.views.waiting_list_dialog import JoinDialog, LeaveListDialog, MoveOnListDialog, WaitingListDialog

    factories.group(db, group.course_id, registration.term_id, number=2, seat_limit=20)  # a sibling the closed group's students go to
    waiting = WaitingLine(1, 2, factories.student(db), "730001", "Anna Nowak", now, False, None)
    return [CloseGroupDialog(app_context, group), ReopenGroupDialog(app_context, group), WaitingListDialog(app_context, group),
            JoinDialog(app_context, group, [ListRegistration(registration.id, registration.code, registration.name)]),
            MoveOnListDialog(app_context, group, waiting, 1), LeaveListDialog(app_context, group, waiting)]


@pytest.mark.parametrize("language", ["en", "pl"])
def test_each_dialog_is_named_and_tabs_through_its_fields_top_to_bottom_then_its_buttons(qtbot, app_context, db, admin, language):
    i18n.install(language)
    for dialog in _dialogs(app_context, db, admin):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert not unnamed(dialog), (dialog.objectName(), unnamed(dialog))
        assert not unreachable(dialog), (dialog.objectName(), unreachable(dialog))
        assert not mnemonic_clashes(dialog), (dialog.objectName(), mnemonic_clashes(dialog))
        # The chain from the first field: downwards through the fields, then the buttons; never back up.
        chain, widget = [], dialog.focusWidget()
        assert widget is not None, dialog.objectName()
        for _ in range(200):
            if widget in chain:
                break
            chain.append(widget)
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
            widget = dialog.focusWidget()
        tops = [w.mapTo(dialog, w.rect().topLeft()).y() for w in chain]
        corners = [(w.mapTo(dialog, w.rect().topLeft()).y(), w.mapTo(dialog, w.rect().topLeft()).x()) for w in chain]
        first = corners.index(min(corners))  # the chain is a ring: read it from its top-left control
        chain, tops = chain[first:] + chain[:first], tops[first:] + tops[:first]
        steps_up = [(_label(a), _label(b)) for a, b, ya, yb in zip(chain, chain[1:], tops, tops[1:]) if yb < ya - 4]
        assert not steps_up, (dialog.objectName(), steps_up, [(_label(w), y) for w, y in zip(chain, tops)])
        dialog.reject()
