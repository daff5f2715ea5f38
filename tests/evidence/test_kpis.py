"""A KPI's effect: the change against the baseline in its direction, progress to target, trend."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.evidence.kpis import effect
from briefing.model.entities import Kpi, Measurement


def kpi(direction: str, baseline: float | None, target: float | None, *values: float) -> Kpi:
    measurements = [Measurement(dt.date(2026, 1, 1) + dt.timedelta(days=30 * i), v) for i, v in enumerate(values)]
    return Kpi(id="k", name="K", direction=direction, baseline=baseline, target=target,  # type: ignore[arg-type]
               measurements=list(reversed(measurements)))  # stored out of order on purpose


def test_up_kpi_improves_towards_its_target() -> None:
    result = effect(kpi("up", 40, 60, 42, 48, 55))
    assert (result.latest, result.change, result.improvement) == (55, 15, 15)
    assert result.improvement_pct == pytest.approx(37.5) and result.progress == pytest.approx(0.75)
    assert result.trend == "improving" and result.measured


def test_down_kpi_counts_a_fall_as_improvement() -> None:
    result = effect(kpi("down", 20, 10, 18, 15, 12))
    assert result.change == -8 and result.improvement == 8
    assert result.progress == pytest.approx(0.8) and result.trend == "improving"


def test_a_down_kpi_that_rises_is_worsening() -> None:
    result = effect(kpi("down", 20, 10, 21, 23))
    assert result.improvement == -3 and result.trend == "worsening" and result.progress == pytest.approx(-0.3)


def test_without_measurements_or_baseline_nothing_is_claimed() -> None:
    assert not effect(kpi("up", 10, 20)).measured and effect(kpi("up", 10, 20)).trend == "unknown"
    no_baseline = effect(kpi("up", None, 20, 5, 6))
    assert no_baseline.change is None and no_baseline.progress is None and no_baseline.trend == "improving"
    assert effect(kpi("up", 0, 10, 4)).improvement_pct is None  # no percentage of zero


def test_flat_trend() -> None:
    assert effect(kpi("up", 100, 120, 100, 100.1, 100)).trend == "flat"
