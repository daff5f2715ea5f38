"""The loop in the app: the deck's date field (chosen or automatic, with why), the attempt's number
only when asked for, and the Overview telling what a recorded outcome means."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from ui.dialogs.presented import PresentationInput


@pytest.fixture
def page(briefing_page: Any) -> Any:
    return briefing_page


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the offscreen platform's popup
def test_the_date_field_goes_back_to_automatic_and_says_which_date_and_why(
        opened: Any, page: Any, qtbot: Any) -> None:
    field = page.date_field
    assert field.why.text() == "Dated 8 December 2026: the date you chose"
    with qtbot.waitSignal(page.checked):
        field.automatic.click()
    assert opened.session.workspace.deck.date is None and field.edit.text() == "Automatic"
    assert field.why.text() == "Dated 8 December 2026: the next attempt agreed at the meeting on 22 September 2026"
    assert not field.automatic.isEnabled()
    calendar = field.edit.calendarWidget()
    arrow = QPoint(field.edit.width() - 8, field.edit.height() // 2)
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 12)  # the month in use, not the year 2000
    calendar.window().close()
    field.edit.setDate(dt.date(2027, 1, 14))
    with qtbot.waitSignal(page.checked):
        field.edit.editingFinished.emit()
    assert opened.session.workspace.deck.date == dt.date(2027, 1, 14)
    assert page.plan.main[0].caption.endswith("14 January 2027")  # the title slide follows
    with qtbot.waitSignal(page.checked):
        opened.menus.undo_action.trigger()
    assert opened.session.workspace.deck.date is None and field.edit.text() == "Automatic"


def test_the_attempt_number_is_on_the_title_slide_only_when_asked_and_the_choice_is_remembered(
        opened: Any, page: Any, settings: Any, qtbot: Any) -> None:
    assert not page.show_attempt.isChecked() and "attempt" not in page.plan.main[0].caption
    with qtbot.waitSignal(page.checked):
        page.show_attempt.click()
    assert "attempt 3" in page.plan.main[0].caption
    assert settings.show_attempt()


def _outlook(opened: Any, qtbot: Any) -> list[str]:
    """The Overview's lines about the attempts, as shown once the user goes there (computed while shown)."""
    opened.show_page("overview")
    overview = opened.pages["overview"]
    qtbot.waitUntil(lambda: not overview.computing.outdated, timeout=10_000)
    lines = overview.next_attempt.text().splitlines()
    opened.show_page("briefing")
    return list(lines)


def test_the_overview_says_what_a_postponement_and_then_an_approval_mean(
        opened: Any, page: Any, tmp_path: Path, qtbot: Any) -> None:
    deck = tmp_path / "presented.pptx"
    deck.write_bytes(b"the deck as presented")
    page.record(PresentationInput(deck, dt.date(2026, 11, 27), "Executive board", "postponed", attendee_ids=["s1"],
                                  objections=["Who pays for phase 3?"], next_attempt=dt.date(2027, 2, 9)))
    text = _outlook(opened, qtbot)
    assert text[0] == "Attempt 3: Postponed on 27 November 2026."
    assert "Next attempt: 9 February 2027, in 74 days." in text
    assert any(line.endswith("“Who pays for phase 3?”.") for line in text)
    assert opened.session.workspace.deck.date is None  # the date chosen was for this meeting
    contacts = opened.page("leadership").contacts  # the leader who attended counts as a contact that day
    assert contacts.rowCount() == 1
    assert (contacts.item(0).date, contacts.item(0).summary) == (dt.date(2026, 11, 27), "Presentation: Executive board")
    assert page.date_field.why.text().startswith("Dated 9 February 2027: the next attempt agreed")
    page.record(PresentationInput(deck, dt.date(2027, 2, 9), "Executive board", "approved"))
    phases = opened.session.workspace.phases
    assert [p.status for p in phases][1] == "approved"
    text = _outlook(opened, qtbot)
    assert text[0] == "Attempt 4: “Phase 2: Legal and Sales” was approved on 9 February 2027."
    assert text[1].startswith("Next: “Phase 3: A knowledge base for the whole company” (from 16 August 2027, DKK 4")
    opened.menus.undo_action.trigger()  # the approval and the phase move back together
    assert [p.status for p in opened.session.workspace.phases][1] == "planned"
    assert _outlook(opened, qtbot)[0].startswith("Attempt 3: Postponed")
