"""Objections raised when the briefing was presented, and which of them are still open."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from briefing.edits import UpdateItem
from briefing.errors import InputError
from briefing.model.collections import PRESENTATIONS
from briefing.model.entities import Objection, Presentation, Workspace


@dataclass(frozen=True)
class OpenObjection:
    """An objection not yet answered by a presented deck, with where it was raised."""

    presentation: Presentation
    index: int
    objection: Objection

    @property
    def answered_in_deck(self) -> bool:
        """True when an answer is written, so the next deck's "since last time" slide shows it."""
        return bool(self.objection.answer.strip())


def open_objections(workspace: Workspace) -> list[OpenObjection]:
    """Every objection still open, oldest presentation first: what the next deck must answer."""
    return [
        OpenObjection(presentation, index, objection)
        for presentation in sorted(workspace.presentations, key=lambda p: p.date)
        for index, objection in enumerate(presentation.objections)
        if objection.status == "open"
    ]


def answer_edit(workspace: Workspace, number: int, answer: str) -> UpdateItem[Presentation]:
    """The undoable edit that writes ``answer`` to the open objection ``number`` (1-based, in the
    order of ``open_objections``). It stays open until a deck that shows the answer is presented;
    an empty answer takes it back."""
    entries = open_objections(workspace)
    if not 1 <= number <= len(entries):
        raise InputError("guide.error.no_objection", number=number, count=len(entries))
    entry = entries[number - 1]
    changed = copy.deepcopy(entry.presentation)
    changed.objections[entry.index].answer = answer.strip()
    return UpdateItem(PRESENTATIONS, copy.deepcopy(entry.presentation), changed)
