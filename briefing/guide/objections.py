"""Objections raised when the briefing was presented, and which of them are still open."""

from __future__ import annotations

import copy

from briefing.edits import UpdateItem
from briefing.errors import InputError
from briefing.model.collections import PRESENTATIONS
from briefing.model.entities import Presentation, Workspace
from briefing.model.queries import OpenObjection, open_objections

__all__ = ["OpenObjection", "answer_edit", "open_objections"]


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
