"""The Evidence page's initiatives: each with its KPIs, a KPI's measurements over time, and the chart of
every KPI's effect."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

from briefing.errors import BriefingError, InputError
from briefing.i18n import current_language, tr
from briefing.model.collections import INITIATIVES
from briefing.model.entities import Initiative, Kpi, Measurement
from briefing.model.ids import fresh_id
from briefing.model.snapshot import snapshot
from briefing.store import Change
from ui.charts import ChartView, built
from ui.forms.fields import Options, field, get_value
from ui.forms.form import message_label, show_message
from ui.forms.panel import TablePanel
from ui.forms.plans import initiative_fields
from ui.forms.section import Section
from ui.models.collection import CollectionTableModel, NestedTableModel
from ui.models.plans import initiative_columns, kpi_columns, measurement_columns
from ui.pages.base import splitter
from ui.session import Session, undo_text


class InitiativesTab(QWidget):
    """The initiatives' table and form beside the selected initiative's KPIs, with the selected KPI's
    measurements (added below their table) and the KPI effects chart."""

    def __init__(self, session: Session, people: Options, parent: QWidget | None = None) -> None:
        """``people``: the choices for an initiative's sponsor."""
        super().__init__(parent)
        self.session = session
        self.initiatives = CollectionTableModel(session, INITIATIVES, initiative_columns(), parent=self)
        self.initiative_section = Section(
            session, self.initiatives, "pages.evidence.initiatives", initiative_fields(people),
            self._new_initiative, "pages.noun.initiative", self, vertical=True,
        )
        self.kpis = NestedTableModel(session, INITIATIVES, kpi_columns(), ("kpis",), self)
        self.kpi_panel = TablePanel(self.kpis, "pages.evidence.kpis", self)
        self.measurements = NestedTableModel(
            session, INITIATIVES, measurement_columns(), ("kpis", "", "measurements"), self
        )
        self.measurement_panel = TablePanel(self.measurements, "pages.evidence.measurements", self)
        self.kpi_chart = ChartView(self, 6.0, 3.0)
        self.kpi_chart.set_builder(self._kpi_spec)
        self.kpi_tabs = QTabWidget(self)
        self.kpi_tabs.addTab(self._measurement_box(), "")
        self.kpi_tabs.addTab(self.kpi_chart, "")
        right = splitter(Qt.Orientation.Vertical, self, self.kpi_panel, self.kpi_tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter(Qt.Orientation.Horizontal, self, self.initiative_section, right))
        self._connect()
        self.on_initiative_current_changed(self.initiative_section.current())

    def _connect(self) -> None:
        self.initiative_section.current_changed.connect(self.on_initiative_current_changed)
        self.kpi_panel.add_requested.connect(self.add_kpi)
        self.kpi_panel.remove_requested.connect(self.remove_kpi)
        self.kpi_panel.current_changed.connect(self.on_kpi_current_changed)
        self.measurement_panel.add_requested.connect(self.focus_new_measurement)
        self.measurement_panel.remove_requested.connect(self.remove_measurement)
        self.add_measurement_button.clicked.connect(self.add_measurement)
        self.measurement_value.returnPressed.connect(self.add_measurement)
        self.session.changed.connect(self.on_session_changed)

    def _measurement_box(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.measurement_panel)
        row = QHBoxLayout()
        self.measurement_date, self.measurement_value = QLineEdit(self), QLineEdit(self)
        self.add_measurement_button = QPushButton(self)
        row.addWidget(self.measurement_date)
        row.addWidget(self.measurement_value)
        row.addWidget(self.add_measurement_button)
        column.addLayout(row)
        self.measurement_message = message_label(self)
        column.addWidget(self.measurement_message)
        return box

    def on_session_changed(self, changes: list[Change]) -> None:
        if any(change.touches(INITIATIVES) for change in changes):
            self.kpi_chart.invalidate()

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

    def retranslate(self) -> None:
        self.kpi_tabs.setTabText(0, tr("pages.evidence.measurements"))
        self.kpi_tabs.setTabText(1, tr("pages.evidence.kpi_chart"))
        for part in (self.initiative_section, self.kpi_panel, self.measurement_panel):
            part.retranslate()
        self.measurement_date.setPlaceholderText(tr("pages.date_placeholder"))
        self.measurement_date.setAccessibleName(tr("term.field.date"))
        self.measurement_value.setAccessibleName(tr("term.field.value"))
        self.measurement_value.setPlaceholderText(tr("term.field.value"))
        self.add_measurement_button.setText(tr("pages.evidence.add_measurement"))
        self.kpi_chart.setAccessibleName(tr("pages.evidence.kpi_chart"))
        self.kpi_chart.set_placeholder(tr("pages.chart.empty"))
        self.kpi_chart.invalidate()
