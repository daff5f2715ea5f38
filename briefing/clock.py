"""Today, injectable: rules that depend on the date take a Clock, tests give a fixed one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def today(self) -> dt.date:
        return dt.date.today()


@dataclass
class FixedClock:
    """A clock stopped at ``moment`` (tests, and reproducible runs)."""

    moment: dt.datetime

    @classmethod
    def on(cls, day: dt.date | str) -> FixedClock:
        day = dt.date.fromisoformat(day) if isinstance(day, str) else day
        return cls(dt.datetime.combine(day, dt.time(12, 0)))

    def now(self) -> dt.datetime:
        return self.moment

    def today(self) -> dt.date:
        return self.moment.date()
