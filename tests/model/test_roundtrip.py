"""Round trips that must be identical, and validation messages that name the path of the bad field."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli import main as briefing
from briefing.clock import FixedClock
from briefing.errors import InputError, ValidationError
from briefing.model import codec, entities
from briefing.model.collections import STAKEHOLDERS
from briefing.model.entities import Campaign, Dialogue, Measurement, Stakeholder, Workspace
from briefing.model.interchange import from_json_text, to_json_text, workspace_to_dict
from briefing.store import WorkspaceStore, loading
from briefing.store.storage import encode

TEN_MB = 10 * 1024 * 1024


def big_note() -> str:
    unit = "Referat: æøå ÆØÅ 🙂👍 \x07\x1b[0m\ttab\r\nlinje\u2028 "
    return unit * (TEN_MB // len(unit.encode("utf-8")) + 1)  # just over 10 MB of UTF-8


def via_disk(workspace: Workspace, folder: Path) -> Workspace:
    """Through the store on disk: replace, close, reopen."""
    clock = FixedClock.on("2026-11-27")
    with WorkspaceStore.open(folder, clock) as store:
        store.replace(workspace)
    with WorkspaceStore.open(folder, clock) as store:
        return store.workspace


def test_interchange_round_trip_is_identical(full: Workspace) -> None:
    text = to_json_text(full)
    again = from_json_text(text, "export.json")
    assert again == full
    assert to_json_text(again) == text


def test_store_round_trip_is_identical(full: Workspace, tmp_path: Path) -> None:
    again = via_disk(full, tmp_path / "ws")
    assert again == full and to_json_text(again) == to_json_text(full)


def test_cli_export_import_export_is_byte_identical(full: Workspace, tmp_path: Path) -> None:
    full.stakeholders[0].notes = big_note()
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_text(to_json_text(full), encoding="utf-8")
    assert len(first.read_bytes()) > TEN_MB
    assert briefing(["import-json", "--workspace", str(tmp_path / "a"), str(first)]) == 0
    assert briefing(["export-json", "--workspace", str(tmp_path / "a"), "--out", str(second)]) == 0
    assert second.read_bytes() == first.read_bytes()
    assert briefing(["import-json", "--workspace", str(tmp_path / "b"), str(second)]) == 0
    assert briefing(["export-json", "--workspace", str(tmp_path / "b"), "--out", str(first)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_ten_megabyte_note_survives_the_store(tmp_path: Path) -> None:
    note = big_note()
    workspace = Workspace(stakeholders=[Stakeholder("s1", "Åse", notes=note)])
    again = via_disk(workspace, tmp_path / "ws")
    assert again.stakeholders[0].notes == note


# -- hypothesis: generated workspaces --------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=25)
# Often with lone surrogates (broken UTF-16, as a paste or a surrogateescape'd file name may bring).
ANY_TEXT = TEXT | st.lists(st.characters(categories=["Cs"]) | st.characters(), max_size=25).map("".join)
DAYS = st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))
SCORE = st.integers(1, 5)
FLOAT = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**53), 2**53)


@st.composite
def workspaces(draw: st.DrawFn, text: st.SearchStrategy[str] = TEXT) -> Workspace:
    people = draw(st.lists(TEXT.filter(str.strip), min_size=1, max_size=5, unique=True))
    stakeholders = [
        Stakeholder(
            pid,
            draw(TEXT.filter(str.strip)),
            draw(text),
            draw(text),
            draw(SCORE),
            draw(SCORE),
            draw(SCORE),
            draw(SCORE),
            draw(text),
            draw(st.sampled_from(entities.STANCES)),
            draw(st.booleans()),
            draw(st.booleans()),
            draw(st.integers(1, 2**63 - 1)),
            draw(st.lists(text, max_size=3)),
            draw(text),
        )
        for pid in people
    ]
    dialogues = [
        Dialogue(
            f"d{i}",
            draw(st.sampled_from(people)),
            draw(DAYS),
            draw(st.sampled_from(["meeting", "call"])),
            draw(text),
            draw(st.lists(text, max_size=2)),
            draw(st.integers(0, 2**63 - 1)),
            draw(st.none() | DAYS),
        )
        for i in range(draw(st.integers(0, 6)))
    ]
    initiative = entities.Initiative(
        "i1",
        "x",
        draw(st.none() | st.sampled_from(people)),
        draw(st.none() | FLOAT.map(abs)),  # a budget below 0 is refused on import (what cannot be)
        kpis=[
            entities.Kpi(
                "k1",
                "k",
                baseline=draw(st.none() | FLOAT),
                measurements=[Measurement(draw(DAYS), draw(FLOAT)) for _ in range(draw(st.integers(0, 3)))],
            )
        ],
    )
    campaign = Campaign(draw(text), draw(text), draw(text), draw(st.sampled_from(["da", "en"])), draw(text))
    return Workspace(campaign=campaign, stakeholders=stakeholders, dialogues=dialogues, initiatives=[initiative])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workspaces())
def test_generated_workspaces_round_trip(workspace: Workspace) -> None:
    text = to_json_text(workspace)
    again = from_json_text(text, "gen.json")
    assert to_json_text(again) == text
    stored = loading.to_workspace(loading.parse(encode(loading.to_raw(again, {"schema": 1})), "s"), "s")
    assert to_json_text(stored) == text


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT, st.sampled_from(["name", "notes", "role", "tags"]))
def test_any_text_is_stored_or_refused_with_its_path(text: str, field: str) -> None:
    """Text the store cannot write (lone surrogates) is refused up front, naming the field; never later."""
    store = WorkspaceStore.in_memory(Workspace(stakeholders=[Stakeholder("s1", "Åse")]))
    item = copy.deepcopy(store.workspace.stakeholders[0])
    setattr(item, field, [text] if field == "tags" else text + "x")
    try:
        store.update(STAKEHOLDERS, item)
    except ValidationError as error:
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        assert str(error).startswith(f"stakeholders[0].{field}")
        assert store.workspace.stakeholders[0].name == "Åse"
        return
    payload = encode(loading.to_raw(store.workspace, {"schema": 1}))
    assert loading.to_workspace(loading.parse(payload, "s"), "s") == store.workspace


# -- validation names the path -----------------------------------------------------------------

Change = Callable[[dict[str, Any]], None]


def put(path: str, value: Any) -> Change:
    """A change that sets ``value`` at ``path`` (dotted, with [n] indices) of interchange data."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = _steps(path)
        target: Any = data
        for step in parents:
            target = target[step]
        target[last] = value

    return change


