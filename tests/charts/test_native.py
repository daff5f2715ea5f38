"""Native PowerPoint charts: written, saved, read back as a user's PowerPoint would see them."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation as Deck
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from briefing.charts import build, native
from briefing.charts.labels import bubble_scale
from briefing.charts.spec import ChartSpec, Series
from briefing.charts.theme import ChartTheme, luminance

from .conftest import DARK, TODAY

NASTY = ["=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "=1+1"]
CONTROL = ["bell\x07here", "nul\x00x", "non\ufffechar", "lone\ud800surrogate", "tab\there", "ok"]


def save_and_reload(specs: list[ChartSpec], theme: ChartTheme, tmp_path: Path):
    deck = Deck()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    for spec in specs:
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        native.add_chart(slide, spec, Inches(0.5), Inches(1.2), Inches(12.3), Inches(5.8), theme)
    path = tmp_path / "charts.pptx"
    deck.save(path)
    return path, Deck(path)


def charts_of(deck) -> list:
    return [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]


def embedded_workbooks(path: Path) -> list[openpyxl.Workbook]:
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("ppt/embeddings/") and n.endswith(".xlsx"))
        return [openpyxl.load_workbook(io.BytesIO(archive.read(n))) for n in names]


def chart_xml(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n))
        return [archive.read(n).decode("utf-8") for n in names]


def test_builders_become_editable_charts_of_the_right_type(workspace, tmp_path):
    specs = [
        build.kpi_effects(workspace, "en"),
        build.stakeholder_map(workspace, "en"),
        build.leadership_dose(workspace, "en", TODAY, 42),
    ]
    _, deck = save_and_reload(specs, ChartTheme(), tmp_path)
    kpis, people, dose = charts_of(deck)
    assert kpis.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(kpis.plots[0].categories) == specs[0].categories
    assert [s.name for s in kpis.series] == ["Baseline", "Latest", "Target"]
    assert list(kpis.series[1].values) == pytest.approx(specs[0].series[1].values)
    assert people.chart_type == XL_CHART_TYPE.BUBBLE
    # one series, each stakeholder a point (LibreOffice drops shorter bubble series)
    assert len(list(people.series[0].values)) == len(workspace.stakeholders)
    assert dose.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(dose.series[1].values) == specs[2].series[1].values


def test_kpi_bars_carry_their_values_in_the_kpis_unit(workspace, tmp_path):
    path, _ = save_and_reload([build.kpi_effects(workspace, "en")], ChartTheme(), tmp_path)
    (xml,) = chart_xml(path)
    for label in ("3.5 h", "8 min", "71%", "45 min"):
        assert f"<a:t>{label}</a:t>" in xml


def test_line_scatter_and_pie_kinds(tmp_path):
    specs = [
        ChartSpec("line", categories=["a", "b", "c"], series=[Series("A", [1, None, 2], role="accent")]),
        ChartSpec("scatter", series=[Series("S", [1, 2], x=[3, 4], point_labels=["p", "q"])]),
        ChartSpec("pie", categories=["x", "y"], series=[Series("P", [1, 3])]),
    ]
    _, deck = save_and_reload(specs, ChartTheme(), tmp_path)
    line, scatter, pie = charts_of(deck)
    assert line.chart_type == XL_CHART_TYPE.LINE_MARKERS and list(line.series[0].values) == [1, None, 2]
    assert scatter.chart_type == XL_CHART_TYPE.XY_SCATTER and list(scatter.series[0].values) == [1, 2]
    assert pie.chart_type == XL_CHART_TYPE.PIE and list(pie.plots[0].categories) == ["x", "y"]


@pytest.mark.parametrize("kind", ["column", "pie", "scatter", "bubble"])
def test_formula_triggers_stay_text_in_the_embedded_workbook(kind, tmp_path):
    if kind in ("scatter", "bubble"):
        series = [Series(name, [1.0], x=[float(i)], sizes=[1.0], point_labels=[name]) for i, name in enumerate(NASTY)]
        spec = ChartSpec(kind, title="=TITLE()", series=series)
    else:
        spec = ChartSpec(kind, categories=NASTY, series=[Series(NASTY[0], [1, 2, 3, 4, 5]),
                                                        Series("@x", [1, 1, 1, 1, 1])][: 1 if kind == "pie" else 2])
    path, deck = save_and_reload([spec], ChartTheme(), tmp_path)
    (workbook,) = embedded_workbooks(path)
    cells = [cell for row in workbook.active.iter_rows() for cell in row if cell.value is not None]
    assert cells
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    strings = {c.value for c in cells if c.data_type == "s"}
    if kind in ("column", "pie"):
        assert set(NASTY) <= strings
        (chart,) = charts_of(deck)
        assert list(chart.plots[0].categories) == NASTY
        assert chart.series[0].name == NASTY[0]
    else:
        assert (NASTY[0] if kind == "scatter" else "=TITLE()") in strings


def test_control_characters_and_noncharacters_are_removed(tmp_path):
    spec = ChartSpec("column", categories=CONTROL, series=[Series("Name\x0bwith\ufffftrash", [1] * len(CONTROL),
                                                                  point_labels=CONTROL)], value_axis="ax\x1bis")
    path, deck = save_and_reload([spec], ChartTheme(), tmp_path)
    (chart,) = charts_of(deck)
    assert list(chart.plots[0].categories) == ["bellhere", "nulx", "nonchar", "lonesurrogate", "tab here", "ok"]
    assert chart.series[0].name == "Name withtrash"
    (xml,) = chart_xml(path)
    assert "_x00" not in xml and "\ufffe" not in xml


@pytest.mark.parametrize("theme", [ChartTheme(), DARK], ids=["light", "dark"])
def test_text_colour_reads_on_the_background_and_is_at_least_12_pt(workspace, theme, tmp_path):
    small = ChartTheme(**{**theme.__dict__, "font_size": 9.0})
    specs = [build.kpi_effects(workspace, "en"), build.stakeholder_map(workspace, "en")]
    path, _ = save_and_reload(specs, small, tmp_path)
    for xml in chart_xml(path):
        colours = re.findall(r'<a:rPr[^>]*>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"', xml)
        colours += re.findall(r'<a:defRPr[^>]*>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"', xml)
        assert colours
        for colour in colours:
            if theme.dark:
                assert luminance("#" + colour) > 0.6, colour
            else:
                assert luminance("#" + colour) < 0.1, colour
        sizes = [int(s) for s in re.findall(r'<a:(?:rPr|defRPr)[^>]* sz="(\d+)"', xml)]
        assert sizes and min(sizes) >= 1200
        assert 'typeface="Carlito"' in xml


def test_note_and_colour_key_sit_below_the_chart(workspace, tmp_path):
    _, deck = save_and_reload([build.stakeholder_map(workspace, "en", anonymize=True)], DARK, tmp_path)
    shapes = list(deck.slides[0].shapes)
    frame = next(s for s in shapes if s.has_chart)
    note = next(s for s in shapes if s.has_text_frame)
    assert note.top >= frame.top + frame.height
    text = note.text_frame.text
    assert "Blocker" in text and "Champion" in text and "3 allies" in text
    assert frame.element.nvGraphicFramePr.cNvPr.get("descr").startswith("Bubble chart: Stakeholders by interest and "
                                                                         "influence. 6 stakeholders")


def test_timeline_has_no_native_chart(workspace):
    deck = Deck()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    with pytest.raises(ValueError, match="timeline"):
        native.add_chart(slide, build.roadmap_timeline(workspace, "en", TODAY), 0, 0, 100, 100, ChartTheme())
    with pytest.raises(ValueError, match="timeline"):  # the attempts too: a drawn timeline
        native.add_chart(slide, build.attempts(workspace, "en"), 0, 0, 100, 100, ChartTheme())


def test_an_empty_chart_still_saves(tmp_path):
    _, deck = save_and_reload([build.kpi_effects(build.Workspace(), "en")], ChartTheme(), tmp_path)
    assert charts_of(deck)


def test_a_count_axis_with_only_zeros_runs_from_zero_to_one_in_whole_steps(workspace, tmp_path):
    workspace.dialogues = []
    spec = build.leadership_dose(workspace, "en", TODAY, 42)
    _, deck = save_and_reload([spec], ChartTheme(), tmp_path)
    axis = charts_of(deck)[0].value_axis
    assert (axis.minimum_scale, axis.maximum_scale, axis.major_unit) == (0, 1, 1)
    assert axis.tick_labels.number_format == "0"


def test_a_big_stakeholder_map_names_only_its_labelled_people_and_colours_every_bubble(tmp_path):
    from big_workspace import big_workspace

    workspace = big_workspace()
    spec = build.stakeholder_map(workspace, "en")
    named = [label for series in spec.series for label in series.point_labels or [] if label]
    path, _deck = save_and_reload([spec], ChartTheme(), tmp_path)
    (xml,) = chart_xml(path)
    texts = re.findall(r"<c:dLbl>.*?</c:dLbl>", xml, flags=re.S)
    assert len(texts) == len(named)  # no label at all for a bubble left unnamed
    assert all(any(f"<a:t>{name}</a:t>" in text for text in texts) for name in named)
    plot_labels = xml[xml.rindex("<c:dLbls>"):]
    assert '<c:showVal val="0"/>' in plot_labels  # and no value shows on them either
    points = re.findall(r'<c:dPt><c:idx val="(\d+)"/>(.*?)</c:dPt>', xml, flags=re.S)
    people = len(workspace.stakeholders)
    assert [int(n) for n, _ in points] == list(range(people + 1))  # each bubble its stance's colour, and …
    assert all("<a:solidFill>" in fill for _, fill in points[:-1])
    anchor = points[-1][1]  # … one more, unseen: it draws the crowd's bubbles smaller in every client
    assert "<a:noFill/>" in anchor and "<a:solidFill>" not in anchor
    bubble_sizes = xml[xml.index("<c:bubbleSize>"):xml.index("</c:bubbleSize>")]
    sizes = [float(v) for v in re.findall(r"<c:v>([^<]+)</c:v>", bubble_sizes)]
    assert len(sizes) == people + 1 and sizes[-1] == pytest.approx(max(sizes[:-1]) / bubble_scale(people) ** 2)


LONG_QUESTIONS = [
    "I can quickly find the signed contract or the document I need for the case at hand",
    "I trust that the version I find is the valid one",
    "Experience from earlier projects is easy to find and reuse when a new project starts",
]


def _bars_in(frame: tuple[float, float], tmp_path: Path) -> tuple[list[str], str]:
    spec = ChartSpec(lang="en", kind="bar", title="Agree", categories=LONG_QUESTIONS,
                     series=[Series("Then", [17, 19, 20]), Series("Now", [77, 71, 35])])
    deck = Deck()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    native.add_chart(slide, spec, Inches(0.5), Inches(0.5), Inches(frame[0]), Inches(frame[1]), ChartTheme())
    deck.save(tmp_path / "bars.pptx")
    chart = charts_of(Deck(tmp_path / "bars.pptx"))[0]
    return list(chart.plots[0].categories), chart_xml(tmp_path / "bars.pptx")[0]


def test_long_category_names_are_broken_into_lines_leaving_the_bars_most_of_the_width(tmp_path):
    names, xml = _bars_in((7.6, 5.0), tmp_path)
    assert [" ".join(name.split("\n")) for name in names] == LONG_QUESTIONS  # every word kept, in order
    assert any("\n" in name for name in names)
    room = 7.6 * 72 * native.LABEL_SHARE / (0.5 * 14)  # characters on a line, at 14 pt
    assert all(len(line) <= room for name in names for line in name.split("\n"))
    assert '<c:tickLblSkip val="1"/>' in xml  # every question named, none left out where they crowd


def test_on_a_short_chart_the_names_are_left_for_the_renderer_to_wrap(tmp_path):
    names, xml = _bars_in((7.6, 2.4), tmp_path)
    assert names == LONG_QUESTIONS
    assert '<c:tickLblSkip val="1"/>' in xml
