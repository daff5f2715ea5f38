"""The deck's public API: plan, check (the lint), review (both), export, template_check.

An export renders into memory, writes a temporary file beside the target, fsyncs it and moves it
over the target: a failed export leaves the previous file as it was. It reads the workspace and
never writes to the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.deck.model import DeckPlan, ExportResult, Finding, TemplateReport
from briefing.errors import InputError
from briefing.files import write_or_refuse
from briefing.model.entities import DeckSettings, Workspace


def plan(workspace: Workspace, settings: DeckSettings | None = None, today: dt.date | None = None) -> DeckPlan:
    """The deck for ``workspace`` as plain data (see ``briefing.deck.storyline``)."""
    from briefing.deck.storyline import build_plan

    return build_plan(workspace, settings, today)


def _template_path(workspace: Workspace, settings: DeckSettings | None, template: Path | str | None) -> Path | None:
    chosen = template or (settings.template if settings else "") or workspace.deck.template
    return Path(chosen) if chosen else None


def check(workspace: Workspace, settings: DeckSettings | None = None, template: Path | str | None = None,
          today: dt.date | None = None) -> list[Finding]:
    """Every breach of the dosing rules in the deck the workspace would export."""
    return review(workspace, settings, template, today)[1]


def review(workspace: Workspace, settings: DeckSettings | None = None, template: Path | str | None = None,
           today: dt.date | None = None) -> tuple[DeckPlan, list[Finding]]:
    """The deck the workspace would export and its breaches of the dosing rules, planned once."""
    from briefing.deck import template as templates
    from briefing.deck.lint import lint

    loaded = templates.load(_template_path(workspace, settings, template))
    deck = plan(workspace, settings, today)
    return deck, lint(deck, loaded)


def export(workspace: Workspace, out: Path, settings: DeckSettings | None = None, template: Path | str | None = None,
           today: dt.date | None = None, progress: Callable[[int, int], None] | None = None,
           cache_dir: Path | None = None) -> ExportResult:
    """Write the deck to ``out`` atomically; returns its path, slide count, lint findings and sha256."""
    from briefing.deck import template as templates
    from briefing.deck.lint import lint
    from briefing.deck.render import render

    out = Path(out)
    _check_target(out)
    loaded = templates.load(_template_path(workspace, settings, template))
    deck = plan(workspace, settings, today)
    findings = lint(deck, loaded)
    prs = render(deck, loaded, cache_dir if cache_dir is not None else default_cache(), progress)
    data = package_bytes(prs)
    write_or_refuse(out, data, "deck.error.unwritable")
    return ExportResult(out, len(deck.slides), findings, hashlib.sha256(data).hexdigest())


STORED = frozenset({"png", "jpeg", "jpg", "gif", "xlsx", "xlsm", "docx", "wdp", "mp4", "m4a"})
"""Parts that are compressed already: deflating them again costs time and saves nothing."""


def package_bytes(prs: Any) -> bytes:
    """The .pptx of ``prs`` as python-pptx's ``save`` writes it, except that images and embedded
    workbooks are stored, not deflated a second time (a quarter of the save's time). Falls back to
    ``prs.save`` should python-pptx's package internals ever change."""
    buffer = io.BytesIO()
    try:
        from pptx.opc.oxml import serialize_part_xml
        from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
        from pptx.opc.serialized import _ContentTypesItem

        package = prs.part.package
        parts = tuple(package.iter_parts())
        package_rels = package._rels
    except (ImportError, AttributeError):
        prs.save(buffer)
        return buffer.getvalue()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, strict_timestamps=False) as archive:
        archive.writestr(CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts)))
        archive.writestr(PACKAGE_URI.rels_uri.membername, package_rels.xml)
        for part in parts:
            stored = part.partname.ext.lower() in STORED
            archive.writestr(part.partname.membername, part.blob,
                             compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
            if part._rels:
                archive.writestr(part.partname.rels_uri.membername, part.rels.xml)
    return buffer.getvalue()


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
    if out.suffix.lower() != ".pptx":
        raise InputError("deck.error.out_suffix", file=str(out))
    folder = out.parent
    if not folder.is_dir():
        raise InputError("deck.error.no_folder", file=str(out), folder=str(folder))
    if out.is_dir():
        raise InputError("deck.error.is_folder", file=str(out))
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise InputError("deck.error.unwritable", file=str(out), reason=os.strerror(13))

