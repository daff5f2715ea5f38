"""What the app remembers between runs (QSettings): window geometry and state, the last and
the recent workspaces, the last file of each kind of export, the language, and how a deck is exported
(without speaker notes, with the attempt's number).

Tests give their own QSettings (an INI file in a temporary folder), so they never touch the
user's settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Briefing Composer"
APPLICATION = "Briefing Composer"
MAX_RECENT = 8


class AppSettings:
    """A typed view over one QSettings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    # -- window ------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # -- workspaces --------------------------------------------------------------------

    def last_workspace(self) -> Path | None:
        value = self.store.value("workspace/last", "")
        return Path(str(value)) if value else None

    def recent_workspaces(self) -> list[Path]:
        """The recent workspaces, the most recent first."""
        value: Any = self.store.value("workspace/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [Path(str(item)) for item in value or []]

    def remember_workspace(self, folder: Path) -> None:
        """``folder`` becomes the last workspace and moves to the top of the recent ones."""
        folder = folder.resolve()
        recent = [folder, *(path for path in self.recent_workspaces() if path != folder)]
        self.store.setValue("workspace/last", str(folder))
        self.store.setValue("workspace/recent", [str(path) for path in recent[:MAX_RECENT]])

    def forget_workspace(self, folder: Path) -> None:
        """Drop ``folder`` from the recent list (it could not be opened)."""
        recent = [path for path in self.recent_workspaces() if path != folder.resolve()]
        self.store.setValue("workspace/recent", [str(path) for path in recent])

    # -- exports -----------------------------------------------------------------------

    def last_export(self, kind: str) -> Path | None:
        """The file last exported of ``kind`` (``preread``, ``calendar``): offered again next time."""
        value = self.store.value(f"export/{kind}", "")
        return Path(str(value)) if value else None

    def remember_export(self, kind: str, path: Path) -> None:
        self.store.setValue(f"export/{kind}", str(path))

    # -- language ----------------------------------------------------------------------

    def language(self) -> str | None:
        value = self.store.value("language", "")
        return str(value) if value in ("da", "en") else None

    def set_language(self, lang: str) -> None:
        self.store.setValue("language", lang)

    # -- the deck's export ------------------------------------------------------------

    def deck_without_notes(self) -> bool:
        """True when the user last chose to export the deck without speaker notes."""
        return self._flag("deck/without_notes")

    def set_deck_without_notes(self, chosen: bool) -> None:
        self._set_flag("deck/without_notes", chosen)

    def show_attempt(self) -> bool:
        """Whether the attempt's number goes on the title slide (off unless the user asked)."""
        return self._flag("deck/show_attempt")

    def set_show_attempt(self, show: bool) -> None:
        self._set_flag("deck/show_attempt", show)

    def _flag(self, key: str) -> bool:
        """A choice stored as "true"/"false" (an INI file keeps no types); off when never made."""
        return str(self.store.value(key, "false")).lower() == "true"

    def _set_flag(self, key: str, on: bool) -> None:
        self.store.setValue(key, "true" if on else "false")

    def sync(self) -> None:
        self.store.sync()
