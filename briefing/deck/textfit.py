"""Does a text fit its box? Measured with the real font's advance widths (fontTools).

PowerPoint does not shrink text until it redraws a slide, so the deck must fit as written.
Calibri and Carlito share their metrics, as do Arial and Liberation Sans, so a measure made
here with the metric twin holds on the user's PC. Text is wrapped word by word to the box
width; the height is the number of lines times the line pitch.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

LINE_PITCH = 1.2
"""PowerPoint's single line spacing for Calibri/Carlito, as a multiple of the font size."""

INSET_X = 0.1
INSET_Y = 0.05
"""The default text-box insets in inches (left/right, top/bottom)."""

_TWINS = {
    "calibri": "Carlito",
    "calibri light": "Carlito",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "courier new": "Liberation Mono",
    "cambria": "Caladea",
    "verdana": "DejaVu Sans",
    "tahoma": "DejaVu Sans",
}
_FALLBACK = "Carlito"


@dataclass(frozen=True)
class Fit:
    """The measure of a text in a box: the lines it takes and whether they fit."""

    lines: int
    max_lines: int

    @property
    def fits(self) -> bool:
        return self.lines <= self.max_lines


def font_file(family: str, bold: bool = False) -> Path | None:
    """The font file that renders ``family`` (or its metric twin) here; None when none is found."""
    return _font_file(family.strip().lower(), bold)


@cache
def _font_file(family: str, bold: bool) -> Path | None:
    wanted = [family, _TWINS.get(family, ""), _FALLBACK.lower()]
    files = _font_index()
    for name in filter(None, wanted):
        key = name.replace(" ", "").lower()
        style = "bold" if bold else "regular"
        variants = (f"{key}-{style}", f"{key}{'bd' if bold else ''}", f"{key}-bold" if bold else f"{key}-book", key)
        for candidate in variants:
            if candidate in files:
                return files[candidate]
    return None


@cache
def _font_index() -> dict[str, Path]:
    """Font files by lower-case stem (``carlito-regular``, ``calibri``, ``liberationsans-bold``)."""
    index: dict[str, Path] = {}
    for folder in _font_folders():
        for root, _dirs, names in os.walk(folder):
            for name in names:
                if name.lower().endswith((".ttf", ".otf")):
                    index.setdefault(Path(name).stem.lower(), Path(root) / name)
    return index


def _font_folders() -> list[Path]:
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [windir / "Fonts", local]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts"), Path("/System/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local" / "share" / "fonts"]


class Metrics:
    """Advance widths of one font, in ems; characters the font lacks count as an average width."""

    def __init__(self, path: Path | None) -> None:
        self.widths: dict[int, float] = {}
        self._ems: dict[str, float] = {}
        self.average = 0.5
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        from fontTools.ttLib import TTFont

        logging.getLogger("fontTools").setLevel(logging.ERROR)
        font: Any = TTFont(str(path), lazy=True)
        units = font["head"].unitsPerEm
        advances = font["hmtx"].metrics
        for code, glyph in font.getBestCmap().items():
            self.widths[code] = advances[glyph][0] / units
        sample = [self.widths.get(ord(c), 0.5) for c in "etaoinshrdlu "]
        self.average = sum(sample) / len(sample)
        font.close()

    def width(self, text: str, size_pt: float) -> float:
        """The width of ``text`` at ``size_pt`` in points."""
        return self.em(text) * size_pt

    def em(self, text: str) -> float:
        """The width of ``text`` in ems (cached: the same words recur on every slide)."""
        cached = self._ems.get(text)
        if cached is None:
            get, average = self.widths.get, self.average
            cached = sum(get(ord(c), average) for c in text)
            if len(self._ems) < 50_000:
                self._ems[text] = cached
        return cached


@cache
def metrics(family: str, bold: bool = False) -> Metrics:
    return Metrics(font_file(family, bold))


def wrap(text: str, family: str, size_pt: float, width_in: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines that fit ``width_in`` inches (explicit newlines kept)."""
    measure = metrics(family, bold)
    limit = width_in * 72 / size_pt  # in ems
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, measure, limit))
    return lines


def _wrap_paragraph(paragraph: str, measure: Metrics, limit: float) -> list[str]:
    """Greedy word wrap in ems; a word longer than a line is broken where it must be."""
    space = measure.em(" ")
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in paragraph.split(" "):
        width = measure.em(word)
        if current and used + space + width > limit:
            lines.append(" ".join(current))
            current, used = [], 0.0
        if not current and width > limit and len(word) > 1:
            pieces = _break_word(word, measure, limit)
            lines.extend(pieces[:-1])
            word = pieces[-1]
            width = measure.em(word)
        used = used + space + width if current else width
        current.append(word)
    lines.append(" ".join(current))
    return lines


def _break_word(word: str, measure: Metrics, limit: float) -> list[str]:
    """An overlong word cut into pieces that each fit a line (at least one character each)."""
    pieces, start, total = [], 0, 0.0
    for index, char in enumerate(word):
        advance = measure.widths.get(ord(char), measure.average)
        if total + advance > limit and index > start:
            pieces.append(word[start:index])
            start, total = index, 0.0
        total += advance
    pieces.append(word[start:])
    return pieces


def count_lines(texts: list[str], family: str, size_pt: float, width_in: float, bold: bool = False) -> int:
    """The lines that ``texts`` (one paragraph each) take at ``size_pt`` in a box ``width_in`` wide."""
    inner = max(width_in - 2 * INSET_X, 0.1)
    return sum(_lines(text, family, size_pt, round(inner, 4), bold) for text in texts)


@lru_cache(maxsize=8192)
def _lines(text: str, family: str, size_pt: float, width_in: float, bold: bool) -> int:
    return len(wrap(text, family, size_pt, width_in, bold))


def splits_words(texts: list[str], family: str, size_pt: float, width_in: float, bold: bool = False) -> bool:
    """True when a word of ``texts`` is wider than a line of a box ``width_in`` wide at ``size_pt``: it
    would be broken mid-word (``designgennemgan|ge``), so a smaller size should be tried first."""
    inner = max(width_in - 2 * INSET_X, 0.1)
    limit = round(inner, 4) * 72 / size_pt
    measure = metrics(family, bold)
    return any(measure.em(word) > limit for text in texts for word in text.split())


def lines_available(height_in: float, size_pt: float) -> int:
    """How many lines at ``size_pt`` fit a box ``height_in`` tall."""
    inner = max(height_in - 2 * INSET_Y, 0) * 72
    return int(inner // (size_pt * LINE_PITCH))


def fit(texts: list[str], family: str, size_pt: float, width_in: float, height_in: float, bold: bool = False) -> Fit:
    """The lines ``texts`` need and the lines the box holds at ``size_pt``."""
    return Fit(count_lines(texts, family, size_pt, width_in, bold), lines_available(height_in, size_pt))


def height_in(lines: int, size_pt: float, paragraphs: int = 1, space_pt: float = 0.0) -> float:
    """The height ``lines`` lines take, with ``space_pt`` before every paragraph but the first."""
    return (lines * size_pt * LINE_PITCH + max(paragraphs - 1, 0) * space_pt) / 72 + 2 * INSET_Y
