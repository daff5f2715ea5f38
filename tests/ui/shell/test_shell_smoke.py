"""``briefing-composer --smoke``: the check an installation runs (CI runs it from the wheel and
from the packaged app) shows the window on the demo, prints its title and quits with 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_smoke_shows_the_demo_window_prints_its_title_and_quits(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, "-m", "ui.app", "--demo", "--smoke", "--lang", "da"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Viden der virker — Nordvik Rådgivende Ingeniører — Briefing Composer"
