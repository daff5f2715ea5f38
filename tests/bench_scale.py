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
import json
import os
import statistics
import subprocess
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
    time the window did not answer. Beside it, the longest time the GUI thread itself computed between
    two ticks (its CPU time): on a machine shared with other work the gaps also hold the time the
    process waited for a core, the CPU time does not."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last, self.cpu_last = time.perf_counter(), time.thread_time()
        self.longest = self.cpu_longest = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.longest = max(self.longest, (now - self.last) * 1000)
        self.cpu_longest = max(self.cpu_longest, (cpu - self.cpu_last) * 1000)
        self.last, self.cpu_last = now, cpu

    def measure(
        self, action: Callable[[], Any], settled: Callable[[], bool], quiet_ms: float = 150
    ) -> tuple[float, float]:
        """The longest gap while ``action`` runs from the event loop and until ``settled()`` holds
        (and the loop stayed quiet for ``quiet_ms``), and the GUI thread's longest CPU time between
        two ticks meanwhile, in ms."""
        from PySide6.QtCore import QTimer

        self._spin(lambda: True, 30)  # start from a quiet loop
        self.last, self.cpu_last = time.perf_counter(), time.thread_time()
        self.longest = self.cpu_longest = 0.0
        QTimer.singleShot(0, action)
        self._spin(settled, quiet_ms)
        return self.longest, self.cpu_longest

    def _spin(self, settled: Callable[[], bool], quiet_ms: float) -> None:
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.perf_counter() + 60
        quiet_since: float | None = None
        while time.perf_counter() < deadline:
            # blocks until the next event: the meter's own 10 ms tick wakes it at the latest
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if settled():
                quiet_since = quiet_since or time.perf_counter()
                if ms(quiet_since) >= quiet_ms:
                    return
            else:
                quiet_since = None


