"""Step 5, Roadmap: the phases of the plan, their timeline, and a warning when it starts risky."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from briefing.i18n import current_language, term, tr
from briefing.model.collections import PHASES
from briefing.model.entities import Deliverable, Phase
from briefing.model.snapshot import snapshot
from ui.charts import ChartView, built
from ui.forms.banner import Banner
from ui.forms.panel import TablePanel
from ui.forms.plans import phase_fields
from ui.forms.section import Section
from ui.models.collection import CollectionTableModel, NestedTableModel
from ui.models.plans import deliverable_columns, phase_columns
from ui.pages.base import Page
from ui.session import Session, undo_text


def first_phase(phases: list[Phase]) -> Phase | None:
    """The phase the plan starts with: the earliest start (undated phases after dated ones)."""
    if not phases:
        return None
    dated = [(p.start, position, p) for position, p in enumerate(phases) if p.start is not None]
    return min(dated)[2] if dated else phases[0]


class RoadmapPage(Page):
    """Phases (status, dates, objectives, cost, risk, outcome), their deliverables, and the timeline."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.phases = CollectionTableModel(session, PHASES, phase_columns(), parent=self)
        self.section = Section(
            session, self.phases, "pages.roadmap.phases", phase_fields(), self._new_phase, "pages.noun.phase", self
        )
        self.deliverables = NestedTableModel(session, PHASES, deliverable_columns(), ("deliverables",), self)
        self.deliverable_panel = TablePanel(self.deliverables, "pages.roadmap.deliverables", self)
        self.deliverable_panel.setObjectName("deliverables")
        self.deliverable_panel.add_requested.connect(self.add_deliverable)
        self.deliverable_panel.remove_requested.connect(self.remove_deliverable)
        self.section.current_changed.connect(self.on_phase_current_changed)
        self.banner = Banner(self)
        self.timeline = ChartView(self, 8.0, 3.0)
        self.timeline.set_builder(self._timeline_spec)
        self.timeline.setMinimumHeight(320)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.section)
        splitter.addWidget(self.deliverable_panel)
        splitter.addWidget(self.timeline)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter)
        self.retranslate()
        self.on_phase_current_changed(self.section.current())

    def retranslate(self) -> None:
        self.section.retranslate()
        self.deliverable_panel.retranslate()
        self.timeline.setAccessibleName(tr("pages.roadmap.timeline"))
        self.timeline.set_placeholder(tr("pages.roadmap.no_dates"))
        self.refresh()

    def refresh(self) -> None:
        self.check_start()
        self.timeline.invalidate()

    def on_changes(self, changes: list[Any]) -> None:
        if any(c.touches(PHASES) for c in changes):
            self.refresh()

    def check_start(self) -> None:
        """Warn when the plan does not start with a low-risk phase."""
        first = first_phase(self.session.workspace.phases)
        if first is not None and first.risk != "low":
            risk = term("risk", first.risk, lower=True)
            self.banner.show_message(tr("pages.roadmap.risky_start", name=first.name, risk=risk), "warning")
        else:
            self.banner.show_message("")

    def _timeline_spec(self) -> Any:
        ws = self.session.workspace
        if not any(p.start and p.end for p in ws.phases):
            return None
        return built("roadmap_timeline", snapshot(ws), current_language(), self.session.store.clock.today())

    def on_phase_current_changed(self, phase: Any) -> None:
        self.deliverables.set_owner(phase.id if phase is not None else None)
        self.deliverable_panel.add_button.setEnabled(phase is not None)

    def add_deliverable(self) -> None:
        """Add a deliverable to the selected phase (one step of undo), its title to be typed over."""
        if self.deliverables.owner() is None:
            return
        deliverable = Deliverable(title=tr("pages.roadmap.new_deliverable"))
        self.deliverables.replace_rows(
            lambda rows: rows.append(deliverable), undo_text("add", "pages.noun.deliverable")
        )
        self.deliverable_panel.view.setCurrentIndex(
            self.deliverable_panel.proxy.mapFromSource(self.deliverables.index(self.deliverables.rowCount() - 1, 0))
        )

    def remove_deliverable(self, deliverable: Deliverable) -> None:
        self.deliverables.replace_rows(
            lambda rows: rows.remove(deliverable), undo_text("remove", "pages.noun.deliverable")
        )

    def _new_phase(self) -> Phase:
        return Phase(id=self.session.store.new_id(PHASES), name="")
