"""Step 1, Allies: the stakeholder register, each person's dialogue log, the map and who is overdue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget

from briefing.i18n import current_language, tr
from briefing.model.collections import STAKEHOLDERS, Collection, Entity
from briefing.model.entities import Stakeholder
from briefing.model.snapshot import snapshot
from ui.charts import ChartView, built
from ui.forms.panel import read_only_table
from ui.forms.people import stakeholder_fields
from ui.forms.section import Section
from ui.imports import ImportController
from ui.models.collection import CollectionTableModel
from ui.models.guide import overdue_model
from ui.models.people import stakeholder_columns
from ui.pages.base import LazyTab
from ui.pages.dialogue_log import DialogueLog
from ui.pages.importing import ImportPage
from ui.session import Session

MAP_SHARE = 0.8
"""The map's share of its tab's width when the list of the people it leaves unnamed shows beside it."""


class PeopleSection(Section):
    """Stakeholders; removing one asks first and says how many dialogues go with them."""

    def remove_question(self, item: Any) -> str:
        count = sum(1 for d in self.session.workspace.dialogues if d.stakeholder_id == item.id)
        return tr("pages.allies.remove_question", name=item.name, count=count)


class AlliesPage(ImportPage):
    """Stakeholders with their detail form, the selected person's dialogues, the map, the overdue list.

    The dialogue log is built after the page is first shown (its tab says it is being updated until
    then), the overdue list when its tab is first shown: a first visit is two shorter events."""

    import_kind = "stakeholders"

    def __init__(
        self, session: Session, parent: QWidget | None = None, imports: ImportController | None = None
    ) -> None:
        super().__init__(session, parent, imports)
        self._map_people: list[Stakeholder] = []
        self.stakeholders = CollectionTableModel(session, STAKEHOLDERS, stakeholder_columns(), parent=self)
        self.people = PeopleSection(
            session, self.stakeholders, "pages.allies.people", stakeholder_fields(), self._new_person,
            "pages.noun.stakeholder", self,
        )
        self.log_tab = LazyTab(self._dialogue_log, self, deferred=True)
        self.map = ChartView(self, 7.0, 3.6)  # room for the longest legend (Danish) beside the plot
        self.map.drawn.connect(self.on_map_drawn)
        self.unnamed_label, self.unnamed = QLabel(self), QListWidget(self)
        self.map.set_builder(self._map_job)
        self.overdue = overdue_model(session)
        self.overdue.setParent(self)
        for signal in (self.overdue.rowsInserted, self.overdue.rowsRemoved, self.overdue.modelReset):
            signal.connect(self.show_overdue_count)
        self.overdue_tab = LazyTab(self._overdue_view, self)
        self._build()
        self.people.panel.add_tool(self.import_button)
        self.people.current_changed.connect(self.on_people_current_changed)
        self.retranslate()

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.log_tab, "")
        self.map_tab = self._map_tab()
        self.tabs.addTab(self.map_tab, "")
        self.tabs.addTab(self.overdue_tab, "")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.people)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)  # the register and its form (the longer one) get the larger share
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _map_tab(self) -> QSplitter:
        """The map, and beside it the people it shows without a name (past what stays legible)."""
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.unnamed_label.setWordWrap(True)
        self.unnamed_label.setBuddy(self.unnamed)
        column.addWidget(self.unnamed_label)
        column.addWidget(self.unnamed, 1)
        side.setVisible(False)
        self.unnamed_side = side
        tab = QSplitter(Qt.Orientation.Horizontal, self)
        tab.addWidget(self.map)
        tab.addWidget(side)
        tab.setStretchFactor(0, 4)
        tab.setStretchFactor(1, 1)
        return tab

    # -- the tabs built when first shown -----------------------------------------------------

    @property
    def dialogue_log(self) -> DialogueLog:
        """The selected person's dialogue log (built now if it was not yet)."""
        return self.log_tab.content()

    @property
    def log(self) -> Section:
        """The dialogue log's table and form (built now if they were not yet)."""
        return self.dialogue_log.section

    @property
    def dialogues(self) -> CollectionTableModel:
        """The selected person's dialogues (the log built now if it was not yet)."""
        return self.dialogue_log.dialogues

    def _dialogue_log(self) -> DialogueLog:
        """The log of the person selected now; it follows the selection from then on."""
        log = DialogueLog(self.session, self.person(), self)
        self.people.followers.append(log.section)  # a person's dialogue is saved before another person shows
        return log

    @property
    def overdue_view(self) -> QTableView:
        """The table of the allies past their cadence (built now if it was not yet)."""
        return self.overdue_tab.content()

    def _overdue_view(self) -> QTableView:
        view = read_only_table(self.overdue, self)
        view.activated.connect(self.on_overdue_activated)
        self._name_overdue_view(view)
        return view

    def _name_overdue_view(self, view: QTableView) -> None:
        view.setAccessibleName(tr("pages.allies.overdue_name"))

    def retranslate(self) -> None:
        self.people.retranslate()
        self.log_tab.retranslate()
        if self.log_tab.built:
            self.dialogue_log.retranslate()
        self.overdue.retranslate()
        self.tabs.setTabText(0, tr("pages.allies.log"))
        self.tabs.setTabText(1, tr("pages.allies.map"))
        self.show_overdue_count()
        if self.overdue_tab.built:
            self._name_overdue_view(self.overdue_view)
        self.map.setAccessibleName(tr("pages.allies.map"))
        self.map.set_placeholder(tr("pages.chart.empty"))
        self.unnamed.setAccessibleName(tr("pages.allies.unnamed_name"))
        self.unnamed_label.setText(tr("pages.allies.unnamed", n=self.unnamed.count()))
        self.import_button.setText(tr("pages.allies.import"))
        self.import_button.setToolTip(tr("pages.allies.import_tip"))
        self.map.invalidate()

    # -- following the workspace -------------------------------------------------------------

    def refresh(self) -> None:
        self.map.invalidate()

    def on_changes(self, changes: list[Any]) -> None:
        if any(c.touches(STAKEHOLDERS) for c in changes):
            self.map.invalidate()

    def show_overdue_count(self) -> None:
        self.tabs.setTabText(2, tr("pages.allies.overdue", n=self.overdue.rowCount()))

    def on_people_current_changed(self, person: Any) -> None:
        self.follow_person(person)

    def follow_person(self, person: Any) -> None:
        """The dialogue log shows ``person``'s dialogues (once built: it is built for the person then selected)."""
        if self.log_tab.built:
            self.dialogue_log.show_person(person)

    def on_overdue_activated(self, index: QModelIndex) -> None:
        self.people.panel.select(str(index.data(Qt.ItemDataRole.UserRole + 2)))

    def on_imports_imported(self, collection: Collection[Entity], ids: list[str]) -> None:
        if collection is STAKEHOLDERS and ids:
            self.people.panel.select(ids[0])

    # -- new items -------------------------------------------------------------------------

    def open_person(self, stakeholder_id: str) -> None:
        """Select ``stakeholder_id`` and show their dialogue log, ready for a new contact."""
        self.people.panel.select(stakeholder_id)
        self.tabs.setCurrentIndex(0)

    def person(self) -> Any:
        return self.people.current()

    def _new_person(self) -> Stakeholder:
        return Stakeholder(id=self.session.store.new_id(STAKEHOLDERS), name="")

    def add_dialogue(self) -> None:
        """Show the dialogue log and prepare a new dialogue with the selected person (dated today)."""
        self.tabs.setCurrentWidget(self.log_tab)
        self.dialogue_log.add_dialogue()

    def _map_job(self) -> Any:
        """The map, made on the chart's worker from a copy of the workspace (None: nobody to show)."""
        if not self.session.workspace.stakeholders:
            self._map_people = []
            return None
        workspace, lang = snapshot(self.session.workspace), current_language()
        self._map_people = workspace.stakeholders  # the newest request's people: the map drawn last
        return built("stakeholder_map", workspace, lang)

    def on_map_drawn(self, spec: Any) -> None:
        """List the people the map shows without a name, the most influential first."""
        from briefing.charts import build

        unnamed = build.map_unnamed(self._map_people, spec) if spec is not None else []
        self.unnamed.clear()
        self.unnamed.addItems([p.name for p in unnamed])
        self.unnamed_label.setText(tr("pages.allies.unnamed", n=len(unnamed)))
        if bool(unnamed) == self.unnamed_side.isHidden():  # it (dis)appears: the map keeps most of the tab
            self.unnamed_side.setVisible(bool(unnamed))
            width = self.map_tab.width()
            self.map_tab.setSizes([round(width * MAP_SHARE), width - round(width * MAP_SHARE)])

