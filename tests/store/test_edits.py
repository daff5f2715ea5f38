"""Edits as values: each applies, reverts (undo) and re-applies (redo), and every state survives a reopen."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing.clock import FixedClock
from briefing.edits import AddItem, AddItems, Batch, RemoveItem, SetSingleton, UpdateItem, remove_with_dependents
from briefing.errors import ValidationError
from briefing.model.collections import (
    CAMPAIGN,
    CSFS,
    DIALOGUES,
    INITIATIVES,
    PHASES,
    PROBLEMS,
    REFERENCES,
    STAKEHOLDERS,
)
from briefing.model.entities import Campaign, Dialogue, Initiative, Phase, Reference, Stakeholder, Workspace
from briefing.model.interchange import to_json_text
from briefing.store import WorkspaceStore, storage

Factory = Callable[[WorkspaceStore], Any]
Opener = Callable[[], WorkspaceStore]


def stored(opener: Opener) -> str:
    """The workspace as a reopen shows it, as interchange text (order and all)."""
    with opener() as store:
        return to_json_text(store.workspace)


def renamed(store: WorkspaceStore) -> UpdateItem:
    old = store.workspace.stakeholders[2]
    return UpdateItem(STAKEHOLDERS, old, Stakeholder("s3", "Søs Krøyer-Hansen", stance="supporter"))


def re_id(store: WorkspaceStore) -> UpdateItem:
    old = store.workspace.references[0]
    return UpdateItem(REFERENCES, old, Reference("r1-new", "Gartner om videndeling, 2. udgave"))


EDITS: dict[str, Factory] = {
    "add": lambda s: AddItem(DIALOGUES, Dialogue("d-new", "s4", dt.date(2026, 11, 27), summary="Kaffe ☕")),
    "add-items": lambda s: AddItems(STAKEHOLDERS, [Stakeholder("s20", "Ida Holm"), Stakeholder("s21", "=Berg")]),
    "update": renamed,
    "update-id": re_id,
    "remove-middle": lambda s: RemoveItem(DIALOGUES, "d5"),
    "remove-only": lambda s: RemoveItem(REFERENCES, "r1"),
    "set": lambda s: SetSingleton(CAMPAIGN, s.workspace.campaign, Campaign(name="Ny kampagne", language="en")),
    "batch": lambda s: Batch(
        [
            AddItem(STAKEHOLDERS, Stakeholder("s9", "Ny Nielsen")),
            AddItem(DIALOGUES, Dialogue("d-s9", "s9", dt.date(2026, 11, 27))),
            RemoveItem(DIALOGUES, "d1"),
        ]
    ),
    "remove-stakeholder-with-dependents": lambda s: remove_with_dependents(s, STAKEHOLDERS, "s1"),
    "remove-sponsor-with-dependents": lambda s: remove_with_dependents(s, STAKEHOLDERS, "s2"),
    "remove-problem-with-dependents": lambda s: remove_with_dependents(s, PROBLEMS, "p1"),
    "remove-csf-with-dependents": lambda s: remove_with_dependents(s, CSFS, "c1"),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_apply_revert_redo_each_persisted(opener: Opener, name: str) -> None:
    original = stored(opener)
    with opener() as store:
        edit = EDITS[name](store)
        changes = edit.apply(store)
        assert changes and not store.pending
        applied = to_json_text(store.workspace)
        assert applied != original
    assert stored(opener) == applied
    with opener() as store:
        edit.revert(store)
        assert to_json_text(store.workspace) == original
    assert stored(opener) == original
    with opener() as store:
        edit.apply(store)  # redo
        assert to_json_text(store.workspace) == applied
    assert stored(opener) == applied


def test_remove_stakeholder_with_dependents_unlinks_everything(opener: Opener) -> None:
    with opener() as store:
        edit = remove_with_dependents(store, STAKEHOLDERS, "s1")
        edit.apply(store)
    with opener() as store:
        ws = store.workspace
        assert STAKEHOLDERS.find(ws, "s1") is None
        assert all(d.stakeholder_id != "s1" for d in ws.dialogues) and len(ws.dialogues) == 23
        assert ws.initiatives[0].sponsor_id is None
        assert ws.presentations[0].attendee_ids == ["s3"]


def test_remove_problem_with_dependents_unlinks_everything(opener: Opener) -> None:
    with opener() as store:
        remove_with_dependents(store, PROBLEMS, "p1").apply(store)
    with opener() as store:
        assert store.workspace.csfs[0].problem_ids == ["p2"] and store.workspace.initiatives[0].problem_ids == []


def test_undo_redo_stack_in_order(opener: Opener) -> None:
    states = [stored(opener)]
    with opener() as store:
        done = []
        sequence = ("add", "remove-middle", "update", "remove-stakeholder-with-dependents", "set", "batch", "update-id")
        for name in sequence:
            edit = EDITS[name](store)
            edit.apply(store)
            done.append(edit)
            states.append(to_json_text(store.workspace))
        for edit, state in zip(reversed(done), reversed(states[:-1]), strict=True):
            edit.revert(store)
            assert to_json_text(store.workspace) == state
        for edit, state in zip(done, states[1:], strict=True):
            edit.apply(store)
            assert to_json_text(store.workspace) == state
    assert stored(opener) == states[-1]


def test_removing_a_referenced_item_is_refused_and_changes_nothing(opener: Opener) -> None:
    original = stored(opener)
    with opener() as store:
        with pytest.raises(ValidationError, match=r"dialogues\[\d+\]\.stakeholder_id: s1 points to nothing"):
            RemoveItem(STAKEHOLDERS, "s1").apply(store)
        assert to_json_text(store.workspace) == original and not store.pending
    assert stored(opener) == original


def test_invalid_edit_is_refused_with_its_path_and_changes_nothing(opener: Opener) -> None:
    original = stored(opener)
    with opener() as store:
        bad = copy.deepcopy(store.workspace.stakeholders[3])
        bad.influence = 7
        with pytest.raises(ValidationError, match=r"^stakeholders\[3\]\.influence: 7 is not within 1–5$"):
            UpdateItem(STAKEHOLDERS, store.workspace.stakeholders[3], bad).apply(store)
        with pytest.raises(ValidationError, match=r"dialogues\[30\]\.id: the id d1 is used twice"):
            AddItem(DIALOGUES, Dialogue("d1", "s1", dt.date(2026, 1, 1))).apply(store)
        with pytest.raises(ValidationError, match=r"^campaign\.language: 'sv' is not one of"):
            store.set(CAMPAIGN, Campaign(language="sv"))  # type: ignore[arg-type]
        assert to_json_text(store.workspace) == original
    assert stored(opener) == original


def test_what_cannot_be_is_refused_on_every_way_in_but_an_old_store_still_opens(
    clock: FixedClock, tmp_path: Path
) -> None:
    """An end before the start, a negative budget or cost: refused when added, changed or imported,
    naming the field; a store that already holds one (written before this rule) opens to be mended."""
    start, end = dt.date(2026, 3, 1), dt.date(2026, 2, 1)
    backwards = Phase("p9", "Backwards", start=start, end=end)
    with WorkspaceStore.open(tmp_path / "ws", clock) as store:
        backwards_message = r"^phases\[0\]\.end: ends on 2026-02-01, before it starts on 2026-03-01$"
        with pytest.raises(ValidationError, match=backwards_message):
            store.add(PHASES, backwards)
        store.add(INITIATIVES, Initiative("i9", "Pilot", budget=100.0))
        with pytest.raises(ValidationError, match=r"^initiatives\[0\]\.budget: -5.0 is less than 0$"):
            store.update(INITIATIVES, Initiative("i9", "Pilot", budget=-5.0))
        with pytest.raises(ValidationError, match=r"^phases\[0\]\.cost: -1.0 is less than 0$"):
            store.replace(Workspace(phases=[Phase("p1", "One", cost=-1.0)]))
        assert store.workspace.initiatives[0].budget == 100.0 and not store.workspace.phases
    older = tmp_path / "older"
    with WorkspaceStore.open(older, clock) as store:
        store.add(PHASES, Phase("p1", "One"))
    raw = json.loads((older / "store.json").read_text(encoding="utf-8"))
    raw["phases"]["1"].update(start="2026-03-01", end="2026-02-01")
    (older / "store.json").write_text(json.dumps(raw), encoding="utf-8")
    with WorkspaceStore.open(older, clock) as store:
        assert store.workspace.phases[0].end == end
        mended = copy.deepcopy(store.workspace.phases[0])
        mended.end = dt.date(2026, 4, 1)
        store.update(PHASES, mended)

def test_batch_is_one_write(opener: Opener, monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[str] = []
    real = storage.Storage._append
    monkeypatch.setattr(storage.Storage, "_append", lambda st: (writes.append("journal"), real(st))[1])
    with opener() as store:
        EDITS["batch"](store).apply(store)
        remove_with_dependents(store, STAKEHOLDERS, "s1").apply(store)
        assert len(writes) == 2


def test_failing_edit_inside_a_batch_still_saves_the_edits_before_it(opener: Opener) -> None:
    """Memory and disk agree after a refused edit in a batch: nothing shown is unsaved."""
    with opener() as store:
        batch = Batch(
            [
                AddItem(REFERENCES, Reference("r-ok", "Rapport")),
                AddItem(DIALOGUES, Dialogue("d-bad", "ghost", dt.date(2026, 1, 1))),
            ]
        )
        with pytest.raises(ValidationError, match="ghost points to nothing"):
            batch.apply(store)
        assert not store.pending
        shown = to_json_text(store.workspace)
    assert stored(opener) == shown


def test_edits_on_a_memory_store(workspace: Workspace, clock: FixedClock) -> None:
    store = WorkspaceStore.in_memory(copy.deepcopy(workspace), clock)
    original = to_json_text(store.workspace)
    edit = remove_with_dependents(store, STAKEHOLDERS, "s1")
    edit.apply(store)
    edit.revert(store)
    assert to_json_text(store.workspace) == original


def test_a_batch_with_a_refused_edit_changes_nothing() -> None:
    store = WorkspaceStore.in_memory()
    batch = Batch(
        [
            AddItem(STAKEHOLDERS, Stakeholder(id="s1", name="Mette")),
            AddItem(DIALOGUES, Dialogue(id="d1", stakeholder_id="nobody", date=dt.date(2026, 1, 1))),
        ]
    )
    with pytest.raises(ValidationError):
        batch.apply(store)
    assert store.workspace.stakeholders == [] and store.workspace.dialogues == []


def test_an_edit_checked_at_its_own_cost_still_names_the_broken_link_at_its_place(
    opener: Opener, workspace: Workspace
) -> None:
    """Only the edited item's links are checked after an add or a change; a problem is still named exactly."""
    with opener() as store:
        ghost = copy.deepcopy(store.workspace.dialogues[5])
        ghost.stakeholder_id = "ghost"
        with pytest.raises(ValidationError, match=r"^dialogues\[5\]\.stakeholder_id: ghost points to nothing"):
            store.update(DIALOGUES, ghost)
        twin = copy.deepcopy(store.workspace.stakeholders[1])
        twin.name = "Tvilling"
        with pytest.raises(ValidationError, match=r"^stakeholders\[4\]\.id: the id s2 is used twice"):
            store.add(STAKEHOLDERS, twin)
        orphaned = copy.deepcopy(store.workspace.csfs[0])
        orphaned.problem_ids = ["p1", "p-none"]
        with pytest.raises(ValidationError, match=r"^csfs\[0\]\.problem_ids\[1\]: p-none points to nothing"):
            store.update(CSFS, orphaned)
        assert not store.pending
    assert stored(opener) == to_json_text(workspace)
