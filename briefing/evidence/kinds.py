"""What kind of question a column holds, read from its answers; and changing it afterwards.

Likert when every answer is a label of one known scale (Danish or English: agreement,
frequency, satisfaction, importance, likelihood, quality); number when every answer is a
number (decimal comma or point); multi choice when the answers are combinations of a few
recurring options joined by the tool's separator; single choice when a few short answers
recur; free text otherwise. ``retype`` changes a question's kind later, keeping the answers.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.errors import InputError
from briefing.evidence.readers import Cell, fold, text_of
from briefing.model.entities import AnswerValue, QuestionKind, Survey

MAX_CHOICES = 15
"""More distinct answers than this is free text, not a choice."""
MAX_CHOICE_WORDS = 6
"""An answer longer than this many words is free text, not a choice."""

SCALES: tuple[tuple[str, ...], ...] = (
    # English, 5-point agreement and its variants; 7-point
    ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"),
    ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"),
    ("Strongly disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Strongly agree"),
    ("Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Agree",
     "Strongly agree"),
    ("Never", "Rarely", "Sometimes", "Often", "Always"),
    ("Never", "Rarely", "Sometimes", "Often", "Very often"),
    ("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"),
    ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"),
    ("Not at all important", "Slightly important", "Moderately important", "Very important", "Extremely important"),
    ("Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely", "Very likely"),
    ("Very poor", "Poor", "Fair", "Good", "Excellent"),
    ("Very poor", "Poor", "Average", "Good", "Very good"),
    # Danish
    ("Helt uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Helt enig"),
    ("Helt uenig", "Uenig", "Neutral", "Enig", "Helt enig"),
    ("Meget uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Meget enig"),
    ("Meget uenig", "Uenig", "Neutral", "Enig", "Meget enig"),
    ("Helt uenig", "Delvist uenig", "Hverken enig eller uenig", "Delvist enig", "Helt enig"),
    ("Helt uenig", "Overvejende uenig", "Hverken enig eller uenig", "Overvejende enig", "Helt enig"),
    ("Helt uenig", "Uenig", "Delvist uenig", "Hverken enig eller uenig", "Delvist enig", "Enig", "Helt enig"),
    ("Aldrig", "Sjældent", "Nogle gange", "Ofte", "Altid"),
    ("Aldrig", "Sjældent", "Af og til", "Ofte", "Altid"),
    ("Aldrig", "Sjældent", "Nogle gange", "Ofte", "Meget ofte"),
    ("Meget utilfreds", "Utilfreds", "Hverken tilfreds eller utilfreds", "Tilfreds", "Meget tilfreds"),
    ("Meget utilfreds", "Utilfreds", "Neutral", "Tilfreds", "Meget tilfreds"),
    ("Slet ikke vigtigt", "Lidt vigtigt", "Noget vigtigt", "Meget vigtigt", "Ekstremt vigtigt"),
    ("Meget usandsynligt", "Usandsynligt", "Hverken sandsynligt eller usandsynligt", "Sandsynligt",
     "Meget sandsynligt"),
    ("Meget dårlig", "Dårlig", "Acceptabel", "God", "Meget god"),
)


@dataclass(frozen=True)
class Inferred:
    """A column's kind, its scale (ordered labels, low → high) and its answers in that kind."""

    kind: QuestionKind
    scale: list[str]
    answers: list[AnswerValue]


# -- numbers -------------------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(?:[ .,\u00a0]\d{3})+|\d+)?(?:[.,](\d+))?$")


def decimal_comma(texts: Sequence[str]) -> bool:
    """True when a column writes decimals with a comma (``4,5``) rather than a point."""
    comma = sum(1 for t in texts if re.fullmatch(r"[+-]?\d*,\d{1,2}|[+-]?\d*,\d{4,}|[+-]?\d{1,3}(\.\d{3})+,\d+", t))
    point = sum(1 for t in texts if re.fullmatch(r"[+-]?\d*\.\d{1,2}|[+-]?\d*\.\d{4,}|[+-]?\d{1,3}(,\d{3})+\.\d+", t))
    return comma > point


