"""Garbage is collected on the window's thread only: a worker never destroys a Qt object."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from ui.collector import collect_on_this_thread


def test_a_cycle_made_on_the_window_thread_is_collected_there_not_by_a_worker(qapp: object, qtbot: QtBot) -> None:
    collector = collect_on_this_thread(qapp)  # type: ignore[arg-type]
    assert not gc.isenabled()
    finalized: list[str] = []

    class Watched:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            finalized.append(threading.current_thread().name)

    Watched()
    worker = threading.Thread(target=lambda: [object() for _ in range(50_000)], name="worker")
    worker.start()
    worker.join()
    assert finalized == []  # the worker's allocations did not collect the cycle
    usual, collector.thresholds = collector.thresholds, (0, 0, 0)  # every generation due at the next look
    try:
        qtbot.waitUntil(lambda: finalized == [threading.current_thread().name], timeout=5000)
    finally:
        collector.thresholds = usual
