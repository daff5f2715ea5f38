"""The problems page (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.pages.base import Page
from ui.session import Session


class ProblemsPage(Page):
    """A step of the method as a page."""

    title_key = "pages.problems.title"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
