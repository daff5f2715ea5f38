"""Which survey tool wrote a table, and which of its columns are questions.

Recognised exports (English and Danish headers):

- **Microsoft Forms** (.xlsx): ``ID, Start time, Completion time, Email, Name, Last modified time``
  (``Id, Starttidspunkt, Fuldførelsestidspunkt, Mail, Navn …``), then one column per question;
  multi-select answers joined by ``;``.
- **Google Forms** (.csv): ``Timestamp, Email Address`` (``Tidsstempel, Mailadresse``), then one
  column per question; checkboxes joined by ``, ``.
- **SurveyMonkey** (.csv/.xlsx): two header rows (question, then ``Response``, ``Open-Ended
  Response`` or one option per column); data from row 3.

When none fits, the user says which column is what with a ``ColumnMapping`` (``--mapping`` on
the command line, a dialog in the app); ``propose_mapping`` fills it in from the headers.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from briefing import reading
from briefing.errors import InputError
from briefing.evidence.readers import (
    Notice,
    Table,
    cell_at,
    column_index,
    column_letter,
    fold,
    input_error,
    shortened,
    text_of,
)
from briefing.model.entities import SurveySource

LayoutName = Literal["msforms", "googleforms", "surveymonkey", "mapped"]


def _words(*texts: str) -> frozenset[str]:
    return frozenset(fold(t) for t in texts)


MSFORMS_ID = _words("ID", "Id", "Id.")
MSFORMS_START = _words("Start time", "Starttidspunkt", "Starttid")
MSFORMS_END = _words("Completion time", "Fuldførelsestidspunkt", "Afslutningstidspunkt", "Sluttidspunkt")
MSFORMS_META = MSFORMS_ID | MSFORMS_START | MSFORMS_END | _words(
    "Email", "E-mail", "Mail", "Name", "Navn", "Last modified time", "Tidspunkt for seneste ændring",
    "Senest ændret", "Sidst ændret", "Tidspunkt for sidste ændring", "Total points", "Samlet antal point",
    "Point i alt", "Quiz feedback", "Quizfeedback", "Feedback",
)
MSFORMS_QUIZ = re.compile(r"^(points?|feedback)\s+-\s+", re.IGNORECASE)
GOOGLE_TIMESTAMP = _words("Timestamp", "Tidsstempel")
GOOGLE_META = GOOGLE_TIMESTAMP | _words("Email Address", "Email address", "E-mailadresse", "Mailadresse", "Score",
                                        "Point", "Resultat")
MONKEY_RESPONDENT = _words("Respondent ID", "Respondent-id", "Respondent id", "Besvarelses-id")
MONKEY_END = _words("End Date", "Slutdato")
MONKEY_META = MONKEY_RESPONDENT | MONKEY_END | _words(
    "Collector ID", "Indsamler-id", "Start Date", "Startdato", "IP Address", "IP-adresse", "Email Address",
    "E-mailadresse", "First Name", "Fornavn", "Last Name", "Efternavn",
)
MONKEY_CUSTOM = re.compile(r"^(custom data|brugerdefinerede data)\s*\d*$", re.IGNORECASE)
MONKEY_RESPONSE = _words("Response", "Svar")
MONKEY_OPEN = _words("Open-Ended Response", "Open-ended response", "Åbent svar", "Åben besvarelse")
TIMESTAMP_WORDS = _words(
    "Timestamp", "Tidsstempel", "Completion time", "Fuldførelsestidspunkt", "End Date", "Slutdato", "Submitted",
    "Submitted at", "Indsendt", "Date", "Dato", "Time", "Tidspunkt", "Start time", "Starttidspunkt",
)
META_WORDS = MSFORMS_META | GOOGLE_META | MONKEY_META | _words("Respondent", "Respondent-id", "Navn", "Name")


@dataclass
class Column:
    """One question as found in the table: its column, or a SurveyMonkey group of option columns."""

    index: int
    text: str
    options: list[tuple[int, str]] = field(default_factory=list)
    """For a SurveyMonkey multi-choice: each option's column and label."""
    open_ended: bool = False


@dataclass
class Layout:
    """What a table is: which tool wrote it, where the data starts, the timestamp and the questions."""

    name: LayoutName
    source: SurveySource
    header_rows: int
    timestamp: int | None
    columns: list[Column]
    multi_separator: str | None = None
    notices: list[Notice] = field(default_factory=list)


