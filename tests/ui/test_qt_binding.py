"""The Qt binding the app runs on keeps Python's own objects whole.

PySide6 6.12.0 returned ``True`` from every ``Signal.emit()`` without taking a reference to it:
the app emits on every edit, so on Python 3.11 (where True is an ordinary object) a long session
ran True's reference count down to zero and the process aborted ("bool_dealloc"). pyproject.toml
leaves that release out; this test fails on any binding that does the same.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    said = Signal(int)


def test_emitting_a_signal_keeps_the_reference_count_of_true() -> None:
    emitter = Emitter()
    heard: list[int] = []
    emitter.said.connect(heard.append)
    before = sys.getrefcount(True)
    for n in range(1000):
        emitter.said.emit(n)
    assert len(heard) == 1000
    assert sys.getrefcount(True) - before > -10, "this PySide6 drops a reference to True on each emit"
