"""Columns of a table model: how a field of an item is shown, sorted and edited.

A column names its header (an i18n key), a getter (the raw value), how it is shown, how it
sorts, and — when it is editable — the ``kind`` of editor and a parser from what the user
typed to the field's value. Setting a value makes a changed copy of the item; the store
validates it when the page applies it as an edit.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any

from briefing.errors import InputError
from briefing.i18n import Message, current_language, format_date, format_number, tr
from briefing.model.schema import spec

Getter = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    """One column; ``field`` is the attribute the column edits (None: read-only).

    ``kind`` is one of text, int, float, date, bool, choice, list; ``choices`` are the allowed
    values of a choice column and ``choice_key`` the i18n prefix of their labels.
    """

    header: str
    get: Getter
    field: str | None = None
    kind: str = "text"
    choices: Sequence[str] = ()
    choice_key: str = ""
    show: Callable[[Any], str] | None = None

    @property
    def editable(self) -> bool:
        return self.field is not None

    def value(self, item: Any) -> Any:
        return self.get(item)

    def text(self, item: Any) -> str:
        """The value as the user reads it in the current language."""
        value = self.get(item)
        if self.show is not None:
            return self.show(value)
        if self.kind == "date" and isinstance(value, dt.date):
            return format_date(value, short=True)  # the language's way; edited as typed (``edit_value``)
        return display(value, self.kind, self.choice_key)

    def edit_value(self, item: Any) -> Any:
        """The value an editor starts from: text for dates, floats and lists, else the value."""
        value = self.get(item)
        if self.kind == "float":
            return plain_number(value)
        if self.kind in ("date", "list"):
            return display(value, self.kind, "")
        return value

    def sort_key(self, item: Any) -> Any:
        """A key of one type per column, so the proxy sorts numbers as numbers."""
        value = self.get(item)
        if self.kind in ("int", "float"):
            return float("-inf") if value is None else float(value)
        if self.kind == "bool":
            return int(bool(value))
        if self.kind == "date":
            return value.isoformat() if value else ""
        if self.kind == "choice" and value in self.choices:
            return self.choices.index(value)
        return self.text(item).casefold()

    def with_value(self, item: Any, raw: Any) -> Any:
        """A copy of ``item`` with this column's field set from ``raw``; InputError if unreadable."""
        assert self.field is not None, "read-only column"
        changed = copy.deepcopy(item)
        setattr(changed, self.field, parse(raw, self.kind, Message(self.header)))
        return changed


def display(value: Any, kind: str, choice_key: str) -> str:
    """``value`` as text: dates and numbers the language's way, choices by their label."""
    if value is None:
        return ""
    if kind == "choice" and choice_key:
        return tr(f"{choice_key}.{value}")
    if isinstance(value, bool):
        return tr("pages.yes") if value else ""
    if isinstance(value, dt.date):
        return value.isoformat() if kind == "date" else format_date(value, short=True)
    if isinstance(value, float) or (kind == "float" and isinstance(value, int)):
        return format_number(float(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def plain_number(value: float | int | None) -> str:
    """A number as the user types it: no thousands separator, the language's decimal mark."""
    if value is None:
        return ""
    text = format(Decimal(repr(float(value))), "f")  # every digit the number has (not six decimals)
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text.replace(".", ",") if current_language() == "da" else text


def parse(raw: Any, kind: str, label: str | Message) -> Any:
    """What the user typed as the value of a field of ``kind``; InputError names the field
    (``label`` a Message: named in the language shown when the error is)."""
    if kind in ("text", "choice", "bool") or not isinstance(raw, str):
        return raw
    text = raw.strip()
    if kind == "list":
        return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]
    if not text:
        return None
    if kind == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise InputError("pages.error.date", field=label, value=text) from None
    return _number(text, kind, label)


def _number(text: str, kind: str, label: str | Message) -> float | int:
    """``text`` read as the language writes numbers (``1,250.5`` in English, ``1.250,5`` in Danish).

    A mark that cannot be what the language means by it is read the other way: ``2,5`` in English
    and ``2.5`` in Danish are decimals, since a thousands separator is followed by three digits.
    """
    decimal, group = (",", ".") if current_language() == "da" else (".", ",")
    value = _read_number(re.sub(r"[\s\u00a0\u202f]", "", text), decimal, group)
    if kind == "int" and value is not None:
        value = int(value) if value.is_integer() else None
    if value is None:
        key = "pages.error.integer" if kind == "int" else "pages.error.number"
        raise InputError(key, field=label, value=text)
    return value


def _read_number(text: str, decimal: str, group: str) -> float | None:
    whole, mark, fraction = text.rpartition(decimal) if decimal in text else (text, "", "")
    if group in whole:
        if _grouped(whole, group):
            whole = whole.replace(group, "")
        elif not mark and whole.count(group) == 1:  # "2,5" in English: not thousands, so the decimals
            whole, mark, fraction = whole.partition(group)
        else:
            return None
    number = f"{whole}.{fraction}" if mark else whole
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", number):
        return None
    return float(number)


def _grouped(whole: str, group: str) -> bool:
    """True when ``whole`` is digits in thousands: ``1,250`` or ``-12,500,000`` (``group`` ",")."""
    return re.fullmatch(rf"[+-]?[1-9]\d{{0,2}}(?:{re.escape(group)}\d{{3}})+", whole) is not None


COLUMN_KINDS = {"score": "int", "multiline": "text", "tags": "list", "ref": "text", "refs": "list"}
"""The column kind that shows each kind of field of the core's schema (the others are the same)."""


def field_column(entity: type, name: str, **extra: Any) -> Column:
    """The column of the field ``name`` of ``entity``: its label, kind and allowed values from the core's schema."""
    field = spec(entity, name)
    choice_key = f"term.{field.choice_term}" if field.choice_term else ""
    kind = COLUMN_KINDS.get(field.kind, field.kind)
    return Column(field.label_key, attrgetter(name), name, kind, field.choices, choice_key, **extra)
