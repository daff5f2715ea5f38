"""What a survey says, question by question: n, the distribution, and findings worth saying.

``analyse(survey)`` gives one ``QuestionAnalysis`` per question:

- every kind: ``n`` (respondents who answered), ``skipped``, ``small_sample`` (n < SMALL_SAMPLE);
- Likert: the distribution in scale order (low → high), the mean on 1…k, top-2-box and bottom-2-box;
- single choice: the distribution (scale order when the question has one, else most frequent first);
- multi choice: how many respondents chose each option (shares of the respondents, not of the ticks);
- number: ``numbers`` (n, mean, median, min, max);
- free text: every answer kept, in response order.

``suggestions`` are finding sentences the user may accept into ``Survey.findings``; they are
translated when shown (``suggestion.message(lang)``), with numbers written the language's way.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing.i18n import format_number, tr
from briefing.model.entities import AnswerValue, Question, QuestionKind, Survey

SMALL_SAMPLE = 30
"""Below this many answers a question's result is flagged as a small sample."""

TOP_BOX = 2
"""How many scale levels at each end count as top-box / bottom-box."""


class Percent:
    """A share (0 … 1) written as a percentage in the language it is shown in: ``62%`` / ``62 %``."""

    def __init__(self, share: float) -> None:
        self.share = share

    def message(self, lang: str | None = None) -> str:
        return tr("evidence.percent", lang, value=format_number(round(self.share * 100), lang, 0))


class Number:
    """A number written the way the language it is shown in writes it."""

    def __init__(self, value: float, decimals: int | None = None) -> None:
        self.value = value
        self.decimals = decimals

    def message(self, lang: str | None = None) -> str:
        return format_number(self.value, lang, self.decimals)


@dataclass(frozen=True)
class Suggestion:
    """A finding sentence proposed from the numbers: a catalog key and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        text = tr(self.key, lang, **self.params)
        if self.params.get("small"):
            text = f"{text} {tr('evidence.finding.small_sample_note', lang, n=self.params['n'])}"
        return text

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class NumberSummary:
    n: int
    mean: float
    median: float
    min: float
    max: float


@dataclass(frozen=True)
class QuestionAnalysis:
    """The result of one question; see the module docstring for what each kind fills in."""

    question: Question
    n: int
    skipped: int
    distribution: list[tuple[str, int]] = field(default_factory=list)
    mean: float | None = None
    top2: float | None = None
    """Share (0 … 1) of answers in the top two levels of a Likert scale."""
    bottom2: float | None = None
    numbers: NumberSummary | None = None
    texts: list[str] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def kind(self) -> QuestionKind:
        return self.question.kind

    @property
    def small_sample(self) -> bool:
        return self.n < SMALL_SAMPLE

    def share(self, label: str) -> float | None:
        """The share of the respondents who answered ``label`` (0 … 1); None without answers."""
        count = dict(self.distribution).get(label)
        if count is None or not self.n:
            return None
        return count / self.n


def analyse(survey: Survey) -> list[QuestionAnalysis]:
    """One analysis per question of ``survey``, in question order."""
    return [analyse_question(survey, question) for question in survey.questions]


def analyse_question(survey: Survey, question: Question) -> QuestionAnalysis:
    """The analysis of one question over every response of ``survey``."""
    answers = [_present(r.answers.get(question.id)) for r in survey.responses]
    given: list[AnswerValue] = [a for a in answers if a is not None]
    skipped = len(survey.responses) - len(given)
    if question.kind == "likert":
        return _likert(question, given, skipped)
    if question.kind == "single":
        return _single(question, given, skipped)
    if question.kind == "multi":
        return _multi(question, given, skipped)
    if question.kind == "number":
        return _number(question, given, skipped)
    return _text(question, given, skipped)


def _present(value: AnswerValue) -> AnswerValue:
    """None for an answer that is not there: missing, blank text or an empty selection."""
    if value is None or (isinstance(value, str) and not value.strip()) or value == []:
        return None
    return value


def _common(question: Question, n: int) -> dict[str, Any]:
    return {"question": question.text, "n": n, "small": n < SMALL_SAMPLE}


# -- Likert ----------------------------------------------------------------------------------


def _likert(question: Question, given: list[AnswerValue], skipped: int) -> QuestionAnalysis:
    scale = list(question.scale)
    levels = [scale_level(value, scale) for value in given]
    known = [level for level in levels if level is not None]
    counts = Counter(known)
    distribution = [(label, counts.get(i, 0)) for i, label in enumerate(scale)]
    n = len(known)
    if not n:
        return QuestionAnalysis(question, 0, skipped + len(given), distribution)
    mean = sum(level + 1 for level in known) / n
    box = min(TOP_BOX, len(scale) // 2) or 1
    top2 = sum(counts.get(i, 0) for i in range(len(scale) - box, len(scale))) / n
    bottom2 = sum(counts.get(i, 0) for i in range(box)) / n
    params = _common(question, n) | {"labels": Labels(scale[-box:]), "pct": Percent(top2)}
    suggestions = [Suggestion("evidence.finding.likert_top", params)]
    if bottom2 >= 0.5:
        low = _common(question, n) | {"labels": Labels(scale[:box]), "pct": Percent(bottom2)}
        suggestions.append(Suggestion("evidence.finding.likert_bottom", low))
    suggestions.append(
        Suggestion("evidence.finding.likert_mean", _common(question, n) | {"mean": Number(mean, 1), "k": len(scale)})
    )
    return QuestionAnalysis(
        question, n, skipped + len(given) - n, distribution, mean, top2, bottom2, suggestions=suggestions
    )


def scale_level(value: AnswerValue, scale: Sequence[str]) -> int | None:
    """The 0-based level of an answer on ``scale``: its label (any case) or a number 1 … len(scale)."""
    if isinstance(value, str):
        wanted = value.strip().casefold()
        return next((i for i, label in enumerate(scale) if label.strip().casefold() == wanted), None)
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        level = int(value) - 1
        return level if 0 <= level < len(scale) else None
    return None


class Labels:
    """Scale labels joined the language's way: ``Agree or Strongly agree`` / ``Enig eller Helt enig``."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = labels

    def message(self, lang: str | None = None) -> str:
        if len(self.labels) == 1:
            return self.labels[0]
        return tr("evidence.or", lang, first=", ".join(self.labels[:-1]), last=self.labels[-1])


