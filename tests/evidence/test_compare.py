"""Two surveys that asked the same question: the share who agree then and now, each with its n."""

from __future__ import annotations

import dataclasses

from briefing.evidence.compare import compare, latest_comparison, shared_questions
from briefing.model.entities import Question, Response, Survey, Workspace

SCALE = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]


def _survey(sid: str, qid: str, text: str, answers: list[str | None], date: str) -> Survey:
    import datetime as dt

    return Survey(id=sid, title=sid, date=dt.date.fromisoformat(date),
                  questions=[Question(id=qid, text=text, kind="likert", scale=SCALE)],
                  responses=[Response(answers={qid: a} if a else {}) for a in answers])


def test_the_demo_surveys_are_compared_question_by_question_with_each_n(demo: Workspace) -> None:
    found = latest_comparison(demo)
    assert found is not None
    assert (found.earlier.id, found.later.id) == ("q1", "q2")
    first = found.questions[0]
    assert first.text.startswith("I can quickly find the signed contract")
    assert (first.then.agree, first.then.n, first.now.agree, first.now.n) == (9, 52, 37, 48)
    assert round(first.change_points or 0) == 60  # 17 % → 77 %
    assert [q.now.n for q in found.questions] == [48, 48, 46]  # a question some skipped has its own n


def test_a_question_is_shared_by_its_text_or_its_id_never_by_neither() -> None:
    then = _survey("a", "x1", "I find what I need.", ["Agree", "Disagree"], "2026-01-01")
    same_text = _survey("b", "y1", "  i find what I need ", ["Agree", "Agree", None], "2026-06-01")
    same_id = _survey("c", "x1", "Finding things is easy", ["Strongly agree"], "2026-06-01")
    other = _survey("d", "z9", "Something else entirely", ["Agree"], "2026-06-01")
    assert len(shared_questions(then, same_text)) == 1
    assert len(shared_questions(then, same_id)) == 1
    assert shared_questions(then, other) == []
    row = compare(then, same_text).questions[0]
    assert (row.then.agree, row.then.n, row.now.agree, row.now.n) == (1, 2, 2, 2)  # the blank answer is not counted


def test_no_comparison_without_an_earlier_survey_that_shares_a_question(demo: Workspace) -> None:
    assert latest_comparison(dataclasses.replace(demo, surveys=demo.surveys[-1:])) is None
    only_text = [dataclasses.replace(s, questions=[q for q in s.questions if q.kind == "text"]) for s in demo.surveys]
    assert latest_comparison(dataclasses.replace(demo, surveys=only_text)) is None


def test_a_survey_without_answers_yet_is_not_compared(demo: Workspace) -> None:
    later = dataclasses.replace(demo.surveys[-1], responses=[])
    assert latest_comparison(demo, later) is None
