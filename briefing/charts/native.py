"""Native, editable PowerPoint charts from a ChartSpec (python-pptx; imported only here).

API: ``add_chart(slide, spec, left, top, width, height, theme, show_title=False) -> GraphicFrame``
for the kinds bar, column, line, scatter, bubble and pie (``spec.native``). Positions are EMU (or any
``pptx.util.Length``). Colours come from the roles through the ChartTheme, text in the theme's font at
``max(12, theme.font_size)`` pt in a colour that reads on the theme's background (light on a dark
theme). ``spec.note`` is written as a caption below the chart, inside the given box.

Every text is cleaned (``briefing.charts.text.clean_label``), and the embedded workbook is written
with every string as a string cell, so a label such as ``=HYPERLINK(…)`` or ``+1`` never becomes a
formula, a number or a link there.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import replace
from typing import Any

from pptx.chart.chart import Chart
from pptx.chart.marker import Marker
from pptx.dml.chtfmt import ChartFormat
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.shapes.graphfrm import GraphicFrame
from pptx.util import Emu, Pt

from briefing import pptx_compat as compat
from briefing.charts.alt import describe
from briefing.charts.labels import bubble_count, bubble_scale
from briefing.charts.spec import ChartSpec, Series
from briefing.charts.text import clean_label, short_label
from briefing.charts.theme import ChartTheme, edge_colour, grid_colour, label_colour, role_colour

MIN_PT = 12.0
NOTE_HEIGHT = Emu(int(0.45 * 914400))
_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
    "scatter": XL_CHART_TYPE.XY_SCATTER,
    "bubble": XL_CHART_TYPE.BUBBLE,
}
_SIDES = {
    "right": XL_LABEL_POSITION.RIGHT,
    "left": XL_LABEL_POSITION.LEFT,
    "above": XL_LABEL_POSITION.ABOVE,
    "below": XL_LABEL_POSITION.BELOW,
    "center": XL_LABEL_POSITION.CENTER,
}
_PIE_ROLES = ("accent", "context", "muted", "target")


# ---------------------------------------------------------------- the entry point


def add_chart(
    slide: Any,
    spec: ChartSpec,
    left: int,
    top: int,
    width: int,
    height: int,
    theme: ChartTheme,
    show_title: bool = False,
) -> GraphicFrame:
    """Add ``spec`` to ``slide`` as a native chart filling the box; returns the chart's graphic frame."""
    if not spec.native:
        raise ValueError(f"{spec.kind} charts have no native PowerPoint type; use briefing.charts.image")
    key: list[tuple[str, str]] = []
    if spec.kind == "bubble" and len(spec.series) > 1:
        spec, key = _one_bubble_series(spec, theme)
    chart_height = height
    if spec.note or key:
        chart_height = max(Emu(height - NOTE_HEIGHT), Emu(height // 2))
        _add_note(slide, spec.note, key, (left, top + chart_height, width, height - chart_height), theme)
    data = _chart_data(spec, _label_chars(spec, (width, chart_height), theme))
    frame: GraphicFrame = slide.shapes.add_chart(_TYPES[spec.kind], left, top, width, chart_height, data)
    _describe(frame, spec)
    chart = frame.chart
    _style_text(chart, theme)
    _set_title(chart, spec, theme, show_title)
    _set_legend(chart, spec)
    _colour_series(chart, spec, theme)
    if spec.kind != "pie":
        _style_axes(chart, spec, theme)
    if spec.data_labels:
        _add_data_labels(chart, spec, theme)
    if spec.kind == "bubble":
        chart.plots[0].bubble_scale = BUBBLE_SCALE
        if _scale_anchor(spec) is not None:
            _hide_anchor(chart, len(_present_indices(spec.series[-1], spec)))
    return frame


BUBBLE_SCALE = 35
"""``c:bubbleScale``: PowerPoint draws the biggest bubble at this share (%) of its full size (LibreOffice
ignores it); where many crowd, ``_scale_anchor`` shrinks them further, in both."""


def _font_pt(theme: ChartTheme) -> float:
    return max(MIN_PT, theme.font_size)


def _rgb(colour: str) -> RGBColor:
    rgb: RGBColor = RGBColor.from_string(colour.lstrip("#").upper())
    return rgb


def _describe(frame: GraphicFrame, spec: ChartSpec) -> None:
    """Name the shape after the chart and put the alt text where screen readers find it."""
    properties = compat.element(frame).nvGraphicFramePr.cNvPr
    properties.set("name", clean_label(spec.title)[:120] or "Chart")
    properties.set("descr", clean_label(describe(spec)))


# ---------------------------------------------------------------- data


LABEL_SHARE = 0.38
"""The share of a bar chart's width its categories' names may take beside the bars."""


WORD_SLACK = 1.15
"""How much longer a name's lines get when broken at words rather than anywhere (about)."""
AXES_ROOM_PT = 90.0
"""The height a chart's value axis, its title and the legend take from its categories (about)."""


def _label_chars(spec: ChartSpec, size: tuple[int, int], theme: ChartTheme) -> int | None:
    """How many characters a bar chart's category name may have on a line: few enough that the names
    take at most ``LABEL_SHARE`` of the chart's width, and no fewer than the lines each name has room
    for need (with room for lines broken at a word). None (the renderer wraps them) on a chart too short
    for two lines a name: names that crowd would be left out."""
    if spec.kind != "bar" or not spec.categories:
        return None
    font = _font_pt(theme)
    lines = int((Emu(size[1]).pt - AXES_ROOM_PT) / len(spec.categories) / (1.25 * font))
    if lines < 2:
        return None
    by_width = int(Emu(size[0]).pt * LABEL_SHARE / (0.5 * font))
    longest = max(len(clean_label(name)) for name in spec.categories)
    return max(by_width, math.ceil(longest * WORD_SLACK / lines), 12)


def _chart_data(spec: ChartSpec, label_chars: int | None = None) -> Any:
    if spec.kind in ("scatter", "bubble"):
        return _xy_data(spec)
    data = compat.CategoryData()
    categories = [_lines(clean_label(c), label_chars) for c in spec.categories] or [""]
    data.categories = categories
    for series in spec.series or [Series("", [])]:
        values = list(series.values)[: len(categories)]
        values += [None] * (len(categories) - len(values))
        data.add_series(clean_label(series.name), values)
    return data


def _lines(name: str, chars: int | None) -> str:
    """``name`` broken into lines of at most ``chars`` characters (a word longer stays whole)."""
    return "\n".join(textwrap.wrap(name, chars, break_long_words=False)) if chars and name else name


def _xy_data(spec: ChartSpec) -> Any:
    bubble = spec.kind == "bubble"
    data = compat.BubbleData() if bubble else compat.XyData()
    for series in spec.series:
        target = data.add_series(clean_label(series.name))
        for i, (x, y) in enumerate(zip(series.x or [], series.values, strict=False)):
            if y is None:
                continue
            if bubble:
                size = series.sizes[i] if series.sizes and i < len(series.sizes) else 1.0
                target.add_data_point(x, y, size)
            else:
                target.add_data_point(x, y)
    anchor = _scale_anchor(spec) if bubble else None
    if anchor is not None:
        target.add_data_point(*anchor)
    return data


def _scale_anchor(spec: ChartSpec) -> tuple[float, float, float] | None:
    """Where many bubbles crowd, an invisible one (x, y, size) that makes every other ``bubble_scale`` of its
    full size, as the label placement counted on. A client draws the biggest bubble at full size (PowerPoint
    then applies ``c:bubbleScale``, which LibreOffice ignores); beside one ``1 / scale²`` times the biggest's
    area (the size is the area), the others shrink in both. It sits in the middle of the plot."""
    scale = bubble_scale(bubble_count(spec))
    points = [(x, y, size) for series in spec.series
              for x, y, size in zip(series.x or [], series.values, series.sizes or [1.0] * len(series.values),
                                    strict=False) if y is not None]
    if scale >= 1 or not points:
        return None
    xs, ys, sizes = zip(*points, strict=True)
    (x_low, x_high), (y_low, y_high) = spec.x_range or (min(xs), max(xs)), spec.y_range or (min(ys), max(ys))
    return (x_low + x_high) / 2, (y_low + y_high) / 2, max(max(sizes), 1e-9) / scale**2


def _hide_anchor(chart: Chart, index: int) -> None:
    """The scale's anchor (point ``index``, the last series' last) without fill, edge or label."""
    plot = chart.plots[0]
    series = plot.series[-1]
    fmt = ChartFormat(compat.new_data_point(series, index))
    fmt.fill.background()
    fmt.line.fill.background()
    if plot.has_data_labels and plot.data_labels.show_value and compat.has_point_labels(series):
        _hide_label(series.points[index].data_label)  # (it would show its size; a series without labels of its
        # own shows none: a first one, hidden, would hide them all)


# ---------------------------------------------------------------- text


def _style_text(chart: Chart, theme: ChartTheme) -> None:
    font = chart.font
    font.name = theme.font_family
    font.size = Pt(_font_pt(theme))
    font.color.rgb = _rgb(label_colour(theme))


def _style_font(font: Any, theme: ChartTheme, colour: str | None = None, bold: bool = False) -> None:
    """Font, size, weight and colour of a run (or a default run), written straight into its ``a:rPr``:
    what python-pptx's setters write, at a fifth of their cost (a chart has dozens of labels)."""
    rpr = compat.run_properties(font)
    rpr.set("sz", str(round(_font_pt(theme) * 100)))
    rpr.set("b", "1" if bold else "0")
    for child in list(rpr):
        if child.tag in _FILLS or child.tag == _LATIN:
            rpr.remove(child)
    fill = _solid(rpr, colour or label_colour(theme))
    rpr.insert(1 if len(rpr) and rpr[0].tag == qn("a:ln") else 0, fill)
    latin = rpr.makeelement(_LATIN, {"typeface": theme.font_family})
    later = next((child for child in rpr if child.tag in _AFTER_LATIN), None)
    if later is not None:
        later.addprevious(latin)
    else:
        rpr.append(latin)


_FILLS = frozenset(qn(f"a:{name}") for name in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))
_LATIN = qn("a:latin")
_AFTER_LATIN = frozenset(qn(f"a:{name}") for name in ("ea", "cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl",
                                                       "extLst"))
_GEOMETRY = frozenset(qn(f"a:{name}") for name in ("xfrm", "custGeom", "prstGeom"))


def _solid(parent: Any, colour: str) -> Any:
    """A new ``a:solidFill`` of ``colour`` (not yet placed)."""
    fill = parent.makeelement(qn("a:solidFill"), {})
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": colour.lstrip("#").upper()}))
    return fill


def _set_title(chart: Chart, spec: ChartSpec, theme: ChartTheme, show: bool) -> None:
    chart.has_title = bool(show and spec.title)
    if not chart.has_title:
        compat.chart_space(chart).chart.get_or_add_autoTitleDeleted().set("val", "1")
        return
    frame = chart.chart_title.text_frame
    frame.text = clean_label(spec.title)
    for run in frame.paragraphs[0].runs:
        _style_font(run.font, theme, bold=True)


def _set_legend(chart: Chart, spec: ChartSpec) -> None:
    shown = spec.legend and (len(spec.series) > 1 or spec.kind == "pie")
    chart.has_legend = shown
    if shown:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False


def _add_note(
    slide: Any, note: str, key: list[tuple[str, str]], box_at: tuple[int, int, int, int], theme: ChartTheme
) -> None:
    """The caption below the chart, led by a colour key (``■ name``) when the chart needs one."""
    box = slide.shapes.add_textbox(*box_at)
    box.name = "Chart note"
    box.text_frame.word_wrap = True
    paragraph = box.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    for name, colour in key:
        swatch = paragraph.add_run()
        swatch.text = "\u25a0 "
        _style_font(swatch.font, theme, colour=colour)
        label = paragraph.add_run()
        label.text = clean_label(name) + "   "
        _style_font(label.font, theme)
    if note:
        run = paragraph.add_run()
        run.text = ("· " if key else "") + clean_label(note)
        _style_font(run.font, theme)


def _one_bubble_series(spec: ChartSpec, theme: ChartTheme) -> tuple[ChartSpec, list[tuple[str, str]]]:
    """Bubble series merged into one, each point keeping its series' colour, plus the colour key.

    LibreOffice drops bubble series that are shorter than a later one; one series shows everywhere.
    """
    merged = Series(clean_label(spec.title) or "Series", [], x=[], sizes=[], point_roles=[], point_labels=[])
    merged.label_positions = []
    for series in spec.series:
        n = len(series.values)
        merged.values += series.values
        merged.x = (merged.x or []) + list(series.x or [0.0] * n)[:n]
        merged.sizes = (merged.sizes or []) + list(series.sizes or [1.0] * n)[:n]
        merged.point_roles = (merged.point_roles or []) + (series.point_roles or [series.role] * n)[:n]
        merged.point_labels = (merged.point_labels or []) + (series.point_labels or [""] * n)[:n]
        positions = series.label_positions or ["right"] * n
        merged.label_positions = (merged.label_positions or []) + positions[:n]
    key = [(series.name, role_colour(theme, series.role)) for series in spec.series]
    return replace(spec, series=[merged], legend=False), key


# ---------------------------------------------------------------- colour


def _colour_series(chart: Chart, spec: ChartSpec, theme: ChartTheme) -> None:
    plot = chart.plots[0]
    if spec.kind == "pie":
        _colour_pie(plot.series[0], spec, theme)
        return
    for series, source in zip(plot.series, spec.series, strict=False):
        colour = role_colour(theme, source.role)
        if spec.kind == "line":
            _colour_line(series, colour, source.reference)
            continue
        if spec.kind == "scatter":
            _colour_markers(series, source, spec, theme)
            continue
        _fill(series.format, colour, theme)
        _fill_points(series, source, spec, theme, ChartFormat)


def _fill(fmt: Any, colour: str, theme: ChartTheme) -> None:
    """A solid fill; a fill too close to the background gets a visible edge (written into ``c:spPr``
    directly, as python-pptx's ``fill.solid()`` and ``line`` setters would, several times faster)."""
    sppr = compat.element(fmt).get_or_add_spPr()
    for child in list(sppr):
        if child.tag in _FILLS or child.tag == qn("a:ln"):
            sppr.remove(child)
    at = sum(1 for child in sppr if child.tag in _GEOMETRY)
    line = sppr.makeelement(qn("a:ln"), {"w": str(int(Pt(0.75)))})
    line.append(_solid(line, edge_colour(colour, theme)))
    sppr.insert(at, _solid(sppr, colour))
    sppr.insert(at + 1, line)


def _colour_line(series: Any, colour: str, reference: bool = False) -> None:
    series.format.line.color.rgb = _rgb(colour)
    series.format.line.width = Pt(2 if reference else 2.5)
    series.smooth = False
    if reference:  # a baseline or target: dashed, no markers
        series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        series.marker.style = XL_MARKER_STYLE.NONE
        return
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = _rgb(colour)
    series.marker.format.line.color.rgb = _rgb(colour)


def _colour_markers(series: Any, source: Series, spec: ChartSpec, theme: ChartTheme) -> None:
    """Scatter points as filled circles, no connecting line."""
    series.format.line.fill.background()
    series.marker.style = XL_MARKER_STYLE.CIRCLE
    series.marker.size = 11
    _fill(series.marker.format, role_colour(theme, source.role), theme)
    _fill_points(series, source, spec, theme, lambda dpt: Marker(dpt).format)


def _fill_points(series: Any, source: Series, spec: ChartSpec, theme: ChartTheme, fmt_of: Any) -> None:
    """Each point with a role of its own filled in that role's colour (``fmt_of`` picks the bar's or the
    marker's format of a ``c:dPt``). The series is new, so each point's ``c:dPt`` is added in order,
    without python-pptx's search for an existing one (at 400 points that search took a second)."""
    roles = source.point_roles or []
    for point, index in enumerate(_present_indices(source, spec)):
        if index < len(roles):
            _fill(fmt_of(compat.new_data_point(series, point)), role_colour(theme, roles[index]), theme)


def _colour_pie(series: Any, spec: ChartSpec, theme: ChartTheme) -> None:
    source = spec.series[0] if spec.series else Series("", [])
    roles = source.point_roles or [_PIE_ROLES[i % len(_PIE_ROLES)] for i in range(len(spec.categories))]
    for i, role in enumerate(roles[: len(spec.categories)]):
        _fill(series.points[i].format, role_colour(theme, role), theme)


# ---------------------------------------------------------------- axes


def _style_axes(chart: Chart, spec: ChartSpec, theme: ChartTheme) -> None:
    xy = spec.kind in ("scatter", "bubble")
    horizontal, vertical = chart.category_axis, chart.value_axis
    for axis in (horizontal, vertical):
        _style_font(axis.tick_labels.font, theme)
        axis.format.line.color.rgb = _rgb(grid_colour(theme, 0.5))
        axis.has_major_gridlines = False
    vertical.has_major_gridlines = True
    vertical.major_gridlines.format.line.color.rgb = _rgb(grid_colour(theme, 0.2))
    horizontal_title = spec.x_axis if xy else spec.category_axis
    vertical_title = spec.y_axis if xy else spec.value_axis
    _axis_title(horizontal, horizontal_title, theme)
    _axis_title(vertical, vertical_title, theme)
    if xy:
        _ranges(horizontal, spec.x_range)
        horizontal.has_major_gridlines = True
        horizontal.major_gridlines.format.line.color.rgb = _rgb(grid_colour(theme, 0.2))
    _ranges(vertical, spec.y_range)
    if spec.kind == "bar":
        horizontal.reverse_order = True
        vertical.tick_label_position = XL_TICK_LABEL_POSITION.HIGH
    if spec.kind in ("bar", "column"):
        _name_every_category(horizontal)
    if spec.scale and spec.kind in ("bar", "column"):
        vertical.visible = False
        vertical.has_major_gridlines = False
        vertical.has_title = False
    elif spec.counts and not spec.y_range:
        _count_axis(vertical, spec)
    elif not spec.y_range and _small_counts(spec):
        vertical.major_unit = 1


_AFTER_LABEL_SKIP = tuple(qn(tag) for tag in ("c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst"))


def _name_every_category(axis: Any) -> None:
    """Every category named on the axis: where the names crowd, PowerPoint and LibreOffice would
    otherwise leave every other one out (a question without its name)."""
    element = compat.element(axis)
    skip = element.find(qn("c:tickLblSkip"))
    if skip is None:
        skip = element.makeelement(qn("c:tickLblSkip"), {})
        later = next((child for child in element if child.tag in _AFTER_LABEL_SKIP), None)
        if later is not None:
            later.addprevious(skip)
        else:
            element.append(skip)
    skip.set("val", "1")


def _count_axis(axis: Any, spec: ChartSpec) -> None:
    """Counts: from 0, whole-number ticks, at least up to 1 (all zeros would otherwise show -1 … 1)."""
    highest = max((v or 0.0 for series in spec.series for v in series.values), default=0.0)
    axis.minimum_scale = 0
    if highest < 1:
        axis.maximum_scale = 1
    if highest <= 10:
        axis.major_unit = 1
    axis.tick_labels.number_format = "0"
    axis.tick_labels.number_format_is_linked = False


def _small_counts(spec: ChartSpec) -> bool:
    """True when every value is a whole number up to 10 (then the axis steps by 1, not 0.5)."""
    values = [v for series in spec.series for v in series.values if v is not None]
    return bool(values) and all(float(v).is_integer() and 0 <= v <= 10 for v in values)


def _axis_title(axis: Any, text: str, theme: ChartTheme) -> None:
    if not text:
        return
    frame = axis.axis_title.text_frame
    frame.text = clean_label(text)
    for run in frame.paragraphs[0].runs:
        _style_font(run.font, theme)


def _ranges(axis: Any, limits: tuple[float, float] | None) -> None:
    """Fixed limits; limits between whole numbers (0.5 … 5.6) still get ticks at the whole numbers."""
    if not limits:
        return
    low, high = limits
    if high - low <= 10:
        axis.major_unit = 1
    first, last = math.ceil(low), math.floor(high)
    if low < first or high > last:
        low, high = first - 1, last + 1
        axis.tick_labels.number_format = f'[<{first}]"";[>{last}]"";0'
        axis.tick_labels.number_format_is_linked = False
    axis.minimum_scale, axis.maximum_scale = low, high


# ---------------------------------------------------------------- data labels


def _add_data_labels(chart: Chart, spec: ChartSpec, theme: ChartTheme) -> None:
    plot = chart.plots[0]
    if spec.kind == "scatter":  # python-pptx has no plot-wide labels for XY charts: label the points
        for series, source in zip(plot.series, spec.series, strict=False):
            if source.point_labels:
                _point_labels(series, source, spec, theme)
        return
    plot.has_data_labels = True
    labels = plot.data_labels
    _style_font(labels.font, theme)
    if spec.kind == "pie":
        labels.show_percentage, labels.show_value, labels.show_category_name = True, False, True
        labels.number_format, labels.number_format_is_linked = "0%", False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        return
    # Bubbles named by their labels show no values, so a bubble left unnamed needs no label of its own
    # (400 hidden labels took python-pptx seconds: it inserts each one by scanning the others).
    labels.show_value = not (spec.kind == "bubble" and all(source.point_labels for source in spec.series))
    if spec.kind in ("bar", "column"):
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    for series, source in zip(plot.series, spec.series, strict=False):
        if source.point_labels:
            _point_labels(series, source, spec, theme)


def _point_labels(series: Any, source: Series, spec: ChartSpec, theme: ChartTheme) -> None:
    present = _present_indices(source, spec)
    for point_index, label_index in enumerate(present):
        text = source.point_labels[label_index] if source.point_labels else ""
        text = short_label(text) if spec.kind in ("bubble", "scatter") else clean_label(text)
        if not text and spec.kind in ("bubble", "scatter"):
            continue  # nothing shows there: no value (see _add_data_labels), no text
        label = series.points[point_index].data_label
        if spec.kind in ("bubble", "scatter") or source.label_positions:
            side = source.label_positions[label_index] if source.label_positions else "right"
            label.position = _SIDES.get(side, XL_LABEL_POSITION.RIGHT)
        if not text:
            label.has_text_frame = False
            _hide_label(label)
            continue
        frame = label.text_frame
        frame.text = text
        if spec.kind in ("bubble", "scatter", "line", "bar"):
            frame.word_wrap = False  # a name or an amount on one line, where the label placement counted on it
            # (a bar's beside it: the value axis leaves it room)
        if spec.kind in ("bubble", "scatter") or source.reference:  # a name, or a reference line's, on its patch
            _backed(label, theme.background)
        for run in frame.paragraphs[0].runs:
            _style_font(run.font, theme)


def _present_indices(source: Series, spec: ChartSpec) -> list[int]:
    """Indices (into the spec's lists) of the points python-pptx wrote, in order."""
    if spec.kind in ("scatter", "bubble"):
        return [i for i, (_, y) in enumerate(zip(source.x or [], source.values, strict=False)) if y is not None]
    return list(range(len(spec.categories)))


_AFTER_SPPR = frozenset(qn(f"c:{name}") for name in ("txPr", "dLblPos", "showLegendKey", "showVal", "showCatName",
                                                     "showSerName", "showPercent", "showBubbleSize", "separator",
                                                     "extLst"))


def _backed(label: Any, colour: str) -> None:
    """A point's label on a patch of the background: a name that overlaps another bubble still reads (AA)."""
    dlbl = compat.data_label_xml(label)
    for old in dlbl.findall(qn("c:spPr")):
        dlbl.remove(old)
    sppr = dlbl.makeelement(qn("c:spPr"), {})
    sppr.append(_solid(sppr, colour))
    later = next((child for child in dlbl if child.tag in _AFTER_SPPR), None)
    if later is not None:
        later.addprevious(sppr)
    else:
        dlbl.append(sppr)


def _hide_label(label: Any) -> None:
    dlbl = compat.data_label_xml(label)
    for tag in ("c:showLegendKey", "c:showVal", "c:showCatName", "c:showSerName", "c:showPercent"):
        element = dlbl.find(qn(tag))
        if element is not None:
            element.set("val", "0")
