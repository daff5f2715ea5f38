"""The collections and singletons of a workspace, each declared once.

A ``Collection`` names an entity's type, its name in the interchange and the store, the prefix of
the ids the app gives new items, the links from its items to other collections, and the check that
an item is plausible. The store, the edits, the interchange, the integrity checks and the app's
models all read these declarations; nothing fetches a collection by a string. Adding a collection
(say ``benefits``) is a field of ``Workspace`` and one declaration here.

A link may also point into a list inside the items of a collection (``KPIS``: the KPIs of the
initiatives), and a singleton may hold links (the deck's asked phase and headline KPI): integrity
checks them, and removing their target clears them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar, cast

from briefing.errors import ValidationError
from briefing.model.entities import (
    Benefit,
    Campaign,
    Csf,
    DeckSettings,
    Dialogue,
    GuideSettings,
    Initiative,
    Phase,
    Presentation,
    Problem,
    Reference,
    Stakeholder,
    Survey,
    Workspace,
)


class Entity(Protocol):
    """An item of a collection: a dataclass with an ``id``."""

    id: str


E = TypeVar("E", bound=Entity)
E_co = TypeVar("E_co", bound=Entity, covariant=True)
S = TypeVar("S")
T = TypeVar("T")


class Target(Protocol):
    """What a link points to: a collection, or the items of a list inside one (``KPIS``)."""

    @property
    def name(self) -> str: ...

    def ids(self, workspace: Workspace) -> set[str]: ...

    def ids_within(self, collection: Collection[Entity], item: Entity) -> set[str]:
        """The ids that go when ``item`` of ``collection`` is removed."""
        ...


@dataclass(frozen=True)
class Link:
    """A field of an item that holds the id (or, ``many``, the ids) of items of ``target``.

    ``owner``: the item cannot exist without its target, so it is removed with it (a dialogue
    with its stakeholder); any other link is cleared when its target goes.
    """

    field: str
    target: Target
    many: bool = False
    owner: bool = False

    def ids(self, item: object) -> list[tuple[str, str]]:
        """(path below the item, id) for every id this link holds in ``item``; an empty optional id is none."""
        value = getattr(item, self.field)
        if self.many:
            return [(f"{self.field}[{index}]", str(target)) for index, target in enumerate(value)]
        if value is None or (value == "" and not self.owner):
            return []
        return [(self.field, str(value))]

    def unlinked(self, item: T, target_id: str) -> T | None:
        """A copy of ``item`` without ``target_id`` in this link, or None when it holds no such id."""
        value = getattr(item, self.field)
        if self.many and target_id in value:
            return dataclasses.replace(item, **{self.field: [v for v in value if v != target_id]})  # type: ignore[type-var]
        if not self.many and value == target_id:
            return dataclasses.replace(item, **{self.field: None})  # type: ignore[type-var]
        return None


@dataclass(frozen=True, eq=False)
class Part:
    """A part of a workspace that an edit changes: a collection or a singleton, by identity."""

    name: str


@dataclass(frozen=True, eq=False)
class Collection(Part, Generic[E_co]):
    """One collection of a workspace: see the module docstring."""

    type: type[E_co]
    id_prefix: str
    links: tuple[Link, ...] = ()
    plausible: Callable[[E_co], Iterator[tuple[str, str, dict[str, object]]]] | None = None
    """(field, message key, parameters) for each way an item says what cannot be (it ends before it starts)."""

    def items(self, workspace: Workspace) -> list[E_co]:
        """The workspace's list of these items (the list itself: changing it changes the workspace)."""
        return cast(list[E_co], getattr(workspace, self.name))

    def find(self, workspace: Workspace, item_id: str) -> E_co | None:
        """The item whose id is ``item_id``, or None."""
        return next((item for item in self.items(workspace) if item.id == item_id), None)

    def ids(self, workspace: Workspace) -> set[str]:
        """The ids of the items."""
        return {item.id for item in self.items(workspace)}

    def ids_within(self, collection: Collection[Entity], item: Entity) -> set[str]:
        return {item.id} if collection is self else set()

    def position(self, workspace: Workspace, item_id: str) -> int:
        """Where the item ``item_id`` is in the list; KeyError when there is none."""
        for position, item in enumerate(self.items(workspace)):
            if item.id == item_id:
                return position
        raise KeyError(f"{self.name}: no item {item_id!r}")

    def check_plausible(self, item: Entity, path: str) -> None:
        """Raise a ValidationError naming ``path.field`` when ``item`` says what cannot be."""
        refusal = next(iter(self.plausible(cast(E_co, item))), None) if self.plausible is not None else None
        if refusal is not None:
            name, key, params = refusal
            raise ValidationError(f"{path}.{name}", key, field_name=name, **params)

    def __repr__(self) -> str:
        return f"Collection({self.name})"


