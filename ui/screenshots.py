"""Screenshots of every page in both languages, from the demo workspace, drawn offscreen.

    python -m ui.screenshots --out DIR [--dark] [--width 1440 --height 900]

Writes ``<page>-<lang>.png`` for every page, ``main-<lang>.png`` (the Allies page: the first
stakeholder selected, their dialogue log below) for the README, and ``slide-<lang>.png``: the
Briefing page's preview showing the summary slide large. The demo opens from
``~/Briefings/demo-<lang>`` in a temporary home folder, with the demo's own date as today, so the
pictures do not change from day to day, the status bar reads as it would for a user, and the user's
own workspaces and settings are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

MAIN_PAGE = "allies"
DEMO_TODAY = "2026-11-27"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the folder for the PNG files")
    parser.add_argument("--dark", action="store_true", help="draw with the dark palette")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--lang", choices=("da", "en"), action="append", help="only this language (repeatable)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MPLBACKEND", "Agg")
    from ui import app as app_module
    from ui import style

    application = app_module.application()
    style.apply(application, dark=args.dark)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-shots-") as scratch:
        for lang in args.lang or ("en", "da"):
            for path in shoot(lang, Path(scratch), args):
                print(path)
    return 0


def shoot(lang: str, scratch: Path, args: argparse.Namespace) -> list[Path]:
    """Open the demo in ``lang``, show every page, save each as a PNG; the files written."""
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from briefing.clock import FixedClock
    from briefing.demo import demo_workspace
    from briefing.i18n import set_language
    from briefing.store import WorkspaceStore
    from ui.main_window import PAGE_NAMES, MainWindow
    from ui.settings import AppSettings

    set_language(lang)
    clock = FixedClock.on(DEMO_TODAY)
    store = WorkspaceStore.open(scratch / "Briefings" / f"demo-{lang}", clock)
    store.replace(demo_workspace(lang))
    settings = AppSettings(QSettings(str(scratch / f"settings-{lang}.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, clock=clock)
    window.home = scratch
    window.resize(args.width, args.height)
    window.set_store(store)
    window.show()
    written = []
    for name in PAGE_NAMES:
        window.show_page(name)
        page = window.pages[name]
        while name == "overview" and getattr(page, "deck", None) is None:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        QApplication.processEvents()
        _until_charts_drawn(window)
        picture = window.grab()
        for file_name in (f"{name}-{lang}.png", *((f"main-{lang}.png",) if name == MAIN_PAGE else ())):
            path = args.out / file_name
            picture.save(str(path))
            written.append(path)
    written.append(_shoot_slide(window, args.out / f"slide-{lang}.png"))
    window.close()
    return written


def _shoot_slide(window: QWidget, path: Path) -> Path:
    """The Briefing page's large view of the summary slide (the preview's second thumbnail)."""
    from PySide6.QtWidgets import QApplication

    window.show_page("briefing")  # type: ignore[attr-defined]
    preview = window.pages["briefing"].preview  # type: ignore[attr-defined]
    _until_charts_drawn(window)
    preview.open_slide(preview.model.index(1))
    QApplication.processEvents()
    preview.dialog.grab().save(str(path))
    preview.dialog.close()
    return path


if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def _until_charts_drawn(window: QWidget) -> None:
    """Let the event loop run until the page shows everything it makes later: every shown tab built
    (a deferred one builds once painted), and every chart and computed view drawn (on workers)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    for _ in range(1000):
        if _settled(window):
            return
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def _settled(window: QWidget) -> bool:
    from PySide6.QtWidgets import QWidget

    from ui.pages.base import LazyTab
    from ui.workers import Latest

    unbuilt = any(tab.isVisible() and not tab.built for tab in window.findChildren(LazyTab))
    working = any(latest.working for latest in window.findChildren(Latest))
    stale = any(getattr(w, "stale", False) and w.isVisible() for w in window.findChildren(QWidget))
    return not (unbuilt or working or stale)


if __name__ == "__main__":
    sys.exit(main())
