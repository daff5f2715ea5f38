"""Importing a survey export: a file in, a ``Survey`` ready to add out — or an InputError, nothing half-done.

``import_survey(path)`` reads the table (``readers``), recognises the tool's layout or applies
the user's ``ColumnMapping`` (``layouts``), infers each question's kind (``kinds``), reads the
timestamps (``timestamps``) and returns a ``SurveyImport``: the survey, the layout, notices
for the user, the file's sha256 and, when the same responses are already in the workspace,
the id of that survey.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import InputError
from briefing.evidence.kinds import decimal_comma, infer
from briefing.evidence.layouts import Column, ColumnMapping, Layout, LayoutName, detect, from_mapping, propose_mapping
from briefing.evidence.readers import Cell, Notice, Table, cell_at, column_letter, input_error, read_table, text_of
from briefing.evidence.timestamps import column_order, parse_timestamp
from briefing.i18n import counted, tr
from briefing.model.entities import AnswerValue, Question, Response, Survey

MAX_NOTICES_PER_KIND = 3


@dataclass
class SurveyImport:
    """What an import produced; nothing is in the workspace until the caller adds ``survey``."""

    survey: Survey
    layout: LayoutName
    notices: list[Notice] = field(default_factory=list)
    sha256: str = ""
    duplicate_of: str | None = None
    """The id of a survey in the workspace with the same questions and responses."""


class LayoutUnknown(InputError):
    """The file's columns were not recognised: the user can say which column is what (a mapping)."""


def import_survey(
    path: Path,
    title: str | None = None,
    mapping: ColumnMapping | None = None,
    today: dt.date | None = None,
    existing: Sequence[Survey] = (),
    survey_id: str = "sv1",
) -> SurveyImport:
    """The survey in ``path``; InputError naming the file and the place when it cannot be imported."""
    table = read_table(path)
    layout = from_mapping(table, mapping) if mapping is not None else detect(table)
    if layout is None:
        proposal = propose_mapping(table)
        error = input_error(table.file, "evidence.error.layout_unknown", spec=_spec(proposal))
        raise LayoutUnknown(error.key, **error.params)
    notices = list(table.notices) + list(layout.notices)
    data_rows = _data_rows(table, layout, notices)
    questions, answers = _questions(table, layout, [table.rows[i] for i in data_rows], notices)
    responses = _responses(table, layout, data_rows, questions, answers, notices)
    days = [day_of(r.submitted) for r in responses if r.submitted]
    day = max(days) if days else (today or dt.date.today())
    survey = Survey(
        id=survey_id,
        title=(title or _title(path)).strip() or path.name,
        date=day,
        source=layout.source,
        questions=questions,
        responses=responses,
        source_sha256=table.sha256,
    )
    return SurveyImport(survey, layout.name, notices, table.sha256, find_duplicate(survey, existing))


def _spec(mapping: ColumnMapping) -> str:
    parts = [f"timestamp={mapping.timestamp}"] if mapping.timestamp else []
    parts.append("questions=" + ",".join(mapping.questions))
    if mapping.ignore:
        parts.append("ignore=" + ",".join(mapping.ignore))
    return ";".join(parts)[:600]


def _title(path: Path) -> str:
    """A title from the file name, without the tools' suffixes (``(Responses)``, ``- Form Responses 1``)."""
    stem, previous = path.stem, ""
    while stem != previous:
        previous = stem
        stem = re.sub(r"\s*-\s*Form Responses \d+$|\s*\((Responses|Svar)\)$", "", stem, flags=re.IGNORECASE)
    return stem.replace("_", " ").strip()


def with_finding(survey: Survey, text: str) -> Survey:
    """A copy of ``survey`` with the finding ``text`` added (a suggestion accepted, or the user's own words)."""
    text = text.strip()
    if not text or text in survey.findings:
        return survey
    return dataclasses.replace(survey, findings=[*survey.findings, text])


def find_duplicate(survey: Survey, existing: Sequence[Survey]) -> str | None:
    """The id of an existing survey from the same file, or with the same questions and responses."""
    same_file = next((o.id for o in existing if survey.source_sha256 and o.source_sha256 == survey.source_sha256), None)
    if same_file is not None:
        return same_file
    texts = [q.text for q in survey.questions]
    rows = _comparable(survey)
    for other in existing:
        if [q.text for q in other.questions] == texts and _comparable(other) == rows:
            return other.id
    return None


def day_of(moment: dt.date) -> dt.date:
    """The day of a moment or of a day (a response's ``submitted`` may be either)."""
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _comparable(survey: Survey) -> list[tuple[dt.date | None, list[AnswerValue]]]:
    ids = [q.id for q in survey.questions]
    return [(r.submitted, [r.answers.get(i) for i in ids]) for r in survey.responses]


