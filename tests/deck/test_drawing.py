"""The preview's drawn slides: the same boxes and text as the exported deck, in the template's
backgrounds and colours; charts as the export's cached image or a sketch; findings tied to parts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from pptx.util import Emu

from briefing.deck import export, plan, review
from briefing.deck import template as templates
from briefing.deck.drawing import draw, marked_parts
from briefing.deck.drawn import DrawnSlide, Line, Picture, Rect, Text, text_width
from briefing.deck.model import Finding, SlideSpec
from briefing.deck.scenery import scenery
from briefing.deck.template import Box
from briefing.model import Workspace

TOLERANCE = 0.01
"""Inches: what python-pptx's rounding to EMU may move a box."""


def _words(texts: list[str]) -> set[str]:
    return {word for text in texts for word in text.replace("…", " ").split()}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """The demo deck exported once (its chart images cached), and the cache folder."""
    from briefing.demo import demo_workspace

    folder = tmp_path_factory.mktemp("deck")
    workspace = demo_workspace("en")
    result = export(workspace, folder / "demo.pptx", today=dt.date(2026, 11, 27), cache_dir=folder / "charts")
    from pptx import Presentation

    return Presentation(str(result.path)), folder / "charts"


def _inside(box: Box, outer: Box) -> bool:
    return outer.left <= box.left <= outer.right and outer.top <= box.top <= outer.bottom


def _drawn(workspace: Workspace, today: dt.date, template: Any = None, cache: Path | None = None
           ) -> list[DrawnSlide]:
    deck = plan(workspace, today=today)
    return draw(deck, templates.load(template), cache)


def test_every_slide_is_drawn_with_its_title_and_number(demo: Workspace, today: dt.date) -> None:
    deck = plan(demo, today=today)
    slides = draw(deck, templates.load(None))
    assert [s.title for s in slides] == [s.title for s in deck.slides]
    for slide, spec in zip(slides, deck.slides, strict=True):
        assert _words([spec.title]) <= _words(slide.texts())
        if spec.kind != "title":
            assert str(slide.number) in slide.texts()  # the footer's slide number


def test_the_drawing_places_what_the_renderer_places(exported: tuple[Any, Path], demo: Workspace,
                                                     today: dt.date) -> None:
    prs, _cache = exported
    slides = _drawn(demo, today)
    assert len(prs.slides) == len(slides)
    for pptx_slide, drawn in zip(prs.slides, slides, strict=True):
        boxes = [(Emu(s.left).inches, Emu(s.top).inches, Emu(s.width).inches, Emu(s.height).inches)
                 for s in pptx_slide.shapes if s.width is not None]
        for name, part in drawn.parts.items():
            if name == "footer":
                continue
            where = (part.left, part.top, part.width, part.height)
            compared = 3 if name == "chart" else 4  # a native chart's note takes the bottom of its box
            assert any(all(abs(a - b) < TOLERANCE for a, b in zip(where[:compared], box[:compared], strict=True))
                       for box in boxes), f"slide {drawn.number}: the {name} is not where the deck has a shape"
        written = [s.text_frame.text for s in pptx_slide.shapes if s.has_text_frame]
        written += [c.text for s in pptx_slide.shapes if s.has_table for row in s.table.rows for c in row.cells]
        drawn_only = {"‹#›", "■"}  # the number field's placeholder; a key's square is drawn, not written
        assert _words(written) - drawn_only <= _words(drawn.texts()), f"slide {drawn.number}"


def test_nothing_is_drawn_off_the_slide(demo: Workspace, today: dt.date) -> None:
    for slide in _drawn(demo, today):
        for item in slide.items:
            if isinstance(item, Text):
                right = item.x + text_width(item.text, item.size, item.family, item.bold)
                assert item.x >= 0 and right <= slide.width + 0.01, (slide.number, item.text)
                assert 0 < item.y <= slide.height, (slide.number, item.text)


