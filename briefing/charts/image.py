"""ChartSpecs drawn with matplotlib (Figure + Agg; never pyplot; matplotlib imported only when called).

API:
- ``figure(spec, theme, width_in, height_in, show_title=False) -> matplotlib.figure.Figure`` — every
  kind (bar, column, line, scatter, bubble, pie, timeline, likert); the desktop app embeds it.
- ``render_png(spec, theme, width_in, height_in, cache_dir=None, dpi=200) -> Path | bytes`` — the PNG;
  with a ``cache_dir`` it is stored there under the sha256 of (spec, theme, size, dpi,
  ``renderer_version()``) and an unchanged chart is never drawn again (the path is returned); the folder
  keeps at most ``image_cache.MAX_CACHE_BYTES``, the least recently used images going first; without
  one the PNG bytes are returned.

Text is in the theme's font (Carlito, else Liberation Sans, else DejaVu Sans) at
``max(12, theme.font_size)`` pt, so an image placed at ``width_in × height_in`` on a slide matches the
slide's text. The figure is filled with the theme's background; text and axes use a colour that
reads on it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import textwrap
import threading
from collections.abc import Sequence
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.charts import image_cache
from briefing.charts.labels import bubble_count, bubble_scale
from briefing.charts.spec import ChartSpec, Series
from briefing.charts.text import mpl_text, short_label
from briefing.charts.theme import (
    ChartTheme,
    edge_colour,
    grid_colour,
    label_colour,
    level_colour,
    readable_on,
    role_colour,
)
from briefing.i18n import format_number, tr

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DRAWING_CODE = ("image.py", "labels.py", "text.py", "theme.py")
"""The modules (beside this one) whose code decides how a chart looks."""
MIN_PT = 12.0
FALLBACK_FONTS = ("Carlito", "Liberation Sans", "DejaVu Sans")
_PIE_ROLES = ("accent", "context", "muted", "target")


# ---------------------------------------------------------------- the entry points


def render_png(
    spec: ChartSpec,
    theme: ChartTheme,
    width_in: float,
    height_in: float,
    cache_dir: Path | None = None,
    dpi: int = 200,
) -> Path | bytes:
    """The chart as PNG: a cached file in ``cache_dir`` (drawn only when not cached yet), else bytes."""
    if cache_dir is None:
        return _png(spec, theme, width_in, height_in, dpi)
    key = cache_key(spec, theme, width_in, height_in, dpi)
    return image_cache.cached(Path(cache_dir), key, lambda: _png(spec, theme, width_in, height_in, dpi))


def cache_key(spec: ChartSpec, theme: ChartTheme, width_in: float, height_in: float, dpi: int) -> str:
    """The sha256 naming a rendered chart: equal for equal content, different for any change."""
    content = {
        "spec": dataclasses.asdict(spec),
        "theme": dataclasses.asdict(theme),
        "size": [round(width_in, 4), round(height_in, 4)],
        "dpi": dpi,
        "renderer": renderer_version(),
    }
    text = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def renderer_version() -> str:
    """What draws the charts: matplotlib's version and the drawing code itself, so that an image cached
    by an earlier version of the app is never reused once the drawing changed (in a packaged app, whose
    code has no source files, the app's version stands for the code)."""
    return code_version(Path(__file__).parent, DRAWING_CODE)


def code_version(folder: Path, names: tuple[str, ...]) -> str:
    """A digest of matplotlib's version and the files ``names`` in ``folder`` (the app's version for
    files that cannot be read)."""
    from importlib.metadata import PackageNotFoundError, version

    from briefing import __version__

    try:
        drawer = version("matplotlib")  # (its metadata, not the module: a re-export needs no matplotlib)
    except PackageNotFoundError:  # a packaged app without the metadata: matplotlib comes with the app's version
        drawer = __version__
    digest = hashlib.sha256(drawer.encode())
    for name in names:
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            digest.update(f"{name} {__version__}".encode())
    return digest.hexdigest()[:16]


DRAWING = threading.RLock()
"""matplotlib is not made for drawing on two threads at once (its rcParams, font cache and pyplot state are
shared): every figure is made and drawn holding this lock, by an export's worker and the app's charts alike."""


def _png(spec: ChartSpec, theme: ChartTheme, width_in: float, height_in: float, dpi: int) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = BytesIO()
    with DRAWING:
        fig = figure(spec, theme, width_in, height_in)
        FigureCanvasAgg(fig)
        fig.savefig(buffer, format="png", dpi=dpi, facecolor=theme.background, metadata={"Software": None},
                    pil_kwargs={"compress_level": 1})  # zlib level 1: a third of the encoding time, ~5 % larger
    return buffer.getvalue()


def figure(spec: ChartSpec, theme: ChartTheme, width_in: float, height_in: float, show_title: bool = False) -> Figure:
    """A matplotlib Figure of ``spec`` (no canvas attached; the caller picks Agg or Qt)."""
    import matplotlib as mpl
    from matplotlib.figure import Figure

    rc: Any = _rc_cached(theme, _first_font_covers(spec, theme))
    with mpl.rc_context(rc):
        fig = Figure(figsize=(width_in, height_in), facecolor=theme.background, layout="constrained")
        ax = fig.add_subplot()
        _style_axes(ax, theme)
        _DRAW[spec.kind](ax, spec, theme)
        if show_title and spec.title:
            ax.set_title(_wrap(spec.title, 80), loc="left", fontweight="bold", color=label_colour(theme))
        if spec.note:
            _note(fig, spec.note, theme, height_in)
    return fig


# ---------------------------------------------------------------- style


@cache
def _installed_fonts() -> frozenset[str]:
    from matplotlib import font_manager

    return frozenset(entry.name for entry in font_manager.fontManager.ttflist)


def font_families(theme: ChartTheme) -> list[str]:
    """The theme's font, then the fallbacks, keeping only fonts this machine has."""
    wanted = [theme.font_family, *FALLBACK_FONTS]
    installed = _installed_fonts()
    families = [name for i, name in enumerate(wanted) if name in installed and name not in wanted[:i]]
    return families or ["DejaVu Sans"]


def _pt(theme: ChartTheme) -> float:
    return max(MIN_PT, theme.font_size)


@cache
def _rc_cached(theme: ChartTheme, first_font_only: bool = False) -> dict[str, Any]:
    """``_rc`` worked out once per theme (font lookup and colour contrast are not free)."""
    rc = _rc(theme)
    if first_font_only:  # one font instead of a fallback chain: text layout ~10 % faster per chart
        rc["font.family"] = rc["font.family"][:1]
    return rc


_ALWAYS_DRAWN = "0123456789%−-+.,:;…–—·()/ "
"""Characters a chart may show that are not in its spec (tick labels, percentages, ellipses)."""


def _first_font_covers(spec: ChartSpec, theme: ChartTheme) -> bool:
    """True when the first of ``font_families`` has a glyph for every character the chart can show
    (its spec's texts, and numbers, percentages and month names as drawn in its language)."""
    text = json.dumps(dataclasses.asdict(spec), ensure_ascii=False, default=str) + _drawn_in(spec.lang)
    glyphs = _glyphs(font_families(theme)[0])
    return all(ord(char) in glyphs for char in set(text) if char not in "\n\r\t")


@cache
def _drawn_in(lang: str) -> str:
    months = "".join(tr(f"month.short.{month}", lang) for month in range(1, 13))
    return _ALWAYS_DRAWN + format_number(-1234567.5, lang, 1) + tr("chart.value_percent", lang, value="1") + months


@cache
def _glyphs(family: str) -> frozenset[int]:
    """The code points that the font matplotlib picks for ``family`` can draw."""
    from matplotlib import font_manager

    try:
        path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        return frozenset(font_manager.get_font(path).get_charmap())
    except (ValueError, OSError, RuntimeError):
        return frozenset()


def _rc(theme: ChartTheme) -> dict[str, Any]:
    text = label_colour(theme)
    return {
        "font.family": font_families(theme),
        "font.size": _pt(theme),
        "text.color": text,
        "axes.labelcolor": text,
        "xtick.color": text,
        "ytick.color": text,
        "xtick.labelsize": _pt(theme),
        "ytick.labelsize": _pt(theme),
        "legend.fontsize": _pt(theme),
        "axes.titlesize": _pt(theme) + 2,
        "axes.labelsize": _pt(theme),
        "axes.edgecolor": grid_colour(theme, 0.5),
        "axes.facecolor": theme.background,
        "legend.frameon": False,
        "svg.fonttype": "none",
    }


def _style_axes(ax: Axes, theme: ChartTheme) -> None:
    ax.set_facecolor(theme.background)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0, pad=6)
    ax.set_axisbelow(True)


