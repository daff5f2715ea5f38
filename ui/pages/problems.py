"""Step 4, Problems & CSFs: the real problems, the critical success factors, and the matrix that
traces each CSF to the problems it solves and the initiatives and phases that deliver it.

The CSFs' table and form are built in a later turn of the event loop, once the page is painted (a
deferred ``LazyTab``): a first visit is two shorter events instead of one long one.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from briefing.i18n import tr
from briefing.model.collections import CSFS, PROBLEMS
from briefing.model.entities import Csf, Problem
from ui.forms.plans import csf_fields, problem_fields
from ui.forms.section import Section
from ui.models.collection import CollectionTableModel
from ui.models.plans import csf_columns, problem_columns
from ui.models.traceability import TraceabilityModel
from ui.pages.base import LazyTab, Page, share_evenly
from ui.session import Session
from ui.style import make_bold


class ProblemsPage(Page):
    """Problems and CSFs (tables with forms) and the traceability matrix (double-click or Space toggles)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.problems = CollectionTableModel(session, PROBLEMS, problem_columns(), parent=self)
        self.problem_section = Section(
            session, self.problems, "pages.problems.problems", problem_fields(), self._new_problem,
            "pages.noun.problem", self, vertical=True,
        )
        self.csfs = CollectionTableModel(session, CSFS, csf_columns(), parent=self)
        self.csf_tab = LazyTab(self._csf_section, self, deferred=True)  # built once the page is painted
        self.matrix = TraceabilityModel(session, self)
        self.matrix_label = QLabel(self)
        self.matrix_view = self._matrix_view()
        self._build()
        self.retranslate()

    def _matrix_view(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.matrix)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.setTabKeyNavigation(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setMaximumSectionSize(180)
        view.verticalHeader().setMaximumSectionSize(60)
        view.doubleClicked.connect(self.toggle)
        for keys in ("Space", "Return", "Enter"):
            shortcut = QShortcut(QKeySequence(keys), view, self.toggle_current)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        return view

    def _build(self) -> None:
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.setChildrenCollapsible(False)
        top.addWidget(self.problem_section)
        top.addWidget(self.csf_tab)
        share_evenly(top)  # (the CSFs are built later)
        bottom = QWidget(self)
        column = QVBoxLayout(bottom)
        column.setContentsMargins(0, 0, 0, 0)
        make_bold(self.matrix_label)
        self.matrix_label.setBuddy(self.matrix_view)
        column.addWidget(self.matrix_label)
        column.addWidget(self.matrix_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    @property
    def csf_section(self) -> Section:
        """The CSFs' table and form (built now if they were not yet)."""
        return self.csf_tab.content()

    def _csf_section(self) -> Section:
        section = Section(self.session, self.csfs, "pages.problems.csfs", csf_fields(), self._new_csf,
                          "pages.noun.csf", self, vertical=True)
        section.retranslate()
        return section

    def retranslate(self) -> None:
        self.problem_section.retranslate()
        self.csf_tab.retranslate()
        if self.csf_tab.built:
            self.csf_section.retranslate()
        self.matrix.retranslate()
        self.matrix_label.setText(tr("pages.problems.matrix"))
        self.matrix_view.setAccessibleName(tr("pages.problems.matrix"))
        self.matrix_view.setAccessibleDescription(tr("pages.problems.matrix_help"))
        self.matrix_view.setToolTip(tr("pages.problems.matrix_help"))

    def toggle(self, index: QModelIndex) -> None:
        self.matrix.toggle(index)

    def toggle_current(self) -> None:
        self.matrix.toggle(self.matrix_view.currentIndex())

    def _new_problem(self) -> Problem:
        return Problem(id=self.session.store.new_id(PROBLEMS), title="")

    def _new_csf(self) -> Csf:
        return Csf(id=self.session.store.new_id(CSFS), title="")
