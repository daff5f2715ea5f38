"""A KPI's effect: the change against its baseline in its direction, progress to target, trend."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from briefing.model.entities import Kpi

Trend = Literal["improving", "worsening", "flat", "unknown"]


@dataclass(frozen=True)
class KpiEffect:
    """What a KPI's measurements show against its baseline and target."""

    kpi: Kpi
    baseline: float | None
    latest: float | None
    change: float | None
    """latest − baseline, in the KPI's unit."""
    improvement: float | None
    """The change counted positive when it goes the KPI's way (down for ``direction: down``)."""
    improvement_pct: float | None
    """``improvement`` as a share of the baseline, in percent."""
    progress: float | None
    """How far from baseline to target, 0 … 1 (may exceed 1 or go below 0)."""
    trend: Trend

    @property
    def measured(self) -> bool:
        return self.baseline is not None and self.latest is not None


def effect(kpi: Kpi) -> KpiEffect:
    """The effect of ``kpi`` from its baseline and its measurements in date order."""
    values = [m.value for m in sorted(kpi.measurements, key=lambda m: m.date)]
    latest = values[-1] if values else None
    baseline = kpi.baseline
    sign = -1 if kpi.direction == "down" else 1
    change = improvement = pct = progress = None
    if baseline is not None and latest is not None:
        change = latest - baseline
        improvement = sign * change
        pct = improvement / abs(baseline) * 100 if baseline else None
        if kpi.target is not None and kpi.target != baseline:
            progress = change / (kpi.target - baseline)
    return KpiEffect(kpi, baseline, latest, change, improvement, pct, progress, _trend(values, sign))


def _trend(values: list[float], sign: int) -> Trend:
    """The sign of the least-squares slope over the measurements, in the KPI's direction."""
    if len(values) < 2:
        return "unknown"
    n = len(values)
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    slope = sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values)) / sum(
        (i - mean_x) ** 2 for i in range(n)
    )
    scale = max(abs(mean_y), 1e-9)
    if abs(slope) / scale < 0.005:
        return "flat"
    return "improving" if sign * slope > 0 else "worsening"


def measured_until(kpi: Kpi, day: dt.date | None) -> Kpi:
    """``kpi`` as it stood on ``day``: only its measurements up to that date (none when ``day`` is None)."""
    kept = [m for m in kpi.measurements if day is not None and m.date <= day]
    return dataclasses.replace(kpi, measurements=kept)
