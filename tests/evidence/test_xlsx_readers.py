"""calamine reads a workbook as openpyxl does: the same rows, cells and places, on every sample and variant."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.evidence import readers
from briefing.evidence.readers import Table, read_xlsx_bytes

CELL = (st.none() | st.booleans() | st.integers(-10**9, 10**9) | st.floats(-1e9, 1e9, allow_nan=False)
        | st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
        | st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2090, 1, 1)).map(lambda d: d.replace(microsecond=0))
        | st.dates(dt.date(1950, 1, 1), dt.date(2090, 1, 1)))


def by_openpyxl(data: bytes, file: str, monkeypatch: pytest.MonkeyPatch) -> Table:
    with monkeypatch.context() as patch:
        patch.setattr(readers, "_calamine_sheets", lambda _data: None)
        return read_xlsx_bytes(data, file)


def same(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    quick, careful = read_xlsx_bytes(data, "f.xlsx"), by_openpyxl(data, "f.xlsx", monkeypatch)
    assert (quick.rows, quick.origins, quick.sheet) == (careful.rows, careful.origins, careful.sheet)
    assert [n.key for n in quick.notices] == [n.key for n in careful.notices]


def workbook(rows: list[list[Any]], top: int = 1, left: int = 1, sheets: int = 1) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "Empty" if sheets > 1 else "Data"
    target = book.create_sheet("Data") if sheets > 1 else book.active
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                target.cell(row=top + r, column=left + c, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_forms_sample_reads_the_same(samples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    same((samples / "surveys" / "msforms-videndeling-da.xlsx").read_bytes(), monkeypatch)


def test_data_that_starts_below_and_right_of_a1_keeps_its_rows_and_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    data = workbook([["Q1", "Q2"], [1, "yes"], [None, None], [2.5, "no"]], top=4, left=3, sheets=2)
    same(data, monkeypatch)
    table = read_xlsx_bytes(data, "f.xlsx")
    header = next(i for i, row in enumerate(table.rows) if "Q1" in row)
    assert table.origins[header] == 4 and table.rows[header].index("Q1") == 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=6), top=st.integers(1, 3),
       left=st.integers(1, 3))
def test_any_cells_read_the_same(rows: list[list[Any]], top: int, left: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data = workbook(rows, top, left)
    if not any(str(v).strip() for row in rows for v in row if v is not None):
        return  # a sheet without data is refused by both (another test)
    same(data, monkeypatch)


def test_a_cell_far_past_the_rows_read_goes_to_openpyxl_which_refuses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "Q1"
    book.active.cell(row=readers.MAX_ROWS + 5, column=1, value="far")
    buffer = io.BytesIO()
    book.save(buffer)
    assert readers._calamine_sheets(buffer.getvalue()) is None
    with pytest.raises(readers.InputError, match="rows"):
        read_xlsx_bytes(buffer.getvalue(), "far.xlsx")
