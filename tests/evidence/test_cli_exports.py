"""`briefing export-survey` and `export-stakeholders`: files a spreadsheet opens safely and the importer reads back."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from briefing.cli import main
from briefing.model.collections import STAKEHOLDERS
from briefing.model.entities import Stakeholder
from briefing.store import WorkspaceStore


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    assert main(["demo", "--workspace", str(folder)]) == 0
    with WorkspaceStore.open(folder) as store:
        store.add(STAKEHOLDERS, Stakeholder(id="evil", name="=HYPERLINK(\"http://x\")", role="@SUM(A1)"))
    return folder


def test_a_survey_exports_to_xlsx_with_results_and_responses(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "q1.xlsx"
    assert main(["export-survey", "--workspace", str(workspace), "--survey", "q1", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert len(book.sheetnames) == 2
    responses = book.worksheets[1]
    assert responses.max_row == 52 + 1
    assert not [c.coordinate for row in book.worksheets[0].iter_rows() for c in row if c.data_type == "f"]


def test_the_stakeholder_list_round_trips_and_neutralises_formulas(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "people.csv"
    assert main(["export-stakeholders", "--workspace", str(workspace), "--out", str(out)]) == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    evil = next(row for row in rows if "HYPERLINK" in row[0])
    assert not evil[0].startswith("=") and not evil[1].startswith("@")
    fresh = tmp_path / "fresh"
    assert main(["import-stakeholders", "--workspace", str(fresh), str(out)]) == 0
    with WorkspaceStore.open(fresh) as store, WorkspaceStore.open(workspace) as original:
        assert len(store.workspace.stakeholders) == len(original.workspace.stakeholders)
        assert {s.stance for s in store.workspace.stakeholders} == {s.stance for s in original.workspace.stakeholders}


def test_an_unknown_survey_or_suffix_is_refused_naming_it(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = str(tmp_path / "x.xlsx")
    assert main(["export-survey", "--workspace", str(workspace), "--survey", "nope", "--out", target]) == 2
    assert "nope" in capsys.readouterr().err
    assert main(["export-stakeholders", "--workspace", str(workspace), "--out", str(tmp_path / "x.pdf")]) == 2
    assert "x.pdf" in capsys.readouterr().err
