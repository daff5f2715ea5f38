"""The money in the deck: the business-case slide, the summary's figures, amounts in the campaign's currency
and the lint of an empty business case; on the plan (plain data) and on an exported deck read back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from briefing.charts import build
from briefing.cli import main as cli
from briefing.clock import FixedClock
from briefing.deck import check, export, plan
from briefing.deck.model import DeckPlan, SlideSpec
from briefing.deck.wording import words
from briefing.evidence.money import business_case
from briefing.guide.readiness import deck_step
from briefing.model.entities import Benefit, Campaign, Phase, Workspace
from briefing.store import WorkspaceStore


def _slide(deck: DeckPlan, kind: str) -> SlideSpec:
    return next(slide for slide in deck.slides if slide.kind == kind)


def _kinds(deck: DeckPlan) -> list[str]:
    return [slide.kind for slide in deck.slides]


def _with(workspace: Workspace, cost: float | None = 1_200_000, benefits: list[Benefit] | None = None,
          currency: str = "DKK") -> Workspace:
    phases = [dataclasses.replace(p, cost=cost) if p.id == "ph2" else p for p in workspace.phases]
    return dataclasses.replace(workspace, phases=phases, campaign=dataclasses.replace(workspace.campaign,
                                                                                     currency=currency),
                               benefits=workspace.benefits if benefits is None else benefits)


def test_the_business_case_slide_says_the_payback_and_keeps_measured_and_estimated_apart(demo: Workspace,
                                                                                        today: dt.date) -> None:
    slide = _slide(plan(demo, today=today), "business_case")
    assert not slide.appendix
    assert slide.title == "Phase 2 pays for itself in 7 months"  # 1,200,000 ÷ 2,088,000 a year × 12 = 6.9
    assert slide.bullets == [
        "Cost: DKK 1.2m",
        "Benefit: DKK 2.1m a year — DKK 828,000 measured, DKK 1.3m estimated",
        "On the measured benefit alone: paid back in 18 months",  # 1,200,000 ÷ 828,000 × 12 = 17.4
    ]
    assert sum(words(text) for text in slide.body_texts()) <= 40


def test_the_notes_give_the_basis_of_every_figure(demo: Workspace, today: dt.date) -> None:
    notes = _slide(plan(demo, today=today), "business_case").notes
    assert "Payback = cost ÷ benefit a year × 12 = 6.9 months" in notes
    assert "DKK 1,200,000" in notes and "DKK 828,000 measured, DKK 1,260,000 estimated" in notes
    for benefit in demo.benefits:
        assert benefit.basis in notes and benefit.title in notes
    assert "Time saved finding contracts in Legal: DKK 468,000 a year, saving, measured" in notes


def test_amounts_are_in_the_campaigns_currency_the_languages_way(demo: Workspace, demo_da: Workspace,
                                                                 today: dt.date) -> None:
    danish = plan(demo_da, today=today)
    assert _slide(danish, "business_case").title == "Fase 2 tjener sig selv hjem på 7 måneder"
    assert _slide(danish, "business_case").bullets[:2] == [
        "Pris: 1,2 mio. kr.", "Gevinst: 2,1 mio. kr. om året — 828.000 kr. målt, 1,3 mio. kr. anslået"]
    euro = plan(_with(demo, currency="EUR"), today=today)
    assert _slide(euro, "business_case").bullets[0] == "Cost: EUR 1.2m"
    assert "EUR 1,200,000" in _slide(euro, "roadmap").notes  # the roadmap's costs, each phase's note
    euro_da = plan(_with(demo_da, currency="EUR"), today=today)
    assert _slide(euro_da, "business_case").bullets[0] == "Pris: 1,2 mio. EUR"
    assert "4.800.000 EUR" in _slide(euro_da, "roadmap").notes
    chart = _slide(euro_da, "roadmap").chart
    assert chart is not None and [span.note for span in chart.spans] == [
        "Afsluttet · 350.000 EUR", "Til beslutning i dag · 1,2 mio. EUR", "Planlagt · 4,8 mio. EUR"]


def test_only_estimated_or_only_measured_benefit_is_said_for_what_it_is(demo: Workspace, today: dt.date) -> None:
    estimated = [dataclasses.replace(b, confidence="estimated") for b in demo.benefits]
    slide = _slide(plan(_with(demo, benefits=estimated), today=today), "business_case")
    assert slide.bullets[1:] == ["Benefit: DKK 2.1m a year, all of it estimated",
                                 "No benefit measured yet: every figure is an estimate"]
    measured = [dataclasses.replace(b, confidence="measured") for b in demo.benefits]
    slide = _slide(plan(_with(demo, benefits=measured), today=today), "business_case")
    assert slide.bullets[1:] == ["Benefit: DKK 2.1m a year, all of it measured"]
    assert [s.name for s in slide.chart.series] == ["Cost of Phase 2", "Benefit so far"]  # type: ignore[union-attr]


def test_no_business_case_slide_without_a_phase_asked_a_cost_or_a_benefit(demo: Workspace, today: dt.date) -> None:
    assert "business_case" not in _kinds(plan(_with(demo, cost=None), today=today))
    assert "business_case" not in _kinds(plan(_with(demo, benefits=[]), today=today))
    decided = [dataclasses.replace(p, status="approved") for p in demo.phases]
    nothing_asked = dataclasses.replace(demo, phases=decided, deck=dataclasses.replace(demo.deck, ask_phase_id=None))
    assert "business_case" not in _kinds(plan(nothing_asked, today=today))
    summary = _slide(plan(_with(demo, cost=None), today=today), "summary")
    assert "paid back" not in summary.title and not any("paid back" in line for line in summary.bullets)


def test_the_summary_states_the_cost_the_yearly_benefit_and_the_payback(demo: Workspace, today: dt.date) -> None:
    summary = _slide(plan(demo, today=today), "summary")
    assert summary.title.endswith(", paid back in 7 months")
    assert summary.bullets[-1] == "The plan: Phase 2, returns DKK 2.1m a year"  # its cost: in the title and ask
    assert summary.callout == "Decision needed today: approve Phase 2"
    assert sum(words(text) for text in summary.body_texts()) <= 40
    roomy = dataclasses.replace(demo, problems=[])  # no "why now": room for the yearly benefit and the payback
    assert _slide(plan(roomy, today=today), "summary").bullets[-1] == (
        "The plan: Phase 2, medium risk, DKK 1.2m, returns DKK 2.1m a year")
    roomier = dataclasses.replace(roomy, initiatives=[])  # nor a proof: the money on a line of its own
    assert _slide(plan(roomier, today=today), "summary").bullets == [
        "The plan: Phase 2: Legal and Sales, medium risk, DKK 1.2m",
        "The money: DKK 2.1m a year — DKK 828,000 measured, DKK 1.3m estimated; paid back in 7 months"]
    assert "Payback = cost ÷ benefit a year × 12" in _slide(plan(demo, today=today), "summary").notes
    terse = dataclasses.replace(demo.deck, ask="Approve phase 2")  # not a claim: the payback does not hide it
    assert _slide(plan(demo, terse, today=today), "summary").title == "Approve phase 2"


def test_the_lint_warns_of_an_empty_business_case_without_blocking_the_deck(demo: Workspace, demo_da: Workspace,
                                                                           today: dt.date) -> None:
    no_cost = check(_with(demo, cost=None), today=today)
    assert [(f.rule, f.severity) for f in no_cost] == [("money_no_cost", "warning")]
    assert no_cost[0].message("en") == ("The deck: the phase asked, “Phase 2: Legal and Sales”, has no cost, so the "
                                        "business case shows no payback (add its cost on the Roadmap page)")
    no_benefit = check(_with(demo_da, benefits=[]), today=today)
    assert [f.rule for f in no_benefit] == ["money_no_benefit"]
    assert no_benefit[0].message("da").startswith("Præsentationen: ingen gevinst er registreret, så business casen "
                                                  "for »Fase 2: Juridisk og Salg«")
    assert deck_step(_with(demo, cost=None), today).status == "done"  # told, not blocking


def test_briefing_check_prints_the_warning_and_exits_zero_for_it(demo: Workspace, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ws"
    store = WorkspaceStore.open(folder, FixedClock.on("2026-11-27"))
    store.replace(_with(demo, benefits=[]))
    store.close()
    assert cli(["check", "--workspace", str(folder)]) == 0
    assert "no benefit is recorded" in capsys.readouterr().out


def test_the_business_case_is_a_section_of_its_own_by_any_of_its_names(demo: Workspace, today: dt.date) -> None:
    for name in ("business_case", "money", "payback"):
        chosen = dataclasses.replace(demo.deck, sections=["decision", name])
        assert [s.kind for s in plan(demo, chosen, today=today).main] == ["title", "business_case", "decision"]


def test_the_chart_spans_past_the_cautious_payback_and_labels_where_each_line_ends() -> None:
    workspace = Workspace(campaign=Campaign(currency="EUR"), phases=[Phase(id="p", name="Scale", cost=900_000)],
                          benefits=[Benefit(id="m", title="m", amount_per_year=400_000, confidence="measured"),
                                    Benefit(id="e", title="e", amount_per_year=800_000, confidence="estimated")])
    case = business_case(workspace)
    assert case.horizon() == 36  # the measured payback (27 months) with a quarter to spare, in steps of 3
    spec = build.cost_and_benefit(case, "en", "Scale")
    assert spec.kind == "line" and spec.native
    assert spec.categories[:3] == ["0", "3", "6"] and spec.categories[-1] == "36"
    assert [(s.name, s.role) for s in spec.series] == [("Cost of Scale", "target"), ("Benefit so far", "accent"),
                                                       ("Measured benefit alone", "muted")]
    assert spec.series[0].values == [0.9] * 13 and spec.series[1].values[4] == pytest.approx(1.2)  # month 12
    assert [s.point_labels[-1] for s in spec.series] == ["EUR 900,000", "EUR 3.6m", "EUR 1.2m"]  # type: ignore[index]
    assert not any(s.point_labels[:-1] != [""] * 12 for s in spec.series)  # type: ignore[index]
    assert spec.value_axis == "EUR million" and spec.category_axis == "Months from the start of Scale"
    assert spec.alt_text == ("Scale costs EUR 900,000; a benefit of EUR 1,200,000 a year pays it back in 9 months. "
                             "On the measured benefit alone (EUR 400,000 a year) it takes 27 months.")
    assert build.cost_and_benefit(case, "da", "Skalering").value_axis == "mio. EUR"


def test_the_matplotlib_fallback_draws_the_same_chart() -> None:
    from briefing.charts.image import render_png
    from briefing.charts.theme import ChartTheme

    workspace = Workspace(phases=[Phase(id="p", name="Scale", cost=90_000)],
                          benefits=[Benefit(id="m", title="m", amount_per_year=60_000, confidence="measured")])
    spec = build.cost_and_benefit(business_case(workspace), "da", "Skalering")
    assert spec.value_axis == "1.000 kr." and spec.series[0].point_labels[-1] == "90.000 kr."  # type: ignore[index]
    png = render_png(spec, ChartTheme(), 6.0, 4.0, dpi=50)
    assert isinstance(png, bytes) and png[:4] == b"\x89PNG"


def test_the_exported_deck_has_the_business_case_as_a_native_line_chart(demo: Workspace, today: dt.date,
                                                                        tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    export(demo, out, today=today, cache_dir=None)
    slide = next(s for s in Presentation(str(out)).slides
                 if s.shapes.title is not None and s.shapes.title.text == "Phase 2 pays for itself in 7 months")
    chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
    assert chart.chart_type in (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS)
    series = list(chart.plots[0].series)
    assert [s.name for s in series] == ["Cost of Phase 2", "Benefit so far", "Measured benefit alone"]
    assert series[0].format.line.dash_style is not None and series[1].format.line.dash_style is None
    assert list(series[0].values) == [1.2] * 12
    assert list(series[1].values)[6] == pytest.approx(2.088)  # month 12: a year's benefit, DKK million
    assert list(chart.plots[0].categories)[-1] == "22"
    text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert "Cost: DKK 1.2m" in text and "DKK 828,000 measured" in text
    assert "Benefit: DKK 2.1m a year" in text
    assert "Payback = cost ÷ benefit a year × 12" in slide.notes_slide.notes_text_frame.text
