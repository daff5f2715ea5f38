"""The Overview's due list as the user works it: soonest first, overdue marked, a next step ticked
done and undone with Ctrl+Z, an item opened where it lives; File → Export calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def _rows(table: Any) -> list[list[str]]:
    """The table's texts as shown, top to bottom."""
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _step_row(table: Any, text: str) -> int:
    return next(r for r, row in enumerate(_rows(table)) if row[3] == text)


def _color(table: Any, row: int) -> str | None:
    color = table.model().index(row, 3).data(Qt.ItemDataRole.ForegroundRole)
    return color.name() if color is not None else None


def test_the_overview_lists_what_is_due_soonest_first_with_overdue_marked(opened: Any) -> None:
    due = opened.pages["overview"].due_list
    rows = _rows(due.table)
    dates = [row[1] for row in rows if row[1] != "—"]
    assert dates == sorted(dates) and len(rows) >= 10
    assert rows[0][2] == "! 150 days overdue" and rows[0][3].startswith("Follow up with Peter Nørgaard")
    assert due.heading.text() == "What is due — 9 items overdue"
    upcoming = next(r for r, row in enumerate(rows) if row[2].startswith("in "))
    assert _color(due.table, 0) == "#b3261e" and _color(due.table, upcoming) is None  # overdue in red


def test_a_next_step_ticked_done_leaves_the_list_and_ctrl_z_brings_it_back(opened: Any, qtbot: Any) -> None:
    due, session = opened.pages["overview"].due_list, opened.session
    text = "Brief Sales on the roll-out plan before the December meeting"
    box = due.table.model().index(_step_row(due.table, text), 0)
    assert box.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert box.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not due.table.model().index(0, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable  # a follow-up: no box
    overview = opened.pages["overview"]
    with qtbot.waitSignal(overview.computing.shown, timeout=10_000):  # the list made anew on a worker
        due.table.model().setData(box, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)  # as a click does
    assert text not in [r[3] for r in _rows(due.table)]
    steps = [s for p in session.workspace.presentations for s in p.next_steps if s.text == text]
    assert steps[0].done
    assert opened.menus.undo_action.text() == f"Undo Mark “{text}” done"
    with qtbot.waitSignal(overview.computing.shown, timeout=10_000):
        qtbot.keySequence(opened, QKeySequence("Ctrl+Z"))
    assert text in [r[3] for r in _rows(due.table)]
    assert not next(s for p in session.workspace.presentations for s in p.next_steps if s.text == text).done


def test_an_item_opens_where_it_lives(opened: Any, qtbot: Any) -> None:
    due = opened.pages["overview"].due_list
    rows = _rows(due.table)
    due.open_item(0)  # a follow-up: the person on the Allies page
    assert opened.current_page_name() == "allies"
    assert opened.pages["allies"].person().name == "Peter Nørgaard"
    opened.show_page("overview")
    attempt = next(r for r, row in enumerate(rows) if row[3].startswith("Next attempt"))
    due.open_item(attempt)  # the next attempt: its attempt in the History
    assert opened.current_page_name() == "history"
    qtbot.waitUntil(lambda: opened.pages["history"].selected_number() == 2)  # once its history is made


def test_the_due_list_speaks_danish(opened: Any) -> None:
    opened.set_language("da")
    due = opened.pages["overview"].due_list
    assert due.heading.text() == "Det, der forfalder — 9 punkter er for sent"
    assert _rows(due.table)[0][2] == "! 150 dage for sent"
    assert due.table.model().headerData(3, Qt.Orientation.Horizontal) == "Hvad"


def test_file_export_calendar_writes_the_file_and_offers_it_again(opened: Any, prompts: Any, tmp_path: Path,
                                                                  qtbot: Any) -> None:
    target = tmp_path / "mine.ics"
    prompts.calendar_target = target
    with qtbot.waitSignal(opened.calendar_export.exported, timeout=30000):  # written on a worker
        opened.menus.export_calendar_action.trigger()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) > 10
    assert opened.statusBar().currentMessage().startswith(f"Wrote {len(events)} events to {target}")
    with qtbot.waitSignal(opened.calendar_export.exported, timeout=30000):
        opened.menus.export_calendar_action.trigger()
    assert prompts.asked[-1] == ("choose_calendar_target", target)  # remembered: the next export updates it
    assert [str(e["uid"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")] == [
        str(e["uid"]) for e in events]


def test_a_calendar_that_cannot_be_written_says_why(opened: Any, prompts: Any, tmp_path: Path, qtbot: Any) -> None:
    prompts.calendar_target = tmp_path / "missing" / "mine.ics"
    with qtbot.waitSignal(opened.calendar_export.exported, timeout=30000):
        opened.menus.export_calendar_action.trigger()
    name, error = prompts.asked[-1]
    assert name == "failed" and str(tmp_path / "missing" / "mine.ics") in str(error)
    assert str(error).startswith("The calendar was not exported:")


def test_a_list_of_hundreds_fills_at_once(qtbot: Any) -> None:
    """10,000 dialogues, every third with a follow-up: the rows' texts are made only as they are shown."""
    import datetime as dt

    from big_workspace import big_workspace

    from briefing.clock import FixedClock
    from briefing.guide.due import due as due_items
    from briefing.store import WorkspaceStore
    from ui.pages.due_list import DueList
    from ui.session import Session

    workspace = big_workspace()
    for dialogue in workspace.dialogues[::3]:
        dialogue.follow_up = dialogue.date + dt.timedelta(days=14)
    clock = FixedClock.on("2026-11-27")
    big = Session(WorkspaceStore.in_memory(workspace, clock))
    due = DueList(big)
    qtbot.addWidget(due)
    due.show_due(due_items(workspace, clock.today()), workspace)
    assert due.model.rowCount() > 200
    assert len(due.model._texts) < 100  # only the rows measured or drawn


def test_until_the_list_is_made_anew_after_an_edit_it_shows_what_it_found_and_acts_on_none_of_it(
        opened: Any, qtbot: Any) -> None:
    from briefing.edits import RemoveItem
    from briefing.i18n import Message
    from briefing.model.collections import DIALOGUES

    overview, session = opened.pages["overview"], opened.session
    due = overview.due_list
    first = due.items[0]  # following up a dialogue with Peter Nørgaard
    assert first.kind == "follow_up" and _rows(due.table)[0][3].startswith("Follow up with Peter Nørgaard")
    steps = session.undo_stack.count()
    with qtbot.waitSignal(overview.computing.shown, timeout=10_000):
        session.do(RemoveItem(DIALOGUES, first.source_id), Message("pages.undo.change", {"noun": "x"}))
        assert _rows(due.table)[0][3].startswith("Follow up with Peter")  # named from the copy it was found in
        due.open_item(0)
        assert opened.current_page_name() == "overview" and session.undo_stack.count() == steps + 1
    assert not any(row[3].startswith("Follow up with Peter Nørgaard") for row in _rows(due.table))
