"""Stakeholder lists kept in Excel, in Danish or English, come in once and only once."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.evidence.stakeholders import StakeholderMapping, import_stakeholders
from briefing.model.entities import Stakeholder
from evidence.files import write_csv, write_xlsx


@pytest.fixture
def danish_list(samples: Path) -> Path:
    return samples / "stakeholders-da.csv"


def test_the_danish_sample(danish_list: Path) -> None:
    result = import_stakeholders(danish_list)
    people = {p.name: p for p in result.added}
    assert list(people) == ["Mette Kjær", "Søren Ølgaard", "Anne-Sofie Bæk", "Jens Åberg", "Lærke Holm",
                            "Peter Nørgaard"]
    mette, soren = people["Mette Kjær"], people["Søren Ølgaard"]
    assert (mette.role, mette.department) == ("Direktør for Juridisk", "Juridisk")
    assert (mette.influence, mette.interest) == (5, 4)
    assert mette.stance == "supporter" and mette.budget_holder
    assert soren.stance == "skeptic" and soren.notes == 'Vil se tal: "hvad sparer vi?"'
    assert people["Anne-Sofie Bæk"].stance == "champion" and not people["Anne-Sofie Bæk"].budget_holder
    assert len({p.id for p in result.added}) == 6


def test_english_headers_in_a_workbook(tmp_path: Path) -> None:
    rows = [
        ["Name", "Role", "Department", "Influence", "Interest", "Drive", "Foresight", "Stance", "Budget holder",
         "Decision maker", "Cadence (days)", "Tags", "Notes"],
        ["Ann Lee", "CFO", "Finance", 5, 2, 3, 4, "Sceptical", "yes", "Yes", 14, "finance; board", "Wants numbers"],
        ["Bo Berg", "Lead", "IT", "high", "low", None, None, "blocker", "no", "", None, None, None],
    ]
    result = import_stakeholders(write_xlsx(tmp_path / "people.xlsx", rows))
    ann, bo = result.added
    assert (ann.stance, ann.decision_maker, ann.cadence_days, ann.tags) == ("skeptic", True, 14, ["finance", "board"])
    assert (ann.drive, ann.foresight) == (3, 4)
    assert (bo.influence, bo.interest, bo.drive, bo.stance, bo.cadence_days) == (4, 2, 3, "blocker", 30)


@pytest.mark.parametrize(
    ("word", "stance"),
    [("modstander", "blocker"), ("Skeptiker", "skeptic"), ("neutral", "neutral"), ("tilhænger", "supporter"),
     ("forkæmper", "champion"), ("støtter", "supporter"), ("champion", "champion"), ("opponent", "blocker")],
)
def test_stance_words_in_both_languages(tmp_path: Path, word: str, stance: str) -> None:
    path = write_csv(tmp_path / "s.csv", [["Navn", "Holdning"], ["X", word]], ";")
    assert import_stakeholders(path).added[0].stance == stance


def test_existing_names_are_reported_not_duplicated(danish_list: Path) -> None:
    existing = [Stakeholder(id="p1", name="mette  kjær", role="Direktør for Juridisk", department="Juridisk",
                            influence=5, interest=4, stance="supporter", budget_holder=True,
                            notes="Ejer kontraktproblemet"),
                Stakeholder(id="p2", name="Søren Ølgaard", stance="neutral")]
    result = import_stakeholders(danish_list, existing)
    assert [p.name for p in result.added] == ["Anne-Sofie Bæk", "Jens Åberg", "Lærke Holm", "Peter Nørgaard"]
    assert result.skipped == ["mette  kjær", "Søren Ølgaard"]
    messages = [n.message("en") for n in result.notices]
    assert any("Søren Ølgaard" in m and "differs" in m and "stance" in m for m in messages)
    assert {p.id for p in result.added}.isdisjoint({"p1", "p2"})
    updated = import_stakeholders(danish_list, existing, update=True).updated
    assert [(p.id, p.stance, p.influence) for p in updated] == [("p2", "skeptic", 5)]


def test_a_name_twice_in_the_file_is_added_once(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "twice.csv", [["Name", "Role"], ["Ann", "CFO"], ["ann", "CEO"], ["", "nobody"]])
    result = import_stakeholders(path)
    assert [p.name for p in result.added] == ["Ann"] and result.skipped == ["Ann"]
    assert any("line 4" in str(n) for n in result.notices)  # the row without a name


def test_a_mapping_names_unusual_columns(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "own.csv", [["Fulde navn", "Stilling", "Påvirkning", "Syn på sagen"],
                                            ["Ann", "CFO", "4", "skeptisk"]], ";")
    mapping = StakeholderMapping.parse("name=Fulde navn;role=B;influence=3;stance=Syn på sagen")
    person = import_stakeholders(path, mapping=mapping).added[0]
    assert (person.name, person.role, person.influence, person.stance) == ("Ann", "CFO", 4, "skeptic")


@pytest.mark.parametrize(
    ("row", "place"),
    [
        (["Ann", "7", "tilhænger", "ja"], "line 3, column 2"),
        (["Ann", "4", "venlig", "ja"], "line 3, column 3"),
        (["Ann", "4", "tilhænger", "måske"], "line 3, column 4"),
    ],
)
def test_a_bad_cell_refuses_the_whole_file_naming_row_and_column(tmp_path: Path, row: list[str], place: str) -> None:
    rows = [["Navn", "Indflydelse", "Holdning", "Budgetansvarlig"], ["Bo", "3", "neutral", "nej"], row]
    path = write_csv(tmp_path / "bad.csv", rows, ";")
    with pytest.raises(InputError) as caught:
        import_stakeholders(path)
    assert str(path) in str(caught.value) and place in str(caught.value)


def test_without_a_name_column_the_message_lists_the_columns(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["Medarbejder", "Afdeling"], ["Ann", "IT"]])
    with pytest.raises(InputError) as caught:
        import_stakeholders(path)
    assert "Medarbejder" in caught.value.message("da") and "--mapping" in caught.value.message("da")
