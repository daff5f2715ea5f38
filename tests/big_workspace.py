"""A campaign at the size of a big company, made the same way every time (for the scale tests and
tests/bench_scale.py): the English demo with its people grown to ``stakeholders`` and its dialogue
log to ``dialogues``, spread over the two years before the demo's deck date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from briefing.demo import demo_workspace
from briefing.model.entities import STANCES, Dialogue, Stakeholder, Workspace

FIRST = ("Anne", "Bo", "Camilla", "Dorte", "Erik", "Frida", "Gustav", "Hanne", "Ib", "Jonas", "Karen", "Lars",
         "Maja", "Niels", "Olivia", "Peter", "Rikke", "Søren", "Tove", "Ulla", "Viggo", "Åse")
LAST = ("Andersen", "Bech", "Christensen", "Dahl", "Eriksen", "Frost", "Holm", "Iversen", "Jensen", "Kjær",
        "Lund", "Mortensen", "Nielsen", "Ødegård", "Poulsen", "Rasmussen", "Schmidt", "Thomsen", "Vestergaard")
DEPARTMENTS = ("Legal", "Sales", "Finance", "IT", "Operations", "HR", "Procurement", "Marketing", "R&D")
ROLES = ("Head of department", "Team lead", "Specialist", "Analyst", "Controller", "Project manager")
CHANNELS = ("meeting", "call", "email", "workshop", "chat")
PROBLEMS = ("Signed contracts are spread over shared drives, email and paper binders",
            "Finding one contract often takes most of an hour", "Nobody knows which version is valid")
LAST_DAY = dt.date(2026, 11, 27)


def big_workspace(stakeholders: int = 400, dialogues: int = 10_000, seed: int = 15) -> Workspace:
    """The demo grown to ``stakeholders`` people and ``dialogues`` dialogues (the demo's own kept)."""
    rng = random.Random(seed)
    workspace = demo_workspace("en")
    people = list(workspace.stakeholders)
    people += [_person(rng, n) for n in range(len(people) + 1, stakeholders + 1)]
    log = list(workspace.dialogues)
    log += [_dialogue(rng, n, people) for n in range(len(log) + 1, dialogues + 1)]
    return dataclasses.replace(workspace, stakeholders=people[:stakeholders], dialogues=log[:dialogues])


def _person(rng: random.Random, n: int) -> Stakeholder:
    return Stakeholder(
        id=f"big-s{n}",
        name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        role=rng.choice(ROLES),
        department=rng.choice(DEPARTMENTS),
        influence=rng.randint(1, 5),
        interest=rng.randint(1, 5),
        drive=rng.randint(1, 5),
        foresight=rng.randint(1, 5),
        stance=rng.choice(STANCES),
        budget_holder=rng.random() < 0.05,
        decision_maker=rng.random() < 0.04,
        cadence_days=rng.choice((14, 30, 60, 90)),
        tags=[rng.choice(DEPARTMENTS).lower()],
    )


def _dialogue(rng: random.Random, n: int, people: list[Stakeholder]) -> Dialogue:
    day = LAST_DAY - dt.timedelta(days=rng.randint(0, 730))
    return Dialogue(
        id=f"big-d{n}",
        stakeholder_id=rng.choice(people).id,
        date=day,
        channel=rng.choice(CHANNELS),  # type: ignore[arg-type]
        summary=f"Talk {n} about finding contracts: next step is a pilot with the archive, follow-up agreed.",
        problems_learned=[rng.choice(PROBLEMS)] if rng.random() < 0.2 else [],
        references_shared=rng.randint(0, 2),
        follow_up=day + dt.timedelta(days=14) if rng.random() < 0.3 else None,
    )
