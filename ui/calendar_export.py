"""File → Export calendar: ask where (the last calendar file, so that exporting again updates the
events already imported), write it through the core (``briefing.guide.calendar``), remember it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError
from briefing.guide.calendar import write_calendar
from briefing.i18n import tr
from ui.session import Session
from ui.settings import AppSettings


def suggested_file(session: Session, settings: AppSettings) -> Path:
    """The calendar file last written, else one named after the campaign beside the workspace."""
    last = settings.calendar_file()
    if last is not None:
        return last
    name = re.sub(r"[^\w\- ]+", "", session.workspace.campaign.name).strip() or session.store.name or "briefing"
    folder = session.store.folder.parent if session.store.folder is not None else Path.home()
    return folder / f"{name}.ics"


def export_calendar(session: Session, settings: AppSettings, prompts: Any) -> str:
    """Ask for the file and write the calendar; what to say in the status bar ("" when cancelled or
    failed: ``prompts.failed`` said why)."""
    path = prompts.choose_calendar_target(suggested_file(session, settings))
    if path is None:
        return ""
    try:
        count = write_calendar(session.workspace, path, session.store.clock)
    except BriefingError as error:
        prompts.failed(error)
        return ""
    settings.remember_calendar_file(path)
    return tr("ui_due.calendar_written", count=count, file=str(path))
