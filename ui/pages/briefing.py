"""Briefing: the deck's settings (each change undoable), the live lint, the outline of the slides,
the export on a worker thread, and "mark as presented".

The deck is planned and linted on a worker thread (the last request winning), and only while the
page is shown: an edit made elsewhere marks the check as due, and showing the page runs it.

Signals:
    checked(): the lint and the outline show the deck as it is now.
    navigate(str): the page to show next (the history, after a presentation was recorded).
    exported(object): the deck's path, after an export succeeded.
    export_failed(object): the error of an export that wrote nothing.
    presented(object): the id of the presentation recorded.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFocusEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.deck.dating import deck_date
from briefing.deck.model import SECTIONS
from briefing.deck.privacy import shown_title
from briefing.edits import SetSingleton
from briefing.errors import BriefingError
from briefing.guide.days import Day
from briefing.i18n import Message, tr
from briefing.model.collections import DECK, INITIATIVES, PHASES, PRESENTATIONS
from briefing.model.entities import DeckSettings
from briefing.model.snapshot import snapshot
from briefing.store import Change
from ui.dialogs.presented import PresentationInput
from ui.forms.form import message_label, show_message
from ui.forms.plans import kpi_options
from ui.pages.base import Page
from ui.pages.business_case import BusinessCaseBox
from ui.pages.deck_date import DeckDateField
from ui.pages.notes_choice import NotesChoice, RememberedChoice
from ui.preview import SlidePreview
from ui.session import Session
from ui.settings import AppSettings
from ui.style import make_heading
from ui.targets import documents, file_name
from ui.workers import Job, Latest, Runner

SECTION_NAMES = SECTIONS
"""The deck's optional sections in storyline order, one check box each."""


class TextField(QPlainTextEdit):
    """A few lines of text that commit when the focus leaves them, like a line edit.

    Signals:
        editingFinished(): the focus left the field.
    """

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


def sections_of(settings: DeckSettings) -> set[str]:
    """The sections the deck shows (an empty list means the whole default storyline)."""
    return set(settings.sections or SECTION_NAMES)


