"""A chart on a page in a view of any size: laid out in full (never collapsed), scaled to fit a small view.

Warnings are errors in the tests, so a chart whose labels leave its plot no room (matplotlib's
"constrained_layout not applied") fails here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from briefing.charts import ChartSpec, build
from briefing.evidence.compare import latest_comparison
from briefing.evidence.money import business_case
from briefing.model import Workspace

TODAY = dt.date(2026, 12, 3)
CHARTS: dict[str, tuple[tuple[float, float], Callable[[Workspace, str], ChartSpec | None]]] = {
    # the view's nominal size on its page, and the chart it shows there
    "map": ((7.0, 3.6), lambda w, lang: build.stakeholder_map(w, lang)),
    "survey": ((6.0, 3.0), lambda w, lang: build.survey_results(w.surveys[0], lang)),
    "kpis": ((6.0, 3.0), lambda w, lang: build.kpi_effects(w, lang)),
    "roadmap": ((8.0, 3.0), lambda w, lang: build.roadmap_timeline(w, lang, TODAY)),
    "attempts": ((6.0, 3.0), lambda w, lang: build.attempts(w, lang)),
    "dose": ((6.0, 3.2), lambda w, lang: build.leadership_dose(w, lang, TODAY)),
    "compare": ((6.0, 2.6), lambda w, lang: _compared(w, lang)),
    "money": ((6.0, 3.0), lambda w, lang: build.cost_and_benefit(business_case(w), lang, "Phase 2")),
}


def _compared(workspace: Workspace, lang: str) -> ChartSpec | None:
    comparison = latest_comparison(workspace)
    return build.survey_change(comparison, lang) if comparison else None


def _shown(qtbot: Any, nominal: tuple[float, float], spec: ChartSpec, size: tuple[int, int]) -> Any:
    from ui.charts import ChartView

    view = ChartView(None, *nominal)
    qtbot.addWidget(view)
    view.setMinimumSize(1, 1)
    view.resize(*size)
    view.show()
    with qtbot.waitSignal(view.drawn, timeout=20_000):
        view.set_spec(spec)
    return view


@pytest.mark.parametrize("size", [(180, 110), (260, 160)])
@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_a_chart_in_a_small_view_is_laid_out_in_full_and_scaled_down_to_fit(
    qtbot: Any, name: str, lang: str, size: tuple[int, int], demo: Workspace, demo_da: Workspace
) -> None:
    from ui.charts import SCREEN_DPI, fitted

    nominal, make = CHARTS[name]
    spec = make(demo if lang == "en" else demo_da, lang)
    assert spec is not None
    view = _shown(qtbot, nominal, spec, size)
    picture = view.image.deviceIndependentSize()
    assert (picture.width(), picture.height()) == (round(nominal[0] * SCREEN_DPI), round(nominal[1] * SCREEN_DPI))
    place = fitted(view.image, view.rect().toRectF())
    assert view.rect().toRectF().contains(place)
    assert place.width() / place.height() == pytest.approx(nominal[0] / nominal[1], rel=0.02)  # not squashed


def test_a_chart_in_a_big_view_is_drawn_at_the_views_size(qtbot: Any, demo: Workspace) -> None:
    from ui.charts import fitted

    view = _shown(qtbot, (6.0, 3.0), build.kpi_effects(demo, "en"), (900, 500))
    picture = view.image.deviceIndependentSize()
    assert (picture.width(), picture.height()) == (900, 500)
    assert fitted(view.image, view.rect().toRectF()) == view.rect().toRectF()
