"""Danish and English for every string a user sees, in the app and in the decks.

Messages live in JSON catalogs beside this file, one per part of the core
(``core.json``, ``deck.json`` …), each mapping a key to ``{"en": …, "da": …}``; an app adds
the folder of its own texts with ``add_catalogs`` (the desktop app's are in ``ui/i18n``).
``tr`` looks a key up in the current (or a given) language and fills its
``{placeholders}``; numbers and dates are written the way each language writes them.

A key that no catalog has shows as itself, so that a release names what is missing; with
``set_strict(True)`` (the tests) it raises MissingText instead.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "da")
_state = {"language": "en"}
_strict = {"on": False}
_folders: list[Path] = [Path(__file__).parent]


class MissingText(KeyError):
    """A message key that no catalog has (raised only with ``set_strict(True)``)."""


def set_strict(strict: bool) -> None:
    """Make a missing key raise MissingText (for tests) instead of showing the key (a release)."""
    _strict["on"] = strict


def add_catalogs(folder: Path) -> None:
    """Merge the catalogs in ``folder`` (an app's own texts) into the messages ``tr`` knows."""
    if folder not in _folders:
        _folders.append(folder)
        catalog.cache_clear()


def core_catalogs() -> list[Path]:
    """The catalog files of the core (those beside this module)."""
    return sorted(_folders[0].glob("*.json"))


def set_language(lang: str) -> None:
    """Choose the language that ``tr`` uses when none is given."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _state["language"] = lang


def language_from_environment(environ: Mapping[str, str]) -> str:
    """Danish when ``BRIEFING_LANG`` (or else ``LANG``) asks for it, else English."""
    wanted = environ.get("BRIEFING_LANG") or environ.get("LANG", "")
    return "da" if wanted.lower().startswith("da") else "en"


def current_language() -> str:
    return _state["language"]


@cache
def catalog() -> dict[str, dict[str, str]]:
    """Every message, merged from the catalogs; a key defined twice is a programming error."""
    merged: dict[str, dict[str, str]] = {}
    for path in [path for folder in _folders for path in sorted(folder.glob("*.json"))]:
        for key, texts in json.loads(path.read_text(encoding="utf-8")).items():
            if key in merged:
                raise RuntimeError(f"{path}: message {key!r} is defined twice")
            merged[key] = texts
    return merged


def tr(key: str, lang: str | None = None, **params: Any) -> str:
    """The message ``key`` in ``lang`` (default: the current language), its placeholders filled.

    A parameter ``count`` of 1 picks the key's singular variant ``<key>_one`` where the catalog has one.
    """
    lang = lang or current_language()
    if params.get("count") == 1 and f"{key}_one" in catalog():
        key = f"{key}_one"
    texts = catalog().get(key)
    if texts is None:
        if _strict["on"]:
            raise MissingText(key)
        return key
    text = texts.get(lang) or texts.get("en") or key
    if not params:
        return text
    return text.format(**{name: _param(value, lang) for name, value in params.items()})


def _param(value: Any, lang: str) -> Any:
    message = getattr(value, "message", None)
    return message(lang) if callable(message) else value


def format_number(value: float, lang: str | None = None, decimals: int | None = None) -> str:
    """``1234.5`` as ``1,234.5`` in English and ``1.234,5`` in Danish."""
    lang = lang or current_language()
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    if lang == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_money(amount: float, currency: str, lang: str | None = None, compact: bool = False) -> str:
    """An amount the way each language writes money: ``900.000 kr.`` / ``DKK 900,000`` (whole units).

    Danish writes Danish kroner as ``kr.`` after the number and other currencies' codes after it
    (``900.000 EUR``); English puts the code first. ``compact`` writes millions short for a slide:
    ``1,2 mio. kr.`` / ``DKK 1.2m``.
    """
    lang = lang or current_language()
    if compact and abs(amount) >= 1_000_000:
        number = format_number(round(amount / 1_000_000, 1), lang)
        number = f"{number} mio." if lang == "da" else f"{number}m"
    else:
        number = format_number(round(amount), lang, decimals=0)
    unit = money_unit(currency, lang)
    return f"{number} {unit}" if lang == "da" else f"{unit} {number}"


def money_unit(currency: str, lang: str | None = None) -> str:
    """How a language names the currency beside an amount: ``kr.`` for Danish kroner in Danish, else the code."""
    code = (currency or "DKK").upper()
    return "kr." if code == "DKK" and (lang or current_language()) == "da" else code


def format_date(day: dt.date, lang: str | None = None, short: bool = False) -> str:
    """``8 December 2026`` / ``8. december 2026``; short: ``8 Dec 2026`` / ``8. dec. 2026``."""
    lang = lang or current_language()
    month = tr(f"month.{day.month}", lang)
    if short:
        month = tr(f"month.short.{day.month}", lang)
    if lang == "da":
        return f"{day.day}. {month} {day.year}"
    return f"{day.day} {month} {day.year}"


PROPER_TERMS = frozenset({"survey_source.msforms", "survey_source.googleforms", "survey_source.surveymonkey",
                          "question_kind.likert"})
"""Terms that start with a name (``Microsoft Forms``, ``Likert scale``): never lower-cased in a sentence."""


def term(kind: str, value: str, lang: str | None = None, lower: bool = False) -> str:
    """The shared word for a domain value, from ``terms.json``: ``term("stance", "champion")`` is
    ``Champion`` / ``Forkæmper``; ``term("field", "outcome")`` names the field. ``lower``: as written
    inside a sentence (``champion`` / ``forkæmper``), names kept as they are."""
    text = tr(f"term.{kind}.{value}", lang)
    if lower and text[:1].isupper() and text[1:2].islower() and f"{kind}.{value}" not in PROPER_TERMS:
        return text[0].lower() + text[1:]
    return text


class Term:
    """A catalog key to be translated when the message around it is shown."""

    def __init__(self, key: str) -> None:
        self.key = key

    def message(self, lang: str | None = None) -> str:
        return tr(self.key, lang)

    def __str__(self) -> str:
        return self.message()


class SharedTerm(Term):
    """A shared term (``term(kind, value, lower=…)``) translated when the message around it is shown."""

    def __init__(self, kind: str, value: str, lower: bool = False) -> None:
        super().__init__(f"term.{kind}.{value}")
        self.kind, self.value, self.lower = kind, value, lower

    def message(self, lang: str | None = None) -> str:
        return term(self.kind, self.value, lang, self.lower)


@dataclass(frozen=True)
class Message:
    """A catalog key and its parameters, translated when shown (a ``Term`` with parameters).

    A parameter ``count`` of 1 picks the singular variant, as ``tr`` does.
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        """The text in ``lang``."""
        return tr(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


def counted(noun: str, count: int) -> Message:
    """``count`` and its noun, singular for 1 (``counts.json``): ``counted("contacts", 1)`` is ``1 contact``
    / ``1 kontakt``; for a message with more than one count, each passed as one of these."""
    return Message(f"count.{noun}", {"count": count})