@dataclass(frozen=True, eq=False)
class Singleton(Part, Generic[S]):
    """One settings object of a workspace (the campaign, the deck settings, the guide's thresholds)."""

    type: type[S]
    links: tuple[Link, ...] = ()
    """The ids it holds of items elsewhere (the deck's asked phase): checked, and cleared when their item goes."""

    def get(self, workspace: Workspace) -> S:
        return cast(S, getattr(workspace, self.name))

    def put(self, workspace: Workspace, value: S) -> None:
        setattr(workspace, self.name, value)

    def __repr__(self) -> str:
        return f"Singleton({self.name})"


def _dated_cost(money: str) -> Callable[[Initiative | Phase], Iterator[tuple[str, str, dict[str, object]]]]:
    """An item with a start, an end and an amount: it cannot end before it starts, nor cost less than nothing."""

    def plausible(item: Initiative | Phase) -> Iterator[tuple[str, str, dict[str, object]]]:
        if item.start is not None and item.end is not None and item.end < item.start:
            yield "end", "error.end_before_start", {"end": item.end, "start": item.start}
        value = getattr(item, money)
        if value is not None and value < 0:
            yield money, "error.at_least", {"value": value, "low": 0}

    return plausible


STAKEHOLDERS: Collection[Stakeholder] = Collection("stakeholders", Stakeholder, "s")
DIALOGUES: Collection[Dialogue] = Collection(
    "dialogues", Dialogue, "d", (Link("stakeholder_id", STAKEHOLDERS, owner=True),)
)
REFERENCES: Collection[Reference] = Collection("references", Reference, "r")
SURVEYS: Collection[Survey] = Collection("surveys", Survey, "sv", (Link("sponsor_id", STAKEHOLDERS),))
PROBLEMS: Collection[Problem] = Collection("problems", Problem, "p")
CSFS: Collection[Csf] = Collection("csfs", Csf, "c", (Link("problem_ids", PROBLEMS, many=True),))
INITIATIVES: Collection[Initiative] = Collection(
    "initiatives",
    Initiative,
    "i",
    (Link("sponsor_id", STAKEHOLDERS), Link("problem_ids", PROBLEMS, many=True), Link("csf_ids", CSFS, many=True)),
    _dated_cost("budget"),
)


@dataclass(frozen=True, eq=False)
class Nested:
    """The items of the list ``field`` inside every item of ``parent`` (the KPIs of the initiatives)."""

    name: str
    parent: Collection[Entity]
    field: str

    def ids(self, workspace: Workspace) -> set[str]:
        return {inner.id for item in self.parent.items(workspace) for inner in getattr(item, self.field)}

    def ids_within(self, collection: Collection[Entity], item: Entity) -> set[str]:
        return {inner.id for inner in getattr(item, self.field)} if collection is self.parent else set()

    def __repr__(self) -> str:
        return f"Nested({self.name})"


KPIS = Nested("kpis", cast(Collection[Entity], INITIATIVES), "kpis")
"""The KPIs of every initiative (a benefit and the deck point to one)."""
BENEFITS: Collection[Benefit] = Collection(
    "benefits", Benefit, "b", (Link("kpi_id", KPIS), Link("initiative_id", INITIATIVES))
)
PHASES: Collection[Phase] = Collection(
    "phases", Phase, "ph", (Link("csf_ids", CSFS, many=True),), _dated_cost("cost")
)
PRESENTATIONS: Collection[Presentation] = Collection(
    "presentations", Presentation, "pr", (Link("attendee_ids", STAKEHOLDERS, many=True),)
)

COLLECTIONS: tuple[Collection[Entity], ...] = (
    STAKEHOLDERS, DIALOGUES, REFERENCES, SURVEYS, INITIATIVES, BENEFITS, PROBLEMS, CSFS, PHASES, PRESENTATIONS
)
"""Every collection, in the order of the interchange (and of the integrity checks)."""

CAMPAIGN: Singleton[Campaign] = Singleton("campaign", Campaign)
DECK: Singleton[DeckSettings] = Singleton(
    "deck", DeckSettings, (Link("headline_kpi", KPIS), Link("ask_phase_id", PHASES))
)
GUIDE: Singleton[GuideSettings] = Singleton("guide", GuideSettings)
SINGLETONS: tuple[Singleton[Campaign] | Singleton[DeckSettings] | Singleton[GuideSettings], ...] = (
    CAMPAIGN, DECK, GUIDE
)


def collection_named(name: str) -> Collection[Entity] | None:
    """The collection stored or exchanged under ``name`` (a table of a store file), or None."""
    return next((collection for collection in COLLECTIONS if collection.name == name), None)


def singleton_named(name: str) -> Singleton[object] | None:
    """The singleton stored under ``name``, or None."""
    return next((cast(Singleton[object], singleton) for singleton in SINGLETONS if singleton.name == name), None)
