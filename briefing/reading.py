"""Reading a file the user named: only a regular file, never more than a limit, JSON never too deep.

A named pipe would block the read for ever, a device such as ``/dev/zero`` never ends and a
folder is no file: each is refused after one ``os.stat``, before anything is opened, with a
message naming the file. The file is then opened without blocking and checked again (it may
have been swapped in between), and the read stops at the limit, so that a file growing while it
is read cannot fill the memory either. JSON nested deeper than a person writes is refused
(``RecursionError`` never escapes), and so are NaN and Infinity, which are not JSON.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from briefing.errors import InputError
from briefing.i18n import Term, format_number

MAX_JSON_DEPTH = 64
"""Deeper than any interchange file, mapping or store (about 8 levels) and far below Python's recursion limit."""

_KINDS = (
    (stat.S_ISDIR, "file.kind.folder"),
    (stat.S_ISFIFO, "file.kind.pipe"),
    (stat.S_ISCHR, "file.kind.device"),
    (stat.S_ISBLK, "file.kind.device"),
    (stat.S_ISSOCK, "file.kind.socket"),
)


def not_a_file(path: Path | str, mode: int) -> InputError | None:
    """The refusal for a path whose ``st_mode`` is no regular file (folder, pipe, device, socket), else None."""
    if stat.S_ISREG(mode):
        return None
    key = next((key for test, key in _KINDS if test(mode)), "file.kind.other")
    return InputError("file.error.not_a_file", file=str(path), kind=Term(key))


def check_file(path: Path | str) -> int:
    """The size of the regular file at ``path``; InputError naming it when it is missing or not a file."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise unreadable(path, error) from None
    refusal = not_a_file(path, info.st_mode)
    if refusal is not None:
        raise refusal
    return info.st_size


def read_bytes(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them; InputError naming the file otherwise."""
    size = check_file(path)
    if size > limit:
        raise too_big(path, size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise unreadable(path, error) from None
    try:
        refusal = not_a_file(path, os.fstat(fd).st_mode)  # swapped for a pipe since the first look
        if refusal is not None:
            raise refusal
        data = _read_at_most(fd, limit + 1)
    except OSError as error:
        raise unreadable(path, error) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise too_big(path, len(data), limit)
    return data


def _read_at_most(fd: int, count: int) -> bytes:
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def unreadable(path: Path | str, error: OSError) -> InputError:
    """The refusal for a file the system would not let us read, with the system's reason but not the path twice."""
    return InputError("file.error.unreadable", file=str(path), reason=error.strerror or type(error).__name__)


def too_big(path: Path | str, size: int, limit: int) -> InputError:
    return InputError("file.error.too_big", file=str(path), size=megabytes(size), limit=megabytes(limit))


def megabytes(size: int) -> str:
    return format_number(size / 1024 / 1024, None, 1)


# -- JSON ----------------------------------------------------------------------------------------


def load_json(text: str, origin: str) -> Any:
    """JSON values from ``text``; InputError naming ``origin`` (a file, or an option) and the line and column.

    NaN and Infinity are refused, and so is nesting deeper than MAX_JSON_DEPTH.
    """
    try:
        data = json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError as error:
        raise InputError(
            "error.json_syntax", file=origin, line=error.lineno, column=error.colno, reason=error.msg
        ) from None
    except RecursionError:
        raise InputError("error.json_too_deep", file=origin, depth=MAX_JSON_DEPTH) from None
    except ValueError as error:
        raise InputError("error.json_constant", file=origin, reason=str(error)) from None
    if depth(data) > MAX_JSON_DEPTH:
        raise InputError("error.json_too_deep", file=origin, depth=MAX_JSON_DEPTH)
    return data


def reject_constant(name: str) -> Any:
    """For ``json.loads``: NaN and Infinity are not JSON (the standard library would accept them)."""
    raise ValueError(name)


def depth(value: Any) -> int:
    """How deep lists and objects nest in ``value`` (a scalar is 0), found without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, level + 1)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest
