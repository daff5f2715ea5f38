"""Waiting in UI tests for what a page computes on a worker (its ``Backdrop`` parts)."""

from __future__ import annotations

from typing import Any


def settle(qtbot: Any, page: Any) -> None:
    """Wait until every part ``page`` computes on a worker shows its newest result."""
    from ui.pages.base import Backdrop

    qtbot.waitUntil(lambda: not any(part.working for part in page.findChildren(Backdrop)), timeout=10_000)