def _grid(ax: Axes, theme: ChartTheme, axis: str) -> None:
    ax.grid(True, axis=axis, color=grid_colour(theme, 0.2), linewidth=0.8)  # type: ignore[arg-type]


def _note(fig: Figure, note: str, theme: ChartTheme, height_in: float) -> None:
    share = min(0.4, (_pt(theme) * 1.9 / 72) / height_in)
    fig.get_layout_engine().set(rect=(0, share, 1, 1 - share))  # type: ignore[union-attr, call-arg]
    fig.text(0.01, share * 0.35, mpl_text(note), ha="left", va="center", color=label_colour(theme))


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(mpl_text(text), width, break_long_words=False)) or " "  # never a word broken


def _number(value: float, spec: ChartSpec) -> str:
    return format_number(round(value, 1), spec.lang)


def _legend(ax: Axes, spec: ChartSpec, count: int, **kwargs: Any) -> None:
    if spec.legend and count > 1:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=min(count, 5), **kwargs)


# ---------------------------------------------------------------- category charts


def _labels_for(series: Series, spec: ChartSpec, n: int) -> list[str]:
    if series.point_labels is not None:
        labels = [mpl_text(label) for label in series.point_labels]
        return (labels + [""] * n)[:n]
    return ["" if v is None else _number(v, spec) for v in (list(series.values) + [None] * n)[:n]]


