"""Benchmark: start to a shown main window on the demo workspace, against a bare PySide6 window.

    .venv/bin/python tests/ui/bench_start.py [--runs 7]

Both are measured the same way, side by side in one run, alternating: the wall time from
starting a new Python process to the moment its window is shown (the process prints "shown").
The app shows its window first and loads the workspace on a worker meanwhile; the time until the
workspace is shown in it (the process prints a second line) is reported beside, for the record.
The budget (../shared/QUALITY.md): the app ≤ 2 × the bare window. Both run with their bytecode
compiled (into a temporary PYTHONPYCACHEPREFIX by the warm-up runs), as after an install. The app's process also reports
whether matplotlib or python-pptx were imported by then (they must not be).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUDGET = 2.0

BARE = r"""
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.setWindowTitle("bare")
window.show()
app.processEvents()
print(json.dumps({"shown": window.isVisible()}), flush=True)
"""

APP = r"""
import sys
from pathlib import Path
from ui.app import start
window = start(["--demo"], Path(sys.argv[1]))  # exactly what `briefing-composer --demo` runs before app.exec()
from PySide6.QtWidgets import QApplication
QApplication.processEvents()
heavy = sorted(m for m in ("matplotlib", "pptx") if m in sys.modules)
print(json.dumps({"shown": window.isVisible(), "heavy": heavy, "title": window.windowTitle()}), flush=True)
if window.session is None:
    window.opening_ended.connect(QApplication.quit)
    QApplication.exec()
print(json.dumps({"workspace": window.session is not None}), flush=True)
window.close()
"""


def run(script: str, env: dict[str, str], settings: Path) -> tuple[float, dict[str, object]]:
    """Seconds from spawning the process to its "shown" line, and what it reported (with the seconds
    to a second line, if it prints one, as "then")."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", "import json\n" + script, str(settings)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    report = json.loads(line)
    if process.stdout.readline():
        report["then"] = time.perf_counter() - start
    process.wait()
    return elapsed, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "XDG_DATA_HOME": str(Path(scratch) / "data"), "PYTHONPYCACHEPREFIX": str(Path(scratch) / "pyc")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode; so do both here
        settings = Path(scratch) / "settings.ini"
        run(APP, env, settings)  # creates the demo workspace once, as a user's first start does
        run(BARE, env, settings)
        bare, app, reports = [], [], []
        for _ in range(args.runs):
            bare.append(run(BARE, env, settings)[0])
            seconds, report = run(APP, env, settings)
            app.append(seconds)
            reports.append(report)
    bare_ms, app_ms = statistics.median(bare) * 1000, statistics.median(app) * 1000
    ratio = app_ms / bare_ms
    heavy = sorted({name for report in reports for name in report["heavy"]})  # type: ignore[attr-defined]
    opened = [float(report["then"]) for report in reports]  # type: ignore[arg-type]
    print(f"bare PySide6 window : median {bare_ms:6.0f} ms  (runs: {', '.join(f'{s * 1000:.0f}' for s in bare)})")
    print(f"Briefing Composer   : median {app_ms:6.0f} ms  (runs: {', '.join(f'{s * 1000:.0f}' for s in app)})")
    print(f"ratio               : {ratio:.2f} x  (budget {BUDGET:.1f} x) -> {'OK' if ratio <= BUDGET else 'OVER'}")
    print(f"workspace shown     : median {statistics.median(opened) * 1000:6.0f} ms  "
          f"(runs: {', '.join(f'{s * 1000:.0f}' for s in opened)}; loaded on a worker after the window is up)")
    print(f"imported at start   : {', '.join(heavy) or 'neither matplotlib nor python-pptx'}")
    return 0 if ratio <= BUDGET and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
