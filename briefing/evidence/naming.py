"""Who may be named in what others see (a deck, its notes and charts, a pre-read), and how the rest are shown.

A person is named only with their consent (``named_in_decks``) and never when the deck is anonymized;
otherwise they are shown by their role. A name typed into free text (an objection, an answer, a
problem, an owner) is replaced by the person's role too: ``Naming.redact`` finds the full name and,
where it can only mean that person, the first or last name alone (``Mettes`` → ``CFO's`` is left to
the genitive ``s`` that follows, which stays).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.model.entities import Stakeholder

MIN_PART = 3
"""A first or last name shorter than this is never matched alone (``Bo``, ``Li`` are words too)."""


def may_name(person: Stakeholder, anonymize: bool = False) -> bool:
    """True when ``person`` may be named in anything meant for others."""
    return person.named_in_decks and not anonymize


@dataclass(frozen=True)
class Found:
    """A name found in a text, and the role that replaced it."""

    name: str
    person_id: str
    role: str


@dataclass(frozen=True)
class Redacted:
    """A text with every name that may not be shown replaced by the person's role, and what was replaced."""

    text: str
    found: tuple[Found, ...]


class Naming:
    """The naming rules for one deck: who may be named, and names in free text replaced by roles."""

    def __init__(self, people: Sequence[Stakeholder], anonymize: bool, fallback: str) -> None:
        """``fallback`` is what a person without a role is called (``a decision maker``)."""
        self.anonymize = anonymize
        self.fallback = fallback
        self._people = {person.id: person for person in people}
        hidden = [person for person in people if not may_name(person, anonymize)]
        self._by_name = _names(people, hidden)
        self._by_first: defaultdict[str, list[str]] = defaultdict(list)
        """Each name by its first word: a text is matched only against the names whose first word it has."""
        for name in self._by_name:
            self._by_first[next(iter(_WORD.findall(name)), "")].append(name)

    def may_name(self, person: Stakeholder) -> bool:
        return may_name(person, self.anonymize)

    def role(self, person: Stakeholder) -> str:
        return " ".join(person.role.split()) or self.fallback

    def shown(self, person: Stakeholder) -> str:
        """The person's name when they may be named, else their role."""
        return " ".join(person.name.split()) if self.may_name(person) else self.role(person)

    def shown_id(self, person_id: str | None) -> str:
        """``shown`` for the stakeholder with ``person_id`` ("" for none or an unknown id)."""
        person = self._people.get(person_id or "")
        return self.shown(person) if person is not None else ""

    def redact(self, text: str) -> Redacted:
        """``text`` with every name that may not be shown replaced by that person's role."""
        candidates = self._candidates(text) if text else ()
        if not candidates:
            return Redacted(text, ())
        found: list[Found] = []

        def replace(match: re.Match[str]) -> str:
            person = self._by_name[match.group(1).casefold()]
            role = self.role(person)
            found.append(Found(match.group(1), person.id, role))
            return role

        return Redacted(_pattern(candidates).sub(replace, text), tuple(found))

    def _candidates(self, text: str) -> tuple[str, ...]:
        """The names whose first word is a word of ``text`` (or one with a genitive ``s``), longest first."""
        words = {word.casefold() for word in _WORD.findall(text)}
        words |= {word[:-1] for word in words if word.endswith("s")} | {""}
        return tuple(sorted({name for word in words for name in self._by_first.get(word, ())},
                            key=lambda name: (-len(name), name)))


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1024)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any of ``names`` as a whole word (a genitive ``s`` may follow), ignoring case; the few
    names a text may hold, so that a deck with hundreds of people compiles no pattern of them all."""
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(name) for name in names) + r")(?=s?(?!\w))", re.IGNORECASE)


def _names(people: Sequence[Stakeholder], hidden: Sequence[Stakeholder]) -> dict[str, Stakeholder]:
    """Each hidden person's full name, and each part of it that no one else's name has, case-folded."""
    parts = Counter(part.casefold() for person in people for part in set(person.name.split()))
    names: dict[str, Stakeholder] = {}
    for person in hidden:
        full = " ".join(person.name.split())
        if not full:
            continue
        names[full.casefold()] = person
        for part in full.split():
            if len(part) >= MIN_PART and parts[part.casefold()] == 1 and part[:1].isupper():
                names.setdefault(part.casefold(), person)
    return names
