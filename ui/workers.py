"""Long work off the UI thread: a function runs in a QThread and reports through signals.

The function gets a ``progress(done, total, text)`` callback; the worker turns each call into
a queued ``progress`` signal, so the window keeps answering and no widget is touched from the
worker thread. Hand the function copies of what it reads (``copy.deepcopy`` the workspace):
the UI thread may edit the original meanwhile.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

Progress = Callable[..., None]
SWITCH_INTERVAL_S = 0.0005
"""How long a worker may keep the interpreter while the window's thread waits for it (Python's default
5 ms was paid on every call from Qt into Python — each table cell painted — while a worker computed)."""


def answer_promptly() -> None:
    """Let the window's thread take the interpreter back within ``SWITCH_INTERVAL_S`` of asking."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


class Job(QObject):
    """One function run on a worker thread. Connect ``progress`` to slots of QObjects that live
    in the UI thread (bound methods), never to plain functions that touch widgets.

    Signals:
        progress(int, str): percent done (0–100) and what is being done.
        finished(object): the function's result.
        failed(object): the exception it raised (a BriefingError names the file and the place), without
            its traceback: the worker's frames would keep the job alive past its thread.
        done(): after finished or failed, once the thread has stopped.
    """

    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work

    @Slot()
    def run(self) -> None:
        with _RUNNING:
            try:
                result = self._work(self.report)
            except Exception as error:
                self._home()
                self.failed.emit(error.with_traceback(None))
                return
            self._home()
            self.finished.emit(result)

    def _home(self) -> None:
        """Go back to the UI thread before the last signals, so that every receiver runs there."""
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())

    def report(self, *args: Any) -> None:
        """The callback handed to the work: ``(fraction)``, ``(done, total)`` or ``(done, total, text)``."""
        self.progress.emit(*_percent(args))


class _Running:
    """How many jobs are running their work now (``with _RUNNING:`` around it). Python's cyclic garbage
    collector pauses while any does: it would run on whichever thread allocates when a threshold is
    passed — a worker drawing a slide, say — and a Qt object freed there crashes the app. It runs again,
    on the window's thread as before, once the last job is done."""

    def __init__(self) -> None:
        self.count = 0
        self.collecting = True
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        with self._lock:
            self.count += 1
            if self.count == 1:
                self.collecting = gc.isenabled()
                gc.disable()

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self.count -= 1
            if self.count == 0 and self.collecting:
                gc.enable()


_RUNNING = _Running()


def jobs_running() -> int:
    """How many jobs are running on worker threads now."""
    return _RUNNING.count


def keep_long_lived() -> None:
    """Put every object alive now out of the cyclic garbage collector's sight (``gc.freeze``), once a
    workspace is open: it and the window live on, and at a big campaign's size (some 200,000 objects)
    each full collection scanning them froze the window for up to 170 ms — on whichever page happened
    to be built at the time. What is later dropped of them is still freed by reference counting."""
    gc.freeze()


def _percent(args: tuple[Any, ...]) -> tuple[int, str]:
    text = ""
    if args and isinstance(args[-1], str):
        text, args = args[-1], args[:-1]
    if len(args) >= 2 and args[1]:
        return int(100 * float(args[0]) / float(args[1])), text
    if len(args) == 1:
        value = float(args[0])
        return int(100 * value if value <= 1 else value), text
    return 0, text


class Runner(QObject):
    """Starts jobs on their own threads and keeps them alive until they are done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[QThread, Job] = {}
        # Qt aborts the whole app when a running thread is deleted: whoever deletes the runner (its
        # window closing, say) first waits for its jobs. Qt says "destroyed" before deleting children.
        self.destroyed.connect(partial(_finish, self._running))

    def prepare(self, work: Callable[[Progress], Any]) -> Job:
        """A job for ``work(progress)``: connect to its signals, then ``launch`` it."""
        return Job(work)

    def launch(self, job: Job) -> None:
        """Run ``job`` on a new thread."""
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.finished.connect(thread.quit)
        job.failed.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._running[thread] = job
        thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        job = self._running.pop(thread, None)  # type: ignore[call-overload]
        thread.deleteLater()
        if job is not None:
            job.done.emit()

    def wait(self) -> None:
        """Block until every job has finished (when the window closes)."""
        _finish(self._running)


def _finish(running: dict[QThread, Job]) -> None:
    for thread in list(running):
        thread.quit()
        thread.wait()


START_AFTER_MS = 50
"""How long a view's work waits before it starts on a worker (see ``Latest.request``)."""


class Latest(QObject):
    """Keeps one view up to date off the UI thread: the last request wins.

    ``request(work)`` runs ``work()`` on a worker thread. While one runs, a newer request waits, and
    a request made after it replaces it; only the newest request's result is delivered. A result
    of a request that was overtaken is dropped, so a view never shows something older than it
    asked for. ``work`` must not touch widgets and should read copies (the UI may edit meanwhile).

    Signals:
        result(object): the newest request's return value.
        failed(object): the exception the newest request raised.
        busy(bool): True when work starts, False when nothing is left to do.
    """

    result = Signal(object)
    failed = Signal(object)
    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = Runner(self)
        self._pending: Callable[[], Any] | None = None
        self._serial = 0
        self._running = False

    @property
    def working(self) -> bool:
        return self._running or self._pending is not None

    def request(self, work: Callable[[], Any]) -> None:
        """Run ``work`` once the current one is done; replaces a request still waiting. Nothing runs
        before ``START_AFTER_MS``: the window first finishes what it is doing (a page being built and
        painted) without a worker taking the interpreter from it each time it calls into Python."""
        self._serial += 1
        self._pending = work
        if not self._running:
            self._running = True  # (a start is on its way)
            self.busy.emit(True)
            QTimer.singleShot(START_AFTER_MS, self, self._start)

    def _start(self) -> None:
        work, self._pending = self._pending, None
        if work is None:
            self._running = False
            self.busy.emit(False)
            return
        self._running = True
        serial = self._serial
        job = self._runner.prepare(lambda _progress: work())
        job.finished.connect(partial(self._on_job_finished, serial))
        job.failed.connect(partial(self._on_job_failed, serial))
        job.done.connect(self._start)
        self._runner.launch(job)

    def _on_job_finished(self, serial: int, value: Any) -> None:
        if serial == self._serial and shiboken6.isValid(self):  # (its view may be gone meanwhile)
            self.result.emit(value)

    def _on_job_failed(self, serial: int, error: BaseException) -> None:
        if serial == self._serial and shiboken6.isValid(self):
            self.failed.emit(error)

    def wait(self) -> None:
        """Block until the running job has finished (when the window closes); drops what waits."""
        self._pending = None
        self._runner.wait()
