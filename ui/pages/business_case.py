"""The Briefing page's business case: the cost of the phase asked, the yearly benefit (measured and estimated
apart), the payback, and which KPI the deck leads with, as the deck tells them.

The figures are sums over the workspace's benefits and one KPI effect per KPI: cheap enough to show afresh on
the GUI thread after every edit that may change them.

Signals:
    shown(): the figures show the workspace as it is now.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from briefing.deck.sections.context import Context
from briefing.deck.sections.facts import effect_sentence, headline_effect
from briefing.evidence.money import BusinessCase, business_case, whole_months
from briefing.i18n import current_language, format_money, tr
from briefing.model.collections import BENEFITS, CAMPAIGN, DECK, INITIATIVES, PHASES
from briefing.store import Change
from ui.session import Session

ROWS = ("phase", "yearly", "payback", "headline")


class BusinessCaseBox(QGroupBox):
    """The money of the ask and the KPI the deck leads with, one labelled line each."""

    shown = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("business_case")
        self.session = session
        self.labels = {row: QLabel(self) for row in ROWS}
        self.values = {row: QLabel(self) for row in ROWS}
        form = QFormLayout(self)
        for row in ROWS:
            self.values[row].setObjectName(f"business_case_{row}")
            self.values[row].setWordWrap(True)
            self.labels[row].setBuddy(self.values[row])
            form.addRow(self.labels[row], self.values[row])
        session.changed.connect(self.on_session_changed)
        self.retranslate()

    def on_session_changed(self, changes: list[Change]) -> None:
        if any(change.touches(BENEFITS, PHASES, CAMPAIGN, DECK, INITIATIVES) for change in changes):
            self.show_figures()

    def retranslate(self) -> None:
        self.setTitle(tr("pages.money.title"))
        for row, label in self.labels.items():
            label.setText(tr(f"pages.money.{row}"))
            self.values[row].setAccessibleName(tr(f"pages.money.{row}"))
        self.show_figures()

    def show_figures(self) -> None:
        """Put the business case's figures and the headline KPI as the workspace has them now."""
        workspace = self.session.workspace
        case = business_case(workspace)
        self.values["phase"].setText(phase_text(case))
        self.values["yearly"].setText(yearly_text(case))
        self.values["payback"].setText(payback_text(case))
        lead = headline_effect(workspace)
        if lead is None:
            self.values["headline"].setText(tr("pages.money.headline_none"))
        else:
            context = Context(workspace, workspace.deck, current_language(), self.session.store.clock.today())
            key = "headline_chosen" if workspace.deck.headline_kpi == lead.kpi.id else "headline_largest"
            self.values["headline"].setText(tr(f"pages.money.{key}", effect=effect_sentence(context, lead)))
        self.shown.emit()


def phase_text(case: BusinessCase) -> str:
    if case.phase is None:
        return tr("pages.money.phase_none")
    if case.cost is None:
        return tr("pages.money.phase_no_cost", phase=case.phase.name)
    return tr("pages.money.phase_cost", phase=case.phase.name, cost=format_money(case.cost, case.currency))


def yearly_text(case: BusinessCase) -> str:
    if not case.benefits:
        return tr("pages.money.yearly_none")
    return tr("pages.money.yearly_parts", total=format_money(case.yearly, case.currency),
              measured=format_money(case.measured, case.currency),
              estimated=format_money(case.estimated, case.currency))


def payback_text(case: BusinessCase) -> str:
    if case.payback_months is None:
        return tr("pages.money.payback_none")
    text = tr("pages.money.payback_months", count=whole_months(case.payback_months))
    if case.measured_apart and case.measured_payback_months is not None:
        text += " " + tr("pages.money.payback_measured", count=whole_months(case.measured_payback_months))
    elif not case.measured:
        text += " " + tr("pages.money.payback_estimated")
    return text
