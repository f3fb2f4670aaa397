"""Every user-visible message has a Polish translation, and the shipped .qm matches the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "desk_pl.ts"
QM = ROOT / "resources" / "translations" / "desk_pl.qm"
TOOLS = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(TOOLS)) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def _sources() -> list[str]:
    return sorted(str(p) for folder in ("desk", "ui") for p in (ROOT / folder).rglob("*.py"))


def test_every_message_in_the_code_is_translated(tmp_path):
    copy = tmp_path / "desk_pl.ts"
    shutil.copy(TS, copy)
    subprocess.run([_tool("pyside6-lupdate"), *_sources(), "-ts", str(copy)], check=True, capture_output=True)
    unfinished = []
    for context in ET.parse(copy).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                continue
            forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
            if kind == "unfinished" or not all(forms):
                unfinished.append(f"{name}: {message.findtext('source')}")
    assert not unfinished, "untranslated (run `make translations` and translate):\n" + "\n".join(unfinished)


def test_compiled_translation_is_up_to_date(tmp_path):
    compiled = tmp_path / "desk_pl.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run `make translations` to compile desk_pl.qm"


def test_polish_translation_loads(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Staff", "Wrong login or password.") == "Błędny login lub hasło."
        assert QCoreApplication.translate("StudentLookupView", "%n student(s) found.", "", 3) == "Znaleziono 3 studentów."
    finally:
        QCoreApplication.removeTranslator(translator)


EN_TS = ROOT / "resources" / "translations" / "desk_en.ts"
EN_QM = ROOT / "resources" / "translations" / "desk_en.qm"


def test_every_counting_message_has_english_singular_and_plural(tmp_path):
    """English speaks the code's own texts; only messages with %n need forms ("1 entry", "2 entries")."""
    copy = tmp_path / "desk_en.ts"
    shutil.copy(EN_TS, copy)
    subprocess.run([_tool("pyside6-lupdate"), "-pluralonly", *_sources(), "-ts", str(copy)], check=True, capture_output=True)
    missing = []
    for context in ET.parse(copy).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            forms = [f.text for f in translation.findall("numerusform")]
            if translation.get("type") == "unfinished" or len(forms) != 2 or not all(forms):
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert not missing, "without English forms (run `make translations` and add them):\n" + "\n".join(missing)
    compiled = tmp_path / "desk_en.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(EN_TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == EN_QM.read_bytes(), "run `make translations` to compile desk_en.qm"


def test_english_counts_one_and_many(qapp):
    from ui import i18n

    i18n.install("en")
    try:
        assert QCoreApplication.translate("StudentCardWindow", "%n entries, newest first.", "", 1) == "1 entry."
        assert QCoreApplication.translate("StudentCardWindow", "%n entries, newest first.", "", 3) == "3 entries, newest first."
        assert QCoreApplication.translate("StudentLookupView", "%n student(s) found.", "", 1) == "1 student found."
    finally:
        i18n.install("en")
