"""When a response was submitted, from each survey tool's way of writing it.

Google Forms ``2026/04/07 08:30:00 AM GMT+1``, Microsoft Forms ``4/7/26 8:30:00`` (or a real
date cell in .xlsx), SurveyMonkey ``05/11/2026 10:00:00 AM``, Danish Excel ``07-04-2026 08:30``
or ``7.4.2026 08.30``, ISO ``2026-04-07T08:30:00``. Slashes mean month first (the US tools)
unless a column's values show otherwise; dashes and dots mean day first. Time zones are
dropped: the time is kept as the tool wrote it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal

from briefing.evidence.readers import Cell

Order = Literal["mdy", "dmy"]

_TIME = r"(?:[ T,]+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*([AaPp]\.?\s?[Mm]\.?)?)?"
_ZONE = r"\s*(?:Z|(?:GMT|UTC|CET|CEST)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)\s*$"
_YEAR_FIRST = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME + _ZONE)
_YEAR_LAST = re.compile(r"^\s*(\d{1,2})([-/.])(\d{1,2})[-/.](\d{2}|\d{4})" + _TIME + _ZONE)
EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def column_order(values: Iterable[Cell]) -> Order | None:
    """``dmy`` or ``mdy`` when a column's values settle it (a first part above 12, say), else None."""
    for value in values:
        match = _YEAR_LAST.match(value) if isinstance(value, str) else None
        if match:
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second:
                return "dmy"
            if second > 12 >= first:
                return "mdy"
    return None


def parse_timestamp(value: Cell, order: Order | None = None) -> dt.datetime | None:
    """The moment ``value`` names, or None when it names none."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _excel_serial(float(value))
    if not isinstance(value, str):
        return None
    match = _YEAR_FIRST.match(value)
    if match:
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
        return _built(year, month, day, match.groups()[3:])
    match = _YEAR_LAST.match(value)
    if match:
        first, separator, second, year_text = match.group(1, 2, 3, 4)
        chosen = order or ("mdy" if separator == "/" else "dmy")
        month, day = (int(first), int(second)) if chosen == "mdy" else (int(second), int(first))
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return _built(year, month, day, match.groups()[4:])
    return None


def _built(year: int, month: int, day: int, time: tuple[str | None, ...]) -> dt.datetime | None:
    hour_text, minute_text, second_text, meridiem = time[:4]
    hour, minute, second = int(hour_text or 0), int(minute_text or 0), int(second_text or 0)
    if meridiem:
        pm = meridiem.strip().lower().startswith("p")
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _excel_serial(value: float) -> dt.datetime | None:
    """An Excel date serial (days since 1899-12-30) in a plausible range, else None."""
    if not 20_000 <= value <= 80_000:
        return None
    return (EXCEL_EPOCH + dt.timedelta(days=value)).replace(microsecond=0)
