"""Builders of small workspaces for the guide's rules, so each test shows the data it judges."""

from __future__ import annotations

import datetime as dt

from briefing.model.entities import (
    Campaign,
    Csf,
    DeckSettings,
    Dialogue,
    Initiative,
    Kpi,
    Measurement,
    Phase,
    Problem,
    Stakeholder,
    Workspace,
)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def person(sid: str, name: str = "", stance: str = "supporter", cadence: int = 30, leader: bool = False) -> Stakeholder:
    return Stakeholder(id=sid, name=name or sid.upper(), stance=stance, cadence_days=cadence,  # type: ignore[arg-type]
                       decision_maker=leader)


def talk(ws: Workspace, sid: str, date: str, references: int = 0) -> Dialogue:
    dialogue = Dialogue(id=f"d{len(ws.dialogues) + 1}", stakeholder_id=sid, date=day(date),
                        references_shared=references)
    ws.dialogues.append(dialogue)
    return dialogue


def ready_workspace() -> Workspace:
    """A campaign where steps 1–5 are done on 2026-11-27: allies engaged, leadership dosed, a
    measured proof, the top problems traced, a plan starting low-risk."""
    ws = Workspace(campaign=Campaign(name="Test", started=day("2026-01-05")))
    ws.stakeholders = [person("a1", "Anne"), person("a2", "Bo"), person("a3", "Carl", "champion"),
                       person("n1", "Nina", "neutral"), person("l1", "Lars", "skeptic", leader=True)]
    for sid in ("a1", "a2", "a3"):
        talk(ws, sid, "2026-11-20")
    talk(ws, "l1", "2026-11-01", references=1)
    ws.problems = [Problem(id="p1", title="Contracts cannot be found", severity=5),
                   Problem(id="p2", title="Lessons are lost", severity=4)]
    ws.csfs = [Csf(id="c1", title="Findable contracts", problem_ids=["p1"]),
               Csf(id="c2", title="Reused lessons", problem_ids=["p2"])]
    kpi = Kpi(id="k1", name="Search time", unit="min", direction="down", baseline=45, target=10,
              measurements=[Measurement(day("2026-06-01"), 20), Measurement(day("2026-09-01"), 9)])
    ws.initiatives = [Initiative(id="i1", title="Contract pilot", csf_ids=["c1"], kpis=[kpi])]
    ws.phases = [Phase(id="ph1", name="Prove it", start=day("2026-04-01"), risk="low", csf_ids=["c2"]),
                 Phase(id="ph2", name="Roll out", start=day("2027-01-11"), risk="medium")]
    ws.deck = DeckSettings(title="Contracts we can find", ask="Approve phase 2: the repository for all of Legal")
    return ws
