"""Interchange format 2: what it adds, how format 1 still imports, and the store migrated from schema 1."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main as briefing
from briefing.clock import FixedClock
from briefing.edits import remove_with_dependents
from briefing.errors import InputError
from briefing.model.collections import BENEFITS, INITIATIVES, PHASES
from briefing.model.entities import Benefit, Deliverable, NextStep, Workspace
from briefing.model.interchange import from_json_text, to_json_text, workspace_to_dict
from briefing.store import WorkspaceStore, loading, migrations, store_path

DAY = "2026-03-14"

V1 = {
    "format": "briefing-composer/1",
    "campaign": {"name": "Videndeling", "language": "da", "started": DAY},
    "stakeholders": [{"id": "s1", "name": "Åse Ødegård", "stance": "champion"}],
    "initiatives": [{"id": "i1", "title": "Pilot", "kpis": [{"id": "k1", "name": "Søgetid"}]}],
    "phases": [{"id": "ph1", "name": "Pilot", "deliverables": ["Arkiv", "Rapport"]}],
    "presentations": [{"id": "pr1", "date": DAY, "outcome": "postponed", "next_steps": ["Mål søgetiden"]}],
    "deck": {"title": "Videndeling", "max_slides": 8},
}
"""A file of format 1: deliverables and next steps are plain texts, and none of format 2's fields."""


def v1_text() -> str:
    return json.dumps(V1, ensure_ascii=False)


def test_a_format_1_file_imports_with_the_defaults_of_format_2() -> None:
    workspace = from_json_text(v1_text(), "old.json")
    assert workspace.format == "briefing-composer/2"
    assert workspace.campaign.currency == "DKK"
    assert workspace.stakeholders[0].named_in_decks is False  # nobody is named without consent
    assert workspace.benefits == []
    phase = workspace.phases[0]
    assert (phase.status, phase.outcome) == ("planned", "")
    assert phase.deliverables == [Deliverable("Arkiv", "", None), Deliverable("Rapport", "", None)]
    assert workspace.presentations[0].next_steps == [NextStep("Mål søgetiden", "", None, False)]
    assert (workspace.deck.headline_kpi, workspace.deck.ask_phase_id) == (None, None)


