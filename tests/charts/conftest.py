"""A small campaign for the chart tests, and themes (light and dark)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.charts.theme import ChartTheme
from briefing.model.entities import (
    Dialogue,
    Initiative,
    Kpi,
    Measurement,
    Phase,
    Presentation,
    Question,
    Response,
    Stakeholder,
    Survey,
    Workspace,
)

TODAY = dt.date(2026, 11, 27)
SCALE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
DARK = ChartTheme(background="#1B2433", text="#F2F2F2", accent="#5DA9E9", context="#7C8DA6")


def person(pid: str, name: str, role: str, influence: int, interest: int, drive: int, stance: str, **kw: object):
    return Stakeholder(id=pid, name=name, role=role, influence=influence, interest=interest, drive=drive,
                       stance=stance, **kw)  # type: ignore[arg-type]


def small_workspace() -> Workspace:
    w = Workspace()
    w.stakeholders = [
        person("s1", "Anna Holm", "CFO", 5, 2, 2, "skeptic", decision_maker=True, budget_holder=True),
        person("s2", "Bo Lund", "Head of Legal", 4, 5, 5, "champion", budget_holder=True),
        person("s3", "Carl Berg", "IT lead", 3, 4, 4, "supporter"),
        person("s4", "Dina Krag", "CEO", 5, 3, 3, "neutral", decision_maker=True),
        person("s5", "Eva Moe", "Sales lead", 3, 1, 1, "blocker"),
        person("s6", "Finn Ask", "Analyst", 3, 4, 3, "supporter"),
    ]
    contacts = [("s1", 3, 1), ("s4", 10, 0), ("s1", 30, 3), ("s2", 5, 0), ("s4", 60, 2), ("s1", 0, 1)]
    w.dialogues = [
        Dialogue(id=f"d{i}", stakeholder_id=sid, date=TODAY - dt.timedelta(days=ago), references_shared=refs)
        for i, (sid, ago, refs) in enumerate(contacts)
    ]
    w.initiatives = [
        Initiative(id="i1", title="Contract pilot", kpis=[
            Kpi(id="k1", name="Contract search time", unit="min", direction="down", baseline=45, target=10,
                measurements=[Measurement(dt.date(2026, 9, 1), 8), Measurement(dt.date(2026, 5, 1), 30)]),
            Kpi(id="k2", name="Findability score", unit="%", direction="up", baseline=52, target=75,
                measurements=[Measurement(dt.date(2026, 9, 1), 71)]),
            Kpi(id="k3", name="Hours saved per week", unit="h", direction="up", baseline=1, target=4,
                measurements=[Measurement(dt.date(2026, 9, 1), 3.5)]),
            Kpi(id="k4", name="Not measured yet", unit="h", baseline=2),
        ])
    ]
    w.phases = [
        Phase(id="p2", name="Legal & sales", start=dt.date(2027, 1, 1), end=dt.date(2027, 6, 30), risk="medium",
              cost=900000),
        Phase(id="p1", name="Pilot: contracts", start=dt.date(2026, 9, 1), end=dt.date(2026, 12, 15), risk="low",
              cost=250000),
        Phase(id="p3", name="Company-wide rollout", start=dt.date(2027, 7, 1), end=dt.date(2028, 3, 31),
              risk="high", cost=3200000),
        Phase(id="p4", name="Someday", risk="high"),
    ]
    w.presentations = [
        Presentation(id="x2", date=dt.date(2026, 6, 10), outcome="postponed"),
        Presentation(id="x1", date=dt.date(2026, 3, 1), outcome="rejected"),
        Presentation(id="x3", date=dt.date(2026, 10, 2), outcome="partly_approved"),
    ]
    w.surveys = [likert_survey()]
    return w


def likert_survey() -> Survey:
    """q1: 2 × level 0, 1 × level 3 (one as a number), q2 … q4 all 'Agree'; q5 is free text."""
    questions = [Question(id=f"q{i}", text=f"Statement {i}", kind="likert", scale=SCALE) for i in range(1, 5)]
    questions.append(Question(id="q5", text="Comments", kind="text"))
    answers = [
        {"q1": "Strongly disagree", "q2": "Agree", "q3": "agree ", "q4": "Agree", "q5": "fine"},
        {"q1": "strongly DISAGREE", "q2": "Agree", "q3": "Agree", "q4": "Agree"},
        {"q1": 4, "q2": "Agree", "q3": "Agree", "q4": "Agree"},
        {"q5": "no Likert answer here"},
        {"q1": "not on the scale", "q2": 9},
    ]
    return Survey(id="v1", title="Knowledge pulse", date=dt.date(2026, 4, 7), questions=questions,
                  responses=[Response(answers=a) for a in answers])  # type: ignore[arg-type]


@pytest.fixture
def workspace() -> Workspace:
    return small_workspace()


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> ChartTheme:
    return ChartTheme() if request.param == "light" else DARK
