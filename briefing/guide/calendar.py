"""The calendar: what is due as an iCalendar file (RFC 5545) for Outlook, Google Calendar and the rest.

One all-day event for each of: the next attempt, every dialogue follow-up not yet answered by a
later contact, every open next step with a due date, and each ally's next contact by cadence (on
the day their cadence runs out; an ally already due or overdue: today). The calendar is the user's
own, so it names people.

Exporting again updates the same events, never duplicates them: each event's UID is made of the
campaign, the kind and the item's id in the workspace (``follow_up-d4.<campaign>@briefing-composer``).
When the file written over is an earlier export, an event whose date or text changed gets its
SEQUENCE raised by one and an unchanged one keeps it, so that calendars take the newer version;
DTSTAMP is the time of the export.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

from icalendar import Calendar, Event

from briefing import __version__
from briefing.clock import Clock
from briefing.errors import InputError
from briefing.files import os_reason, write_or_refuse
from briefing.guide.cadence import ally_cadence, last_dialogues
from briefing.guide.due import DueItem, cadence_items, follow_ups, next_attempt, next_steps
from briefing.guide.due_wording import Sources, what
from briefing.i18n import Message
from briefing.model.entities import Workspace

UID_DOMAIN = "briefing-composer"
PRODID = f"-//Briefing Composer//briefing {__version__}//EN"
Fingerprint = tuple[str, str, str]
"""What makes an event changed: its date, summary and description."""


def calendar_items(workspace: Workspace, today: dt.date) -> list[DueItem]:
    """The items the calendar holds, each ally's next contact moved to today when it is already due."""
    latest = last_dialogues(workspace, today)
    allies = cadence_items(ally_cadence(workspace, today, latest), today)
    contacts = [_not_before(item, today) for item in allies]
    return [*next_attempt(workspace, today), *follow_ups(workspace, today, latest),
            *next_steps(workspace, today, dated_only=True), *contacts]


def _not_before(item: DueItem, today: dt.date) -> DueItem:
    return item if item.day is not None and item.day >= today else dataclasses.replace(item, day=today)


def uid(workspace: Workspace, item: DueItem) -> str:
    """The event's UID: the item's id in the workspace, the campaign's, and this app's name."""
    campaign = hashlib.sha256((workspace.campaign.name.strip().casefold() or "campaign").encode()).hexdigest()[:12]
    return f"{item.key}.{campaign}@{UID_DOMAIN}"


def calendar_bytes(workspace: Workspace, today: dt.date, stamp: dt.datetime, previous: bytes | None = None) -> bytes:
    """The calendar as of ``today``, stamped ``stamp`` (UTC); ``previous``: the export it replaces."""
    earlier = _sequences(previous)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if workspace.campaign.name:
        calendar.add("x-wr-calname", workspace.campaign.name)
    sources = Sources(workspace)
    for item in calendar_items(workspace, today):
        calendar.add_component(_event(workspace, sources, item, stamp, earlier))
    return bytes(calendar.to_ical())


def _event(workspace: Workspace, sources: Sources, item: DueItem, stamp: dt.datetime,
           earlier: dict[str, tuple[int, Fingerprint]]) -> Event:
    assert item.day is not None
    summary = _summary(item).message()
    description = "\n".join(text for text in (sources.where(item).message(), workspace.campaign.name) if text)
    identity = uid(workspace, item)
    sequence, fingerprint = earlier.get(identity, (0, None))
    if fingerprint is not None and fingerprint != (item.day.isoformat(), summary, description):
        sequence += 1
    event = Event()
    event.add("uid", identity)
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("dtstart", item.day)
    event.add("dtend", item.day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _summary(item: DueItem) -> Message:
    if item.kind != "next_step":
        return what(item)
    return Message("calendar.summary.next_step_owner" if item.who else "calendar.summary.next_step",
                   {"text": item.what, "owner": item.who})


def _sequences(previous: bytes | None) -> dict[str, tuple[int, Fingerprint]]:
    """Each event of an earlier export: its SEQUENCE and what it said (nothing when it is not a calendar)."""
    if not previous:
        return {}
    try:
        calendar = Calendar.from_ical(previous)
    except ValueError:
        return {}
    found: dict[str, tuple[int, Fingerprint]] = {}
    for event in calendar.walk("VEVENT"):
        start = event.decoded("dtstart", None)
        day = start.isoformat() if isinstance(start, dt.date) else ""
        found[str(event.get("uid", ""))] = (int(event.get("sequence", 0)),
                                            (day, str(event.get("summary", "")), str(event.get("description", ""))))
    return found


def write_calendar(workspace: Workspace, path: Path, clock: Clock, today: dt.date | None = None) -> int:
    """Write the calendar to ``path`` crash-safely (over an earlier export: its events updated); the
    number of events. An InputError names the file when it cannot be written."""
    try:
        previous = path.read_bytes() if path.is_file() else None
    except OSError as error:  # an earlier export that cannot be read cannot be updated either
        raise InputError("error.cannot_write", file=str(path), reason=os_reason(error)) from None
    stamp = clock.now().astimezone(dt.UTC)
    data = calendar_bytes(workspace, today or clock.today(), stamp, previous)
    write_or_refuse(path, data)
    return data.count(b"BEGIN:VEVENT")