# -- choices -----------------------------------------------------------------------------------


def _single(question: Question, given: list[AnswerValue], skipped: int) -> QuestionAnalysis:
    counts = Counter(_text_of(value) for value in given)
    distribution = _ordered(counts, question.scale)
    n = len(given)
    suggestions = []
    if n:
        label, count = max(distribution, key=lambda item: item[1])
        params = _common(question, n) | {"label": label, "pct": Percent(count / n)}
        suggestions.append(Suggestion("evidence.finding.single_top", params))
    return QuestionAnalysis(question, n, skipped, distribution, suggestions=suggestions)


def _multi(question: Question, given: list[AnswerValue], skipped: int) -> QuestionAnalysis:
    counts: Counter[str] = Counter()
    for value in given:
        chosen = value if isinstance(value, list) else [_text_of(value)]
        counts.update(list(dict.fromkeys(str(option) for option in chosen)))
    distribution = _ordered(counts, question.scale)
    n = len(given)
    suggestions = []
    for label, count in sorted(distribution, key=lambda item: -item[1])[:2]:
        if count:
            params = _common(question, n) | {"label": label, "pct": Percent(count / n)}
            suggestions.append(Suggestion("evidence.finding.multi_option", params))
    return QuestionAnalysis(question, n, skipped, distribution, suggestions=suggestions)


def _ordered(counts: Counter[str], scale: list[str]) -> list[tuple[str, int]]:
    """The scale's labels in order (with zero counts), then other answers, most frequent first."""
    listed = [(label, counts.get(label, 0)) for label in scale]
    others = sorted(((label, c) for label, c in counts.items() if label not in scale), key=lambda item: -item[1])
    return listed + others


def _text_of(value: AnswerValue) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- numbers and text ----------------------------------------------------------------------------


def _number(question: Question, given: list[AnswerValue], skipped: int) -> QuestionAnalysis:
    values = [float(v) for v in given if isinstance(v, int | float) and not isinstance(v, bool)]
    n = len(values)
    if not n:
        return QuestionAnalysis(question, 0, skipped + len(given))
    summary = NumberSummary(n, statistics.fmean(values), statistics.median(values), min(values), max(values))
    params = _common(question, n) | {
        "mean": Number(summary.mean, 1),
        "median": Number(summary.median, 1),
        "min": Number(summary.min),
        "max": Number(summary.max),
    }
    suggestion = Suggestion("evidence.finding.number", params)
    return QuestionAnalysis(question, n, skipped + len(given) - n, mean=summary.mean, numbers=summary,
                            suggestions=[suggestion])


def _text(question: Question, given: list[AnswerValue], skipped: int) -> QuestionAnalysis:
    texts = [_text_of(value).strip() for value in given]
    n = len(texts)
    suggestions = []
    if n:
        counts = Counter(texts)
        top, count = counts.most_common(1)[0]
        if count >= 2:
            params = _common(question, n) | {"text": top, "count": count}
            suggestions.append(Suggestion("evidence.finding.text_common", params))
    return QuestionAnalysis(question, n, skipped, texts=texts, suggestions=suggestions)
