"""History: every attempt at leadership, its outcome and objections, the attempts over time, and
what changed between one attempt and the next — repeat until it succeeds."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.guide.history import Attempt, Changes, History, history
from briefing.i18n import current_language, format_date, format_number, term, tr
from briefing.model.collections import PRESENTATIONS
from briefing.model.entities import NextStep
from briefing.model.snapshot import snapshot
from ui.forms.form import message_label, show_message
from ui.forms.panel import TablePanel, make_sortable, read_only_table, reveal
from ui.models.collection import NestedTableModel, SearchProxy
from ui.models.history import SEARCH_ROLE, AttemptsModel
from ui.models.objections import OpenObjectionsModel
from ui.models.plans import next_step_columns
from ui.pages.base import Backdrop, Page, share_evenly
from ui.session import Session, undo_text
from ui.style import make_heading


class HistoryPage(Page):
    """The attempts as a table, their chart, and the selected attempt in detail; both tables sort by
    a click on a column's header, and the search keeps the attempts and objections that mention it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.history: History = History(())
        self._wanted: str | None = None
        """A presentation to select once the history is shown (``select_presentation``)."""
        self.heading = QLabel(self)
        make_heading(self.heading)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")  # Edit → Find puts the cursor here
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self.model = AttemptsModel(self)
        self.table = read_only_table(self.model, self)
        self.table.setObjectName("attempts")
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line an attempt: the table is as high as its rows
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        attempts = self.table.model()
        assert isinstance(attempts, SearchProxy)
        attempts.setFilterRole(SEARCH_ROLE)
        self.attempts: SearchProxy = attempts
        self.chart = self._chart_view()
        self.details = QTextBrowser(self)
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)
        self.objections_heading = QLabel(self)
        self.objections = OpenObjectionsModel(session, self)
        self.objections_proxy = SearchProxy(self.objections, self)
        self.objections_view = QTableView(self)
        self.objections_view.setTabKeyNavigation(False)  # Tab leaves the table, as in every other one
        self.objections_view.setObjectName("open_objections")
        self.objections_view.setModel(self.objections_proxy)
        make_sortable(self.objections_view)
        self.objections_view.setWordWrap(True)
        self.objections_view.verticalHeader().setVisible(False)
        self.objections_view.horizontalHeader().setStretchLastSection(True)
        self.objections_heading.setBuddy(self.objections_view)
        self.objection_problem = message_label(self)
        self.next_steps = NestedTableModel(session, PRESENTATIONS, next_step_columns(), ("next_steps",), self)
        self.next_step_panel = TablePanel(self.next_steps, "shell.history.next_steps", self)
        self.next_step_panel.setObjectName("next_steps")
        self.next_step_panel.add_requested.connect(self.add_next_step)
        self.next_step_panel.remove_requested.connect(self.remove_next_step)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_changed)
        self.search.textChanged.connect(self.on_search_changed)
        self.objections.failed.connect(self.on_objections_failed)
        self.objections.modelReset.connect(self.on_objections_model_reset)
        self.computing = Backdrop(self, self._history_job, self._show_history)
        self._lay_out()
        self.refresh()
        self.retranslate()  # the heading at once; the history says it is being updated until made

    def _chart_view(self) -> QWidget:
        from ui.charts import ChartView

        view = ChartView(self, width_in=6.0, height_in=3.0)
        view.setObjectName("attempts_chart")
        return view

    def _lay_out(self) -> None:
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.chart)
        attempt = QSplitter(Qt.Orientation.Vertical, self)
        attempt.addWidget(self.details)
        attempt.addWidget(self.next_step_panel)
        lower.addWidget(attempt)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        share_evenly(lower)  # the chart and the attempt
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.search)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.objections_heading)
        layout.addWidget(self.objections_view)
        layout.addWidget(self.objection_problem)
        layout.addWidget(lower, 1)

    # -- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """The history made anew on a worker (at once while shown, else when next shown)."""
        self.computing.request()

    def _history_job(self) -> Any:
        workspace = snapshot(self.session.workspace)
        self.summary.setText(tr("pages.updating"))
        return lambda: history(workspace)

    def _show_history(self, made: History) -> None:
        self.history = made
        self.retranslate()
        self._select_wanted()

    def retranslate(self) -> None:
        selected = self.selected_number()
        self.heading.setText(tr("shell.history.heading"))
        self.summary.setText(self._summary())
        self.table.setAccessibleName(tr("shell.history.table"))
        self.search.setPlaceholderText(tr("pages.search"))
        self.search.setAccessibleName(tr("pages.search_in", what=tr("shell.history.heading")))
        self.details.setAccessibleName(tr("shell.history.details"))
        self.objections_view.setAccessibleName(tr("shell.objections.table"))
        self.next_step_panel.retranslate()
        self.objections.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.objections.columnCount() - 1)
        self.on_objections_model_reset()
        self._fill()
        self._draw_chart()
        self.select(selected or len(self.history.attempts))

    def _summary(self) -> str:
        if self.computing.outdated:
            return tr("pages.updating")
        attempts = self.history.attempts
        if not attempts:
            return tr("shell.history.none")
        if self.history.succeeded:
            return tr("shell.history.succeeded", count=len(attempts))
        return tr("shell.history.repeat", count=len(attempts))

    def _fill(self) -> None:
        self.model.set_attempts(self.history.attempts)
        self.table.resizeColumnsToContents()
        rows = max(self.model.rowCount(), 1)
        row_height = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + row_height * min(rows, 8) + 2 * self.table.frameWidth() + 2)

    def _draw_chart(self) -> None:
        self.chart.set_placeholder(tr("shell.history.no_chart"))  # type: ignore[attr-defined]
        from ui.charts import built

        workspace = snapshot(self.session.workspace)  # the chart is made and drawn on its worker
        job = built("attempts", workspace, current_language()) if self.history.attempts else None
        self.chart.set_spec(job)  # type: ignore[attr-defined]
        self.chart.setAccessibleName(tr("shell.history.chart"))

    def selected_number(self) -> int | None:
        """The number of the attempt selected (whatever the order shown), or None."""
        current = self.table.currentIndex()
        return self.attempts.mapToSource(current).row() + 1 if current.isValid() else None

    def select(self, number: int) -> None:
        """Select attempt ``number`` (from 1) and show it in detail (clearing a search that hides it)."""
        if not 1 <= number <= self.model.rowCount():
            self.details.setHtml(f"<p>{escape(tr('shell.history.none'))}</p>")
            return
        reveal(self.table, self.attempts, self.search, self.model.index(number - 1, 0))
        self._show_details(self.history.attempts[number - 1])

    def select_presentation(self, presentation_id: str) -> None:
        """Select the attempt of the presentation ``presentation_id`` (from the Overview's due list):
        now, or once the history being made is shown."""
        self._wanted = presentation_id
        if not self.computing.outdated:
            self._select_wanted()

    def _select_wanted(self) -> None:
        wanted, self._wanted = self._wanted, None
        numbers = [a.number for a in self.history.attempts if a.presentation.id == wanted]
        if numbers:
            self.select(numbers[0])

    def on_search_changed(self, text: str) -> None:
        self.attempts.setFilterFixedString(text)
        self.objections_proxy.setFilterFixedString(text)

    def on_objections_model_reset(self) -> None:
        """Size the objections table to its rows (at most six) and say when there are none."""
        rows = self.objections.rowCount()
        self.objections_heading.setText(tr("shell.objections.heading") if rows else tr("shell.objections.none"))
        self.objections_view.setVisible(rows > 0)
        self.objections_view.resizeColumnsToContents()
        self.objections_view.horizontalHeader().setStretchLastSection(True)
        self.objections_view.resizeRowsToContents()
        height = sum(self.objections_view.rowHeight(r) for r in range(min(rows, 6)))
        self.objections_view.setFixedHeight(height + self.objections_view.horizontalHeader().sizeHint().height() + 4)
        show_message(self.objection_problem, "")

    def on_objections_failed(self, text: str) -> None:
        show_message(self.objection_problem, text)

    def on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        number = self.selected_number()
        if number is not None:
            self._show_details(self.history.attempts[number - 1])

    def _show_details(self, attempt: Attempt) -> None:
        self.details.setHtml(details_html(attempt, self.session))
        if self.next_steps.owner_id != attempt.presentation.id:
            self.next_steps.set_owner(attempt.presentation.id)

    def add_next_step(self) -> None:
        """Add a step to the selected attempt (one step of undo), its text to be typed over."""
        if self.next_steps.owner() is None:
            return
        step = NextStep(text=tr("shell.history.new_next_step"))
        self.next_steps.replace_rows(lambda rows: rows.append(step), undo_text("add", "pages.noun.next_step"))

    def remove_next_step(self, step: NextStep) -> None:
        self.next_steps.replace_rows(lambda rows: rows.remove(step), undo_text("remove", "pages.noun.next_step"))


