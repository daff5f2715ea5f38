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
    """``text`` within ``max_words`` words where a whole piece of it says it: the whole text if it fits, else its
    first sentence or clause, else a phrase that ends before a conjunction. Never a cut with "…": a text with no
    such piece stays whole (the layout makes room, continues it on a next slide or the lint names it)."""
    text = " ".join(text.split())
    if words(text) <= max_words:
        return text
    for pattern in (_SENTENCE_END, _CLAUSE_END):
        cut = _first_piece_within(text, pattern, max_words)
        if cut:
            return cut
    short = _whole_piece_within(text, max_words) or phrase(text, max_words)
    return short if words(short) >= 2 else text


_PHRASE_END = re.compile(r"(?<=[.!?])\s(?=[A-ZÆØÅ0-9\"“»])|(?<=[;:,])\s|\s[—–-]\s|\s\(")
"""Where a phrase ends: a sentence (not an abbreviation such as ``pr. kvartal``), a clause, a dash, a bracket."""
_BREAK_WORDS = frozenset({
    "when", "because", "which", "that", "where", "while", "after", "before", "since", "although", "unless", "until",
    "whereas", "so", "and", "but",
    "når", "fordi", "som", "der", "hvor", "mens", "efter", "før", "siden", "selvom", "medmindre", "indtil", "så",
    "og", "men", "da",
})
"""Words that start a dependent clause or a second thought: a phrase cut just before one reads whole."""


def phrase(text: str, max_words: int) -> str:
    """A self-contained phrase of ``text`` within ``max_words`` words, never cut mid-clause; "" if none.

    The whole text if it fits; else its first sentence or clause; else that clause up to the word
    before a conjunction (``Two near-lawsuits in 2025`` from ``… in 2025 when the signed version …``).
    """
    text = " ".join(text.split())
    if words(text) <= max_words:
        return text
    first = _PHRASE_END.split(text, maxsplit=1)[0].rstrip(" .,;:!?")
    if words(first) <= max_words:
        return first
    tokens = first.split(" ")
    best = ""
    for index in range(2, len(tokens)):
        if words(" ".join(tokens[:index])) > max_words:
            break
        if tokens[index].lower().strip("(\"'") in _BREAK_WORDS:
            best = " ".join(tokens[:index]).rstrip(" ,;:—–-")
    return best if words(best) >= 2 else ""


def _first_piece_within(text: str, pattern: re.Pattern[str], max_words: int) -> str:
    """The longest prefix ending at a ``pattern`` boundary that has 3 … ``max_words`` words."""
    best = ""
    for match in pattern.finditer(text):
        piece = text[: match.start()].rstrip(" ,;:—–-(")
        count = words(piece)
        if count > max_words:
            break
        if count >= max(3, max_words // 2) and piece.count("(") == piece.count(")"):  # never inside brackets
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
