"""Two surveys compared where they asked the same question: the share who agree then and now, each with its n.

A question is shared when the later survey has a Likert question with the same id or the same text (spaces and
case aside) as the earlier one. "Agree" is the top box of the question's scale (the top two levels of a scale of
four or more), as in ``analysis``. ``latest_comparison(workspace)`` compares the newest answered survey with the
newest earlier one that shares a question with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.evidence.analysis import analyse_question
from briefing.model.entities import Question, Survey, Workspace


@dataclass(frozen=True)
class Agreement:
    """How many of the ``n`` who answered a question agreed."""

    agree: int
    n: int

    @property
    def share(self) -> float | None:
        """``agree / n`` (0 … 1); None when nobody answered."""
        return self.agree / self.n if self.n else None


@dataclass(frozen=True)
class SharedQuestion:
    """One question asked in both surveys: its text (as the later survey asks it) and the agreement each time."""

    text: str
    then: Agreement
    now: Agreement

    @property
    def change_points(self) -> float | None:
        """The change in the share who agree, in percentage points."""
        if self.then.share is None or self.now.share is None:
            return None
        return (self.now.share - self.then.share) * 100


@dataclass(frozen=True)
class SurveyComparison:
    earlier: Survey
    later: Survey
    questions: list[SharedQuestion]


def shared_questions(earlier: Survey, later: Survey) -> list[tuple[Question, Question]]:
    """The Likert questions of ``later`` that ``earlier`` asked too (same id or same text), in ``later``'s order."""
    before = [q for q in earlier.questions if q.kind == "likert" and q.scale]
    pairs = []
    for question in later.questions:
        if question.kind != "likert" or not question.scale:
            continue
        match = next((q for q in before if q.id == question.id), None) or next(
            (q for q in before if _same_text(q.text, question.text)), None)
        if match is not None:
            pairs.append((match, question))
    return pairs


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold().rstrip(".?!") == " ".join(b.split()).casefold().rstrip(".?!")


def agreement(survey: Survey, question: Question) -> Agreement:
    """The respondents of ``survey`` who answered ``question`` on its scale, and how many of them agreed."""
    result = analyse_question(survey, question)
    top = result.top2 or 0.0
    return Agreement(round(top * result.n), result.n)


def compare(earlier: Survey, later: Survey) -> SurveyComparison:
    """The agreement with every question both surveys asked, then and now."""
    questions = [
        SharedQuestion(now_q.text, agreement(earlier, then_q), agreement(later, now_q))
        for then_q, now_q in shared_questions(earlier, later)
    ]
    return SurveyComparison(earlier, later, questions)


def latest_comparison(workspace: Workspace, survey: Survey | None = None) -> SurveyComparison | None:
    """``survey`` (default: the newest answered survey) against the newest earlier answered survey that shares a
    question with it; None when there is none (or ``survey`` has no answers yet)."""
    answered = sorted((s for s in workspace.surveys if s.responses), key=lambda s: s.date or dt.date.min)
    later = survey or (answered[-1] if answered else None)
    if later is None or not later.responses:
        return None
    earlier = [s for s in answered if s is not later and (s.date or dt.date.min) < (later.date or dt.date.max)]
    for candidate in reversed(earlier):
        comparison = compare(candidate, later)
        if comparison.questions:
            return comparison
    return None
