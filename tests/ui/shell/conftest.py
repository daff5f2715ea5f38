"""Fixtures for the shell: settings in a temporary INI file, a user data folder of its own, a
workspace on disk with the demo campaign, prompts that answer as the test says, and a way to
answer a real dialog from the moment it shows (no sleeps)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from briefing.clock import FixedClock
from briefing.model import Workspace
from briefing.store import WorkspaceStore


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    from ui.settings import AppSettings

    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


class FakePrompts:
    """Answers the main window's questions as told and keeps what was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, Any]] = []
        self.restore = True
        self.retry = True
        self.folder: Path | None = None
        self.files: list[Path] = []
        self.deck_target: Path | None = None
        self.calendar_target: Path | None = None
        self.kind: str | None = "survey"
        self.presentation: Callable[[Any, Path, dt.date], Any] | None = None
        self.discard = False

    def _ask(self, name: str, value: Any = None) -> None:
        self.asked.append((name, value))

    def names(self) -> list[str]:
        return [name for name, _ in self.asked]

    def locked(self, error: Any) -> None:
        self._ask("locked", error)

    def damaged(self, error: Any, can_restore: bool) -> bool:
        self._ask("damaged", (error, can_restore))
        return can_restore and self.restore

    def failed(self, error: Any) -> None:
        self._ask("failed", error)

    def save_failed(self, error: Any) -> bool:
        self._ask("save_failed", error)
        answer, self.retry = self.retry, False
        return answer

    def discard_unsaved(self, text: str) -> bool:
        self._ask("discard_unsaved", text)
        return self.discard

    def choose_folder(self, title_key: str) -> Path | None:
        self._ask("choose_folder", title_key)
        return self.folder

    def choose_import_files(self, kind: str) -> list[Path]:
        self._ask("choose_import_files", kind)
        return self.files

    def choose_deck_target(self, suggested: Path) -> Path | None:
        self._ask("choose_deck_target", suggested)
        return self.deck_target

    def choose_calendar_target(self, suggested: Path) -> Path | None:
        self._ask("choose_calendar_target", suggested)
        return self.calendar_target

    def choose_template(self) -> Path | None:
        self._ask("choose_template")
        return None

    def import_kind(self) -> str | None:
        self._ask("import_kind")
        return self.kind

    def record_presentation(self, workspace: Workspace, deck_file: Path, today: dt.date, submit: Any) -> bool:
        self._ask("record_presentation", deck_file)
        if self.presentation is None:
            return False
        submit(self.presentation(workspace, deck_file, today))
        return True

    def about(self) -> None:
        self._ask("about")


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def demo_folder(tmp_path: Path, demo: Workspace, clock: FixedClock) -> Path:
    """A workspace folder holding the demo campaign (closed again, so the app can open it)."""
    folder = tmp_path / "nordvik"
    with WorkspaceStore.open(folder, clock) as store:
        store.replace(demo)
    return folder


@pytest.fixture
def window(qtbot: Any, settings: Any, prompts: FakePrompts, clock: FixedClock) -> Iterator[Any]:
    """The main window, shown, with no workspace yet; closed (releasing the lock) after the test."""
    from ui.main_window import MainWindow

    main = MainWindow(settings, prompts, clock)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    prompts.discard = True  # a test may leave an edit that cannot be saved: the window closes all the same
    main.close()


@pytest.fixture
def opened(window: Any, demo_folder: Path, qtbot: Any) -> Any:
    """The main window with the demo campaign open from disk, its Overview computed."""
    assert window.open_folder(demo_folder)
    overview = window.pages["overview"]
    qtbot.waitUntil(lambda: not overview.computing.outdated, timeout=10_000)
    return window




@pytest.fixture
def briefing_page(opened: Any, qtbot: Any) -> Any:
    """The Briefing page of the opened demo, shown, once its first check is done."""
    opened.show_page("briefing")
    page = opened.pages["briefing"]
    qtbot.waitUntil(lambda: not page.checking)
    return page
