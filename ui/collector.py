"""Python's cyclic garbage collected on the window's thread only.

A Qt object must be destroyed on the thread it lives on. Python's collector runs on whichever thread
happens to allocate when a generation passes its threshold — a worker drawing a slide or a chart, say —
and a cycle holding a Qt object collected there crashes the app. So while the app runs, automatic
collection is off and a timer on the window's thread collects each generation whose count has passed
Python's own threshold for it: the same collections, on the right thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500
"""How often the window's thread looks whether a generation is due."""


class Collector(QObject):
    """Collects Python's garbage on the thread it lives on (the window's), never on a worker's."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count has passed its threshold (and those younger)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def collect_on_this_thread(owner: QObject) -> Collector:
    """Turn automatic collection off and collect on ``owner``'s thread instead (once per owner)."""
    existing = owner.findChild(Collector)
    return existing if isinstance(existing, Collector) else Collector(owner)
