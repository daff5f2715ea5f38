"""File → Export calendar: ask where (the last calendar file, so that exporting again updates the
events already imported), write it through the core (``briefing.guide.calendar``) on a worker over
a copy of the workspace (a few hundred events take a second to encode), remember the file.

Signals (of ``CalendarExport``):
    exported(str): what to say in the status bar once the file is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from briefing.clock import Clock
from briefing.errors import BriefingError
from briefing.i18n import Message, tr
from briefing.model.entities import Workspace
from briefing.model.snapshot import snapshot
from ui.session import Session
from ui.settings import AppSettings
from ui.targets import file_name
from ui.workers import Runner


def suggested_file(session: Session, settings: AppSettings) -> Path:
    """The calendar file last written, else one named after the campaign beside the workspace."""
    last = settings.last_export("calendar")  # (the same file again: its events are updated)
    if last is not None:
        return last
    name = file_name(session.workspace.campaign.name or session.store.name or "")
    folder = session.store.folder.parent if session.store.folder is not None else Path.home()
    return folder / f"{name}.ics"


def write(workspace: Workspace, path: Path, clock: Clock) -> tuple[Path, int]:
    """Write the calendar (on the worker); the file and the number of events."""
    from briefing.guide.calendar import write_calendar  # (icalendar loads at the first export)

    return path, write_calendar(workspace, path, clock)


class CalendarExport(QObject):
    """Exports the open workspace's calendar when asked (see the module docstring)."""

    exported = Signal(str)

    def __init__(self, runner: Runner, settings: AppSettings, prompts: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner, self.settings, self.prompts = runner, settings, prompts

    def start(self, session: Session) -> None:
        """Ask for the file, then write the calendar of ``session``'s workspace as it is now."""
        path = self.prompts.choose_calendar_target(suggested_file(session, self.settings))
        if path is None:
            return
        workspace, clock = snapshot(session.workspace), session.store.clock
        job = self.runner.prepare(lambda _progress: write(workspace, path, clock))
        job.finished.connect(self.on_job_finished)
        job.failed.connect(self.on_job_failed)
        self.runner.launch(job)

    def on_job_finished(self, result: tuple[Path, int]) -> None:
        path, count = result
        self.settings.remember_export("calendar", path)
        self.exported.emit(tr("shell.due.calendar_written", count=count, file=str(path)))

    def on_job_failed(self, error: BaseException) -> None:
        reason = error if isinstance(error, BriefingError) else str(error)  # an error translates itself
        self.prompts.failed(BriefingError("shell.due.calendar_failed", reason=reason))
        self.exported.emit(str(Message("shell.due.calendar_failed", {"reason": reason})))