@dataclass
class ColumnMapping:
    """The user's word on a table's columns, for files whose layout is not recognised.

    A column is named by its header text, its Excel letter (``C``) or its number (``3``).
    ``questions`` empty means every column except the timestamp and the ignored ones.
    """

    timestamp: str | None = None
    questions: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    header_rows: int = 1
    multi_separator: str = ""
    """How a multi-choice answer joins its options (``;`` or ``, ``); blank: every question is single."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_data(cls, data: Any, origin: str) -> ColumnMapping:
        """A mapping from parsed JSON; InputError naming ``origin`` and the wrong field."""
        if not isinstance(data, dict):
            raise InputError("evidence.error.mapping_shape", origin=origin)
        unknown = sorted(set(data) - {"timestamp", "questions", "ignore", "header_rows", "multi_separator"})
        if unknown:
            raise InputError("evidence.error.mapping_field", origin=origin, field=shortened(str(unknown[0])))
        mapping = cls(
            timestamp=_optional_text(data.get("timestamp"), origin, "timestamp"),
            questions=_texts(data.get("questions", []), origin, "questions"),
            ignore=_texts(data.get("ignore", []), origin, "ignore"),
            header_rows=data.get("header_rows", 1),
            multi_separator=data.get("multi_separator", "") or "",
        )
        if mapping.header_rows not in (1, 2) or not isinstance(mapping.multi_separator, str):
            raise InputError("evidence.error.mapping_field", origin=origin, field="header_rows")
        return mapping

    @classmethod
    def parse(cls, spec: str, origin: str = "--mapping") -> ColumnMapping:
        """``{"timestamp": "A", …}`` as JSON, or ``timestamp=A;questions=C,D,E;ignore=B;header_rows=1``."""
        if spec.lstrip().startswith("{"):
            return cls.from_data(reading.load_json(spec, origin), origin)
        data: dict[str, Any] = {}
        for part in filter(None, (p.strip() for p in spec.split(";"))):
            key, sep, value = part.partition("=")
            key = key.strip()
            if not sep:
                raise InputError("evidence.error.mapping_field", origin=origin, field=shortened(part))
            if key in ("questions", "ignore"):
                data[key] = [v.strip() for v in value.split(",") if v.strip()]
            elif key == "header_rows":
                data[key] = int(value) if value.strip().isdigit() else value
            elif key == "multi_separator":
                data[key] = value.replace("\\t", "\t")
            else:
                data[key] = value.strip() or None
        return cls.from_data(data, origin)


def _optional_text(value: Any, origin: str, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError("evidence.error.mapping_field", origin=origin, field=name)


def _texts(value: Any, origin: str, name: str) -> list[str]:
    if not isinstance(value, list):
        raise InputError("evidence.error.mapping_field", origin=origin, field=name)
    return [_optional_text(v, origin, name) or "" for v in value]


# -- detection -------------------------------------------------------------------------------------


def detect(table: Table) -> Layout | None:
    """The layout of ``table``, or None when no known tool wrote it."""
    header = table.header(0)
    folded = [fold(h) for h in header]
    if len(folded) >= 3 and folded[0] in MSFORMS_ID and folded[1] in MSFORMS_START and folded[2] in MSFORMS_END:
        return _msforms(table, header)
    if folded and folded[0] in GOOGLE_TIMESTAMP:
        return _google(table, header)
    if any(f in MONKEY_RESPONDENT for f in folded) or _has_monkey_subheader(table):
        return _surveymonkey(table)
    return None


def _msforms(table: Table, header: list[str]) -> Layout:
    columns = [
        Column(i, text)
        for i, text in _named_or_filled(table, header)
        if i >= 3 and fold(text) not in MSFORMS_META and not MSFORMS_QUIZ.match(text)
    ]
    return Layout("msforms", "msforms", 1, 2, columns, multi_separator=";")


def _google(table: Table, header: list[str]) -> Layout:
    named = _named_or_filled(table, header)
    columns = [Column(i, text) for i, text in named if i >= 1 and fold(text) not in GOOGLE_META]
    return Layout("googleforms", "googleforms", 1, 0, columns, multi_separator=", ")


def _named_or_filled(table: Table, header: list[str]) -> list[tuple[int, str]]:
    """The columns with a header, and those without one that hold answers (named later by letter)."""
    width = max(table.width, len(header))
    return [(i, _at(header, i)) for i in range(width) if _at(header, i) or _has_data(table, i)]


def _has_monkey_subheader(table: Table) -> bool:
    second = [fold(t) for t in table.header(1)]
    return any(t in MONKEY_RESPONSE or t in MONKEY_OPEN for t in second)


def _surveymonkey(table: Table) -> Layout:
    header, sub = table.header(0), table.header(1)
    width = table.width
    header += [""] * (width - len(header))
    sub += [""] * (width - len(sub))
    folded = [fold(h) for h in header]
    timestamp = next((i for i, f in enumerate(folded) if f in MONKEY_END), None)
    starts = [i for i, f in enumerate(folded) if f and f not in MONKEY_META and not MONKEY_CUSTOM.match(header[i])]
    columns: list[Column] = []
    for start in starts:
        end = start + 1
        while end < width and not folded[end]:
            end += 1  # the question's further columns have a blank first header
        columns += _monkey_group(table, header[start], sub, range(start, end))
    return Layout("surveymonkey", "surveymonkey", 2, timestamp, columns)


def _monkey_group(table: Table, question: str, sub: list[str], group: range) -> list[Column]:
    """One question's columns: a single answer, an open answer, options (multi) or matrix rows."""
    if len(group) == 1:
        return [Column(group[0], question, open_ended=fold(sub[group[0]]) in MONKEY_OPEN)]
    options: list[tuple[int, str]] = []
    columns: list[Column] = []
    for i in group:
        label = sub[i]
        if label and fold(label) not in MONKEY_RESPONSE | MONKEY_OPEN and _is_option_column(table, i, label):
            options.append((i, label))
        else:
            text = question if not label or fold(label) in MONKEY_RESPONSE else f"{question} – {label}"
            columns.append(Column(i, text, open_ended=fold(label) in MONKEY_OPEN))
    if options:
        columns.insert(0, Column(options[0][0], question, options=options))
    return sorted(columns, key=lambda c: c.index)


