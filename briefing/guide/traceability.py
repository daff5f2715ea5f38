"""The traceability matrix's rules: which CSF is linked to which problem, initiative and phase.

A CSF names the problems it solves (``Csf.problem_ids``); an initiative or a phase names the CSFs
it delivers (``csf_ids``). The matrix shows each CSF against the items of ``TARGETS``;
``toggled`` is the edit that links or unlinks one pair, following the declared links.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from briefing.edits import UpdateItem
from briefing.model.collections import CSFS, INITIATIVES, PHASES, PROBLEMS, Collection, Entity, Link
from briefing.model.entities import Csf, Workspace

TARGETS: tuple[Collection[Entity], ...] = (PROBLEMS, INITIATIVES, PHASES)
"""The matrix's columns, in this order: problems, then initiatives, then phases."""


@dataclass(frozen=True)
class Cell:
    """A CSF against one item of a target collection, and the link that joins them."""

    csf: Csf
    target: Collection[Entity]
    item: Entity

    @property
    def holder(self) -> tuple[Collection[Entity], Entity, Link, str]:
        """Which side holds the link: (its collection, the item, the link, the other side's id)."""
        if self.target is PROBLEMS:
            return CSFS, self.csf, _link(CSFS, PROBLEMS), self.item.id
        return self.target, self.item, _link(self.target, CSFS), self.csf.id

    @property
    def linked(self) -> bool:
        _, item, link, other = self.holder
        return other in [value for _, value in link.ids(item)]


def cell(workspace: Workspace, csf_id: str, target: Collection[Entity], item_id: str) -> Cell | None:
    """The cell of CSF ``csf_id`` and the item ``item_id`` of ``target``; None when either is gone."""
    csf, item = CSFS.find(workspace, csf_id), target.find(workspace, item_id)
    return Cell(csf, target, item) if csf is not None and item is not None else None


def toggled(cell: Cell) -> UpdateItem[Entity]:
    """The edit that links the pair of ``cell`` when it is not linked, and unlinks it when it is."""
    collection, item, link, other = cell.holder
    ids: list[str] = [value for _, value in link.ids(item)]
    new_ids = [value for value in ids if value != other] if other in ids else [*ids, other]
    return UpdateItem(collection, item, dataclasses.replace(item, **{link.field: new_ids}))  # type: ignore[type-var]


def _link(source: Collection[Entity], target: Collection[Entity]) -> Link:
    return next(link for link in source.links if link.target is target and link.many)
