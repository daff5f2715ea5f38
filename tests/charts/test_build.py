"""Chart specs from a workspace: what each chart shows, in English and Danish."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from briefing import i18n
from briefing.charts import build
from briefing.charts.spec import ChartSpec
from briefing.model.entities import Kpi, Measurement, Workspace

from .conftest import SCALE, TODAY, likert_survey, small_workspace

CATALOG = Path(build.__file__).resolve().parent.parent / "i18n" / "charts.json"


def all_specs(workspace: Workspace, lang: str) -> list[ChartSpec]:
    return [
        build.kpi_effects(workspace, lang),
        build.survey_results(workspace.surveys[0], lang),
        build.stakeholder_map(workspace, lang),
        build.roadmap_timeline(workspace, lang, TODAY),
        build.attempts(workspace, lang),
        build.leadership_dose(workspace, lang, TODAY, 42),
    ]


def texts(spec: ChartSpec) -> str:
    return json.dumps(dataclasses.asdict(spec), default=str, ensure_ascii=False)


# ---------------------------------------------------------------- the proof


def test_kpi_effects_one_category_per_kpi_indexed_and_labelled_in_its_unit(workspace):
    spec = build.kpi_effects(workspace, "en")
    assert spec.kind == "bar" and spec.native
    # the strongest improvement first: hours +250 %, search time −82 %, findability +37 %; unmeasured left out
    assert spec.categories == ["Hours saved per week", "Contract search time (lower is better)", "Findability score"]
    baseline, latest, target = spec.series
    assert [s.role for s in spec.series] == ["context", "accent", "target"]
    assert baseline.values == [100.0, 100.0, 100.0]
    assert latest.values == [350.0, pytest.approx(17.8), pytest.approx(136.5)]
    assert latest.point_labels == ["3.5 h", "8 min", "71%"]
    assert target.point_labels == ["4 h", "10 min", "75%"]
    assert spec.value_axis == "Index (baseline = 100)"
    assert spec.title == "Hours saved per week: 250% better than the baseline"
    assert "Contract search time: from 45 min to 8 min." in spec.alt_text


def test_kpi_effects_in_danish_writes_decimal_commas_and_percent_with_space(workspace):
    spec = build.kpi_effects(workspace, "da")
    assert spec.series[1].point_labels == ["3,5 h", "8 min", "71 %"]
    assert spec.series[0].name == "Udgangspunkt"
    assert spec.categories[1] == "Contract search time (lavere er bedre)"
    assert spec.title.endswith("250 % bedre end udgangspunktet")


def test_kpis_sharing_one_unit_are_drawn_in_that_unit(workspace):
    kpis = workspace.initiatives[0].kpis
    workspace.initiatives[0].kpis = [kpis[0], Kpi(id="k9", name="Time to answer", unit="min", direction="down",
                                                  baseline=20, measurements=[Measurement(dt.date(2026, 9, 1), 15)])]
    spec = build.kpi_effects(workspace, "en")
    assert spec.unit == "min" and spec.value_axis == "min"
    assert spec.series[0].values == [45, 20] and spec.series[1].values == [8, 15]
    assert spec.series[2].values == [10, None] and spec.series[2].point_labels == ["10 min", ""]


def test_kpi_with_zero_baseline_is_left_out_of_a_mixed_unit_chart_and_named(workspace):
    workspace.initiatives[0].kpis.append(
        Kpi(id="k0", name="Reuse count", unit="pages", baseline=0, measurements=[Measurement(dt.date(2026, 9, 1), 5)])
    )
    spec = build.kpi_effects(workspace, "en")
    assert "Reuse count" not in spec.categories
    assert "Reuse count" in spec.alt_text


def test_no_measured_kpi_gives_an_empty_chart_that_says_so():
    spec = build.kpi_effects(Workspace(), "da")
    assert spec.categories == [] and spec.title == "Ingen KPI er målt endnu"


# ---------------------------------------------------------------- surveys


def test_survey_counts_each_scale_level_from_labels_and_numbers():
    spec = build.survey_results(likert_survey(), "en")
    assert spec.kind == "likert" and spec.scale == SCALE
    assert [row.label for row in spec.likert] == ["Statement 1", "Statement 2", "Statement 3"]
    assert spec.likert[0].counts == [2, 0, 0, 1, 0]
    assert spec.likert[1].counts == [0, 0, 0, 3, 0]
    assert spec.note == "n = 3, April 2026"
    assert build.survey_results(likert_survey(), "da").note == "n = 3, april 2026"


def test_survey_results_respects_max_questions_and_a_shared_scale():
    survey = likert_survey()
    survey.questions[1].scale = ["No", "Yes"]
    spec = build.survey_results(survey, "en", max_questions=5)
    assert [row.label for row in spec.likert] == ["Statement 1", "Statement 3", "Statement 4"]
    assert len(build.survey_results(survey, "en", max_questions=1).likert) == 1


# ---------------------------------------------------------------- stakeholders


def test_stakeholder_map_one_series_per_stance_in_order_with_level_roles(workspace):
    spec = build.stakeholder_map(workspace, "en")
    assert spec.kind == "bubble"
    assert [s.name for s in spec.series] == ["Blocker", "Skeptic", "Neutral", "Supporter", "Champion"]
    assert [s.role for s in spec.series] == [f"level:{i}/5" for i in range(5)]
    supporters = spec.series[3]
    assert supporters.point_labels == ["Carl Berg", "Finn Ask"]
    assert supporters.sizes == [4.0, 3.0]
    # the two supporters share interest 4 / influence 3: moved apart, labels on opposite sides
    assert supporters.x[0] != supporters.x[1] and supporters.values == [3, 3]
    assert supporters.label_positions == ["left", "right"]
    assert spec.note.startswith("3 allies, 2 budget holders")


def test_anonymized_stakeholder_map_shows_roles_and_no_name(workspace):
    spec = build.stakeholder_map(workspace, "en", anonymize=True)
    assert spec.series[3].point_labels == ["IT lead", "Analyst"]
    everything = texts(spec)
    for stakeholder in workspace.stakeholders:
        for part in stakeholder.name.split():
            assert part not in everything


# ---------------------------------------------------------------- roadmap, attempts, dosing


def test_roadmap_timeline_spans_in_date_order_coloured_by_risk(workspace):
    spec = build.roadmap_timeline(workspace, "en", TODAY)
    assert [s.label for s in spec.spans] == ["Pilot: contracts", "Legal & sales", "Company-wide rollout"]
    assert [s.role for s in spec.spans] == ["level:0/3", "level:1/3", "level:2/3"]
    assert spec.today == TODAY and spec.today_label == "Today"
    assert spec.scale == ["Low risk", "Medium risk", "High risk"]
    assert spec.spans[0].note == "Cost DKK 250,000"
    assert build.roadmap_timeline(workspace, "da", TODAY).spans[2].note == "Pris 3,2 mio. kr."


def test_attempts_in_date_order_with_the_outcome_as_level(workspace):
    spec = build.attempts(workspace, "en")
    assert spec.kind == "column"
    assert spec.categories == ["Attempt 1 · 1 Mar 2026", "Attempt 2 · 10 Jun 2026", "Attempt 3 · 2 Oct 2026"]
    (series,) = spec.series
    assert series.values == [1.0, 3.0, 4.0]
    assert series.point_roles == ["level:0/5", "level:2/5", "level:3/5"]
    assert series.point_labels == ["Rejected", "Postponed", "Partly approved"]
    assert spec.scale[0] == "Rejected" and spec.scale[-1] == "Approved"


def test_leadership_dose_counts_decision_makers_per_week_in_the_window(workspace):
    spec = build.leadership_dose(workspace, "en", TODAY, 42)
    assert spec.categories[-1] == "W48" and len(spec.categories) == 7
    contacts, references = spec.series
    # in the window: CFO today (1 ref) and 3 days ago (1), CEO 10 days ago, CFO 30 days ago (3 refs);
    # Bo Lund is no decision maker, the CEO contact 60 days ago is outside the window
    assert sum(contacts.values) == 4 and sum(references.values) == 5
    assert contacts.values[-1] == 2 and references.values[-1] == 2
    assert contacts.point_labels[0] == ""  # a zero is not labelled
    assert spec.note == "4 contacts (max 2), 5 references (max 2)"


def test_leadership_dose_over_a_long_window_is_per_month(workspace):
    spec = build.leadership_dose(workspace, "da", TODAY, 180)
    assert spec.categories[0] == "jun." and spec.categories[-1] == "nov."
    assert sum(spec.series[0].values) == 5
    assert build.leadership_dose(workspace, "da", TODAY, 42).categories[-1] == "Uge 48"


# ---------------------------------------------------------------- language


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_text_is_translated(workspace, lang):
    for spec in all_specs(workspace, lang):
        assert spec.lang == lang
        assert not re.search(r'"chart\.[a-z_.]+"', texts(spec)), f"untranslated key in {spec.kind}"


def test_catalog_has_english_and_danish_for_every_key():
    catalog = {key: value for path in sorted(CATALOG.parent.glob("charts*.json"))
               for key, value in json.loads(path.read_text(encoding="utf-8")).items()}
    for key, messages in catalog.items():
        assert key.startswith("chart.")
        assert messages.get("en") and messages.get("da"), key
    used = set(re.findall(r'"(chart\.[a-z_.]+)"', Path(build.__file__).read_text(encoding="utf-8")))
    assert used <= set(i18n.catalog()), used - set(i18n.catalog())  # charts.json, or a newer catalog beside it


def test_danish_texts_are_danish(workspace):
    english = " ".join(texts(s) for s in all_specs(workspace, "en"))
    danish = " ".join(texts(s) for s in all_specs(workspace, "da"))
    assert "Interessenter efter interesse og indflydelse" in danish and "Planen i faser" in danish
    assert "Interessenter" not in english


# ---------------------------------------------------------------- the demo


@pytest.mark.parametrize("which", ["demo", "demo_da"])
def test_builders_on_the_demo(which, request):
    workspace = request.getfixturevalue(which)
    lang = "en" if which == "demo" else "da"
    specs = all_specs(workspace, lang)
    kpis, survey, people, plan, history, _ = specs
    assert kpis.categories and all(s.point_labels for s in kpis.series)
    assert survey.likert and all(sum(row.counts) > 0 for row in survey.likert)
    assert sum(len(s.values) for s in people.series) == len(workspace.stakeholders)
    assert plan.spans and plan.spans[0].role == "level:0/3"
    assert len(history.categories) == len(workspace.presentations)


def test_builders_are_pure(workspace):
    before = texts(build.kpi_effects(workspace, "en"))
    copy = small_workspace()
    for spec in all_specs(workspace, "en"):
        assert spec is not None
    assert dataclasses.asdict(workspace) == dataclasses.asdict(copy)
    assert texts(build.kpi_effects(workspace, "en")) == before
