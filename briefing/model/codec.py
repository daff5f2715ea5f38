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
import types
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from briefing.errors import ValidationError
from briefing.i18n import Term

T = TypeVar("T")
_MISSING = dataclasses.MISSING


_FIELDS: dict[Any, tuple[tuple[dataclasses.Field[Any], Any], ...]] = {}


def _fields(cls: Any) -> tuple[tuple[dataclasses.Field[Any], Any], ...]:
    """The fields of a dataclass with their resolved types (computed once per class)."""
    if cls not in _FIELDS:
        hints = get_type_hints(cls)
        _FIELDS[cls] = tuple((f, hints[f.name]) for f in dataclasses.fields(cls))
    return _FIELDS[cls]


def load(cls: type[T], data: Any, path: str) -> T:
    """An instance of the dataclass ``cls`` from the JSON object ``data`` found at ``path``."""
    if not isinstance(data, dict):
        raise ValidationError(path, "error.expected_object", found=kind_of(data))
    known = {f.name for f, _ in _fields(cls)}
    for key in data:
        if key not in known:
            raise ValidationError(_join(path, key), "error.unknown_field")
    values = {}
    for f, hint in _fields(cls):
        where = _join(path, f.name)
        if f.name in data:
            values[f.name] = _value(hint, data[f.name], where)
            _check_constraints(f, values[f.name], where)
        elif f.default is _MISSING and f.default_factory is _MISSING:
            raise ValidationError(where, "error.required")
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


def _check_constraints(f: dataclasses.Field[Any], value: Any, where: str) -> None:
    meta = f.metadata
    if meta.get("score") and not 1 <= value <= 5:
        raise ValidationError(where, "error.not_within", value=value, low=1, high=5)
    if "min" in meta and value < meta["min"]:
        raise ValidationError(where, "error.at_least", value=value, low=meta["min"])
    if meta.get("required") and not str(value).strip():
        raise ValidationError(where, "error.empty")


def _value(hint: Any, value: Any, where: str) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return _union(get_args(hint), value, where)
    if origin is Literal:
        if value not in get_args(hint):
            allowed = ", ".join(str(a) for a in get_args(hint))
            raise ValidationError(where, "error.not_allowed", value=_show(value), allowed=allowed)
        return value
    if origin is list:
        if not isinstance(value, list):
            raise ValidationError(where, "error.expected_list", found=kind_of(value))
        (item_hint,) = get_args(hint)
        return [_value(item_hint, item, f"{where}[{i}]") for i, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ValidationError(where, "error.expected_object", found=kind_of(value))
        item_hint = get_args(hint)[1]
        return {key: _value(item_hint, item, f"{where}.{key}") for key, item in value.items()}
    if dataclasses.is_dataclass(hint):
        return load(hint, value, where)  # type: ignore[arg-type]
    return _scalar(hint, value, where)


def _union(options: tuple[Any, ...], value: Any, where: str) -> Any:
    if value is None:
        if type(None) in options:
            return None
        raise ValidationError(where, "error.required")
    last: ValidationError | None = None
    for option in options:
        if option is type(None):
            continue
        try:
            return _value(option, value, where)
        except ValidationError as error:
            last = error
    assert last is not None
    raise last


def _scalar(hint: Any, value: Any, where: str) -> Any:
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise ValidationError(where, "error.expected_bool", found=kind_of(value))
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return _in_range(value, where)
        raise ValidationError(where, "error.expected_integer", found=_show(value))
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return _in_range(value, where) if isinstance(value, int) else value
        raise ValidationError(where, "error.expected_number", found=_show(value))
    if hint is str:
        if isinstance(value, str):
            return _text(value, where)
        raise ValidationError(where, "error.expected_text", found=kind_of(value))
    if hint is dt.datetime:
        return _parse_time(dt.datetime, value, where, "error.expected_datetime")
    if hint is dt.date:
        return _parse_time(dt.date, value, where, "error.expected_date")
    raise TypeError(f"{where}: no codec for {hint!r}")


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
