"""LibreOffice conversions in batches and PDF checks for the deck tests."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from briefing.model import Workspace
from briefing.model.interchange import from_json_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "data"  # the samples, copied in (see tests/data/README.md)


def demo_workspace(lang: str) -> Workspace:
    path = ROOT / "assets" / "demo" / f"demo-{lang}.json"
    return from_json_text(path.read_text(encoding="utf-8"), str(path))


def convert_to_pdf(decks: list[Path], out: Path) -> dict[Path, Path]:
    """Convert several decks in one LibreOffice call (private profile); the PDF of each deck."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    profile = out / f"lo-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(out), *map(str, decks)],
        check=True, capture_output=True, timeout=240,
    )
    shutil.rmtree(profile, ignore_errors=True)
    return {deck: out / f"{deck.stem}.pdf" for deck in decks}


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def words_outside_page(pdf: Path) -> list[str]:
    """Words whose box lies (partly) outside their page, from ``pdftotext -bbox``."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    outside = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        pattern = r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
        for word in re.finditer(pattern, page.group(3)):
            x0, y0, x1, y1 = (float(word.group(i)) for i in range(1, 5))
            if x0 < -0.5 or y0 < -0.5 or x1 > width + 0.5 or y1 > height + 0.5:
                outside.append(word.group(5))
    return outside
