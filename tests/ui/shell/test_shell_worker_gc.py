"""Python's garbage collector pauses while a job runs on a worker: a Qt object is never freed there."""

from __future__ import annotations

import gc

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