def test_export_json_writes_format_2_with_objects(tmp_path: Path) -> None:
    source, out = tmp_path / "old.json", tmp_path / "new.json"
    source.write_text(v1_text(), encoding="utf-8")
    assert briefing(["import-json", "--workspace", str(tmp_path / "ws"), str(source)]) == 0
    assert briefing(["export-json", "--workspace", str(tmp_path / "ws"), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "briefing-composer/2"
    assert data["phases"][0]["deliverables"][0] == {"title": "Arkiv", "owner": "", "due": None}
    assert data["presentations"][0]["next_steps"] == [{"text": "Mål søgetiden", "owner": "", "due": None,
                                                       "done": False}]
    assert data["campaign"]["currency"] == "DKK" and data["benefits"] == []
    assert data["deck"]["headline_kpi"] is None and data["deck"]["ask_phase_id"] is None


def test_every_field_of_format_2_survives_the_round_trip(full: Workspace) -> None:
    data = workspace_to_dict(full)
    assert data["campaign"]["currency"] == "EUR" and data["stakeholders"][0]["named_in_decks"] is True
    assert data["benefits"][0]["confidence"] == "measured" and data["phases"][0]["status"] == "done"
    assert data["deck"]["headline_kpi"] == "k1" and data["deck"]["ask_phase_id"] == "ph2"
    assert from_json_text(to_json_text(full), "export.json") == full


def _with(change: Any) -> str:
    data = json.loads(v1_text())
    data["format"] = "briefing-composer/2"
    change(data)
    return json.dumps(data, ensure_ascii=False)


BAD: dict[str, tuple[Any, str]] = {
    "unknown key in a deliverable": (
        lambda d: d["phases"][0].__setitem__("deliverables", [{"title": "Arkiv", "ower": "Åse"}]),
        "phases[0].deliverables[0].ower"),
    "empty deliverable": (
        lambda d: d["phases"][0].__setitem__("deliverables", [""]), "phases[0].deliverables[0].title"),
    "unknown key in a step": (
        lambda d: d["presentations"][0].__setitem__("next_steps", [{"text": "x", "finished": True}]),
        "presentations[0].next_steps[0].finished"),
    "step done not a bool": (
        lambda d: d["presentations"][0].__setitem__("next_steps", [{"text": "x", "done": "yes"}]),
        "presentations[0].next_steps[0].done"),
    "phase status": (lambda d: d["phases"][0].__setitem__("status", "finished"), "phases[0].status"),
    "currency": (lambda d: d["campaign"].__setitem__("currency", "kroner"), "campaign.currency"),
    "negative benefit": (
        lambda d: d.__setitem__("benefits", [{"id": "b1", "title": "x", "amount_per_year": -5}]),
        "benefits[0].amount_per_year"),
    "benefit kind": (
        lambda d: d.__setitem__("benefits", [{"id": "b1", "title": "x", "kind": "profit"}]), "benefits[0].kind"),
    "benefit's KPI": (
        lambda d: d.__setitem__("benefits", [{"id": "b1", "title": "x", "kpi_id": "k9"}]), "benefits[0].kpi_id"),
    "benefit's initiative": (
        lambda d: d.__setitem__("benefits", [{"id": "b1", "title": "x", "initiative_id": "i9"}]),
        "benefits[0].initiative_id"),
    "headline KPI": (lambda d: d["deck"].__setitem__("headline_kpi", "k9"), "deck.headline_kpi"),
    "asked phase": (lambda d: d["deck"].__setitem__("ask_phase_id", "ph9"), "deck.ask_phase_id"),
    "unknown top-level key": (lambda d: d.__setitem__("benefit", []), "benefit"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_format_2_field_is_refused_naming_its_path(case: str) -> None:
    change, path = BAD[case]
    with pytest.raises(InputError) as caught:
        from_json_text(_with(change), "new.json")
    assert f"new.json: {path}" in str(caught.value), str(caught.value)


def test_a_format_2_file_may_still_write_a_deliverable_as_its_title() -> None:
    workspace = from_json_text(_with(lambda d: None), "new.json")
    assert workspace.phases[0].deliverables[0] == Deliverable("Arkiv")


# -- the store ------------------------------------------------------------------------------------


def _schema_1_store(folder: Path) -> bytes:
    """A store file as the app wrote it before format 2: schema 1, plain deliverables and next steps."""
    raw = {
        "_meta": {"1": {"schema": 1, "app": "0.9.0"}},
        "campaign": {"1": {"name": "Videndeling", "goal": "", "audience": "", "language": "da", "owner": "Åse",
                           "started": None}},
        "deck": {"1": {"title": "Videndeling", "ask": "", "audience": "", "date": None, "language": "da",
                       "template": "", "max_slides": 10, "sections": [], "anonymize": False}},
        "stakeholders": {"1": {"id": "s1", "name": "Åse Ødegård", "stance": "champion", "decision_maker": True}},
        "phases": {"1": {"id": "ph1", "name": "Pilot", "start": "2026-01-05", "end": "2026-03-27",
                         "objectives": ["Bevis"], "deliverables": ["Arkiv", "Rapport"], "cost": 250000,
                         "risk": "low", "csf_ids": []}},
        "presentations": {"1": {"id": "pr1", "date": DAY, "attendee_ids": ["s1"], "outcome": "postponed",
                                "next_steps": ["Mål søgetiden", "Book CFO"]}},
    }
    folder.mkdir(parents=True)
    payload = json.dumps(raw, ensure_ascii=False).encode()
    store_path(folder).write_bytes(payload)
    return payload


def test_a_schema_1_store_is_migrated_after_a_backup(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    old = _schema_1_store(folder)
    with WorkspaceStore.open(folder, FixedClock.on("2026-12-01")) as store:
        ws = store.workspace
        assert ws.phases[0].deliverables == [Deliverable("Arkiv"), Deliverable("Rapport")]
        assert ws.phases[0].status == "planned" and ws.campaign.currency == "DKK"
        assert [step.text for step in ws.presentations[0].next_steps] == ["Mål søgetiden", "Book CFO"]
        assert ws.stakeholders[0].named_in_decks is False
    raw = json.loads(store_path(folder).read_bytes())
    assert raw["_meta"]["1"]["schema"] == migrations.SCHEMA_VERSION == 2
    assert raw["phases"]["1"]["deliverables"][0] == {"title": "Arkiv", "owner": "", "due": None}
    assert raw["presentations"]["1"]["next_steps"][1] == {"text": "Book CFO", "owner": "", "due": None, "done": False}
    from briefing.store import backups

    assert [b.path.read_bytes() for b in backups.listing(folder) if b.reason == "migration"] == [old]


def test_the_migration_leaves_objects_as_they_are() -> None:
    raw = {"phases": {"1": {"deliverables": ["A", {"title": "B", "owner": "Åse", "due": DAY}]}}}
    migrated = migrations.migrate({**raw, "_meta": {"1": {"schema": 1}}})
    assert migrated["phases"]["1"]["deliverables"] == [
        {"title": "A", "owner": "", "due": None}, {"title": "B", "owner": "Åse", "due": DAY}]
    assert raw["phases"]["1"]["deliverables"][0] == "A"  # the original is not touched


# -- links ---------------------------------------------------------------------------------------


def _linked(full: Workspace) -> WorkspaceStore:
    return WorkspaceStore.in_memory(full, FixedClock.on("2026-12-01"))


def test_removing_an_initiative_clears_the_benefits_and_the_deck_that_point_to_it_and_its_kpis(
    full: Workspace,
) -> None:
    store = _linked(full)
    edit = remove_with_dependents(store, INITIATIVES, "i1")
    edit.apply(store)
    assert (store.workspace.benefits[0].kpi_id, store.workspace.benefits[0].initiative_id) == (None, None)
    assert store.workspace.deck.headline_kpi is None
    edit.revert(store)
    assert (store.workspace.benefits[0].kpi_id, store.workspace.deck.headline_kpi) == ("k1", "k1")


def test_removing_the_asked_phase_clears_the_ask_and_undo_puts_it_back(full: Workspace) -> None:
    store = _linked(full)
    edit = remove_with_dependents(store, PHASES, "ph2")
    edit.apply(store)
    assert store.workspace.deck.ask_phase_id is None and PHASES.find(store.workspace, "ph2") is None
    edit.revert(store)
    assert store.workspace.deck.ask_phase_id == "ph2"


def test_a_benefit_is_added_with_the_id_its_declaration_gives(full: Workspace) -> None:
    store = _linked(full)
    benefit = Benefit(store.new_id(BENEFITS), "Færre genforhandlinger", "avoided_cost", 90_000.0,
                      initiative_id="i1", confidence="estimated", basis="3 sager × 30.000 kr.")
    store.add(BENEFITS, benefit)
    assert benefit.id == "b3" and loading.to_raw(store.workspace, {})["benefits"]["3"]["amount_per_year"] == 90_000.0


def test_a_deliverable_due_is_a_date() -> None:
    text = _with(lambda d: d["phases"][0].__setitem__("deliverables", [{"title": "A", "due": "next week"}]))
    with pytest.raises(InputError, match=r"phases\[0\]\.deliverables\[0\]\.due"):
        from_json_text(text, "new.json")
    good = _with(lambda d: d["phases"][0].__setitem__("deliverables", [{"title": "A", "due": "2026-04-01"}]))
    assert from_json_text(good, "new.json").phases[0].deliverables[0].due == dt.date(2026, 4, 1)
