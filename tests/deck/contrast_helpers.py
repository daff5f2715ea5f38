"""Contrast as a reader sees it: every word's colour against what lies behind it, measured from the pixels
of a rendered page (``pdftoppm`` PNG + ``pdftotext -bbox`` word boxes), and the templates the tests make."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from briefing.charts.theme import contrast

DPI = 100
PT = DPI / 72
RING = 3
"""Pixels around a word's box whose median is its background where no colour fills most of the box."""
LARGE_PT = 18.0
"""Words this tall (WCAG's large text) need 3:1; smaller ones 4.5:1."""
TOLERANCE = 0.95
"""A word passes at 95 % of the ratio AA asks: most words measure their exact colour at 100 dpi, but the
anti-aliased stem of a thin word (an "i") reads fainter, so the deck's own quiet colours keep 15 % above
the limit (``backdrop.QUIET_MARGIN``) and a deck made unreadable measures far below (1.9:1)."""


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    ratio: float
    limit: float
    colour: str
    background: str

    @property
    def fails(self) -> bool:
        return self.ratio < self.limit * TOLERANCE

    def __str__(self) -> str:
        return f"page {self.page}: {self.text!r} {self.colour} on {self.background} {self.ratio:.1f}:1 < {self.limit}"


def page_images(pdf: Path, folder: Path) -> list[Path]:
    """Each page of ``pdf`` as a PNG at ``DPI``."""
    prefix = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(prefix)], check=True, capture_output=True)
    return sorted(folder.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def word_boxes(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """The words of each page with their boxes in points (``pdftotext -bbox``)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in re.finditer(r"<page [^>]*>(.*?)</page>", html, re.S):
        pattern = r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
        pages.append([(m.group(5), *(float(m.group(i)) for i in range(1, 5)))
                      for m in re.finditer(pattern, page.group(1))])
    return pages


def _hex(pixel: np.ndarray) -> str:
    return "#" + "".join(f"{int(v):02X}" for v in pixel[:3])


def _luma(pixels: np.ndarray) -> np.ndarray:
    return np.asarray(pixels[..., :3] @ np.array([0.2126, 0.7152, 0.0722]))


def measure(pdf: Path, folder: Path) -> list[Word]:
    """Every word of ``pdf`` with its contrast: the word's extreme pixel (the darkest on a light background,
    the lightest on a dark one) against what lies behind it (``_behind``)."""
    words: list[Word] = []
    for number, (image_path, boxes) in enumerate(zip(page_images(pdf, folder), word_boxes(pdf), strict=True), 1):
        pixels = np.asarray(Image.open(image_path).convert("RGB")).astype(float)
        height, width = pixels.shape[:2]
        for text, x0, y0, x1, y1 in boxes:
            if not any(ch.isalnum() for ch in text):
                continue
            word = _word(pixels, width, height, (x0, y0, x1, y1), number, text)
            if word is not None:
                words.append(word)
    return words


def _word(pixels: np.ndarray, width: int, height: int, box: tuple[float, float, float, float], page: int,
          text: str) -> Word | None:
    x0, y0, x1, y1 = (round(v * PT) for v in box)
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, width), min(y1, height)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    inner = pixels[y0:y1, x0:x1].reshape(-1, 3)
    background = _behind(pixels, inner, (x0, y0, x1, y1))
    distance = np.abs(_luma(inner) - _luma(background[None, :])[0])
    ink = inner[int(np.argsort(distance)[max(int(len(distance) * 0.98) - 1, 0)])]
    size_pt = (box[3] - box[1]) / 1.2
    limit = 3.0 if size_pt >= LARGE_PT else 4.5
    bg, fg = _hex(background), _hex(ink)
    return Word(page, text, contrast(fg, bg), limit, fg, bg)


def _behind(pixels: np.ndarray, inner: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """What lies behind a word: the colour most of its box shows (glyphs cover the lesser part), else the
    median of a ring around the box (a word on a gradient or a picture)."""
    packed = inner.astype(np.int64) @ np.array([1 << 16, 1 << 8, 1])
    values, counts = np.unique(packed, return_counts=True)
    if counts.max() >= 0.4 * len(inner):
        value = int(values[counts.argmax()])
        return np.array([value >> 16, (value >> 8) & 255, value & 255], float)
    x0, y0, x1, y1 = box
    outer = pixels[max(y0 - RING, 0): y1 + RING, max(x0 - RING, 0): x1 + RING]
    mask = np.ones(outer.shape[:2], bool)
    top, left = y0 - max(y0 - RING, 0), x0 - max(x0 - RING, 0)
    mask[top: top + (y1 - y0), left: left + (x1 - x0)] = False
    ring = outer[mask]
    return np.asarray(np.median(ring, axis=0) if len(ring) else np.median(inner, axis=0), float)


# -- templates the tests make --------------------------------------------------------------------


def dark_four_three_template(folder: Path, colour: str = "1F2A4A") -> Path:
    """python-pptx's own 4:3 template with a navy master background and its default dark text styles."""
    prs = Presentation()
    master = prs.slide_masters[0].element
    csld = master.find(qn("p:cSld"))
    old = csld.find(qn("p:bg"))
    if old is not None:
        csld.remove(old)
    background = csld.makeelement(qn("p:bg"), {})
    props = background.makeelement(qn("p:bgPr"), {})
    fill = props.makeelement(qn("a:solidFill"), {})
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": colour}))
    props.append(fill)
    props.append(props.makeelement(qn("a:effectLst"), {}))
    background.append(props)
    csld.insert(0, background)
    path = folder / "dark-four-three.pptx"
    prs.save(str(path))
    return path
