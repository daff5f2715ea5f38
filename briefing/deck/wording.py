"""Small helpers for deck text: shorten to a word budget, count words, format numbers and dates."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_CLAUSE_END = re.compile(r"(?<=[:;,])\s|\s[—–-]\s|\s\(")
_WORD = re.compile(r"[\w%€$£]+(?:[.,'’][\w]+)*", re.UNICODE)


def words(text: str) -> int:
    """The number of words in ``text`` (numbers count, punctuation and arrows do not)."""
    return len(_WORD.findall(text))


def brief(text: str, max_words: int) -> str:
    """``text`` within ``max_words`` words: whole if it fits, else its first sentence or clause, else cut with …"""
    text = " ".join(text.split())
    if words(text) <= max_words:
        return text
    for pattern in (_SENTENCE_END, _CLAUSE_END):
        cut = _first_piece_within(text, pattern, max_words)
        if cut:
            return cut
    piece = _whole_piece_within(text, max_words)
    if piece:
        return piece
    kept = text.split(" ")
    while kept and words(" ".join(kept)) > max_words:
        kept.pop()
    return (" ".join(kept).rstrip(",;:—–- ") + "…") if kept else text[:40] + "…"


def _first_piece_within(text: str, pattern: re.Pattern[str], max_words: int) -> str:
    """The longest prefix ending at a ``pattern`` boundary that has 3 … ``max_words`` words."""
    best = ""
    for match in pattern.finditer(text):
        piece = text[: match.start()].rstrip(" ,;:—–-(")
        count = words(piece)
        if count > max_words:
            break
        if count >= max(3, max_words // 2):
            best = piece
    return best


def _whole_piece_within(text: str, max_words: int) -> str:
    """The first sentence or ``;``-clause of ``text`` (not only its start) that has 3 … ``max_words`` words."""
    for piece in re.split(r"(?<=[.!?;])\s+", text):
        piece = piece.strip().rstrip(";")
        if max(3, max_words // 2) <= words(piece) <= max_words:
            return upper_first(piece)
    return ""


def lower_first(text: str) -> str:
    """``text`` with a lower-case first letter, unless it starts an acronym (``KPI``, ``IT``)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
