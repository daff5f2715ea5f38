"""Helpers that make survey files the way Excel and the survey tools make them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl


def sheet_rows(path: Path) -> list[list[object]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ",", encoding: str = "utf-8") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Sheet1")
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def danish_excel_cell(value: object) -> str:
    """How Danish Excel writes a cell when it saves as CSV: decimal commas, day-first dates."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, float):
        return f"{value}".replace(".", ",")
    text = str(value)
    return re.sub(r"^(\d+)\.(\d+)$", r"\1,\2", text)


def forms_with(msforms: Path, path: Path, responses: int) -> Path:
    """The Forms workbook grown to ``responses`` rows by repeating its answers with fresh ids and times."""
    header, *data = sheet_rows(msforms)
    rows: list[list[object]] = [header]
    for number in range(responses):
        row = list(data[number % len(data)])
        row[0] = number + 1
        shift = dt.timedelta(minutes=number)
        row[1] = row[1] + shift  # type: ignore[operator]
        row[2] = row[2] + shift  # type: ignore[operator]
        rows.append(row)
    return write_xlsx(path, rows)
