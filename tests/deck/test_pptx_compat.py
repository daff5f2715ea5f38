"""python-pptx's private API, as the deck relies on it: each test fails by name when an upgrade moves a piece."""

from __future__ import annotations

import copy
import io
import re
import tomllib
import zipfile
from pathlib import Path

import pptx
import pytest
from pptx import Presentation
from pptx.chart.data import BubbleChartData, CategoryChartData, XyChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches

from briefing import pptx_compat as compat
from briefing.deck.template import DEFAULT_TEMPLATE

ROOT = Path(__file__).resolve().parents[2]
PRIVATE = re.compile(r"\._(element|txBody|p|r|tc|spTree|rPr|chartSpace|sldIdLst|rels|blob|get_or_add_dLbl|"
                     r"workbook_writer|open_worksheet|add_notes_slide_part|ContentTypesItem)\b")


def _deck() -> tuple[object, object]:
    prs = Presentation(str(DEFAULT_TEMPLATE))
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    return prs, slide


def test_python_pptx_is_capped_to_the_tested_minor_version() -> None:
    pinned = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert "python-pptx>=1.0.2,<1.1" in pinned
    assert pptx.__version__.startswith("1.0.")


def test_no_module_but_the_fence_touches_python_pptx_internals() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{number}" for folder in ("briefing", "ui")
                 for path in (ROOT / folder).rglob("*.py") if path.name != "pptx_compat.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if PRIVATE.search(line) and not line.lstrip().startswith("#")]
    assert offenders == []


def test_the_elements_behind_the_proxies_are_what_the_renderer_writes_into() -> None:
    prs, slide = _deck()
    box = slide.shapes.add_textbox(0, 0, Inches(2), Inches(1))
    box.text_frame.text = "x"
    paragraph = box.text_frame.paragraphs[0]
    table = slide.shapes.add_table(2, 2, 0, 0, Inches(4), Inches(1))
    assert compat.element(box).tag == qn("p:sp")
    assert compat.element(prs.slide_layouts[0]).tag == qn("p:sldLayout")
    assert compat.element(table).graphic.graphicData.tbl.tblPr.tag == qn("a:tblPr")
    assert compat.text_body(box.text_frame).find(qn("a:bodyPr")) is not None
    assert compat.paragraph_xml(paragraph).tag == qn("a:p")
    assert compat.run_xml(paragraph.runs[0]).tag == qn("a:r")
    assert compat.cell_xml(table.table.cell(0, 0)).get_or_add_tcPr().tag == qn("a:tcPr")
    assert compat.shape_tree(slide.shapes).tag == qn("p:spTree")
    assert compat.run_properties(paragraph.runs[0].font).tag == qn("a:rPr")
    assert compat.slide_id_list(prs).tag == qn("p:sldIdLst") and len(compat.slide_id_list(prs)) == 1


def test_a_hand_placed_placeholder_gets_its_proxy() -> None:
    _prs, slide = _deck()
    source = next(s for s in slide.slide_layout.placeholders if s.placeholder_format.type is not None
                  and "FOOTER" in str(s.placeholder_format.type))
    slide.shapes.clone_placeholder(source)
    shape = compat.shape_of(compat.shape_tree(slide.shapes).findall(qn("p:sp"))[-1], slide.shapes)
    assert shape.is_placeholder and "FOOTER" in str(shape.placeholder_format.type)


def test_chart_internals_hold_the_title_flag_and_one_points_label() -> None:
    from pptx.chart.data import CategoryChartData as Data

    _prs, slide = _deck()
    data = Data()
    data.categories = ["a", "b"]
    data.add_series("s", [1, 2])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(4), Inches(3), data).chart
    assert compat.chart_space(chart).chart.get_or_add_autoTitleDeleted().tag == qn("c:autoTitleDeleted")
    assert compat.data_label_xml(chart.plots[0].series[0].points[0].data_label).tag == qn("c:dLbl")
    point = compat.new_data_point(chart.plots[0].series[0], 1)
    assert point.tag == qn("c:dPt") and point.idx.val == 1 and chart.plots[0].series[0].points[1].format
    assert compat.run_properties(chart.font).tag == qn("a:defRPr")
    assert compat.element(chart.plots[0].series[0].format).get_or_add_spPr().tag == qn("c:spPr")


