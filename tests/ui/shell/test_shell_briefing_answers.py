"""The Briefing page names an objection still open without an answer before the deck is exported, and the
finding goes when the answer is written (an undoable edit)."""

from __future__ import annotations

from typing import Any

from briefing.guide.objections import answer_edit, open_objections
from briefing.i18n import Message


def _lint(page: Any) -> list[str]:
    return [page.lint_model.item(row).text() for row in range(page.lint_model.rowCount())]


def test_an_objection_without_an_answer_shows_in_the_lint_until_it_is_answered(opened: Any, qtbot: Any) -> None:
    opened.show_page("briefing")
    page = opened.pages["briefing"]
    qtbot.waitUntil(lambda: not page.checking)
    session = page.session
    question = open_objections(session.workspace)[0].objection.text
    with qtbot.waitSignal(page.checked):
        session.do(answer_edit(session.workspace, 1, ""), Message("shell.objections.undo_text", {"number": 1}))
    named = [text for text in _lint(page) if "has no answer yet" in text]
    assert len(named) == 1 and question[:30] in named[0], _lint(page)
    with qtbot.waitSignal(page.checked):
        opened.menus.undo_action.trigger()
    assert not [text for text in _lint(page) if "has no answer yet" in text]
