"""A snapshot of the workspace stays as it was while the store goes on editing."""

from __future__ import annotations

import dataclasses
import time

from big_workspace import big_workspace

from briefing.clock import FixedClock
from briefing.model.collections import DECK, DIALOGUES, STAKEHOLDERS
from briefing.model.snapshot import snapshot
from briefing.store import WorkspaceStore


def test_a_snapshot_keeps_what_the_workspace_held_when_it_was_taken() -> None:
    store = WorkspaceStore.in_memory(big_workspace(40, 200), FixedClock.on("2026-11-27"))
    before = snapshot(store.workspace)
    names = [p.name for p in before.stakeholders]
    first = store.workspace.stakeholders[0]
    store.update(STAKEHOLDERS, dataclasses.replace(first, name="Someone Else"))
    store.remove(DIALOGUES, store.workspace.dialogues[0].id)
    store.set(DECK, dataclasses.replace(store.workspace.deck, title="New title"))
    assert [p.name for p in before.stakeholders] == names
    assert len(before.dialogues) == 200 and len(store.workspace.dialogues) == 199
    assert before.deck.title != "New title"
    assert store.workspace.stakeholders[0].name == "Someone Else"


def test_a_snapshot_of_a_big_campaign_takes_no_time_worth_noticing() -> None:
    workspace = big_workspace()
    start = time.perf_counter()
    copy = snapshot(workspace)
    assert time.perf_counter() - start < 0.02
    assert copy.dialogues == workspace.dialogues and copy.dialogues is not workspace.dialogues
