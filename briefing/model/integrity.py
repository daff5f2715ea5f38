"""Checks across collections: ids unique, and every id that points somewhere finds its target."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from briefing.errors import ValidationError
from briefing.i18n import Term
from briefing.model.collections import COLLECTIONS, PRESENTATIONS, SINGLETONS, Entity, Target
from briefing.model.entities import Survey, Workspace


def check(workspace: Workspace) -> None:
    """Raise the first ValidationError found in ``workspace`` (a path names the field)."""
    for error in problems(workspace):
        raise error


def problems(workspace: Workspace) -> Iterator[ValidationError]:
    """Every broken id in ``workspace``, in the order of the collections."""
    ids: dict[str, set[str]] = {}
    for collection in COLLECTIONS:
        yield from _duplicates(collection.name, collection.items(workspace))
    for place, name, target, value in _links(workspace):
        if target.name not in ids:
            ids[target.name] = target.ids(workspace)
        if value not in ids[target.name]:
            target_term = Term(f"collection.{target.name}")
            yield ValidationError(_path(*place), "error.dangling_id", name, value=value, target=target_term)
    for s, survey in enumerate(workspace.surveys):
        yield from _survey_problems(f"surveys[{s}]", survey)
    for i, initiative in enumerate(workspace.initiatives):
        yield from _duplicates(f"initiatives[{i}].kpis", initiative.kpis)


def check_plausible(workspace: Workspace) -> None:
    """The first item of ``workspace`` (an import) that says what cannot be — it ends before it starts,
    or costs less than nothing — refused naming its path. Checked when an item is added, changed or
    imported (an older store that holds such an item still opens, so that it can be mended)."""
    for collection in COLLECTIONS:
        for index, item in enumerate(collection.items(workspace)):
            collection.check_plausible(item, f"{collection.name}[{index}]")


def _duplicates(path: str, items: Iterable[Entity]) -> Iterator[ValidationError]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            yield ValidationError(f"{path}[{index}].id", "error.duplicate_id", value=item.id)
        seen.add(item.id)


def _survey_problems(path: str, survey: Survey) -> Iterator[ValidationError]:
    yield from _duplicates(f"{path}.questions", survey.questions)
    known = {question.id for question in survey.questions}
    for r, response in enumerate(survey.responses):
        for key in response.answers:
            if key not in known:
                where = f"{path}.responses[{r}].answers.{key}"
                yield ValidationError(where, "error.dangling_id", value=key, target=Term("collection.questions"))


Place = tuple[str, int | None, str]
"""Where a link is: (collection or singleton, index or None, field path below the item); the path is
written out only for a broken link (a store of 10,000 dialogues has 10,000 links that hold)."""


def _path(name: str, index: int | None, where: str) -> str:
    return f"{name}.{where}" if index is None else f"{name}[{index}].{where}"


def _links(ws: Workspace) -> Iterator[tuple[Place, str, Target, str]]:
    """(place, field, target, id) for every reference in the workspace: the declared links of the
    collections and the singletons, then the objections a later presentation answered."""
    for collection in COLLECTIONS:
        for index, item in enumerate(collection.items(ws)):
            for link in collection.links:
                for where, value in link.ids(item):
                    yield (collection.name, index, where), link.field, link.target, value
    for singleton in SINGLETONS:
        for link in singleton.links:
            for where, value in link.ids(singleton.get(ws)):
                yield (singleton.name, None, where), link.field, link.target, value
    for i, presentation in enumerate(ws.presentations):
        for j, objection in enumerate(presentation.objections):
            if objection.answered_in:
                yield ("presentations", i, f"objections[{j}].answered_in"), "objections", PRESENTATIONS, \
                    objection.answered_in
