"""Themes: light, dark or as the system, and the font size; every text keeps 4.5:1 against what it is drawn on.

The contrast walk opens the main window, every view in the navigation, a student's card and the
settings in a theme, and checks each visible text twice: from the widget's palette after polish (an
item view: each visible cell's foreground and background roles) and from the pixels the window
actually shows (the colour of the cell or field, and its text's colour: the pixel farthest from it).
"""

from __future__ import annotations

from array import array
from collections import Counter
import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QToolButton,
    QToolTip,
    QWidget,
)

from desk import enrollment
from desk.staff import actor_for_login
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui import labels, theme
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.models.group_table_model import FULL, NAME
from ui.settings_dialog import SettingsDialog
from ui.views.groups import GroupsView

TIMEOUT = 20_000
READABLE = 4.5  # WCAG AA for text
THEMES = (theme.LIGHT_THEME, theme.DARK_THEME)


@pytest.fixture
def themed(qapp):
    """Apply a theme for the test; the application is given back as it was after it."""
    yield lambda name, size=theme.DEFAULT_FONT_SIZE: theme.apply(name, size)
    theme.reset(qapp)


def _settled(qtbot, tasks) -> None:
    """Every task started so far (a refresh waiting on a zero timer too) has finished and its answer has been shown."""
    for _ in range(3):
        QApplication.processEvents()
        qtbot.waitUntil(lambda: not tasks._live, timeout=TIMEOUT)


# --- measuring ---------------------------------------------------------------------------------


class Picture:
    """What a window shows, pixel by pixel (one grab), read region by region."""

    def __init__(self, window: QWidget):
        self.window = window
        image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        self.width, self.height, self.line = image.width(), image.height(), image.bytesPerLine()
        self.data = bytes(image.constBits())

    def colours(self, widget: QWidget, rect: QRect) -> Counter:
        """How many pixels of each colour are in ``rect`` (in ``widget``'s coordinates), where it can be seen."""
        rect = rect.intersected(widget.visibleRegion().boundingRect())
        if rect.isEmpty():
            return Counter()
        top_left = widget.mapTo(self.window, rect.topLeft())
        area = QRect(top_left, rect.size()).intersected(QRect(0, 0, self.width, self.height))
        counts: Counter = Counter()
        for y in range(area.top(), area.bottom() + 1):
            start = y * self.line + area.left() * 4
            counts.update(array("I", self.data[start:start + area.width() * 4]))
        return counts

    def text_contrast(self, widget: QWidget, rect: QRect) -> tuple[float, QColor, QColor] | None:
        """The contrast of the text in ``rect`` against its background (the colour most of it has).

        The text's colour is the pixel farthest from the background: a glyph's stem covers whole pixels.
        """
        counts = self.colours(widget, rect)
        if len(counts) < 2:
            return None
        background = QColor.fromRgb(counts.most_common(1)[0][0])
        text = max((QColor.fromRgb(p) for p in counts), key=lambda c: theme.contrast(c, background))
        return theme.contrast(text, background), text, background


def _colour(value, fallback: QColor) -> QColor:
    if isinstance(value, QBrush):
        return value.color() if value.style() != Qt.BrushStyle.NoBrush else fallback
    if isinstance(value, QColor):
        return value
    return fallback


def _drawn_on(widget: QWidget) -> QColor:
    """The colour a widget without a background of its own is drawn on: its nearest filled ancestor's."""
    w = widget
    while w is not None:
        parent = w.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and w is parent.viewport():
            return w.palette().color(w.backgroundRole())
        if w.isWindow() or w.autoFillBackground() or (w is not widget and w.testAttribute(Qt.WidgetAttribute.WA_StyledBackground)
                                                     and w.palette().color(QPalette.ColorRole.Window) != parent.palette().color(QPalette.ColorRole.Window)):
            return w.palette().color(w.backgroundRole())
        w = parent
    return widget.palette().color(QPalette.ColorRole.Window)


def _name(widget: QWidget) -> str:
    names = []
    w = widget
    while w is not None and len(names) < 3:
        names.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(names)


def _inside(rect: QRect, margin: int) -> QRect:
    return rect.adjusted(margin, margin, -margin, -margin)


