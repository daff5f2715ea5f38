"""The evidence over time: the headline KPI as a line over its measurements with its baseline and target, more
KPIs as the slide budget allows, and two surveys compared then and now — in the plan and in the exported deck."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from briefing.charts.theme import contrast
from briefing.deck import export, plan
from briefing.deck.sections.facts import headline_effect
from briefing.deck.template import load
from briefing.model.entities import Workspace


def _slide(deck, kind: str):  # type: ignore[no-untyped-def]
    return next(s for s in deck.slides if s.kind == kind)


def test_the_headline_kpi_is_the_one_chosen_else_the_largest_effect(demo: Workspace, today: dt.date) -> None:
    unset = dataclasses.replace(demo, deck=dataclasses.replace(demo.deck, headline_kpi=None))
    largest = headline_effect(unset)
    assert largest is not None and largest.kpi.id == "k3"  # a primary KPI, the largest improvement (86 %)
    chosen = dataclasses.replace(demo, deck=dataclasses.replace(demo.deck, headline_kpi="k2"))
    effect = headline_effect(chosen)
    assert effect is not None and effect.kpi.id == "k2"
    proof = _slide(plan(chosen, today=today), "proof")
    assert proof.title.startswith("Active contracts with complete metadata: from 38 to 93%")
    assert proof.chart is not None and proof.chart.series[0].values == [38, 55, 68, 78, 93]
    unmeasured = dataclasses.replace(demo, deck=dataclasses.replace(demo.deck, headline_kpi="nope"))
    assert (headline_effect(unmeasured) or largest).kpi.id == "k3"  # a KPI that is gone: the largest again


def test_the_proof_is_a_line_over_every_measurement_with_baseline_and_target_lines(demo: Workspace,
                                                                                  today: dt.date) -> None:
    chart = _slide(plan(demo, today=today), "proof").chart
    assert chart is not None and chart.kind == "line" and chart.native
    assert chart.categories == ["15 Mar 2026", "1 May 2026", "1 Jun 2026", "1 Jul 2026", "31 Aug 2026",
                                "31 Oct 2026"]
    line, baseline, target = chart.series
    assert line.values == [45, 31, 19, 12, 9, 8] and not line.reference
    assert (baseline.values, baseline.reference, baseline.point_labels[-1]) == ([45] * 6, True, "Baseline: 45 min")
    assert (target.values, target.reference, target.point_labels[0]) == ([8] * 6, True, "Target: 8 min")
    assert target.role == "goal"  # the template's colour for a goal, not the red of a warning
    assert not any(target.point_labels[1:]) and not any(baseline.point_labels[:-1])  # each labelled once
    assert (baseline.label_positions or [])[-1] == "left" and (target.label_positions or [])[0] == "right"
    assert "45 min" in chart.alt_text and "Target: 8 min" in chart.alt_text and "6 measurements" in chart.alt_text
    da = _slide(plan(_danish(demo), today=today), "proof").chart
    assert da is not None and "6 målinger" in da.alt_text and "Mål: 8 min" in da.alt_text


def _danish(demo: Workspace) -> Workspace:
    return dataclasses.replace(demo, deck=dataclasses.replace(demo.deck, language="da"))


def test_more_kpis_reach_the_main_slides_as_the_budget_allows(demo: Workspace, today: dt.date) -> None:
    roomy = plan(demo, dataclasses.replace(demo.deck, max_slides=12), today=today)
    proof, kpis = _slide(roomy, "proof"), _slide(roomy, "kpis")
    assert not kpis.appendix and [s.kind for s in roomy.main].index("kpis") == [s.kind for s in roomy.main].index(
        "proof") + 1
    assert proof.caption.endswith("All 6 other KPIs on the next slide")
    assert kpis.chart is not None and len(kpis.chart.categories) == 6
    assert any("Gate reviews where the director asks for earlier lessons" in c for c in kpis.chart.categories)
    assert "5% → 31%, target 50%" in kpis.chart.series[0].point_labels
    assert "Time spent re-creating existing documents, hours/week (lower is better)" in kpis.chart.categories
    beside = " ".join(proof.bullets)  # the kinds the method stresses come beside the headline, names whole
    assert "Gate reviews where the director asks for earlier lessons: from 5 to 31%" in beside
    tight = plan(demo, today=today)  # the demo's 10 slides: the other KPIs move to the appendix, and it says so
    assert "kpis" not in [s.kind for s in tight.main]
    assert _slide(tight, "kpis").appendix
    assert _slide(tight, "proof").caption.endswith("All 6 other KPIs in the appendix")
    assert len(tight.main) == 10


def test_the_survey_slide_compares_the_shared_questions_then_and_now(demo: Workspace, today: dt.date) -> None:
    survey = _slide(plan(demo, today=today), "survey")
    chart = survey.chart
    assert chart is not None and chart.kind == "bar"
    then, now = chart.series
    assert (then.name, now.name) == ("March 2026 (n = 52)", "September 2026 (n = 48)")
    assert [round(v or 0) for v in then.values] == [17, 19, 20] and [round(v or 0) for v in now.values] == [77, 71, 35]
    assert now.point_labels[-1] == "35% (n = 46)"  # a question answered by fewer carries its own n
    assert "17% in March 2026 (n = 52)" in chart.alt_text
    assert "Baseline: finding contracts and knowledge" in survey.notes
    da = _slide(plan(_danish(demo), today=today), "survey").chart
    assert da is not None and da.series[0].name.startswith("marts 2026")


def test_every_template_gives_the_target_line_a_theme_colour_that_is_not_red(samples: Path) -> None:
    for path in (None, samples / "templates" / "purple-banner.potx",
                 samples / "templates" / "reclamation-dark-16x9.pptx"):
        palette = load(path).palette
        red, green, blue = (int(palette.goal[i : i + 2], 16) for i in (1, 3, 5))
        assert not (red > 150 and green < 90 and blue < 90), (path, palette.goal)
        assert palette.goal != palette.accent and contrast(palette.goal, palette.background) >= 3.0


def test_the_exported_deck_has_an_editable_line_chart_of_the_measurements(demo: Workspace, today: dt.date,
                                                                         tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    export(demo, out, settings=dataclasses.replace(demo.deck, max_slides=12), today=today, cache_dir=tmp_path)
    charts = [shape.chart for slide in Presentation(str(out)).slides for shape in slide.shapes if shape.has_chart]
    line = next(c for c in charts if c.chart_type in (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS))
    values = [list(s.values) for s in line.plots[0].series]
    assert values == [[45, 31, 19, 12, 9, 8], [45] * 6, [8] * 6]
    assert list(line.plots[0].categories) == ["15 Mar 2026", "1 May 2026", "1 Jun 2026", "1 Jul 2026",
                                              "31 Aug 2026", "31 Oct 2026"]
    target = line.plots[0].series[2]
    assert target.format.line.dash_style is not None
    assert str(target.format.line.color.rgb) == load(None).palette.goal.lstrip("#")
    compared = next(c for c in charts if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
                    and [s.name for s in c.plots[0].series] == ["March 2026 (n = 52)", "September 2026 (n = 48)"])
    assert [round(v) for v in compared.plots[0].series[1].values] == [77, 71, 35]


def test_kpis_past_the_slide_of_other_kpis_continue_whole_in_the_appendix(demo: Workspace, today: dt.date) -> None:
    pilot = demo.initiatives[1]
    extra = [dataclasses.replace(k, id=f"x{i}", name=f"Extra measure number {i} of the pilot") for i, k in
             enumerate(pilot.kpis)]
    bigger = dataclasses.replace(demo, initiatives=[demo.initiatives[0],
                                                    dataclasses.replace(pilot, kpis=[*pilot.kpis, *extra])])
    deck = plan(bigger, dataclasses.replace(demo.deck, max_slides=12), today=today)
    kpis = _slide(deck, "kpis")
    assert kpis.chart is not None and len(kpis.chart.categories) == 6 and not kpis.appendix
    assert kpis.caption == "3 more KPIs in the appendix"
    rest = [b for s in deck.appendix if s.kind == "details" and s.title == "More results from our own house"
            for b in s.bullets]
    assert len(rest) == 3 and all(": from " in b for b in rest)
    others = [k.name for i in bigger.initiatives for k in i.kpis if k.id != "k1"]
    for name in others:  # every other KPI once: on the slide or, its name whole, in the appendix
        on_slide = sum(c.startswith(name) for c in kpis.chart.categories)
        assert on_slide + sum(b.startswith(f"{name}: from") for b in rest) == 1, name
    assert _slide(deck, "proof").caption.endswith("All 9 other KPIs on the next slide")


def test_the_comparison_s_alt_text_has_every_figure_in_both_languages(demo: Workspace, today: dt.date) -> None:
    chart = _slide(plan(_danish(demo), today=today), "survey").chart
    assert chart is not None
    assert "17 % i marts 2026 (n = 52) var enige, 77 % i september 2026 (n = 48)" in chart.alt_text
    assert "35 % i september 2026 (n = 46)" in chart.alt_text


def test_no_slide_of_other_kpis_when_they_all_fit_beside_the_headline(demo: Workspace, today: dt.date) -> None:
    pilot = dataclasses.replace(demo.initiatives[0], kpis=demo.initiatives[0].kpis[:2])
    small = dataclasses.replace(demo, initiatives=[pilot])
    deck = plan(small, dataclasses.replace(demo.deck, max_slides=12), today=today)
    proof = _slide(deck, "proof")
    assert proof.bullets == ["Active contracts with complete metadata: from 38 to 93%"]
    assert "kpis" not in [s.kind for s in deck.slides] and "other KPIs" not in proof.caption


def test_other_kpis_without_targets_are_shown_against_their_baseline(demo: Workspace, today: dt.date) -> None:
    untargeted = [dataclasses.replace(i, kpis=[k if k.id == "k1" else dataclasses.replace(k, target=None)
                                               for k in i.kpis]) for i in demo.initiatives]
    deck = plan(dataclasses.replace(demo, initiatives=untargeted), dataclasses.replace(demo.deck, max_slides=12),
                today=today)
    chart = _slide(deck, "kpis").chart
    assert chart is not None and [s.name for s in chart.series] == ["Baseline", "Latest"]
    targeted = _slide(plan(demo, dataclasses.replace(demo.deck, max_slides=12), today=today), "kpis").chart
    assert targeted is not None
    assert "Gate reviews where the director asks for earlier lessons: 5% → 31%, target 50%, 58% of the way." in (
        targeted.alt_text)
