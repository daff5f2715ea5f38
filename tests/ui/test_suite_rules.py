"""The suite's own rules hold: a Qt warning fails a page test, an unexpected pass of an xfail fails,
an unknown marker is an error, and every test has a time limit (pytest-timeout, 120 s)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PAGE_TEST = '''
import pytest
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QWidget


def test_a_page_that_warns(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    qWarning("the page warned")


@pytest.mark.xfail(reason="expected to fail")
def test_an_xfail_that_passes():
    pass


@pytest.mark.timeout(0.5)
def test_a_hang():
    import threading
    threading.Event().wait(30)
'''

MARKED = '''
import pytest


@pytest.mark.no_such_marker
def test_marked():
    pass
'''


def test_the_suite_fails_a_qt_warning_a_strict_xfail_an_unknown_marker_and_a_hang(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    pages = tmp_path / "tests" / "ui" / "pages"
    pages.mkdir(parents=True)
    (pages / "test_page.py").write_text(PAGE_TEST, encoding="utf-8")
    (pages / "test_marked.py").write_text(MARKED, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly",
         "--continue-on-collection-errors", "-rA", "tests"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "timeout: 120.0s" in out
    assert "FAILED tests/ui/pages/test_page.py::test_a_page_that_warns" in out and "the page warned" in out
    assert "FAILED tests/ui/pages/test_page.py::test_an_xfail_that_passes" in out  # XPASS(strict)
    assert "FAILED tests/ui/pages/test_page.py::test_a_hang" in out and "Timeout" in out
    assert "'no_such_marker' not found in `markers` configuration option" in out
    assert "3 failed, 1 error" in out
