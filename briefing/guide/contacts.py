"""Logging a contact without the app: who was talked to, found by id or name, and the dialogue added.

``--who`` finds the person by, in turn: their id; their whole name (any case); the start of a word
of their name that only one person's name has ("anne", "anne m", "mørk"). Anyone else is unknown,
and a name more than one person has is ambiguous: both are refused with the option's name and,
when ambiguous, the candidates' ids.
"""

from __future__ import annotations

import datetime as dt
from typing import get_args

from briefing.edits import AddItem
from briefing.errors import InputError
from briefing.i18n import LANGUAGES, term
from briefing.model.collections import DIALOGUES
from briefing.model.entities import Channel, Dialogue, Stakeholder, Workspace
from briefing.store import WorkspaceStore

CHANNELS: tuple[Channel, ...] = get_args(Channel)


def find_person(workspace: Workspace, who: str, option: str = "--who") -> Stakeholder:
    """The stakeholder ``who`` names (id, name, or the start of a word of one name); an InputError naming ``option``."""
    wanted = who.strip().casefold()
    for matches in ([s for s in workspace.stakeholders if s.id == who.strip()],
                    [s for s in workspace.stakeholders if s.name.strip().casefold() == wanted],
                    [s for s in workspace.stakeholders if wanted and f" {wanted}" in f" {s.name.casefold()}"]):
        if len(matches) == 1:
            return matches[0]
        if matches:
            candidates = ", ".join(f"{s.name} ({s.id})" for s in matches)
            raise InputError("contacts.error.ambiguous", field=option, value=who, candidates=candidates)
    raise InputError("contacts.error.unknown", field=option, value=who)


def channel_code(text: str, option: str = "--channel") -> Channel:
    """A channel as typed: its code (``email``) or its name in either language ("Møde"); else an
    InputError naming ``option`` and the channels there are."""
    wanted = text.strip().casefold()
    for code in CHANNELS:
        if wanted in {code} | {term("channel", code, lang).casefold() for lang in LANGUAGES}:
            return code
    raise InputError("contacts.error.bad_channel", field=option, value=text, allowed=", ".join(CHANNELS))


def log_dialogue(store: WorkspaceStore, who: str, date: dt.date, channel: str, summary: str,
                 follow_up: dt.date | None = None, references: int = 0) -> Dialogue:
    """Add a dialogue with the person ``who`` names to ``store``; nothing is added when it is refused."""
    person = find_person(store.workspace, who)
    code = channel_code(channel)
    if references < 0:
        raise InputError("contacts.error.negative", field="--references", value=references)
    if follow_up is not None and follow_up < date:
        raise InputError("contacts.error.follow_up_early", field="--follow-up", value=follow_up.isoformat(),
                         date=date.isoformat())
    dialogue = Dialogue(id=store.new_id(DIALOGUES), stakeholder_id=person.id, date=date, channel=code,
                        summary=summary.strip(), references_shared=references, follow_up=follow_up)
    AddItem(DIALOGUES, dialogue).apply(store)
    return dialogue
