"""Step 1, Allies: the stakeholder register, each person's dialogue log, the map and who is overdue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget

from briefing.i18n import current_language, tr
from briefing.model.collections import DIALOGUES, STAKEHOLDERS, Collection, Entity
from briefing.model.entities import Dialogue, Stakeholder
from briefing.model.snapshot import snapshot
from ui.charts import ChartView, built
from ui.forms.form import show_message
from ui.forms.panel import read_only_table
from ui.forms.people import dialogue_fields, stakeholder_fields
from ui.forms.section import Section
from ui.imports import ImportController
from ui.models.collection import CollectionTableModel
from ui.models.guide import overdue_model
from ui.models.people import dialogue_columns, stakeholder_columns
from ui.pages.importing import ImportPage
from ui.session import Session


class PeopleSection(Section):
    """Stakeholders; removing one asks first and says how many dialogues go with them."""

    def remove_question(self, item: Any) -> str:
        count = sum(1 for d in self.session.workspace.dialogues if d.stakeholder_id == item.id)
        return tr("pages.allies.remove_question", name=item.name, count=count)


class AlliesPage(ImportPage):
    """Stakeholders with their detail form, the selected person's dialogues, the map, the overdue list."""

    import_kind = "stakeholders"

    def __init__(
        self, session: Session, parent: QWidget | None = None, imports: ImportController | None = None
    ) -> None:
        super().__init__(session, parent, imports)
        self._person_id: str | None = None
        self._map_people: list[Stakeholder] = []
        self.stakeholders = CollectionTableModel(session, STAKEHOLDERS, stakeholder_columns(), parent=self)
        self.people = PeopleSection(
            session, self.stakeholders, "pages.allies.people", stakeholder_fields(), self._new_person,
            "pages.noun.stakeholder", self,
        )
        self.dialogues = CollectionTableModel(session, DIALOGUES, dialogue_columns(), self._of_person, self)
        self.log = Section(
            session, self.dialogues, "pages.allies.log", dialogue_fields(), self._new_dialogue,
            "pages.noun.dialogue", self,
        )
        self.map = ChartView(self, 7.0, 3.6)  # room for the longest legend (Danish) beside the plot
        self.map.drawn.connect(self.on_map_drawn)
        self.unnamed_label, self.unnamed = QLabel(self), QListWidget(self)
        self.map.set_builder(self._map_job)
        self.overdue = overdue_model(session)
        self.overdue.setParent(self)
        for signal in (self.overdue.rowsInserted, self.overdue.rowsRemoved, self.overdue.modelReset):
            signal.connect(self.show_overdue_count)
        self.overdue_view = self._overdue_view()
        self._build()
        self.people.panel.add_tool(self.import_button)
        self.people.followers.append(self.log)  # a person's dialogue is saved before another person shows
        self.people.current_changed.connect(self.on_people_current_changed)
        self.log.panel.add_requested.disconnect(self.log.start_new)
        self.log.panel.add_requested.connect(self.add_dialogue)
        self.retranslate()
        self.on_people_current_changed(self.person())

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.log, "")
        self.map_tab = self._map_tab()
        self.tabs.addTab(self.map_tab, "")
        self.tabs.addTab(self.overdue_view, "")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.people)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)  # the register and its form (the longer one) get the larger share
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _map_tab(self) -> QWidget:
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

    def _overdue_view(self) -> QTableView:
        view = read_only_table(self.overdue, self)
        view.activated.connect(self.on_overdue_activated)
        return view

    def retranslate(self) -> None:
        self.people.retranslate()
        self.log.retranslate()
        self._show_log_title(self.person())
        self.overdue.retranslate()
        self.tabs.setTabText(0, tr("pages.allies.log"))
        self.tabs.setTabText(1, tr("pages.allies.map"))
        self.show_overdue_count()
        self.overdue_view.setAccessibleName(tr("pages.allies.overdue_name"))
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
        self._person_id = person.id if person is not None else None
        self.dialogues.set_accept(self._of_person)
        self.log.panel.add_button.setEnabled(person is not None)
        self._show_log_title(person)

    def _show_log_title(self, person: Any) -> None:
        """"Dialogue log: <name>" for the selected person, else "Dialogue log"."""
        name = person.name if person is not None else ""
        self.log.panel.title.setText(tr("pages.allies.log_of", name=name) if name else tr("pages.allies.log"))

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

    def _of_person(self, dialogue: Dialogue) -> bool:
        return dialogue.stakeholder_id == self._person_id  # (asked once per dialogue: no lookup here)

    def _new_person(self) -> Stakeholder:
        return Stakeholder(id=self.session.store.new_id(STAKEHOLDERS), name="")

    def _new_dialogue(self) -> Dialogue:
        person = self.person()
        return Dialogue(
            id=self.session.store.new_id(DIALOGUES),
            stakeholder_id=person.id,
            date=self.session.store.clock.today(),
        )

    def add_dialogue(self) -> None:
        """Prepare a new dialogue with the selected person (dated today)."""
        if self.person() is None:
            show_message(self.log.panel.message, tr("pages.allies.pick_person"))
            return
        self.tabs.setCurrentWidget(self.log)
        self.log.start_new()

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
        self.unnamed_side.setVisible(bool(unnamed))
