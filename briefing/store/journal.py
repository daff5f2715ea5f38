"""The journal beside a store's snapshot: a save after an edit appends one record, not the whole store.

Each line is ``<CRC-32 in 8 hex digits> <JSON>``. The first line is the header,
``{"journal": FORMAT, "token": …}``: the journal belongs to the snapshot whose ``_meta`` carries
the same token, and is stale beside any other (a crash after the snapshot was rewritten but
before the journal was removed). Every further line is one save, applied all or nothing:
``{"ops": [[table, doc_id, document or null], …]}`` — null removes the document.

A torn last line (the process died while appending) was never acknowledged, and is ignored.
A bad line before good ones is damage, refused with its line number; a journal of a newer
format is refused rather than misread.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

from briefing.store.errors import NewerStore, StoreDamaged

FORMAT = 1
Op = tuple[str, int, dict[str, Any] | None]


def header(token: str) -> bytes:
    return _line({"journal": FORMAT, "token": token})


def record(ops: list[Op]) -> bytes:
    return _line({"ops": [list(op) for op in ops]})


def _line(value: dict[str, Any]) -> bytes:
    import orjson

    body = orjson.dumps(value)
    return b"%08x %s\n" % (zlib.crc32(body), body)


@dataclass
class Replay:
    """What a journal holds: its token, the saves in order, and how many of its bytes are sound."""

    token: str | None = None
    saves: list[list[Op]] = field(default_factory=list)
    sound: int = 0
    torn: bool = False


def read(payload: bytes, file: str) -> Replay:
    """The journal in ``payload``; StoreDamaged naming the line of a bad record, NewerStore for a newer format."""
    lines = payload.split(b"\n")
    tail = lines.pop()  # b"" when the last line is complete
    replay = Replay()
    for number, line in enumerate(lines, start=1):
        value = _decoded(line)
        if value is None and number == len(lines) and not tail:
            break  # a last line cut short (or never made durable): ignored
        if value is None or not _take(replay, value, number, file):
            raise StoreDamaged("error.journal_damaged", file=file, line=number)
        replay.sound += len(line) + 1
    replay.torn = replay.sound < len(payload)
    return replay


def _decoded(line: bytes) -> Any:
    import orjson

    crc, _, body = line.partition(b" ")
    try:
        if len(crc) != 8 or int(crc, 16) != zlib.crc32(body):
            return None
        return orjson.loads(body)
    except ValueError:
        return None


def _take(replay: Replay, value: Any, number: int, file: str) -> bool:
    """Add one decoded line to ``replay``; False when it is not what that line should be."""
    if number == 1:
        if not isinstance(value, dict) or not isinstance(value.get("journal"), int):
            return False
        if value["journal"] > FORMAT:
            raise NewerStore("error.newer_journal", file=file, version=value["journal"], supported=FORMAT)
        replay.token = str(value.get("token"))
        return True
    ops = value.get("ops") if isinstance(value, dict) else None
    if not isinstance(ops, list) or not all(_is_op(op) for op in ops):
        return False
    replay.saves.append([(table, doc_id, doc) for table, doc_id, doc in ops])
    return True


def _is_op(op: Any) -> bool:
    return (
        isinstance(op, list)
        and len(op) == 3
        and isinstance(op[0], str)
        and isinstance(op[1], int)
        and (op[2] is None or isinstance(op[2], dict))
    )


def apply(raw: dict[str, Any], saves: list[list[Op]]) -> None:
    """Play the saves onto the raw tinydb data of a snapshot."""
    for ops in saves:
        for table, doc_id, doc in ops:
            docs = raw.setdefault(table, {})
            if doc is None:
                docs.pop(str(doc_id), None)
            else:
                docs[str(doc_id)] = doc