def _shown_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return "" if not widget.pixmap().isNull() else widget.text()
    if isinstance(widget, QAbstractButton):
        if isinstance(widget, QToolButton) and widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            return ""
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def _widget_colours(widget: QWidget) -> tuple[QColor, QColor, QRect]:
    """Text and background colour from the palette after polish, and the region of the text."""
    pal = widget.palette()
    role = QPalette.ColorRole
    if isinstance(widget, QPushButton) and widget.isDefault():  # the style sheet: highlight for the default button
        return pal.color(role.HighlightedText), pal.color(role.Highlight), _inside(widget.rect(), 3)
    if isinstance(widget, (QCheckBox, QRadioButton)):
        style = widget.style()
        skip = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing) + 2
        return pal.color(widget.foregroundRole()), _drawn_on(widget), widget.rect().adjusted(skip, 0, 0, 0)
    if isinstance(widget, QAbstractButton):
        if isinstance(widget, QToolButton) and widget.autoRaise():
            return pal.color(role.ButtonText), _drawn_on(widget), _inside(widget.rect(), 3)
        return pal.color(role.ButtonText), pal.color(role.Button), _inside(widget.rect(), 3)
    if isinstance(widget, QLineEdit):
        text = pal.color(role.Text) if widget.text() else pal.color(role.PlaceholderText)
        # a read-only field is drawn on the window's colour (the style sheet's rule for :read-only)
        return text, pal.color(role.Window if widget.isReadOnly() else role.Base), _inside(widget.rect(), 4)
    if isinstance(widget, QComboBox):
        if widget.isEditable():
            return pal.color(role.Text), pal.color(role.Base), _inside(widget.rect(), 4)
        return pal.color(role.ButtonText), pal.color(role.Button), _inside(widget.rect(), 3)
    return pal.color(widget.foregroundRole()), _drawn_on(widget), widget.contentsRect()


CHECKED: Counter = Counter()  # texts checked, by how (the walk is not an empty one)


def _check(found: list[str], name: str, text: str, fg: QColor, bg: QColor, how: str) -> None:
    CHECKED[how] += 1
    ratio = theme.contrast(fg, bg)
    if ratio < READABLE:
        found.append(f"{name} {text[:40]!r}: {ratio:.2f} ({fg.name()} on {bg.name()}, {how})")


def _check_view(found: list[str], picture: Picture, view: QAbstractItemView) -> None:
    model, viewport = view.model(), view.viewport()
    if model is None:
        return
    pal = view.palette()
    role = QPalette.ColorRole
    selection = view.selectionModel()
    shown = viewport.rect()
    alternate = view.alternatingRowColors()
    root = view.rootIndex()
    columns = 1 if isinstance(view, QListView) else model.columnCount(root)
    for row in range(min(model.rowCount(root), 300)):
        for column in range(columns):
            index = model.index(row, column, root)
            rect = view.visualRect(index)
            if not rect.intersects(shown) or rect.height() < 8 or rect.width() < 8:
                continue
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text in (None, "") or isinstance(text, bool):
                continue
            text = str(text)
            selected = selection is not None and selection.isSelected(index)
            if selected:
                fg, bg = pal.color(role.HighlightedText), pal.color(role.Highlight)
            else:
                plain = pal.color(role.AlternateBase if alternate and row % 2 else role.Base)
                fg = _colour(index.data(Qt.ItemDataRole.ForegroundRole), pal.color(role.Text))
                bg = _colour(index.data(Qt.ItemDataRole.BackgroundRole), plain)
            name = f"{_name(view)}[{row},{column}]"
            _check(found, name, text, fg, bg, "palette")
            # a cell the view's own delegate paints, shown whole (a glyph cut at the edge has no full pixel): its pixels too
            if view.itemDelegateForColumn(column) is None and shown.contains(rect):
                measured = picture.text_contrast(viewport, rect.adjusted(3, 1, -3, -1))
                if measured is not None:
                    _check(found, name, text, measured[1], measured[2], "pixels")


def _check_header(found: list[str], picture: Picture, header: QHeaderView) -> None:
    model = header.model()
    if model is None or not header.isVisible():
        return
    pal = header.palette()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if text in (None, ""):
            continue
        position, size = header.sectionViewportPosition(section), header.sectionSize(section)
        if header.orientation() == Qt.Orientation.Horizontal:
            rect = QRect(position, 0, size, header.height())
        else:
            rect = QRect(0, position, header.width(), size)
        if not rect.intersects(header.viewport().rect()) or size < 12:
            continue
        name = f"{_name(header)}#{section}"
        # The style sheet draws a section in the window's colours.
        _check(found, name, str(text), pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window), "palette")
        measured = picture.text_contrast(header.viewport(), rect.adjusted(4, 3, -4, -3))
        if measured is not None:
            _check(found, name, str(text), measured[1], measured[2], "pixels")


