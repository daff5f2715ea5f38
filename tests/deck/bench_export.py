"""Benchmark: our export of the demo deck against a minimal python-pptx + matplotlib script, in one run.

    .venv/bin/python tests/deck/bench_export.py

Budgets (../shared/QUALITY.md): export ≤ 1.2 × the minimal script; a re-export with unchanged data
≤ 0.5 × it (chart images cached by content). Each variant runs several times, interleaved; medians.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from lo_helpers import demo_workspace  # noqa: E402

from briefing.charts import build  # noqa: E402
from briefing.deck import export, plan  # noqa: E402
from briefing.deck.template import DEFAULT_TEMPLATE  # noqa: E402

TODAY = dt.date(2026, 11, 27)
RUNS = 7


def minimal(workspace: object, slides: list[tuple[str, list[str]]]) -> bytes:
    """The same slides and charts, the plain way: python-pptx shapes and charts, matplotlib images."""
    from matplotlib.figure import Figure
    from pptx import Presentation
    from pptx.chart.data import BubbleChartData, CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches, Pt

    prs = Presentation(str(DEFAULT_TEMPLATE))
    layout = prs.slide_layouts[5]
    kpi = build.kpi_effects(workspace, "en")  # type: ignore[arg-type]
    people = build.stakeholder_map(workspace, "en")  # type: ignore[arg-type]
    history = build.attempts(workspace, "en")  # type: ignore[arg-type]
    road = build.roadmap_timeline(workspace, "en", TODAY)  # type: ignore[arg-type]
    survey = build.survey_results(workspace.surveys[-1], "en")  # type: ignore[attr-defined]
    for index, (title, bullets) in enumerate(slides):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = title
        box = slide.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(12.3), Inches(4.8)).text_frame
        for line in bullets:
            run = box.add_paragraph().add_run()
            run.text = line
            run.font.size = Pt(20)
        slide.notes_slide.notes_text_frame.text = title
        if index == 5:
            data = CategoryChartData()
            data.categories = kpi.categories
            for series in kpi.series:
                data.add_series(series.name, series.values)
            slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Inches(0.5), Inches(1.6), Inches(12), Inches(5), data)
        if index == 7:
            bubbles = BubbleChartData()
            for series in people.series:
                added = bubbles.add_series(series.name)
                for x, y, size in zip(series.x or [], series.values, series.sizes or [], strict=False):
                    added.add_data_point(x, y or 0, size)
            slide.shapes.add_chart(XL_CHART_TYPE.BUBBLE, Inches(0.5), Inches(1.6), Inches(12), Inches(5), bubbles)
        last = len(slides) - 1
        if index in (6, 8, last):  # the survey, the roadmap and the history (a timeline of attempts) as pictures
            figure = Figure(figsize=(12, 5))
            axes = figure.add_subplot()
            if index in (8, last):
                for row, span in enumerate((road if index == 8 else history).spans):
                    axes.barh(row, (span.end - span.start).days, left=span.start.toordinal())
                    axes.text(span.end.toordinal(), row, span.label)
            else:
                for row, item in enumerate(survey.likert):
                    left = 0
                    for count in item.counts:
                        axes.barh(row, count, left=left)
                        left += count
                    axes.text(0, row, item.label)
            stream = io.BytesIO()
            figure.savefig(stream, format="png", dpi=200)
            stream.seek(0)
            slide.shapes.add_picture(stream, Inches(0.5), Inches(1.6), Inches(12), Inches(5))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def main() -> None:
    workspace = demo_workspace("en")
    deck = plan(workspace, today=TODAY)
    slides = [(s.title, s.bullets or [t for t in s.body_texts()][:5]) for s in deck.slides]
    folder = Path(tempfile.mkdtemp(prefix="bench-deck-"))
    minimal(workspace, slides)  # warm-up: imports and font caches for both
    export(workspace, folder / "warm.pptx", today=TODAY, cache_dir=folder / "warm-cache")
    times: dict[str, list[float]] = {"minimal": [], "export": [], "re-export": []}
    for run in range(RUNS):
        start = time.perf_counter()
        minimal(workspace, slides)
        times["minimal"].append(time.perf_counter() - start)
        cache = folder / f"cache-{run}"
        start = time.perf_counter()
        export(workspace, folder / "deck.pptx", today=TODAY, cache_dir=cache)
        times["export"].append(time.perf_counter() - start)
        start = time.perf_counter()
        export(workspace, folder / "deck.pptx", today=TODAY, cache_dir=cache)
        times["re-export"].append(time.perf_counter() - start)
    base = statistics.median(times["minimal"])
    print(f"demo deck: {len(deck.slides)} slides, {RUNS} runs, medians")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:10s} {median * 1000:7.0f} ms   {median / base:4.2f} × minimal")
    export_ratio = statistics.median(times["export"]) / base
    reexport_ratio = statistics.median(times["re-export"]) / base
    print(f"budget export ≤ 1.2×: {'OK' if export_ratio <= 1.2 else 'OVER'};"
          f" re-export ≤ 0.5×: {'OK' if reexport_ratio <= 0.5 else 'OVER'}")


if __name__ == "__main__":
    main()
