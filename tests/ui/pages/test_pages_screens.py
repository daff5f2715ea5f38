"""Every data page on the demo workspace in both languages: no untranslated text, and a screenshot.

Set ``BRIEFING_PAGE_SHOTS=<folder>`` to keep the PNGs (they go to a temporary folder otherwise).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget

from briefing.clock import FixedClock
from briefing.i18n import set_language
from briefing.store import WorkspaceStore
from ui.pages.allies import AlliesPage
from ui.pages.base import LazyTab
from ui.pages.evidence import EvidencePage
from ui.pages.leadership import LeadershipPage
from ui.pages.problems import ProblemsPage
from ui.pages.roadmap import RoadmapPage

PAGES = [AlliesPage, LeadershipPage, EvidencePage, ProblemsPage, RoadmapPage]


def _texts(page: QWidget) -> list[str]:
    parts = [page, *(tab.content() for tab in page.findChildren(LazyTab))]  # the tabs built when first shown
    texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)]
    texts += [w.accessibleName() for w in page.findChildren(QWidget)]
    for tabs in page.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for model in (getattr(part, name) for part in parts for name in dir(part) if not name.startswith("_")):
        if isinstance(model, QAbstractTableModel):
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    return texts


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_page_is_translated_and_looks_filled(qtbot, lang: str, tmp_path: Path) -> None:
    from tests.conftest import demo_workspace
    from ui.session import Session

    set_language(lang)
    session = Session(WorkspaceStore.in_memory(demo_workspace(lang), FixedClock.on("2026-11-27")))
    folder = Path(os.environ.get("BRIEFING_PAGE_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    for cls in PAGES:
        page = cls(session)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        untranslated = [t for t in _texts(page) if "pages." in t]
        assert not untranslated, f"{cls.__name__}: {untranslated}"
        shot = page.grab()
        assert not shot.isNull() and shot.width() == 1400
        shot.save(str(folder / f"{cls.__name__.removesuffix('Page').lower()}-{lang}.png"))