def _bars(ax: Axes, spec: ChartSpec, theme: ChartTheme, horizontal: bool) -> None:
    n = len(spec.categories)
    count = max(len(spec.series), 1)
    height = 0.8 / count
    for s_index, series in enumerate(spec.series):
        values = [(v if v is not None else 0.0) for v in (list(series.values) + [None] * n)[:n]]
        colours = [_point_colour(series, i, theme) for i in range(n)]
        offsets = [i - 0.4 + height * (s_index + 0.5) for i in range(n)]
        edges = [edge_colour(c, theme) for c in colours]
        common: dict[str, Any] = {"color": colours, "edgecolor": edges, "linewidth": 0.8}
        common["label"] = mpl_text(series.name)
        if horizontal:
            bars = ax.barh(offsets, values, height=height * 0.92, **common)
        else:
            bars = ax.bar(offsets, values, width=height * 0.92, **common)
        if spec.data_labels:
            ax.bar_label(bars, labels=_labels_for(series, spec, n), padding=3, color=label_colour(theme))
    _category_axis(ax, spec, theme, horizontal)
    _legend(ax, spec, len(spec.series))


def _point_colour(series: Series, index: int, theme: ChartTheme) -> str:
    if series.point_roles and index < len(series.point_roles):
        return role_colour(theme, series.point_roles[index])
    return role_colour(theme, series.role)


def _category_axis(ax: Axes, spec: ChartSpec, theme: ChartTheme, horizontal: bool) -> None:
    ticks = list(range(len(spec.categories)))
    labels = [_wrap(c, 28 if horizontal else 18) for c in spec.categories]
    theme_grid = "x" if horizontal else "y"
    if horizontal:
        ax.set_yticks(ticks, labels)
        ax.invert_yaxis()
        ax.set_xlabel(mpl_text(spec.value_axis))
        ax.margins(x=0.12)
    else:
        ax.set_xticks(ticks, labels)
        ax.set_ylabel(mpl_text(spec.value_axis))
        ax.margins(y=0.12)
    value_axis = ax.xaxis if horizontal else ax.yaxis
    if spec.scale:
        value_axis.set_visible(False)
        ax.spines["left" if not horizontal else "bottom"].set_visible(False)
        (ax.set_xlim if horizontal else ax.set_ylim)(0, len(spec.scale) * 1.12)
    else:
        _grid(ax, theme, theme_grid)
        if spec.y_range:
            (ax.set_xlim if horizontal else ax.set_ylim)(*spec.y_range)
        elif spec.counts:
            (ax.set_xlim if horizontal else ax.set_ylim)(0, _count_top(spec))
        _integer_ticks(value_axis, spec)
        value_axis.set_major_formatter(_formatter(spec))


def _count_top(spec: ChartSpec) -> float:
    """The top of a count axis: the highest count with room for its label, at least 1."""
    highest = max((v for s in spec.series for v in s.values if v is not None), default=0.0)
    return max(1.0, highest * 1.15)


