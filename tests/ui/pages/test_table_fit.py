"""A table's columns fitted to their contents still fill the table: no empty band beside the last one."""

from __future__ import annotations

from typing import Any

from page_helpers import shown_page

from ui.pages.leadership import LeadershipPage


def test_the_leadership_tables_fill_their_width_once_their_columns_are_fitted(qtbot: Any, session: Any) -> None:
    page = shown_page(qtbot, LeadershipPage, session)
    view = page.leaders_view
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) != header.defaultSectionSize())  # fitted to the names
    columns = view.model().columnCount()
    assert sum(header.sectionSize(c) for c in range(columns)) == view.viewport().width()
