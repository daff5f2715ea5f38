"""Fixtures of the model's tests: a workspace with every entity, every link and awkward text."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.model.entities import (
    Benefit,
    Campaign,
    Csf,
    DeckSettings,
    Deliverable,
    Dialogue,
    GuideSettings,
    Initiative,
    Kpi,
    Measurement,
    NextStep,
    Objection,
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

# Text a user may paste: Danish letters, emoji (also joined and flagged), every C0/C1 control
# character, noncharacters, bidi marks, combining accents, a BOM, line and paragraph separators.
AWKWARD = (
    "Æbleø på Åland — “citat” ‘ok’ 😀👩‍👩‍👧‍👦🇩🇰 "
    + "".join(chr(c) for c in range(0x20))
    + "\x7f"
    + "".join(chr(c) for c in range(0x80, 0xA0))
    + "\ufffe\uffff\ufeff\u200b\u200d\u202e\u2028\u2029e\u0301 =SUM(A1) \\ \" ' </script>"
)


def full_workspace(note: str = AWKWARD) -> Workspace:
    day = dt.date(2026, 3, 14)
    return Workspace(
        campaign=Campaign("Vidensdeling " + AWKWARD, "Mål: " + AWKWARD, "Direktionen", "da", "Åse", day, "EUR"),
        stakeholders=[
            Stakeholder(
                "s1",
                "Åse Ødegård",
                "CFO",
                "Økonomi",
                5,
                4,
                3,
                2,
                AWKWARD,
                "champion",
                True,
                True,
                14,
                ["æøå", "🙂", AWKWARD],
                note,
                True,
            ),
            Stakeholder("s2", "Bjørn", stance="blocker", influence=1, interest=5),
            Stakeholder("s3", "Zoë", stance="skeptic"),
        ],
        dialogues=[
            Dialogue("d1", "s1", day, "workshop", AWKWARD, ["søgning", AWKWARD], 2, day + dt.timedelta(days=14)),
            Dialogue("d2", "s2", day, "email"),
        ],
        references=[Reference("r1", AWKWARD, "Gartner", "https://example.com/æøå?q=1&x=🙂", 2025, "analyst")],
        surveys=[
            Survey(
                "sv1",
                "Spørgeskema",
                day,
                "s1",
                "msforms",
                [
                    Question("q1", "Hvor enig?", "likert", ["Uenig", "Neutral", "Enig"]),
                    Question("q2", "Hvor mange?", "number"),
                    Question("q3", "Hvilke?", "multi", ["A", "B"]),
                    Question("q4", "Fritekst", "text"),
                ],
                [
                    Response(
                        dt.datetime(2026, 3, 14, 9, 30), {"q1": "Enig", "q2": 3.5, "q3": ["A", "B"], "q4": AWKWARD}
                    ),
                    Response(dt.datetime(2026, 3, 14, 9, 31, 5, 120000), {"q1": None, "q2": -2}),
                    Response(None, {}),
                ],
                [AWKWARD],
            )
        ],
        initiatives=[
            Initiative(
                "i1",
                "Kontraktarkiv",
                "s1",
                1_250_000.75,
                "running",
                day,
                None,
                ["p1"],
                ["c1"],
                [
                    Kpi(
                        "k1",
                        "Søgetid",
                        "time_saved",
                        "min",
                        "down",
                        30,
                        5,
                        [Measurement(day, 30), Measurement(day + dt.timedelta(days=30), 12.25)],
                    ),
                    Kpi("k2", "Tilfredshed", "mindset", "%", "up", None, None, []),
                ],
            )
        ],
        benefits=[
            Benefit("b1", "Sparet søgetid " + AWKWARD, "saving", 412_500.5, "k1", "i1", "measured", AWKWARD),
            Benefit("b2", "Undgåede bøder", "avoided_cost", 0, None, None, "estimated", ""),
        ],
        problems=[Problem("p1", "Jura", "Kontrakter findes ikke", AWKWARD, "3 timer/uge", 5, "Interview")],
        csfs=[Csf("c1", "Ét arkiv", AWKWARD, ["p1"])],
        phases=[
            Phase("ph1", "Pilot", day, None, [AWKWARD], [Deliverable("Arkiv", "Åse", day), Deliverable(AWKWARD)],
                  0.0, "low", ["c1"], "done", AWKWARD),
            Phase("ph2", "Udrulning", None, None, [], [], None, "medium", [], "planned", ""),
        ],
        presentations=[
            Presentation(
                "pr1",
                day,
                "Direktionen",
                ["s1", "s2"],
                "decks/a.pptx",
                "ab" * 32,
                "postponed",
                [Objection(AWKWARD, "open"), Objection("Pris?", "answered", "Lav")],
                AWKWARD,
                [NextStep("Ny runde", "Åse", day, True), NextStep(AWKWARD)],
                day + dt.timedelta(days=40),
                DeckSettings("Titel", "Ja tak", max_slides=7, sections=["problem"]),
            )
        ],
        deck=DeckSettings("Titel " + AWKWARD, "Godkend piloten", "Direktionen", day, "da", "", 9, ["problem"], True,
                          "k1", "ph2"),
        guide=GuideSettings(4, 0.5, 30, 1, 3),
    )


@pytest.fixture
def full() -> Workspace:
    return full_workspace()