def unreadable(window: QWidget) -> list[str]:
    """Every visible text of ``window`` under 4.5:1 against what it is drawn on (palette and pixels)."""
    QApplication.processEvents()
    picture = Picture(window)
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled() or widget.window() is not window:
            continue
        widget.ensurePolished()
        if isinstance(widget, QHeaderView):
            _check_header(found, picture, widget)
            continue
        if isinstance(widget, QAbstractItemView):
            _check_view(found, picture, widget)
            continue
        if not isinstance(widget, (QLabel, QAbstractButton, QLineEdit, QComboBox)):
            continue
        if isinstance(widget.parentWidget(), QComboBox):  # an editable combo's own field: the combo is checked
            continue
        text = _shown_text(widget)
        if not text.strip():
            continue
        fg, bg, rect = _widget_colours(widget)
        _check(found, _name(widget), text, fg, bg, "palette")
        measured = picture.text_contrast(widget, rect)
        if measured is not None:
            _check(found, _name(widget), text, measured[1], measured[2], "pixels")
    return found


# --- the walk --------------------------------------------------------------------------------------


@pytest.fixture
def demo_admin(demo_db):
    return actor_for_login(demo_db, "admin")


@pytest.mark.parametrize("name", THEMES)
def test_every_view_reads_at_4_5_to_1(qtbot, themed, demo_db, demo_admin, tasks, name):
    themed(name)
    window = MainWindow(AppContext(demo_db, demo_admin, tasks))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.lookup.searchFinished, timeout=TIMEOUT):
        window.lookup.set_query("kowal")
    found: list[str] = []
    CHECKED.clear()
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        _settled(qtbot, tasks)
        view = window.stack.currentWidget()
        found += [f"{type(view).__name__}: {line}" for line in unreadable(window)]

    student_id = window.lookup.model.row_at(0).student_id
    card = window.lookup.open_student(student_id)
    qtbot.waitUntil(lambda: card.card is not None, timeout=TIMEOUT)
    _settled(qtbot, tasks)
    found += [f"student card: {line}" for line in unreadable(card)]

    settings = SettingsDialog("Europe/Warsaw", window)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitExposed(settings)
    found += [f"settings: {line}" for line in unreadable(settings)]
    card.close()
    assert not found, "\n".join(found)
    assert CHECKED["palette"] > 500 and CHECKED["pixels"] > 500


@pytest.mark.parametrize("start, then", [(theme.LIGHT_THEME, theme.DARK_THEME), (theme.DARK_THEME, theme.LIGHT_THEME)])
def test_another_theme_chosen_with_the_views_open_reads_too(qtbot, themed, demo_db, demo_admin, tasks, start, then):
    """The views that were shown read what they show again: rows coloured before are coloured anew."""
    themed(start)
    window = MainWindow(AppContext(demo_db, demo_admin, tasks))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.lookup.searchFinished, timeout=TIMEOUT):
        window.lookup.set_query("kowal")
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        _settled(qtbot, tasks)
    settings = SettingsDialog("Europe/Warsaw", window)
    qtbot.addWidget(settings)
    settings.theme.setCurrentIndex(settings.theme.findData(then))
    settings.accept()
    assert theme.current().name == then
    found: list[str] = []
    for row in reversed(range(window.navigation.count())):
        window.navigation.setCurrentRow(row)
        _settled(qtbot, tasks)
        found += [f"{type(window.stack.currentWidget()).__name__}: {line}" for line in unreadable(window)]
    assert not found, "\n".join(found)


def test_the_walk_finds_text_that_cannot_be_read(qtbot, themed):
    """The check itself: a grey label on the dark window and a dark cell in a table are named."""
    themed(theme.DARK_THEME)
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    faint = QLabel("hardly there", window)
    faint.setObjectName("faintLabel")
    faint.setStyleSheet("color: #3a3a3a")
    table = QTableWidget(1, 1, window)
    table.setObjectName("darkTable")
    item = QTableWidgetItem("dark on dark")
    item.setForeground(QColor("#1b6e3a"))
    table.setItem(0, 0, item)
    layout.addWidget(faint)
    layout.addWidget(table)
    window.show()
    qtbot.waitExposed(window)
    found = unreadable(window)
    assert any("faintLabel" in line and "palette" in line for line in found)
    assert any("faintLabel" in line and "pixels" in line for line in found)
    assert any("darkTable" in line and "[0,0]" in line for line in found)


# --- the colours -----------------------------------------------------------------------------------


