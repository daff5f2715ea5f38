"""What the app's tests share: a user data folder of their own and answering dialogs as they show.
Any Qt warning fails the test that caused it (pyproject.toml: ``qt_log_level_fail``)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from dialog_answers import DialogAnswerer, answer_dialogs  # noqa: F401  (shared fixture)


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder (default and demo workspaces) inside the test's own folder."""
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def qt_texts_in_english() -> Iterator[None]:
    """A test that switches the app to Danish leaves Qt's own texts Danish; the next test starts in English."""
    yield
    from ui import qt_texts

    qt_texts.use("en")



@pytest.fixture(autouse=True)
def widgets_deleted_between_tests() -> Iterator[None]:
    """The windows a test closed are deleted when it ends, not in the next test's first event loop
    (where a failure would be blamed on the wrong test)."""
    collecting = gc.isenabled()
    gc.disable()  # never in the middle of a test's events, where a cleared model could still be asked its rows
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():  # what the test left open is hidden before it is collected
        widget.hide()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.unfreeze()  # what the app kept out of the collector's sight (``keep_long_lived``) is the test's garbage too
    gc.collect()  # the test's garbage, at a moment no view is drawing
    if collecting:
        gc.enable()
