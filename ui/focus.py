"""The keyboard's way through a window: Tab follows the fields as they are laid out, then the buttons.

Apart from the dialogs that use it, so that the sign-in window needs nothing more than its widgets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLayout, QPushButton, QWidget


def keyboard_fields(layout: QLayout) -> list[QWidget]:
    """The widgets in a layout that Tab reaches, in the order they are laid out (a form: row by row).

    Qt's own Tab order is the order the widgets were made in, which puts a dialog's buttons (made by
    a base class) or its reason before the fields laid out above them.
    """
    found: list[QWidget] = []
    if isinstance(layout, QFormLayout):
        items = [layout.itemAt(row, role) for row in range(layout.rowCount())
                 for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)]
    else:
        items = [layout.itemAt(index) for index in range(layout.count())]
    for item in items:
        if item is None:
            continue
        if item.widget() is not None:
            found.extend(_widget_fields(item.widget()))
        elif item.layout() is not None:
            found.extend(keyboard_fields(item.layout()))
    return found


def _widget_fields(widget: QWidget) -> list[QWidget]:
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    if widget.layout() is not None:
        return keyboard_fields(widget.layout())
    return []


def arrange_focus(window: QWidget, fields: list[QWidget], buttons: list[QWidget]) -> None:
    """Tab goes through ``fields`` in order, then the ``buttons``; the first field that takes input has the focus.

    A field given the focus on purpose before the window opens keeps it.
    """
    chain = fields + buttons
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    if window.focusWidget() is not None:
        return
    for field in fields:
        if field.isEnabled() and field.isVisibleTo(window) and not isinstance(field, QPushButton):
            field.setFocus(Qt.FocusReason.TabFocusReason)
            return
