"""The desktop application: PySide6 views over the desk services."""

from ui.qt_binding import keep_true_and_false_alive

keep_true_and_false_alive()  # before any view emits a signal (see ui/qt_binding.py)
