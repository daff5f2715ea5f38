"""The Evidence page's "then and now": the chosen survey against the newest earlier survey that asked the same
questions — the share who agree each time with its n, in a table and a chart. Worked out off the UI thread
(``briefing.evidence.compare``); the view shows the newest result it asked for.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from briefing.evidence.compare import Agreement, SurveyComparison, latest_comparison
from briefing.i18n import current_language, format_date, format_number, tr
from briefing.model.entities import Survey, Workspace
from briefing.model.snapshot import snapshot
from ui.charts import ChartView, SpecJob, built
from ui.workers import Latest


def _agreement(answer: Agreement, lang: str) -> str:
    share = answer.share
    pct = "—" if share is None else tr("evidence.percent", lang, value=format_number(round(share * 100), lang, 0))
    return tr("pages.compare.cell", lang, pct=pct, n=format_number(answer.n, lang))


def _survey_name(survey: Survey, lang: str) -> str:
    if survey.date is None:
        return survey.title
    return tr("pages.compare.survey", lang, title=survey.title, date=format_date(survey.date, lang, short=True))


class SurveyComparisonView(QWidget):
    """Then and now for the survey given to ``show_survey``; ``comparison`` is what it shows (None: nothing).

    Signals:
        shown(object): the comparison now shown (None when the survey shares no question with an earlier one).
    """

    shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: SurveyComparison | None = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):  # the figures on one line each
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.chart = ChartView(self, 6.0, 2.6)
        self.chart.set_builder(self._chart_spec)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart, 2)
        self._latest = Latest(self)
        self._latest.result.connect(self.on_result)
        self._latest.failed.connect(self.on_failed)
        self.retranslate()

    def show_survey(self, workspace: Workspace, survey: Survey | None) -> None:
        """Compare ``survey`` with the newest earlier survey sharing a question (worked out on a worker)."""
        if survey is None:
            self._latest.request(lambda: None)
            return
        copy = snapshot(workspace)
        later = next((s for s in copy.surveys if s.id == survey.id), survey)
        self._latest.request(lambda: latest_comparison(copy, later))

    def on_result(self, comparison: SurveyComparison | None) -> None:
        self.comparison = comparison
        self._fill()
        self.shown.emit(comparison)

    def on_failed(self, error: BaseException) -> None:
        raise error  # a bug in the comparison: reported like one on the UI thread

    def _fill(self) -> None:
        lang, comparison = current_language(), self.comparison
        rows = comparison.questions if comparison is not None else []
        self.table.setRowCount(len(rows))
        for row, question in enumerate(rows):
            change = question.change_points
            points = "—" if change is None else tr("pages.compare.points", lang,
                                                   value=format_number(round(change), lang, 0),
                                                   sign="+" if change > 0 else "")
            cells = [question.text, _agreement(question.then, lang), _agreement(question.now, lang), points]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.chart.invalidate()  # drawn when shown: a hidden chart costs nothing
        if comparison is None:
            self.heading.setText(tr("pages.compare.none", lang))
            return
        self.heading.setText(tr("pages.compare.heading", lang, earlier=_survey_name(comparison.earlier, lang),
                                later=_survey_name(comparison.later, lang)))

    def _chart_spec(self) -> SpecJob | None:
        if self.comparison is None:
            return None
        return built("survey_change", self.comparison, current_language())

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([tr("pages.compare.question"), tr("pages.compare.then"),
                                              tr("pages.compare.now"), tr("pages.compare.change")])
        self.table.setAccessibleName(tr("pages.compare.title"))
        self.chart.setAccessibleName(tr("pages.compare.title"))
        self.chart.set_placeholder(tr("pages.chart.empty"))
        self._fill()

