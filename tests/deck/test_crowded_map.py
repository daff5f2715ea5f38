"""The stakeholder map of a big campaign, as LibreOffice draws the deck's native chart: its 400 bubbles
are drawn small enough to see the crowd's shape (LibreOffice ignores PowerPoint's ``c:bubbleScale``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from decks import CROWDED_MAP_BOX, Rendered
from PIL import Image
from pptx.util import Emu

DPI = 30


def covered(pdf: Path, box: tuple[int, int, int, int], folder: Path) -> float:
    """The share of the chart's box (EMU) that LibreOffice painted with anything darker than a light grey."""
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-l", "1", "-singlefile", str(pdf), str(folder / "page")],
                   check=True, capture_output=True)
    left, top, width, height = (round(Emu(value).inches * DPI) for value in box)
    with Image.open(folder / "page.pgm") as page:
        counts = page.crop((left, top, left + width, top + height)).histogram()  # pixels by grey level
    return sum(counts[:200]) / sum(counts)


def test_the_bubbles_of_400_people_leave_most_of_the_chart_to_see_through(
        rendered: dict[str, Rendered], tmp_path: Path) -> None:
    share = covered(rendered["probe-crowded-map"].pdf, CROWDED_MAP_BOX, tmp_path)
    assert 0.1 < share < 0.3  # drawn, and not a blot: at full size the bubbles covered 45 % of the box
