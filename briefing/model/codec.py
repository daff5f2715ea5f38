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
    """An instance of the dataclass ``cls`` from the JSON object ``data`` found at ``path``.

    Valid data takes the quick path (no field paths built, a store of 10,000 dialogues opens in
    half the time); anything the quick path doubts is loaded again the careful way, which finds the
    error and names its place.
    """
    try:
        return _quick(cls)(data)  # type: ignore[no-any-return]
    except (_Doubt, ValidationError):
        return _careful(cls, data, path)


def _careful(cls: type[T], data: Any, path: str) -> T:
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
            return _careful(cls, {shorthand: value}, where)
        return _careful(cls, value, where)

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


# -- the quick path: valid data without building a path per field ----------------------------------

Quick = Callable[[Any], Any]
_QUICK: dict[Any, Quick] = {}


class _Doubt(Exception):
    """The quick path met something it does not decide: the careful path loads it and names any error."""


def _quick(cls: Any) -> Quick:
    """A loader of ``cls`` for valid data; it raises _Doubt (or a constraint's ValidationError) otherwise.
    A class with a ``__post_init__`` always takes the careful path: the quick one never calls ``__init__``."""
    if cls not in _QUICK:
        _QUICK[cls] = _doubt_everything if hasattr(cls, "__post_init__") else _quick_object(cls)
    return _QUICK[cls]


def _quick_object(cls: Any) -> Quick:
    """A loader of ``cls`` written out for its fields (as ``dataclasses`` writes ``__init__``): each field
    read, converted and checked in line, the instance filled without calling ``__init__``."""
    known, steps = _plan(cls)
    scope: dict[str, Any] = {"cls": cls, "known": known, "Doubt": _Doubt, "new": object.__new__,
                             "surrogate": _SURROGATE.search, "isfinite": math.isfinite}
    lines = ["def quick(data):",
             "    if type(data) is not dict:",
             f"        if {getattr(cls, 'SHORTHAND', None) is not None} and type(data) is str:",
             f"            data = {{{getattr(cls, 'SHORTHAND', '')!r}: data}}",
             "        else:",
             "            raise Doubt",
             "    if not known.issuperset(data):",
             "        raise Doubt",
             "    item = new(cls)",
             "    fields = item.__dict__"]
    for index, ((name, _convert, required, check), (field, hint)) in enumerate(zip(steps, _fields(cls), strict=True)):
        scope[f"check{index}"], scope[f"default{index}"] = check, field.default
        scope[f"factory{index}"] = field.default_factory
        lines += [f"    if {name!r} in data:", f"        value = data[{name!r}]",
                  *("        " + line for line in _quick_lines(hint, index, scope)),
                  f"        fields[{name!r}] = value"]
        lines += ["        " + line for line in _quick_constraint(field.metadata, check, index)]
        lines.append("    else:")
        if required:
            lines.append("        raise Doubt")
        elif field.default_factory is not _MISSING:
            lines.append(f"        fields[{name!r}] = factory{index}()")
        else:
            lines.append(f"        fields[{name!r}] = default{index}")
    lines.append("    return item")
    exec("\n".join(lines), scope)  # our own field names and types: the same technique as dataclasses' __init__
    return scope["quick"]  # type: ignore[no-any-return]


def _quick_constraint(meta: Any, check: Any, index: int) -> list[str]:
    """The lines that apply a field's constraint to ``value``: in line for the usual ones, else its check."""
    if check is None:
        return []
    asked = set(meta) & {"score", "min", "required", "pattern"}
    if asked == {"required"}:
        return ["if not str(value).strip():", "    raise Doubt"]
    if asked == {"min"}:
        return [f"if value < {meta['min']!r}:", "    raise Doubt"]
    if asked == {"score"}:
        return ["if not 1 <= value <= 5:", "    raise Doubt"]
    return [f"check{index}(value, '')"]


