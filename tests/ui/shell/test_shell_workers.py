"""Long work runs off the UI thread and reports through signals; the UI thread stays free."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QTimer

from briefing.errors import InputError
from ui.workers import Runner


def test_a_job_reports_progress_and_its_result_from_another_thread(qtbot: Any) -> None:
    runner = Runner()
    seen: list[tuple[int, str]] = []
    threads: list[Any] = []

    def work(progress: Any) -> str:
        threads.append(threading.get_ident())
        progress(1, 4)
        progress(3, 4, "charts")
        return "done"

    job = runner.prepare(work)
    job.progress.connect(lambda percent, text: seen.append((percent, text)))
    with qtbot.waitSignal(job.finished) as finished, qtbot.waitSignal(job.done):
        runner.launch(job)
    assert finished.args == ["done"]
    assert seen == [(25, ""), (75, "charts")]
    assert threads[0] != threading.get_ident()
    assert not runner.busy


def test_a_failing_job_hands_its_error_back(qtbot: Any) -> None:
    runner = Runner()

    def work(progress: Any) -> None:
        raise InputError("error.required", path="deck.title")

    job = runner.prepare(work)
    with qtbot.waitSignal(job.failed) as failed, qtbot.assertNotEmitted(job.finished), qtbot.waitSignal(job.done):
        runner.launch(job)
    assert failed.args[0].message() == "deck.title: is required"
    # Without the worker's frames: they hold the job, which the UI thread's garbage collector would then
    # free while another job runs (PySide 6.11 crashed so, about one run in ten of the preview's tests).
    assert failed.args[0].__traceback__ is None


def test_the_ui_thread_keeps_answering_while_a_job_waits(qtbot: Any) -> None:
    runner = Runner()
    release = threading.Event()
    job = runner.prepare(lambda progress: release.wait(10))
    runner.launch(job)
    assert runner.busy
    tick = QTimer()
    tick.setSingleShot(True)
    with qtbot.waitSignal(tick.timeout):  # the UI thread's event loop runs while the job is blocked
        tick.start(0)
    assert runner.busy
    with qtbot.waitSignal(job.done):
        release.set()
    assert not runner.busy


def test_deleting_a_runner_while_its_job_runs_waits_for_the_job_instead_of_aborting(tmp_path: Any) -> None:
    """Qt aborts the process when a running thread is deleted, so this runs in a process of its own."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import threading
        from PySide6.QtCore import QCoreApplication, QEvent, QObject
        from ui.workers import Runner

        app = QCoreApplication([])
        owner = QObject()
        runner = Runner(owner)
        started, release, done = threading.Event(), threading.Event(), threading.Event()
        job = runner.prepare(lambda progress: (started.set(), release.wait(10), done.set()))
        runner.launch(job)
        assert started.wait(10)
        del job, runner
        # The window holding the runner closes while the job runs; the job may go on only once the
        # deletion has begun, so it is still running when the runner's turn comes.
        owner.destroyed.connect(release.set)
        owner.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        print("job finished first:", done.is_set())
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "job finished first: True"


def test_latest_delivers_only_the_newest_request_and_runs_off_the_ui_thread(qtbot: Any) -> None:
    from ui.workers import Latest

    latest = Latest()
    started, gate = threading.Event(), threading.Event()
    ran: list[str] = []
    delivered: list[str] = []
    latest.result.connect(delivered.append)

    def slow() -> str:
        started.set()
        gate.wait(10)
        ran.append("first")
        return "first"

    def make(name: str) -> Any:
        def work() -> str:
            assert threading.current_thread() is not threading.main_thread()
            ran.append(name)
            return name
        return work

    with qtbot.waitSignal(latest.busy, check_params_cb=lambda value: value is False, timeout=10000):
        latest.request(slow)
        qtbot.waitUntil(started.is_set)
        latest.request(make("second"))   # waits behind the first …
        latest.request(make("third"))    # … and is replaced by this one
        assert latest.working
        gate.set()
    assert ran == ["first", "third"]
    assert delivered == ["third"]
    assert not latest.working


def test_requests_made_before_the_work_starts_run_only_the_newest(qtbot: Any) -> None:
    """A view asked again while the window is still busy (a page being built) draws once, the newest."""
    from ui.workers import Latest

    latest = Latest()
    ran: list[str] = []
    with qtbot.waitSignal(latest.result, timeout=10000) as result:
        for name in ("first", "second", "third"):
            latest.request(lambda name=name: ran.append(name) or name)
        assert latest.working and ran == []  # nothing runs while the window's event is being handled
    assert result.args == ["third"] and ran == ["third"]


def test_latest_hands_back_the_newest_failure(qtbot: Any) -> None:
    from ui.workers import Latest

    latest = Latest()

    def broken() -> None:
        raise InputError("error.required", path="deck.title")

    with qtbot.waitSignal(latest.failed) as failed:
        latest.request(broken)
    assert isinstance(failed.args[0], InputError)
    latest.wait()



def test_latest_whose_owner_is_deleted_while_it_works_drops_the_result_quietly(qtbot: Any) -> None:
    """A page closes while its preview draws: the drawing's late result must not raise in the event loop."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    from ui.workers import Latest

    owner = QObject()
    latest = Latest(owner)
    release = threading.Event()
    latest.request(lambda: release.wait(10))
    owner.destroyed.connect(release.set)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # waits for the worker thread
    QCoreApplication.processEvents()  # delivers the result the worker handed back: nothing may raise