def test_a_dark_template_draws_its_background_its_logo_and_light_titles(
    demo: Workspace, today: dt.date, samples: Path
) -> None:
    slides = _drawn(demo, today, samples / "templates" / "reclamation-dark-16x9.pptx")
    summary = slides[1]
    background = summary.items[0]
    assert isinstance(background, Rect) and background.colour.upper() == "#000000"
    assert any(isinstance(item, Picture) and item.data for item in summary.items)  # the layout's logo
    title = next(item for item in summary.items if isinstance(item, Text) and item.text in summary.title)
    assert title.colour.upper() == "#FFFFFF"
    assert (summary.width, summary.height) == pytest.approx((10.0, 5.625))


def test_a_template_s_bands_and_title_fill_come_along(demo: Workspace, today: dt.date, samples: Path) -> None:
    slides = _drawn(demo, today, samples / "templates" / "purple-banner.potx")
    summary = slides[1]
    fills = [item.colour.upper() for item in summary.items if isinstance(item, Rect)]
    assert fills.count("#5A238C") == 2  # the master's top and bottom bands
    band = next(item for item in summary.items if isinstance(item, Rect) and item.box == summary.parts["title"])
    assert band.colour.upper() != "#FFFFFF"  # the title sits on the master title's own fill


def test_a_chart_is_the_export_s_cached_image_or_else_a_sketch_of_its_data(
    exported: tuple[Any, Path], demo: Workspace, today: dt.date
) -> None:
    _prs, cache = exported
    deck = plan(demo, today=today)
    with_cache = draw(deck, templates.load(None), cache)
    without = draw(deck, templates.load(None), None)
    for spec, cached, sketched in zip(deck.slides, with_cache, without, strict=True):
        if spec.chart is None:
            continue
        pictures = [item for item in cached.items if isinstance(item, Picture) and item.path]
        if spec.chart.native:  # PowerPoint draws it: always the sketch
            assert not pictures
        else:
            assert pictures and Path(pictures[0].path).parent == cache
        chart_box = sketched.parts["chart"]
        marks = [item for item in sketched.items if isinstance(item, Rect) and item.box != chart_box
                 and _inside(item.box, chart_box)]
        marks += [item for item in sketched.items if isinstance(item, Line) and item.width > 1.0]  # not the axis
        assert marks, f"no bars, lines, spans or key drawn for the {spec.chart.kind} chart"
        assert not any(isinstance(item, Picture) and item.path for item in sketched.items)


def test_an_overlong_text_is_marked_as_not_fitting(demo: Workspace, today: dt.date) -> None:
    deck = plan(demo, today=today)
    long = SlideSpec("details", "A slide with far too much to say about it", bullets=["word " * 3000])
    deck = dataclasses.replace(deck, slides=[*deck.slides[:2], long])
    slide = draw(deck, templates.load(None))[2]
    assert "body" in slide.overflowing
    finding = Finding(3, "text_fit", 80, 12, long.title)
    assert marked_parts(slide, finding) == ["body"]


def test_findings_mark_the_part_they_name_or_their_rule_concerns(demo: Workspace, today: dt.date) -> None:
    slides = _drawn(demo, today)
    summary = slides[1]
    assert marked_parts(summary, Finding(2, "action_title", 3, 5)) == ["title"]
    assert marked_parts(summary, Finding(2, "words", 60, 40)) == ["body", "callout"]

    @dataclasses.dataclass(frozen=True)
    class Named:
        slide: int
        rule: str
        shape: str

    assert marked_parts(summary, Named(2, "contrast", "callout")) == ["callout"]
    quoted = summary.part_texts["callout"][:12] + "…"  # the lint quotes a shape's text, shortened
    assert marked_parts(summary, Named(2, "contrast", quoted)) == ["callout"]
    footer = summary.part_texts["footer"]
    assert marked_parts(summary, Named(2, "contrast", footer)) == ["footer"]
    proof = next(s for s in slides if "chart" in s.parts)
    assert marked_parts(proof, Finding(proof.number, "alt_text", 0, 1)) == ["chart"]
    assert marked_parts(slides[0], Finding(1, "words", 60, 40)) == ["caption"]


