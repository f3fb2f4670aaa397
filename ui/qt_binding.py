"""A fault of the Qt binding worked around where it would otherwise end a clerk's day.

PySide6 6.12.0 returns Python's ``True`` from ``Signal.emit()`` without taking a reference to it, so
every emit from Python releases ``True`` once more than it took. After some thousands of emits its
count reaches zero and the interpreter aborts ("bool_dealloc: deallocating True or False"): in a
clerk's day of searches, loads and progress reports, a matter of hours. Python 3.12 and later keep
``True`` and ``False`` immortal, so the fault costs nothing there; on 3.11 they are given the same
standing here: a count so high no day of emits can bring it to zero (2**40 releases; a day makes
fewer than a million). Nothing else is touched, and a binding without the fault is not affected.
"""

from __future__ import annotations

import ctypes
import sys

_STANDING = 1 << 40
_done = False


def keep_true_and_false_alive() -> None:
    """Give True and False the immortal standing Python 3.12 gives them (once; nothing to do from 3.12 on)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _STANDING  # ob_refcnt, the object's first field
    _done = True
