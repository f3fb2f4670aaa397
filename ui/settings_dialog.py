"""The settings a clerk may change on their workstation: language, theme and font size (kept in QSettings).

The theme and the font size apply at once, on OK; a new language when the application is opened again.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ui import theme
from ui.i18n import LANGUAGE_KEY


class SettingsDialog(QDialog):
    def __init__(self, time_zone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = QSettings()
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        self.language.setAccessibleName(self.tr("Language"))
        for code, label in (("system", self.tr("As the system")), ("pl", "Polski"), ("en", "English")):
            self.language.addItem(label, code)
        current = str(self.settings.value(LANGUAGE_KEY, "system"))
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.initial_language = current

        self.theme = QComboBox(self)
        self.theme.setObjectName("themeCombo")
        self.theme.setAccessibleName(self.tr("Theme"))
        for code, label in ((theme.SYSTEM, self.tr("As the system")), (theme.LIGHT_THEME, self.tr("Light")),
                            (theme.DARK_THEME, self.tr("Dark"))):
            self.theme.addItem(label, code)
        self.initial_theme = theme.chosen_theme(self.settings)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.initial_theme)))
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("fontSizeSpin")
        self.font_size.setAccessibleName(self.tr("Font size in points"))
        self.font_size.setRange(theme.MIN_FONT_SIZE, theme.MAX_FONT_SIZE)
        self.font_size.setSuffix(self.tr(" pt"))
        self.initial_font_size = theme.chosen_font_size(self.settings)
        self.font_size.setValue(self.initial_font_size)

        zone = QLabel(time_zone, self)
        zone.setObjectName("timeZoneLabel")
        note = QLabel(self.tr("A new language applies when the application is opened again."), self)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("T&heme:"), self.theme)
        form.addRow(self.tr("&Font size:"), self.font_size)
        form.addRow(self.tr("Times shown in:"), zone)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("settingsButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard starts in the first setting

    def accept(self) -> None:
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        theme.remember(self.theme.currentData(), self.font_size.value(), self.settings)
        if self.appearance_changed:  # at once: every window is repolished and repainted
            theme.apply(self.theme.currentData(), self.font_size.value())
        super().accept()

    @property
    def language_changed(self) -> bool:
        return self.language.currentData() != self.initial_language

    @property
    def appearance_changed(self) -> bool:
        return (self.theme.currentData(), self.font_size.value()) != (self.initial_theme, self.initial_font_size)
