"""The business case's figures and how money is written in each language."""

from __future__ import annotations

import pytest

from briefing.evidence.money import business_case
from briefing.i18n import format_money
from briefing.model.entities import Benefit, Campaign, Phase, Workspace


def campaign(cost: float | None, *benefits: tuple[float, str]) -> Workspace:
    return Workspace(
        campaign=Campaign(currency="EUR"),
        phases=[Phase(id="p1", name="Pilot", status="done", cost=10), Phase(id="p2", name="Scale", cost=cost)],
        benefits=[Benefit(id=f"b{i}", title="x", amount_per_year=a, confidence=c)  # type: ignore[arg-type]
                  for i, (a, c) in enumerate(benefits)],
    )


def test_the_case_is_for_the_phase_asked_with_measured_and_estimated_apart() -> None:
    case = business_case(campaign(900_000, (400_000, "measured"), (800_000, "estimated")))
    assert case.phase is not None and case.phase.id == "p2"
    assert (case.cost, case.measured, case.estimated, case.yearly) == (900_000, 400_000, 800_000, 1_200_000)
    assert case.payback_months == pytest.approx(9.0)
    assert case.measured_payback_months == pytest.approx(27.0)
    assert case.currency == "EUR"
    assert case.cumulative_benefit(12)[-1] == pytest.approx(1_200_000)


def test_no_payback_without_a_cost_or_a_benefit() -> None:
    assert business_case(campaign(None, (100, "measured"))).payback_months is None
    assert business_case(campaign(500)).payback_months is None


@pytest.mark.parametrize(("amount", "currency", "lang", "compact", "text"), [
    (900_000, "DKK", "da", False, "900.000 kr."),
    (900_000, "DKK", "en", False, "DKK 900,000"),
    (900_000, "EUR", "da", False, "900.000 EUR"),
    (1_234_567.8, "DKK", "da", True, "1,2 mio. kr."),
    (1_234_567.8, "dkk", "en", True, "DKK 1.2m"),
    (950.4, "DKK", "en", True, "DKK 950"),
])
def test_money_is_written_the_way_each_language_writes_it(
    amount: float, currency: str, lang: str, compact: bool, text: str
) -> None:
    assert format_money(amount, currency, lang, compact=compact) == text
