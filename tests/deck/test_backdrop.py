"""Contrast from what the template really draws: backgrounds (solid, gradient, picture, theme style), shapes and
placeholder fills behind a text, the template's own text colours, and a readable colour where they fail."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from contrast_helpers import dark_four_three_template
from lo_helpers import SAMPLES
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from briefing.charts.theme import contrast
from briefing.cli import main as cli
from briefing.deck import backdrop, drawingml, template_check
from briefing.deck import template as templates
from briefing.deck.backdrop import Backdrop, readable, required
from briefing.deck.template import Box
from briefing.i18n import set_language


def _master_background(folder: Path, fill_xml: str, name: str, picture: bytes | None = None) -> Path:
    """python-pptx's 4:3 template with ``fill_xml`` (``{rid}`` for a picture's id) as its master's background."""
    from lxml import etree

    prs = Presentation()
    master = prs.slide_masters[0]
    rid = ""
    if picture is not None:
        _part, rid = master.part.get_or_add_image_part(io.BytesIO(picture))
    csld = master.element.find(qn("p:cSld"))
    old = csld.find(qn("p:bg"))
    if old is not None:
        csld.remove(old)
    namespaces = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
                  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    csld.insert(0, etree.fromstring(f"<p:bg {namespaces}><p:bgPr>{fill_xml.format(rid=rid)}<a:effectLst/>"
                                    f"</p:bgPr></p:bg>"))
    path = folder / f"{name}.pptx"
    prs.save(str(path))
    return path


def _png(colour: str) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (80, 60), colour).save(data, "PNG")
    return data.getvalue()


def test_wcag_asks_three_to_one_only_of_large_text() -> None:
    assert required(18) == required(14, bold=True) == 3.0
    assert required(17.5) == required(13.5, bold=True) == required(10) == 4.5