# -- rows ------------------------------------------------------------------------------------------


def _data_rows(table: Table, layout: Layout, notices: list[Notice]) -> list[int]:
    """The indices of the rows holding responses; blank rows skipped, overlong rows refused."""
    width = len(table.rows[0]) if table.rows else 0
    if layout.header_rows == 2:
        width = max(width, len(table.rows[1]) if len(table.rows) > 1 else 0)
    indices = []
    blank = 0
    for index in range(layout.header_rows, len(table.rows)):
        row = table.rows[index]
        if all(cell is None for cell in row):
            blank += 1
            continue
        extra = [i for i in range(width, len(row)) if row[i] is not None]
        if extra:
            raise table.error(index, "evidence.error.ragged", column=extra[0], cells=counted("cells", len(row)),
                              width=counted("columns", width))
        indices.append(index)
    if not indices:
        raise input_error(table.file, "evidence.error.no_responses")
    if blank:
        notices.append(Notice("evidence.notice.blank_rows", {"count": blank}))
    return indices


def _questions(
    table: Table, layout: Layout, rows: list[list[Cell]], notices: list[Notice]
) -> tuple[list[Question], list[list[AnswerValue]]]:
    """The questions, their inferred kinds, and each question's answers in data-row order."""
    if not layout.columns:
        raise input_error(table.file, "evidence.error.no_questions")
    questions: list[Question] = []
    answers: list[list[AnswerValue]] = []
    seen: Counter[str] = Counter()
    for number, column in enumerate(layout.columns, start=1):
        text = _question_text(table, column, notices, seen)
        if column.options:
            kind, scale, values = "multi", [label for _, label in column.options], _options(rows, column)
        else:
            cells = [cell_at(row, column.index) for row in rows]
            inferred = infer(cells, layout.multi_separator, _comma(table, cells))
            kind, scale, values = inferred.kind, inferred.scale, inferred.answers
            if column.open_ended:
                kind, scale, values = "text", [], [text_of(c) or None for c in cells]
        questions.append(Question(id=f"q{number}", text=text, kind=kind, scale=scale))  # type: ignore[arg-type]
        answers.append(values)
    return questions, answers


def _question_text(table: Table, column: Column, notices: list[Notice], seen: Counter[str]) -> str:
    text = re.sub(r"\s+", " ", column.text).strip()
    if not text:
        text = table.header(0)[column.index] if column.index < len(table.header(0)) else ""
    if not text:
        text = f"{tr('evidence.column')} {column_letter(column.index)}"
        notices.append(Notice("evidence.notice.blank_header", {"place": table.place(0, column.index)}))
    seen[text.casefold()] += 1
    if seen[text.casefold()] > 1:
        place = table.place(0, column.index)
        notices.append(Notice("evidence.notice.duplicate_header", {"text": text, "place": place}))
        text = f"{text} ({seen[text.casefold()]})"
    return text


def _comma(table: Table, cells: list[Cell]) -> bool | None:
    """Decimal commas: certain in a semicolon CSV, else judged from the column."""
    if table.delimiter == ";":
        return True
    texts = [c for c in cells if isinstance(c, str)]
    return decimal_comma(texts) if texts else None


def _options(rows: list[list[Cell]], column: Column) -> list[AnswerValue]:
    values: list[AnswerValue] = []
    for row in rows:
        chosen = [label for index, label in column.options if cell_at(row, index) is not None]
        values.append(chosen or None)
    return values


def _responses(
    table: Table,
    layout: Layout,
    indices: list[int],
    questions: list[Question],
    answers: list[list[AnswerValue]],
    notices: list[Notice],
) -> list[Response]:
    stamps = [cell_at(table.rows[i], layout.timestamp) if layout.timestamp is not None else None for i in indices]
    order = column_order(stamps)
    unreadable = 0
    responses = []
    for position, index in enumerate(indices):
        stamp = stamps[position]
        submitted = parse_timestamp(stamp, order) if stamp is not None else None
        if stamp is not None and submitted is None:
            unreadable += 1
            if unreadable <= MAX_NOTICES_PER_KIND:
                place = table.place(index, layout.timestamp)
                notices.append(Notice("evidence.notice.bad_timestamp", {"value": text_of(stamp)[:40], "place": place}))
        given = {q.id: answers[n][position] for n, q in enumerate(questions) if answers[n][position] is not None}
        responses.append(Response(submitted=submitted, answers=given))
    if unreadable > MAX_NOTICES_PER_KIND:
        notices.append(Notice("evidence.notice.more_bad_timestamps", {"count": unreadable - MAX_NOTICES_PER_KIND}))
    return responses
