"""import-survey and import-json check the workspace once and write the store once, whatever they bring
(import-stakeholders: tests/evidence/test_stakeholder_lists.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.model import integrity
from briefing.store import WorkspaceStore, storage

GOOGLE = "surveys/googleforms-knowledge-pulse-en.csv"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Every check of a whole workspace and every save of a store, as they happen (the fold of the
    journal into the snapshot when the store closes is not a save of the command)."""
    seen: dict[str, list[str]] = {"checks": [], "saves": []}
    real_check, real_flush = integrity.check, storage.Storage.flush
    monkeypatch.setattr(integrity, "check", lambda ws: (seen["checks"].append("check"), real_check(ws))[1])
    monkeypatch.setattr(storage.Storage, "flush", lambda s: (s.dirty and seen["saves"].append("x"), real_flush(s))[1])
    return seen


def opened(workspace: Path, seen: dict[str, list[str]]) -> int:
    """How many checks opening the workspace takes (reading the store checks it), the counts then cleared."""
    seen["checks"].clear()
    with WorkspaceStore.open(workspace, daily_backup=False):
        pass
    checks = len(seen["checks"])
    seen["checks"].clear()
    seen["saves"].clear()
    return checks


def test_import_survey_checks_once_and_writes_once(tmp_path: Path, samples: Path,
                                                   counted: dict[str, list[str]]) -> None:
    workspace = tmp_path / "ws"
    assert main(["demo", "--workspace", str(workspace)]) == 0
    when_opening = opened(workspace, counted)
    assert main(["import-survey", "--workspace", str(workspace), str(samples / GOOGLE)]) == 0
    # at most one check of the whole workspace: an added survey is checked at its own cost
    assert len(counted["checks"]) - when_opening <= 1 and len(counted["saves"]) == 1


def test_import_json_checks_once_and_writes_once(tmp_path: Path, counted: dict[str, list[str]]) -> None:
    workspace, exported = tmp_path / "ws", tmp_path / "ws.json"
    assert main(["demo", "--workspace", str(workspace)]) == 0
    assert main(["export-json", "--workspace", str(workspace), "--out", str(exported)]) == 0
    when_opening = opened(workspace, counted)
    assert main(["import-json", "--workspace", str(workspace), "--replace", str(exported)]) == 0
    assert (len(counted["checks"]) - when_opening, len(counted["saves"])) == (1, 1)
