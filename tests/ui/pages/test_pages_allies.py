"""The Allies page driven as a user would: add, edit, undo, redo, remove with dialogues, search, import;
its dialogue log built after the page is first shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from briefing.edits import AddItem
from briefing.guide import cadence
from briefing.i18n import set_language
from briefing.model.collections import DIALOGUES, STAKEHOLDERS
from briefing.model.entities import Dialogue
from ui.pages.allies import AlliesPage

# showing a window on the offscreen platform warns once; any other Qt warning fails the test
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")



def _page(qtbot, session) -> AlliesPage:
    page = AlliesPage(session)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    return page


def _show_with_log(qtbot, page: AlliesPage) -> None:
    """Show the page; its dialogue log is built in a later event."""
    with qtbot.waitSignal(page.log_tab.content_built):
        page.show()


def _shown_dialogues(page: AlliesPage) -> list[str]:
    return [page.dialogues.item(row).id for row in range(page.dialogues.rowCount())]


def _dialogues_of(session, person_id: str) -> list[str]:
    return [d.id for d in session.workspace.dialogues if d.stakeholder_id == person_id]


def _activate(qtbot, page: AlliesPage) -> None:
    """Show the page as the active window, so that its shortcuts answer."""
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


def _type(qtbot, widget: QLineEdit, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def test_add_a_stakeholder_with_the_keyboard_then_undo_and_redo(qtbot, session) -> None:
    page = _page(qtbot, session)
    count = len(session.workspace.stakeholders)
    _activate(qtbot, page)
    page.people.panel.view.setFocus()
    qtbot.keyClick(page.people.panel.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.people.form.adding
    form = page.people.form
    _type(qtbot, form.editors["name"], "Ida Vestergaard")
    _type(qtbot, form.editors["role"], "Head of Sales Operations")
    stance = form.editors["stance"]
    assert isinstance(stance, QComboBox)
    stance.setCurrentIndex(stance.findData("champion"))
    qtbot.keyClick(form.editors["role"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(session.workspace.stakeholders) == count + 1
    added = session.workspace.stakeholders[-1]
    assert (added.name, added.role, added.stance) == ("Ida Vestergaard", "Head of Sales Operations", "champion")
    assert page.people.current().id == added.id
    session.undo_stack.undo()
    assert len(session.workspace.stakeholders) == count
    assert page.stakeholders.rowCount() == count
    session.undo_stack.redo()
    assert session.workspace.stakeholders[-1].name == "Ida Vestergaard"
    assert page.stakeholders.rowCount() == count + 1


def test_an_empty_name_is_shown_under_the_field_and_nothing_changes(qtbot, session) -> None:
    page = _page(qtbot, session)
    before = list(session.workspace.stakeholders)
    page.people.panel.add_button.click()
    assert not page.people.form.save()
    assert page.people.form.errors() == {"name": "Name: must not be empty"}
    assert session.workspace.stakeholders == before
    assert session.undo_stack.count() == 0


def test_edit_a_stakeholder_in_the_form_and_undo(qtbot, session) -> None:
    page = _page(qtbot, session)
    person = session.workspace.stakeholders[2]
    page.people.panel.select(person.id)
    form = page.people.form
    assert form.editors["name"].text() == person.name
    _type(qtbot, form.editors["tags"], "legal, pilot")
    form.editors["cadence_days"].setValue(14)
    assert form.save()
    changed = STAKEHOLDERS.find(session.workspace, person.id)
    assert (changed.tags, changed.cadence_days) == (["legal", "pilot"], 14)
    session.undo_stack.undo()
    assert STAKEHOLDERS.find(session.workspace, person.id) == person
    assert form.editors["tags"].text() == ", ".join(person.tags)


def test_remove_a_stakeholder_with_their_dialogues_as_one_undo_step(qtbot, session, no_questions) -> None:
    page = _page(qtbot, session)
    person = next(p for p in session.workspace.stakeholders
                  if sum(d.stakeholder_id == p.id for d in session.workspace.dialogues) >= 2)
    talks = [d for d in session.workspace.dialogues if d.stakeholder_id == person.id]
    _activate(qtbot, page)
    page.people.panel.select(person.id)
    page.people.panel.view.setFocus()
    assert page.dialogues.rowCount() == len(talks)
    qtbot.keyClick(page.people.panel.view, Qt.Key.Key_Delete)
    assert no_questions == [f"Remove {person.name}? Their {len(talks)} dialogues are removed with them. "
                            "You can undo this."]
    assert STAKEHOLDERS.find(session.workspace, person.id) is None
    assert not any(d.stakeholder_id == person.id for d in session.workspace.dialogues)
    session.undo_stack.undo()
    assert STAKEHOLDERS.find(session.workspace, person.id) == person
    assert [d for d in session.workspace.dialogues if d.stakeholder_id == person.id] == talks


def test_saying_no_to_the_removal_keeps_everyone(qtbot, session) -> None:
    page = _page(qtbot, session)
    page.people.confirm = lambda parent, title, text: False
    before = list(session.workspace.stakeholders)
    page.people.panel.select(before[0].id)
    page.people.panel.remove_button.click()
    assert session.workspace.stakeholders == before


def test_log_a_dialogue_with_the_selected_person(qtbot, session, clock) -> None:
    page = _page(qtbot, session)
    person = session.workspace.stakeholders[4]
    page.people.panel.select(person.id)
    shown = page.dialogues.rowCount()
    page.log.panel.add_button.click()
    form = page.log.form
    assert form.editors["date"].text() == clock.today().isoformat()
    form.editors["summary"].setPlainText("Coffee about the contract search")
    form.editors["problems_learned"].setPlainText("No one knows the latest version\nSearch takes 40 minutes")
    _type(qtbot, form.editors["follow_up"], "2026-12-15")
    assert form.save()
    added = session.workspace.dialogues[-1]
    assert added.stakeholder_id == person.id
    assert added.problems_learned == ["No one knows the latest version", "Search takes 40 minutes"]
    assert str(added.follow_up) == "2026-12-15"
    assert page.dialogues.rowCount() == shown + 1


def test_a_bad_follow_up_date_is_shown_under_its_field(qtbot, session) -> None:
    page = _page(qtbot, session)
    page.people.panel.select(session.workspace.stakeholders[0].id)
    page.add_dialogue()
    _type(qtbot, page.log.form.editors["follow_up"], "next week")
    count = len(session.workspace.dialogues)
    assert not page.log.form.save()
    assert page.log.form.errors() == {"follow_up": "Follow-up: next week is not a date (YYYY-MM-DD)"}
    assert len(session.workspace.dialogues) == count


def test_search_and_sort_the_stakeholders(qtbot, session) -> None:
    page = _page(qtbot, session)
    qtbot.keyClicks(page.people.panel.search, "legal")
    proxy = page.people.panel.proxy
    names = {proxy.item_at(proxy.index(r, 0)).name for r in range(proxy.rowCount())}
    expected = {p.name for p in session.workspace.stakeholders
                if "legal" in " ".join([p.name, p.role, p.department, ", ".join(p.tags)]).casefold()}
    assert names == expected and 0 < len(names) < len(session.workspace.stakeholders)
    page.people.panel.search.clear()
    page.people.panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    shown = [proxy.item_at(proxy.index(r, 0)).name for r in range(proxy.rowCount())]
    assert shown == sorted(shown, key=str.casefold)


def test_the_overdue_list_follows_the_cadence_rule_and_the_log(qtbot, session, clock) -> None:
    page = _page(qtbot, session)
    late = cadence.overdue(session.workspace, clock)
    assert [page.overdue.item(r).name for r in range(page.overdue.rowCount())] == [s.stakeholder.name for s in late]
    assert page.tabs.tabText(2) == f"Overdue ({len(late)})"
    person = late[0].stakeholder
    page.people.panel.select(person.id)
    page.add_dialogue()
    assert page.log.form.save()
    assert person.name not in [page.overdue.item(r).name for r in range(page.overdue.rowCount())]
    assert page.tabs.tabText(2) == f"Overdue ({len(late) - 1})"


def test_import_the_danish_stakeholder_list(qtbot, session, samples: Path) -> None:
    page = _page(qtbot, session)
    count = len(session.workspace.stakeholders)
    with qtbot.waitSignal(page.imports.imported) as imported:
        page.imports.import_stakeholder_files([samples / "stakeholders-da.csv"])
    ids = imported.args[1]
    assert len(session.workspace.stakeholders) == count + len(ids) and ids
    assert STAKEHOLDERS.find(session.workspace, ids[0]).name == "Mette Kjær"
    assert page.people.current().id == ids[0]
    session.undo_stack.undo()
    assert len(session.workspace.stakeholders) == count


def test_a_broken_stakeholder_file_shows_the_importers_message_and_changes_nothing(qtbot, session, tmp_path) -> None:
    page = _page(qtbot, session)
    shown: list[tuple[str, str]] = []
    page.imports.show_error = lambda title, text: shown.append((title, text))
    bad = tmp_path / "people.xlsx"
    bad.write_bytes(b"this is not a workbook")
    before = list(session.workspace.stakeholders)
    assert page.imports.import_stakeholder_files([bad]) == []
    assert len(shown) == 1 and "people.xlsx" in shown[0][1]
    assert session.workspace.stakeholders == before
    assert session.undo_stack.count() == 0


def test_the_page_speaks_danish_after_the_switch(qtbot, session) -> None:
    page = _page(qtbot, session)
    set_language("da")
    page.retranslate()
    assert page.stakeholders.headerData(0, Qt.Orientation.Horizontal) == "Navn"
    assert page.tabs.tabText(0) == "Dialoglog"
    assert page.people.panel.add_button.text() == "Tilføj"


def test_the_form_takes_labels_choices_limits_and_help_from_the_cores_schema(qtbot, session) -> None:
    page = _page(qtbot, session)
    form = page.people.form
    stance = form.editors["stance"]
    assert [stance.itemData(i) for i in range(stance.count())] == ["blocker", "skeptic", "neutral", "supporter",
                                                                   "champion"]
    influence, cadence_days = form.editors["influence"], form.editors["cadence_days"]
    assert (influence.minimum(), influence.maximum()) == (1, 5)
    assert (cadence_days.minimum(), cadence_days.maximum()) == (1, 3650)
    assert cadence_days.toolTip().startswith("How often to be in touch, in days")
    assert form.labels["cadence_days"].text() == "Cadence (days):"
    set_language("da")
    page.retranslate()
    assert cadence_days.toolTip().startswith("Hvor ofte I skal tales ved, i dage")
    assert stance.itemText(stance.findData("champion")) == "Forkæmper"
    set_language("en")


def test_a_refused_save_shows_its_message_under_the_field_the_error_names(qtbot, session) -> None:
    page = _page(qtbot, session)
    form = page.people.form
    page.people.panel.select(session.workspace.stakeholders[0].id)
    form.editors["name"].setText("   ")
    assert not form.save()
    assert form.errors() == {"name": "Name: must not be empty"}


def test_the_dialogue_log_is_built_after_the_page_is_first_shown_for_the_selected_person(qtbot, session) -> None:
    page = _page(qtbot, session)
    assert not page.log_tab.built  # a page never shown builds no log
    with qtbot.waitSignal(page.log_tab.content_built):
        page.show()
        assert not page.log_tab.built  # the page shows first; the log comes in a later event
        assert [label.text() for label in page.log_tab.findChildren(QLabel)] == ["Updating…"]
    person = page.person()
    assert _shown_dialogues(page) == _dialogues_of(session, person.id) != []
    assert page.log.panel.title.text() == f"Dialogue log: {person.name}"
    assert page.log.panel.add_button.isEnabled() and page.log.form.is_open()
    assert page.log.current() is not None and not page.overdue_tab.built  # a tab never shown is not built


def test_a_selection_and_an_edit_made_before_the_log_is_built_show_when_it_is(qtbot, session, clock) -> None:
    page = _page(qtbot, session)
    person = session.workspace.stakeholders[3]
    page.people.panel.select(person.id)
    early = Dialogue(id="d-early", stakeholder_id=person.id, date=clock.today(), summary="Before the log")
    session.do(AddItem(DIALOGUES, early), "add")
    assert not page.log_tab.built
    _show_with_log(qtbot, page)
    assert "d-early" in _shown_dialogues(page)
    assert _shown_dialogues(page) == _dialogues_of(session, person.id)
    assert page.log.panel.title.text() == f"Dialogue log: {person.name}"
    other = session.workspace.stakeholders[0]
    page.people.panel.select(other.id)  # built, the log follows the selection
    assert _shown_dialogues(page) == _dialogues_of(session, other.id)
    assert page.log.panel.title.text() == f"Dialogue log: {other.name}"


def test_a_dialogue_being_typed_is_saved_before_another_person_shows_or_keeps_its_person(qtbot, session) -> None:
    page = _page(qtbot, session)
    _show_with_log(qtbot, page)
    person = page.person()
    other = next(s for s in session.workspace.stakeholders if s.id != person.id)
    page.log.panel.add_button.click()
    page.log.form.editors["summary"].setPlainText("Typed, never saved by hand")
    _type(qtbot, page.log.form.editors["follow_up"], "next week")
    page.people.panel.select(other.id)
    assert page.person().id == person.id and page.log.form.adding  # refused: the person stays selected
    assert "follow_up" in page.log.form.errors()
    _type(qtbot, page.log.form.editors["follow_up"], "2026-12-15")
    page.people.panel.select(other.id)
    saved = session.workspace.dialogues[-1]
    assert (saved.stakeholder_id, saved.summary) == (person.id, "Typed, never saved by hand")
    assert page.person().id == other.id and _shown_dialogues(page) == _dialogues_of(session, other.id)


def test_the_overdue_tab_is_built_when_first_shown_and_its_count_is_in_its_title_before(qtbot, session, clock) -> None:
    page = _page(qtbot, session)
    _show_with_log(qtbot, page)
    late = cadence.overdue(session.workspace, clock)
    assert page.tabs.tabText(2) == f"Overdue ({len(late)})" and not page.overdue_tab.built
    page.tabs.setCurrentWidget(page.overdue_tab)
    assert page.overdue_tab.built and page.overdue_view.model().rowCount() == len(late)
    assert page.overdue_view.accessibleName() == "Allies not talked to within their cadence"