def test_a_tint_is_applied_in_linear_light_as_powerpoint_and_libreoffice_draw_it() -> None:
    from lxml import etree

    theme = drawingml.Theme({"dk1": "1A1A1A", "lt1": "FFFFFF"}, {"tx1": "dk1", "bg1": "lt1"}, ())
    node = etree.fromstring('<a:schemeClr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                            'val="tx1"><a:tint val="75000"/></a:schemeClr>')
    grey = drawingml.colour_of(node, theme)
    assert grey == "#8B8B8B" and round(contrast(grey, "#FFFFFF"), 1) == 3.4  # the old default footer


def test_the_default_templates_footer_and_source_line_now_read() -> None:
    inks = templates.load(None).inks
    assert inks["footer"].own_ratio >= 4.5 and not inks["footer"].replaced
    assert inks["caption"].ratio >= 4.5 and inks["cover_caption"].ratio >= 4.5
    assert all(ink.ratio >= ink.minimum for ink in inks.values())


def test_a_dark_master_with_dark_text_styles_gets_light_titles_footers_and_body(tmp_path: Path) -> None:
    loaded = templates.load(dark_four_three_template(tmp_path))
    title, footer, body = loaded.inks["title"], loaded.inks["footer"], loaded.inks["body"]
    assert title.backdrop.colours == ("#1F2A4A",) and title.own_ratio < 1.6  # black on navy, as the template says
    assert title.replaced and title.ratio >= 3.0 and footer.replaced and footer.ratio >= 4.5
    assert body.colour == loaded.palette.text and body.ratio >= 4.5 and loaded.palette.dark


def test_template_check_says_which_texts_it_recoloured(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = dark_four_three_template(tmp_path)
    report = template_check(path)
    roles = {role for role, *_ in report.contrast}
    assert {"title", "cover_title", "footer"} <= roles
    _role, own, own_ratio, colour, ratio, limit = next(row for row in report.contrast if row[0] == "title")
    assert (own, own_ratio, limit) == ("#000000", 1.5, 3.0) and ratio >= 3.0
    assert cli(["template-check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Contrast: the template colours the titles #000000, 1.5:1" in out and f"uses {colour}" in out
    monkeypatch.setenv("BRIEFING_LANG", "da")
    set_language("da")
    assert cli(["template-check", str(path)]) == 0
    assert "Kontrast: skabelonen farver titlerne #000000, 1,5:1" in capsys.readouterr().out
    assert template_check(templates.DEFAULT_TEMPLATE).contrast == []


def test_the_worst_stop_of_a_gradient_decides(tmp_path: Path) -> None:
    gradient = ('<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="0B1F3A"/></a:gs>'
                '<a:gs pos="100000"><a:srgbClr val="5A6B8C"/></a:gs></a:gsLst><a:lin ang="5400000"/></a:gradFill>')
    loaded = templates.load(_master_background(tmp_path, gradient, "gradient"))
    title = loaded.inks["title"]
    assert set(title.backdrop.colours) == {"#0B1F3A", "#5A6B8C"}
    assert title.replaced and min(contrast(title.colour, c) for c in title.backdrop.colours) >= 3.0


@pytest.mark.parametrize(("colour", "light_text"), [("#14213D", True), ("#F4F1E8", False)])
def test_a_picture_background_is_sampled(tmp_path: Path, colour: str, light_text: bool) -> None:
    picture = '<a:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></a:blipFill>'
    loaded = templates.load(_master_background(tmp_path, picture, "picture", _png(colour)))
    assert loaded.inks["title"].backdrop.colours[0] == colour
    assert loaded.palette.dark is light_text
    assert contrast(loaded.palette.text, colour) >= 4.5


def test_a_placeholders_own_fill_and_a_band_behind_the_footer_count() -> None:
    inks = templates.load(SAMPLES / "templates" / "purple-banner.potx").inks
    assert inks["title"].backdrop.colours == ("#595959",) and inks["title"].own == "#FFFFFF"
    assert inks["footer"].backdrop.colours == ("#5A238C",) and not inks["footer"].replaced
    assert inks["cover_title"].backdrop.colours == ("#E6E6E6",)


def test_a_colour_mapped_dark_template_keeps_its_own_light_styles() -> None:
    loaded = templates.load(SAMPLES / "templates" / "reclamation-dark-16x9.pptx")
    assert not any(ink.replaced for ink in loaded.inks.values())
    assert loaded.inks["title"].own == "#FFFFFF" and loaded.palette.background == "#000000"


def test_readable_takes_the_theme_colour_that_reads_best_else_black_or_white() -> None:
    theme = drawingml.Theme({"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F2A4A", "lt2": "E7E6E6"}, {}, ())
    navy = Backdrop(("#1F2A4A",))
    assert readable("#000000", navy, 3.0, theme) == "#FFFFFF"
    assert readable("#EEEEEE", navy, 3.0, theme) == "#EEEEEE"
    mid = Backdrop(("#000000", "#FFFFFF"))  # nothing reads on both: the better of near-black and white
    assert readable("#777777", mid, 4.5, None) in ("#1A1A1A", "#FFFFFF")


def test_a_shape_behind_only_part_of_a_region_adds_its_colour(tmp_path: Path) -> None:
    loaded = templates.load(None)
    prs = Presentation(io.BytesIO(loaded.data))
    layout = list(prs.slide_layouts)[loaded.layouts["content"]]
    bar = backdrop.backdrop(layout, Box(0.4, 0.25, 1.0, 0.2))  # the accent bar above the title
    assert "#1F5AA6" in bar.colours
    assert dataclasses.asdict(backdrop.backdrop(layout, Box(5, 3, 2, 1)))["colours"] == ("#FFFFFF",)


def test_briefing_check_reports_text_no_colour_can_save(tmp_path: Path, demo: object,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A background from white to black: nothing reads on both, and the check says where, exiting 1."""
    from briefing.clock import FixedClock
    from briefing.store import WorkspaceStore

    both = ('<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"/></a:gs>'
            '<a:gs pos="100000"><a:srgbClr val="000000"/></a:gs></a:gsLst><a:lin ang="0"/></a:gradFill>')
    template = _master_background(tmp_path, both, "white-to-black")
    folder = tmp_path / "ws"
    store = WorkspaceStore.open(folder, FixedClock.on("2026-11-27"))
    store.replace(demo)  # type: ignore[arg-type]
    store.close()
    assert cli(["check", "--workspace", str(folder), "--template", str(template)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"Slide 2: “Approve phase 2[^”]*” reads 1(\.\d)?:1 against what lies behind it, WCAG AA asks at "
                     r"least 3:1", out), out


def test_a_picture_on_the_layout_behind_the_title_is_sampled(tmp_path: Path) -> None:
    """A dark photo band across the top of the content layout: the titles on it turn light."""
    prs = Presentation()
    layout = prs.slide_layouts[5]  # Title Only: the content layout of python-pptx's template
    scratch = prs.slides.add_slide(layout)
    band = _png("#202830")
    picture = scratch.shapes.add_picture(io.BytesIO(band), 0, 0, prs.slide_width, prs.slide_height // 4)
    xml = picture.element
    xml.getparent().remove(xml)
    _part, rid = layout.part.get_or_add_image_part(io.BytesIO(band))
    xml.find(".//" + qn("a:blip")).set(qn("r:embed"), rid)
    layout.shapes.element.insert(2, xml)
    path = tmp_path / "photo-band.pptx"
    prs.save(str(path))
    loaded = templates.load(path)
    title = loaded.inks["title"]
    assert "#202830" in title.backdrop.colours and title.replaced and title.ratio >= 3.0
    assert not loaded.inks["body"].replaced  # the content area below the band stays on white


def test_garbage_colours_in_a_template_are_passed_over_not_a_crash(tmp_path: Path) -> None:
    import zipfile

    source = zipfile.ZipFile(templates.DEFAULT_TEMPLATE)
    path = tmp_path / "garbage.pptx"
    with zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "ppt/theme/theme1.xml":
                data = data.replace(b'<a:dk1><a:srgbClr val="1A1A1A"/>', b'<a:dk1><a:srgbClr val="GGGGGG"/>')
            if info.filename == "ppt/slideMasters/slideMaster1.xml":
                garbage = b'<a:schemeClr val="tx2"><!-- x --><a:tint val="lots"/></a:schemeClr>'
                data = data.replace(b'<a:schemeClr val="tx2"/>', garbage, 1)
                data = data.replace(b'<p:bgRef idx="1001">', b'<p:bgRef idx="many">')
            target.writestr(info, data)
    loaded = templates.load(path)
    assert all(ink.ratio >= ink.minimum for ink in loaded.inks.values())
