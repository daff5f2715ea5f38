"""A workspace is a folder: the store, archived decks and backups."""

from __future__ import annotations

from pathlib import Path

STORE_NAME = "store.json"
JOURNAL_NAME = "store.journal"
DECKS_FOLDER = "decks"


def store_path(folder: Path) -> Path:
    return folder / STORE_NAME


def decks_folder(folder: Path) -> Path:
    return folder / DECKS_FOLDER


APP_FOLDER = "Briefing Composer"
"""The app's folder in the platform's user data folder (``~/.local/share`` on Linux)."""
WORKSPACE_FOLDER = "workspace"


def default_folder() -> Path:
    """The workspace used when none is named: in the platform's user data folder."""
    from platformdirs import user_data_path

    return user_data_path(APP_FOLDER, appauthor=False) / WORKSPACE_FOLDER
