"""Between the domain's dataclasses and plain JSON values, checking every field on the way in.

``load(cls, data, path)`` builds an instance from JSON values and raises a ValidationError
that names the field's path (``stakeholders[3].influence``); ``dump(obj)`` gives JSON values
back, fields in their declared order, so that a round trip is identical.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import sys
import types
from collections.abc import Callable
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from briefing.errors import ValidationError
from briefing.i18n import Term

T = TypeVar("T")
_MISSING = dataclasses.MISSING


Convert = Callable[[Any, str], Any]
"""Checks a JSON value found at a path and returns the model's value, or raises ValidationError."""
_FIELDS: dict[Any, tuple[tuple[dataclasses.Field[Any], Any], ...]] = {}
_PLANS: dict[Any, tuple[frozenset[str], tuple[tuple[str, Convert, bool, Any], ...]]] = {}
_CONVERTERS: dict[Any, Convert] = {}


def _fields(cls: Any) -> tuple[tuple[dataclasses.Field[Any], Any], ...]:
    """The fields of a dataclass with their resolved types (computed once per class).

    The annotations are strings (``from __future__ import annotations``), evaluated in the class's
    module as ``typing.get_type_hints`` would, at a fifth of its cost (the model's classes do not
    inherit fields).
    """
    if cls not in _FIELDS:
        namespace = vars(sys.modules[cls.__module__])
        _FIELDS[cls] = tuple((f, _resolved(f.type, namespace)) for f in dataclasses.fields(cls))
    return _FIELDS[cls]


def _resolved(annotation: Any, namespace: dict[str, Any]) -> Any:
    return eval(annotation, namespace) if isinstance(annotation, str) else annotation  # our own annotations


def fields_of(cls: type) -> tuple[tuple[dataclasses.Field[Any], Any], ...]:
    """The fields of the dataclass ``cls``, each with its resolved type."""
    return _fields(cls)


def _plan(cls: Any) -> tuple[frozenset[str], tuple[tuple[str, Convert, bool, Any], ...]]:
    """Per field of ``cls``: its name, converter, whether it is required, and its constraint check."""
    if cls not in _PLANS:
        steps = tuple(
            (
                f.name,
                _converter(hint),
                f.default is _MISSING and f.default_factory is _MISSING,
                _constraint(f.metadata),
            )
            for f, hint in _fields(cls)
        )
        _PLANS[cls] = (frozenset(f.name for f, _ in _fields(cls)), steps)
    return _PLANS[cls]


def load(cls: type[T], data: Any, path: str) -> T:
    """An instance of the dataclass ``cls`` from the JSON object ``data`` found at ``path``."""
    if not isinstance(data, dict):
        raise ValidationError(path, "error.expected_object", found=kind_of(data))
    known, steps = _plan(cls)
    if not known.issuperset(data):
        unknown = next(key for key in data if key not in known)
        raise ValidationError(_join(path, unknown), "error.unknown_field", field_name=unknown)
    values = {}
    for name, convert, required, check in steps:
        if name in data:
            where = f"{path}.{name}" if path else name
            try:
                value = values[name] = convert(data[name], where)
                if check is not None:
                    check(value, where)
            except ValidationError as error:
                error.field_name = name  # the outermost item's field: the one a form shows
                raise
        elif required:
            raise ValidationError(_join(path, name), "error.required", field_name=name)
    return cls(**values)


def dump(obj: Any) -> Any:
    """The JSON value of a dataclass, list, dict, date or plain value."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: dump(getattr(obj, f.name)) for f, _ in _fields(type(obj))}
    if isinstance(obj, list):
        return [dump(item) for item in obj]
    if isinstance(obj, dict):
        return {key: dump(value) for key, value in obj.items()}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    return obj


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _constraint(meta: Any) -> Callable[[Any, str], None] | None:
    """The check a field's metadata asks for (``score``, ``min``, ``required``, ``pattern``), or None."""
    if not {"score", "min", "required", "pattern"} & set(meta):
        return None

    def check(value: Any, where: str) -> None:
        if meta.get("score") and not 1 <= value <= 5:
            raise ValidationError(where, "error.not_within", value=value, low=1, high=5)
        if "min" in meta and value < meta["min"]:
            raise ValidationError(where, "error.at_least", value=value, low=meta["min"])
        if meta.get("required") and not str(value).strip():
            raise ValidationError(where, "error.empty")
        if "pattern" in meta and not re.fullmatch(meta["pattern"], value):
            raise ValidationError(where, meta["pattern_error"], value=_show(value))

    return check


def _converter(hint: Any) -> Convert:
    """The converter for a type hint, made once per hint."""
    if hint not in _CONVERTERS:
        _CONVERTERS[hint] = _make_converter(hint)
    return _CONVERTERS[hint]


def _make_converter(hint: Any) -> Convert:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return _union(get_args(hint))
    if origin is Literal:
        return _literal(get_args(hint))
    if origin is list:
        return _list(_converter(get_args(hint)[0]))
    if origin is dict:
        return _dict(_converter(get_args(hint)[1]))
    if dataclasses.is_dataclass(hint):
        return _object(hint)
    if hint in _SCALARS:
        return _SCALARS[hint]
    raise TypeError(f"no codec for {hint!r}")


