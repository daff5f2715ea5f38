"""A stakeholder list's columns are the schema's fields: each field's own label is understood as its header."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.evidence.stakeholders import FIELDS, FLAGS, SCORES, import_stakeholders
from briefing.i18n import tr
from briefing.model.entities import Stakeholder
from briefing.model.schema import schema
from evidence.files import write_csv

ROW = {"name": "Ida Vestergaard", "role": "Salgschef", "department": "Salg", "influence": "4", "interest": "3",
       "drive": "5", "foresight": "2", "activities": "CRM-projekt", "stance": "supporter", "budget_holder": "ja",
       "decision_maker": "nej", "cadence_days": "21", "tags": "salg, crm", "notes": "Kaffe om fredagen",
       "named_in_decks": "x"}


def test_the_importable_fields_are_the_schemas() -> None:
    assert FIELDS == tuple(f.name for f in schema(Stakeholder) if f.name != "id") == tuple(ROW)
    assert SCORES == ("influence", "interest", "drive", "foresight")
    assert FLAGS == ("budget_holder", "decision_maker", "named_in_decks")


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_field_is_read_under_its_own_label(tmp_path: Path, lang: str) -> None:
    path = write_csv(tmp_path / "people.csv", [[tr(f"term.field.{name}", lang) for name in ROW], list(ROW.values())])
    person = import_stakeholders(path).added[0]
    assert (person.name, person.role, person.department, person.activities, person.notes) == (
        "Ida Vestergaard", "Salgschef", "Salg", "CRM-projekt", "Kaffe om fredagen")
    assert (person.influence, person.interest, person.drive, person.foresight, person.cadence_days) == (4, 3, 5, 2, 21)
    assert person.stance == "supporter" and person.budget_holder and not person.decision_maker
    assert person.tags == ["salg", "crm"]
    assert person.named_in_decks


@pytest.mark.parametrize(("header", "cells", "named"), [
    ("Må nævnes i præsentationer", ["ja", "nej", "1", "0", "x", ""], [True, False, True, False, True, False]),
    ("Named in decks", ["yes", "no", "X", "0", "1", ""], [True, False, True, False, True, False]),
])
def test_consent_to_be_named_is_read_in_both_languages(
    tmp_path: Path, header: str, cells: list[str], named: list[bool]
) -> None:
    rows = [["Navn", header], *([f"Person {i}", cell] for i, cell in enumerate(cells))]
    people = import_stakeholders(write_csv(tmp_path / "people.csv", rows)).added
    assert [person.named_in_decks for person in people] == named


def test_a_consent_that_is_neither_yes_nor_no_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "people.csv", [["Name", "Named in decks"], ["Ida", "maybe"]])
    with pytest.raises(InputError) as caught:
        import_stakeholders(path)
    assert "people.csv, line 2, column 2" in str(caught.value) and "maybe" in str(caught.value)