def drop(path: str) -> Change:
    def change(data: dict[str, Any]) -> None:
        *parents, last = _steps(path)
        target: Any = data
        for step in parents:
            target = target[step]
        del target[last]

    return change


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in path.replace("]", "").replace("[", ".").split("."):
        steps.append(int(part) if part.isdigit() else part)
    return steps


BAD: dict[str, tuple[Change, str]] = {
    "score-high": (put("stakeholders[2].influence", 7), "stakeholders[2].influence: 7 is not within 1–5"),
    "score-low": (put("stakeholders[0].drive", 0), "stakeholders[0].drive: 0 is not within 1–5"),
    "severity": (put("problems[0].severity", 6), "problems[0].severity: 6 is not within 1–5"),
    "int-as-text": (put("stakeholders[1].interest", "high"), "stakeholders[1].interest: expected a whole number"),
    "int-as-float": (put("stakeholders[1].foresight", 3.0), "stakeholders[1].foresight: expected a whole number"),
    "int-as-bool": (put("stakeholders[1].foresight", True), "stakeholders[1].foresight: expected a whole number"),
    "huge-int": (put("stakeholders[0].cadence_days", 10**30), "stakeholders[0].cadence_days: 1000000000000000000"),
    "bool-as-text": (put("stakeholders[0].budget_holder", "yes"), "stakeholders[0].budget_holder: expected"),
    "choice": (put("stakeholders[0].stance", "enemy"), "stakeholders[0].stance: 'enemy' is not one of blocker"),
    "positive": (put("stakeholders[0].cadence_days", 0), "stakeholders[0].cadence_days: 0"),
    "not-negative": (put("dialogues[0].references_shared", -1), "dialogues[0].references_shared: -1"),
    "list-as-text": (put("stakeholders[0].tags", "a"), "stakeholders[0].tags: expected a list"),
    "item-type": (put("stakeholders[0].tags[1]", 5), "stakeholders[0].tags[1]: expected text"),
    "missing-id": (drop("stakeholders[0].id"), "stakeholders[0].id: is required"),
    "null-id": (put("stakeholders[0].id", None), "stakeholders[0].id: expected text, found null"),
    "blank-name": (put("stakeholders[1].name", "  "), "stakeholders[1].name:"),
    "missing-date": (drop("dialogues[1].date"), "dialogues[1].date: is required"),
    "bad-date": (put("dialogues[0].date", "14/03/2026"), "dialogues[0].date: '14/03/2026' is not a date"),
    "bad-datetime": (put("surveys[0].responses[0].submitted", "yesterday"), "surveys[0].responses[0].submitted:"),
    "answer-kind": (put("surveys[0].responses[0].answers.q2", {"x": 1}), "surveys[0].responses[0].answers.q2:"),
    "deep-number": (
        put("initiatives[0].kpis[0].measurements[1].value", "12"),
        "initiatives[0].kpis[0].measurements[1].value: expected a number",
    ),
    "infinite": (put("initiatives[0].kpis[0].measurements[1].value", "__INF__"), ".measurements[1].value: expected a"),
    "budget-bool": (put("initiatives[0].budget", True), "initiatives[0].budget: expected a number"),
    "objection-status": (
        put("presentations[0].objections[0].status", "closed"),
        "presentations[0].objections[0].status:",
    ),
    "singleton-field": (put("campaign.language", "sv"), "campaign.language: 'sv' is not one of da, en"),
    "singleton-shape": (put("campaign", []), "campaign: expected an object"),
    "collection-shape": (put("stakeholders", {}), "stakeholders: expected a list"),
    "deck": (put("deck.max_slides", 0), "deck.max_slides: 0"),
    "guide": (put("guide.max_leadership_contacts", -1), "guide.max_leadership_contacts: -1"),
    "nested-settings": (
        put("presentations[0].deck_settings.language", "de"),
        "presentations[0].deck_settings.language",
    ),
    "unknown-field": (put("stakeholders[1].mood", "glad"), "stakeholders[1].mood: unknown field"),
    "unknown-top-level": (put("notes", []), "notes: unknown field"),
    "unknown-nested": (put("surveys[0].questions[0].weight", 1), "surveys[0].questions[0].weight: unknown field"),
    "lone-surrogate": (put("stakeholders[0].notes", "ok \ud83d broken"), "stakeholders[0].notes: the text is broken"),
    "newer-format": (put("format", "briefing-composer/3"), "format:"),
    "dangling-dialogue": (
        put("dialogues[1].stakeholder_id", "s9"),
        "dialogues[1].stakeholder_id: s9 points to nothing",
    ),
    "dangling-survey-sponsor": (put("surveys[0].sponsor_id", "s9"), "surveys[0].sponsor_id: s9 points to nothing"),
    "dangling-sponsor": (put("initiatives[0].sponsor_id", "x"), "initiatives[0].sponsor_id: x points to nothing"),
    "dangling-problem": (put("initiatives[0].problem_ids", ["p9"]), "initiatives[0].problem_ids[0]: p9 points to"),
    "dangling-csf": (put("initiatives[0].csf_ids", ["c1", "c9"]), "initiatives[0].csf_ids[1]: c9 points to nothing"),
    "dangling-csf-problem": (put("csfs[0].problem_ids", ["p0"]), "csfs[0].problem_ids[0]: p0 points to nothing"),
    "dangling-phase-csf": (put("phases[0].csf_ids", ["x"]), "phases[0].csf_ids[0]: x points to nothing"),
    "dangling-attendee": (put("presentations[0].attendee_ids[1]", "s7"), "presentations[0].attendee_ids[1]: s7"),
    "dangling-answer": (put("surveys[0].responses[1].answers.q9", 1), "surveys[0].responses[1].answers.q9: q9"),
    "duplicate-stakeholder": (put("stakeholders[2].id", "s1"), "stakeholders[2].id: the id s1 is used twice"),
    "duplicate-dialogue": (put("dialogues[1].id", "d1"), "dialogues[1].id: the id d1 is used twice"),
    "duplicate-kpi": (put("initiatives[0].kpis[1].id", "k1"), "initiatives[0].kpis[1].id: the id k1 is used twice"),
    "duplicate-question": (put("surveys[0].questions[3].id", "q1"), "surveys[0].questions[3].id: the id q1 is used"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_field_is_refused_naming_file_and_path(full: Workspace, case: str) -> None:
    change, expected = BAD[case]
    data = workspace_to_dict(full)
    change(data)
    text = json.dumps(data, indent=2).replace('"__INF__"', "1e999")
    with pytest.raises(InputError) as caught:
        from_json_text(text, "import.json")
    message = str(caught.value)
    assert message.startswith("import.json: "), message
    assert expected in message, message
    danish = caught.value.message("da")
    assert danish.startswith("import.json: ") and danish != message


def test_bad_field_in_an_edit_names_its_position(full: Workspace) -> None:
    store = WorkspaceStore.in_memory(full)
    bad = copy.deepcopy(full.stakeholders[1])
    bad.influence = 9
    with pytest.raises(ValidationError, match=r"^stakeholders\[1\]\.influence: 9 is not within 1–5$"):
        store.update(STAKEHOLDERS, bad)


def test_codec_refuses_a_value_the_store_could_not_write() -> None:
    """Non-finite numbers would be saved as null and make the store unreadable; huge ints would fail every save."""
    for value, fragment in ((float("inf"), "inf"), (float("-inf"), "-inf"), (float("nan"), "nan")):
        with pytest.raises(ValidationError, match=rf"^m\.value: expected a number, found {fragment}$"):
            codec.load(Measurement, {"date": "2026-01-01", "value": value}, "m")
    with pytest.raises(ValidationError, match=r"^s\.cadence_days: .* too large"):
        codec.load(Stakeholder, {"id": "s", "name": "n", "cadence_days": 2**64}, "s")