def _object(cls: Any) -> Convert:
    """An instance of the dataclass ``cls``; a plain text is its ``SHORTHAND`` field when it has one."""
    shorthand = getattr(cls, "SHORTHAND", None)

    def convert(value: Any, where: str) -> Any:
        if shorthand is not None and isinstance(value, str):
            return load(cls, {shorthand: value}, where)
        return load(cls, value, where)

    return convert


def _literal(allowed: tuple[Any, ...]) -> Convert:
    def convert(value: Any, where: str) -> Any:
        if isinstance(value, str) and value in allowed:
            return value
        raise ValidationError(
            where, "error.not_allowed", value=_show(value), allowed=", ".join(str(a) for a in allowed)
        )

    return convert


def _list(item: Convert) -> Convert:
    def convert(value: Any, where: str) -> Any:
        if not isinstance(value, list):
            raise ValidationError(where, "error.expected_list", found=kind_of(value))
        return [item(element, f"{where}[{i}]") for i, element in enumerate(value)]

    return convert


def _dict(item: Convert) -> Convert:
    def convert(value: Any, where: str) -> Any:
        if not isinstance(value, dict):
            raise ValidationError(where, "error.expected_object", found=kind_of(value))
        return {key: item(element, f"{where}.{key}") for key, element in value.items()}

    return convert


def _union(options: tuple[Any, ...]) -> Convert:
    """The first option that takes the value; options whose JSON type cannot match are not tried
    (a survey answer 4 would otherwise raise and catch an error as text first)."""
    nullable = type(None) in options
    candidates = [(_json_types(option), _converter(option)) for option in options if option is not type(None)]

    def convert(value: Any, where: str) -> Any:
        if value is None:
            if nullable:
                return None
            raise ValidationError(where, "error.required")
        last: ValidationError | None = None
        for accepts, candidate in candidates:
            if not isinstance(value, accepts):
                continue
            try:
                return candidate(value, where)
            except ValidationError as error:
                last = error
        raise last or _refusal(candidates[-1][1], value, where)

    return convert


def _json_types(hint: Any) -> tuple[type, ...]:
    """The JSON value types a converter for ``hint`` can accept."""
    origin = get_origin(hint) or hint
    if origin in (Union, types.UnionType):
        return tuple({kind for option in get_args(hint) for kind in _json_types(option)})
    if origin is float:
        return (int, float)
    if origin in (Literal, dt.date, dt.datetime):
        return (str,)
    if origin is dict or dataclasses.is_dataclass(origin):
        return (dict,)
    return (origin,)


def _refusal(convert: Convert, value: Any, where: str) -> ValidationError:
    """The error ``convert`` gives for ``value`` (a value of a type that it does not take)."""
    try:
        convert(value, where)
    except ValidationError as error:
        return error
    raise AssertionError(f"{where}: {value!r} was taken")


def _bool(value: Any, where: str) -> Any:
    if isinstance(value, bool):
        return value
    raise ValidationError(where, "error.expected_bool", found=kind_of(value))


def _int(value: Any, where: str) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return _in_range(value, where)
    raise ValidationError(where, "error.expected_integer", found=_show(value))


def _float(value: Any, where: str) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return _in_range(value, where) if isinstance(value, int) else value
    raise ValidationError(where, "error.expected_number", found=_show(value))


def _str(value: Any, where: str) -> Any:
    if isinstance(value, str):
        return _text(value, where)
    raise ValidationError(where, "error.expected_text", found=kind_of(value))


def _datetime(value: Any, where: str) -> Any:
    return _parse_time(dt.datetime, value, where, "error.expected_datetime")


def _date(value: Any, where: str) -> Any:
    return _parse_time(dt.date, value, where, "error.expected_date")


_SCALARS: dict[Any, Convert] = {
    bool: _bool, int: _int, float: _float, str: _str, dt.datetime: _datetime, dt.date: _date
}


_INT_RANGE = (-(2**63), 2**63 - 1)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _in_range(value: int, where: str) -> int:
    """A whole number the store can write (64 bits); larger ones would make every later save fail."""
    low, high = _INT_RANGE
    if not low <= value <= high:
        raise ValidationError(where, "error.out_of_range", value=_show(value))
    return value


def _text(value: str, where: str) -> str:
    """Text that is valid Unicode: a lone surrogate (broken UTF-16) cannot be saved as UTF-8."""
    if not value.isascii():
        match = _SURROGATE.search(value)
        if match:
            raise ValidationError(where, "error.broken_text", position=match.start() + 1)
    return value


def _parse_time(kind: Any, value: Any, where: str, key: str) -> Any:
    if isinstance(value, str):
        try:
            return kind.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError(where, key, value=_show(value))


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def kind_of(value: Any) -> Term:
    """What a JSON value is (``a list``, ``text`` …), translated when shown."""
    name = {dict: "object", list: "list", str: "text", bool: "bool", type(None): "null"}.get(type(value), "number")
    return Term(f"json.kind.{name}")
