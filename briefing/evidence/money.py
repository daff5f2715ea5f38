"""The business case: what the phase asked costs, what the programme's benefits give a year, and the payback.

Benefits are the programme's (every benefit in the workspace, whatever initiative or KPI it is tied
to): a phase scales what the pilots proved, so its payback is its cost against the yearly benefit.
Measured and estimated benefits are kept apart; a board weighs them differently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from briefing.model.entities import Benefit, Phase, Workspace
from briefing.model.queries import asked_phase


@dataclass(frozen=True)
class BusinessCase:
    """The money of the ask: the phase asked and its cost, the yearly benefit, the payback."""

    phase: Phase | None
    benefits: tuple[Benefit, ...]
    currency: str

    @property
    def cost(self) -> float | None:
        """The cost of the phase asked (None when there is no phase asked or it has no cost)."""
        return self.phase.cost if self.phase is not None else None

    @property
    def measured(self) -> float:
        """The yearly benefit measured in a pilot."""
        return sum(b.amount_per_year for b in self.benefits if b.confidence == "measured")

    @property
    def estimated(self) -> float:
        """The yearly benefit estimated (at scale, not yet measured)."""
        return sum(b.amount_per_year for b in self.benefits if b.confidence == "estimated")

    @property
    def yearly(self) -> float:
        """The whole yearly benefit, measured and estimated."""
        return self.measured + self.estimated

    @property
    def payback_months(self) -> float | None:
        """Months until the yearly benefit has paid the phase's cost; None without a cost or a benefit."""
        return payback(self.cost, self.yearly)

    @property
    def measured_payback_months(self) -> float | None:
        """The payback on the measured benefit alone (the cautious figure)."""
        return payback(self.cost, self.measured)

    @property
    def measured_apart(self) -> bool:
        """True when the cautious payback (measured benefit alone) differs from the whole one and is worth telling:
        some of the benefit is estimated and some is measured."""
        return self.measured > 0 and self.estimated > 0

    @property
    def complete(self) -> bool:
        """True when there is a payback to tell: a phase asked with a cost, and a yearly benefit."""
        return self.payback_months is not None

    def cumulative_benefit(self, months: int) -> list[float]:
        """The benefit summed month by month, for months 0 … ``months`` (a chart of cost against benefit)."""
        return [self.yearly * month / 12 for month in range(months + 1)]

    def cumulative_measured(self, months: int) -> list[float]:
        """The measured benefit alone summed month by month, for months 0 … ``months``."""
        return [self.measured * month / 12 for month in range(months + 1)]

    def horizon(self) -> int:
        """The months a chart of cost against benefit spans: a year at least, past the payback it shows (the
        cautious one when told apart) with a quarter to spare, in whole steps (``chart_step``), at most five years."""
        paybacks = [self.payback_months, self.measured_payback_months if self.measured_apart else None]
        longest = max((months for months in paybacks if months is not None), default=0.0)
        months = min(max(12, math.ceil(longest * 1.25)), MAX_HORIZON)
        step = chart_step(months)
        return math.ceil(months / step) * step


def whole_months(months: float | None) -> int:
    """A payback in whole months, rounded up (it is not met before its month ends), at least one."""
    return max(1, math.ceil((months or 0) - 1e-9))


MAX_HORIZON = 60
"""The longest a chart of cost against benefit looks ahead, in months."""


def chart_step(months: int) -> int:
    """The months between two points of a chart spanning ``months``: about a dozen points at most."""
    return next(step for step in (1, 2, 3, 6, 12) if months / step <= 12)


def payback(cost: float | None, yearly: float) -> float | None:
    """Months for ``yearly`` to pay ``cost``."""
    if cost is None or cost <= 0 or yearly <= 0:
        return None
    return cost / yearly * 12


def business_case(workspace: Workspace, phase: Phase | None = None) -> BusinessCase:
    """The business case of ``phase`` (by default the phase asked) in the campaign's currency."""
    chosen = phase if phase is not None else asked_phase(workspace)
    return BusinessCase(chosen, tuple(workspace.benefits), workspace.campaign.currency or "DKK")
