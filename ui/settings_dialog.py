"""The settings a clerk may change on their workstation: language (kept in QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

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
        zone = QLabel(time_zone, self)
        zone.setObjectName("timeZoneLabel")
        note = QLabel(self.tr("A new language applies when the application is opened again."), self)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
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

    def accept(self) -> None:
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        super().accept()

    @property
    def language_changed(self) -> bool:
        return self.language.currentData() != self.initial_language
