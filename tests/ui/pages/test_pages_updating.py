"""What a page computes on a worker (survey analysis, the history): it says it is being updated and
then shows the result, the newest edit's result wins, and a page out of sight computes nothing."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from page_helpers import open_page, shown_page

from briefing.edits import UpdateItem
from briefing.i18n import Message, set_language
from briefing.model.collections import PRESENTATIONS, STAKEHOLDERS
from ui.pages.evidence import EvidencePage
from ui.pages.history import HistoryPage
from ui.pages.leadership import LeadershipPage

EDIT = Message("pages.undo.change", {"noun": "x"})


def _retitle_latest(session: Any, audience: str) -> None:
    latest = max(session.workspace.presentations, key=lambda p: p.date)
    session.do(UpdateItem(PRESENTATIONS, latest, dataclasses.replace(latest, audience=audience)), EDIT)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_analysis_says_it_is_being_updated_then_shows_the_survey(qtbot: Any, session: Any, lang: str) -> None:
    set_language(lang)
    try:
        page = open_page(qtbot, EvidencePage, session)
        survey = page.survey()
        with qtbot.waitSignal(page.analysing.shown, timeout=10_000):
            page.show()  # analysed on a worker once shown: the window goes on meanwhile
            assert page.analysing.working
            assert page.analysis.placeholderText() == {"en": "Updating…", "da": "Opdaterer…"}[lang]
            assert page.analysis.toPlainText() == "" and not page.accept_button.isEnabled()
        assert survey.questions[0].text in page.analysis.toPlainText()
        assert page.analysis.placeholderText() == "" and not page.analysing.working
    finally:
        set_language("en")


def test_an_edit_while_the_history_is_being_made_ends_with_the_newest_history(qtbot: Any, session: Any) -> None:
    page = shown_page(qtbot, HistoryPage, session)
    shown: list[str] = []
    page.computing.shown.connect(lambda: shown.append(page.history.attempts[-1].presentation.audience))
    _retitle_latest(session, "First board")
    _retitle_latest(session, "Second board")  # while the first edit's history is being made
    assert page.computing.working and page.summary.text() == "Updating…"
    qtbot.waitUntil(lambda: not page.computing.working, timeout=10_000)
    assert shown == ["Second board"]  # the overtaken history never showed
    assert "Second board" in page.details.toPlainText() and "Updating" not in page.summary.text()


def test_a_hidden_history_page_makes_nothing_until_shown(qtbot: Any, session: Any) -> None:
    page = shown_page(qtbot, HistoryPage, session)
    page.hide()
    _retitle_latest(session, "Nobody looking")
    assert page.stale and not page.computing.working and "Updating" not in page.summary.text()
    with qtbot.waitSignal(page.computing.shown, timeout=10_000):
        page.show()
        assert page.computing.working and not page.stale  # made now, on the worker
    assert "Nobody looking" in page.details.toPlainText()


def test_a_hidden_leadership_page_follows_an_edit_only_when_shown(qtbot: Any, session: Any) -> None:
    page = open_page(qtbot, LeadershipPage, session)
    refreshed: list[bool] = []
    page.refreshing.work = lambda: refreshed.append(True)
    person = next(p for p in session.workspace.stakeholders if p.decision_maker)
    session.do(UpdateItem(STAKEHOLDERS, person, dataclasses.replace(person, cadence_days=7)), EDIT)
    assert refreshed == [] and page.stale
    page.show()
    assert refreshed == [True] and not page.stale
