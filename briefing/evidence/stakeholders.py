"""Importing a stakeholder list kept in Excel: CSV or XLSX, Danish or English headers.

Headers are recognised in both languages (``Navn``/``Name``, ``Titel``/``Role``, ``Holdning``/
``Stance`` …); a ``StakeholderMapping`` names the columns when they are called something else.
Stances (``tilhænger``, ``forkæmper``, ``skeptiker``, ``modstander`` / ``supporter`` …), yes/no
(``ja``/``nej``) and scores (1–5, or ``lav``…``høj``) are read in both languages. A name already in
the workspace is never added twice: it is reported, or updated with ``update=True``. One bad cell
refuses the whole file with its row and column named.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from briefing import reading
from briefing.errors import InputError, ValidationError
from briefing.evidence.kinds import parse_number
from briefing.evidence.readers import (
    Cell,
    Notice,
    Table,
    cell_at,
    column_index,
    column_letter,
    input_error,
    read_table,
    shortened,
    text_of,
)
from briefing.evidence.writing import STAKEHOLDER_COLUMNS, stakeholder_list, unneutralise
from briefing.i18n import counted
from briefing.model import codec
from briefing.model.collections import STAKEHOLDERS
from briefing.model.entities import STANCES, Stakeholder, Stance
from briefing.model.ids import fresh_id
from briefing.model.schema import spec as field_spec

FIELDS = STAKEHOLDER_COLUMNS
"""What a column of a stakeholder list can hold: the columns export-stakeholders writes (every field but the id)."""
SCORES = tuple(name for name in FIELDS if field_spec(Stakeholder, name).kind == "score")
FLAGS = tuple(name for name in FIELDS if field_spec(Stakeholder, name).kind == "bool")


def _fold(text: str) -> str:
    return re.sub(r"[\s_]+", " ", text).strip().casefold()


HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("Name", "Navn", "Full name", "Fulde navn", "Fuldt navn", "Stakeholder", "Interessent", "Person"),
    "role": ("Role", "Rolle", "Title", "Titel", "Job title", "Jobtitel", "Stilling", "Position"),
    "department": ("Department", "Afdeling", "Dept", "Enhed", "Unit", "Område", "Division"),
    "influence": ("Influence", "Indflydelse", "Power", "Magt"),
    "interest": ("Interest", "Interesse"),
    "drive": ("Drive", "Drivkraft", "Engagement", "Gejst"),
    "foresight": ("Foresight", "Fremsyn", "Fremsynethed", "Forudseenhed", "Vision", "Overblik"),
    "activities": ("Activities", "Aktiviteter", "Current activities", "Nuværende aktiviteter"),
    "stance": ("Stance", "Holdning", "Attitude", "Indstilling", "Standpunkt"),
    "budget_holder": ("Budget holder", "Budgetansvarlig", "Budget owner", "Budgetejer", "Budgetholder"),
    "decision_maker": ("Decision maker", "Decision-maker", "Beslutningstager", "Beslutningstagende"),
    "cadence_days": ("Cadence", "Cadence (days)", "Cadence days", "Kadence", "Kadence (dage)",
                     "Kontaktfrekvens", "Kontaktfrekvens (dage)", "Contact every (days)", "Kontakt hver X dage",
                     "Kontakt hver", "Contact every X days", "Contact every"),
    "tags": ("Tags", "Tag", "Mærker", "Etiketter", "Nøgleord", "Keywords"),
    "notes": ("Notes", "Note", "Noter", "Bemærkninger", "Comments", "Kommentarer", "Kommentar"),
    "named_in_decks": ("Named in decks", "Må nævnes i præsentationer", "May be named", "Må nævnes", "Consent",
                       "Samtykke", "Consent to be named", "Samtykke til at blive nævnt"),
}
_HEADER_FIELD = {_fold(word): name for name, words in HEADERS.items() for word in words}
_SCALE_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
"""A trailing note in brackets: ``Indflydelse (1-5)``, ``Kadence (dage)``, ``Budget [DKK]``."""
HEADER_ROWS_SEARCHED = 20
"""How far down the header row is looked for (below a title, a date line, blank rows)."""


def header_field(text: str) -> str | None:
    """The field a header names, in Danish or English: the words above, those export-stakeholders writes
    in either language (each field's own label, from the schema), each also with a note in brackets
    after it (``Indflydelse (1-5)``)."""
    folded = _fold(text)
    words = _header_words()
    return words.get(folded) or words.get(_SCALE_NOTE.sub("", folded))


@cache
def _header_words() -> dict[str, str]:
    words = dict(_HEADER_FIELD)
    for lang in ("da", "en"):
        header, _ = stakeholder_list([], lang)
        words.update((_fold(word), name) for word, name in zip(header, FIELDS, strict=True))
    return words

STANCE_WORDS: dict[str, Stance] = {
    **dict.fromkeys(("blocker", "opponent", "against", "resistant", "modstander", "blokerer", "blokker", "imod",
                     "modstand"), "blocker"),
    **dict.fromkeys(("skeptic", "sceptic", "skeptical", "sceptical", "doubter", "skeptiker", "skeptisk", "tvivler",
                     "kritisk"), "skeptic"),
    **dict.fromkeys(("neutral", "undecided", "unknown", "uafklaret", "ved ikke", "afventende"), "neutral"),
    **dict.fromkeys(("supporter", "supportive", "positive", "ally", "tilhænger", "støtter", "positiv", "allieret",
                     "medspiller"), "supporter"),
    **dict.fromkeys(("champion", "advocate", "sponsor", "evangelist", "forkæmper", "ambassadør", "ildsjæl",
                     "fortaler"), "champion"),
}
YES = frozenset(("ja", "j", "yes", "y", "x", "true", "sand", "1", "✓", "✔", "sandt"))
NO = frozenset(("nej", "n", "no", "false", "falsk", "0", "-", "–"))
SCORE_WORDS = {
    "meget lav": 1, "very low": 1, "lav": 2, "low": 2, "middel": 3, "mellem": 3, "medium": 3, "moderate": 3,
    "høj": 4, "high": 4, "meget høj": 5, "very high": 5,
}


@dataclass
class StakeholderMapping:
    """Which column holds which field, named by header text, Excel letter or number: ``{"name": "B"}``."""

    columns: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, spec: str, origin: str = "--mapping") -> StakeholderMapping:
        """``{"name": "Fulde navn", …}`` (JSON) or ``name=Fulde navn;stance=Holdning``."""
        if spec.lstrip().startswith("{"):
            data = reading.load_json(spec, origin)
        else:
            pairs = [part.partition("=") for part in spec.split(";") if part.strip()]
            data = {key.strip(): value.strip() for key, _, value in pairs}
        if not isinstance(data, dict):
            raise InputError("evidence.error.stakeholder_mapping", origin=origin, field=shortened(str(data)),
                             fields=", ".join(FIELDS))
        for key, value in data.items():
            if key not in FIELDS or not isinstance(value, str | int) or isinstance(value, bool):
                raise InputError("evidence.error.stakeholder_mapping", origin=origin, field=shortened(key),
                                 fields=", ".join(FIELDS))
        return cls({key: str(value) for key, value in data.items()})


def propose_stakeholder_mapping(headers: Sequence[str]) -> StakeholderMapping:
    """The columns whose headers name a field in Danish or English (first match wins)."""
    columns: dict[str, str] = {}
    for index, header in enumerate(headers):
        name = header_field(header)
        if name and name not in columns:
            columns[name] = header if sum(1 for h in headers if _fold(h) == _fold(header)) == 1 else \
                column_letter(index)
    return StakeholderMapping(columns)


@dataclass
class StakeholderImport:
    """New stakeholders to add, existing ones to update, and the rows left out (with why)."""

    added: list[Stakeholder] = field(default_factory=list)
    updated: list[Stakeholder] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    touched: set[str] = field(default_factory=set, repr=False)
    """Ids of the people added or updated so far (a name seen twice in the file is told, not merged)."""


def import_stakeholders(
    path: Path,
    existing: Sequence[Stakeholder] = (),
    mapping: StakeholderMapping | None = None,
    new_id: Callable[[set[str]], str] | None = None,
    update: bool = False,
) -> StakeholderImport:
    """The stakeholders in ``path``; InputError naming the file, row and column of the first bad cell.

    The header is the first row (of the first 20) that names a column of names; rows above it (a title,
    a date, blank rows) are left out. ``mapping`` adds to what the headers say: a column it names is
    read as the field it gives, whatever its header. A row with a value beyond the header's last
    column is refused with its row number (a separator too many shifts every field after it).
    """
    table = read_table(path)
    start, header = _header(table, mapping)
    columns = _columns(table, header, mapping)
    if "name" not in columns:
        raise input_error(table.file, "evidence.error.no_name_column", columns=", ".join(h for h in header if h)[:300])
    result = StakeholderImport(notices=list(table.notices))
    if start:
        result.notices.append(Notice("evidence.notice.header_found", {"place": table.place(start)}))
    ignored = [h for i, h in enumerate(header) if h and i not in columns.values()]
    if ignored:
        result.notices.append(Notice("evidence.notice.columns_ignored", {"columns": ", ".join(ignored)}))
    known = {_fold(p.name): p for p in existing}
    taken = {p.id for p in existing}
    make_id = new_id or _default_id
    width = max(len(header), max(columns.values()) + 1)
    for index in range(start + 1, len(table.rows)):
        _check_width(table, index, width)
        _import_row(table, index, columns, known, taken, make_id, update, result)
    return result


def _header(table: Table, mapping: StakeholderMapping | None) -> tuple[int, list[str]]:
    """The index of the header row and its texts: the first row whose headers, or whose cells named by
    ``mapping``, give a column of names; else the first that names any field; else the first as wide
    as the widest row (a title above it is narrower)."""
    given = mapping.columns.get("name") if mapping else None
    searched = range(min(len(table.rows), HEADER_ROWS_SEARCHED))
    named = [propose_stakeholder_mapping(table.header(index)).columns for index in searched]
    for index in searched:
        if "name" in named[index] or (given is not None and any(_fold(h) == _fold(given) for h in table.header(index))):
            return index, table.header(index)
    filled = [sum(1 for h in table.header(index) if h) for index in searched]
    widest = max(filled, default=0)
    start = next((index for index in searched if named[index]), None)
    if start is None:
        start = next((index for index in searched if filled[index] == widest), 0)
    return start, table.header(start)


def _columns(table: Table, header: list[str], mapping: StakeholderMapping | None) -> dict[str, int]:
    """Each field's column: detected from the headers, then the user's mapping on top (it wins a column)."""
    columns = {name: _resolve(table, header, ref) for name, ref in propose_stakeholder_mapping(header).columns.items()}
    for name, ref in (mapping.columns if mapping else {}).items():
        column = _resolve(table, header, ref)
        columns = {other: at for other, at in columns.items() if at != column}
        columns[name] = column
    return columns


def _check_width(table: Table, index: int, width: int) -> None:
    """Refuse a row with a value beyond the header's columns, naming the row and the first such column."""
    row = table.rows[index]
    beyond = next((i for i in range(width, len(row)) if row[i] is not None), None)
    if beyond is None:
        return
    cells = max(i for i, cell in enumerate(row) if cell is not None) + 1
    key = "evidence.error.beyond_header" if table.is_sheet else "evidence.error.ragged"
    raise table.error(index, key, column=beyond, cells=counted("cells", cells), width=counted("columns", width))


def _default_id(taken: set[str]) -> str:
    return fresh_id(STAKEHOLDERS.id_prefix, taken)


def _import_row(
    table: Table,
    index: int,
    columns: dict[str, int],
    known: dict[str, Stakeholder],
    taken: set[str],
    make_id: Callable[[set[str]], str],
    update: bool,
    result: StakeholderImport,
) -> None:
    row = table.rows[index]
    if all(cell is None for cell in row):
        return
    values = {name: _value(table, index, name, column, row) for name, column in columns.items()}
    values = {name: value for name, value in values.items() if value is not None}
    name = str(values.get("name", "")).strip()
    if not name:
        result.notices.append(Notice("evidence.notice.no_name", {"place": table.place(index)}))
        return
    match = known.get(_fold(name))
    if match is not None:
        _merge(table, index, match, values, update, result, known)
        return
    person = _checked(table, index, Stakeholder(id=make_id(taken), **values))
    taken.add(person.id)
    known[_fold(name)] = person
    result.added.append(person)
    result.touched.add(person.id)


def _merge(table: Table, index: int, match: Stakeholder, values: dict[str, Any], update: bool,
           result: StakeholderImport, known: dict[str, Stakeholder]) -> None:
    """A name already known: update it (``update``) or report it; never a second person."""
    place = table.place(index)
    if match.id in result.touched:
        result.skipped.append(match.name)
        result.notices.append(Notice("evidence.notice.name_twice", {"name": match.name, "place": place}))
        return
    changed = {k: v for k, v in values.items() if k != "name" and getattr(match, k) != v}
    if update and changed:
        person = _checked(table, index, dataclasses.replace(match, **changed))
        result.updated.append(person)
        result.touched.add(person.id)
        known[_fold(match.name)] = person
        result.notices.append(Notice("evidence.notice.updated", {"name": match.name, "place": place,
                                                                 "fields": ", ".join(changed)}))
        return
    result.skipped.append(match.name)
    key = "evidence.notice.exists_differs" if changed else "evidence.notice.exists"
    result.notices.append(Notice(key, {"name": match.name, "place": place, "fields": ", ".join(changed)}))


def _checked(table: Table, index: int, person: Stakeholder) -> Stakeholder:
    try:
        loaded: Stakeholder = codec.load(Stakeholder, codec.dump(person), "stakeholder")
    except ValidationError as error:
        raise table.error(index, "evidence.error.stakeholder_invalid", detail=error) from None
    return loaded


def _resolve(table: Table, header: list[str], ref: str) -> int:
    matches = [i for i, h in enumerate(header) if _fold(h) == _fold(ref)]
    if matches:
        return matches[0]
    text = ref.strip()
    if text.isdigit() and 1 <= int(text) <= max(table.width, len(header)):
        return int(text) - 1
    if re.fullmatch(r"[A-Za-z]{1,3}", text) and column_index(text) < max(table.width, len(header)):
        return column_index(text)
    raise input_error(table.file, "evidence.error.mapping_column", column=shortened(ref),
                      columns=", ".join(h for h in header if h)[:300])


# -- cells -----------------------------------------------------------------------------------------


def _value(table: Table, index: int, name: str, column: int, row: list[Cell]) -> Any:
    """The field ``name`` from a cell; None when blank (the default applies); InputError when wrong."""
    cell = cell_at(row, column)
    text = unneutralise(text_of(cell))
    if not text:
        return None
    if name in SCORES:
        return _score(table, index, column, cell, text)
    if name in FLAGS:
        return _flag(table, index, column, text)
    if name == "stance":
        return _stance(table, index, column, text)
    if name == "cadence_days":
        number = parse_number(cell, comma=True)
        if number is None or number < 1 or not number.is_integer():
            raise table.error(index, "evidence.error.bad_cadence", column=column, value=text[:40])
        return int(number)
    if name == "tags":
        return [tag.strip() for tag in re.split(r"[;,]", text) if tag.strip()]
    return text


def _score(table: Table, index: int, column: int, cell: Cell, text: str) -> int:
    word = SCORE_WORDS.get(_fold(text))
    if word is not None:
        return word
    number = parse_number(cell, comma=True)
    if number is None or not number.is_integer() or not 1 <= number <= 5:
        raise table.error(index, "evidence.error.bad_score", column=column, value=text[:40])
    return int(number)


def _flag(table: Table, index: int, column: int, text: str) -> bool:
    folded = _fold(text)
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise table.error(index, "evidence.error.bad_flag", column=column, value=text[:40])


def _stance(table: Table, index: int, column: int, text: str) -> Stance:
    folded = _fold(text)
    if folded in STANCES:
        return folded
    stance = STANCE_WORDS.get(folded) or STANCE_WORDS.get(folded.rstrip("e"))  # tilhængere, skeptikere
    if stance is None:
        raise table.error(index, "evidence.error.bad_stance", column=column, value=text[:40])
    return stance