def _is_option_column(table: Table, index: int, label: str) -> bool:
    """True when every answer in the column is the column's own label (a ticked option)."""
    wanted = fold(label)
    return all(fold(text_of(cell_at(row, index))) in ("", wanted) for row in table.rows[2:])


# -- mapping -------------------------------------------------------------------------------------


def from_mapping(table: Table, mapping: ColumnMapping) -> Layout:
    """The layout the user described; InputError naming a column that is not in the file."""
    header = table.header(0)
    width = max(table.width, len(header))
    sub = table.header(1) if mapping.header_rows == 2 else []
    timestamp = _resolve(table, header, mapping.timestamp) if mapping.timestamp else None
    ignored = {_resolve(table, header, ref) for ref in mapping.ignore}
    if mapping.questions:
        indices = [_resolve(table, header, ref) for ref in mapping.questions]
    else:
        skipped = ignored | {timestamp}
        indices = [i for i in range(width) if i not in skipped and _has_data(table, i, mapping.header_rows)]
    columns = [Column(i, _question_text(header, sub, i)) for i in indices]
    if not columns:
        raise input_error(table.file, "evidence.error.no_questions")
    separator = mapping.multi_separator or None
    return Layout("mapped", "manual", mapping.header_rows, timestamp, columns, multi_separator=separator)


def _has_data(table: Table, index: int, header_rows: int = 1) -> bool:
    """True when column ``index`` holds an answer below the ``header_rows``."""
    return any(cell_at(row, index) is not None for row in table.rows[header_rows:])


def _question_text(header: list[str], sub: list[str], index: int) -> str:
    text = header[index] if index < len(header) else ""
    extra = sub[index] if index < len(sub) else ""
    if extra and fold(extra) not in MONKEY_RESPONSE | MONKEY_OPEN:
        text = f"{text} – {extra}" if text else extra
    return text


def _resolve(table: Table, header: list[str], ref: str) -> int:
    """A column named by header text, Excel letter or number; InputError if absent or ambiguous."""
    matches = [i for i, text in enumerate(header) if fold(text) == fold(ref)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise input_error(table.file, "evidence.error.mapping_ambiguous", column=ref)
    width = max(table.width, len(header))
    index = column_index(ref.strip()) if re.fullmatch(r"[A-Za-z]{1,3}", ref.strip()) else None
    if ref.strip().isdigit():
        index = int(ref.strip()) - 1
    if index is None or not 0 <= index < width:
        raise input_error(table.file, "evidence.error.mapping_column", column=shortened(ref),
                          columns=", ".join(f"{column_letter(i)} {t}" for i, t in enumerate(header) if t)[:400])
    return index


def propose_mapping(table: Table) -> ColumnMapping:
    """A first guess for the mapping dialog: the timestamp by its header or its values, meta columns ignored."""
    header = table.header(0)
    width = max(table.width, len(header))
    names = [_column_name(header, i) for i in range(width)]
    timestamp = next((i for i in range(width) if fold(_at(header, i)) in TIMESTAMP_WORDS), None)
    if timestamp is None:
        timestamp = next((i for i in range(width) if _looks_like_time(table, i)), None)
    ignore = [i for i in range(width) if i != timestamp and (fold(_at(header, i)) in META_WORDS or
                                                              not _has_data(table, i))]
    questions = [names[i] for i in range(width) if i != timestamp and i not in ignore]
    return ColumnMapping(
        timestamp=names[timestamp] if timestamp is not None else None,
        questions=questions,
        ignore=[names[i] for i in ignore],
    )


def _at(header: list[str], index: int) -> str:
    return header[index] if index < len(header) else ""


def _column_name(header: list[str], index: int) -> str:
    """The header text when it names the column uniquely, else the column's letter."""
    text = _at(header, index)
    if text and sum(1 for h in header if fold(h) == fold(text)) == 1 and "," not in text and ";" not in text:
        return text
    return column_letter(index)


def _looks_like_time(table: Table, index: int) -> bool:
    from briefing.evidence.timestamps import parse_timestamp

    values = [cell_at(row, index) for row in table.rows[1:6]]
    present = [v for v in values if v is not None]
    return bool(present) and all(parse_timestamp(v) is not None for v in present)
