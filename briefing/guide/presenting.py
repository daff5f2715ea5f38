"""Recording a presentation: the deck presented is archived with its SHA-256, objections answered.

``record_presentation`` checks every input before anything changes, archives the exact deck
file into the workspace's ``decks`` folder (crash-safe: a temporary file, fsync, ``os.replace``;
named ``<date>-attempt-<n><suffix>``, never over an existing archive, private to the user),
and then — in one atomic write of the store — adds the presentation, marks as answered every
open objection that carried an answer, and moves the plan on (``plan_moves``: an approval makes
the phase asked for ``approved``; the date chosen for the deck is cleared).
The archived copy is real only together with that record:
when the save fails it is deleted, and a copy left by a crash in between is removed when the
workspace next opens (``briefing.store.archive``).

The rule for "answered": an open objection of an earlier (or same-day)
presentation whose answer is written when the deck is presented is the one the deck's
"since last time" slide showed with its answer, so presenting that deck answers it.

The deck settings kept with the presentation are, in this order: those given, those the deck
was exported with (stamped into the .pptx, see ``briefing.deck.stamp``), the workspace's current.

``presentation_edit`` is the same as an undoable ``Batch`` for the app; the archive is made
before the edit is returned; an undo leaves the archived file in place for a redo, and the next
opening of the workspace removes it if no presentation records it.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from briefing.deck.stamp import read_settings
from briefing.edits import AddItem, Batch, Edit, SetSingleton, UpdateItem
from briefing.errors import InputError, ValidationError
from briefing.files import os_reason, remove_leftovers, write_atomic
from briefing.guide.days import parse_day
from briefing.guide.objections import open_objections
from briefing.model import codec
from briefing.model.collections import DECK, PHASES, PRESENTATIONS, STAKEHOLDERS
from briefing.model.entities import (
    OUTCOMES,
    DeckSettings,
    NextStep,
    Objection,
    Outcome,
    Phase,
    Presentation,
    Workspace,
)
from briefing.model.queries import asked_phase
from briefing.store import StoreWriteError, WorkspaceStore

ID_PREFIX = "pr"
CHUNK = 1 << 20


@dataclasses.dataclass
class Recording(Batch):
    """The edit that records a presentation (and marks the objections its deck answered)."""

    presentation_id: str = ""


def record_presentation(
    store: WorkspaceStore, deck_file: Path | str, date: dt.date | str, audience: str, outcome: str, **details: Any
) -> Presentation:
    """Record that the deck ``deck_file`` was presented; see the module docstring. InputError on bad input.

    ``details`` are ``presentation_edit``'s optional arguments (attendees, objections, feedback …).
    """
    edit = presentation_edit(store, deck_file, date, audience, outcome, **details)
    try:
        edit.apply(store)
    except StoreWriteError as error:  # the archived copy becomes real only together with the record
        recorded = PRESENTATIONS.find(store.workspace, edit.presentation_id)
        archived = store.folder / recorded.deck_file if store.folder and recorded else None
        if archived is not None and archived != Path(deck_file):
            archived.unlink(missing_ok=True)
        reason = error.params.get("reason") or error.message()
        raise InputError("guide.error.present_not_saved", file=error.params.get("file", ""), reason=reason) from error
    return cast(Presentation, PRESENTATIONS.find(store.workspace, edit.presentation_id))


def presentation_edit(
    store: WorkspaceStore,
    deck_file: Path | str,
    date: dt.date | str,
    audience: str,
    outcome: str,
    attendee_ids: Iterable[str] = (),
    objections: Iterable[str | Objection] = (),
    feedback: str = "",
    next_steps: Iterable[str | NextStep] = (),
    next_attempt: dt.date | str | None = None,
    settings: DeckSettings | None = None,
) -> Recording:
    """The undoable edit that records a presentation; the deck is archived before it is returned."""
    source = _deck_source(deck_file)
    presentation = Presentation(
        id=store.new_id(PRESENTATIONS),
        date=parse_day(date, "date"),
        audience=audience.strip(),
        attendee_ids=_attendees(store.workspace, attendee_ids),
        outcome=_outcome(outcome),
        objections=_objections(objections),
        feedback=feedback.strip(),
        next_steps=_next_steps(next_steps),
        next_attempt=_next_attempt(next_attempt, date),
        deck_settings=copy.deepcopy(settings or read_settings(source) or store.workspace.deck),
    )
    _validated(store.workspace, presentation)
    presentation.deck_file, presentation.deck_sha256 = archive_deck(store, source, presentation.date)
    answered = answered_by(store.workspace, presentation.date, presentation.id)
    moved = plan_moves(store.workspace, presentation)
    return Recording([AddItem(PRESENTATIONS, presentation), *answered, *moved], presentation.id)


def phase_to_approve(workspace: Workspace, presentation: Presentation) -> Phase | None:
    """The phase ``presentation`` asked for (its deck settings' ``ask_phase_id``, else the workspace's
    asked phase) when its outcome is approved and the phase is not yet approved or further on."""
    if presentation.outcome != "approved":
        return None
    settings = presentation.deck_settings or workspace.deck
    phase = asked_phase(dataclasses.replace(workspace, deck=settings))
    return phase if phase is not None and phase.status == "planned" else None


def plan_moves(workspace: Workspace, presentation: Presentation) -> list[Edit]:
    """How recording ``presentation`` moves the plan on: the phase it approved becomes ``approved`` (and
    the ask no longer names it); the date chosen for the deck is cleared, unless an earlier meeting is
    recorded late, so the next deck is dated for the next attempt (see ``briefing.deck.dating``)."""
    moves: list[Edit] = []
    deck = copy.deepcopy(workspace.deck)
    phase = phase_to_approve(workspace, presentation)
    if phase is not None:
        approved = copy.deepcopy(phase)
        approved.status = "approved"
        moves.append(UpdateItem(PHASES, copy.deepcopy(phase), approved))
        if deck.ask_phase_id == phase.id:
            deck.ask_phase_id = None
    if deck.date is not None and all(p.date <= presentation.date for p in workspace.presentations):
        deck.date = None  # the date chosen was for this meeting (an older one recorded late keeps it)
    if deck != workspace.deck:
        moves.append(SetSingleton(DECK, copy.deepcopy(workspace.deck), deck))
    return moves


def _next_steps(steps: Iterable[str | NextStep]) -> list[NextStep]:
    """The steps agreed, a plain text being a step with no owner or date yet; empty ones left out."""
    made = [NextStep(text=step) if isinstance(step, str) else copy.deepcopy(step) for step in steps]
    return [dataclasses.replace(step, text=step.text.strip()) for step in made if step.text.strip()]


def answered_by(workspace: Workspace, date: dt.date, presentation_id: str = "") -> list[UpdateItem[Presentation]]:
    """Updates that mark answered — by the presentation ``presentation_id`` — the open objections
    with an answer, raised on or before ``date``."""
    touched: dict[str, Presentation] = {}
    for entry in open_objections(workspace):
        if entry.answered_in_deck and entry.presentation.date <= date:
            new = touched.setdefault(entry.presentation.id, copy.deepcopy(entry.presentation))
            new.objections[entry.index].status = "answered"
            new.objections[entry.index].answered_in = presentation_id
    return [UpdateItem(PRESENTATIONS, copy.deepcopy(_found(workspace, pid)), new) for pid, new in touched.items()]


def _found(workspace: Workspace, presentation_id: str) -> Presentation:
    presentation = PRESENTATIONS.find(workspace, presentation_id)
    assert presentation is not None, presentation_id
    return presentation


def attempt_number(workspace: Workspace, date: dt.date) -> int:
    """The number a presentation on ``date`` gets among those already recorded (date order)."""
    return sum(1 for p in workspace.presentations if p.date <= date) + 1


# -- archiving -------------------------------------------------------------------------------


def archive_deck(store: WorkspaceStore, source: Path, date: dt.date) -> tuple[str, str]:
    """Copy ``source`` into the decks folder; (the path to record, its SHA-256).

    The recorded path is relative to the workspace folder. A store in memory has no folder:
    the deck is then only hashed and its own path recorded.
    """
    folder = store.decks_folder
    if folder is None or store.folder is None:
        return str(source), sha256_of(source)
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)  # a copy cut short by a crash; the open store holds the workspace lock
    target = _free_name(folder, f"{date.isoformat()}-attempt-{attempt_number(store.workspace, date)}", source.suffix)
    digest = copy_atomic(source, target)
    return target.relative_to(store.folder).as_posix(), digest


def copy_atomic(source: Path, target: Path) -> str:
    """Copy ``source`` to ``target`` crash-safely, never over an existing file; its SHA-256."""
    hasher = hashlib.sha256()

    def chunks() -> Iterator[bytes]:
        with source.open("rb") as reading:
            while chunk := reading.read(CHUNK):
                hasher.update(chunk)
                yield chunk

    try:
        write_atomic(target, chunks(), overwrite=False)
    except OSError as error:
        raise InputError("guide.error.archive_failed", file=str(target), reason=os_reason(error)) from error
    return hasher.hexdigest()


def sha256_of(path: Path) -> str:
    """The SHA-256 of the file at ``path``, in hex."""
    hasher = hashlib.sha256()
    with path.open("rb") as reading:
        while chunk := reading.read(CHUNK):
            hasher.update(chunk)
    return hasher.hexdigest()


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    target = folder / f"{stem}{suffix}"
    number = 2
    while target.exists():
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    return target


# -- checking the input ----------------------------------------------------------------------


def _deck_source(deck_file: Path | str) -> Path:
    path = Path(deck_file)
    if not path.is_file():
        raise InputError("guide.error.no_deck_file", file=str(path))
    try:
        with path.open("rb"):
            pass
    except OSError as error:
        raise InputError("guide.error.unreadable_deck", file=str(path), reason=os_reason(error)) from None
    return path


def _attendees(workspace: Workspace, attendee_ids: Iterable[str]) -> list[str]:
    chosen: list[str] = []
    for index, sid in enumerate(attendee_ids):
        if STAKEHOLDERS.find(workspace, sid) is None:
            raise InputError("guide.error.unknown_attendee", field=f"attendee_ids[{index}]", value=sid)
        if sid not in chosen:
            chosen.append(sid)
    return chosen


def _outcome(outcome: str) -> Outcome:
    if outcome not in OUTCOMES:
        raise InputError("guide.error.bad_outcome", field="outcome", value=outcome, allowed=", ".join(OUTCOMES))
    return outcome


def _objections(objections: Iterable[str | Objection]) -> list[Objection]:
    made: list[Objection] = []
    for index, objection in enumerate(objections):
        item = copy.deepcopy(objection) if isinstance(objection, Objection) else Objection(text=objection)
        item.text = item.text.strip()
        if not item.text:
            raise InputError("guide.error.empty_objection", field=f"objections[{index}]")
        made.append(item)
    return made


def _next_attempt(next_attempt: dt.date | str | None, date: dt.date | str) -> dt.date | None:
    if next_attempt is None or next_attempt == "":
        return None
    day = parse_day(next_attempt, "next_attempt")
    if day <= parse_day(date, "date"):
        raise InputError("guide.error.next_attempt_early", field="next_attempt", value=day.isoformat())
    return day


def _validated(workspace: Workspace, presentation: Presentation) -> None:
    """The codec's checks on the new item before anything is written (it names the field)."""
    path = f"presentations[{len(workspace.presentations)}]"
    try:
        codec.load(Presentation, codec.dump(presentation), path)
    except ValidationError as error:
        raise InputError("guide.error.invalid_presentation", detail=error) from None
