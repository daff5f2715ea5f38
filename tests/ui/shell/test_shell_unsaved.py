"""What is typed into a form is never lost: leaving the row, the page's workspace or the window saves it
as one step of undo; what cannot be saved keeps the user where it was, with the problem shown."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from briefing.model.collections import PHASES, STAKEHOLDERS
from briefing.store import stored
from ui.forms.form import ItemForm


def _stored(window: Any) -> dict[str, Any]:
    folder = window.session.store.folder
    return stored(folder)


def _stored_at(window: Any) -> dict[str, Any]:
    """The store on disk of ``window``'s last workspace (after it closed)."""
    return stored(window.settings.last_workspace())


def _person(window: Any, stakeholder_id: str) -> dict[str, Any]:
    return next(doc for doc in _stored(window)["stakeholders"].values() if doc["id"] == stakeholder_id)


def _people(window: Any) -> Any:
    window.show_page("allies")
    return window.pages["allies"].people


def _type(qtbot: Any, editor: QLineEdit, text: str) -> None:
    editor.selectAll()
    editor.clear()
    qtbot.keyClicks(editor, text)


def test_choosing_another_row_saves_what_was_typed_as_one_step_of_undo(opened: Any, qtbot: Any) -> None:
    people = _people(opened)
    first, second = (people.panel.proxy.item_at(people.panel.proxy.index(row, 0)) for row in (0, 1))
    people.panel.select(first.id)
    _type(qtbot, people.form.editors["role"], "Chief Knowledge Officer")
    people.panel.select(second.id)
    assert people.form.item.id == second.id
    assert _person(opened, first.id)["role"] == "Chief Knowledge Officer"
    assert opened.session.undo_stack.count() == 1
    opened.menus.undo_action.trigger()
    assert _person(opened, first.id)["role"] == first.role


def test_a_value_that_cannot_be_saved_keeps_its_row_selected_and_says_why(opened: Any, qtbot: Any) -> None:
    people = _people(opened)
    first, second = (people.panel.proxy.item_at(people.panel.proxy.index(row, 0)) for row in (0, 1))
    people.panel.select(first.id)
    before = _stored(opened)
    _type(qtbot, people.form.editors["name"], "   ")
    people.panel.select(second.id)
    assert people.panel.current().id == first.id and people.form.item.id == first.id
    assert "name" in people.form.errors()
    assert people.form.editors["name"].text() == "   "  # what was typed is still there to mend
    assert _stored(opened) == before and opened.session.undo_stack.count() == 0


def test_a_new_item_typed_but_not_added_is_added_when_another_row_is_chosen(opened: Any, qtbot: Any) -> None:
    people = _people(opened)
    count = len(opened.session.workspace.stakeholders)
    other = next(s for s in opened.session.workspace.stakeholders if s.id != people.current().id)
    people.panel.add_button.click()
    _type(qtbot, people.form.editors["name"], "Birgitte Lund")
    people.panel.select(other.id)
    assert len(opened.session.workspace.stakeholders) == count + 1
    assert "Birgitte Lund" in [doc["name"] for doc in _stored(opened)["stakeholders"].values()]
    assert people.form.item.id == other.id and not people.form.adding


def test_browsing_every_row_of_every_form_changes_nothing(opened: Any) -> None:
    """Showing an item and reading it back is exact: looking is never taken for an edit."""
    before = _stored(opened)
    for name in ("allies", "evidence", "problems", "roadmap"):
        opened.show_page(name)
        for form in opened.pages[name].findChildren(ItemForm):
            section = form.parent().parent().parent()  # form → scroll viewport → scroll area → splitter
            panel = section.parent().panel
            for row in range(panel.proxy.rowCount()):
                panel.view.setCurrentIndex(panel.proxy.index(row, 0))
                assert not form.is_dirty(), f"{name}: row {row} reads back differently"
    assert opened.session.undo_stack.count() == 0
    assert _stored(opened) == before


def test_closing_the_window_saves_what_was_typed(opened: Any, qtbot: Any, demo_folder: Any) -> None:
    people = _people(opened)
    person = people.current()
    combo = people.form.editors["stance"]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("blocker" if person.stance != "blocker" else "champion"))
    wanted = combo.currentData()
    opened.close()
    assert not opened.isVisible()
    on_disk = stored(demo_folder)
    assert next(d for d in on_disk["stakeholders"].values() if d["id"] == person.id)["stance"] == wanted


