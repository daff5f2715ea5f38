"""History: every attempt at leadership, its outcome and objections, the attempts over time, and
what changed between one attempt and the next — repeat until it succeeds."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.charts.build import attempts as attempts_chart
from briefing.guide.history import Attempt, Changes, History, history
from briefing.i18n import current_language, format_date, format_number, term, tr
from ui.forms.form import message_label, show_message
from ui.models.objections import OpenObjectionsModel
from ui.pages.base import Page
from ui.session import Session
from ui.style import make_heading

COLUMNS = ("number", "date", "audience", "outcome", "objections", "next_attempt")


class HistoryPage(Page):
    """The attempts as a table, their chart, and the selected attempt in detail."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.history: History = History(())
        self.heading = QLabel(self)
        make_heading(self.heading)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.table = QTreeView(self)
        self.table.setObjectName("attempts")
        self.table.setModel(self.model)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setUniformRowHeights(True)
        self.chart = self._chart_view()
        self.details = QTextBrowser(self)
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)
        self.objections_heading = QLabel(self)
        self.objections = OpenObjectionsModel(session, self)
        self.objections_view = QTableView(self)
        self.objections_view.setTabKeyNavigation(False)  # Tab leaves the table, as in every other one
        self.objections_view.setObjectName("open_objections")
        self.objections_view.setModel(self.objections)
        self.objections_view.setWordWrap(True)
        self.objections_view.verticalHeader().setVisible(False)
        self.objections_view.horizontalHeader().setStretchLastSection(True)
        self.objections_heading.setBuddy(self.objections_view)
        self.objection_problem = message_label(self)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.objections.failed.connect(self.on_objections_failed)
        self.objections.modelReset.connect(self.on_objections_model_reset)
        self._lay_out()
        self.refresh()

    def _chart_view(self) -> QWidget:
        from ui.charts import ChartView

        view = ChartView(self, width_in=6.0, height_in=3.0)
        view.setObjectName("attempts_chart")
        return view

    def _lay_out(self) -> None:
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.chart)
        lower.addWidget(self.details)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.objections_heading)
        layout.addWidget(self.objections_view)
        layout.addWidget(self.objection_problem)
        layout.addWidget(lower, 1)

    # -- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.history = history(self.session.workspace)
        self.retranslate()

    def retranslate(self) -> None:
        selected = self.selected_number()
        self.heading.setText(tr("shell.history.heading"))
        self.summary.setText(self._summary())
        self.table.setAccessibleName(tr("shell.history.table"))
        self.details.setAccessibleName(tr("shell.history.details"))
        self.model.setHorizontalHeaderLabels([_header(name) for name in COLUMNS])
        self.objections_view.setAccessibleName(tr("shell.objections.table"))
        self.objections.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.objections.columnCount() - 1)
        self.on_objections_model_reset()
        self._fill()
        self._draw_chart()
        self.select(selected or len(self.history.attempts))

    def _summary(self) -> str:
        attempts = self.history.attempts
        if not attempts:
            return tr("shell.history.none")
        if self.history.succeeded:
            return tr("shell.history.succeeded", count=len(attempts))
        return tr("shell.history.repeat", count=len(attempts))

    def _fill(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for attempt in self.history.attempts:
            self.model.appendRow([_cell(text) for text in _row(attempt)])
        for column in range(len(COLUMNS)):
            self.table.resizeColumnToContents(column)
        rows = max(self.model.rowCount(), 1)
        row_height = self.table.sizeHintForRow(0) if self.model.rowCount() else self.fontMetrics().height() + 6
        header = self.table.header().sizeHint().height()
        self.table.setFixedHeight(header + row_height * min(rows, 8) + 2 * self.table.frameWidth() + 4)

    def _draw_chart(self) -> None:
        self.chart.set_placeholder(tr("shell.history.no_chart"))  # type: ignore[attr-defined]
        spec = attempts_chart(self.session.workspace, current_language()) if self.history.attempts else None
        self.chart.set_spec(spec)  # type: ignore[attr-defined]
        self.chart.setAccessibleName(tr("shell.history.chart"))

    def selected_number(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() + 1 if rows else None

    def select(self, number: int) -> None:
        """Select attempt ``number`` (from 1) and show it in detail."""
        if not 1 <= number <= self.model.rowCount():
            self.details.setHtml(f"<p>{escape(tr('shell.history.none'))}</p>")
            return
        self.table.setCurrentIndex(self.model.index(number - 1, 0))
        self._show_details(self.history.attempts[number - 1])

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

    def on_table_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_details(self.history.attempts[indexes[0].row()])

    def _show_details(self, attempt: Attempt) -> None:
        self.details.setHtml(details_html(attempt, self.session))


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item


def _row(attempt: Attempt) -> list[str]:
    p = attempt.presentation
    opened = sum(o.status == "open" for o in p.objections)
    answered = len(p.objections) - opened
    return [
        str(attempt.number),
        format_date(p.date, short=True),
        p.audience,
        term("outcome", p.outcome),
        tr("shell.history.objection_counts", open=opened, answered=answered),
        format_date(p.next_attempt, short=True) if p.next_attempt else "",
    ]


def _header(name: str) -> str:
    """A column's title; the outcome is the shared term."""
    return term("field", "outcome") if name == "outcome" else tr(f"shell.history.col.{name}")


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
    if p.next_steps:
        steps = "".join(f"<li>{escape(step)}</li>" for step in p.next_steps)
        parts.append(f"<p><b>{escape(tr('shell.history.next_steps'))}</b></p><ul>{steps}</ul>")
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