@pytest.mark.parametrize("look", [theme.LIGHT, theme.DARK], ids=lambda look: look.name)
def test_colours_with_a_meaning_keep_4_5_to_1(look):
    grounds = {"base": look.base, "window": look.window, "alternate base": look.alternate_base}
    weak = [f"{name} on {ground}: {theme.contrast(getattr(look, name), value):.2f}"
            for name in theme.SEMANTIC for ground, value in grounds.items()
            if theme.contrast(getattr(look, name), value) < READABLE]
    weak += [f"{text} on {tint}: {theme.contrast(getattr(look, text), getattr(look, tint)):.2f}"
             for tint, texts in theme.TINTS.items() for text in texts
             if theme.contrast(getattr(look, text), getattr(look, tint)) < READABLE]
    pairs = {"text on base": (look.text, look.base), "window text on window": (look.window_text, look.window),
             "button text on button": (look.button_text, look.button), "selection": (look.highlighted_text, look.highlight),
             "hint": (look.tool_tip_text, look.tool_tip_base), "placeholder on base": (look.placeholder, look.base),
             "link on window": (look.link, look.window)}
    weak += [f"{name}: {theme.contrast(*pair):.2f}" for name, pair in pairs.items() if theme.contrast(*pair) < READABLE]
    # the fill bar is a picture, not text: 3:1 against the table (WCAG's non-text contrast)
    weak += [f"{bar}: {theme.contrast(getattr(look, bar), look.base):.2f}" for bar in theme.BARS
             if theme.contrast(getattr(look, bar), look.base) < 3]
    assert not weak
    # a tinted row is a tint: it does not pass for a selected one
    for tint in ("full", "at_risk", "error_row"):
        assert theme.contrast(getattr(look, tint), look.highlight) >= 2, tint


def test_colours_follow_the_theme_where_views_read_them(themed):
    themed(theme.LIGHT_THEME)
    assert theme.colour("problem").name() == labels.PROBLEM_COLOUR.name() == theme.LIGHT.problem
    assert FULL.name() == theme.LIGHT.full and theme.colour("warning") == theme.colour("waiting")
    themed(theme.DARK_THEME)
    assert theme.current() is theme.DARK
    assert theme.colour("problem").name() == labels.PROBLEM_COLOUR.name() == theme.DARK.problem
    assert labels.STATUS_COLOURS[labels.ProgrammeStatus.ACTIVE].name() == theme.DARK.ok
    assert FULL.name() == theme.DARK.full
    with pytest.raises(KeyError):
        theme.colour("chartreuse")


# --- selection on a tinted row --------------------------------------------------------------------------


def _row_background(picture: Picture, view, row: int) -> QColor:
    rect = view.table.visualRect(view.model.index(row, NAME)).adjusted(2, 2, -2, -2)
    return QColor.fromRgb(picture.colours(view.table.viewport(), rect).most_common(1)[0][0])


@pytest.mark.parametrize("name", THEMES)
def test_a_selected_full_group_stands_out_from_the_full_ones(qtbot, themed, app_context, db, admin, name):
    themed(name)
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    groups = [factories.group(db, course, term, number=n, seat_limit=1) for n in (1, 2, 3)]
    reg = factories.registration(db, code="WMF-OGU", term_id=term, course_ids=(course,))
    for group in groups:
        enrollment.enroll(UnitOfWork(db, admin), factories.student(db), group, reason="r")
    view = GroupsView(app_context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.set_registration(reg, None)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=TIMEOUT)
    assert all(g.free == 0 for g in view.model.groups)
    view.table.selectRow(1)
    QApplication.processEvents()
    picture = Picture(view)
    full, selected = _row_background(picture, view, 0), _row_background(picture, view, 1)
    assert full.name() == theme.colour("full").name()  # an unselected full group shows its tint
    # ...and the selected one a colour clearly its own (before: #cfe0f1 over #dde8fb, 1.1:1)
    assert theme.contrast(selected, full) >= 2, (selected.name(), full.name())
    assert _row_background(picture, view, 2).name() == full.name()
    # its text reads on the selection
    rect = view.table.visualRect(view.model.index(1, NAME)).adjusted(3, 1, -3, -1)
    ratio, _text, _ground = picture.text_contrast(view.table.viewport(), rect)
    assert ratio >= READABLE