def bench_freeze(quick: bool) -> list[tuple[str, tuple[float, float]]]:
    """(what was done, (the longest freeze, the GUI thread's longest CPU time) in ms) for every page
    and some edits."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from big_workspace import big_workspace
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from briefing.clock import FixedClock
    from briefing.edits import AddItem, SetSingleton, UpdateItem
    from briefing.i18n import Message
    from briefing.model.collections import DECK, DIALOGUES, STAKEHOLDERS
    from briefing.store import WorkspaceStore
    from ui.main_window import PAGE_NAMES, MainWindow
    from ui.settings import AppSettings
    from ui.workers import answer_promptly

    app = QApplication.instance() or QApplication([])
    temp = Path(tempfile.mkdtemp())
    clock = FixedClock.on("2026-11-27")
    with WorkspaceStore.open(temp / "big", clock) as store:
        store.replace(big_workspace(), reason="import")
    window = MainWindow(AppSettings(QSettings(str(temp / "settings.ini"), QSettings.Format.IniFormat)), clock=clock)
    window.resize(1280, 800)
    window.show()
    from ui import charts
    from ui.app import page_modules

    charts.preload(page_modules()).join()  # as the app does once its window is up
    answer_promptly()  # as the app does at start
    meter = FreezeMeter()

    def idle() -> bool:
        from ui.workers import Latest

        return not any(latest.working for latest in window.findChildren(Latest)) and not window.runner.busy

    rows: list[tuple[str, tuple[float, float]]] = []
    opened = lambda: window.begin_open(temp / "big")  # noqa: E731  (as File → Open does: loaded on a worker)
    rows.append(("open the workspace (overview shown)", meter.measure(opened, idle)))
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
        session.do(UpdateItem(STAKEHOLDERS, person, _replace(person, name=person.name + " Jr.")), text)

    def add_dialogue() -> None:
        first = session.workspace.dialogues[0]
        new = _replace(first, id=session.store.new_id(DIALOGUES))
        session.do(AddItem(DIALOGUES, new), text)

    def retitle() -> None:
        deck = session.workspace.deck
        session.do(SetSingleton(DECK, deck, _replace(deck, title=deck.title + " !")), text)

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


def report_freeze(rows: list[tuple[str, tuple[float, float]]]) -> None:
    print(f"\nLongest freeze of the window (400 stakeholders, 10,000 dialogues; budget {FREEZE_BUDGET_MS:.0f} ms)")
    print(f"{'what':<48}{'freeze':>10}{'GUI CPU':>11}  result")
    for what, (longest, cpu) in rows:
        print(f"{what:<48}{longest:>7.0f} ms{cpu:>8.0f} ms  {'pass' if longest <= FREEZE_BUDGET_MS else 'OVER'}")


# -- export --------------------------------------------------------------------------------------

EXPORT_SCRIPT = r"""
import json, sys, time
start = float(sys.argv[4])
from pathlib import Path
from briefing.clock import FixedClock
from briefing.deck.export import export
from briefing.model.interchange import from_json_text
source = Path(sys.argv[1])
workspace = from_json_text(source.read_text(encoding="utf-8"), str(source))
today = FixedClock.on("2026-11-27").today()
export(workspace, Path(sys.argv[2]), today=today, cache_dir=Path(sys.argv[3]))
first = time.time() - start
again = time.perf_counter()
export(workspace, Path(sys.argv[2]), today=today, cache_dir=Path(sys.argv[3]))
print(json.dumps({"export": first * 1000, "re-export": (time.perf_counter() - again) * 1000}))
"""


def bench_export(quick: bool) -> dict[str, dict[str, float]]:
    """The median of whole-process exports (a new process, a cold chart cache) and of a re-export in
    the same process (the cache warm), for the demo and the big workspace, interleaved."""
    from big_workspace import big_workspace

    from briefing.demo import demo_workspace
    from briefing.model.interchange import to_json_text

    temp = Path(tempfile.mkdtemp())
    sources = {"demo": demo_workspace("en"), "big": big_workspace()}
    for name, workspace in sources.items():
        (temp / f"{name}.json").write_text(to_json_text(workspace), encoding="utf-8")
    runs: dict[str, dict[str, list[float]]] = {name: {"export": [], "re-export": []} for name in sources}
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    for run in range(2 if quick else 5):
        for name in sources:
            cache = temp / f"cache-{name}-{run}"
            done = subprocess.run(
                [sys.executable, "-c", EXPORT_SCRIPT, str(temp / f"{name}.json"), str(temp / f"{name}.pptx"),
                 str(cache), repr(time.time())],
                cwd=ROOT, env=env, capture_output=True, text=True, check=True,
            )
            for key, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
                runs[name][key].append(value)
    return {name: {key: statistics.median(values) for key, values in kinds.items()} for name, kinds in runs.items()}


def report_export(figures: dict[str, dict[str, float]]) -> None:
    demo, big = figures["demo"], figures["big"]
    print("\nExport, whole process on a cold chart cache, and a re-export (cache warm); medians")
    print(f"{'what':<34}{'demo':>10}{'big':>10}{'big/demo':>10}  budget")
    export_ratio = big["export"] / demo["export"]
    again_ratio = big["re-export"] / demo["export"]
    print(f"{'export (new process)':<34}{demo['export']:>7.0f} ms{big['export']:>7.0f} ms{export_ratio:>9.2f}×"
          f"  ≤ 1.5× {'pass' if export_ratio <= 1.5 else 'OVER'}")
    print(f"{'re-export (same process)':<34}{demo['re-export']:>7.0f} ms{big['re-export']:>7.0f} ms"
          f"{again_ratio:>9.2f}×  ≤ 0.5× of the demo's export {'pass' if again_ratio <= 0.5 else 'OVER'}")


# -- store ---------------------------------------------------------------------------------------


def bench_store_part(quick: bool) -> None:
    """Save and open at 10,000 dialogues against tinydb's default storage (tests/bench_store.py's table)."""
    import bench_store

    edits = 20 if quick else 50
    with tempfile.TemporaryDirectory() as temp:
        ours = bench_store.bench_ours(Path(temp) / "ws", 10_000, edits)
        tiny = bench_store.bench_tinydb(Path(temp), 10_000, edits)
    bench_store.report(ours, tiny, 10_000, edits)


# -- survey --------------------------------------------------------------------------------------


def big_survey(folder: Path, responses: int) -> Path:
    """The Microsoft Forms sample with its answers repeated to ``responses`` rows."""
    import openpyxl

    sample = openpyxl.load_workbook(ROOT / "tests" / "data" / "surveys" / "msforms-videndeling-da.xlsx")
    sheet = sample.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header, answers = rows[0], [row for row in rows[1:] if any(v is not None for v in row)]
    out = openpyxl.Workbook()
    target = out.active
    target.append(header)
    for n in range(responses):
        row = list(answers[n % len(answers)])
        row[0] = n + 1  # the response's number (Id)
        target.append(row)
    path = folder / "survey.xlsx"
    out.save(path)
    return path


def bench_survey(quick: bool) -> dict[str, float]:
    """Median ms of importing a big survey file, and of openpyxl (read-only) reading its sheet."""
    import openpyxl

    from briefing.evidence.surveys import import_survey

    path = big_survey(Path(tempfile.mkdtemp()), 2_000)

    def read() -> None:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for _row in workbook.worksheets[0].iter_rows(values_only=True):
            pass
        workbook.close()

    times: dict[str, list[float]] = {"import": [], "openpyxl": []}
    for _ in range(2 if quick else 5):
        start = time.perf_counter()
        import_survey(path)
        times["import"].append(ms(start))
        start = time.perf_counter()
        read()
        times["openpyxl"].append(ms(start))
    return {key: statistics.median(values) for key, values in times.items()}


def report_survey(figures: dict[str, float]) -> None:
    ratio = figures["import"] / figures["openpyxl"]
    print("\nSurvey import (2,000 responses, .xlsx) against openpyxl (read-only) reading the same sheet; medians")
    print(f"{'import':<34}{figures['import']:>7.0f} ms")
    print(f"{'openpyxl read':<34}{figures['openpyxl']:>7.0f} ms")
    print(f"{'import / read':<34}{ratio:>9.2f}×  ≤ 1.2× {'pass' if ratio <= 1.2 else 'OVER'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (CI)")
    parser.add_argument("--only", nargs="*", choices=PARTS, default=list(PARTS))
    args = parser.parse_args()
    if "store" in args.only:
        bench_store_part(args.quick)
    if "survey" in args.only:
        report_survey(bench_survey(args.quick))
    if "export" in args.only:
        report_export(bench_export(args.quick))
    if "freeze" in args.only:
        report_freeze(bench_freeze(args.quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
