"""The Allies page's dialogue log: the dialogues with the person selected there, and the form that
logs a new one with them (dated today)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from briefing.i18n import tr
from briefing.model.collections import DIALOGUES, STAKEHOLDERS
from briefing.model.entities import Dialogue
from ui.forms.form import show_message
from ui.forms.people import dialogue_fields
from ui.forms.section import Section
from ui.models.collection import CollectionTableModel
from ui.models.people import dialogue_columns
from ui.session import Session


class DialogueLog(QWidget):
    """The dialogues with one person (``show_person``), titled "Dialogue log: <name>"; made for the
    person shown first, so that the dialogues are filtered once."""

    def __init__(self, session: Session, person: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._person_id: str | None = person.id if person is not None else None
        self.dialogues = CollectionTableModel(session, DIALOGUES, dialogue_columns(), self._of_person, self)
        self.section = Section(
            session, self.dialogues, "pages.allies.log", dialogue_fields(), self._new_dialogue,
            "pages.noun.dialogue", self,
        )
        self.section.panel.add_requested.disconnect(self.section.start_new)
        self.section.panel.add_requested.connect(self.add_dialogue)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.section)
        self.retranslate()

    def retranslate(self) -> None:
        self.section.retranslate()
        self._show_title()

    def show_person(self, person: Any) -> None:
        """Show the dialogues with ``person`` (None: nobody's, and nothing can be added)."""
        self._person_id = person.id if person is not None else None
        self.dialogues.set_accept(self._of_person)
        self._show_title()

    def _show_title(self) -> None:
        """"Dialogue log: <name>" for the person shown, else "Dialogue log"; adding needs a person."""
        person = STAKEHOLDERS.find(self.session.workspace, self._person_id) if self._person_id else None
        name = person.name if person is not None else ""
        self.section.panel.title.setText(tr("pages.allies.log_of", name=name) if name else tr("pages.allies.log"))
        self.section.panel.add_button.setEnabled(self._person_id is not None)

    def _of_person(self, dialogue: Dialogue) -> bool:
        return dialogue.stakeholder_id == self._person_id  # (asked once per dialogue: no lookup here)

    def _new_dialogue(self) -> Dialogue:
        assert self._person_id is not None, "a dialogue is added with the person shown"
        return Dialogue(
            id=self.session.store.new_id(DIALOGUES),
            stakeholder_id=self._person_id,
            date=self.session.store.clock.today(),
        )

    def add_dialogue(self) -> None:
        """Prepare a new dialogue with the person shown (dated today)."""
        if self._person_id is None:
            show_message(self.section.panel.message, tr("pages.allies.pick_person"))
            return
        self.section.start_new()