def _integer_ticks(axis: Any, spec: ChartSpec) -> None:
    values = [v for s in spec.series for v in s.values if v is not None]
    if spec.counts or (values and all(float(v).is_integer() for v in values)):
        from matplotlib.ticker import MaxNLocator

        axis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


def _formatter(spec: ChartSpec) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: format_number(round(value, 2), spec.lang))


def _draw_bar(ax: Axes, spec: ChartSpec, theme: ChartTheme) -> None:
    _bars(ax, spec, theme, horizontal=True)


def _draw_column(ax: Axes, spec: ChartSpec, theme: ChartTheme) -> None:
    _bars(ax, spec, theme, horizontal=False)


_LINE_LABEL: dict[str, tuple[tuple[int, int], str, str]] = {
    "above": ((0, 8), "center", "bottom"), "below": ((0, -9), "center", "top"),
    "left": ((-8, 0), "right", "center"), "right": ((8, 0), "left", "center"),
}
"""Where a line chart's point label sits: its offset (points), horizontal and vertical alignment."""


def _draw_line(ax: Axes, spec: ChartSpec, theme: ChartTheme) -> None:
    n = len(spec.categories)
    for series in spec.series:
        colour = role_colour(theme, series.role)
        xs = [i for i, v in enumerate(series.values[:n]) if v is not None]
        ys = [v for v in series.values[:n] if v is not None]
        look: dict[str, Any] = ({"linewidth": 2, "linestyle": (0, (5, 3))} if series.reference
                                else {"linewidth": 2.5, "marker": "o", "markersize": 7})
        ax.plot(xs, ys, color=colour, label=mpl_text(series.name), **look)
        if spec.data_labels:
            labels = _labels_for(series, spec, n)
            sides = series.label_positions or []
            for x, y in zip(xs, ys, strict=True):
                offset, ha, va = _LINE_LABEL.get(sides[x] if x < len(sides) else "above", _LINE_LABEL["above"])
                box = {"boxstyle": "square,pad=0.1", "facecolor": theme.background, "edgecolor": "none"}
                ax.annotate(labels[x], (x, y), textcoords="offset points", xytext=offset, ha=ha, va=va,
                            bbox=box if series.reference else None)
    _category_axis(ax, spec, theme, horizontal=False)
    _legend(ax, spec, len(spec.series))


def _draw_pie(ax: Axes, spec: ChartSpec, theme: ChartTheme) -> None:
    series = spec.series[0] if spec.series else Series("", [])
    values = [max(v or 0.0, 0.0) for v in series.values[: len(spec.categories)]]
    if not sum(values):
        ax.set_axis_off()
        return
    roles = series.point_roles or [_PIE_ROLES[i % len(_PIE_ROLES)] for i in range(len(values))]
    colours = [role_colour(theme, role) for role in roles[: len(values)]]
    total = sum(values)
    labels = [f"{mpl_text(c)}\n{tr('chart.value_percent', spec.lang, value=_number(v / total * 100, spec))}"
              for c, v in zip(spec.categories, values, strict=False)]
    ax.pie(values, labels=labels, colors=colours, startangle=90, counterclock=False,
           wedgeprops={"edgecolor": theme.background, "linewidth": 1.5}, textprops={"color": label_colour(theme)})
    ax.set_aspect("equal")


# ---------------------------------------------------------------- scatter and bubble


def _draw_xy(ax: Axes, spec: ChartSpec, theme: ChartTheme) -> None:
    biggest = max((s for series in spec.series for s in series.sizes or [1.0]), default=1.0) or 1.0
    shrink = bubble_scale(bubble_count(spec)) ** 2  # an area: many bubbles are drawn smaller
    for series in spec.series:
        pairs = enumerate(zip(series.x or [], series.values, strict=False))
        points = [(x, y, i) for i, (x, y) in pairs if y is not None]
        if not points:
            continue
        colours = [_point_colour(series, i, theme) for _, _, i in points]
        sizes = [_area(series, i, biggest, spec) * shrink for _, _, i in points]
        ax.scatter([p[0] for p in points], [p[1] for p in points], s=sizes, c=colours, label=mpl_text(series.name),
                   edgecolors=[edge_colour(c, theme) for c in colours], linewidths=1.0, alpha=0.95, zorder=3)
        if spec.data_labels and series.point_labels:
            for x, y, i in points:
                _point_label(ax, series, i, (x, y), sizes[points.index((x, y, i))], theme)
    _xy_axes(ax, spec, theme)
    if spec.legend and len(spec.series) > 1:  # below the axis' title (the layout makes room), in the figure's width
        from matplotlib.transforms import offset_copy

        below = offset_copy(ax.transAxes, fig=ax.get_figure(root=True), y=-TITLE_ROOM * _pt(theme), units="points")
        legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=below, markerscale=1.0,
                           ncols=_legend_columns(ax, [series.name for series in spec.series], theme), scatterpoints=1)
        for handle in legend.legend_handles:
            handle.set_sizes([120])  # type: ignore[union-attr]


