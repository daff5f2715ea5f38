"""Fixtures for the deck tests."""

from __future__ import annotations

import datetime as dt

import pytest

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def today() -> dt.date:
    return TODAY
