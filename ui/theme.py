"""The one place for looks: the theme (light, dark or as the system), the font size, the colours views use.

A theme is a ``Look``: the full palette (every role, the disabled group included, so a disabled
field looks disabled) and the few colours with a meaning that views paint with — ok, problem,
waiting, muted, the tints behind rows and the fill bar's colours. Each has a light and a dark
value, chosen to keep 4.5:1 against the theme's base and window (tests/ui/test_theme.py checks).

Views read the colours when they paint or fill a row: ``theme.colour("problem")`` or
``theme.current().problem``; what is shown after a change of theme takes the new colours. Older
module constants (``labels.OK_COLOUR``, ``group_table_model.FULL``…) are ``live`` colours: one
QColor each, updated in place when the theme changes. What is on screen already (items of table
widgets, a label's own style sheet) is given the new theme's colours by ``recolour``, and the
navigation's line icons (``icon``) are drawn in the current look's colours whenever they are painted.

The application style sheet is resources/style.qss: sizes written for a 10 pt font (scaled with the
font size) and colours as ``palette(role)``; a few rules the palette cannot say (an error's red,
disabled buttons) are added here from the look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QTableWidget, QToolTip, QTreeWidget, QTreeWidgetItemIterator

import resources

THEME_KEY = "appearance/theme"
FONT_SIZE_KEY = "appearance/fontSize"
SYSTEM, LIGHT_THEME, DARK_THEME = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT_THEME, DARK_THEME)
DEFAULT_THEME = SYSTEM
DEFAULT_FONT_SIZE = 10
MIN_FONT_SIZE, MAX_FONT_SIZE = 9, 16
STYLE = "Fusion"  # draws with the palette on every platform (a native style may keep its own colours)
_SHEET_POINTS = 10  # the sizes in style.qss are written for a 10 pt font


@dataclass(frozen=True)
class Look:
    """The colours of one theme (``#rrggbb``)."""

    name: str
    # the palette
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str  # a strong colour: a selected row stays visible on a tinted one
    highlighted_text: str
    link: str  # also the focus border and a group's title
    link_visited: str
    tool_tip_base: str  # also the hint boxes
    tool_tip_text: str
    placeholder: str  # also muted labels
    light: str
    midlight: str  # light borders, grid lines
    mid: str  # a field's border
    dark: str  # a button's border
    shadow: str
    disabled_text: str
    disabled_base: str
    disabled_button: str
    # colours with a meaning; each keeps 4.5:1 against base, window and alternate base
    ok: str
    problem: str
    waiting: str  # also "warning"
    muted: str
    # tints behind rows, and the text that reads on them
    full: str  # a class group with no free seat
    at_risk: str  # a class group below its lower limit
    at_risk_text: str
    error_row: str  # a row in error (an import's line, an explanation's first failure); also an account's problem
    different: str  # a value the portal does not have yet
    different_text: str
    ok_tint: str  # an account on the portal
    waiting_tint: str  # an account waiting for the portal
    tint_text: str  # plain text on any tint
    # the fill bar of a class group
    bar_track: str
    bar_normal: str
    bar_full: str
    bar_over: str
    bar_at_risk: str

    @property
    def is_dark(self) -> bool:
        return QColor(self.window).lightness() < 128


LIGHT = Look(
    name=LIGHT_THEME,
    window="#f0f2f4", window_text="#1f2937", base="#ffffff", alternate_base="#f6f8fa", text="#111827",
    button="#f8f9fa", button_text="#1f2937", highlight="#1f4e79", highlighted_text="#ffffff",
    link="#1f4e79", link_visited="#5b3a8c", tool_tip_base="#eef4fb", tool_tip_text="#1f3b57", placeholder="#5f6368",
    light="#ffffff", midlight="#d9dee3", mid="#b8c0c8", dark="#9aa5b1", shadow="#5f6368",
    disabled_text="#8a9199", disabled_base="#eceff2", disabled_button="#eef0f2",
    ok="#1b6e3a", problem="#b3261e", waiting="#8d5300", muted="#5f6368",
    full="#dde8fb", at_risk="#fde7c8", at_risk_text="#8a4b00", error_row="#fbe9e7",
    different="#fde7c2", different_text="#3d2600", ok_tint="#e6f4ea", waiting_tint="#fdf0d5", tint_text="#111827",
    bar_track="#d9d9d9", bar_normal="#1a73e8", bar_full="#0b3d91", bar_over="#b3261e", bar_at_risk="#c26300",
)

DARK = Look(
    name=DARK_THEME,
    window="#1f2226", window_text="#e8eaed", base="#17191c", alternate_base="#1c1f23", text="#e8eaed",
    button="#2c3137", button_text="#e8eaed", highlight="#2f6fb5", highlighted_text="#ffffff",
    link="#8ab4f8", link_visited="#c58af9", tool_tip_base="#203246", tool_tip_text="#d6e4f5", placeholder="#a3a9b0",
    light="#3a4047", midlight="#343a41", mid="#4f5862", dark="#6b7580", shadow="#000000",
    disabled_text="#6f767e", disabled_base="#24282d", disabled_button="#25292e",
    ok="#6fcf8f", problem="#ff8a80", waiting="#f0b35a", muted="#a3a9b0",
    full="#1c3552", at_risk="#4a3212", at_risk_text="#ffc87a", error_row="#4d2420",
    different="#4a3a14", different_text="#ffe3a8", ok_tint="#183a26", waiting_tint="#3f3315", tint_text="#e8eaed",
    bar_track="#3a4047", bar_normal="#5b9cf0", bar_full="#a8c8ff", bar_over="#ff6b60", bar_at_risk="#f0a040",
)

LOOKS = {LIGHT_THEME: LIGHT, DARK_THEME: DARK}
_ALIASES = {"warning": "waiting"}
COLOUR_NAMES = tuple(f.name for f in fields(Look) if f.name != "name")
# The colours with a meaning (text drawn on base, window or alternate base) and the tints with their text.
SEMANTIC = ("ok", "problem", "waiting", "muted")
TINTS = {"full": ("tint_text", "ok", "problem", "waiting", "muted"),
         "at_risk": ("tint_text", "at_risk_text", "ok", "problem", "muted"),
         "error_row": ("tint_text", "ok", "problem", "waiting", "muted"),
         "different": ("different_text", "tint_text"),
         "ok_tint": ("ok", "tint_text"),
         "waiting_tint": ("waiting", "tint_text")}
BARS = ("bar_normal", "bar_full", "bar_over", "bar_at_risk")

_current: Look = LIGHT
_chosen: tuple[str, int] = (DEFAULT_THEME, DEFAULT_FONT_SIZE)
_live: dict[str, QColor] = {}
_pristine: dict[str, object] = {}  # the application as the platform made it, before any theme
_following_system = False


class _Notifier(QObject):
    changed = Signal(str)  # the look's name ("light", "dark")


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    """``notifier().changed`` is emitted after a theme or font size was applied."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


# --- the colours views use ------------------------------------------------------------------


def current() -> Look:
    """The look applied now (light until a theme is applied)."""
    return _current


def _name(name: str) -> str:
    name = _ALIASES.get(name, name)
    if name not in COLOUR_NAMES:
        raise KeyError(f"no colour {name!r} in a look")
    return name


def colour(name: str, look: Look | None = None) -> QColor:
    """A colour of the current look (or of ``look``), e.g. ``colour("problem")``: a new QColor."""
    return QColor(getattr(look or _current, _name(name)))


def live(name: str) -> QColor:
    """The one QColor for ``name`` that follows the theme: updated in place when another is applied."""
    name = _name(name)
    if name not in _live:
        _live[name] = QColor(getattr(_current, name))
    return _live[name]


def points(size_at_ten: float) -> int:
    """A size written for a 10 pt font, at the chosen font size (e.g. a 12 pt heading at 14 pt: 17)."""
    return max(1, round(size_at_ten * _chosen[1] / _SHEET_POINTS))


def luminance(value: QColor | str) -> float:
    """WCAG relative luminance."""
    c = QColor(value)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; text wants 4.5)."""
    low, high = sorted((luminance(a), luminance(b)))
    return (high + 0.05) / (low + 0.05)


# --- icons ---------------------------------------------------------------------------------------

_ICON_INK, _ICON_GROUND = "#1f4e79", "#ffffff"  # what the shipped line icons are drawn with


class _ThemedIcon(QIconEngine):
    """A line icon from resources/icons drawn in the current look's colours whenever it is painted:
    the link colour on the window, the highlighted text's colour on a selection."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.svg = resources.path("icons", name).read_text(encoding="utf-8")

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        look = _current
        if mode == QIcon.Mode.Selected:
            ink, ground = look.highlighted_text, look.highlight
        elif mode == QIcon.Mode.Disabled:
            ink, ground = look.disabled_text, look.window
        else:
            ink, ground = look.link, look.alternate_base
        text = self.svg.replace(_ICON_INK, "\0ink").replace(_ICON_GROUND, ground).replace("\0ink", ink)
        return QSvgRenderer(QByteArray(text.encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _ThemedIcon(self.name)


def icon(name: str) -> QIcon:
    """A line icon of resources/icons (e.g. "groups.svg") that follows the theme, e.g. in the navigation."""
    return QIcon(_ThemedIcon(name))


# --- palette and style sheet ----------------------------------------------------------------


def palette(look: Look) -> QPalette:
    """The full palette of ``look``: every role in the active, inactive and disabled groups."""
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    roles = {
        R.Window: look.window, R.WindowText: look.window_text, R.Base: look.base, R.AlternateBase: look.alternate_base,
        R.Text: look.text, R.Button: look.button, R.ButtonText: look.button_text, R.BrightText: "#ffffff",
        R.Highlight: look.highlight, R.HighlightedText: look.highlighted_text, R.Link: look.link,
        R.LinkVisited: look.link_visited, R.ToolTipBase: look.tool_tip_base, R.ToolTipText: look.tool_tip_text,
        R.PlaceholderText: look.placeholder, R.Light: look.light, R.Midlight: look.midlight, R.Mid: look.mid,
        R.Dark: look.dark, R.Shadow: look.shadow,
    }
    if hasattr(R, "Accent"):
        roles[R.Accent] = look.highlight
    disabled = {
        R.WindowText: look.disabled_text, R.Text: look.disabled_text, R.ButtonText: look.disabled_text,
        R.Base: look.disabled_base, R.AlternateBase: look.disabled_base, R.Button: look.disabled_button,
        R.PlaceholderText: look.disabled_text, R.Highlight: look.mid, R.HighlightedText: look.disabled_text,
    }
    result = QPalette()
    for group in (G.Active, G.Inactive, G.Disabled):
        for role, value in roles.items():
            result.setColor(group, role, QColor(disabled.get(role, value) if group == G.Disabled else value))
    return result


_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")


def style_sheet(look: Look, font_size: int = DEFAULT_FONT_SIZE) -> str:
    """The application style sheet: style.qss at ``font_size``, and what the palette cannot say."""
    text = resources.path("style.qss").read_text(encoding="utf-8")
    text = _POINTS.sub(lambda m: f"{max(1, round(float(m.group(1)) * font_size / _SHEET_POINTS))}pt", text)
    # palette(...) in a style sheet is the active group's colour: a state's own colours are written out.
    return text + f"""
/* {look.name}, {font_size} pt: the colours the palette has no role for */
QLabel[role="error"], QLabel#errorLabel {{ color: {look.problem}; }}
QLabel[role="hint"] {{ background: {look.tool_tip_base}; color: {look.tool_tip_text}; }}
QPushButton:disabled {{ color: {look.disabled_text}; background: {look.disabled_button}; border-color: {look.midlight}; }}
QPushButton:default:disabled {{ color: {look.disabled_text}; background: {look.disabled_button}; border-color: {look.midlight}; }}
QLineEdit:disabled {{ color: {look.disabled_text}; background: {look.disabled_base}; border-color: {look.midlight}; }}
"""


# --- choosing and applying --------------------------------------------------------------------


def chosen_theme(settings: QSettings | None = None) -> str:
    value = str((settings or QSettings()).value(THEME_KEY, DEFAULT_THEME))
    return value if value in THEMES else DEFAULT_THEME


def chosen_font_size(settings: QSettings | None = None) -> int:
    value = (settings or QSettings()).value(FONT_SIZE_KEY, DEFAULT_FONT_SIZE)
    try:
        size = int(value)
    except (TypeError, ValueError):
        return DEFAULT_FONT_SIZE
    return min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size))


def remember(theme: str, font_size: int, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    settings.setValue(THEME_KEY, theme if theme in THEMES else DEFAULT_THEME)
    settings.setValue(FONT_SIZE_KEY, min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, int(font_size))))


def system_is_dark() -> bool:
    """Whether the platform asks for dark colours: its colour scheme, else its own palette's lightness."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    platform = _pristine["palette"] if "palette" in _pristine else QGuiApplication.palette()
    return platform.color(QPalette.ColorRole.Window).lightness() < platform.color(QPalette.ColorRole.WindowText).lightness()


def look_for(theme: str) -> Look:
    """The look a theme shows now ("system": the platform's light or dark)."""
    if theme == SYSTEM:
        return DARK if system_is_dark() else LIGHT
    return LOOKS.get(theme, LIGHT)


def _keep_pristine(app: QApplication) -> None:
    if not _pristine:
        _pristine.update(palette=QPalette(app.palette()), font=QFont(app.font()), style=app.style().name() or STYLE,
                         tooltip=QPalette(QToolTip.palette()))


def apply(theme: str | None = None, font_size: int | None = None, app: QApplication | None = None) -> Look:
    """Show the application in ``theme`` at ``font_size`` points (None: what the settings keep), now.

    Every widget is repolished and repainted; models read their colours when asked again.
    """
    global _current, _chosen
    app = app or QApplication.instance()
    theme = theme if theme in THEMES else chosen_theme()
    size = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, int(font_size))) if font_size is not None else chosen_font_size()
    _keep_pristine(app)
    look = look_for(theme)
    before = _current
    _current, _chosen = look, (theme, size)
    for name, shared in _live.items():
        shared.setRgb(QColor(getattr(look, name)).rgb())
    if not _pristine.get("fusion"):  # once: with a style sheet, style() is the sheet's own and has no name
        app.setStyle(STYLE)
        _pristine["fusion"] = True
    app.setPalette(palette(look))
    QToolTip.setPalette(palette(look))  # tooltips keep a palette of their own
    font = QFont(app.font())
    font.setPointSize(size)
    app.setFont(font)
    app.setStyleSheet(style_sheet(look, size))
    if look is not before:
        recolour(before, look, app)
    _follow_system(theme == SYSTEM)
    notifier().changed.emit(look.name)
    return look