TITLE_ROOM = 3.0
"""How far (in font sizes) below the plot an XY chart's legend starts: past the tick labels and the axis' title."""


def _area(series: Series, index: int, biggest: float, spec: ChartSpec) -> float:
    if spec.kind != "bubble":
        return 90.0
    size = series.sizes[index] if series.sizes and index < len(series.sizes) else 1.0
    return 120 + 1500 * max(size, 0.0) / biggest


def _point_label(
    ax: Axes, series: Series, index: int, at: tuple[float, float], area: float, theme: ChartTheme
) -> None:
    """A point's name beside it, with a halo of the background's colour: readable where it
    crosses a bubble of a light colour (on a dark background) or of a dark one."""
    from matplotlib import patheffects

    labels = series.point_labels or []
    if index >= len(labels) or not labels[index]:
        return
    side = series.label_positions[index] if series.label_positions and index < len(series.label_positions) else "right"
    gap = (area**0.5) / 2 + 4
    offset, align = {
        "right": ((gap, 0), ("left", "center")),
        "left": ((-gap, 0), ("right", "center")),
        "above": ((0, gap), ("center", "bottom")),
        "below": ((0, -gap), ("center", "top")),
        "center": ((0, 0), ("center", "center")),
    }.get(side, ((gap, 0), ("left", "center")))
    text = mpl_text(short_label(labels[index]))
    halo = [patheffects.withStroke(linewidth=3, foreground=theme.background)]
    ax.annotate(text, at, textcoords="offset points", xytext=offset, ha=align[0], va=align[1], zorder=4,
                path_effects=halo)