def parse_number(value: Cell, comma: bool = False) -> float | None:
    """A number from a cell: ``4.5``, ``4,5`` (with ``comma``), ``1.234,5``, ``1,234.5``; None if not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str):
        return None
    text = value.strip().replace("\u00a0", " ")
    if not text or not _NUMBER.match(text) or not any(ch.isdigit() for ch in text):
        return None
    decimal, group = (",", ".") if comma else (".", ",")
    if decimal not in text and text.count(group) == 1 and not re.search(rf"\{group}\d{{3}}$", text):
        decimal, group = group, decimal  # "4,5" in a point column, or "4.5" in a comma column
    cleaned = text.replace(" ", "").replace(group, "").replace(decimal, ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


# -- inference -----------------------------------------------------------------------------------


def infer(cells: Sequence[Cell], separator: str | None = None, comma: bool | None = None) -> Inferred:
    """The kind of a column from its cells (None for no answer), and the answers converted to it."""
    texts = [text_of(c) for c in cells]
    given = [t for t in texts if t]
    if not given:
        return Inferred("text", [], [None] * len(cells))
    if comma is None:
        comma = decimal_comma(given)
    numbers = [parse_number(c, comma) if text_of(c) else None for c in cells]
    if all(n is not None for n, t in zip(numbers, texts, strict=True) if t):
        return Inferred("number", [], [_tidy_number(n) for n in numbers])
    scale = match_scale(given)
    if scale is not None:
        return Inferred("likert", scale, [_on_scale(t, scale) for t in texts])
    if separator and _is_multi(given, separator):
        lists = [_split(t, separator) or None for t in texts]
        return Inferred("multi", [], list(lists))
    if _is_choice(given):
        return Inferred("single", ordinal_order(set(given)), [t or None for t in texts])
    return Inferred("text", [], [t or None for t in texts])


def _tidy_number(value: float | None) -> AnswerValue:
    if value is None:
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def match_scale(answers: Sequence[str]) -> list[str] | None:
    """The known scale whose labels cover every answer (the tightest one), spelt as the answers spell it."""
    distinct = {fold(a): a for a in answers}
    best: tuple[str, ...] | None = None
    for scale in SCALES:
        labels = {fold(label) for label in scale}
        if set(distinct) <= labels and (best is None or len(scale) < len(best)):
            best = scale
    if best is None:
        return None
    return [distinct.get(fold(label), label) for label in best]


def _on_scale(text: str, scale: list[str]) -> str | None:
    if not text:
        return None
    return next((label for label in scale if fold(label) == fold(text)), text)


def _split(text: str, separator: str) -> list[str]:
    return [part.strip() for part in text.split(separator.strip() or separator) if part.strip()]


def _is_multi(given: list[str], separator: str) -> bool:
    """Answers that are combinations of a few recurring, short options."""
    if separator.strip() == ";" and all(t.endswith(";") for t in given):
        return True  # Microsoft Forms ends every multi-select answer with ';'
    splits = [_split(t, separator) for t in given]
    if not any(len(parts) > 1 for parts in splits):
        return False
    options = Counter(part for parts in splits for part in parts)
    short = all(len(option.split()) <= MAX_CHOICE_WORDS for option in options)
    return short and len(options) <= MAX_CHOICES * 2 and len(options) < len(set(given)) + 1


def _is_choice(given: list[str]) -> bool:
    distinct = set(given)
    short = all(len(text.split()) <= MAX_CHOICE_WORDS for text in distinct)
    return short and len(distinct) <= MAX_CHOICES and len(distinct) <= max(2, len(given) // 2)


_LOW_WORDS = ("under", "less than", "fewer than", "below", "mindre end", "færre end", "op til", "up to")
_HIGH_WORDS = ("over", "more than", "above", "mere end", "flere end", "or more", "eller mere", "+")


def ordinal_order(labels: set[str]) -> list[str]:
    """Labels that all name a number or range (``Under 1 time``, ``2-5 timer``), in numeric order; else []."""
    keys = {}
    for label in labels:
        match = re.search(r"\d+(?:[.,]\d+)?", label)
        if not match:
            return []
        value = float(match.group().replace(",", "."))
        folded = label.casefold()
        if any(word in folded for word in _LOW_WORDS):
            value -= 0.5
        elif any(word in folded for word in _HIGH_WORDS):
            value += 0.5
        keys[label] = value
    return sorted(labels, key=lambda label: keys[label])


# -- changing a kind afterwards ----------------------------------------------------------------------


def retype(survey: Survey, question_id: str, kind: QuestionKind, scale: list[str] | None = None) -> Survey:
    """A copy of ``survey`` whose question ``question_id`` has ``kind``, its answers converted.

    Nothing is dropped: an answer that cannot become the new kind (a word where a number is
    wanted) raises InputError naming the question and the answer.
    """
    question = next(q for q in survey.questions if q.id == question_id)
    converted = []
    for response in survey.responses:
        answers = dict(response.answers)
        if question_id in answers:
            answers[question_id] = _converted(answers[question_id], kind, question.text)
        converted.append(dataclasses.replace(response, answers=answers))
    new_scale = list(scale) if scale is not None else (question.scale if kind in ("likert", "single") else [])
    if kind == "likert" and not new_scale:
        new_scale = match_scale([text_of_answer(r.answers.get(question_id)) for r in converted
                                 if r.answers.get(question_id) is not None]) or []
    new_question = dataclasses.replace(question, kind=kind, scale=new_scale)
    questions = [new_question if q.id == question_id else q for q in survey.questions]
    return dataclasses.replace(survey, questions=questions, responses=converted)


def text_of_answer(value: AnswerValue) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    return text_of(value)


def _converted(value: AnswerValue, kind: QuestionKind, question: str) -> AnswerValue:
    if value is None:
        return None
    if kind == "multi":
        return value if isinstance(value, list) else _split(text_of_answer(value), ";" if ";" in str(value) else ",")
    text = text_of_answer(value)
    if kind != "number":
        return text
    number = parse_number(text, comma="," in text and "." not in text)
    if number is None:
        raise InputError("evidence.error.not_a_number", question=question, value=text[:80])
    return _tidy_number(number)