# When two colours of a look are the same, the one that comes first here says what it becomes.
_RECOLOUR_ORDER = (*SEMANTIC, "tint_text", "at_risk_text", "different_text", *TINTS, "text", "window_text",
                   *(name for name in COLOUR_NAMES if name not in (*SEMANTIC, *TINTS)))
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def _mapping(old: Look, new: Look) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for name in _RECOLOUR_ORDER:
        mapping.setdefault(getattr(old, name).lower(), getattr(new, name).lower())
    return {o: n for o, n in mapping.items() if o != n}


def recolour(old: Look, new: Look, app: QApplication | None = None) -> int:
    """What is on screen already in ``old``'s colours, in ``new``'s: the colours given to table, list and
    tree items and to a widget's own style sheet or rich text. Views need not read their data again.

    Returns how many items and widgets changed.
    """
    app = app or QApplication.instance()
    mapping = _mapping(old, new)
    if app is None or not mapping:
        return 0

    def swap(text: str) -> str:
        return _HEX.sub(lambda m: mapping.get(m.group(0).lower(), m.group(0)), text)

    def item(entry, *columns) -> int:
        changed = 0
        for getter, setter in (("foreground", "setForeground"), ("background", "setBackground")):
            for column in columns:
                brush = getattr(entry, getter)(*column)
                if brush.style() == Qt.BrushStyle.SolidPattern and brush.color().name() in mapping:
                    getattr(entry, setter)(*column, QColor(mapping[brush.color().name()]))
                    changed += 1
        return changed

    changed = 0
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet and _HEX.search(sheet) and swap(sheet) != sheet:
            widget.setStyleSheet(swap(sheet))
            changed += 1
        if isinstance(widget, QLabel) and "color" in widget.text() and swap(widget.text()) != widget.text():
            widget.setText(swap(widget.text()))
            changed += 1
        if isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    cell = widget.item(row, column)
                    if cell is not None:
                        changed += item(cell, ())
        elif isinstance(widget, QListWidget):
            for row in range(widget.count()):
                changed += item(widget.item(row), ())
        elif isinstance(widget, QTreeWidget):
            it = QTreeWidgetItemIterator(widget)
            while it.value() is not None:
                changed += item(it.value(), *((c,) for c in range(widget.columnCount())))
                it += 1
    return changed


