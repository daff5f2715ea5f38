"""The phase the ask is for: the one the user chose, else the first not yet decided."""

from __future__ import annotations

import datetime as dt

from briefing.model.entities import DeckSettings, Phase, Workspace
from briefing.model.queries import asked_phase


def plan(*statuses: str, chosen: str | None = None) -> Workspace:
    phases = [Phase(id=f"p{i}", name=f"Phase {i}", start=dt.date(2026, 1 + 3 * i, 1), status=s)  # type: ignore[arg-type]
              for i, s in enumerate(statuses)]
    return Workspace(phases=list(reversed(phases)), deck=DeckSettings(ask_phase_id=chosen))


def test_the_first_phase_not_decided_is_asked_in_date_order() -> None:
    phase = asked_phase(plan("done", "approved", "planned", "planned"))
    assert phase is not None and phase.id == "p2"


def test_a_phase_the_user_chose_is_asked_even_when_another_comes_first() -> None:
    phase = asked_phase(plan("done", "planned", "planned", chosen="p2"))
    assert phase is not None and phase.id == "p2"


def test_a_chosen_id_that_names_no_phase_falls_back_to_the_default() -> None:
    phase = asked_phase(plan("stopped", "planned", chosen="gone"))
    assert phase is not None and phase.id == "p1"


def test_nothing_is_asked_when_every_phase_is_decided_or_there_is_no_plan() -> None:
    assert asked_phase(plan("done", "running", "approved", "stopped")) is None
    assert asked_phase(Workspace()) is None
