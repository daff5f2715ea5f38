"""Survey files as users have them: the shared samples and the variants Excel makes of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.files import csv_rows, danish_excel_cell, forms_with, sheet_rows, write_csv, write_xlsx

GOOGLE = "surveys/googleforms-knowledge-pulse-en.csv"
MSFORMS = "surveys/msforms-videndeling-da.xlsx"
MONKEY = "surveys/surveymonkey-videndeling-da.csv"


@pytest.fixture
def google(samples: Path) -> Path:
    return samples / GOOGLE


@pytest.fixture
def msforms(samples: Path) -> Path:
    return samples / MSFORMS


@pytest.fixture
def monkey(samples: Path) -> Path:
    return samples / MONKEY


@pytest.fixture
def forms_danish_csv(msforms: Path, tmp_path: Path) -> Path:
    """The Forms workbook re-saved by a Danish Excel as CSV: semicolons, Windows-1252, decimal commas."""
    rows = [[danish_excel_cell(v) for v in row] for row in sheet_rows(msforms)]
    return write_csv(tmp_path / "forms-da-excel.csv", rows, ";", "cp1252")


@pytest.fixture
def google_danish_csv(google: Path, tmp_path: Path) -> Path:
    """The Google export opened and saved by a Danish Excel: semicolons, cp1252, decimal commas."""
    rows = [[danish_excel_cell(v) for v in row] for row in csv_rows(google)]
    return write_csv(tmp_path / "google-da-excel.csv", rows, ";", "cp1252")


@pytest.fixture
def google_bom(google: Path, tmp_path: Path) -> Path:
    path = tmp_path / "google-bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + google.read_bytes())
    return path


@pytest.fixture
def monkey_utf16_tabs(monkey: Path, tmp_path: Path) -> Path:
    """SurveyMonkey's CSV saved by Excel as 'Unicode text': UTF-16 with a BOM, tab-separated."""
    return write_csv(tmp_path / "monkey-unicode.txt", csv_rows(monkey), "\t", "utf-16")


@pytest.fixture
def monkey_xlsx(monkey: Path, tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "monkey.xlsx", [[v or None for v in row] for row in csv_rows(monkey)])


@pytest.fixture
def forms_2500(msforms: Path, tmp_path: Path) -> Path:
    return forms_with(msforms, tmp_path / "forms-2500.xlsx", 2500)
