"""Overview: how ready the campaign is, as the method's six steps computed from the workspace.

The first five steps and the due list are computed on a worker while the page is shown (a
``Backdrop``: some 20 ms at 10,000 dialogues, which the window does not wait for); meanwhile the
page shows what it showed before and says it is being updated. The sixth step (the deck's lint)
needs the deck's template and python-pptx, so it is checked on its own worker a moment after the
page is shown (``DECK_CHECK_DELAY_MS``, so that start-up and the first paint never compete with
that import): the window appears without those libraries and the card fills in a moment later.

Signals:
    navigate(str): the page to show for a step (its "Go to" button).
    show_person(str), show_attempt(str): a stakeholder's or a presentation's id, from the due list.
    deck_checked(): after the deck's step was computed anew.
    (``computing.shown``: after the first five steps and the due list were computed anew.)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing.guide.due import DueItem, due
from briefing.guide.readiness import STEP_KEYS, Readiness, Step, StepKey, deck_step, readiness
from briefing.i18n import tr
from briefing.model.entities import Workspace
from briefing.model.snapshot import snapshot
from ui.pages.base import Backdrop, Page, WhenShown
from ui.pages.due_list import DueList
from ui.session import Session
from ui.style import is_dark, make_heading, theme
from ui.workers import Runner

DECK_CHECK_DELAY_MS = 400
STEP_PAGES = {"allies": "allies", "leadership": "leadership", "proof": "evidence", "problems": "problems",
              "plan": "roadmap", "deck": "briefing"}
STATUS_MARKS = {"done": "✓", "attention": "!", "missing": "○"}
STATUS_COLORS = {"done": "#2E7D4F", "attention": "#B26A00", "missing": "#7A7F87"}
STATUS_COLORS_DARK = {"done": "#5FC98A", "attention": "#F0A040", "missing": "#A2A7AF"}


class StepCard(QFrame):
    """One step of the checklist: its status, the reason, what to do next, and a way to it.

    Signals:
        go(str): the name of the page for this step.
    """

    go = Signal(str)

    def __init__(self, number: int, key: StepKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.key = key
        self.status = "missing"
        self.setObjectName(f"step_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.mark = make_heading(QLabel(self), 1.6)
        self.mark.setFixedWidth(34)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.reason = QLabel(self)
        self.next = QLabel(self)
        for label in (self.reason, self.next):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self)
        self.button.setObjectName(f"go_{key}")
        self.button.clicked.connect(lambda: self.go.emit(STEP_PAGES[key]))
        layout = QGridLayout(self)
        layout.addWidget(self.mark, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.title, 0, 1)
        layout.addWidget(self.reason, 1, 1)
        layout.addWidget(self.next, 2, 1)
        layout.addWidget(self.button, 0, 2, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(1, 1)

    def color_mark(self, dark: bool | None = None) -> None:
        """The status mark in the colour of its status, for the dark palette or the light one
        (default: the card's own)."""
        dark = is_dark(self.palette()) if dark is None else dark
        color = (STATUS_COLORS_DARK if dark else STATUS_COLORS)[self.status]
        palette = self.mark.palette()
        palette.setColor(palette.ColorRole.WindowText, QColor(color))
        self.mark.setPalette(palette)

    def show_step(self, step: Step | None) -> None:
        """Show ``step``; None while it is being checked."""
        self.status = step.status if step else "missing"
        self.mark.setText(STATUS_MARKS[self.status] if step else "…")
        self.color_mark()
        name, status = tr(f"shell.step.{self.key}"), tr(f"shell.status.{self.status}")
        self.title.setText(f"<b>{self.number}. {name}</b> — {status}")
        checking = tr("shell.overview.checking" if self.key == "deck" else "shell.overview.checking_step")
        self.reason.setText(step.reason.message() if step else checking)
        self.next.setText(tr("shell.overview.next", text=step.next.message()) if step else "")
        self.next.setVisible(step is not None)
        self.button.setText(tr("shell.overview.go"))
        self.button.setAccessibleName(tr("shell.overview.go_to", step=tr(f"shell.step.{self.key}")))
        self.setAccessibleName(f"{tr(f'shell.step.{self.key}')}: {tr(f'shell.status.{self.status}')}")


class OverviewPage(Page):
    """The readiness checklist, the campaign, and when the next attempt is."""

    navigate = Signal(str)
    show_person = Signal(str)
    show_attempt = Signal(str)
    demo_requested = Signal()
    deck_checked = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, runner: Runner | None = None) -> None:
        super().__init__(session, parent)
        self.runner = runner or Runner(self)
        self.result: Readiness | None = None
        self.computed_from = Workspace()
        """The copy of the workspace ``result`` was computed from."""
        self.deck: Step | None = None
        self._generation = 0
        self.deck_due = WhenShown(self, self._check_deck_now)
        """The deck's step is checked only while the page is shown, a moment after (not in the showing)."""
        self.deck_due.due = True
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        make_heading(self.heading)
        self.goal = QLabel(self)
        self.goal.setWordWrap(True)
        self.summary = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, len(STEP_KEYS))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.next_attempt = QLabel(self)
        self.next_attempt.setObjectName("outlook")
        self.next_attempt.setWordWrap(True)
        self.next_attempt.setTextFormat(Qt.TextFormat.PlainText)  # objections are the user's words, never markup
        self.next_attempt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_button = QPushButton(self)  # an empty workspace: the demo campaign is one click away
        self.demo_button.setObjectName("open_demo")
        self.demo_button.clicked.connect(self.demo_requested)
        self.due_list = DueList(session, self)  # what is due, soonest first
        self.due_list.show_person.connect(self.show_person)
        self.due_list.show_attempt.connect(self.show_attempt)
        self.cards = [StepCard(n, key, self) for n, key in enumerate(STEP_KEYS, start=1)]
        for card in self.cards:
            card.go.connect(self.navigate)
        theme.changed.connect(self.on_theme_changed)
        self.computing = Backdrop(self, self._standing_job, self._show_standing)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        for widget in (self.heading, self.goal, self.summary, self.progress, self.next_attempt, *self.cards):
            column.addWidget(widget)
            if widget is self.next_attempt:
                column.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
                column.addWidget(self.due_list)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(scroll)

    def on_changes(self, changes: list[Any]) -> None:
        """Every edit: the steps and the due list are computed anew, on a worker, once the page is
        shown; so is the deck's step, which plans the deck."""
        self.refresh()

    def refresh(self) -> None:
        self.computing.request()
        self.due_list.stale = True
        self._generation += 1
        self.deck_due.due = True
        self.deck = None  # the deck's step shows "Checking…" until the worker has checked the changed workspace
        if self.isVisible():
            QTimer.singleShot(0, self.check_deck)
        self.retranslate()

    def on_theme_changed(self, dark: bool) -> None:
        """The app switched between light and dark: the status marks take the matching colours."""
        for card in self.cards:
            card.color_mark(dark)

    def on_shown(self) -> None:
        super().on_shown()
        if self.deck_due.due:
            QTimer.singleShot(DECK_CHECK_DELAY_MS if self.deck is None else 0, self.check_deck)

    def _standing_job(self) -> Any:
        workspace, today = snapshot(self.session.workspace), self.session.store.clock.today()
        self.summary.setText(tr("pages.updating"))
        return lambda: (readiness(workspace, today, include_deck=False), due(workspace, today), workspace)

    def _show_standing(self, standing: tuple[Readiness, list[DueItem], Workspace]) -> None:
        self.result, items, self.computed_from = standing
        self.due_list.show_due(items, self.computed_from)
        self.retranslate()

    def check_deck(self) -> None:
        """Compute the deck's step on a worker thread (over a copy of the workspace) — only while
        shown: a page of a workspace closed meanwhile (its deletion pending) starts nothing."""
        self.deck_due.catch_up()

    def _check_deck_now(self) -> None:
        workspace, today = snapshot(self.session.workspace), self.session.store.clock.today()
        generation = self._generation
        job = self.runner.prepare(lambda _progress: (generation, deck_step(workspace, today)))
        job.finished.connect(self.on_deck_job_finished)
        self.runner.launch(job)

    def on_deck_job_finished(self, result: tuple[int, Step]) -> None:
        generation, step = result
        if generation == self._generation:
            self.deck = step
            self.retranslate()
        self.deck_checked.emit()

    def steps(self) -> list[Step]:
        """The six steps as shown (the deck's once it was checked)."""
        shown = list(self.result.steps) if self.result else []
        return [*shown, self.deck] if self.deck is not None else shown

    def retranslate(self) -> None:
        workspace = self.session.workspace
        self.heading.setText(workspace.campaign.name or self.session.store.name or tr("shell.overview.untitled"))
        self.goal.setText(workspace.campaign.goal)
        self.goal.setVisible(bool(workspace.campaign.goal))
        steps = {step.key: step for step in self.steps()}
        done = sum(step.status == "done" for step in steps.values())
        ready = done == len(STEP_KEYS)
        self.summary.setText(tr("pages.updating") if self.computing.outdated
                             else tr("shell.overview.ready") if ready
                             else tr("shell.overview.summary", done=done, total=len(STEP_KEYS)))
        self.progress.setValue(done)
        self.progress.setAccessibleName(tr("shell.overview.summary", done=done, total=len(STEP_KEYS)))
        self.next_attempt.setText(_attempt_line(self.computed_from, self.result))
        self.demo_button.setText(tr("shell.overview.demo"))
        self.demo_button.setVisible(workspace.is_empty())
        for card in self.cards:
            card.show_step(steps.get(card.key))
        self.due_list.retranslate()


def _attempt_line(workspace: Workspace, result: Readiness | None) -> str:
    """"Attempt 3: Postponed on 8 December 2026.", then what the meeting means and what is left before
    the next attempt, a line each (``briefing.guide.outlook``)."""
    outlook = result.outlook if result else None
    if outlook is None or not outlook.lines:
        return tr("shell.overview.no_attempts")
    first, *rest = (line.message() for line in outlook.lines)
    return "\n".join([tr("shell.loop.attempt_head", number=len(workspace.presentations), text=first), *rest])