def test_the_template_is_read_once_until_its_file_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.pptx"
    path.write_bytes(templates.DEFAULT_TEMPLATE.read_bytes())
    opened: list[Path] = []
    real_open = templates.Template.open

    def counting(self: templates.Template) -> Any:
        opened.append(self.path)
        return real_open(self)

    monkeypatch.setattr(templates.Template, "open", counting)
    for kind in ("content", "title", "content"):
        scenery(templates.load(path), kind)
    assert len(opened) == 1
    later = path.stat().st_mtime + 5
    os.utime(path, (later, later))
    scenery(templates.load(path), "content")
    assert len(opened) == 2


def test_review_and_draw_agree_on_the_slides(demo_da: Workspace, today: dt.date) -> None:
    deck, _findings = review(demo_da, today=today)
    slides = draw(deck, templates.load(None))
    assert [s.appendix for s in slides] == [s.appendix for s in deck.slides]
    assert "Bilag" in slides[[s.kind for s in deck.slides].index("divider")].texts()


GRADIENT = (
    '<p:bg xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:bgPr><a:gradFill><a:gsLst>'
    '<a:gs pos="0"><a:srgbClr val="102040"/></a:gs><a:gs pos="100000"><a:srgbClr val="2050A0"/></a:gs>'
    '</a:gsLst><a:lin ang="5400000"/></a:gradFill><a:effectLst/></p:bgPr></p:bg>'
)
BROKEN_SHAPES = (
    '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:nvSpPr><p:cNvPr id="90" name="Bad colour"/>'
    '<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
    '<a:prstGeom prst="rect"/><a:solidFill><a:srgbClr val="NOTHEX"/></a:solidFill></p:spPr></p:sp>',
    '<p:pic xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><p:nvPicPr>'
    '<p:cNvPr id="91" name="Lost picture"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId99"/>'
    '</p:blipFill><p:spPr><a:xfrm><a:off x="914400" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
    '<a:prstGeom prst="rect"/></p:spPr></p:pic>',
)


def test_a_gradient_background_is_drawn_and_what_cannot_be_read_is_left_out(
    demo: Workspace, today: dt.date, tmp_path: Path
) -> None:
    from lxml import etree
    from pptx import Presentation

    prs = Presentation(str(templates.DEFAULT_TEMPLATE))
    content = list(prs.slide_layouts)[templates.load(None).layouts["content"]]
    content.element.find("{*}cSld").insert(0, etree.fromstring(GRADIENT))
    for xml in BROKEN_SHAPES:
        content.element.find("{*}cSld/{*}spTree").append(etree.fromstring(xml))
    path = tmp_path / "gradient.pptx"
    prs.save(str(path))
    summary = _drawn(demo, today, path)[1]
    background = summary.items[0]
    assert isinstance(background, Rect)
    assert [colour.upper() for _, colour in background.stops] == ["#102040", "#2050A0"]
    assert background.angle == 90
    assert not any(isinstance(item, Picture) for item in summary.items)
    colours = [item.colour for item in summary.items if isinstance(item, Rect | Text)]
    assert all(len(colour) == 7 and int(colour[1:], 16) >= 0 for colour in colours)  # "NOTHEX" left out


def test_a_finding_naming_a_card_marks_that_card(demo: Workspace, today: dt.date) -> None:
    deck = plan(demo, today=today)
    number = [s.kind for s in deck.slides].index("problems") + 1
    slide = draw(deck, templates.load(None))[number - 1]
    assert {"card 1", "card 2", "card 3"} <= set(slide.parts)

    @dataclasses.dataclass(frozen=True)
    class Named:
        slide: int
        rule: str
        field: str

    assert marked_parts(slide, Named(number, "text_fit", "card 2")) == ["card 2"]
