"""Helpers shared by the page tests."""

from __future__ import annotations

from typing import Any

from backdrops import settle


def open_page(qtbot: Any, cls: type, session: Any) -> Any:
    """A page of ``cls`` over ``session``, big enough for its forms, closed with the test."""
    page = cls(session)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    return page


def shown_page(qtbot: Any, cls: type, session: Any) -> Any:
    """A page of ``cls`` over ``session``, shown, once what it computes on workers is on it."""
    page = open_page(qtbot, cls, session)
    page.show()
    settle(qtbot, page)
    return page

