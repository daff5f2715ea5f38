"""The deck's public API: plan, check (the lint), review (both), export, template_check.

An export renders into memory, writes a temporary file beside the target, fsyncs it and moves it
over the target: a failed export leaves the previous file as it was. It reads the workspace and
never writes to the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from briefing.deck.model import DeckPlan, ExportResult, Finding, TemplateReport
from briefing.files import check_target, write_or_refuse
from briefing.model.entities import DeckSettings, Workspace


def plan(workspace: Workspace, settings: DeckSettings | None = None, today: dt.date | None = None,
         show_attempt: bool = False) -> DeckPlan:
    """The deck for ``workspace`` as plain data (see ``briefing.deck.storyline``)."""
    from briefing.deck.storyline import build_plan

    return build_plan(workspace, settings, today, show_attempt)


def _template_path(workspace: Workspace, settings: DeckSettings | None, template: Path | str | None) -> Path | None:
    chosen = template or (settings.template if settings else "") or workspace.deck.template
    return Path(chosen) if chosen else None


def check(workspace: Workspace, settings: DeckSettings | None = None, template: Path | str | None = None,
          today: dt.date | None = None, show_attempt: bool = False) -> list[Finding]:
    """Every breach of the dosing rules in the deck the workspace would export."""
    return review(workspace, settings, template, today, show_attempt)[1]


def review(workspace: Workspace, settings: DeckSettings | None = None, template: Path | str | None = None,
           today: dt.date | None = None, show_attempt: bool = False) -> tuple[DeckPlan, list[Finding]]:
    """The deck the workspace would export and its breaches of the dosing rules, planned once."""
    from briefing.deck import template as templates
    from briefing.deck.lint import lint
    from briefing.deck.paging import paginate

    loaded = templates.load(_template_path(workspace, settings, template))
    deck = paginate(plan(workspace, settings, today, show_attempt), loaded)
    return deck, lint(deck, loaded)


def export(workspace: Workspace, out: Path, settings: DeckSettings | None = None, template: Path | str | None = None,
           today: dt.date | None = None, progress: Callable[[int, int], None] | None = None,
           cache_dir: Path | None = None, notes: bool = True, show_attempt: bool = False) -> ExportResult:
    """Write the deck to ``out`` atomically; returns its path, slide count, lint findings and sha256.
    Without ``notes`` the deck has no speaker notes at all: a copy to send ahead; ``show_attempt``: the
    attempt's number on the title slide."""
    from briefing.deck import template as templates
    from briefing.deck.lint import lint
    from briefing.deck.paging import paginate
    from briefing.deck.render import render
    from briefing.pptx_compat import package_bytes

    out = Path(out)
    _check_target(out)
    loaded = templates.load(_template_path(workspace, settings, template))
    deck = paginate(plan(workspace, settings, today, show_attempt), loaded)
    findings = lint(deck, loaded)
    prs = render(deck, loaded, cache_dir if cache_dir is not None else default_cache(), progress, notes)
    data = package_bytes(prs)
    write_or_refuse(out, data, "deck.error.unwritable")
    return ExportResult(out, len(deck.slides), findings, hashlib.sha256(data).hexdigest())


def template_check(path: Path | str) -> TemplateReport:
    """What a template offers: its layouts, how each slide kind maps to them, what is missing."""
    from briefing.deck import template as templates

    return templates.load(Path(path)).report


def default_cache() -> Path | None:
    """Where chart images are cached by content between exports (the user's cache folder)."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:
        return None
    return Path(user_cache_dir("briefing-composer", appauthor=False)) / "charts"


def _check_target(out: Path) -> None:
    check_target(out, (".pptx",), "deck.error.out_suffix")
