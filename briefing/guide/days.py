"""Dates for the guide's rules: today from a Clock or a date, and dates typed by the user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.clock import Clock
from briefing.errors import InputError
from briefing.i18n import Message

Today = dt.date | Clock
"""What every rule that depends on the date accepts: the day itself or a Clock to ask."""


def as_day(today: Today) -> dt.date:
    """The date ``today`` stands for (a Clock is asked for its ``today()``)."""
    if isinstance(today, dt.datetime):
        return today.date()
    if isinstance(today, dt.date):
        return today
    return today.today()


def parse_day(value: dt.date | str, field_name: str) -> dt.date:
    """``value`` as a date; an InputError naming ``field_name`` if it is not ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError("guide.error.bad_date", field=field_name, value=value) from None


Sentence = Message
"""The guide's name for a message translated when shown (reasons, next steps)."""


@dataclass(frozen=True)
class Day:
    """A date as a message parameter: written the way the shown language writes dates."""

    day: dt.date

    def message(self, lang: str | None = None) -> str:
        from briefing.i18n import format_date

        return format_date(self.day, lang)

    def __str__(self) -> str:
        return self.message()
