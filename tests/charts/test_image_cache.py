"""The chart image cache keeps to its size limit and lets the least recently used images go first."""

from __future__ import annotations

import os
import time
from pathlib import Path

from briefing.charts import image_cache
from briefing.charts.image import render_png
from briefing.charts.spec import ChartSpec, Series
from briefing.charts.theme import ChartTheme

KB = 1024


def aged(folder: Path, key: str, minutes_ago: int) -> Path:
    """An image ``key`` of 10 KB in ``folder``, last used ``minutes_ago``."""
    path = image_cache.cached(folder, key, lambda: b"\x89PNG" + b"x" * (10 * KB - 4), limit=10**9)
    stamp = time.time_ns() - minutes_ago * 60 * 10**9
    os.utime(path, ns=(stamp, stamp))
    return path


def test_the_folder_is_trimmed_to_the_limit_least_recently_used_first(tmp_path: Path) -> None:
    folder = tmp_path / "charts"
    for number in range(10):
        aged(folder, f"old{number}", minutes_ago=100 - number)  # old0 is the least recently used
    drawn = []
    reused = image_cache.cached(folder, "old0", lambda: drawn.append("old0") or b"", limit=10**9)
    assert drawn == [] and reused.stat().st_mtime_ns > (folder / "old1.png").stat().st_mtime_ns  # marked as used now
    image_cache.cached(folder, "new", lambda: b"\x89PNG" + b"y" * (10 * KB - 4), limit=100 * KB)
    # 110 KB over a limit of 100 KB: down to 80 KB, the three used longest ago going (old0 was just used)
    assert sorted(p.stem for p in folder.glob("*.png")) == ["new", "old0", "old4", "old5", "old6", "old7", "old8",
                                                            "old9"]


def test_within_the_limit_nothing_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "charts"
    for number in range(5):
        aged(folder, f"img{number}", minutes_ago=number)
    assert image_cache.trim(folder, limit=50 * KB) == []
    assert len(list(folder.glob("*.png"))) == 5


def test_an_unchanged_chart_is_drawn_once_and_comes_from_the_cache(tmp_path: Path) -> None:
    spec = ChartSpec(kind="column", title="t", categories=["a", "b"], series=[Series("s", [1.0, 2.0])])
    first = render_png(spec, ChartTheme(), 3, 2, tmp_path, dpi=30)
    assert isinstance(first, Path)
    os.utime(first, ns=(1, 1))
    again = render_png(spec, ChartTheme(), 3, 2, tmp_path, dpi=30)
    assert again == first and first.stat().st_mtime_ns > 1  # used again, so it is recent again
