"""A one-line message across the top of a page: a warning or a plain note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

STYLES = {
    "warning": "background: #FFF4CE; color: #5C4400; border: 1px solid #E0C060; padding: 6px; border-radius: 4px;",
    "ok": "background: #E6F4EA; color: #1E4620; border: 1px solid #9CCC9C; padding: 6px; border-radius: 4px;",
}


class Banner(QLabel):
    """Shows ``text`` in the style of its ``level`` (warning or ok); empty text hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.level = ""
        self.setVisible(False)

    def show_message(self, text: str, level: str = "warning") -> None:
        self.level = level if text else ""
        self.setText(text)
        self.setAccessibleName(text)
        self.setStyleSheet(STYLES.get(level, ""))
        self.setVisible(bool(text))
