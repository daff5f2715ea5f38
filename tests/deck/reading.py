"""What a reader sees: each slide's words (python-pptx) against the words on its rendered PDF page.

A page's words come from ``pdftotext -bbox`` with their boxes, so a word drawn (partly) off the page
counts as missing, as does a word clipped away. A slide word that is missing from its page but shows
as two fragments on consecutive lines was broken across lines. The boxes are also where a contrast
check reads the pixels behind each word: ``Page.words`` and ``page_image`` are that hook.
"""

from __future__ import annotations

import html
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pptx import Presentation

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>')
_EDGE = re.compile(r"^[\"'“”‘’»«(\[]+|[\"'“”‘’»«)\],.;:!?]+$")


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[float, float, float, float]
    """x0, y0, x1, y1 in PDF points from the page's top left."""

    @property
    def middle(self) -> float:
        return (self.box[1] + self.box[3]) / 2

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


@dataclass
class Page:
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    """The words drawn wholly on the page (those a reader can see)."""
    off_page: list[Word] = field(default_factory=list)
    """The words drawn (partly) outside the page."""


def pdf_words(pdf: Path) -> list[Page]:
    """Every page of ``pdf`` with its words and their boxes (``pdftotext -bbox``)."""
    text = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for match in _PAGE.finditer(text):
        page = Page(float(match.group(1)), float(match.group(2)))
        for word in _WORD.finditer(match.group(3)):
            x0, y0, x1, y1 = (float(word.group(i)) for i in range(1, 5))
            seen = Word(html.unescape(word.group(5)), (x0, y0, x1, y1))
            inside = x0 >= -0.5 and y0 >= -0.5 and x1 <= page.width + 0.5 and y1 <= page.height + 0.5
            (page.words if inside else page.off_page).append(seen)
        pages.append(page)
    return pages


def page_image(pdf: Path, page: int, out: Path, dpi: int = 100) -> Path:
    """Page ``page`` (1-based) of ``pdf`` as a PNG: where a contrast check samples the pixels behind ``Page.words``
    (a PDF point is ``dpi / 72`` pixels)."""
    stem = out / f"{pdf.stem}-p{page}"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(stem)], check=True, capture_output=True)
    return stem.with_suffix(".png")


def slide_words(pptx: Path) -> list[list[str]]:
    """Every word a reader should see on each slide: text boxes, placeholders, tables, groups, native charts'
    categories and series names."""
    return [[word for text in _texts(slide.shapes) for word in split(text)] for slide in Presentation(str(pptx)).slides]


def _texts(shapes: Any) -> list[str]:
    texts: list[str] = []
    for shape in shapes:
        if shape.shape_type == 6:  # a group
            texts += _texts(shape.shapes)
        if shape.has_text_frame:
            texts += [p.text for p in shape.text_frame.paragraphs]
        if getattr(shape, "has_table", False) and shape.has_table:
            texts += [p.text for row in shape.table.rows for cell in row.cells for p in cell.text_frame.paragraphs]
        if getattr(shape, "has_chart", False) and shape.has_chart:
            plot = shape.chart.plots[0]
            texts += [str(c) for c in plot.categories]
            if shape.chart.has_legend:
                texts += [s.name for s in plot.series if s.name]
    return texts


def split(text: str) -> list[str]:
    """The words of ``text`` as a PDF's text shows them: split at spaces and after hyphens (a line may end at a
    hyphen), punctuation around a word dropped."""
    words = []
    for token in text.split():
        words += [part for piece in re.split(r"(?<=[-‐–])(?=\w)", token) if (part := _EDGE.sub("", piece))]
    return words


@dataclass
class Reading:
    """What a reader misses on one slide: words not on the page (clipped, off the page) and words broken mid-word."""

    missing: list[str]
    broken: list[str]


def read(slide: list[str], page: Page) -> Reading:
    """Compare a slide's words with those on its page."""
    seen = Counter(word.casefold() for w in page.words for word in split(w.text))
    missing: list[str] = []
    for word in slide:
        if seen[word.casefold()] > 0:
            seen[word.casefold()] -= 1
        else:
            missing.append(word)
    broken = [word for word in missing if _fragments(word, page)]
    return Reading([word for word in missing if word not in broken], broken)


def _fragments(word: str, page: Page) -> bool:
    """True when ``word`` shows in pieces on lines one below the other in the same column (``repositor`` | ``y``,
    ``erfaring`` | ``sopsaml`` | ``ing``)."""
    lines = _lines(page)
    return any(_continues(word.casefold(), piece, number, lines)
               for number, line in enumerate(lines) for piece in line)


def _continues(rest: str, piece: Word, number: int, lines: list[list[Word]], first: bool = True) -> bool:
    """``rest`` starts with ``piece`` and what follows it is on the lines below, right under ``piece``."""
    text = _EDGE.sub("", piece.text).casefold()
    if not text or not rest.startswith(text) or (first and text == rest):
        return False
    tail = rest[len(text):]
    if not tail:
        return True
    below = [(n, w) for n in range(number + 1, min(number + 3, len(lines))) for w in lines[n]
             if w.box[0] < piece.box[2] and w.box[2] > piece.box[0] and w.box[1] < piece.box[3] + 2 * piece.height]
    return any(_continues(tail, w, n, lines, first=False) for n, w in below)


def _lines(page: Page) -> list[list[Word]]:
    """The page's words in lines, top to bottom (a word joins the line whose middle it shares)."""
    lines: list[list[Word]] = []
    for word in sorted(page.words, key=lambda w: (round(w.middle), w.box[0])):
        for line in lines:
            if abs(line[0].middle - word.middle) < line[0].height * 0.4:
                line.append(word)
                break
        else:
            lines.append([word])
    lines.sort(key=lambda line: line[0].middle)
    return lines
