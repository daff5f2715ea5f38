"""One field schema per entity: each field's label, kind, allowed values, limits and help.

The schema is read from the entity's own declaration (``entities.py``): the type of a field gives
its kind and allowed values, the field's metadata its limits (``score``, ``min``, ``max``), whether
it is required, a finer kind (``multiline``, ``tags``) and a help text. The codec checks the same
limits, so the forms, the table columns, the importers and the demo builder all read, and are held
to, one declaration. Adding a field to an entity adds it here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from dataclasses import dataclass
from functools import cache
from typing import Literal, Union, get_args, get_origin

from briefing.model import codec
from briefing.model.entities import CHOICE_TERMS

Kind = Literal["text", "multiline", "int", "score", "float", "date", "datetime", "bool", "choice", "list", "tags",
               "ref", "refs", "nested"]
"""How a field's value is written: ``score`` a whole number 1–5; ``list`` one text per line, ``tags``
comma-separated words; ``ref``/``refs`` the id(s) of other items; ``nested`` items of their own."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of an entity, as every part of the product presents and checks it."""

    name: str
    kind: Kind
    optional: bool = False
    """The field may be empty (None)."""
    required: bool = False
    """A text that must not be empty."""
    choices: tuple[str, ...] = ()
    choice_term: str = ""
    """The kind of shared term that names each choice: ``term("stance", "champion")``."""
    low: float | None = None
    """The lowest value the codec accepts (None: any)."""
    high: float | None = None
    """The highest value an editor offers (a score's 5 is also checked; a larger cadence may be stored)."""
    help_key: str = ""
    label: str = ""
    """The catalog key of its name when the field's own name means something else elsewhere (a step's text)."""

    @property
    def label_key(self) -> str:
        """The catalog key of the field's name, shared by the app, the decks and the exports."""
        return self.label or f"term.field.{self.name}"

    def choice_key(self, value: str) -> str:
        """The catalog key of one allowed value's label."""
        return f"term.{self.choice_term}.{value}"


@cache
def schema(entity: type) -> tuple[FieldSpec, ...]:
    """The fields of the dataclass ``entity``, in their declared order."""
    return tuple(_spec(f, hint) for f, hint in codec.fields_of(entity))


def spec(entity: type, name: str) -> FieldSpec:
    """The field ``name`` of ``entity``; KeyError when it has none of that name."""
    found = next((field for field in schema(entity) if field.name == name), None)
    if found is None:
        raise KeyError(f"{entity.__name__} has no field {name!r}")
    return found


def _spec(f: dataclasses.Field[object], hint: object) -> FieldSpec:
    meta = f.metadata
    options = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else ()
    optional = type(None) in options
    base = next((option for option in options if option is not type(None)), hint) if options else hint
    low = 1 if meta.get("score") else meta.get("min")
    high = 5 if meta.get("score") else meta.get("max")
    kind = meta.get("kind") or _kind(f.name, base, bool(meta.get("score")))
    choices = tuple(str(value) for value in get_args(base)) if get_origin(base) is Literal else ()
    return FieldSpec(f.name, kind, optional, bool(meta.get("required")), choices, CHOICE_TERMS.get(base, ""),
                     low, high, meta.get("help", ""), meta.get("label", ""))


def _kind(name: str, base: object, score: bool) -> Kind:
    origin = get_origin(base)
    if origin is Literal:
        return "choice"
    if origin is list:
        item = get_args(base)[0]
        if dataclasses.is_dataclass(item):
            return "nested"
        return "refs" if name.endswith("_ids") else "list"
    simple: dict[object, Kind] = {bool: "bool", float: "float", dt.datetime: "datetime", dt.date: "date"}
    if base is int:
        return "score" if score else "int"
    if base is str:
        return "ref" if name.endswith("_id") else "text"
    return simple.get(base, "nested")
