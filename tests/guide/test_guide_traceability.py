"""The traceability matrix's rules live in the core: which side of a pair holds the link, and the edit that flips it."""

from __future__ import annotations

from briefing.guide.traceability import TARGETS, cell, toggled
from briefing.model.collections import INITIATIVES, PHASES, PROBLEMS
from briefing.model.entities import Csf, Initiative, Phase, Problem, Workspace
from briefing.store import WorkspaceStore


def _store() -> WorkspaceStore:
    return WorkspaceStore.in_memory(Workspace(
        problems=[Problem("p1", title="Søgning")], csfs=[Csf("c1", "Ét arkiv")],
        initiatives=[Initiative("i1", "Kontraktarkiv")], phases=[Phase("ph1", "Pilot")],
    ))


def test_a_csf_is_linked_to_problems_on_its_side_and_to_initiatives_and_phases_on_theirs() -> None:
    store = _store()
    assert TARGETS == (PROBLEMS, INITIATIVES, PHASES)
    for target, item_id in ((PROBLEMS, "p1"), (INITIATIVES, "i1"), (PHASES, "ph1")):
        found = cell(store.workspace, "c1", target, item_id)
        assert found is not None and not found.linked
        toggled(found).apply(store)
        again = cell(store.workspace, "c1", target, item_id)
        assert again is not None and again.linked
    ws = store.workspace
    assert ws.csfs[0].problem_ids == ["p1"] and ws.initiatives[0].csf_ids == ["c1"] and ws.phases[0].csf_ids == ["c1"]
    edit = toggled(cell(ws, "c1", PHASES, "ph1"))  # type: ignore[arg-type]
    edit.apply(store)
    assert ws.phases[0].csf_ids == []
    edit.revert(store)
    assert ws.phases[0].csf_ids == ["c1"]


def test_a_cell_of_an_item_that_is_gone_is_none() -> None:
    assert cell(_store().workspace, "c1", PROBLEMS, "p9") is None
    assert cell(_store().workspace, "c9", PHASES, "ph1") is None