@pytest.mark.parametrize("leave", ["close", "open another workspace"])
def test_an_edit_that_cannot_be_saved_is_left_only_when_the_user_says_so(
    opened: Any, prompts: Any, qtbot: Any, tmp_path: Any, leave: str
) -> None:
    people = _people(opened)
    before = _stored(opened)
    folder = opened.session.store.folder
    _type(qtbot, people.form.editors["name"], "")
    opened.show_page("roadmap")

    def go() -> None:
        if leave == "close":
            opened.close()
        else:
            opened.open_folder(tmp_path / "other")

    go()  # "Cancel": the user stays, with the problem in front of them
    assert opened.isVisible() and opened.session.store.folder == folder
    assert opened.current_page_name() == "allies" and "name" in people.form.errors()
    name, text = prompts.asked[-1]
    assert name == "discard_unsaved" and "cannot be saved" in text and people.form.errors()["name"] in text
    assert _stored(opened) == before
    prompts.discard = True  # "Discard": the window goes on, the store as it was
    go()
    assert (not opened.isVisible()) if leave == "close" else opened.session.store.folder == tmp_path / "other"
    assert stored(folder) == before


def test_a_save_that_keeps_failing_is_retried_and_left_only_when_the_user_says_so(
    opened: Any, prompts: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    import briefing.files

    def disk_full(source: Any, target: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    people = _people(opened)
    folder = opened.session.store.folder
    before = _stored(opened)
    monkeypatch.setattr(briefing.files.os, "replace", disk_full)
    prompts.retry = False  # "Later" when the save fails
    _type(qtbot, people.form.editors["role"], "Knowledge lead")
    assert people.form.save() and opened.session.store.pending
    opened.close()
    assert opened.isVisible() and opened.session.store.pending  # not closed: the edit is not on disk
    assert prompts.names()[-2:] == ["save_failed", "discard_unsaved"]
    assert os.strerror(errno.ENOSPC) in prompts.asked[-1][1]
    monkeypatch.undo()  # the disk has room again: closing saves the edit
    opened.close()
    assert not opened.isVisible()
    after = stored(folder)
    assert after != before and "Knowledge lead" in [d["role"] for d in after["stakeholders"].values()]


def test_a_problem_shown_under_a_field_or_in_the_export_status_follows_a_language_switch(
    opened: Any, qtbot: Any
) -> None:
    people = _people(opened)
    _type(qtbot, people.form.editors["name"], "")
    assert not people.form.save()
    assert people.form.errors() == {"name": "Name: must not be empty"}
    opened.set_language("da")
    assert people.form.errors() == {"name": "Navn: må ikke være tom"}
    opened.set_language("en")
    opened.show_page("roadmap")
    phases = opened.pages["roadmap"].section.panel
    cost = next(i for i, c in enumerate(phases.model.columns) if c.field == "cost")
    assert not phases.proxy.setData(phases.proxy.index(0, cost), "a lot")
    assert phases.errors() == "Cost: a lot is not a number"
    opened.set_language("da")
    assert phases.errors() == "Omkostning: a lot er ikke et tal"
    opened.show_page("briefing")
    assert opened.pages["briefing"].export_status.text() == "Endnu ikke eksporteret."
    opened.set_language("en")
    assert opened.pages["briefing"].export_status.text() == "Not exported yet."


def test_what_was_typed_stays_when_the_same_item_changes_elsewhere(opened: Any, qtbot: Any) -> None:
    """A cell of the same person edited, then undone, while their form holds a typed role: both kept."""
    people = _people(opened)
    person = people.current()
    _type(qtbot, people.form.editors["role"], "Knowledge lead")
    department = next(i for i, c in enumerate(people.model.columns) if c.field == "department")
    row = people.panel.proxy.mapFromSource(people.model.index(people.model.row_of(person.id), department))
    assert people.panel.proxy.setData(row, "Strategy")
    assert people.form.editors["role"].text() == "Knowledge lead"
    assert people.form.editors["department"].text() == "Strategy"
    opened.menus.undo_action.trigger()
    assert people.form.editors["role"].text() == "Knowledge lead"
    assert people.form.editors["department"].text() == person.department
    assert people.form.save()
    stored = STAKEHOLDERS.find(opened.session.workspace, person.id)
    assert (stored.role, stored.department) == ("Knowledge lead", person.department)


def test_looking_at_values_a_form_cannot_show_exactly_changes_nothing(opened: Any) -> None:
    """Line ends, a cadence beyond the spin box's usual range, a cost's twelfth digit."""
    from briefing.edits import UpdateItem

    session = opened.session
    person = copy.deepcopy(session.workspace.stakeholders[0])
    person.notes, person.cadence_days = "First line\r\nSecond line", 5000
    session.do(UpdateItem(STAKEHOLDERS, session.workspace.stakeholders[0], person), "set up")
    phase = copy.deepcopy(session.workspace.phases[0])
    phase.cost = 1234.5678901
    session.do(UpdateItem(PHASES, session.workspace.phases[0], phase), "set up")
    steps = session.undo_stack.count()
    people = _people(opened)
    people.panel.select(person.id)
    assert people.form.editors["cadence_days"].value() == 5000 and not people.form.is_dirty()
    people.panel.select(session.workspace.stakeholders[1].id)
    opened.show_page("roadmap")
    phases = opened.pages["roadmap"].section
    phases.panel.select(phase.id)
    assert phases.form.editors["cost"].text() == "1234.5678901"
    phases.panel.select(session.workspace.phases[1].id)
    assert session.undo_stack.count() == steps
    assert STAKEHOLDERS.find(session.workspace, person.id).notes == "First line\r\nSecond line"


def test_a_number_shown_in_a_form_is_written_again_in_the_new_language(opened: Any) -> None:
    """2.125 shown in English reads as 2125 in Danish: after a switch the form writes it "2,125"."""
    from briefing.edits import UpdateItem

    session = opened.session
    phase = copy.deepcopy(session.workspace.phases[0])
    phase.cost = 2.125
    session.do(UpdateItem(PHASES, session.workspace.phases[0], phase), "set up")
    opened.show_page("roadmap")
    section = opened.pages["roadmap"].section
    section.panel.select(phase.id)
    assert section.form.editors["cost"].text() == "2.125"
    opened.set_language("da")
    assert section.form.editors["cost"].text() == "2,125" and not section.form.is_dirty()
    section.panel.select(session.workspace.phases[1].id)
    assert PHASES.find(session.workspace, phase.id).cost == 2.125
    opened.set_language("en")


def test_of_two_forms_only_the_one_that_cannot_save_is_dropped(opened: Any, prompts: Any, qtbot: Any) -> None:
    opened.show_page("problems")
    page = opened.pages["problems"]
    problem, csf = page.problem_section.current(), page.csf_section.current()
    _type(qtbot, page.problem_section.form.editors["title"], "")
    _type(qtbot, page.csf_section.form.editors["title"], "One repository, one truth")
    prompts.discard = True
    opened.close()
    assert not opened.isVisible()
    stored = _stored_at(opened)
    assert any(d["title"] == "One repository, one truth" for d in stored["csfs"].values())
    assert any(d["id"] == problem.id and d["title"] == problem.title for d in stored["problems"].values())
    assert csf.id in {d["id"] for d in stored["csfs"].values()}


def test_a_dialogue_that_cannot_be_saved_keeps_its_person_selected(opened: Any, qtbot: Any) -> None:
    people = _people(opened)
    page = opened.pages["allies"]
    person = people.current()
    page.add_dialogue()
    _type(qtbot, page.log.form.editors["date"], "soon")
    other = next(s for s in opened.session.workspace.stakeholders if s.id != person.id)
    people.panel.select(other.id)
    assert people.current().id == person.id and page.log.form.adding and "date" in page.log.form.errors()


def test_after_add_the_row_selected_before_can_be_chosen_again(opened: Any, qtbot: Any) -> None:
    people = _people(opened)
    person = people.current()
    people.panel.add_button.click()
    assert not people.panel.view.currentIndex().isValid() and people.form.adding
    people.panel.select(person.id)
    assert not people.form.adding and people.form.item.id == person.id


def test_opening_the_workspace_already_open_does_nothing(opened: Any, prompts: Any) -> None:
    folder, session = opened.session.store.folder, opened.session
    assert opened.open_existing(folder)
    assert opened.session is session and "locked" not in prompts.names()


def test_find_from_a_form_goes_to_its_own_lists_search(opened: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication

    opened.show_page("problems")
    page = opened.pages["problems"]
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    page.csf_section.form.editors["title"].setFocus()
    opened.menus.find_action.trigger()
    assert QApplication.focusWidget() is page.csf_section.panel.search


def test_a_form_just_saved_holds_nothing_unsaved(opened: Any, qtbot: Any) -> None:
    people = _people(opened)
    people.panel.add_button.click()
    _type(qtbot, people.form.editors["name"], "Birgitte Lund")
    assert people.form.is_dirty() and people.form.save()
    assert not people.form.is_dirty()
    _type(qtbot, people.form.editors["role"], "Knowledge lead")
    assert people.form.is_dirty() and people.form.save() and not people.form.is_dirty()
