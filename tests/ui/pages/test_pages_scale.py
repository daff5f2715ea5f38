"""A big campaign (400 stakeholders): charts are made on a worker and say so meanwhile, the map
lists whom it leaves unnamed, and a hidden Briefing page does not plan the deck after an edit."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from big_workspace import big_workspace

from briefing.clock import FixedClock
from briefing.edits import UpdateItem
from briefing.i18n import Message, set_language
from briefing.model.collections import STAKEHOLDERS
from briefing.store import WorkspaceStore


@pytest.fixture
def big_session(qtbot: Any) -> Any:
    from ui.session import Session

    session = Session(WorkspaceStore.in_memory(big_workspace(400, 2_000), FixedClock.on("2026-11-27")))
    yield session
    session.undo_stack.clear()


def _allies(qtbot: Any, session: Any) -> Any:
    from ui.pages.allies import AlliesPage

    page = AlliesPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_map_says_it_is_being_updated_until_drawn_then_lists_whom_it_leaves_unnamed(
    qtbot: Any, big_session: Any, lang: str
) -> None:
    set_language(lang)
    try:
        page = _allies(qtbot, big_session)
        with qtbot.waitSignal(page.map.drawn, timeout=20_000) as drawn:
            page.tabs.setCurrentWidget(page.map_tab)
            assert page.map.updating  # made on the worker: the window goes on meanwhile
            assert page.map._empty.text() == {"en": "Updating the chart…", "da": "Opdaterer diagrammet…"}[lang]
        spec = drawn.args[0]
        named = {label for series in spec.series for label in series.point_labels or [] if label}
        listed = [page.unnamed.item(row).text() for row in range(page.unnamed.count())]
        assert 0 < len(named) <= 20 and len(listed) == 400 - len(named)
        assert not named & set(listed) or len(named | set(listed)) < 400  # (names may repeat in a big firm)
        assert page.unnamed_side.isVisible() and str(len(listed)) in page.unnamed_label.text()
        map_width, list_width = page.map_tab.sizes()
        assert list_width > 150 and map_width >= 3.5 * list_width  # the list is there to read; the map keeps most
        assert page.map.image is not None
    finally:
        set_language("en")


def test_an_edit_redraws_the_map_and_the_newest_picture_wins(qtbot: Any, big_session: Any) -> None:
    page = _allies(qtbot, big_session)
    with qtbot.waitSignal(page.map.drawn, timeout=20_000):
        page.tabs.setCurrentWidget(page.map_tab)
    top = max(big_session.workspace.stakeholders, key=lambda p: (p.influence, p.interest))
    renamed = dataclasses.replace(top, name="Zelda Newname")
    with qtbot.waitSignal(page.map.drawn, timeout=20_000) as drawn:
        big_session.do(UpdateItem(STAKEHOLDERS, top, renamed), Message("pages.undo.change", {"noun": "x"}))
        big_session.do(UpdateItem(STAKEHOLDERS, renamed, dataclasses.replace(renamed, name="Zelda Final")),
                       Message("pages.undo.change", {"noun": "x"}))
    labels = {label for series in drawn.args[0].series for label in series.point_labels or []}
    listed = {page.unnamed.item(row).text() for row in range(page.unnamed.count())}
    assert "Zelda Newname" not in labels | listed  # the overtaken request's picture never shows
    assert "Zelda Final" in labels | listed


def test_a_hidden_briefing_page_plans_the_deck_only_when_shown(qtbot: Any, big_session: Any) -> None:
    from ui.pages.briefing import BriefingPage

    page = BriefingPage(big_session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.checking, timeout=20_000)
    page.hide()
    planned: list[int] = []
    page.checker.busy.connect(lambda busy: planned.append(busy))
    person = big_session.workspace.stakeholders[3]
    big_session.do(UpdateItem(STAKEHOLDERS, person, dataclasses.replace(person, name="Someone New")),
                   Message("pages.undo.change", {"noun": "x"}))
    assert planned == [] and page.check_due  # nothing planned for a page out of sight
    with qtbot.waitSignal(page.checked, timeout=20_000):
        page.show()
        page.on_shown()
    assert page.plan is not None and not page.check_due
