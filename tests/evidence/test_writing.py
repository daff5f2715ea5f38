"""What the app writes as CSV or XLSX never turns into a formula when a spreadsheet opens it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from briefing.evidence.stakeholders import import_stakeholders
from briefing.evidence.surveys import import_survey
from briefing.evidence.writing import export_stakeholders, export_survey, neutralise, write_csv, write_xlsx
from briefing.model.entities import Stakeholder

TRAPS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3*4", "@SUM(A1)", "\tlead", "\rlead", "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("text", TRAPS)
def test_formula_triggers_are_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert neutralise("plain") == "plain" and neutralise(-3) == -3 and neutralise(None) is None


def test_csv_read_back_has_no_formula(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["=header", "ok"], [[t, -5] for t in TRAPS])
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0] == ["'=header", "ok"]
    assert [row[0] for row in rows[1:]] == ["'" + t for t in TRAPS]
    assert {row[1] for row in rows[1:]} == {"-5"}  # a real number stays a number


def test_xlsx_read_back_has_no_formula(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, {"Data": (["=header"], [[t] for t in TRAPS] + [["bell\x07 and nul\x00"], [-5]])})
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Data"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert [c.value for c in cells[1:8]] == ["'" + t for t in TRAPS]
    assert cells[8].value == "bell and nul" and cells[9].value == -5
    workbook.close()


def test_a_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["a"], [["first"]])
    before = path.read_bytes()
    from briefing.errors import InputError

    with pytest.raises(InputError):
        write_csv(tmp_path / "missing-folder" / "out.csv", ["a"], [["second"]])
    assert path.read_bytes() == before


def test_survey_export_has_results_and_responses(tmp_path: Path, google: Path) -> None:
    survey = import_survey(google).survey
    survey.questions[4].text = "=1+1 is the question"
    target = tmp_path / "results.xlsx"
    export_survey(survey, target, "da")
    workbook = openpyxl.load_workbook(target, read_only=True)
    assert workbook.sheetnames == ["Resultater", "Besvarelser"]
    results = list(workbook["Resultater"].iter_rows(values_only=True))
    responses = list(workbook["Besvarelser"].iter_rows(values_only=True))
    workbook.close()
    assert results[0][:4] == ("Spørgsmål", "Type", "n", "Svar")
    row = ("I can quickly find the contracts I need", "Likert-skala", 48, "Strongly disagree")
    assert row in [r[:4] for r in results]
    assert len(responses) == 49 and responses[0][5] == "'=1+1 is the question"


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_stakeholder_list_exports_and_imports_back(tmp_path: Path, lang: str, suffix: str) -> None:
    people = [
        Stakeholder(id="p1", name="Søren Ølgaard", role="=CFO", influence=5, stance="skeptic", budget_holder=True,
                    tags=["økonomi", "board"], notes="-vil se tal"),
        Stakeholder(id="p2", name="Anne", stance="champion", cadence_days=14),
    ]
    path = tmp_path / f"people-{lang}{suffix}"
    export_stakeholders(people, path, lang)
    back = import_stakeholders(path).added
    assert [(p.name, p.stance, p.budget_holder, p.influence, p.cadence_days, p.tags) for p in back] == [
        (p.name, p.stance, p.budget_holder, p.influence, p.cadence_days, p.tags) for p in people]
    assert (back[0].role, back[0].notes) == ("=CFO", "-vil se tal")  # the neutralising apostrophe is removed
