"""The alt text of a chart: what kind of chart it is and what it shows, with its key numbers, in its language.

A screen reader (and PowerPoint's accessibility checker) reads ``descr`` on the chart's shape. The chart
builders write the key finding into ``ChartSpec.alt_text``; a chart without one is described from its
own data, so no chart reaches a deck silent.
"""

from __future__ import annotations

from briefing.charts.spec import ChartSpec
from briefing.i18n import format_number, tr

MAX_CHARS = 1000
MAX_POINTS = 12


def describe(spec: ChartSpec) -> str:
    """``Bar chart: <title>. <what it shows>`` in ``spec.lang``; empty parts left out."""
    head = tr(f"chart.alt.{spec.kind}", spec.lang)
    if spec.title.strip():
        head = tr("chart.alt.titled", spec.lang, kind=head, title=spec.title.strip().rstrip("."))
    body = spec.alt_text.strip() or key_numbers(spec)
    text = f"{head}. {body}" if body else f"{head}."
    return text[:MAX_CHARS]


def key_numbers(spec: ChartSpec) -> str:
    """The chart's own numbers as a sentence per series (``Latest: Q1 7, Q2 1.``), at most a dozen points."""
    sentences = []
    for series in spec.series:
        labels = spec.categories or [format_number(x, spec.lang) for x in series.x or []]
        points = [f"{label} {format_number(value, spec.lang)}" for label, value in zip(labels, series.values,
                                                                                       strict=False)
                  if value is not None][:MAX_POINTS]
        if points:
            name = f"{series.name}: " if series.name else ""
            sentences.append(f"{name}{', '.join(points)}.")
    return " ".join(sentences)
