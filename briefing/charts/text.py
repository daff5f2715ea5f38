"""Chart text made safe for every renderer.

API: ``clean_label(text) -> str`` — control characters, U+FFFE/U+FFFF (and the other non-characters)
and lone surrogates removed; tabs and line breaks become spaces. ``short_label(text, limit=24)`` — the same, its
first clause when the whole is longer than ``limit`` (never cut mid-phrase with an ellipsis).
``mpl_text(text) -> str`` — a clean label with ``$`` escaped so matplotlib draws it literally instead of as
mathtext.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]+")
_RUNS = re.compile(" {2,}")
_DROP = re.compile("[\x00-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")


def clean_label(text: object) -> str:
    """``text`` without anything that breaks a chart's XML or workbook (see the module docstring)."""
    value = str(text) if text is not None else ""
    value = _SPACES.sub(" ", value)
    value = _DROP.sub("", value)
    value = "".join(ch for ch in value if (ord(ch) & 0xFFFE) != 0xFFFE)
    return _RUNS.sub(" ", value).strip()


def short_label(text: object, limit: int = 24) -> str:
    """A clean label for a point beside a bubble: whole if it has at most ``limit`` characters, else its first
    clause (``Division Director`` of ``Division Director, Buildings``); never cut with an ellipsis."""
    value = clean_label(text)
    if len(value) <= limit:
        return value
    first = _CLAUSE.split(value, maxsplit=1)[0].strip()
    return first if first and len(first) < len(value) else value


_CLAUSE = re.compile(r",\s|\s[—–-]\s|\s\(|;\s")


def mpl_text(text: object) -> str:
    """A clean label for matplotlib: ``$`` escaped (no mathtext)."""
    return clean_label(text).replace("$", r"\$")
