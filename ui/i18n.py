"""Which language the application speaks: our Polish translation plus Qt's own, per setting."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

import resources

LANGUAGE_KEY = "language"
LANGUAGES = ("system", "pl", "en")
_installed: list[QTranslator] = []


def chosen_language(settings: QSettings | None = None) -> str:
    """The language to use: the setting, or the system's (Polish on a Polish system)."""
    settings = settings or QSettings()
    value = str(settings.value(LANGUAGE_KEY, "system"))
    if value in ("pl", "en"):
        return value
    return "pl" if QLocale.system().language() == QLocale.Language.Polish else "en"


def install(language: str) -> str:
    """Install the translators for ``language`` ("pl" or "en"), replacing any installed before."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "pl":
        ours = QTranslator(app)
        if ours.load(str(resources.path("translations", "desk_pl.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Polish), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    else:
        # The code's own texts are English; this file holds only the singular and plural forms of
        # the messages that count something ("1 entry", "2 entries").
        plurals = QTranslator(app)
        if plurals.load(str(resources.path("translations", "desk_en.qm"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return language
