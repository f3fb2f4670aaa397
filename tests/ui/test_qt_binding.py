"""The Qt binding's fault worked around (ui/qt_binding.py): a clerk's day of signal emits does not end
the application, whichever binding release is installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_DAY_OF_EMITS = """
import sys
{protect}
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    nothing = Signal()
    number = Signal(int)

app = QCoreApplication([])
emitter, received = Emitter(), []
emitter.number.connect(received.append)
for value in range(100_000):
    emitter.nothing.emit()
    emitter.number.emit(value)
assert len(received) == 100_000
print("the day went by")
"""


def _day(protect: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _DAY_OF_EMITS.format(protect=protect)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env={"QT_QPA_PLATFORM": "offscreen",
                                                                          "PATH": "/usr/bin:/bin"})


def test_a_day_of_signal_emits_does_not_end_the_application():
    day = _day("import ui  # the application's package, as every view and the main window load it")
    assert day.returncode == 0, day.stderr[-2000:]
    assert "the day went by" in day.stdout


def test_the_protection_is_given_once_and_leaves_the_values_as_they_are():
    from ui.qt_binding import keep_true_and_false_alive

    before = sys.getrefcount(True)
    keep_true_and_false_alive()  # already given when ui was imported: nothing more
    assert abs(sys.getrefcount(True) - before) < 100
    assert True is not False and bool(1) is True and (not True) is False