def _quick_lines(hint: Any, index: int, scope: dict[str, Any]) -> list[str]:
    """The lines that check ``value`` (a JSON value) for ``hint`` in line, or hand it to a quick converter."""
    scalar = _quick_scalar(hint, "value", index, scope)
    if scalar is not None:
        return [f"if not ({scalar}):", "    raise Doubt"]
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = next(arg for arg in args if arg is not type(None))
        scalar = _quick_scalar(inner, "value", index, scope)
        if scalar is not None:
            return [f"if value is not None and not ({scalar}):", "    raise Doubt"]
        if inner in (dt.date, dt.datetime):
            scope[f"parse{index}"] = inner.fromisoformat
            return ["if value is not None:", *("    " + line for line in _quick_time_lines(index))]
    if hint in (dt.date, dt.datetime):
        scope[f"parse{index}"] = hint.fromisoformat
        return _quick_time_lines(index)
    if origin is list:
        scalar = _quick_scalar(args[0], "element", index, scope)
        if scalar is not None:
            return ["if type(value) is not list:", "    raise Doubt", "for element in value:",
                    f"    if not ({scalar}):", "        raise Doubt", "value = list(value)"]
    scope[f"convert{index}"] = _quick_converter(hint)
    return [f"value = convert{index}(value)"]


def _quick_scalar(hint: Any, name: str, index: int, scope: dict[str, Any]) -> str | None:
    """An expression true when the JSON value ``name`` is a valid ``hint`` as it is (no conversion), or None."""
    if hint is str:
        return f"type({name}) is str and ({name}.isascii() or not surrogate({name}))"
    whole = f"type({name}) is int and {_INT_RANGE[0]} <= {name} <= {_INT_RANGE[1]}"
    if hint is int:
        return whole
    if hint is float:
        return f"(type({name}) is float and isfinite({name})) or ({whole})"
    if hint is bool:
        return f"type({name}) is bool"
    if get_origin(hint) is Literal:
        scope[f"allowed{index}"] = frozenset(get_args(hint))
        return f"type({name}) is str and {name} in allowed{index}"
    return None


def _quick_time_lines(index: int) -> list[str]:
    return ["if type(value) is not str:", "    raise Doubt", "try:", f"    value = parse{index}(value)",
            "except ValueError:", "    raise Doubt from None"]


def _quick_converter(hint: Any) -> Quick:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return _quick_union(get_args(hint))
    if origin is Literal:
        allowed = frozenset(get_args(hint))
        return lambda value: value if type(value) is str and value in allowed else _doubt()
    if origin is list:
        item = _quick_converter(get_args(hint)[0])
        return lambda value: [item(element) for element in value] if type(value) is list else _doubt()
    if origin is dict:
        item = _quick_converter(get_args(hint)[1])
        return lambda value: {k: item(v) for k, v in value.items()} if type(value) is dict else _doubt()
    if dataclasses.is_dataclass(hint):
        return lambda value: _quick(hint)(value)
    return _QUICK_SCALARS[hint]


def _quick_union(options: tuple[Any, ...]) -> Quick:
    nullable = type(None) in options
    candidates = [_quick_converter(option) for option in options if option is not type(None)]
    if len(candidates) == 1:
        only = candidates[0]
        return lambda value: None if value is None and nullable else only(value)

    def convert(value: Any) -> Any:
        if value is None and nullable:
            return None
        for candidate in candidates:
            try:
                return candidate(value)
            except _Doubt:
                continue
        raise _Doubt

    return convert


def _doubt() -> Any:
    raise _Doubt


def _doubt_everything(_value: Any) -> Any:
    raise _Doubt


def _quick_str(value: Any) -> Any:
    if type(value) is str and (value.isascii() or not _SURROGATE.search(value)):
        return value
    raise _Doubt


def _quick_int(value: Any) -> Any:
    if type(value) is int and _INT_RANGE[0] <= value <= _INT_RANGE[1]:
        return value
    raise _Doubt


def _quick_float(value: Any) -> Any:
    if type(value) is float and math.isfinite(value):
        return value
    return _quick_int(value)


def _quick_bool(value: Any) -> Any:
    if type(value) is bool:
        return value
    raise _Doubt


def _quick_time(kind: Any) -> Quick:
    def convert(value: Any) -> Any:
        if type(value) is str:
            try:
                return kind.fromisoformat(value)
            except ValueError:
                pass
        raise _Doubt

    return convert


_QUICK_SCALARS: dict[Any, Quick] = {
    bool: _quick_bool, int: _quick_int, float: _quick_float, str: _quick_str,
    dt.datetime: _quick_time(dt.datetime), dt.date: _quick_time(dt.date),
}


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def kind_of(value: Any) -> Term:
    """What a JSON value is (``a list``, ``text`` …), translated when shown."""
    name = {dict: "object", list: "list", str: "text", bool: "bool", type(None): "null"}.get(type(value), "number")
    return Term(f"json.kind.{name}")