def _xy_axes(ax: Axes, spec: ChartSpec, theme: ChartTheme) -> None:
    ax.set_xlabel(mpl_text(spec.x_axis))
    ax.set_ylabel(mpl_text(spec.y_axis))
    _grid(ax, theme, "both")
    for limits, set_limits, set_ticks in ((spec.x_range, ax.set_xlim, ax.set_xticks),
                                          (spec.y_range, ax.set_ylim, ax.set_yticks)):
        if limits:
            set_limits(*limits)
            if limits[1] - limits[0] <= 12:
                set_ticks(range(int(-(-limits[0] // 1)), int(limits[1] // 1) + 1))


# ---------------------------------------------------------------- timeline


def _draw_timeline(ax: Axes, spec: ChartSpec, theme: ChartTheme) -> None:
    from matplotlib.dates import date2num
    from matplotlib.patches import Patch

    spans = spec.spans
    if not spans:
        ax.set_axis_off()
        return
    levels = len(spec.scale) or 3
    first = min([s.start for s in spans] + ([spec.today] if spec.today else []))
    last = max([s.end for s in spans] + ([spec.today] if spec.today else []))
    pad = max((last - first).days * 0.03, 5)
    ax.set_xlim(date2num(first - dt.timedelta(days=pad)), date2num(last + dt.timedelta(days=pad)))
    for row, span in enumerate(spans):
        colour = role_colour(theme, span.role)
        start, end = date2num(span.start), date2num(span.end + dt.timedelta(days=1))
        edge = label_colour(theme) if span.marked else edge_colour(colour, theme)
        ax.barh(row, end - start, left=start, height=0.62, color=colour, edgecolor=edge,
                linewidth=3.5 if span.marked else 1.0, zorder=2)
        _span_text(ax, span.label, span.note, (start, end, row), colour, theme, span.marked)
    ax.set_ylim(len(spans) - 0.4, -0.75)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    _month_ticks(ax, first, last, spec)
    _grid(ax, theme, "x")
    if spec.today:
        today = date2num(spec.today)
        ax.axvline(today, color=role_colour(theme, "target"), linewidth=2, linestyle=(0, (4, 3)), zorder=3)
        ax.annotate(mpl_text(spec.today_label), (today, -0.75), xytext=(4, -2), textcoords="offset points",
                    ha="left", va="top", color=role_colour(theme, "target"), fontweight="bold")
    if spec.legend and spec.scale:
        handles = [Patch(facecolor=level_colour(theme, i, levels), edgecolor=edge_colour(level_colour(theme, i, levels),
                   theme), label=mpl_text(name)) for i, name in enumerate(spec.scale)]
        # a figure legend "outside" gets its own room from the layout, below the (two-line) month labels
        fig = ax.get_figure(root=True)
        fig.legend(handles=handles, loc="outside lower center", ncols=len(handles))  # type: ignore[union-attr]


def _span_text(ax: Axes, label: str, note: str, where: tuple[float, float, int], fill: str, theme: ChartTheme,
               bold: bool = False) -> None:
    """The span's name (and its note) inside its bar when it fits, else after the bar's end when the figure
    has room there, else before its start — decided when drawn, from the drawn sizes; bold for the marked span."""
    start, end, row = where
    text = mpl_text(label) + (f"\n{mpl_text(note)}" if note else "")
    ax.add_artist(_span_label_class()(
        ax, (start, end), row, text, (readable_on(fill, theme), label_colour(theme), theme.background),
        va="center", zorder=4, linespacing=1.15, fontweight="bold" if bold else "normal", clip_on=False))


SPAN_PADDING_PT = 6.0
"""The room (in points) between a timeline span's edge and its label."""


@cache
def _span_label_class() -> type:
    """``SpanLabel``: a timeline span's label inside the bar when it fits there, else beside it (after the end
    when the figure has room, else before the start; its lines wrapped when neither side is wide enough), in a
    colour that reads on what lies behind it; beside the bar on the chart's background, so that a line such as
    "today" passes behind the words, not through them."""
    from matplotlib.text import Text

    class SpanLabel(Text):
        def __init__(self, ax: Axes, span: tuple[float, float], row: float, text: str, colours: tuple[str, str, str],
                     **kwargs: Any) -> None:
            fig = ax.get_figure(root=True)
            self.after = ax.transData + _shift(SPAN_PADDING_PT, fig)
            self.before = ax.transData + _shift(-SPAN_PADDING_PT, fig)
            super().__init__(span[0], row, text, ha="left", transform=self.after, **kwargs)
            self.span, self.colours, self.full = span, colours, text
            self.set_in_layout(False)  # placed (and wrapped) within the figure when drawn: the bars keep its width

        def draw(self, renderer: Any) -> None:
            if self.axes is not None and self.get_visible():
                self._place(renderer)
            super().draw(renderer)

        def _place(self, renderer: Any) -> None:
            assert self.axes is not None
            left, right = (float(x) for x, _ in self.axes.transData.transform([(self.span[0], 0.0),
                                                                               (self.span[1], 0.0)]))
            pad = 2 * SPAN_PADDING_PT * self.figure.dpi / 72
            self.set_text(self.full)
            self.set_x(self.span[0])
            self.set_horizontalalignment("left")
            self.set_transform(self.after)
            self.set_color(self.colours[0])
            self.set_bbox(None)
            width = self.get_window_extent(renderer).width
            if width + pad <= right - left:
                return
            self.set_color(self.colours[1])
            self.set_bbox({"facecolor": self.colours[2], "edgecolor": "none", "pad": 1.5})
            after = self.figure.bbox.width - right
            if right + width + pad <= self.figure.bbox.width or after >= left:
                self.set_x(self.span[1])
            else:  # more room before the bar than after it: right-aligned to its start
                self.set_horizontalalignment("right")
                self.set_transform(self.before)
            room = max(after, left) - pad
            if width > room > 0:  # too wide for either side: its lines wrapped to the room there is
                longest = max(len(line) for line in self.full.split("\n"))
                chars = max(int(longest * room / width), 8)
                self.set_text("\n".join(textwrap.fill(line, chars) for line in self.full.split("\n")))

    return SpanLabel


def _shift(points: float, fig: Any) -> Any:
    from matplotlib.transforms import ScaledTranslation

    return ScaledTranslation(points / 72, 0, fig.dpi_scale_trans)


TICK_ROOM_IN = 0.55
"""The width (in inches) a month's label needs on a timeline's axis: fewer months are labelled on a narrow chart."""


def _month_ticks(ax: Axes, first: dt.date, last: dt.date, spec: ChartSpec) -> None:
    from matplotlib.dates import date2num

    months = (last.year - first.year) * 12 + last.month - first.month + 1
    fig = ax.get_figure(root=True)
    assert fig is not None  # how many month labels fit side by side:
    room = max(int(fig.get_figwidth() * ax.get_position().width / TICK_ROOM_IN), 2)
    step = next(step for step in (1, 2, 3, 6, 12, 24) if months / step <= room or step == 24)
    ticks, day = [], dt.date(first.year, first.month, 1)
    while day <= last:
        if (day.month - 1) % step == 0:
            ticks.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    labels = [_month_label(day, spec, i == 0 or day.month <= step) for i, day in enumerate(ticks)]
    ax.set_xticks([date2num(day) for day in ticks], labels)


def _month_label(day: dt.date, spec: ChartSpec, with_year: bool) -> str:
    month = tr(f"month.short.{day.month}", spec.lang)
    return f"{month}\n{day.year}" if with_year else month


# ---------------------------------------------------------------- likert


def _draw_likert(ax: Axes, spec: ChartSpec, theme: ChartTheme) -> None:
    from matplotlib.patches import Patch

    levels = len(spec.scale)
    rows = [row for row in spec.likert if sum(row.counts) > 0]
    if not rows or not levels:
        ax.set_axis_off()
        return
    colours = [level_colour(theme, i, levels) for i in range(levels)]
    for index, row in enumerate(rows):
        _likert_row(ax, index, row.counts, colours, spec, theme)
    ax.axvline(0, color=grid_colour(theme, 0.7), linewidth=1.2, zorder=3)
    fig = ax.get_figure(root=True)
    width_in, height_in = fig.get_figwidth(), fig.get_figheight()  # type: ignore[union-attr]
    beside = height_in < 3.2 and width_in > 2.4 * height_in  # a short, wide chart: the key goes to the right
    ncols = 1 if beside else _legend_columns(ax, spec.scale, theme)
    labels, size = _question_labels(ax, [row.label for row in rows], spec, theme, 0 if beside else ncols)
    ax.set_yticks(range(len(rows)), labels, fontsize=size)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(-105, 105)
    ax.set_xticks([-100, -50, 0, 50, 100])
    ax.xaxis.set_major_formatter(_percent_formatter(spec))
    ax.spines["left"].set_visible(False)
    _grid(ax, theme, "x")
    handles = [Patch(facecolor=c, edgecolor=edge_colour(c, theme), label=_wrap(name, LEGEND_WRAP))
               for c, name in zip(colours, spec.scale, strict=True)]
    if spec.legend:  # centred on the figure (not the axes, which sit right of the questions), inside its width
        where = "outside right center" if beside else "outside lower center"
        fig.legend(handles=handles, loc=where, ncols=ncols)  # type: ignore[union-attr, call-overload]


LEGEND_WRAP = 22
"""Scale names in the Likert legend wrap after this many characters."""


def _legend_columns(ax: Axes, names: Sequence[str], theme: ChartTheme) -> int:
    """As many columns of a legend of ``names`` as fit the figure's width (each as wide as the widest entry)."""
    width_pt = ax.get_figure(root=True).get_figwidth() * 72  # type: ignore[union-attr]
    widest = max((min(len(name), LEGEND_WRAP) for name in names), default=1)
    entry_pt = widest * _pt(theme) * 0.55 + _pt(theme) * 3.2  # text, the swatch and the gaps around it
    return max(1, min(len(names), int(width_pt * 0.95 // entry_pt)))


def _question_labels(ax: Axes, labels: list[str], spec: ChartSpec, theme: ChartTheme, ncols: int
                     ) -> tuple[list[str], float]:
    """Question labels wrapped into the lines their row has room for, and their size: the theme's size, else
    smaller down to ``MIN_PT`` and a wider label column, so that on a short chart neighbouring questions never
    overlap. Only a question that fits none of these is cut with … (its full text is in the notes and appendix).
    ``ncols``: the legend's columns below the chart (0: the legend is beside it)."""
    fig = ax.get_figure(root=True)
    height_pt, width_pt = fig.get_figheight() * 72, fig.get_figwidth() * 72  # type: ignore[union-attr]
    legend_rows = -(-len(spec.scale) // ncols) if spec.legend and ncols else 0
    legend_lines = legend_rows * (2 if any(len(name) > LEGEND_WRAP for name in spec.scale) else 1)
    reserved = _pt(theme) * (2.2 + 1.35 * legend_lines + (1.9 if spec.note else 0))
    row_pt = max(height_pt - reserved, height_pt * 0.3) / max(len(labels), 1)
    result: list[str] = []
    for pt, share, beside_share in ((_pt(theme), 0.42, 0.3), (MIN_PT, 0.42, 0.3), (MIN_PT, 0.55, 0.5)):
        max_lines = max(1, int(row_pt // (pt * 1.25)))
        widest = max(20, int(width_pt * (share if ncols else beside_share) // (pt * 0.5)))  # 0: the key is beside
        result = [_wrap_within(label, max_lines, widest) for label in labels]
        if all(text.count("\n") < max_lines for text in result):
            return result, pt
    return [_cut(text, max_lines) for text in result], MIN_PT  # the last resort: the full question is in the notes


def _cut(text: str, max_lines: int) -> str:
    lines = text.split("\n")
    if len(lines) <= max_lines:
        return text
    return "\n".join([*lines[: max_lines - 1], lines[max_lines - 1].rstrip(" ,;:.") + "…"])


def _wrap_within(label: str, max_lines: int, widest: int) -> str:
    """``label`` wrapped at 34 characters a line, or wider up to ``widest`` until it takes at most ``max_lines``."""
    chars = 34
    lines = _wrap(label, chars).split("\n")
    while len(lines) > max_lines and chars < widest:
        chars = min(chars + 8, widest)
        lines = _wrap(label, chars).split("\n")
    return "\n".join(lines)


def _likert_row(ax: Axes, index: int, counts: list[int], colours: list[str], spec: ChartSpec,
                theme: ChartTheme) -> None:
    """One diverging bar: disagreeing levels left of 0, agreeing right, a neutral middle split over 0."""
    levels = len(counts)
    total = sum(counts)
    shares = [c / total * 100 for c in counts]
    middle = levels // 2 if levels % 2 else None
    negative = sum(shares[: levels // 2])
    left = -negative - (shares[middle] / 2 if middle is not None else 0)
    for level, share in enumerate(shares):
        if share > 0:
            ax.barh(index, share, left=left, height=0.6, color=colours[level], edgecolor=theme.background,
                    linewidth=0.8, zorder=2)
            label = _segment_label_class()(left + share / 2, index, _percent(share, spec), (left, left + share),
                                           ha="center", va="center", color=readable_on(colours[level], theme),
                                           zorder=4)
            ax.add_artist(label)
        left += share


@cache
def _segment_label_class() -> type:
    """``SegmentLabel``: a label centred on a bar segment, drawn only when it fits inside the segment.

    Whether it fits is decided at each draw, from the drawn sizes, so a label that would spill over
    its neighbours (``8 %`` beside ``15 %``) is left out however the chart is sized.
    """
    from matplotlib.text import Text

    class SegmentLabel(Text):
        def __init__(self, x: float, y: float, text: str, span: tuple[float, float], **kwargs: Any) -> None:
            super().__init__(x, y, text, **kwargs)
            self.span = span
            self.fits = True

        def draw(self, renderer: Any) -> None:
            if self.axes is not None and self.get_visible():
                ends = self.axes.transData.transform([(self.span[0], 0.0), (self.span[1], 0.0)])
                room = abs(float(ends[1][0] - ends[0][0]))
                self.fits = self.get_window_extent(renderer).width + SEGMENT_PADDING_PT * self.figure.dpi / 72 <= room
                if not self.fits:
                    return
            super().draw(renderer)

    return SegmentLabel


SEGMENT_PADDING_PT = 6.0
"""The room (in points) a Likert segment's label keeps from the segment's edges, both sides together."""


def _percent(value: float, spec: ChartSpec) -> str:
    return tr("chart.value_percent", spec.lang, value=format_number(round(value), spec.lang))


def _percent_formatter(spec: ChartSpec) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: _percent(abs(value), spec))


_DRAW = {
    "bar": _draw_bar,
    "column": _draw_column,
    "line": _draw_line,
    "pie": _draw_pie,
    "scatter": _draw_xy,
    "bubble": _draw_xy,
    "timeline": _draw_timeline,
    "likert": _draw_likert,
}
