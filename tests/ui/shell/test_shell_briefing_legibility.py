"""The Briefing page's lint shows the deck's contrast, alt-text and title findings with slide, shape, value
and limit — the same findings ``briefing check`` prints."""

from __future__ import annotations

from typing import Any

import pytest

from briefing.deck.model import Finding


def test_a_text_under_aa_shows_in_the_lint_with_its_shape_ratio_and_limit(
        opened: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    import briefing.deck.legibility as legibility

    shape = "Decision needed today"
    monkeypatch.setattr(legibility, "findings", lambda plan, template: [
        Finding(2, "contrast", 2.1, 3.0, plan.slides[1].title, shape=shape),
        Finding(6, "alt_text", 0, 1, plan.slides[5].title, shape="Missed deadlines")])
    opened.show_page("briefing")
    page = opened.pages["briefing"]
    with qtbot.waitSignal(page.checked, timeout=20_000):  # the deck is checked on a worker
        page.check()
    texts = [page.lint_model.item(row).text() for row in range(page.lint_model.rowCount())]
    assert f"⚠ Slide 2: “{shape}” reads 2.1:1 against what lies behind it, WCAG AA asks at least 3:1" in texts
    assert "⚠ Slide 6: the chart “Missed deadlines” has no alt text (a screen reader says nothing about it)" in texts
