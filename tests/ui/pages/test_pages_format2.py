"""The fields of format 2 edited as a user would, each an undoable edit, refused inline when wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from page_helpers import open_page, shown_page
from PySide6.QtCore import Qt

from briefing.i18n import set_language
from briefing.model.collections import BENEFITS, PHASES
from briefing.model.entities import Deliverable, NextStep
from ui.pages.allies import AlliesPage
from ui.pages.briefing import BriefingPage
from ui.pages.evidence import EvidencePage
from ui.pages.history import HistoryPage
from ui.pages.roadmap import RoadmapPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


_page = open_page


def _edit(model, row: int, column_name: str, value, role=Qt.ItemDataRole.EditRole) -> bool:  # type: ignore[no-untyped-def]
    column = next(i for i, c in enumerate(model.columns) if c.field == column_name)
    return bool(model.setData(model.index(row, column), value, role))


def test_consent_to_be_named_is_a_checkbox_on_the_allies_form_and_undo_takes_it_back(qtbot, session) -> None:
    page = _page(qtbot, AlliesPage, session)
    form = page.section.form if hasattr(page, "section") else page.people.form
    person = form.item
    assert form.labels["named_in_decks"].text().startswith("Named in decks")
    before = person.named_in_decks
    form.editors["named_in_decks"].setChecked(not before)
    assert form.save()
    stored = next(s for s in session.workspace.stakeholders if s.id == person.id)
    assert stored.named_in_decks is (not before)
    session.undo_stack.undo()
    assert next(s for s in session.workspace.stakeholders if s.id == person.id).named_in_decks is before
    assert form.editors["named_in_decks"].isChecked() is before


def test_the_consent_is_labelled_in_danish(qtbot, session) -> None:
    set_language("da")
    try:
        page = _page(qtbot, AlliesPage, session)
        form = page.section.form if hasattr(page, "section") else page.people.form
        assert form.labels["named_in_decks"].text().startswith("Må nævnes i præsentationer")
    finally:
        set_language("en")


def test_a_benefit_is_added_on_the_evidence_page_with_its_links_and_undone(qtbot, session) -> None:
    page = _page(qtbot, EvidencePage, session)
    tab = page.benefits
    count = len(session.workspace.benefits)
    tab.section.start_new()
    form = tab.section.form
    initiative = session.workspace.initiatives[0]
    kpi = initiative.kpis[0]
    form.editors["title"].setText("Less time searching")
    form.editors["amount_per_year"].setText("-5")
    assert not form.save()
    assert form.errors() == {"amount_per_year": "Amount a year: -5.0 is less than 0"}
    form.editors["amount_per_year"].setText("412,500")
    form.editors["kind"].setCurrentIndex(form.editors["kind"].findData("saving"))
    form.editors["confidence"].setCurrentIndex(form.editors["confidence"].findData("measured"))
    form.editors["initiative_id"].setCurrentIndex(form.editors["initiative_id"].findData(initiative.id))
    form.editors["kpi_id"].setCurrentIndex(form.editors["kpi_id"].findData(kpi.id))
    form.editors["basis"].setPlainText("55 minutes a week × 150 people")
    assert form.save()
    added = session.workspace.benefits[-1]
    assert (added.title, added.amount_per_year, added.kind, added.confidence) == (
        "Less time searching", 412500.0, "saving", "measured")
    assert (added.initiative_id, added.kpi_id) == (initiative.id, kpi.id)
    assert tab.model.rowCount() == count + 1
    row = tab.model.row_of(added.id)
    assert tab.model.index(row, 4).data() == initiative.title and tab.model.index(row, 5).data() == kpi.name
    session.undo_stack.undo()
    assert len(session.workspace.benefits) == count and BENEFITS.find(session.workspace, added.id) is None


def test_the_currency_is_edited_beside_the_benefits_refused_inline_and_undone(qtbot, session) -> None:
    page = _page(qtbot, EvidencePage, session)
    tab = page.benefits
    assert tab.currency.text() == session.workspace.campaign.currency
    tab.currency.setText("kr")
    tab.on_currency_edited()
    refusal = "Currency: 'KR' is not a currency code (three capital letters, such as DKK or EUR)"
    assert tab.currency_message.text() == refusal
    assert session.workspace.campaign.currency == "DKK"
    tab.currency.setText("eur")
    tab.on_currency_edited()
    assert session.workspace.campaign.currency == "EUR" and tab.currency_message.text() == ""
    session.undo_stack.undo()
    assert session.workspace.campaign.currency == "DKK" and tab.currency.text() == "DKK"


def test_a_phase_has_a_status_and_an_outcome_on_the_roadmap(qtbot, session) -> None:
    page = _page(qtbot, RoadmapPage, session)
    phase = session.workspace.phases[0]
    page.section.panel.select(phase.id)
    form = page.section.form
    status = form.editors["status"]
    status.setCurrentIndex(status.findData("done"))
    form.editors["outcome"].setPlainText("Search time down from 55 to 12 minutes")
    assert form.save()
    stored = PHASES.find(session.workspace, phase.id)
    assert stored is not None and (stored.status, stored.outcome) == ("done", "Search time down from 55 to 12 minutes")
    assert status.itemText(status.findData("approved")) == "Approved"
    session.undo_stack.undo()
    assert PHASES.find(session.workspace, phase.id) == phase


def test_a_deliverable_gets_an_owner_and_a_due_date_each_undoable(qtbot, session) -> None:
    page = _page(qtbot, RoadmapPage, session)
    phase = session.workspace.phases[1]
    page.section.panel.select(phase.id)
    model = page.deliverables
    before = len(phase.deliverables)
    page.add_deliverable()
    assert model.rowCount() == before + 1
    row = before
    assert _edit(model, row, "title", "Rollout plan")
    assert _edit(model, row, "owner", "Mette Holm")
    assert not _edit(model, row, "due", "next week")
    assert model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole) == "Due: next week is not a date (YYYY-MM-DD)"
    assert _edit(model, row, "due", "2026-05-01")
    stored = PHASES.find(session.workspace, phase.id)
    assert stored is not None
    assert stored.deliverables[-1] == Deliverable("Rollout plan", "Mette Holm", dt.date(2026, 5, 1))
    session.undo_stack.undo()
    assert PHASES.find(session.workspace, phase.id).deliverables[-1].due is None  # type: ignore[union-attr]
    for _ in range(3):
        session.undo_stack.undo()
    assert PHASES.find(session.workspace, phase.id) == phase
    assert model.rowCount() == before


def test_a_next_step_is_given_an_owner_a_due_date_and_ticked_done_on_the_history_page(qtbot, session) -> None:
    page = shown_page(qtbot, HistoryPage, session)
    latest = max(session.workspace.presentations, key=lambda p: p.date)
    page.select(len(session.workspace.presentations))
    model = page.next_steps
    assert model.owner_id == page.history.attempts[-1].presentation.id
    steps = list(model.owner().next_steps)
    page.add_next_step()
    row = len(steps)
    assert _edit(model, row, "text", "Send the pre-read to the CFO")
    assert _edit(model, row, "owner", "Anna")
    assert _edit(model, row, "due", "2026-12-10")
    done = next(i for i, c in enumerate(model.columns) if c.field == "done")
    assert model.setData(model.index(row, done), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    owner = model.owner()
    assert owner.next_steps[-1] == NextStep("Send the pre-read to the CFO", "Anna", dt.date(2026, 12, 10), True)
    session.undo_stack.undo()
    assert model.owner().next_steps[-1].done is False
    for _ in range(4):
        session.undo_stack.undo()
    assert model.owner().next_steps == steps
    assert latest.id == owner.id


def test_the_headline_kpi_and_the_phase_asked_are_chosen_on_the_briefing_page(qtbot, session) -> None:
    page = _page(qtbot, BriefingPage, session)
    workspace = session.workspace
    before = (workspace.deck.headline_kpi, workspace.deck.ask_phase_id)
    assert (page.headline_kpi.currentData(), page.ask_phase.currentData()) == before
    kpi = workspace.initiatives[-1].kpis[-1]
    phase = workspace.phases[-1]
    assert page.headline_kpi.itemText(0) == "The largest effect"
    assert page.ask_phase.itemText(page.ask_phase.findData(phase.id)) == phase.name
    page.headline_kpi.setCurrentIndex(page.headline_kpi.findData(kpi.id))
    page.on_field_edited()
    page.ask_phase.setCurrentIndex(0)
    page.on_field_edited()
    assert (session.workspace.deck.headline_kpi, session.workspace.deck.ask_phase_id) == (kpi.id, None)
    session.undo_stack.undo()
    assert session.workspace.deck.ask_phase_id == before[1] and page.ask_phase.currentData() == before[1]
    session.undo_stack.undo()
    assert session.workspace.deck.headline_kpi == before[0] and page.headline_kpi.currentData() == before[0]


def test_a_steps_text_and_a_phases_outcome_are_named_for_what_they_are(qtbot, session) -> None:
    history = _page(qtbot, HistoryPage, session)
    headers = [history.next_steps.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["Step", "Owner", "Due", "Done"]
    roadmap = _page(qtbot, RoadmapPage, session)
    assert roadmap.section.form.labels["outcome"].text().startswith("What it achieved")
    set_language("da")
    try:
        assert history.next_steps.headerData(0, Qt.Orientation.Horizontal) == "Skridt"
    finally:
        set_language("en")
