"""The archived decks of a workspace: each is real only together with the store's record of it.

``present`` copies the deck into ``decks/`` (crash-safely) and then records it in the store;
a crash or a failed save in between leaves a copy that no presentation names. Such orphans —
and copies cut short — are removed when the workspace is next opened for writing. A recorded
``deck_file`` must name a file inside the workspace (an imported file cannot point elsewhere).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from briefing.errors import ValidationError
from briefing.files import remove_leftovers
from briefing.model import Workspace
from briefing.store.layout import decks_folder

ARCHIVED = re.compile(r"^\d{4}-\d{2}-\d{2}-attempt-\d+(-\d+)?\.[A-Za-z0-9]{1,8}$")
"""The names ``present`` gives archived decks (``2026-11-27-attempt-3.pptx``); no other file is touched."""


def remove_orphans(folder: Path, workspace: Workspace) -> list[Path]:
    """Delete copies cut short and archived decks that no presentation records; those deleted."""
    decks = decks_folder(folder)
    if not decks.is_dir():
        return []
    removed = remove_leftovers(decks)
    recorded = {(folder / p.deck_file).resolve() for p in workspace.presentations if p.deck_file}
    for path in decks.iterdir():
        if ARCHIVED.match(path.name) and path.is_file() and path.resolve() not in recorded:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def inside(deck_file: str) -> bool:
    """True when ``deck_file`` is empty or a relative path that stays inside the workspace folder."""
    if not deck_file:
        return True
    for pure in (PurePosixPath(deck_file), PureWindowsPath(deck_file)):
        if pure.is_absolute() or pure.drive or pure.root or ".." in pure.parts:
            return False
    return True


def check_inside(presentation: Any, path: str) -> None:
    """ValidationError naming ``path``.deck_file when the presentation's deck lies outside the workspace."""
    if not inside(presentation.deck_file):
        raise ValidationError(f"{path}.deck_file", "error.deck_outside", value=presentation.deck_file)
