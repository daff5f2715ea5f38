"""``briefing-composer [--workspace DIR] [--demo] [--lang da|en]``: the desktop app.

Without arguments it opens the last workspace, else the default one in the user data folder.
Qt and the window's modules are imported inside ``start``, so that the whole start-up runs with
the garbage collector paused.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.i18n import current_language, language_from_environment, set_language, tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.settings import AppSettings


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="briefing-composer", description=tr("shell.cli.description"))
    parser.add_argument("--workspace", type=Path, metavar="DIR", help=tr("shell.cli.workspace"))
    parser.add_argument("--demo", action="store_true", help=tr("shell.cli.demo"))
    parser.add_argument("--lang", choices=("da", "en"), help=tr("shell.cli.lang"))
    parser.add_argument("--smoke", action="store_true", help=tr("shell.cli.smoke"))
    return parser.parse_args(argv)


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication (made once), named so that QSettings finds the app's settings."""
    from PySide6.QtWidgets import QApplication

    from ui.settings import APPLICATION, ORGANIZATION
    from ui.style import FUSION_ARGS

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([*(argv or sys.argv[:1]), *FUSION_ARGS])
    elif app.style().name() != "fusion":
        app.setStyle("Fusion")
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(tr("shell.app_name"))
    return app


def choose_language(args: argparse.Namespace, settings: AppSettings) -> str:
    """--lang, else the remembered language, else English."""
    lang = args.lang or settings.language() or "en"
    set_language(lang)
    if args.lang:
        settings.set_language(lang)
    return lang


def build_window(args: argparse.Namespace, settings: AppSettings, prompts: object = None) -> MainWindow:
    """The main window with the workspace the arguments (or the settings) name, opened."""
    from ui.main_window import MainWindow

    window = MainWindow(settings, prompts)
    open_chosen(window, args, settings)
    return window


def open_chosen(window: MainWindow, args: argparse.Namespace, settings: AppSettings, later: bool = False) -> None:
    """Open the workspace the arguments (or the settings) name: at once, or (``later``) loaded on a
    worker while the window, shown already, says it is opening it."""
    from ui import workspaces

    if args.demo:
        window.open_demo(current_language(), later)
    elif args.workspace is not None:
        window.open_folder(args.workspace, later)
    else:
        window.open_folder(workspaces.start_folder(settings.last_workspace()), later)


def start(argv: Sequence[str] | None = None, settings_file: Path | None = None) -> MainWindow:
    """From a cold process to the shown main window; ``settings_file`` (INI) instead of the user's settings.

    The window is shown first and says it is opening the workspace, which is loaded on a worker
    (``MainWindow.begin_open``; ``opening_ended`` once it is shown, or the user was told why not).
    The garbage collector pauses meanwhile: start-up makes tens of thousands of objects and frees
    almost none, so collections would only cost time (about 7 ms of ~160 here).
    """
    gc.disable()
    try:
        from PySide6.QtCore import QSettings

        from ui import style
        from ui.settings import AppSettings
        from ui.workers import answer_promptly

        args = parse_args(argv)
        answer_promptly()
        app = application()
        style.follow_system(app)
        store = QSettings(str(settings_file), QSettings.Format.IniFormat) if settings_file else None
        settings = AppSettings(store)
        choose_language(args, settings)
        from ui.main_window import MainWindow

        window = MainWindow(settings)
        window.show()
    finally:
        gc.enable()
    open_chosen(window, args, settings, later=True)  # (after: a worker's job keeps the collector paused itself)
    preload_charts_soon(window)
    return window


PRELOAD_AFTER_MS = 300
"""When matplotlib starts loading in the background: after the window's first paint, not during it."""


def preload_charts_soon(window: MainWindow) -> None:
    """Import the pages, then matplotlib, on a background thread shortly after the window is up, so
    that neither a page's first visit nor the first chart waits for them (about 0.4 and 0.75 s), and
    start-up does not either."""
    from PySide6.QtCore import QTimer

    def preload() -> None:
        from ui import charts

        charts.preload(page_modules())

    QTimer.singleShot(PRELOAD_AFTER_MS, window, preload)


def page_modules() -> tuple[str, ...]:
    """The pages' modules (each page lives in ``ui.pages.<its name>``)."""
    from ui.pages.factories import PAGE_NAMES

    return tuple(f"ui.pages.{name}" for name in PAGE_NAMES)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app until its window closes; the exit code (2 when there is no screen to show it on).

    With ``--smoke`` the window is shown, its title printed once the workspace is open, and the app
    quits: a check that an installation starts.
    """
    if not has_screen(os.environ, sys.platform):
        set_language(language_from_environment(os.environ))
        print(tr("shell.error.no_display"), file=sys.stderr)
        return 2
    smoke = parse_args(argv).smoke
    window = start(argv)
    app = application()
    if smoke:
        report_and_quit(window, app)
    return app.exec()


def report_and_quit(window: MainWindow, app: QApplication) -> None:
    """``--smoke``: once the workspace is open (or the user was told why not), print the window's title
    and quit (with 1 when no workspace opened)."""
    from PySide6.QtCore import QTimer

    def report() -> None:
        print(window.windowTitle(), flush=True)
        app.exit(0 if window.session is not None else 1)

    if window.opening is None:
        QTimer.singleShot(0, report)
    else:
        window.opening_ended.connect(report)


def has_screen(environ: Mapping[str, str], platform: str) -> bool:
    """False on Linux without a display server (Qt would abort); a platform chosen in QT_QPA_PLATFORM counts."""
    if not platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))



if __name__ == "__main__":
    sys.exit(main())
