"""Shared fixtures: a fixed clock, stores on disk and in memory, the demo and the samples (tests/data)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from briefing.clock import FixedClock
from briefing.i18n import set_language, set_strict
from briefing.model import Workspace
from briefing.model.interchange import from_json_text
from briefing.store import WorkspaceStore

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
SAMPLES = ROOT / "tests" / "data"
TODAY = "2026-11-27"
set_strict(True)  # a message key that no catalog has fails the test that shows it


SLOW_TIMEOUT = 600
"""Seconds a test marked ``slow`` may take (the rest: pyproject's ``timeout``, 120 s)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TIMEOUT))


@pytest.fixture(autouse=True)
def english_by_default() -> None:
    set_language("en")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(TODAY)


@pytest.fixture
def samples() -> Path:
    """The sample files in tests/data (see its README): templates, survey exports, a stakeholder list."""
    return SAMPLES


def demo_workspace(lang: str = "en") -> Workspace:
    path = ASSETS / "demo" / f"demo-{lang}.json"
    return from_json_text(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture
def demo() -> Workspace:
    return demo_workspace("en")


@pytest.fixture
def demo_da() -> Workspace:
    return demo_workspace("da")


@pytest.fixture
def memory_store(demo: Workspace, clock: FixedClock) -> WorkspaceStore:
    return WorkspaceStore.in_memory(demo, clock)


@pytest.fixture
def disk_store(tmp_path: Path, demo: Workspace, clock: FixedClock):  # type: ignore[no-untyped-def]
    store = WorkspaceStore.open(tmp_path / "ws", clock)
    store.replace(demo)
    yield store
    store.close()
