"""Fixtures of the store's tests: a small but fully linked workspace, on disk or in memory."""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.clock import FixedClock
from briefing.files import TEMP_MARK
from briefing.model.entities import (
    Campaign,
    Csf,
    Dialogue,
    Initiative,
    Kpi,
    Measurement,
    Phase,
    Presentation,
    Problem,
    Question,
    Reference,
    Response,
    Stakeholder,
    Survey,
    Workspace,
)
from briefing.store import MemoryBackend, WorkspaceStore, store_path


def linked_workspace(dialogues: int = 30) -> Workspace:
    """Every kind of entity, with every kind of link, and Danish text (æøå) throughout."""
    day = dt.date(2026, 3, 1)
    return Workspace(
        campaign=Campaign(name="Videndeling", goal="Find kontrakter på sekunder", language="da"),
        stakeholders=[
            Stakeholder("s1", "Åse Ødegård", role="Direktør", influence=5, decision_maker=True, budget_holder=True),
            Stakeholder("s2", "Bjørn Æbelø", role="Jurist", stance="champion"),
            Stakeholder("s3", "Søs Krøyer", stance="skeptic", tags=["legal"]),
            Stakeholder("s4", "Ümit Ğür 🙂", stance="supporter"),
        ],
        dialogues=[
            Dialogue(f"d{i}", f"s{i % 4 + 1}", day + dt.timedelta(days=i), summary=f"Møde {i}: " + "kontrakter " * 30)
            for i in range(1, dialogues + 1)
        ],
        references=[Reference("r1", "Gartner om videndeling", publisher="Gartner", year=2025, kind="analyst")],
        surveys=[
            Survey(
                "sv1",
                "Hvor lang tid tager det?",
                sponsor_id="s2",
                questions=[Question("q1", "Minutter pr. søgning", kind="number")],
                responses=[Response(answers={"q1": 12}), Response(answers={"q1": 30})],
            )
        ],
        initiatives=[
            Initiative(
                "i1",
                "Kontraktarkiv",
                sponsor_id="s1",
                problem_ids=["p1"],
                csf_ids=["c1"],
                kpis=[
                    Kpi(
                        "k1",
                        "Søgetid",
                        unit="min",
                        direction="down",
                        baseline=30,
                        target=5,
                        measurements=[Measurement(day, 30.0), Measurement(day + dt.timedelta(days=60), 11.5)],
                    )
                ],
            )
        ],
        problems=[Problem("p1", title="Kontrakter findes ikke"), Problem("p2", title="Dubletter", severity=2)],
        csfs=[Csf("c1", "Ét arkiv", problem_ids=["p1", "p2"])],
        phases=[Phase("ph1", "Pilot i Jura", csf_ids=["c1"])],
        presentations=[Presentation("pr1", day, attendee_ids=["s1", "s3"], outcome="postponed")],
    )


@pytest.fixture
def workspace() -> Workspace:
    return linked_workspace()


Opener = Callable[[], WorkspaceStore]


@pytest.fixture(params=["memory", "disk"])
def opener(request: pytest.FixtureRequest, tmp_path: Path, workspace: Workspace, clock: FixedClock) -> Opener:
    """Opens a store holding ``workspace`` on one backend (in memory, or a folder on disk); each call reopens it."""
    if request.param == "memory":
        backend = MemoryBackend()

        def reopen() -> WorkspaceStore:
            return WorkspaceStore.on(backend, clock)

    else:

        def reopen() -> WorkspaceStore:
            return WorkspaceStore.open(tmp_path / "ws", clock)

    with reopen() as store:
        store.replace(copy.deepcopy(workspace))
    return reopen


@pytest.fixture
def folder(tmp_path: Path, workspace: Workspace, clock: FixedClock) -> Path:
    """A workspace folder on disk holding ``workspace``, closed again."""
    path = tmp_path / "ws"
    with WorkspaceStore.open(path, clock) as store:
        store.replace(workspace)
    return path


@pytest.fixture
def snapshot() -> Callable[[Path], tuple[bytes, int]]:
    """The store file's bytes and mtime, to prove it was not written."""

    def take(folder: Path) -> tuple[bytes, int]:
        path = store_path(folder)
        return path.read_bytes(), os.stat(path).st_mtime_ns

    return take


@pytest.fixture
def temp_files() -> Callable[[Path], list[Path]]:
    """The temporary files of unfinished saves anywhere in a workspace folder."""

    def find(folder: Path) -> list[Path]:
        return sorted(folder.rglob(f"*{TEMP_MARK}*"))

    return find
