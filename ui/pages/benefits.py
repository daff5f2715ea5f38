"""The Evidence page's benefits: money a year that an initiative saves or earns, measured in a pilot or
estimated at scale, with how it was computed; and the currency every amount of the campaign is in."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from briefing.edits import SetSingleton
from briefing.errors import BriefingError
from briefing.i18n import Message, tr
from briefing.model.collections import BENEFITS, CAMPAIGN, INITIATIVES
from briefing.model.entities import Benefit
from briefing.store import Change
from ui.forms.form import field_message, message_label, show_message
from ui.forms.plans import benefit_fields, kpi_options
from ui.forms.section import Section
from ui.models.collection import CollectionTableModel
from ui.models.plans import benefit_columns
from ui.session import Session


class BenefitsTab(QWidget):
    """The currency of the campaign above the benefits' table and form."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.currency_label = QLabel(self)
        self.currency = QLineEdit(self)
        self.currency.setObjectName("currency")
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(80)
        self.currency_label.setBuddy(self.currency)
        self.currency_message = message_label(self)
        self.model = CollectionTableModel(session, BENEFITS, benefit_columns(self.name_of), parent=self)
        self.section = Section(
            session, self.model, "pages.evidence.benefits", benefit_fields(self._kpis, self._initiatives),
            self._new_benefit, "pages.noun.benefit", self, vertical=True,
        )
        row = QHBoxLayout()
        row.addWidget(self.currency_label)
        row.addWidget(self.currency)
        row.addWidget(self.currency_message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.section, 1)
        self.currency.editingFinished.connect(self.on_currency_edited)
        session.changed.connect(self.on_session_changed)
        self.show_currency()

    def show_currency(self) -> None:
        self.currency.setText(self.session.workspace.campaign.currency)

    def on_session_changed(self, changes: list[Change]) -> None:
        if any(change.touches(CAMPAIGN) for change in changes):
            self.show_currency()
        if any(change.touches(INITIATIVES) for change in changes):
            self.model.retranslate()  # the names of the initiatives and KPIs shown

    def on_currency_edited(self) -> None:
        """Make the typed code the campaign's currency (one step of undo); a wrong one is said beside it."""
        old = self.session.workspace.campaign
        new = dataclasses.replace(old, currency=self.currency.text().strip().upper())
        if new == old:
            show_message(self.currency_message, "")
            return
        try:
            self.session.do(SetSingleton(CAMPAIGN, old, new), Message("pages.undo.edit",
                                                                       {"field": Message("term.field.currency")}))
        except BriefingError as error:
            show_message(self.currency_message, field_message(error, "term.field.currency"))
            return
        show_message(self.currency_message, "")

    def retranslate(self) -> None:
        self.currency_label.setText(tr("pages.evidence.currency"))
        self.currency.setAccessibleName(tr("term.field.currency"))
        self.currency.setToolTip(tr("term.help.currency"))
        self.section.retranslate()

    def name_of(self, item_id: str | None) -> str:
        """The title of the initiative, or the name of the KPI, whose id is ``item_id``."""
        for initiative in self.session.workspace.initiatives:
            if initiative.id == item_id:
                return initiative.title
            kpi = next((k for k in initiative.kpis if k.id == item_id), None)
            if kpi is not None:
                return kpi.name
        return ""

    def _kpis(self) -> list[tuple[Any, str]]:
        return kpi_options(self.session.workspace)

    def _initiatives(self) -> list[tuple[Any, str]]:
        return [(i.id, i.title) for i in self.session.workspace.initiatives]

    def _new_benefit(self) -> Benefit:
        return Benefit(id=self.session.store.new_id(BENEFITS), title="")
