"""How the main window builds each page: one typed factory per page.

A factory imports its page's module when the page is first shown (so the window appears quickly
and the heavy libraries load only when a page needs them), hands the page the window's services
it uses, and connects the page's signals to the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from ui.imports import ImportController
from ui.pages.base import Page
from ui.session import Session
from ui.settings import AppSettings
from ui.workers import Runner


class Shell(Protocol):
    """What the pages use of the main window: its services and where their requests go."""

    prompts: Any
    runner: Runner
    settings: AppSettings
    imports: ImportController | None

    def on_page_navigate(self, name: str) -> None: ...

    def on_page_show_person(self, stakeholder_id: str) -> None: ...

    def on_page_show_attempt(self, presentation_id: str) -> None: ...

    def on_demo_triggered(self) -> None: ...


Factory = Callable[[Shell, Session, QWidget], Page]


@dataclass(frozen=True)
class PageEntry:
    """One item of the sidebar: the page's name, its label's key, and the factory that builds it."""

    name: str
    label_key: str
    build: Factory


def overview(shell: Shell, session: Session, parent: QWidget) -> Page:
    from ui.pages.overview import OverviewPage

    page = OverviewPage(session, parent, runner=shell.runner)
    page.navigate.connect(shell.on_page_navigate)
    page.show_person.connect(shell.on_page_show_person)
    page.show_attempt.connect(shell.on_page_show_attempt)
    page.demo_requested.connect(shell.on_demo_triggered)
    return page


def allies(shell: Shell, session: Session, parent: QWidget) -> Page:
    from ui.pages.allies import AlliesPage

    return AlliesPage(session, parent, imports=shell.imports)


def leadership(shell: Shell, session: Session, parent: QWidget) -> Page:
    from ui.pages.leadership import LeadershipPage

    page = LeadershipPage(session, parent)
    page.show_person.connect(shell.on_page_show_person)
    return page


def evidence(shell: Shell, session: Session, parent: QWidget) -> Page:
    from ui.pages.evidence import EvidencePage

    return EvidencePage(session, parent, imports=shell.imports)


def problems(shell: Shell, session: Session, parent: QWidget) -> Page:
    from ui.pages.problems import ProblemsPage

    return ProblemsPage(session, parent)


def roadmap(shell: Shell, session: Session, parent: QWidget) -> Page:
    from ui.pages.roadmap import RoadmapPage

    return RoadmapPage(session, parent)


def briefing(shell: Shell, session: Session, parent: QWidget) -> Page:
    from ui.pages.briefing import BriefingPage

    page = BriefingPage(session, parent, prompts=shell.prompts, runner=shell.runner, settings=shell.settings)
    page.navigate.connect(shell.on_page_navigate)
    return page


def history(shell: Shell, session: Session, parent: QWidget) -> Page:
    from ui.pages.history import HistoryPage

    return HistoryPage(session, parent)


PAGES: tuple[PageEntry, ...] = (
    PageEntry("overview", "shell.nav.overview", overview),
    PageEntry("allies", "shell.nav.allies", allies),
    PageEntry("leadership", "shell.nav.leadership", leadership),
    PageEntry("evidence", "shell.nav.evidence", evidence),
    PageEntry("problems", "shell.nav.problems", problems),
    PageEntry("roadmap", "shell.nav.roadmap", roadmap),
    PageEntry("briefing", "shell.nav.briefing", briefing),
    PageEntry("history", "shell.nav.history", history),
)
PAGE_NAMES = tuple(entry.name for entry in PAGES)
