"""Start-up: the window appears without matplotlib or python-pptx, which load only when needed
(the deck's readiness step on a worker thread after the window is shown)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import json, sys
from pathlib import Path
from typing import Any
from PySide6.QtCore import QSettings
from ui.app import application, build_window, choose_language, parse_args
from ui.settings import AppSettings

app = application()
settings = AppSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
args = parse_args(["--demo"])
choose_language(args, settings)
window = build_window(args, settings)
window.show()
report = {"title": window.windowTitle(), "shown": window.isVisible(),
          "at_start": sorted(m for m in ("matplotlib", "pptx") if m in sys.modules)}
overview = window.pages["overview"]
overview.deck_checked.connect(app.quit)
app.exec()
report["deck_step"] = overview.deck.status
report["after_check"] = sorted(m for m in ("matplotlib", "pptx") if m in sys.modules)
window.close()
print(json.dumps(report))
"""


def run_app(script: str, tmp_path: Path) -> dict[str, Any]:
    """What ``script`` reports (its last line, JSON) after running the app in a fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "settings.ini")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
    )
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def test_the_window_shows_without_matplotlib_or_python_pptx(tmp_path: Path) -> None:
    report = run_app(SCRIPT, tmp_path)
    assert report["shown"] and "Briefing Composer" in report["title"]
    assert report["at_start"] == []
    assert report["deck_step"] in ("done", "attention")
    assert report["after_check"] == ["pptx"]


def test_without_a_screen_the_app_says_so_instead_of_aborting() -> None:
    from ui.app import has_screen

    assert not has_screen({}, "linux")
    assert has_screen({"DISPLAY": ":0"}, "linux") and has_screen({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_screen({}, "win32")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["BRIEFING_LANG"] = "da"
    app = Path(sys.executable).with_name("briefing-composer")
    result = subprocess.run([str(app), "--demo"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "ingen skærm" in result.stderr and "xvfb-run" in result.stderr


PRELOAD_SCRIPT = r"""
import json, sys, threading
from pathlib import Path
from typing import Any
from PySide6.QtCore import QTimer
from ui.app import application, start

window = start(["--demo"], Path(sys.argv[1]))
app = application()
report = {"at_start": "matplotlib" in sys.modules, "switch": sys.getswitchinterval()}
ticks = []

def tick():
    ticks.append(1)
    if "matplotlib.figure" in sys.modules and not any(t.name == "preload-matplotlib" for t in threading.enumerate()):
        app.quit()

timer = QTimer()
timer.timeout.connect(tick)
timer.start(10)
QTimer.singleShot(20000, app.quit)
app.exec()
report["loaded"] = all(m in sys.modules for m in ("matplotlib.figure", "briefing.charts.image", "ui.pages.allies"))
report["ticks"] = len(ticks)
window.close()
print(json.dumps(report))
"""


def test_matplotlib_and_the_pages_load_in_the_background_once_the_window_is_up(tmp_path: Path) -> None:
    report = run_app(PRELOAD_SCRIPT, tmp_path)
    assert report["at_start"] is False  # not while the window comes up
    assert report["loaded"]  # without any chart being shown
    assert report["ticks"] > 10  # the window's event loop kept turning meanwhile
    assert report["switch"] <= 0.001  # a worker gives the window's thread the interpreter back at once


def test_the_window_is_shown_at_once_and_says_it_is_opening_the_demo_until_it_is_loaded(
        qtbot: Any, tmp_path: Path) -> None:
    from ui.app import start

    window = start(["--demo", "--lang", "en"], settings_file=tmp_path / "settings.ini")
    qtbot.addWidget(window)
    assert window.isVisible() and window.session is None  # loaded on a worker, the window answering meanwhile
    assert window.welcome_text.text() == window.status.text() == "Opening the demo campaign…"
    assert not window.welcome_new.isVisible()
    actions = (window.menus.new_action, window.menus.open_action, window.menus.demo_action)
    assert not any(action.isEnabled() for action in actions)  # one workspace opens at a time
    window.set_language("da")  # the wait is said in the language chosen meanwhile
    assert window.welcome_text.text() == "Åbner demokampagnen …"
    window.set_language("en")
    with qtbot.waitSignal(window.opening_ended, timeout=10_000):
        pass
    assert window.session is not None and window.session.workspace.stakeholders
    assert all(action.isEnabled() for action in actions)
    assert window.windowTitle() == "Knowledge that works — Nordvik Engineering — Briefing Composer"
    assert window.current_page_name() == "overview"
    window.close()
