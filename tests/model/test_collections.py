"""Each collection is declared once, and the store, the edits and the checks follow the declaration."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing

import pytest

from briefing.edits import AddItem, remove_with_dependents
from briefing.errors import ValidationError
from briefing.model import codec, integrity
from briefing.model.collections import (
    BENEFITS,
    COLLECTIONS,
    CSFS,
    INITIATIVES,
    PHASES,
    SINGLETONS,
    STAKEHOLDERS,
    collection_named,
)
from briefing.model.entities import Csf, Dialogue, Initiative, Phase, Problem, Stakeholder, Workspace
from briefing.model.schema import schema, spec
from briefing.store import WorkspaceStore


def test_every_part_of_a_workspace_is_declared_once_with_its_type() -> None:
    hints = typing.get_type_hints(Workspace)
    lists = {name for name, hint in hints.items() if typing.get_origin(hint) is list}
    assert [c.name for c in COLLECTIONS] == [name for name in hints if name in lists]
    assert all(hints[c.name] == list[c.type] for c in COLLECTIONS)
    assert {s.name: s.type for s in SINGLETONS} == {n: h for n, h in hints.items() if n not in lists and n != "format"}
    assert len({c.id_prefix for c in COLLECTIONS}) == len(COLLECTIONS)
    assert collection_named("csfs") is CSFS and collection_named("benefits") is BENEFITS
    assert collection_named("kpis") is None  # the KPIs are inside the initiatives


def test_every_declared_link_is_checked_and_names_its_field() -> None:
    for collection in COLLECTIONS:
        for link in collection.links:
            ws = Workspace(stakeholders=[Stakeholder("s1", "Åse")], problems=[Problem("p1", title="P")],
                           csfs=[Csf("c1", "C")])
            dangling = ["nowhere"] if link.many else "nowhere"
            collection.items(ws).append(dataclasses.replace(_minimal(collection.type), **{link.field: dangling}))
            index = len(collection.items(ws)) - 1
            with pytest.raises(ValidationError) as refused:
                integrity.check(ws)
            assert refused.value.key == "error.dangling_id" and refused.value.field_name == link.field
            assert refused.value.path.startswith(f"{collection.name}[{index}].{link.field}")


def _minimal(cls: type) -> typing.Any:
    required = {f.name: (dt.date(2026, 1, 1) if f.name == "date" else "x") for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    return cls(**required)


def test_removing_follows_the_links_removing_what_it_owns_and_clearing_the_rest() -> None:
    ws = Workspace(
        stakeholders=[Stakeholder("s1", "Åse"), Stakeholder("s2", "Bo")],
        dialogues=[Dialogue("d1", "s1", dt.date(2026, 1, 5)), Dialogue("d2", "s2", dt.date(2026, 1, 6))],
        problems=[Problem("p1", title="P")],
        csfs=[Csf("c1", "C", problem_ids=["p1"])],
        initiatives=[Initiative("i1", "I", sponsor_id="s1", problem_ids=["p1"], csf_ids=["c1"])],
        phases=[Phase("ph1", "Pilot", csf_ids=["c1"])],
    )
    store = WorkspaceStore.in_memory(ws)
    remove_with_dependents(store, STAKEHOLDERS, "s1").apply(store)
    assert [d.id for d in ws.dialogues] == ["d2"] and ws.initiatives[0].sponsor_id is None
    remove_with_dependents(store, CSFS, "c1").apply(store)
    assert ws.initiatives[0].csf_ids == [] and ws.phases[0].csf_ids == [] and ws.initiatives[0].problem_ids == ["p1"]


def test_undoing_a_removal_puts_the_item_back_in_its_place_also_after_a_reopen(tmp_path: typing.Any) -> None:
    folder = tmp_path / "w"
    with WorkspaceStore.open(folder, daily_backup=False) as store:
        for name in ("Åse", "Bo", "Cai"):
            store.add(STAKEHOLDERS, Stakeholder(store.new_id(STAKEHOLDERS), name))
        edit = remove_with_dependents(store, STAKEHOLDERS, "s2")
        edit.apply(store)
        edit.revert(store)
        store.add(STAKEHOLDERS, Stakeholder(store.new_id(STAKEHOLDERS), "Dan"))
    with WorkspaceStore.open(folder, daily_backup=False) as store:
        assert [p.name for p in store.workspace.stakeholders] == ["Åse", "Bo", "Cai", "Dan"]
        assert [p.id for p in store.workspace.stakeholders] == ["s1", "s2", "s3", "s4"]


def test_an_item_that_says_what_cannot_be_is_refused_naming_its_field() -> None:
    store = WorkspaceStore.in_memory()
    late = Phase("ph1", "Pilot", start=dt.date(2026, 5, 1), end=dt.date(2026, 4, 1))
    with pytest.raises(ValidationError) as refused:
        AddItem(PHASES, late).apply(store)
    assert refused.value.path == "phases[0].end" and refused.value.field_name == "end"
    with pytest.raises(ValidationError) as refused:
        AddItem(INITIATIVES, Initiative("i1", "I", budget=-1.0)).apply(store)
    assert refused.value.field_name == "budget" and store.workspace.initiatives == []


def test_the_schema_gives_each_field_its_kind_allowed_values_limits_and_help() -> None:
    stance = spec(Stakeholder, "stance")
    assert (stance.kind, stance.choices, stance.choice_key("champion")) == (
        "choice", ("blocker", "skeptic", "neutral", "supporter", "champion"), "term.stance.champion")
    influence = spec(Stakeholder, "influence")
    assert (influence.kind, influence.low, influence.high, influence.help_key) == ("score", 1, 5, "term.help.influence")
    cadence = spec(Stakeholder, "cadence_days")
    assert (cadence.low, cadence.high, cadence.help_key) == (1, 3650, "term.help.cadence_days")
    assert spec(Stakeholder, "tags").kind == "tags" and spec(Stakeholder, "notes").kind == "multiline"
    assert spec(Initiative, "sponsor_id").kind == "ref" and spec(Initiative, "sponsor_id").optional
    assert spec(Dialogue, "stakeholder_id").required and spec(Initiative, "csf_ids").kind == "refs"
    assert [f.name for f in schema(Csf)] == ["id", "title", "description", "problem_ids"]


def test_the_codec_holds_the_schemas_lowest_values_and_names_the_field_as_data() -> None:
    with pytest.raises(ValidationError) as refused:
        codec.load(Stakeholder, {"id": "s1", "name": "Åse", "cadence_days": 0}, "stakeholders[0]")
    assert str(refused.value) == "stakeholders[0].cadence_days: 0 is less than 1"
    assert refused.value.field_name == "cadence_days"
    with pytest.raises(ValidationError) as refused:
        codec.load(Stakeholder, {"id": "s1", "name": "Åse", "tags": ["a", 3]}, "stakeholders[0]")
    assert refused.value.path == "stakeholders[0].tags[1]" and refused.value.field_name == "tags"
