"""From the bytes of a store file to a checked Workspace, or an error naming file and place.

A sound file is read with orjson (15 ms for 10,000 dialogues, against 25 ms for the standard
library's json; its import, about 5 ms, the first save needs anyway). A file orjson refuses is
read again with json, whose errors name the line and column, the byte that is not UTF-8, the
NaN, or the nesting too deep.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from briefing.errors import ValidationError
from briefing.model import COLLECTIONS, SINGLETONS, Workspace, codec, integrity
from briefing.model.collections import collection_named, singleton_named
from briefing.reading import MAX_JSON_DEPTH, reject_constant
from briefing.store.errors import StoreDamaged
from briefing.store.migrations import META_TABLE


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused meanwhile, and resumed after if it ran before: a load
    makes a hundred thousand objects and frees none, so collections during it only cost time (a third
    of an open at 10,000 dialogues)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def parse(payload: bytes, file: str) -> Any:
    """The raw tinydb data of a store; StoreDamaged with line and column when it is not one."""
    if not payload.strip():
        raise StoreDamaged("error.store_empty", file=file)
    import orjson

    try:
        raw = orjson.loads(payload)
    except orjson.JSONDecodeError:
        raw = _parse_slowly(payload, file)
    _check_shape(raw, file)
    return raw


def _parse_slowly(payload: bytes, file: str) -> Any:
    """The raw data of a store orjson refused (a lone surrogate escaped, which the codec names), or
    StoreDamaged naming the place that is not JSON."""
    text = _utf8(payload, file)
    try:
        raw = json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError as error:
        raise _syntax_error(error, file) from None
    except RecursionError:  # nested thousands deep: no store is
        raise StoreDamaged("error.json_too_deep", file=file, depth=MAX_JSON_DEPTH) from None
    except ValueError:
        raise _syntax_error(_constant_error(payload), file) from None
    return raw


def _syntax_error(error: json.JSONDecodeError, file: str) -> StoreDamaged:
    return StoreDamaged("error.store_syntax", file=file, line=error.lineno, column=error.colno, reason=error.msg)


def _constant_error(payload: bytes) -> json.JSONDecodeError:
    """Where the NaN or Infinity is: orjson, which refuses them, names the line and column."""
    import orjson

    try:
        orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        return error
    raise AssertionError("orjson accepted a NaN or Infinity")


def _utf8(payload: bytes, file: str) -> str:
    """The text of ``payload``; StoreDamaged at the line and column of the first byte that is not UTF-8."""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = payload.rfind(b"\n", 0, error.start) + 1
        line = payload.count(b"\n", 0, error.start) + 1
        column = len(payload[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = f"0x{payload[error.start]:02x}"
        raise StoreDamaged("error.store_not_utf8", file=file, line=line, column=column, byte=byte) from None


def _check_shape(raw: Any, file: str) -> None:
    if not isinstance(raw, dict):
        raise StoreDamaged("error.store_shape", file=file, path="$")
    for table, docs in raw.items():
        if not isinstance(docs, dict):
            raise StoreDamaged("error.store_shape", file=file, path=table)
        for doc_id, doc in docs.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise StoreDamaged("error.store_shape", file=file, path=f"{table}.{doc_id}")
    if "1" not in raw.get(META_TABLE, {}):  # every version has it: without it, it is no store (nor an old one)
        raise StoreDamaged("error.store_shape", file=file, path=META_TABLE)


def documents(raw: dict[str, Any], table: str) -> list[tuple[int, dict[str, Any]]]:
    """The documents of ``table`` in the order of their ids (the order they were created).

    A store is written in that order, so the usual case costs one pass in C, not a sort in Python.
    """
    docs = raw.get(table, {})
    ids = list(map(int, docs))
    pairs = list(zip(ids, docs.values(), strict=True))
    return pairs if ids == sorted(ids) else sorted(pairs, key=lambda pair: pair[0])


def to_workspace(raw: dict[str, Any], file: str) -> Workspace:
    """The Workspace stored in ``raw``; StoreDamaged names the field that is wrong."""
    _check_tables(raw, file)
    try:
        values: dict[str, Any] = {}
        for singleton in SINGLETONS:
            docs = documents(raw, singleton.name)
            stored = codec.load(singleton.type, docs[-1][1], singleton.name) if docs else singleton.type()
            values[singleton.name] = stored
        for collection in COLLECTIONS:
            docs = documents(raw, collection.name)
            values[collection.name] = [codec.load(collection.type, doc, f"{collection.name}[{i}]")
                                       for i, (_, doc) in enumerate(docs)]
        workspace = Workspace(**values)
        integrity.check(workspace)
    except ValidationError as error:
        raise StoreDamaged("error.store_invalid", file=file, detail=error) from None
    return workspace


def _check_tables(raw: dict[str, Any], file: str) -> None:
    """A store of this version has its ``_meta`` and only the tables of the model (checked after migration)."""
    if "1" not in raw.get(META_TABLE, {}):
        raise StoreDamaged("error.store_shape", file=file, path=META_TABLE)
    for table in raw:
        if table != META_TABLE and singleton_named(table) is None and collection_named(table) is None:
            raise StoreDamaged("error.store_shape", file=file, path=table)


def to_raw(workspace: Workspace, meta: dict[str, Any]) -> dict[str, Any]:
    """The tinydb data of ``workspace``: one table per collection, documents numbered from 1."""
    raw: dict[str, Any] = {"_meta": {"1": meta}}
    for singleton in SINGLETONS:
        raw[singleton.name] = {"1": codec.dump(singleton.get(workspace))}
    for collection in COLLECTIONS:
        items = collection.items(workspace)
        raw[collection.name] = {str(i): codec.dump(item) for i, item in enumerate(items, start=1)}
    return raw
