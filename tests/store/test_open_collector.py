"""Opening a store pauses Python's cyclic garbage collector while it loads, and leaves it as it was."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from briefing.model import Workspace
from briefing.model.entities import Stakeholder
from briefing.store import WorkspaceStore, loading


@pytest.mark.parametrize("running", [True, False])
def test_an_open_loads_without_collections_and_leaves_the_collector_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, running: bool
) -> None:
    with WorkspaceStore.open(tmp_path / "ws") as store:
        store.replace(Workspace(stakeholders=[Stakeholder(id="s1", name="Anne")]))
    seen: list[bool] = []
    to_workspace = loading.to_workspace
    monkeypatch.setattr(loading, "to_workspace", lambda *a: seen.append(gc.isenabled()) or to_workspace(*a))
    (gc.enable if running else gc.disable)()
    try:
        with WorkspaceStore.open(tmp_path / "ws") as store:
            assert store.workspace.stakeholders[0].name == "Anne"
        assert seen == [False] and gc.isenabled() is running
    finally:
        gc.enable()
