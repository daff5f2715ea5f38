"""Step 3, Evidence: surveys (questions, analysis, findings, results chart), initiatives with
their KPIs and measurements (the KPI effects chart, ``ui.pages.initiatives``), and the benefits in money
(``ui.pages.benefits``). Survey files import by button or drag and drop.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.edits import UpdateItem
from briefing.i18n import Message, current_language, tr
from briefing.model.collections import SURVEYS, Collection, Entity
from briefing.model.entities import Question, Survey
from ui.charts import ChartView, built
from ui.forms.analysis import Analysed, analysis_of
from ui.forms.panel import TablePanel
from ui.forms.plans import survey_fields
from ui.forms.section import Section
from ui.imports import ImportController
from ui.models.collection import CollectionTableModel
from ui.models.plans import QuestionsModel, survey_columns
from ui.pages.base import Backdrop, LazyTab, splitter
from ui.pages.benefits import BenefitsTab
from ui.pages.importing import ImportPage
from ui.pages.initiatives import InitiativesTab
from ui.pages.survey_compare import SurveyComparisonView
from ui.session import Session


class EvidencePage(ImportPage):
    """Surveys, initiatives and benefits (the last two built when first shown); drop survey exports
    anywhere on the page to import them."""

    import_kind = "survey"

    def __init__(
        self, session: Session, parent: QWidget | None = None, imports: ImportController | None = None
    ) -> None:
        super().__init__(session, parent, imports)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._surveys_tab(), "")
        self.initiatives_tab = LazyTab(self._initiatives, self)  # built when first shown
        self.tabs.addTab(self.initiatives_tab, "")
        self.benefits_tab = LazyTab(self._benefits, self)  # built when first shown
        self.tabs.addTab(self.benefits_tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()
        self.on_survey_current_changed(self.survey_section.current())

    @property
    def initiative_tab(self) -> InitiativesTab:
        """The initiatives' tab (built now if it was not yet)."""
        return self.initiatives_tab.content()

    def _initiatives(self) -> InitiativesTab:
        tab = InitiativesTab(self.session, self._people, self)
        tab.retranslate()
        return tab

    @property
    def benefits(self) -> BenefitsTab:
        """The benefits' tab (built now if it was not yet)."""
        return self.benefits_tab.content()

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
        right = splitter(Qt.Orientation.Vertical, self, self.question_panel, self.survey_tabs)
        return splitter(Qt.Orientation.Horizontal, self, self.survey_section, right)

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

    # -- following the workspace -----------------------------------------------------------------

    def on_changes(self, changes: list[Any]) -> None:
        if any(c.touches(SURVEYS) for c in changes):
            self.show_analysis(self.question_panel.current())
            self.survey_chart.invalidate()
            self.then_and_now.show_survey(self.session.workspace, self.survey())

    def on_imports_imported(self, collection: Collection[Entity], ids: list[str]) -> None:
        if collection is SURVEYS and ids:
            self.tabs.setCurrentIndex(0)
            self.survey_section.panel.select(ids[-1])

    def retranslate(self) -> None:
        self.tabs.setTabText(0, tr("pages.evidence.surveys"))
        self.tabs.setTabText(1, tr("pages.evidence.initiatives_tab").replace("&", "&&"))
        self.tabs.setTabText(2, tr("pages.evidence.benefits"))
        if self.initiatives_tab.built:
            self.initiative_tab.retranslate()
        if self.benefits_tab.built:
            self.benefits.retranslate()
        self.survey_tabs.setTabText(0, tr("pages.evidence.analysis"))
        self.survey_tabs.setTabText(1, tr("pages.evidence.survey_chart"))
        self.survey_tabs.setTabText(2, tr("pages.compare.title"))
        self.then_and_now.retranslate()
        for part in (self.survey_section, self.question_panel):
            part.retranslate()
        self.import_button.setText(tr("pages.evidence.import"))
        self.import_button.setToolTip(tr("pages.evidence.import_tip"))
        self.analysis.setAccessibleName(tr("pages.evidence.analysis"))
        self.suggestions_label.setText(tr("pages.evidence.suggestions"))
        self.suggestion_view.setAccessibleName(tr("pages.evidence.suggestions"))
        self.accept_button.setText(tr("pages.evidence.accept"))
        self.survey_chart.setAccessibleName(tr("pages.evidence.survey_chart"))
        self.survey_chart.set_placeholder(tr("pages.chart.empty"))
        self.survey_chart.invalidate()
        self.show_analysis(self.question_panel.current())