# --- disabled fields --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", THEMES)
def test_a_disabled_field_looks_disabled(qtbot, themed, name):
    themed(name)
    from PySide6.QtWidgets import QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    enabled, disabled = QLineEdit("2026-09-30", window), QLineEdit("2026-09-30", window)
    disabled.setEnabled(False)
    layout.addWidget(enabled)
    layout.addWidget(disabled)
    window.show()
    qtbot.waitExposed(window)
    Group, Role = QPalette.ColorGroup, QPalette.ColorRole
    for role in (Role.Text, Role.Base):
        assert disabled.palette().color(Group.Disabled, role) != enabled.palette().color(Group.Active, role), role
    picture = Picture(window)
    on, off = (picture.text_contrast(field, _inside(field.rect(), 4)) for field in (enabled, disabled))
    assert off[2] != on[2]  # another background
    assert off[0] < on[0]  # and greyed text
    assert on[0] >= READABLE


# --- settings ---------------------------------------------------------------------------------------


def test_settings_apply_dark_at_once_and_remember_it(qtbot, themed, qapp):
    themed(theme.LIGHT_THEME)
    label = QLabel("Grupa")
    qtbot.addWidget(label)
    label.show()
    dialog = SettingsDialog("Europe/Warsaw")
    qtbot.addWidget(dialog)
    assert [dialog.theme.itemData(i) for i in range(dialog.theme.count())] == ["system", "light", "dark"]
    assert dialog.font_size.value() == 10
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert qapp.palette().color(QPalette.ColorRole.WindowText).lightness() > 200
    assert label.palette().color(QPalette.ColorRole.Window) == QColor(theme.DARK.window)  # an open window too
    assert QToolTip.palette().color(QPalette.ColorRole.ToolTipBase) == QColor(theme.DARK.tool_tip_base)
    assert QSettings().value(theme.THEME_KEY) == "dark" and theme.current() is theme.DARK
    assert theme.DARK.window in qapp.styleSheet() or "palette(" in qapp.styleSheet()
    again = SettingsDialog("Europe/Warsaw")
    qtbot.addWidget(again)
    assert again.theme.currentData() == "dark"


def test_the_font_size_changes_the_application_font_and_the_style_sheet(qtbot, themed, qapp):
    themed(theme.LIGHT_THEME)
    dialog = SettingsDialog("Europe/Warsaw")
    qtbot.addWidget(dialog)
    dialog.font_size.setValue(14)
    dialog.accept()
    assert qapp.font().pointSize() == 14
    assert int(QSettings().value(theme.FONT_SIZE_KEY)) == 14
    title = QLabel("Class groups")
    title.setProperty("role", "title")
    plain = QLabel("plain")
    for label in (title, plain):
        qtbot.addWidget(label)
        label.ensurePolished()
    assert plain.font().pointSize() == 14
    assert title.font().pointSize() == 21  # 15 pt at 10 pt
    assert "font-size: 17pt" in qapp.styleSheet()  # the student search field: 12 pt at 10 pt
    assert theme.points(12) == 17


def test_the_saved_theme_is_applied_when_the_application_starts(qtbot, qapp):
    from PySide6.QtCore import QCoreApplication

    from ui.app import make_application

    QCoreApplication.setOrganizationName("desk")  # the application's own name: its settings (here in the test's folder)
    QCoreApplication.setApplicationName("desk")
    QSettings().setValue(theme.THEME_KEY, "dark")
    QSettings().setValue(theme.FONT_SIZE_KEY, 12)
    try:
        make_application()
        assert theme.current() is theme.DARK
        assert qapp.palette().color(QPalette.ColorRole.Base) == QColor(theme.DARK.base)
        assert qapp.font().pointSize() == 12 and "12pt" in qapp.styleSheet()
    finally:
        theme.reset(qapp)


def test_as_the_system_follows_the_platform(monkeypatch, themed):
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert themed(theme.SYSTEM) is theme.DARK
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert themed(theme.SYSTEM) is theme.LIGHT
    assert theme.look_for(theme.LIGHT_THEME) is theme.LIGHT and theme.look_for(theme.DARK_THEME) is theme.DARK


def test_a_bad_saved_value_falls_back():
    QSettings().setValue(theme.THEME_KEY, "purple")
    QSettings().setValue(theme.FONT_SIZE_KEY, "huge")
    assert theme.chosen_theme() == theme.SYSTEM and theme.chosen_font_size() == theme.DEFAULT_FONT_SIZE
    QSettings().setValue(theme.FONT_SIZE_KEY, 40)
    assert theme.chosen_font_size() == theme.MAX_FONT_SIZE


def test_contrast_is_wcag():
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast("#123456", "#123456") == pytest.approx(1)
