"""The Evidence page's "then and now": the chosen survey against the earlier one that asked the same questions."""

from __future__ import annotations

import dataclasses

import pytest

from briefing.edits import UpdateItem
from briefing.i18n import Message
from briefing.model.collections import SURVEYS
from ui.pages.evidence import EvidencePage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _page(qtbot, session) -> EvidencePage:  # type: ignore[no-untyped-def]
    page = EvidencePage(session)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    return page


def _rows(page: EvidencePage) -> list[list[str]]:
    table = page.then_and_now.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_later_survey_shows_the_share_who_agree_then_and_now_with_each_n(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, session)
    view = page.then_and_now
    with qtbot.waitSignal(view.shown, timeout=5000) as shown:
        page.survey_section.panel.select("q2")
    assert shown.args[0] is not None and shown.args[0].earlier.id == "q1"
    rows = _rows(page)
    assert rows[0][1:] == ["17% (n = 52)", "77% (n = 48)", "+60 points"]
    assert rows[2][2] == "35% (n = 46)"
    assert rows[0][0].startswith("I can quickly find the signed contract")
    assert "compared with “Baseline: finding contracts and knowledge”" in view.heading.text()
    assert view.chart.spec is None  # a hidden chart is not drawn
    page.show()
    page.survey_tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.chart.spec is not None, timeout=10000)
    assert [s.name for s in view.chart.spec.series] == ["March 2026 (n = 52)", "September 2026 (n = 48)"]


def test_the_first_survey_has_nothing_to_compare_and_an_edit_updates_the_comparison(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, session)
    view = page.then_and_now
    with qtbot.waitSignal(view.shown, timeout=5000) as shown:
        page.survey_section.panel.select("q1")
    assert shown.args[0] is None and view.table.rowCount() == 0
    assert "nothing to compare" in view.heading.text()
    with qtbot.waitSignal(view.shown, timeout=5000):
        page.survey_section.panel.select("q2")
    later = SURVEYS.find(session.workspace, "q2")
    renamed = [dataclasses.replace(q, text=f"{q.text} (new wording)") if q.kind == "likert" else q
               for q in later.questions]
    with qtbot.waitSignal(view.shown, timeout=5000) as shown:  # reworded and another id: no longer the same question
        edit = UpdateItem(SURVEYS, later, dataclasses.replace(later, questions=renamed))
        session.do(edit, Message("pages.undo.finding"))
    assert shown.args[0] is None and view.table.rowCount() == 0
