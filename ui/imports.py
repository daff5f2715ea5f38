"""Survey and stakeholder files into the workspace: detect the layout, ask for a mapping when
detection fails, add the result as one undoable edit per file, and show the importer's errors
as they are (a message box with the importer's text). A file that fails changes nothing.

The core (``briefing.evidence``) does the reading; this module only asks and shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from briefing.edits import AddItem, AddItems
from briefing.errors import BriefingError, InputError
from briefing.i18n import Message, counted, tr
from briefing.model.collections import STAKEHOLDERS, SURVEYS, Collection, Entity
from briefing.model.ids import fresh_id
from ui.session import Session
from ui.workers import Runner

T = TypeVar("T")
PROGRESS_AFTER_MS = 400
"""A file read faster than this shows no progress dialog."""

ImportKind = Literal["survey", "stakeholders"]
"""What a file to import is: a survey export or a stakeholder list."""

FILE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".tsv", ".txt")


def local_files(urls: Sequence[Any]) -> list[Path]:
    """The local files among dropped URLs that could be surveys or stakeholder lists."""
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in FILE_SUFFIXES and p.is_file()]


def choose_files(parent: QWidget | None, kind: ImportKind) -> list[Path]:
    """Ask for survey exports (``kind`` "survey") or stakeholder lists ("stakeholders") with a file dialog."""
    title = tr("pages.import.survey_title") if kind == "survey" else tr("pages.import.stakeholders_title")
    names, _ = QFileDialog.getOpenFileNames(parent, title, "", tr("pages.import.filter"))
    return [Path(name) for name in names]


class ImportController(QObject):
    """Imports files for the pages and the main window's menu.

    ``show_error(title, text)`` and ``ask_mapping(path, table, proposed)`` are attributes so that a
    test (or a headless caller) can answer instead of a modal dialog.

    Signals:
        imported(Collection, list[str]): the collection and the ids of the items added.
        failed(str): the message of an import that changed nothing.
        told(str): one line on what an import added (the window shows it in its status bar);
            what the importer noticed on the way (an encoding guessed, rows left out) is shown too.
    """

    imported = Signal(object, object)
    failed = Signal(str)
    told = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.show_error: Callable[[str, str], None] = self._message_box
        self.show_notice: Callable[[str, str], None] = self._notice_box
        self.ask_mapping: Callable[[Path, Any, Any], Any] = self._mapping_dialog
        self.runner = Runner(self)

    # -- importing ---------------------------------------------------------------------------

    def import_files(self, kind: ImportKind | None, paths: Sequence[Path | str]) -> list[str]:
        """Import ``paths`` as surveys (``kind`` "survey") or stakeholder lists ("stakeholders"); None: nothing."""
        if kind == "survey":
            return self.import_survey_files(paths)
        if kind == "stakeholders":
            return self.import_stakeholder_files(paths)
        return []

    def import_survey_files(self, paths: Sequence[Path | str]) -> list[str]:
        """Import each survey file (one undo step each); returns the ids of the surveys added."""
        added: list[str] = []
        for path in map(Path, paths):
            try:
                result = self._read_survey(path)
                if result is None:
                    continue
                survey = result.survey
                self.session.do(AddItem(SURVEYS, survey), Message("pages.undo.import_survey", {"file": path.name}))
            except BriefingError as error:
                self._fail(tr("pages.import.survey_failed"), error)
                continue
            added.append(survey.id)
            self._tell(tr("pages.import.survey_done", title=survey.title, file=path.name,
                          responses=counted("responses", len(survey.responses)),
                          questions=counted("questions", len(survey.questions))), result.notices)
        if added:
            self.imported.emit(SURVEYS, added)
        return added

    def import_stakeholder_files(self, paths: Sequence[Path | str]) -> list[str]:
        """Import each stakeholder list (one undo step per file); returns the ids added."""
        added: list[str] = []
        for path in map(Path, paths):
            try:
                result = self._read_stakeholders(path)
                people = list(result.added)
                taken: set[str] = set()
                for person in people:
                    person.id = self._free_id(STAKEHOLDERS, person.id, taken)
                    taken.add(person.id)
                edit = AddItems(STAKEHOLDERS, people)  # one check and one write, however long the list
                undo = Message("pages.undo.import_stakeholders", {"file": path.name, "count": len(people)})
                self.session.do(edit, undo)
            except BriefingError as error:
                self._fail(tr("pages.import.stakeholders_failed"), error)
                continue
            added += [p.id for p in people]
            self._tell(tr("pages.import.stakeholders_done", count=len(people), file=path.name),
                       [*result.skipped, *result.notices])
        if added:
            self.imported.emit(STAKEHOLDERS, added)
        return added

    # -- the core's importers --------------------------------------------------------------------

    def _read_survey(self, path: Path) -> Any:
        """The import of ``path`` (a SurveyImport); asks for a column mapping when its layout is not
        recognised (None when the user cancels that)."""
        from briefing.evidence import layouts, readers

        try:
            return self._survey_from(path, None)
        except BriefingError as error:
            if not _needs_mapping(error):
                raise
        table = self._off_thread(lambda: readers.read_table(path), path)
        mapping = self.ask_mapping(path, table, layouts.propose_mapping(table))
        if mapping is None:
            return None
        return self._survey_from(path, mapping)

    def _survey_from(self, path: Path, mapping: Any) -> Any:
        """The import of ``path`` (read with ``mapping`` if given); InputError if already imported."""
        from briefing.evidence import surveys

        ws = self.session.workspace
        existing, today = list(ws.surveys), self.session.store.clock.today()
        new_id = self._free_id(SURVEYS, None)
        result = self._off_thread(
            lambda: surveys.import_survey(path, None, mapping, today=today, existing=existing, survey_id=new_id), path
        )
        if result.duplicate_of is not None:
            twin = SURVEYS.find(ws, result.duplicate_of)
            raise InputError("pages.import.duplicate", file=path.name, title=twin.title if twin else "")
        return result

    def _read_stakeholders(self, path: Path) -> Any:
        """The import of ``path`` (a StakeholderImport): names already in the workspace are left out."""
        from briefing.evidence import stakeholders

        existing = list(self.session.workspace.stakeholders)
        return self._off_thread(lambda: stakeholders.import_stakeholders(path, existing), path)

    def _off_thread(self, work: Callable[[], T], path: Path) -> T:
        """``work()`` (reading and parsing a file) on a worker thread; the window keeps painting and
        its timers run, user input waits until the file is read (no edit can slip in between), and
        a progress dialog shows if it takes long. Its exception is raised here."""
        outcome: dict[str, Any] = {}
        job = self.runner.prepare(lambda _progress: work())
        job.finished.connect(lambda result: outcome.__setitem__("result", result))
        job.failed.connect(lambda error: outcome.__setitem__("error", error))
        loop = QEventLoop(self)
        job.done.connect(loop.quit)
        progress = QProgressDialog(tr("pages.import.reading", file=path.name), "", 0, 0, self.parent_widget)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        self.runner.launch(job)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # paints and timers run; clicks wait
        progress.reset()
        progress.deleteLater()
        if "error" in outcome:
            raise outcome["error"]
        result: T = outcome["result"]
        return result

    def _free_id(self, collection: Collection[Entity], wanted: str | None, taken: set[str] | None = None) -> str:
        """``wanted`` if no item of ``collection`` has it yet, else a new id."""
        used = {item.id for item in collection.items(self.session.workspace)} | (taken or set())
        return wanted if wanted and wanted not in used else fresh_id(collection.id_prefix, used)

    # -- telling the user --------------------------------------------------------------------------

    def _tell(self, summary: str, remarks: Sequence[object]) -> None:
        """``summary`` for the status bar; with ``remarks`` (the importer's notices), in a message too."""
        self.told.emit(summary)
        if remarks:
            details = "\n".join(f"• {remark}" for remark in remarks)
            self.show_notice(tr("pages.import.remarks_title"), f"{summary}\n\n{details}")

    def _fail(self, title: str, error: BriefingError) -> None:
        text = error.message()
        self.failed.emit(text)
        self.show_error(title, text)

    def _message_box(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent_widget, title, text)

    def _notice_box(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent_widget, title, text)

    def _mapping_dialog(self, path: Path, table: Any, proposed: Any) -> Any:
        from ui.dialogs.mapping import MappingDialog

        dialog = MappingDialog(table, proposed, path.name, self.parent_widget)
        return dialog.mapping() if dialog.exec() else None


def _needs_mapping(error: BriefingError) -> bool:
    """True when the importer could not tell the file's layout (the user can map the columns)."""
    from briefing.evidence.surveys import LayoutUnknown

    return isinstance(error, LayoutUnknown)
