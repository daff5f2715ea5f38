"""The pre-read's look from the deck's template: its accent colour (made readable on white paper), its text
colour and its fonts (the DOCX names them; the PDF embeds DejaVu Sans, which has every Danish letter)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.charts.theme import blend, contrast

PAPER = "#FFFFFF"
INK = "#1A1A1A"
READABLE = 4.5
"""The least contrast against the paper of the accent and the text (WCAG AA for body text)."""


@dataclass(frozen=True)
class PageStyle:
    """Colours as ``#RRGGBB`` and the template's font names."""

    accent: str
    text: str
    muted: str
    tint: str
    heading_font: str
    body_font: str


def readable(colour: str, minimum: float = READABLE) -> str:
    """``colour`` if it reads on white paper, else it darkened until it does."""
    for share in (0.0, 0.2, 0.4, 0.6, 0.8):
        candidate = blend(colour, INK, share)
        if contrast(candidate, PAPER) >= minimum:
            return candidate
    return INK


def page_style(template: Path | str | None = None) -> PageStyle:
    """The style of the pre-read for ``template`` (default: the built-in one); InputError names a bad template."""
    from briefing.deck import template as templates

    palette = templates.load(template).palette
    accent = readable(palette.accent)
    text = palette.text if contrast(palette.text, PAPER) >= 7 else INK  # a light text colour was for a dark slide
    return PageStyle(
        accent=accent,
        text=text,
        muted=readable(blend(text, PAPER, 0.35)),
        tint=blend(accent, PAPER, 0.92),
        heading_font=palette.major_font,
        body_font=palette.minor_font,
    )


def rgb(colour: str) -> tuple[int, int, int]:
    """``#RRGGBB`` as three 0–255 integers."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
