"""Fixtures of the guide's tests: a ready workspace and a deck file to present."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.model.entities import Workspace
from guide.builders import ready_workspace


@pytest.fixture
def ws() -> Workspace:
    return ready_workspace()


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    """A stand-in for an exported deck: the archive copies bytes, whatever they are."""
    path = tmp_path / "export" / "briefing.pptx"
    path.parent.mkdir()
    path.write_bytes(b"PK\x03\x04 deck one " + bytes(range(256)))
    return path
