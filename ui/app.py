"""``briefing-composer [--workspace DIR] [--demo] [--lang da|en]``: the desktop app.

Without arguments it opens the last workspace, else the default one in the user data folder.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from briefing.i18n import current_language, set_language, tr
from ui import style, workspaces
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANIZATION, AppSettings


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="briefing-composer", description=tr("shell.cli.description"))
    parser.add_argument("--workspace", type=Path, metavar="DIR", help=tr("shell.cli.workspace"))
    parser.add_argument("--demo", action="store_true", help=tr("shell.cli.demo"))
    parser.add_argument("--lang", choices=("da", "en"), help=tr("shell.cli.lang"))
    return parser.parse_args(argv)


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication (made once), named so that QSettings finds the app's settings."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv or sys.argv[:1]))
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
    window = MainWindow(settings, prompts)
    if args.demo:
        window.open_demo(current_language())
    elif args.workspace is not None:
        window.open_folder(args.workspace)
    else:
        window.open_folder(workspaces.start_folder(settings.last_workspace()))
    return window


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app until its window closes; the exit code."""
    settings_args = parse_args(argv)
    app = application()
    style.follow_system(app)
    settings = AppSettings()
    choose_language(settings_args, settings)
    window = build_window(settings_args, settings)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