def test_a_notes_page_is_made_from_a_copied_tree_without_cloning_the_master() -> None:
    prs, slide = _deck()
    first = slide.notes_slide
    tree = copy.deepcopy(compat.element(first).cSld.spTree)
    second = prs.slides.add_slide(prs.slide_layouts[1])
    notes = compat.new_notes_slide(prs, second, tree)
    assert notes is not None, "python-pptx's NotesSlidePart._add_notes_slide_part is gone"
    assert second.has_notes_slide and second.notes_slide.part is notes.part
    notes.notes_text_frame.text = "talking points"
    assert second.notes_slide.notes_text_frame.text == "talking points"


def test_every_new_part_is_named_through_the_patched_next_partname() -> None:
    prs, slide = _deck()
    asked: list[str] = []
    compat.quick_partnames(prs.part.package)
    patched = prs.part.package.next_partname

    def recording(tmpl: str) -> object:
        asked.append(tmpl)
        return patched(tmpl)

    prs.part.package.next_partname = recording
    for _ in range(2):
        data = CategoryChartData()
        data.categories = ["a"]
        data.add_series("s", [1])
        slide.shapes.add_chart(XL_CHART_TYPE.PIE, 0, 0, Inches(2), Inches(2), data)
    slide.notes_slide  # noqa: B018 - made on first access
    assert any("chart" in t for t in asked) and any("notesSlide" in t for t in asked)
    names = [str(part.partname) for part in prs.part.package.iter_parts()]
    assert len(names) == len(set(names))


def test_a_generic_parts_bytes_can_be_replaced() -> None:
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    prs, _slide = _deck()
    part = Part(PackURI("/docProps/custom.xml"), "application/xml", prs.part.package, b"<a/>")
    compat.replace_blob(part, b"<b/>")
    assert part.blob == b"<b/>"


@pytest.mark.parametrize("kind", ["category", "xy", "bubble"])
def test_chart_workbooks_keep_formula_like_labels_as_text(kind: str) -> None:
    assert isinstance(CategoryWorkbookWriter.__dict__.get("_open_worksheet"), object)
    base = {"category": CategoryChartData, "xy": XyChartData, "bubble": BubbleChartData}[kind]
    assert "_workbook_writer" in vars(base), "python-pptx picks the workbook writer elsewhere now"
    data = {"category": compat.CategoryData, "xy": compat.XyData, "bubble": compat.BubbleData}[kind]()
    if kind == "category":
        data.categories = ["=HYPERLINK(\"http://x\")", "+1"]
        data.add_series("=SUM(A1)", [1, 2])
    else:
        series = data.add_series("=SUM(A1)")
        series.add_data_point(1, 2, 3) if kind == "bubble" else series.add_data_point(1, 2)
    with zipfile.ZipFile(io.BytesIO(data.xlsx_blob)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet and "=SUM(A1)" in strings


def test_the_package_is_zipped_by_hand_not_by_prs_save() -> None:
    prs, slide = _deck()
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (40, 30), "#1F5AA6").save(picture, "PNG")
    slide.shapes.add_picture(picture, 0, 0)

    class NoSave:
        def __getattr__(self, name: str) -> object:
            if name == "save":
                raise AssertionError("package_bytes fell back to prs.save: the package internals moved")
            return getattr(prs, name)

    data = compat.package_bytes(NoSave())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        stored = {i.filename for i in archive.infolist() if i.compress_type == zipfile.ZIP_STORED}
        assert "[Content_Types].xml" in archive.namelist() and "_rels/.rels" in archive.namelist()
    assert "ppt/media/image1.png" in stored and not any(name.endswith(".xml") for name in stored)
    assert len(Presentation(io.BytesIO(data)).slides) == 1