class BriefingPage(Page):
    """Compose, check, export and present the deck."""

    checked = Signal()
    navigate = Signal(str)
    exported = Signal(object)
    export_failed = Signal(object)
    presented = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None, prompts: Any = None,
                 runner: Runner | None = None, settings: AppSettings | None = None) -> None:
        super().__init__(session, parent)
        self.app_settings = settings
        self.prompts = prompts
        self.runner = runner or Runner(self)
        self.job: Job | None = None
        self.last_export: Path | None = None
        self.open_url = QDesktopServices.openUrl
        self.findings: list[Any] = []
        self.plan: Any = None
        self.checking_due = self.when_shown(self._check_now)
        """The deck is planned and linted only while the page is shown (when next shown, if hidden)."""
        self._awaiting = False
        self.checker = Latest(self)
        self.checker.result.connect(self.on_checker_result)
        self.checker.failed.connect(self.on_checker_failed)
        self._build()
        self._connect_signals()
        self.refresh()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self)
        make_heading(self.heading)
        self.settings_box = QGroupBox(self)
        self.business_case = BusinessCaseBox(self.session, self)
        self.title = QLineEdit(self)
        self.ask = TextField(self)
        self.audience = QLineEdit(self)
        self.date_field = DeckDateField(self)
        self.date = self.date_field.edit
        self.language = QComboBox(self)
        self.language.addItem("", "da")
        self.language.addItem("", "en")
        self.template = QLineEdit(self)
        self.template.setReadOnly(True)
        self.template_browse = QPushButton(self)
        self.template_clear = QPushButton(self)
        self.max_slides = QSpinBox(self)
        self.max_slides.setRange(1, 40)
        self.sections = {name: QCheckBox(self) for name in SECTION_NAMES}
        self.anonymize = QCheckBox(self)
        self.headline_kpi, self.ask_phase = QComboBox(self), QComboBox(self)
        self.headline_kpi.setObjectName("headline_kpi")
        self.ask_phase.setObjectName("ask_phase_id")
        self.error = message_label(self)
        self.error.setObjectName("error")
        self.lint_model = QStandardItemModel(self)
        self.lint = self._tree(self.lint_model, "lint")
        self.outline_model = QStandardItemModel(self)
        self.outline = self._tree(self.outline_model, "outline")
        self.lint_box, self.outline_box, self.export_box = QGroupBox(self), QGroupBox(self), QGroupBox(self)
        self.preview_box = QGroupBox(self)
        self.preview = SlidePreview(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export")
        self.no_notes = NotesChoice(self, self.app_settings)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)  # shown while a deck is being exported
        self.status_message: Message = Message("shell.briefing.not_exported")
        self.export_status = QLabel(self)
        self.export_status.setWordWrap(True)
        self.open_file_button, self.open_folder_button, self.present_button = (QPushButton(self) for _ in range(3))
        self.present_button.setObjectName("present")
        self.show_attempt = RememberedChoice(  # not a deck setting: the user's (a board need not count)
            "show_attempt", self.app_settings, AppSettings.show_attempt, AppSettings.set_show_attempt, self)
        self._lay_out()

    def _tree(self, model: QStandardItemModel, name: str) -> QTreeView:
        view = QTreeView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setHeaderHidden(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        return view

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        box_layout = QVBoxLayout(self.settings_box)
        box_layout.addLayout(self.form)
        box_layout.addStretch(1)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.template_browse)
        template_row.addWidget(self.template_clear)
        section_grid = QVBoxLayout()  # one column: no section's name is cut in a narrow window
        for box in self.sections.values():
            section_grid.addWidget(box)
        self.section_widget = QWidget(self)
        self.section_widget.setLayout(section_grid)
        section_grid.setContentsMargins(0, 0, 0, 0)
        self.template_widget = QWidget(self)
        self.template_widget.setLayout(template_row)
        template_row.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[str, QWidget]] = [
            ("shell.briefing.title", self.title), ("shell.briefing.ask", self.ask),
            ("shell.briefing.audience", self.audience), ("shell.briefing.date", self.date_field),
            ("shell.briefing.language", self.language), ("shell.briefing.template", self.template_widget),
            ("shell.briefing.max_slides", self.max_slides), ("shell.briefing.sections", self.section_widget),
            ("shell.briefing.anonymize", self.anonymize),
            ("term.field.headline_kpi", self.headline_kpi), ("term.field.ask_phase_id", self.ask_phase),
        ]
        self.labels = [QLabel(self) for _ in self.rows]
        for label, (_key, widget) in zip(self.labels, self.rows, strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.form.addRow(self.error)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.settings_box)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(scroll, 1)
        left_column.addWidget(self.business_case)
        left_column.addWidget(self.export_box)
        QVBoxLayout(self.lint_box).addWidget(self.lint)
        QVBoxLayout(self.outline_box).addWidget(self.outline)
        QVBoxLayout(self.preview_box).addWidget(self.preview)
        self._lay_out_export()
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.lint_box)
        right.addWidget(self.preview_box)
        right.addWidget(self.outline_box)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 4)
        right.setStretchFactor(2, 2)
        right.setSizes([120, 420, 200])
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(left)
        body.addWidget(right)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(body, 1)

    def _lay_out_export(self) -> None:
        column = QVBoxLayout(self.export_box)
        column.addWidget(self.show_attempt)
        first = QHBoxLayout()
        first.addWidget(self.export_button)
        first.addWidget(self.progress, 1)
        column.addLayout(first)
        column.addWidget(self.no_notes)
        column.addWidget(self.export_status)
        second = QHBoxLayout()
        for button in (self.open_file_button, self.open_folder_button):
            second.addWidget(button)
            button.setEnabled(False)
        second.addStretch(1)
        second.addWidget(self.present_button)
        self.present_button.setEnabled(False)
        column.addLayout(second)

    def _connect_signals(self) -> None:
        for line in (self.title, self.ask, self.audience):
            line.editingFinished.connect(self.on_field_edited)
        self.date_field.edited.connect(self.on_field_edited)
        self.show_attempt.toggled.connect(self.on_show_attempt_toggled)
        self.language.activated.connect(self.on_field_edited)
        self.max_slides.editingFinished.connect(self.on_field_edited)
        self.anonymize.clicked.connect(self.on_field_edited)
        self.headline_kpi.activated.connect(self.on_field_edited)
        self.ask_phase.activated.connect(self.on_field_edited)
        for box in self.sections.values():
            box.clicked.connect(self.on_field_edited)
        self.template_browse.clicked.connect(self.on_template_browse_clicked)
        self.template_clear.clicked.connect(self.on_template_clear_clicked)
        self.export_button.clicked.connect(self.export)
        self.open_file_button.clicked.connect(self.on_open_file_clicked)
        self.open_folder_button.clicked.connect(self.on_open_folder_clicked)
        self.present_button.clicked.connect(self.mark_presented)

    # -- showing -----------------------------------------------------------------------------

    def on_changes(self, changes: list[Change]) -> None:
        if any(change.touches(DECK, INITIATIVES, PHASES, PRESENTATIONS) for change in changes):
            self.show_settings()
        self.check()

    def refresh(self) -> None:
        self.show_settings()
        self.retranslate()
        self.check()

    @property
    def check_due(self) -> bool:
        """The deck changed since it was last planned (while the page was hidden)."""
        return self.checking_due.due

    def show_settings(self) -> None:
        """Put the workspace's deck settings into the form."""
        deck = self.session.workspace.deck
        for line, text in ((self.title, deck.title), (self.ask, deck.ask), (self.audience, deck.audience)):
            if line.text() != text:
                line.setText(text)
        today = self.session.store.clock.today()
        self.date_field.show_date(deck.date, deck_date(self.session.workspace, None, today))
        self.language.setCurrentIndex(max(self.language.findData(deck.language), 0))
        self.template.setText(deck.template)
        self.max_slides.setValue(deck.max_slides)
        chosen = sections_of(deck)
        for name, box in self.sections.items():
            box.setChecked(name in chosen)
        self.anonymize.setChecked(deck.anonymize)
        self._show_choices()

    def _show_choices(self) -> None:
        """The KPIs and phases the deck may lead with and ask for, the chosen ones selected."""
        workspace = self.session.workspace
        deck = workspace.deck
        kpis = kpi_options(workspace)
        _fill_choice(self.headline_kpi, kpis, deck.headline_kpi, tr("shell.briefing.headline_kpi_default"))
        phases = [(p.id, p.name) for p in workspace.phases]
        _fill_choice(self.ask_phase, phases, deck.ask_phase_id, tr("shell.briefing.ask_phase_default"))

    def retranslate(self) -> None:
        self.heading.setText(tr("shell.briefing.heading"))
        self._show_choices()
        self.settings_box.setTitle(tr("shell.briefing.settings"))
        self.business_case.retranslate()
        for label, (key, widget) in zip(self.labels, self.rows, strict=True):
            label.setText(tr(key))
            widget.setAccessibleName(tr(key))
        self.date_field.retranslate()
        self.show_attempt.setText(tr("shell.loop.show_attempt"))
        self.language.setItemText(0, tr("shell.language.da"))
        self.language.setItemText(1, tr("shell.language.en"))
        self.template.setPlaceholderText(tr("shell.briefing.template_builtin"))
        self.template.setAccessibleName(tr("shell.briefing.template"))
        self.template_browse.setText(tr("shell.briefing.browse"))
        self.template_clear.setText(tr("shell.briefing.builtin"))
        for name, box in self.sections.items():
            box.setText(tr(f"shell.section.{name}"))
        self.anonymize.setText(tr("shell.briefing.anonymize_text"))
        self.lint_box.setTitle(tr("shell.briefing.lint"))
        self.outline_box.setTitle(tr("shell.briefing.outline"))
        self.preview_box.setTitle(tr("shell.preview.title"))
        self.preview.retranslate()
        self.lint.setAccessibleName(tr("shell.briefing.lint"))
        self.outline.setAccessibleName(tr("shell.briefing.outline"))
        self.export_box.setTitle(tr("shell.briefing.export_box"))
        self.export_button.setText(tr("shell.briefing.export"))
        self.no_notes.retranslate()
        self.export_status.setText(str(self.status_message))
        self.progress.setAccessibleName(tr("shell.briefing.progress"))
        self.open_file_button.setText(tr("shell.briefing.open_file"))
        self.open_folder_button.setText(tr("shell.briefing.open_folder"))
        self.present_button.setText(tr("shell.briefing.present"))
        self._show_lint()
        self._show_outline()

    @property
    def checking(self) -> bool:
        """True while the deck is being planned and linted."""
        return self._awaiting

    def check(self) -> None:
        """Plan and lint the deck as it would be exported now, on a worker; show both when done.
        A hidden page only notes that the check is due (it runs when the page is next shown)."""
        self.checking_due.request()

    def _check_now(self) -> None:
        self._awaiting = True
        workspace, today = snapshot(self.session.workspace), self.session.store.clock.today()
        show_attempt = self.show_attempt.isChecked()
        self.checker.request(lambda: _review(workspace, today, show_attempt))
        self._show_lint()

    def on_checker_result(self, result: tuple[Any, list[Any]]) -> None:
        self.plan, self.findings, self._awaiting = *result, False
        self._show_lint()
        self._show_outline()
        self.checked.emit()

    def on_checker_failed(self, error: BaseException) -> None:
        if not isinstance(error, ImportError):
            self._awaiting = False
            raise error
        self.on_checker_result((None, [Message("shell.briefing.unavailable")]))

    def _show_lint(self) -> None:
        self.lint_model.clear()
        if self.checking:
            self.lint_model.appendRow(_item("… " + tr("shell.briefing.checking")))
            return
        no_ask = not self.session.workspace.deck.ask.strip()  # as the overview's deck step: not ready
        if no_ask:
            self.lint_model.appendRow(_item("⚠ " + tr("guide.readiness.deck.no_ask")))
        if not self.findings and not no_ask:
            self.lint_model.appendRow(_item("✓ " + tr("shell.briefing.clean")))
        for finding in self.findings:
            text = finding.message() if hasattr(finding, "message") else str(finding)
            self.lint_model.appendRow(_item("⚠ " + text))

    def _show_outline(self) -> None:
        """The slides as a list of titles, and as the preview's pictures."""
        self._show_preview()
        self.outline_model.clear()
        if self.plan is None:
            return
        main = _item(tr("shell.briefing.main_slides", count=len(self.plan.main), limit=self.plan.max_slides))
        appendix = _item(tr("shell.briefing.appendix", count=len(self.plan.appendix)))
        for number, slide in enumerate(self.plan.slides, start=1):
            (appendix if slide.appendix else main).appendRow(_item(f"{number}. {slide.title}"))
        self.outline_model.appendRow(main)
        self.outline_model.appendRow(appendix)
        self.outline.expand(main.index())

    def _show_preview(self) -> None:
        template = self.session.workspace.deck.template
        self.preview.show_plan(self.plan, self.findings, Path(template) if template else None)

    # -- editing -----------------------------------------------------------------------------

    def entered(self) -> DeckSettings:
        """The deck settings as the form holds them now."""
        old = self.session.workspace.deck
        chosen = [name for name, box in self.sections.items() if box.isChecked()]
        return dataclasses.replace(
            old,
            title=self.title.text().strip(),
            ask=self.ask.text().strip(),
            audience=self.audience.text().strip(),
            date=self.date_field.chosen(),
            language="da" if self.language.currentData() == "da" else "en",
            template=self.template.text(),
            max_slides=self.max_slides.value(),
            sections=[] if len(chosen) == len(SECTION_NAMES) else chosen,
            anonymize=self.anonymize.isChecked(),
            headline_kpi=self.headline_kpi.currentData(),
            ask_phase_id=self.ask_phase.currentData(),
        )

    def on_field_edited(self, *_args: object) -> None:
        self.apply_settings(self.entered())

    def apply_settings(self, new: DeckSettings) -> None:
        """Make ``new`` the deck settings as one undoable step (nothing when nothing changed)."""
        old = self.session.workspace.deck
        if new == old:
            return
        try:
            self.session.do(SetSingleton(DECK, copy.deepcopy(old), new), Message("shell.briefing.edit_text"))
        except BriefingError as error:
            show_message(self.error, error.message())
            self.show_settings()
            return
        show_message(self.error, "")

    def on_show_attempt_toggled(self, _checked: bool) -> None:
        """Show the title slide with (or without) the number (the box remembers the choice itself)."""
        self.check()

    def on_template_browse_clicked(self) -> None:
        chosen = self.prompts.choose_template() if self.prompts is not None else None
        if chosen is not None:
            self.template.setText(str(chosen))
            self.on_field_edited()

    def on_template_clear_clicked(self) -> None:
        self.template.clear()
        self.on_field_edited()

    # -- exporting ---------------------------------------------------------------------------

    def suggested_target(self) -> Path:
        """Where the export dialog starts: beside the last export, else in Documents, named after the title."""
        name = file_name(shown_title(self.session.workspace) or self.session.store.name or "briefing")
        folder = self.last_export.parent if self.last_export else documents()
        return folder / f"{name}.pptx"

    def export(self) -> None:
        """Ask where, then export on a worker thread."""
        if self.job is not None or self.prompts is None:
            return
        target = self.prompts.choose_deck_target(self.suggested_target())
        if target is not None:
            self.start_export(target)

    def start_export(self, target: Path) -> Job:
        """Export the deck to ``target`` on a worker thread; the signals tell how it went."""
        workspace = copy.deepcopy(self.session.workspace)
        settings = copy.deepcopy(workspace.deck)
        template = Path(settings.template) if settings.template else None
        today = self.session.store.clock.today()
        notes = self.no_notes.notes
        show_attempt = self.show_attempt.isChecked()

        def work(progress: Any) -> Any:
            from briefing.deck.export import export

            return export(workspace, target, settings, template, today, progress=progress, notes=notes,
                          show_attempt=show_attempt)

        job = self.runner.prepare(work)
        job.progress.connect(self.on_job_progress)
        job.finished.connect(self.on_job_finished)
        job.failed.connect(self.on_job_failed)
        self.job = job
        self.export_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._set_status(Message("shell.briefing.exporting"))
        self.runner.launch(job)
        return job

    def on_job_progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        if text:
            self.export_status.setText(text)

    def on_job_finished(self, result: Any) -> None:
        self.job = None
        path = Path(getattr(result, "path", result))
        self.last_export = path
        self.progress.setValue(100)
        self.progress.setVisible(False)
        self._set_status(Message("shell.briefing.exported", {"file": path.name}))
        self.export_status.setToolTip(str(path))
        self.export_button.setEnabled(True)
        for button in (self.open_file_button, self.open_folder_button, self.present_button):
            button.setEnabled(True)
        self.exported.emit(path)

    def on_job_failed(self, error: BaseException) -> None:
        self.job = None
        self.progress.setValue(0)
        self.progress.setVisible(False)
        reason = error if isinstance(error, BriefingError) else str(error)  # an error translates itself
        self._set_status(Message("shell.briefing.export_failed", {"reason": reason}))
        self.export_button.setEnabled(True)
        self.export_failed.emit(error)

    def _set_status(self, message: Message) -> None:
        """What the export did, kept as a message so that a language switch shows it anew."""
        self.status_message = message
        self.export_status.setText(str(message))

    def on_open_file_clicked(self) -> None:
        if self.last_export is not None:
            self.open_url(QUrl.fromLocalFile(str(self.last_export)))

    def on_open_folder_clicked(self) -> None:
        if self.last_export is not None:
            self.open_url(QUrl.fromLocalFile(str(self.last_export.parent)))

    # -- presenting --------------------------------------------------------------------------

    def mark_presented(self) -> None:
        """Record that the exported deck was presented (the dialog), then show the history."""
        if self.last_export is None or self.prompts is None:
            return
        today = self.session.store.clock.today()
        if self.prompts.record_presentation(self.session.workspace, self.last_export, today, self.record):
            self.navigate.emit("history")

    def record(self, entered: PresentationInput) -> None:
        """Record ``entered`` as one undoable edit (the deck is archived with its checksum)."""
        from briefing.guide.presenting import presentation_edit

        store = self.session.store
        edit = presentation_edit(
            store, entered.deck_file, entered.date, entered.audience, entered.outcome,
            attendee_ids=entered.attendee_ids, objections=entered.objections, feedback=entered.feedback,
            next_steps=entered.next_steps, next_attempt=entered.next_attempt,
        )
        self.session.do(edit, Message("shell.briefing.present_text", {"date": Day(entered.date)}))
        self.presented.emit(edit.presentation_id)


def _fill_choice(combo: QComboBox, options: list[tuple[str, str]], chosen: str | None, default: str) -> None:
    """Offer ``options`` (id, label) after ``default`` (none chosen), with ``chosen`` selected."""
    combo.clear()
    combo.addItem(default, None)
    for value, label in options:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))


def _review(workspace: Any, today: Any, show_attempt: bool = False) -> tuple[Any, list[Any]]:
    """The deck's plan and the lint's findings (on the worker); a refusal is the one finding."""
    from briefing.deck import review

    try:
        return review(workspace, workspace.deck, today=today, show_attempt=show_attempt)
    except BriefingError as error:
        return None, [error]


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setToolTip(text)
    return item
