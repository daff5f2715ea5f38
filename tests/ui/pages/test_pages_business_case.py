"""The Briefing page's business case: the figures the deck tells, updated after an edit elsewhere, in both
languages, and which KPI the deck leads with."""

from __future__ import annotations

import dataclasses

import pytest
from page_helpers import open_page

from briefing.edits import SetSingleton
from briefing.i18n import Message, set_language
from briefing.model.collections import DECK
from ui.pages.briefing import BriefingPage
from ui.pages.evidence import EvidencePage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _figures(page: BriefingPage) -> dict[str, str]:
    return {row: label.text() for row, label in page.business_case.values.items()}


def test_the_briefing_page_shows_the_cost_the_yearly_benefit_apart_and_the_payback(qtbot, session) -> None:
    page = open_page(qtbot, BriefingPage, session)
    shown = _figures(page)
    assert shown["phase"] == "Phase 2: Legal and Sales — DKK 1,200,000"
    assert shown["yearly"] == "DKK 2,088,000: DKK 828,000 measured, DKK 1,260,000 estimated"
    assert shown["payback"] == "7 months (18 months on the measured benefit alone)"
    assert shown["headline"] == "Average time to find a signed contract: from 45 to 8 min, 82 % better (your choice)"
    set_language("da")
    try:
        page.retranslate()
        assert _figures(page)["yearly"] == "2.088.000 kr.: 828.000 kr. målt, 1.260.000 kr. anslået"
        assert _figures(page)["payback"] == "7 måneder (18 måneder med den målte gevinst alene)"
    finally:
        set_language("en")


def test_an_edit_to_a_benefit_on_the_evidence_page_updates_the_figures_and_undo_restores_them(qtbot, session
                                                                                          ) -> None:
    page = open_page(qtbot, BriefingPage, session)
    evidence = open_page(qtbot, EvidencePage, session)
    form = evidence.benefits.section.form
    evidence.benefits.section.panel.select("b3")
    form.editors["amount_per_year"].setText("2,082,000")  # the estimated saving at scale, doubled and more
    with qtbot.waitSignal(page.business_case.shown):
        assert form.save()
    assert _figures(page)["yearly"] == "DKK 3,288,000: DKK 828,000 measured, DKK 2,460,000 estimated"
    assert _figures(page)["payback"] == "5 months (18 months on the measured benefit alone)"
    with qtbot.waitSignal(page.business_case.shown):
        session.undo_stack.undo()
    assert _figures(page)["payback"] == "7 months (18 months on the measured benefit alone)"


def test_without_a_cost_or_a_chosen_kpi_the_page_says_what_is_missing_and_what_leads(qtbot, session) -> None:
    page = open_page(qtbot, BriefingPage, session)
    old = session.workspace.deck
    with qtbot.waitSignal(page.business_case.shown):
        session.do(SetSingleton(DECK, old, dataclasses.replace(old, ask_phase_id="ph3", headline_kpi=None)),
                   Message("shell.briefing.edit_text"))
    shown = _figures(page)
    assert shown["phase"] == "Phase 3: A knowledge base for the whole company — DKK 4,800,000"
    assert shown["payback"] == "28 months (70 months on the measured benefit alone)"
    assert shown["headline"].endswith("(the largest effect)")
