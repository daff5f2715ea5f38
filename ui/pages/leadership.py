"""Step 2, Leadership: decision makers, their contacts in the window, the dose meter, and references."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from briefing.guide import dosing
from briefing.i18n import counted, current_language, format_date, tr
from briefing.model.collections import DIALOGUES, GUIDE, PRESENTATIONS, REFERENCES, STAKEHOLDERS
from briefing.model.entities import Reference
from briefing.model.snapshot import snapshot
from ui.charts import ChartView, built
from ui.forms.banner import Banner
from ui.forms.panel import fit_columns_soon, read_only_table
from ui.forms.people import reference_fields
from ui.forms.section import Section
from ui.models.collection import CollectionTableModel
from ui.models.guide import contacts_model
from ui.models.people import reference_columns, stakeholder_columns
from ui.pages.base import Page
from ui.session import Session
from ui.style import make_bold

LEADER_COLUMNS = ("term.field.name", "term.field.role", "term.field.stance", "term.field.influence",
                  "term.field.cadence_days")


def _is_leader(person: Any) -> bool:
    return bool(person.decision_maker)


class LeadershipPage(Page):
    """Who decides, how often they were contacted lately, and when to give them air.

    Signals:
        show_person(str): a decision maker was activated (double-click or Enter): open them on Allies,
            where their contacts are logged.
    """

    show_person = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        columns = [c for c in stakeholder_columns() if c.header in LEADER_COLUMNS]
        self.leaders = CollectionTableModel(session, STAKEHOLDERS, columns, _is_leader, self)
        self.contacts = contacts_model(session)
        self.contacts.setParent(self)
        self.references = CollectionTableModel(session, REFERENCES, reference_columns(), parent=self)
        self.reference_section = Section(
            session, self.references, "pages.leadership.references", reference_fields(), self._new_reference,
            "pages.noun.reference", self,
        )
        self.banner = Banner(self)
        self.dose_chart = ChartView(self, 6.0, 3.2)
        self.dose_chart.set_builder(self._dose_spec)
        self.leaders_label, self.leaders_view = QLabel(self), read_only_table(self.leaders, self)
        self.contacts_label, self.contacts_view = QLabel(self), read_only_table(self.contacts, self)
        self.leaders_view.activated.connect(self.on_leaders_view_activated)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        for label, view in ((self.leaders_label, self.leaders_view), (self.contacts_label, self.contacts_view)):
            make_bold(label)
            label.setBuddy(view)
            column.addWidget(label)
            column.addWidget(view)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(left)
        top.addWidget(self.dose_chart)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.reference_section)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter)

    def on_leaders_view_activated(self, index: QModelIndex) -> None:
        source = self.leaders_view.model().mapToSource(index)  # type: ignore[attr-defined]
        self.show_person.emit(self.leaders.item(source.row()).id)

    def retranslate(self) -> None:
        self.leaders_label.setText(tr("pages.leadership.leaders"))
        self.leaders_view.setAccessibleName(tr("pages.leadership.leaders"))
        self.leaders_view.setToolTip(tr("pages.leadership.leaders_tip"))
        self.dose_chart.setAccessibleName(tr("pages.leadership.dose"))
        self.leaders.retranslate()
        self.contacts.retranslate()
        fit_columns_soon(self.leaders_view)
        fit_columns_soon(self.contacts_view)
        self.reference_section.retranslate()
        self.refresh()

    def refresh(self) -> None:
        days = self.session.workspace.guide.leadership_window_days
        contacts = tr("pages.leadership.contacts", count=days)
        self.contacts_label.setText(contacts)
        self.contacts_view.setAccessibleName(contacts)
        self.show_dose()
        no_leaders = not self._has_leaders()
        self.dose_chart.set_placeholder(  # what the chart says when it has nothing to draw
            tr("pages.leadership.no_leaders") if no_leaders else tr("pages.leadership.no_contacts", count=days)
        )
        self.dose_chart.invalidate()

    def _has_leaders(self) -> bool:
        return any(_is_leader(person) for person in self.session.workspace.stakeholders)

    def on_changes(self, changes: list[Any]) -> None:
        if any(c.touches(STAKEHOLDERS, DIALOGUES, GUIDE, PRESENTATIONS) for c in changes):
            self.refreshing.request()  # at once while shown, else when next shown

    def show_dose(self) -> None:
        """The banner: give leadership air until a date, or how much room the window has left."""
        dose = dosing.dose(self.session.workspace, self.session.store.clock)
        contacts, days = len(dose.contacts), dose.window_days
        if not self._has_leaders():
            self.banner.show_message(tr("pages.leadership.no_leaders"), "warning")
        elif dose.air_until is not None:
            text = tr("pages.leadership.give_air", date=format_date(dose.air_until),
                      contacts=counted("contacts", contacts), references=counted("references", dose.references),
                      days=counted("last_days", days))
            self.banner.show_message(text, "warning")
        else:
            text = tr("pages.leadership.room", contacts=counted("contacts", contacts),
                      references=counted("references", dose.references), days=counted("last_days", days),
                      left=counted("contacts", max(dose.contacts_left, 0)),
                      refs_left=counted("references", max(dose.references_left, 0)))
            self.banner.show_message(text, "ok")

    def _dose_spec(self) -> Any:
        if not dosing.dose(self.session.workspace, self.session.store.clock).contacts:
            return None  # nothing in the window: the placeholder says so (an empty chart would say nothing)
        workspace, today = snapshot(self.session.workspace), self.session.store.clock.today()
        return built("leadership_dose", workspace, current_language(), today)

    def _new_reference(self) -> Reference:
        return Reference(id=self.session.store.new_id(REFERENCES), title="")