def details_html(attempt: Attempt, session: Session) -> str:
    """The attempt in detail: outcome, objections, feedback, next steps, and what changed before it."""
    p = attempt.presentation
    parts = [f"<h3>{escape(tr('shell.history.attempt', number=attempt.number, date=format_date(p.date)))}</h3>",
             f"<p><b>{escape(term('outcome', p.outcome))}</b> · {escape(p.audience)}</p>"]
    if p.objections:
        items = [f"<li>{escape(o.text)} — <i>{escape(term('objection_status', o.status, lower=True))}</i>"
                 + (f"<br>{escape(o.answer)}" if o.answer else "") + "</li>" for o in p.objections]
        parts.append(f"<p><b>{escape(tr('shell.history.objections'))}</b></p><ul>{''.join(items)}</ul>")
    if p.feedback:
        parts.append(f"<p><b>{escape(tr('shell.history.feedback'))}</b><br>{escape(p.feedback)}</p>")
    parts.append(_changes_html(attempt.changes, session))
    return "".join(parts)


def _changes_html(changes: Changes, session: Session) -> str:
    workspace = session.workspace
    since = (tr("shell.history.since", date=format_date(changes.since)) if changes.since
             else tr("shell.history.since_start"))
    names = {s.id: s.name for s in workspace.stakeholders}
    lines = [
        tr("shell.history.allies_engaged", count=len(changes.allies_engaged)),
        tr("shell.history.allies_gained", count=len(changes.allies_gained),
           names=", ".join(names.get(sid, sid) for sid in changes.allies_gained) or "—"),
        tr("shell.history.answered", count=len(changes.objections_answered)),
    ]
    for move in changes.kpis_moved:
        before, after = move.before.latest, move.after.latest
        lines.append(tr("shell.history.kpi_moved", kpi=move.kpi.name,
                        before=format_number(before) if before is not None else "—",
                        after=format_number(after) if after is not None else "—", unit=move.kpi.unit))
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f"<p><b>{escape(since)}</b></p><ul>{items}</ul>"
