"""Data pages open on their first row, keep the selection across refreshes and undo, and show an
empty form (no defaults that pass for data) when nothing is selected.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from briefing.edits import UpdateItem
from briefing.model.collections import STAKEHOLDERS
from ui.forms.section import Section
from ui.pages.allies import AlliesPage
from ui.pages.base import LazyTab
from ui.pages.evidence import EvidencePage
from ui.pages.leadership import LeadershipPage
from ui.pages.problems import ProblemsPage
from ui.pages.roadmap import RoadmapPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _sections(page: Any) -> list[Section]:
    """The page's sections, with those of its tabs built when first shown (built now)."""
    parts = [page, *(tab.content() for tab in page.findChildren(LazyTab))]
    return [value for part in parts for value in vars(part).values() if isinstance(value, Section)]


PAGES = [AlliesPage, LeadershipPage, EvidencePage, ProblemsPage, RoadmapPage]


@pytest.mark.parametrize("page_class", PAGES, ids=lambda c: c.__name__)
def test_every_table_opens_on_its_first_row_and_the_form_shows_it(qtbot, session, page_class: Any) -> None:
    page = page_class(session)
    qtbot.addWidget(page)
    sections = _sections(page)
    assert sections
    for section in sections:
        first = section.panel.proxy.item_at(section.panel.proxy.index(0, 0))
        assert section.current() is first, section.model.collection
        assert section.form.item is first and section.form.is_open()
        assert section.panel.remove_button.isEnabled()


def test_allies_open_with_the_first_persons_dialogue_log_filled(qtbot, session) -> None:
    page = AlliesPage(session)
    qtbot.addWidget(page)
    person = page.person()
    theirs = [d for d in session.workspace.dialogues if d.stakeholder_id == person.id]
    assert theirs, "the demo's first stakeholder has dialogues"
    assert page.dialogues.rowCount() == len(theirs)
    assert page.log.current() is not None and page.log.form.is_open()
    assert person.name in page.log.panel.title.text()


def test_evidence_opens_with_questions_analysis_and_kpis_shown(qtbot, session) -> None:
    page = EvidencePage(session)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.analysing.shown, timeout=10_000):  # analysed on a worker once shown
        page.show()
    survey = page.survey_section.current()
    assert survey is not None and page.questions.rowCount() == len(survey.questions) > 0
    assert survey.questions[0].text in page.analysis.toPlainText()
    page.tabs.setCurrentIndex(1)
    tab = page.initiative_tab
    assert tab.initiative_section.current() is not None
    assert tab.kpi_panel.current() is not None and tab.measurements.rowCount() > 0


def test_the_selection_survives_undo_redo_and_a_whole_workspace_reload(qtbot, session) -> None:
    page = AlliesPage(session)
    qtbot.addWidget(page)
    person = session.workspace.stakeholders[3]
    page.people.panel.select(person.id)
    session.do(UpdateItem(STAKEHOLDERS, person, dataclasses.replace(person, role="Chief Legal Officer")), "role")
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert page.person().id == person.id
    assert page.people.form.editors["role"].text() == "Chief Legal Officer"
    session.changed.emit([session.store.replace(copy.deepcopy(session.workspace))])
    assert page.person().id == person.id and page.people.form.item.id == person.id


def test_removing_the_selected_row_selects_another_and_undo_brings_it_back(qtbot, session, no_questions) -> None:
    page = RoadmapPage(session)
    qtbot.addWidget(page)
    removed = page.section.current()
    assert page.section.remove(removed)
    assert page.section.current() is not None and page.section.form.item is page.section.current()
    session.undo_stack.undo()
    assert page.section.current() is not None and page.section.form.is_open()


@pytest.mark.parametrize("page_class", PAGES, ids=lambda c: c.__name__)
def test_with_nothing_to_select_the_form_shows_no_fields(qtbot, empty_session, page_class: Any) -> None:
    page = page_class(empty_session)
    qtbot.addWidget(page)
    page.show()
    for section in _sections(page):
        form = section.form
        assert section.current() is None and not form.is_open()
        assert form.body.isHidden() and not form.isEnabled()
        assert not form.heading.isHidden() and form.heading.text()


def test_adding_the_first_item_selects_it(qtbot, empty_session) -> None:
    page = ProblemsPage(empty_session)
    qtbot.addWidget(page)
    section = page.problem_section
    section.panel.add_button.click()
    assert section.form.is_open()
    section.form.editors["title"].setText("Contracts are hard to find")
    assert section.form.save()
    assert section.current().title == "Contracts are hard to find"
    empty_session.undo_stack.undo()
    assert section.current() is None and not section.form.is_open()
