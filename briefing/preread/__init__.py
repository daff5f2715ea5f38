"""The one-page pre-read, the dosed way to reach leadership between meetings: ``export_preread`` writes it
as a PDF (fpdf2) or an editable DOCX (python-docx), crash-safely, from the same facts as the deck.

``content`` builds the page as plain data (nobody named without consent, no notes, no feedback), ``pdf``
fits it to one A4 page and draws it, ``docx`` writes the same fitted page as a Word document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing.files import check_target, write_or_refuse
from briefing.model.entities import DeckSettings, Workspace

SUFFIXES = (".pdf", ".docx")


@dataclass(frozen=True)
class PrereadResult:
    """What was written: the file, and the items left out to keep it to one page."""

    path: Path
    dropped: tuple[str, ...]


def export_preread(workspace: Workspace, out: Path, settings: DeckSettings | None = None,
                   template: Path | str | None = None, today: dt.date | None = None, lang: str | None = None,
                   progress: Callable[[int, int], None] | None = None) -> PrereadResult:
    """Write the pre-read of ``workspace`` to ``out`` (.pdf or .docx) atomically; nothing else is changed."""
    from briefing.preread import pdf
    from briefing.preread.content import build_preread
    from briefing.preread.style import page_style

    out = Path(out)
    check_target(out, SUFFIXES, "preread.error.out_suffix")
    tick = progress or (lambda _done, _total: None)
    chosen = settings or workspace.deck
    tick(1, 4)
    style = page_style(template or chosen.template or None)
    page = build_preread(workspace, chosen, today, lang)
    tick(2, 4)
    fitted = pdf.fit(page, style)
    tick(3, 4)
    if out.suffix.lower() == ".pdf":
        data = pdf.render(fitted, style)
    else:
        from briefing.preread import docx

        data = docx.render(fitted, style)
    write_or_refuse(out, data, "deck.error.unwritable")
    tick(4, 4)
    return PrereadResult(out, fitted.dropped)
