"""Objections raised when the briefing was presented, and which of them are still open."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model.entities import Objection, Presentation, Workspace


@dataclass(frozen=True)
class OpenObjection:
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
