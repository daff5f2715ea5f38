"""Fixtures for the end-to-end journeys: the real main window over a workspace folder on disk,
settings in a temporary INI file, prompts that answer as the journey says (or show the real
dialog and answer it the moment it shows), and helpers that compare the store on disk with the
workspace in memory. No sleeps: every wait is on a signal or a condition."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from journey_helpers import JourneyPrompts
from PySide6.QtCore import QSettings

from briefing.clock import FixedClock


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_file: Path) -> Any:
    from ui.settings import AppSettings

    return AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot: Any, settings: Any, clock: FixedClock) -> Iterator[Callable[..., Any]]:
    """``make_window()``: a shown main window with journey prompts (``window.prompts``), no workspace yet;
    every window made is closed (releasing its lock) after the test."""
    from ui.main_window import MainWindow

    made: list[Any] = []

    def make(use_clock: bool = True) -> Any:
        holder: list[Any] = []
        prompts = JourneyPrompts(lambda: holder[0] if holder else None)
        window = MainWindow(settings, prompts, clock if use_clock else None)
        holder.append(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()