def reset(app: QApplication | None = None) -> None:
    """Back to the application as the platform made it (tests: one test's theme is not the next one's)."""
    global _current, _chosen
    app = app or QApplication.instance()
    _current, _chosen = LIGHT, (DEFAULT_THEME, DEFAULT_FONT_SIZE)
    for name, shared in _live.items():
        shared.setRgb(QColor(getattr(LIGHT, name)).rgb())
    _follow_system(False)
    if app is None or not _pristine:
        return
    app.setStyleSheet("")
    app.setPalette(QPalette(_pristine["palette"]))
    QToolTip.setPalette(QPalette(_pristine["tooltip"]))
    app.setFont(QFont(_pristine["font"]))
    if _pristine.pop("fusion", False) and str(_pristine["style"]).lower() != STYLE.lower():
        app.setStyle(str(_pristine["style"]))


def _follow_system(on: bool) -> None:
    """While the theme is "as the system", a change of the platform's colour scheme is shown at once."""
    global _following_system
    hints = QGuiApplication.styleHints()
    if on == _following_system or hints is None or not hasattr(hints, "colorSchemeChanged"):
        return
    if on:
        hints.colorSchemeChanged.connect(_system_scheme_changed)
    else:
        hints.colorSchemeChanged.disconnect(_system_scheme_changed)
    _following_system = on


def _system_scheme_changed(*_args) -> None:
    if _chosen[0] == SYSTEM and look_for(SYSTEM) is not _current:
        apply(SYSTEM, _chosen[1])
