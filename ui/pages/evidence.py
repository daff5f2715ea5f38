"""Step 3, Evidence: surveys (questions, analysis, findings, results chart), initiatives with
their KPIs and measurements (the KPI effects chart), and the benefits in money. Survey files import
by button or drag and drop.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.edits import UpdateItem
from briefing.errors import BriefingError, InputError
from briefing.i18n import Message, current_language, tr
from briefing.model.collections import INITIATIVES, SURVEYS, Collection, Entity
from briefing.model.entities import Initiative, Kpi, Measurement, Question, Survey
from briefing.model.ids import fresh_id
from briefing.model.snapshot import snapshot
from ui.charts import ChartView, built
from ui.forms.analysis import Analysed, analysis_of
from ui.forms.fields import field, get_value
from ui.forms.form import message_label, show_message
from ui.forms.panel import TablePanel
from ui.forms.plans import initiative_fields, survey_fields
from ui.forms.section import Section
from ui.imports import ImportController
from ui.models.collection import CollectionTableModel, NestedTableModel
from ui.models.plans import (
    QuestionsModel,
    initiative_columns,
    kpi_columns,
    measurement_columns,
    survey_columns,
)
from ui.pages.base import Backdrop, LazyTab
from ui.pages.benefits import BenefitsTab
from ui.pages.importing import ImportPage
from ui.pages.survey_compare import SurveyComparisonView
from ui.session import Session, undo_text


def _vertical(parent: QWidget, *widgets: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.setChildrenCollapsible(False)
    for widget in widgets:
        splitter.addWidget(widget)
    return splitter


class EvidencePage(ImportPage):
    """Surveys and initiatives; drop survey exports anywhere on the page to import them."""

    import_kind = "survey"

    def __init__(
        self, session: Session, parent: QWidget | None = None, imports: ImportController | None = None
    ) -> None:
        super().__init__(session, parent, imports)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._surveys_tab(), "")
        self.tabs.addTab(self._initiatives_tab(), "")
        self.benefits_tab = LazyTab(self._benefits, self)  # built when first shown
        self.tabs.addTab(self.benefits_tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()
        self.on_survey_current_changed(self.survey_section.current())
        self.on_initiative_current_changed(self.initiative_section.current())

    @property
    def benefits(self) -> BenefitsTab:
        """The benefits' tab (built now if it was not yet)."""
        tab = self.benefits_tab.content()
        assert isinstance(tab, BenefitsTab)
        return tab

    def _benefits(self) -> BenefitsTab:
        tab = BenefitsTab(self.session, self)
        tab.retranslate()
        return tab

    # -- surveys -----------------------------------------------------------------------------

    def _surveys_tab(self) -> QWidget:
        session = self.session
        self.surveys = CollectionTableModel(session, SURVEYS, survey_columns(), parent=self)
        self.survey_section = Section(
            session, self.surveys, "pages.evidence.surveys", survey_fields(self._people), self._new_survey,
            "pages.noun.survey", self, vertical=True,
        )
        self.survey_section.panel.add_tool(self.import_button)
        self.questions = QuestionsModel(session, self)
        self.question_panel = TablePanel(self.questions, "pages.evidence.questions", self, auto_select=False)
        self.question_panel.add_button.hide()
        self.question_panel.remove_button.hide()
        self.question_panel.current_changed.connect(self.show_analysis)
        self.analysis = QTextBrowser(self)
        self.suggestions = QStringListModel(self)
        self.suggestion_view = QListView(self)
        self.suggestion_view.setModel(self.suggestions)
        self.suggestion_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.suggestion_view.setWordWrap(True)
        self.suggestion_view.setAlternatingRowColors(True)  # one finding per band: they do not run together
        self.suggestion_view.setSpacing(2)
        self.suggestion_view.doubleClicked.connect(self.accept_suggestion)
        self.accept_button = QPushButton(self)
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.suggestions_label = QLabel(self)
        self._question_id: str | None = None
        self.analysing = Backdrop(self, self._analysis_job, self._show_analysis_result)
        self.survey_chart = ChartView(self, 6.0, 3.0)
        self.survey_chart.set_builder(self._survey_spec)
        self.survey_section.current_changed.connect(self.on_survey_current_changed)
        self.survey_tabs = QTabWidget(self)
        self.survey_tabs.addTab(self._analysis_box(), "")
        self.survey_tabs.addTab(self.survey_chart, "")
        self.then_and_now = SurveyComparisonView(self)
        self.survey_tabs.addTab(self.then_and_now, "")
        right = _vertical(self, self.question_panel, self.survey_tabs)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.survey_section)
        splitter.addWidget(right)
        return splitter

    def _analysis_box(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.analysis, 3)
        column = QVBoxLayout()
        column.addWidget(self.suggestions_label)
        column.addWidget(self.suggestion_view)
        column.addWidget(self.accept_button)
        row.addLayout(column, 2)
        self.suggestions_label.setBuddy(self.suggestion_view)
        return box

    def survey(self) -> Survey | None:
        return self.questions.owner()

    def on_survey_current_changed(self, survey: Any) -> None:
        self.questions.set_owner(survey.id if survey is not None else None)
        self.then_and_now.show_survey(self.session.workspace, self.survey())
        self.show_analysis(None)
        self.survey_chart.invalidate()

    def show_analysis(self, question: Question | None) -> None:
        """The analysis of the selected question (or of the whole survey) and its suggested findings,
        made on a worker (a big survey takes long); meanwhile the analysis says it is being updated."""
        self._question_id = question.id if question is not None else None
        self.analysing.request()

    def _analysis_job(self) -> Any:
        """On the GUI thread: what the worker analyses (a survey is replaced by an edit, never changed)."""
        survey, question_id = self.survey(), self._question_id
        self.analysis.setPlaceholderText(tr("pages.updating"))
        self.analysis.clear()
        self.suggestions.setStringList([])
        self.accept_button.setEnabled(False)
        return lambda: analysis_of(survey, question_id)

    def _show_analysis_result(self, analysed: Analysed) -> None:
        self.analysis.setPlaceholderText("")
        self.analysis.setHtml(analysed.html)
        self.suggestions.setStringList(analysed.suggestions)
        self.accept_button.setEnabled(bool(analysed.suggestions))

    def accept_suggestion(self) -> None:
        """Add the selected suggestion to the survey's findings (one step of undo)."""
        survey, index = self.survey(), self.suggestion_view.currentIndex()
        if survey is None:
            return
        row = index.row() if index.isValid() else 0
        texts = self.suggestions.stringList()
        if not texts:
            return
        changed = dataclasses.replace(survey, findings=[*survey.findings, texts[row]])
        self.session.do(UpdateItem(SURVEYS, survey, changed), Message("pages.undo.finding"))

    def _survey_spec(self) -> Any:
        survey = self.survey()
        if survey is None or not any(q.kind == "likert" and q.scale for q in survey.questions):
            return None
        return built("survey_results", survey, current_language())  # (an edit replaces a survey, never changes it)

    def _new_survey(self) -> Survey:
        return Survey(id=self.session.store.new_id(SURVEYS), title="", date=self.session.store.clock.today())

    def _people(self) -> list[tuple[Any, str]]:
        return [(p.id, p.name) for p in self.session.workspace.stakeholders]

    # -- initiatives ---------------------------------------------------------------------------

    def _initiatives_tab(self) -> QWidget:
        session = self.session
        self.initiatives = CollectionTableModel(session, INITIATIVES, initiative_columns(), parent=self)
        self.initiative_section = Section(
            session, self.initiatives, "pages.evidence.initiatives", initiative_fields(self._people),
            self._new_initiative, "pages.noun.initiative", self, vertical=True,
        )
        self.kpis = NestedTableModel(session, INITIATIVES, kpi_columns(), ("kpis",), self)
        self.kpi_panel = TablePanel(self.kpis, "pages.evidence.kpis", self)
        self.kpi_panel.add_requested.connect(self.add_kpi)
        self.kpi_panel.remove_requested.connect(self.remove_kpi)
        self.kpi_panel.current_changed.connect(self.on_kpi_current_changed)
        self.measurements = NestedTableModel(
            session, INITIATIVES, measurement_columns(), ("kpis", "", "measurements"), self
        )
        self.measurement_panel = TablePanel(self.measurements, "pages.evidence.measurements", self)
        self.measurement_panel.add_requested.connect(self.focus_new_measurement)
        self.measurement_panel.remove_requested.connect(self.remove_measurement)
        self.kpi_chart = ChartView(self, 6.0, 3.0)
        self.kpi_chart.set_builder(self._kpi_spec)
        self.initiative_section.current_changed.connect(self.on_initiative_current_changed)
        self.kpi_tabs = QTabWidget(self)
        self.kpi_tabs.addTab(self._measurement_box(), "")
        self.kpi_tabs.addTab(self.kpi_chart, "")
        right = _vertical(self, self.kpi_panel, self.kpi_tabs)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.initiative_section)
        splitter.addWidget(right)
        return splitter

    def _measurement_box(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.measurement_panel)
        row = QHBoxLayout()
        self.measurement_date, self.measurement_value = QLineEdit(self), QLineEdit(self)
        self.measurement_date.setPlaceholderText(tr("pages.date_placeholder"))
        self.add_measurement_button = QPushButton(self)
        self.add_measurement_button.clicked.connect(self.add_measurement)
        self.measurement_value.returnPressed.connect(self.add_measurement)
        row.addWidget(self.measurement_date)
        row.addWidget(self.measurement_value)
        row.addWidget(self.add_measurement_button)
        column.addLayout(row)
        self.measurement_message = message_label(self)
        column.addWidget(self.measurement_message)
        return box

    def on_initiative_current_changed(self, initiative: Any) -> None:
        self.kpis.set_owner(initiative.id if initiative is not None else None)
        self.kpi_panel.add_button.setEnabled(initiative is not None)
        self.on_kpi_current_changed(self.kpi_panel.current())

    def on_kpi_current_changed(self, kpi: Any) -> None:
        owner = self.kpis.owner_id if kpi is not None else None
        self.measurements.set_owner(owner, ("kpis", kpi.id if kpi is not None else "", "measurements"))
        for widget in (self.measurement_date, self.measurement_value, self.add_measurement_button):
            widget.setEnabled(kpi is not None)
        self.measurement_panel.add_button.setEnabled(kpi is not None)
        if kpi is not None and not self.measurement_date.text():
            self.measurement_date.setText(self.session.store.clock.today().isoformat())

    def add_kpi(self) -> None:
        """Add a KPI to the selected initiative and select it for editing."""
        if self.kpis.owner_id is None:
            return
        taken = {k.id for i in self.session.workspace.initiatives for k in i.kpis}
        kpi = Kpi(id=fresh_id("k", taken), name=tr("pages.evidence.new_kpi"))
        self.kpis.replace_rows(lambda rows: rows.append(kpi), undo_text("add", "pages.noun.kpi"))
        self.kpi_panel.select(kpi.id)

    def remove_kpi(self, kpi: Kpi) -> None:
        self.kpis.replace_rows(
            lambda rows: rows.remove(next(k for k in rows if k.id == kpi.id)),
            undo_text("remove", "pages.noun.kpi"),
        )

    def focus_new_measurement(self) -> None:
        self.measurement_value.setFocus()

    def add_measurement(self) -> None:
        """Add the measurement typed below the table to the selected KPI (one step of undo)."""
        show_message(self.measurement_message, "")
        if self.measurements.owner() is None or not self.measurements.path[1]:
            return
        try:
            day = get_value(field(Measurement, "date"), self.measurement_date)
            value = get_value(field(Measurement, "value"), self.measurement_value)
            if not isinstance(day, dt.date) or value is None:
                raise InputError("pages.evidence.measurement_needed")
            measurement = Measurement(day, float(value))
            self.measurements.replace_rows(
                lambda rows: rows.append(measurement), undo_text("add", "pages.noun.measurement")
            )
        except BriefingError as error:
            show_message(self.measurement_message, error.message())
            return
        self.measurement_value.clear()

    def remove_measurement(self, measurement: Measurement) -> None:
        self.measurements.replace_rows(
            lambda rows: rows.remove(measurement), undo_text("remove", "pages.noun.measurement")
        )

    def _kpi_spec(self) -> Any:
        if not any(i.kpis for i in self.session.workspace.initiatives):
            return None
        return built("kpi_effects", snapshot(self.session.workspace), current_language())

    def _new_initiative(self) -> Initiative:
        return Initiative(id=self.session.store.new_id(INITIATIVES), title="")

    # -- following the workspace -----------------------------------------------------------------

    def on_changes(self, changes: list[Any]) -> None:
        if any(c.touches(SURVEYS) for c in changes):
            self.show_analysis(self.question_panel.current())
            self.survey_chart.invalidate()
            self.then_and_now.show_survey(self.session.workspace, self.survey())
        if any(c.touches(INITIATIVES) for c in changes):
            self.kpi_chart.invalidate()

    def on_imports_imported(self, collection: Collection[Entity], ids: list[str]) -> None:
        if collection is SURVEYS and ids:
            self.tabs.setCurrentIndex(0)
            self.survey_section.panel.select(ids[-1])

    def retranslate(self) -> None:
        self.tabs.setTabText(0, tr("pages.evidence.surveys"))
        self.tabs.setTabText(1, tr("pages.evidence.initiatives_tab").replace("&", "&&"))
        self.tabs.setTabText(2, tr("pages.evidence.benefits"))
        if self.benefits_tab.built:
            self.benefits.retranslate()
        self.survey_tabs.setTabText(0, tr("pages.evidence.analysis"))
        self.survey_tabs.setTabText(1, tr("pages.evidence.survey_chart"))
        self.survey_tabs.setTabText(2, tr("pages.compare.title"))
        self.then_and_now.retranslate()
        self.kpi_tabs.setTabText(0, tr("pages.evidence.measurements"))
        self.kpi_tabs.setTabText(1, tr("pages.evidence.kpi_chart"))
        for part in (self.survey_section, self.question_panel, self.initiative_section, self.kpi_panel,
                     self.measurement_panel):
            part.retranslate()
        self.import_button.setText(tr("pages.evidence.import"))
        self.measurement_date.setPlaceholderText(tr("pages.date_placeholder"))
        self.import_button.setToolTip(tr("pages.evidence.import_tip"))
        self.analysis.setAccessibleName(tr("pages.evidence.analysis"))
        self.suggestions_label.setText(tr("pages.evidence.suggestions"))
        self.suggestion_view.setAccessibleName(tr("pages.evidence.suggestions"))
        self.accept_button.setText(tr("pages.evidence.accept"))
        self.survey_chart.setAccessibleName(tr("pages.evidence.survey_chart"))
        self.kpi_chart.setAccessibleName(tr("pages.evidence.kpi_chart"))
        for chart in (self.survey_chart, self.kpi_chart):
            chart.set_placeholder(tr("pages.chart.empty"))
            chart.invalidate()
        self.measurement_date.setAccessibleName(tr("term.field.date"))
        self.measurement_value.setAccessibleName(tr("term.field.value"))
        self.measurement_value.setPlaceholderText(tr("term.field.value"))
        self.add_measurement_button.setText(tr("pages.evidence.add_measurement"))
        self.show_analysis(self.question_panel.current())
