"""Everything the app writes as CSV or XLSX: survey results and responses, the stakeholder list.

Text that a spreadsheet would take for a formula (starting with ``=`` ``+`` ``-`` ``@``, tab or
carriage return) is written with a leading apostrophe, so opening the file never runs
anything; numbers stay numbers. Characters a workbook cannot hold are removed. Files are
written to a temporary file and moved into place, so a failed export leaves the old one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing.evidence.analysis import analyse
from briefing.evidence.kinds import text_of_answer
from briefing.evidence.readers import is_junk
from briefing.files import write_or_refuse
from briefing.i18n import current_language, term, tr
from briefing.model.entities import Stakeholder, Survey
from briefing.model.schema import schema

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
Value = str | int | float | bool | dt.date | dt.datetime | None
Sheet = tuple[list[str], list[list[Value]]]


def neutralise(value: Value) -> Value:
    """``value`` safe to put in a cell: formula triggers defused, unprintable characters removed."""
    if not isinstance(value, str):
        return value
    value = "".join(ch for ch in value if ch in "\n\t\r" or not is_junk(ch))
    if value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unneutralise(text: str) -> str:
    """``text`` as it was before ``neutralise``: the apostrophe in front of a formula trigger removed, so that
    a list the app exported reads back as it was (``'=Hansen`` → ``=Hansen``)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Value]], delimiter: str = ",") -> None:
    """A CSV (UTF-8 with BOM, so Excel reads æøå) written atomically; every text cell neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([_csv_value(neutralise(v)) for v in row])
    write_or_refuse(path, buffer.getvalue().encode("utf-8-sig"))


def _csv_value(value: Value) -> Value:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_xlsx(path: Path, sheets: dict[str, Sheet]) -> None:
    """A workbook with one sheet per entry, written atomically; every text cell neutralised."""
    from openpyxl import Workbook  # only when a workbook is written

    workbook = Workbook(write_only=True)
    for title, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(title=_sheet_title(title))
        sheet.append([neutralise(h) for h in header])
        for row in rows:
            sheet.append([neutralise(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_or_refuse(path, buffer.getvalue())


def _sheet_title(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\")
    return cleaned[:31] or "Sheet"


# -- what the app exports ------------------------------------------------------------------------------


def survey_results(survey: Survey, lang: str | None = None) -> Sheet:
    """One row per answer option (or per question for numbers and text): counts and shares."""
    header = [term("field", k, lang) if k == "kind" else tr(f"evidence.export.{k}", lang)
              for k in ("question", "kind", "n", "answer", "count", "share", "mean", "top2")]
    rows: list[list[Value]] = []
    for analysis in analyse(survey):
        q = analysis.question
        base: list[Value] = [q.text, term("question_kind", q.kind, lang or current_language(), lower=True), analysis.n]
        top2 = round(analysis.top2, 4) if analysis.top2 is not None else None
        mean = round(analysis.mean, 4) if analysis.mean is not None else None
        for label, count in analysis.distribution:
            share = round(count / analysis.n, 4) if analysis.n else None
            rows.append([*base, label, count, share, mean, top2])
        if not analysis.distribution:
            rows.append([*base, None, None, None, mean, None])
    return header, rows


def survey_responses(survey: Survey) -> Sheet:
    """The responses as they were imported: the time, then one column per question."""
    header = [tr("evidence.export.submitted"), *(q.text for q in survey.questions)]
    rows: list[list[Value]] = []
    for response in survey.responses:
        answers = [_answer(response.answers.get(q.id)) for q in survey.questions]
        rows.append([response.submitted, *answers])
    return header, rows


def _answer(value: Any) -> Value:
    if isinstance(value, list):
        return "; ".join(value)
    return value if isinstance(value, int | float | str) else None if value is None else text_of_answer(value)


STAKEHOLDER_COLUMNS = tuple(spec.name for spec in schema(Stakeholder) if spec.name != "id")
"""A stakeholder list's columns: every field of a stakeholder but its id, headed by the field's label."""


def stakeholder_list(stakeholders: Sequence[Stakeholder], lang: str | None = None) -> Sheet:
    """The stakeholder list with headers and words in ``lang`` — the import reads it back."""
    header = [term("field", column, lang) for column in STAKEHOLDER_COLUMNS]
    rows: list[list[Value]] = []
    for person in stakeholders:
        row: list[Value] = []
        for column in STAKEHOLDER_COLUMNS:
            value = getattr(person, column)
            if column == "stance":
                value = term("stance", value, lang or current_language(), lower=True)
            elif isinstance(value, bool):
                value = tr("evidence.yes" if value else "evidence.no", lang)
            elif isinstance(value, list):
                value = ", ".join(value)
            row.append(value)
        rows.append(row)
    return header, rows


def export_survey(survey: Survey, path: Path, lang: str | None = None) -> None:
    """Results and responses: two sheets in .xlsx, or the results alone in .csv."""
    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, {tr("evidence.export.results_sheet", lang): survey_results(survey, lang),
                          tr("evidence.export.responses_sheet", lang): survey_responses(survey)})
    else:
        write_csv(path, *survey_results(survey, lang))


def export_stakeholders(stakeholders: Sequence[Stakeholder], path: Path, lang: str | None = None) -> None:
    sheet = stakeholder_list(stakeholders, lang)
    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, {tr("evidence.export.stakeholders_sheet", lang): sheet})
    else:
        write_csv(path, *sheet, delimiter=";" if (lang or current_language()) == "da" else ",")
