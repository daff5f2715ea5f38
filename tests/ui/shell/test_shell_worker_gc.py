"""Python's garbage collector pauses while a job runs on a worker: a Qt object is never freed there."""

from __future__ import annotations

import gc
from typing import Any

from pytestqt.qtbot import QtBot

from ui.workers import Job, jobs_running


def test_the_collector_pauses_while_a_job_runs_and_resumes_after(qtbot: QtBot) -> None:
    seen: list[object] = []
    job = Job(lambda _report: (gc.isenabled(), jobs_running()))
    job.finished.connect(seen.append)
    gc.enable()  # as in the app (the tests pause it themselves: tests/ui/conftest.py)
    job.run()
    assert seen == [(False, 1)]
    assert gc.isenabled() and jobs_running() == 0


def test_a_job_that_fails_resumes_the_collector_too(qtbot: QtBot) -> None:
    def work(_report: object) -> None:
        raise ValueError("broken")

    gc.enable()
    job = Job(work)
    failures: list[object] = []
    job.failed.connect(failures.append)
    job.run()
    assert len(failures) == 1 and gc.isenabled() and jobs_running() == 0


def test_an_open_workspace_is_out_of_the_collectors_sight(opened: Any) -> None:
    """A full collection scans nothing of the workspace just opened (at a big campaign's size it froze
    the window for up to 170 ms, on whichever page was being built)."""
    workspace = opened.session.workspace
    tracked = {id(item) for item in gc.get_objects()}
    assert workspace.stakeholders and workspace.dialogues
    assert all(id(item) not in tracked for item in (*workspace.stakeholders, *workspace.dialogues))
    assert gc.get_freeze_count() >= len(workspace.stakeholders) + len(workspace.dialogues)
