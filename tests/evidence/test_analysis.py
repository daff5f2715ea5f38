"""What the analysis says about a survey, question by question."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.evidence.analysis import SMALL_SAMPLE, analyse, analyse_question
from briefing.evidence.kinds import retype
from briefing.evidence.surveys import import_survey
from briefing.model.entities import Question, Response, Survey

AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]


def survey_of(question: Question, values: list[object]) -> Survey:
    responses = [Response(answers={} if v is None else {question.id: v}) for v in values]  # type: ignore[dict-item]
    return Survey(id="s", title="T", questions=[question], responses=responses)


def test_likert_distribution_in_scale_order_with_mean_and_top_two_box() -> None:
    question = Question("q1", "I can find contracts", kind="likert", scale=AGREE)
    values = ["Agree", "strongly agree", "Disagree", "Agree", None, "", "Strongly disagree"]
    result = analyse_question(survey_of(question, values), question)
    assert result.distribution == [("Strongly disagree", 1), ("Disagree", 1), ("Neither agree nor disagree", 0),
                                   ("Agree", 2), ("Strongly agree", 1)]
    assert result.n == 5 and result.skipped == 2
    assert result.mean == pytest.approx((1 + 2 + 4 + 4 + 5) / 5)
    assert result.top2 == pytest.approx(3 / 5) and result.bottom2 == pytest.approx(2 / 5)
    assert result.small_sample


def test_likert_finding_is_a_sentence_in_both_languages() -> None:
    question = Question("q1", "I can find contracts", kind="likert", scale=AGREE)
    result = analyse_question(survey_of(question, ["Agree"] * 40 + ["Disagree"] * 10), question)
    top = result.suggestions[0]
    assert top.message("en") == "80% answered Agree or Strongly agree to “I can find contracts” (n = 50)."
    assert top.message("da") == "80 % svarede Agree eller Strongly agree til »I can find contracts« (n = 50)."
    assert not result.small_sample and "Small sample" not in top.message("en")


def test_small_samples_are_flagged_in_the_findings() -> None:
    question = Question("q1", "Hours", kind="number")
    result = analyse_question(survey_of(question, [1, 2.5, 4]), question)
    assert result.small_sample and SMALL_SAMPLE == 30
    assert "Lille stikprøve: n = 3" in result.suggestions[0].message("da")
    assert "2,5" in result.suggestions[0].message("da") and "2.5" in result.suggestions[0].message("en")


def test_numbers_are_summarised() -> None:
    question = Question("q1", "Hours", kind="number")
    result = analyse_question(survey_of(question, [1, 2, 3, 10, None]), question)
    assert result.numbers is not None
    assert (result.numbers.n, result.numbers.mean, result.numbers.median) == (4, 4.0, 2.5)
    assert (result.numbers.min, result.numbers.max) == (1, 10)


def test_multi_choice_counts_respondents_per_option() -> None:
    question = Question("q1", "Tools", kind="multi", scale=["Email", "Teams", "Intranet"])
    result = analyse_question(survey_of(question, [["Email", "Teams"], ["Teams"], ["Other"], None]), question)
    assert result.n == 3
    assert result.distribution == [("Email", 1), ("Teams", 2), ("Intranet", 0), ("Other", 1)]
    assert result.share("Teams") == pytest.approx(2 / 3)


def test_single_choice_without_scale_is_most_frequent_first() -> None:
    question = Question("q1", "Team", kind="single")
    result = analyse_question(survey_of(question, ["B", "A", "B", "C", "B", "A"]), question)
    assert result.distribution == [("B", 3), ("A", 2), ("C", 1)]
    assert "“B” (50%" in result.suggestions[0].message("en")


def test_free_text_answers_are_kept() -> None:
    question = Question("q1", "Why", kind="text")
    result = analyse_question(survey_of(question, ["Slow search", None, "Too many places", "Slow search"]), question)
    assert result.texts == ["Slow search", "Too many places", "Slow search"]
    assert "“Slow search” (2 of 3)" in result.suggestions[0].message("en")


def test_the_danish_forms_sample(msforms: Path) -> None:
    results = analyse(import_survey(msforms).survey)
    assert [r.n for r in results] == [64, 64, 64, 64, 58, 64]
    contracts = results[1]
    assert [c for _, c in contracts.distribution] == [17, 27, 7, 9, 4]
    assert contracts.top2 == pytest.approx(13 / 64)
    assert contracts.suggestions[0].message("da").startswith("20 % svarede Enig eller Helt enig til »Jeg kan")
    assert len(results[4].texts) == 58 and not any(r.small_sample for r in results)


def test_a_kind_can_be_changed_later_without_losing_answers(google: Path) -> None:
    survey = import_survey(google).survey
    as_text = retype(survey, "q2", "text")
    assert as_text.questions[1].kind == "text"
    assert analyse(as_text)[1].texts[0] == "Strongly disagree"
    back = retype(as_text, "q2", "likert")
    assert back.questions[1].scale == AGREE
    assert analyse(back)[1].distribution == analyse(survey)[1].distribution
    numbers_as_single = retype(survey, "q6", "single")
    assert analyse(numbers_as_single)[5].n == 48


def test_a_suggestion_accepted_becomes_a_finding_once(google: Path) -> None:
    from briefing.evidence.surveys import with_finding

    survey = import_survey(google).survey
    sentence = analyse(survey)[1].suggestions[0].message("en")
    accepted = with_finding(with_finding(survey, sentence), sentence + " ")
    assert accepted.findings == [sentence] and survey.findings == []
