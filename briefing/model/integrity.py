"""Checks across collections: ids unique, and every id that points somewhere finds its target."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from briefing.errors import ValidationError
from briefing.i18n import Term
from briefing.model.entities import COLLECTIONS, Workspace


def check(workspace: Workspace) -> None:
    """Raise the first ValidationError found in ``workspace`` (a path names the field)."""
    for error in problems(workspace):
        raise error


def problems(workspace: Workspace) -> Iterator[ValidationError]:
    """Every broken id in ``workspace``, in the order of the collections."""
    ids = {name: {item.id for item in workspace.collection(name)} for name in COLLECTIONS}
    for name in COLLECTIONS:
        yield from _duplicates(name, workspace.collection(name))
    for path, target, value in _links(workspace):
        if value is not None and value not in ids[target]:
            yield ValidationError(path, "error.dangling_id", value=value, target=Term(f"collection.{target}"))
    for s, survey in enumerate(workspace.surveys):
        yield from _survey_problems(f"surveys[{s}]", survey)
    for i, initiative in enumerate(workspace.initiatives):
        yield from _duplicates(f"initiatives[{i}].kpis", initiative.kpis)


def plausible(collection: str, item: Any, path: str) -> None:
    """Raise a ValidationError when ``item`` says what cannot be: it ends before it starts, or it
    costs less than nothing. Checked when an item is added, changed or imported (an older store
    that holds such an item still opens, so that it can be mended)."""
    if collection not in ("initiatives", "phases"):
        return
    if item.start is not None and item.end is not None and item.end < item.start:
        raise ValidationError(f"{path}.end", "error.end_before_start", end=item.end, start=item.start)
    money = "budget" if collection == "initiatives" else "cost"
    value = getattr(item, money)
    if value is not None and value < 0:
        raise ValidationError(f"{path}.{money}", "error.at_least", value=value, low=0)


def check_plausible(workspace: Workspace) -> None:
    """``plausible`` for every item of ``workspace`` (an import): the first refusal, naming its path."""
    for name in COLLECTIONS:
        for index, item in enumerate(workspace.collection(name)):
            plausible(name, item, f"{name}[{index}]")


def _duplicates(path: str, items: Iterable[Any]) -> Iterator[ValidationError]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            yield ValidationError(f"{path}[{index}].id", "error.duplicate_id", value=item.id)
        seen.add(item.id)


def _survey_problems(path: str, survey: Any) -> Iterator[ValidationError]:
    yield from _duplicates(f"{path}.questions", survey.questions)
    known = {question.id for question in survey.questions}
    for r, response in enumerate(survey.responses):
        for key in response.answers:
            if key not in known:
                where = f"{path}.responses[{r}].answers.{key}"
                yield ValidationError(where, "error.dangling_id", value=key, target=Term("collection.questions"))


def _links(ws: Workspace) -> Iterator[tuple[str, str, str | None]]:
    """(path, target collection, id) for every reference in the workspace."""
    for i, d in enumerate(ws.dialogues):
        yield f"dialogues[{i}].stakeholder_id", "stakeholders", d.stakeholder_id
    for i, s in enumerate(ws.surveys):
        yield f"surveys[{i}].sponsor_id", "stakeholders", s.sponsor_id or None
    for i, n in enumerate(ws.initiatives):
        yield f"initiatives[{i}].sponsor_id", "stakeholders", n.sponsor_id or None
        yield from _each(f"initiatives[{i}].problem_ids", "problems", n.problem_ids)
        yield from _each(f"initiatives[{i}].csf_ids", "csfs", n.csf_ids)
    for i, c in enumerate(ws.csfs):
        yield from _each(f"csfs[{i}].problem_ids", "problems", c.problem_ids)
    for i, p in enumerate(ws.phases):
        yield from _each(f"phases[{i}].csf_ids", "csfs", p.csf_ids)
    for i, pr in enumerate(ws.presentations):
        yield from _each(f"presentations[{i}].attendee_ids", "stakeholders", pr.attendee_ids)
        for j, objection in enumerate(pr.objections):
            yield f"presentations[{i}].objections[{j}].answered_in", "presentations", objection.answered_in or None


def _each(path: str, target: str, values: list[str]) -> Iterator[tuple[str, str, str]]:
    for index, value in enumerate(values):
        yield f"{path}[{index}]", target, value
