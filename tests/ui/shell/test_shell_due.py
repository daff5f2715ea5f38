"""The Overview's due list as the user works it: soonest first, overdue marked, a next step ticked
done and undone with Ctrl+Z, an item opened where it lives; File → Export calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def _rows(table: Any) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _step_row(table: Any, text: str) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, 3).text() == text)


def test_the_overview_lists_what_is_due_soonest_first_with_overdue_marked(opened: Any) -> None:
    due = opened.pages["overview"].due_list
    rows = _rows(due.table)
    dates = [row[1] for row in rows if row[1] != "—"]
    assert dates == sorted(dates) and len(rows) >= 10
    assert rows[0][2] == "! 150 days overdue" and rows[0][3].startswith("Follow up with Peter Nørgaard")
    assert due.heading.text() == "What is due — 9 items overdue"
    overdue = due.table.item(0, 3).foreground().color().name()
    upcoming = next(r for r, row in enumerate(rows) if row[2].startswith("in "))
    assert overdue != due.table.item(upcoming, 3).foreground().color().name()  # marked apart


def test_a_next_step_ticked_done_leaves_the_list_and_ctrl_z_brings_it_back(opened: Any, qtbot: Any) -> None:
    due, session = opened.pages["overview"].due_list, opened.session
    text = "Brief Sales on the roll-out plan before the December meeting"
    row = _step_row(due.table, text)
    box = due.table.item(row, 0)
    assert box.flags() & Qt.ItemFlag.ItemIsUserCheckable
    with qtbot.waitSignal(session.changed):
        box.setCheckState(Qt.CheckState.Checked)  # as the user's click does
    assert text not in [r[3] for r in _rows(due.table)]
    steps = [s for p in session.workspace.presentations for s in p.next_steps if s.text == text]
    assert steps[0].done
    assert opened.menus.undo_action.text() == f"Undo Mark “{text}” done"
    with qtbot.waitSignal(session.changed):
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
    assert opened.pages["history"].selected_number() == 2


def test_the_due_list_speaks_danish(opened: Any) -> None:
    opened.set_language("da")
    due = opened.pages["overview"].due_list
    assert due.heading.text() == "Det, der forfalder — 9 punkter er for sent"
    assert _rows(due.table)[0][2] == "! 150 dage for sent"
    assert due.table.horizontalHeaderItem(3).text() == "Hvad"


def test_file_export_calendar_writes_the_file_and_offers_it_again(opened: Any, prompts: Any, tmp_path: Path) -> None:
    target = tmp_path / "mine.ics"
    prompts.calendar_target = target
    opened.menus.export_calendar_action.trigger()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) > 10
    assert opened.statusBar().currentMessage().startswith(f"Wrote {len(events)} events to {target}")
    opened.menus.export_calendar_action.trigger()
    assert prompts.asked[-1] == ("choose_calendar_target", target)  # remembered: the next export updates it
    assert [str(e["uid"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")] == [
        str(e["uid"]) for e in events]
