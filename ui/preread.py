"""File → Export pre-read…: asks for a .pdf or .docx file, writes the one-page pre-read on a worker thread
with its progress in the status bar, and says how it went. The folder and the kind of file chosen last are
offered next time (``AppSettings.last_export``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QProgressBar, QWidget

from briefing.errors import BriefingError
from briefing.i18n import tr
from briefing.model.snapshot import snapshot
from ui.session import Session
from ui.settings import AppSettings
from ui.targets import documents, file_name
from ui.workers import Job, Runner

KIND = "preread"
STATUS_MS = 10_000
FILTERS = {".pdf": "shell.preread.pdf", ".docx": "shell.preread.docx"}


def choose_target(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to write the pre-read; a name without a suffix gets the one of the filter chosen."""
    filters = {f"{tr(key)} (*{suffix})": suffix for suffix, key in FILTERS.items()}
    first = next((name for name, suffix in filters.items() if suffix == suggested.suffix.lower()), None)
    name, chosen = QFileDialog.getSaveFileName(parent, tr("shell.preread.title"), str(suggested),
                                               ";;".join(filters), first or "")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() in FILTERS else path.with_suffix(filters.get(chosen, ".pdf"))


class PrereadExport(QObject):
    """Exports the pre-read of the open workspace for ``window``.

    Signals:
        exported(object): the path written.
        failed(object): the error (also shown through the window's prompts).
    """

    exported = Signal(object)
    failed = Signal(object)

    def __init__(self, window: QMainWindow, runner: Runner, settings: AppSettings, prompts: Any) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.settings = settings
        self.prompts = prompts
        self.job: Job | None = None
        self.progress = QProgressBar(window)
        self.progress.setObjectName("preread_progress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        window.statusBar().addPermanentWidget(self.progress)

    def suggested(self, session: Session) -> Path:
        """Beside the last pre-read and of its kind, else in Documents as a PDF, named after the deck."""
        last = self.settings.last_export(KIND)
        folder = last.parent if last is not None and last.parent.is_dir() else documents()
        suffix = last.suffix.lower() if last is not None and last.suffix.lower() in FILTERS else ".pdf"
        from briefing.deck.privacy import protect_text  # (not at start-up)

        workspace = session.workspace  # named as the pre-read names people: a name in the title as a role
        title = protect_text(workspace, workspace.deck.title or workspace.campaign.name) or session.store.name
        return folder / f"{file_name(tr('shell.preread.file', title=title))}{suffix}"

    def export(self, session: Session | None) -> None:
        """Ask where, then write the pre-read on a worker thread."""
        if session is None or self.job is not None:
            return
        target = choose_target(self.window, self.suggested(session))
        if target is not None:
            self.start(session, target)

    def start(self, session: Session, target: Path) -> Job:
        workspace = snapshot(session.workspace)  # (the export changes nothing: a copy of the lists will do)
        today = session.store.clock.today()

        def work(progress: Any) -> Any:
            from briefing.preread import export_preread

            return export_preread(workspace, target, workspace.deck, today=today, progress=progress)

        job = self.runner.prepare(work)
        job.progress.connect(self.progress.setValue)
        job.finished.connect(self.on_job_finished)
        job.failed.connect(self.on_job_failed)
        self.job = job
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.window.statusBar().showMessage(tr("shell.preread.writing"))
        self.runner.launch(job)
        return job

    def on_job_finished(self, result: Any) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.settings.remember_export(KIND, result.path)
        message = tr("shell.preread.written", file=result.path.name)
        if result.dropped:
            message += " " + tr("shell.preread.dropped", count=len(result.dropped))
        self.window.statusBar().showMessage(message, STATUS_MS)
        self.exported.emit(result.path)

    def on_job_failed(self, error: BaseException) -> None:
        self.job = None
        self.progress.setVisible(False)
        reason = error if isinstance(error, BriefingError) else str(error)
        self.window.statusBar().showMessage(tr("shell.preread.failed", reason=reason), STATUS_MS)
        self.prompts.failed(error)
        self.failed.emit(error)
