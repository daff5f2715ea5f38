"""Charts as images: every kind draws, in the theme's font and colours, and unchanged charts are cached."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.text import Text

from briefing.charts import build, image
from briefing.charts.spec import ChartSpec, Series
from briefing.charts.theme import ChartTheme, contrast, level_colour, luminance, ordered_ramp, role_colour

from .conftest import DARK, TODAY

PNG = b"\x89PNG\r\n\x1a\n"


def every_kind(workspace) -> list[ChartSpec]:
    return [
        build.kpi_effects(workspace, "en"),
        build.survey_results(workspace.surveys[0], "en"),
        build.stakeholder_map(workspace, "en"),
        build.roadmap_timeline(workspace, "da", TODAY),
        build.attempts(workspace, "en"),
        build.leadership_dose(workspace, "da", TODAY, 42),
        ChartSpec("line", categories=["a", "b"], series=[Series("$5 saved", [1, 2], role="accent")], lang="da"),
        ChartSpec("scatter", series=[Series("S", [1, 2], x=[1, 2], point_labels=["$x", "y$"])]),
        ChartSpec("pie", categories=["x", "y", "z"], series=[Series("P", [1, 3, 0])]),
    ]


def visible_texts(fig) -> list[Text]:
    fig.canvas.draw()
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def test_every_kind_draws_with_the_theme_font_at_least_12_pt(workspace, theme):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    small = dataclasses.replace(theme, font_size=8.0)
    for spec in every_kind(workspace):
        fig = image.figure(spec, small, 10, 5.5, show_title=True)
        FigureCanvasAgg(fig)
        texts = visible_texts(fig)
        assert texts, spec.kind
        for text in texts:
            assert text.get_fontsize() >= 12, (spec.kind, text.get_text())
            assert text.get_fontname() == "Carlito", (spec.kind, text.get_text())


def test_dark_theme_keeps_axis_legend_and_title_text_light(workspace):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for spec in every_kind(workspace)[:6]:
        fig = image.figure(spec, DARK, 10, 5.5, show_title=True)
        FigureCanvasAgg(fig)
        ax = fig.axes[0]
        outside = [*ax.get_xticklabels(), *ax.get_yticklabels(), ax.title, ax.xaxis.label, ax.yaxis.label]
        legend = ax.get_legend()
        outside += legend.get_texts() if legend else []
        for text in outside:
            if text.get_text().strip() and text.get_visible():
                colour = text.get_color()
                assert contrast(colour, DARK.background) >= 4.5, (spec.kind, text.get_text(), colour)


def test_labels_inside_bars_read_on_their_fill(workspace, theme):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_hex

    fig = image.figure(build.survey_results(workspace.surveys[0], "en"), theme, 10, 5)
    FigureCanvasAgg(fig)
    percents = [t for t in visible_texts(fig) if t.get_text().endswith("%") and t.get_position()[0] not in (-100, 100)]
    inside = [t for t in percents if t.get_text() in ("67%", "33%", "100%") and t in fig.axes[0].texts]
    assert inside
    fills = {to_hex(level_colour(theme, level, 5)) for level in range(5)}
    for text in inside:
        assert max(contrast(text.get_color(), fill) for fill in fills) >= 4.5


def test_likert_rows_diverge_around_zero(workspace):
    fig = image.figure(build.survey_results(workspace.surveys[0], "en"), ChartTheme(), 10, 5)
    bars = [p for p in fig.axes[0].patches if p.get_width() > 0]
    first_row = sorted((b for b in bars if abs(b.get_y() + b.get_height() / 2) < 0.01), key=lambda b: b.get_x())
    # Statement 1: two thirds strongly disagree (left of 0), one third agree (right of 0)
    assert first_row[0].get_x() == pytest.approx(-200 / 3) and first_row[0].get_width() == pytest.approx(200 / 3)
    assert first_row[1].get_x() == pytest.approx(0) and first_row[1].get_width() == pytest.approx(100 / 3)


def test_png_bytes_without_a_cache(workspace):
    data = image.render_png(build.attempts(workspace, "en"), ChartTheme(), 6, 3.5, None, dpi=50)
    assert isinstance(data, bytes) and data.startswith(PNG)


def test_unchanged_chart_is_not_drawn_again(workspace, tmp_path, monkeypatch):
    drawn: list[str] = []
    original = image.figure

    def counting(spec, *args, **kwargs):
        drawn.append(spec.kind)
        return original(spec, *args, **kwargs)

    monkeypatch.setattr(image, "figure", counting)
    cache = tmp_path / "cache"
    spec = build.roadmap_timeline(workspace, "en", TODAY)
    first = image.render_png(spec, ChartTheme(), 8, 4, cache, dpi=50)
    assert isinstance(first, Path) and first.read_bytes().startswith(PNG) and len(drawn) == 1
    again = image.render_png(build.roadmap_timeline(workspace, "en", TODAY), ChartTheme(), 8, 4, cache, dpi=50)
    assert again == first and len(drawn) == 1
    workspace.phases[0].cost = 1
    changed = image.render_png(build.roadmap_timeline(workspace, "en", TODAY), ChartTheme(), 8, 4, cache, dpi=50)
    assert changed != first and len(drawn) == 2
    image.render_png(spec, DARK, 8, 4, cache, dpi=50)
    image.render_png(spec, ChartTheme(), 8, 4.5, cache, dpi=50)
    image.render_png(spec, ChartTheme(), 8, 4, cache, dpi=60)
    assert len(drawn) == 5
    assert sorted(p.suffix for p in cache.iterdir()) == [".png"] * 5


def test_a_chart_cached_by_an_earlier_drawing_code_is_drawn_anew(workspace, tmp_path, monkeypatch):
    """A user who updates the app never gets an image the old code drew: the drawing code is in the key."""
    code = tmp_path / "code"
    code.mkdir()
    for name in image.DRAWING_CODE:
        (code / name).write_text(f"# {name}\n")
    before = image.code_version(code, image.DRAWING_CODE)
    assert image.code_version(code, image.DRAWING_CODE) == before
    (code / "image.py").write_text("# image.py, its labels placed otherwise\n")
    after = image.code_version(code, image.DRAWING_CODE)
    assert after != before
    assert image.code_version(tmp_path / "packaged", image.DRAWING_CODE)  # no sources: the app's version
    assert image.renderer_version() == image.code_version(Path(image.__file__).parent, image.DRAWING_CODE)
    spec = build.roadmap_timeline(workspace, "en", TODAY)
    monkeypatch.setattr(image, "renderer_version", lambda: before)
    old = image.render_png(spec, ChartTheme(), 8, 4, tmp_path / "cache", dpi=50)
    monkeypatch.setattr(image, "renderer_version", lambda: after)
    assert image.render_png(spec, ChartTheme(), 8, 4, tmp_path / "cache", dpi=50) != old


def test_an_empty_cache_file_is_drawn_again(workspace, tmp_path):
    spec = build.attempts(workspace, "en")
    path = image.render_png(spec, ChartTheme(), 6, 3, tmp_path, dpi=40)
    assert isinstance(path, Path)
    path.write_bytes(b"")
    assert image.render_png(spec, ChartTheme(), 6, 3, tmp_path, dpi=40) == path
    assert path.read_bytes().startswith(PNG)


@pytest.mark.parametrize("theme", [ChartTheme(), DARK], ids=["light", "dark"])
def test_ordered_levels_stand_out_more_with_each_level(theme):
    ramp = ordered_ramp(theme)
    contrasts = [contrast(c, theme.background) for c in ramp]
    assert contrasts == sorted(contrasts)
    for levels in (3, 5):
        colours = [role_colour(theme, f"level:{i}/{levels}") for i in range(levels)]
        lightness = [luminance(c) for c in colours]
        # lightness alone orders the levels (greyscale, colour blindness): strictly monotonic
        steps = [b - a for a, b in itertools.pairwise(lightness)]
        assert all(s > 0 for s in steps) or all(s < 0 for s in steps)
        assert min(abs(s) for s in steps) > 0.05


@pytest.mark.parametrize("background", ["#000000", "#FFFFFF", "#0E1A2B", "#F4F1EA", "#3A3A3A"])
def test_every_level_has_3_to_1_contrast_and_keeps_its_order(background):
    dark_first = ("#14223B", "#1F5AA6", "#4F86C0", "#8FB5DD", "#CFE0F2")  # #14223B on black: 1.3:1 before
    for ramp in (dark_first, ChartTheme().ramp, ("#777777",) * 5):
        theme = ChartTheme(background=background, ramp=ramp)
        levels = ordered_ramp(theme)
        contrasts = [contrast(c, background) for c in levels]
        assert min(contrasts) >= 3.0, (background, ramp, levels)
        assert contrasts == sorted(contrasts)
        if len(set(ramp)) > 1:  # a real ramp (not one colour five times) keeps clear lightness steps
            for a, b in itertools.pairwise(levels):
                assert abs(luminance(b) - luminance(a)) > 0.05 or contrast(a, b) >= 1.4, (background, levels)


def test_importing_the_charts_package_loads_neither_matplotlib_nor_pptx():
    code = ("import sys, briefing.charts, briefing.charts.build, briefing.charts.image; "
            "print(any(m.startswith(('matplotlib', 'pptx')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pyplot_is_never_imported(workspace):
    code = ("import sys, datetime; from briefing.charts import image, build; from briefing.model import Workspace; "
            "from briefing.charts.theme import ChartTheme; "
            "image.render_png(build.attempts(Workspace(), 'en'), ChartTheme(), 4, 3, None, 40); "
            "print('matplotlib.pyplot' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("size", [(8.27, 2.5), (7.65, 5.05), (12.3, 5.0), (6.0, 2.0)], ids=str)
def test_likert_key_stays_inside_the_figure_and_questions_never_overlap(workspace, size):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    spec = build.survey_results(workspace.surveys[0], "en")
    long = "Experience from earlier projects is easy to find and reuse when a new project starts up"
    spec = dataclasses.replace(spec, likert=[dataclasses.replace(row, label=long) for row in spec.likert])
    fig = image.figure(spec, DARK, *size)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    legend = fig.legends[0].get_window_extent(renderer)
    assert page.x0 - 1 <= legend.x0 and legend.x1 <= page.x1 + 1 and page.y0 - 1 <= legend.y0
    for text in fig.legends[0].get_texts():  # every scale name whole, none clipped at the edge
        box = text.get_window_extent(renderer)
        assert page.x0 <= box.x0 and box.x1 <= page.x1
    labels = [t.get_window_extent(renderer) for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert len(labels) == len(spec.likert)
    for upper, lower in itertools.pairwise(sorted(labels, key=lambda b: -b.y1)):
        assert lower.y1 <= upper.y0 + 0.5  # no two questions overlap


def test_one_font_is_enough_unless_a_character_needs_the_fallbacks(workspace):
    spec = build.survey_results(workspace.surveys[0], "da")
    assert image._first_font_covers(spec, ChartTheme())
    odd = dataclasses.replace(spec, title="Ⓐ ✓ 漢字 ∑")
    assert not image._first_font_covers(odd, ChartTheme())
    assert image.render_png(odd, ChartTheme(), 6, 3, None, dpi=40).startswith(PNG)  # no missing-glyph warning


@pytest.mark.parametrize("contacts", [0, 3, 14])
def test_a_count_axis_has_whole_number_ticks_from_zero_and_reaches_one(workspace, contacts):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    start = TODAY - dt.timedelta(days=6)
    workspace.dialogues = [
        dataclasses.replace(workspace.dialogues[0], id=f"d{i}", date=start, references_shared=0)
        for i in range(contacts)
    ]
    spec = build.leadership_dose(workspace, "da", TODAY, 42)
    assert spec.counts
    fig = image.figure(spec, ChartTheme(), 6, 3.2)
    FigureCanvasAgg(fig).draw()
    ax = fig.axes[0]
    low, high = ax.get_ylim()
    assert low == 0 and high >= max(1, contacts)
    shown = [t.get_text() for t in ax.get_yticklabels() if low <= t.get_position()[1] <= high]
    assert shown and all(text.isdigit() for text in shown), shown
    assert "1" in shown or contacts > 10


def test_likert_labels_of_segments_too_narrow_for_them_are_left_out(workspace):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    spec = build.survey_results(workspace.surveys[0], "da")
    spec.likert = [dataclasses.replace(spec.likert[0], counts=[4, 8, 11, 42, 35])]
    for width in (4.0, 10.0):
        fig = image.figure(spec, DARK, width, 3.0)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        labels = [t for t in fig.axes[0].texts if t.get_text().endswith("%")]
        drawn = [t for t in labels if t.fits]
        assert len(labels) == 5 and drawn
        for label in drawn:  # a drawn label lies inside its segment, so neighbours never touch
            left, right = fig.axes[0].transData.transform([(label.span[0], 0), (label.span[1], 0)])[:, 0]
            box = label.get_window_extent(renderer)
            assert left <= box.x0 and box.x1 <= right, label.get_text()
        assert not next(t for t in labels if t.get_text() == "4 %").fits
    assert any(t.get_text() == "42 %" and t.fits for t in labels)


@pytest.mark.parametrize("size", [(5.0, 3.3), (7.0, 4.5), (12.0, 4.0)], ids=str)
@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_roadmap_keeps_the_width_for_its_bars_and_its_labels_within_the_figure(demo, demo_da, lang, size):
    """The phases' labels never squeeze the time axis (on a 10-inch slide they did, to a third of the
    chart): the bars span most of the figure, and every label is placed inside it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    spec = build.roadmap_timeline(demo if lang == "en" else demo_da, lang, dt.date(2026, 12, 8))
    fig = image.figure(spec, ChartTheme(), *size)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    axes = fig.axes[0].get_window_extent(renderer)
    assert axes.width >= 0.8 * fig.bbox.width
    spans = [t for t in fig.axes[0].texts if t.get_text().startswith(("Phase", "Fase"))]
    assert len(spans) == len(spec.spans)
    for text in spans:
        box = text.get_window_extent(renderer)
        assert fig.bbox.x0 - 1 <= box.x0 and box.x1 <= fig.bbox.x1 + 1, text.get_text()


@pytest.mark.parametrize("size", [(7.0, 3.6), (12.9, 3.6)], ids=str)
@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_stakeholder_maps_key_fits_below_its_axis_title_and_leaves_the_plot_its_width(demo, demo_da, lang, size):
    """Each stance in the key whole, inside the figure and clear of the axis' title and the note below; the
    plot keeps most of the width (a key wider than the figure once squeezed it to a third)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    spec = build.stakeholder_map(demo if lang == "en" else demo_da, lang)
    fig = image.figure(spec, ChartTheme(), *size)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    axes = fig.axes[0]
    key = axes.get_legend().get_window_extent(renderer)
    title = axes.xaxis.label.get_window_extent(renderer)
    note = next(t for t in fig.texts if t.get_text()).get_window_extent(renderer)
    assert fig.bbox.x0 <= key.x0 and key.x1 <= fig.bbox.x1
    assert key.y1 <= title.y0 and note.y1 <= key.y0  # the title, the key, then the note: none on another
    assert axes.get_window_extent(renderer).width >= 0.75 * fig.bbox.width
