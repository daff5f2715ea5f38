"""Every use of python-pptx's private API, in one place, each with the reason it is needed.

python-pptx (pinned to the tested 1.0.x range in pyproject.toml) is a proxy over lxml elements.
Its public API covers most of a deck; where it does not, or where it is far too slow, the deck and
chart renderers reach past it, and only through this module. ``tests/test_pptx_compat.py`` asserts
every private attribute and behaviour used here, so an upgrade that moves one fails there, by name,
before a deck comes out wrong.

What is here:
- the lxml element behind a proxy (``element``, ``text_body``, ``paragraph_xml``, ``run_xml``,
  ``cell_xml``, ``shape_tree``, ``run_properties``, ``chart_space``, ``data_label_xml``,
  ``slide_id_list``, ``new_data_point``) — python-pptx has no public setter for alt text, table header flags, field
  runs, tick-label fonts written in one go, or removing a slide, and its property setters cost
  about ten times more than writing the XML (a deck has a few hundred runs);
- ``shape_of`` — the proxy for an element added to a shape tree by hand (a cloned placeholder);
- ``new_notes_slide`` — a notes page without cloning the notes master's placeholders each time;
- ``quick_partnames`` — a runtime patch of the package's part naming (linear, not quadratic);
- ``replace_blob`` — new bytes for a generic part (the custom properties of a re-exported deck);
- ``StringCellWorkbook`` — chart data whose embedded workbook keeps every string a string;
- ``package_bytes`` — the .pptx written without deflating images a second time.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import Any

from pptx.chart.data import BubbleChartData, CategoryChartData, XyChartData
from pptx.chart.xlsx import BubbleWorkbookWriter, CategoryWorkbookWriter, XyWorkbookWriter

# -- the element behind a proxy ------------------------------------------------------------------


def element(proxy: Any) -> Any:
    """The lxml element of a shape, slide, layout, master, notes slide, graphic frame or chart format.

    Every python-pptx proxy keeps its element as ``_element``; the public API offers no way to read
    a placeholder's raw type, a layout's ``type`` attribute, ``cNvPr``'s ``descr`` (alt text) or a
    shape's own fill.
    """
    return proxy._element


def text_body(frame: Any) -> Any:
    """The ``p:txBody``/``a:txBody`` of a text frame: its ``a:bodyPr`` and the paragraphs are written
    directly (wrap, anchor, no autofit; runs built as XML at a tenth of the setters' cost)."""
    return frame._txBody


def paragraph_xml(paragraph: Any) -> Any:
    """The ``a:p`` of a paragraph: a slide-number field (``a:fld``) has no public API."""
    return paragraph._p


def run_xml(run: Any) -> Any:
    """The ``a:r`` of a run (to remove it; python-pptx cannot delete a run)."""
    return run._r


def cell_xml(cell: Any) -> Any:
    """The ``a:tc`` of a table cell: per-side borders (``a:lnB`` …) have no public API."""
    return cell._tc


def shape_tree(shapes: Any) -> Any:
    """The ``p:spTree`` of a slide's shapes: footers are copied between slides and unused
    placeholders removed as elements."""
    return shapes._spTree


def run_properties(font: Any) -> Any:
    """The ``a:rPr``/``a:defRPr`` behind a ``Font``: size, weight, colour and face written in one go
    (a chart has dozens of labels; the setters cost five times more)."""
    return font._rPr


def chart_space(chart: Any) -> Any:
    """The ``c:chartSpace`` of a chart: ``c:autoTitleDeleted`` (no title, and none made up by
    PowerPoint from a single series' name) has no public API."""
    return chart._chartSpace


def data_label_xml(label: Any) -> Any:
    """The ``c:dLbl`` of one point's data label, made if missing: hiding a single label has no
    public API."""
    return label._get_or_add_dLbl()


def has_point_labels(series: Any) -> bool:
    """True when ``series`` has labels of its own (a ``c:dLbls``), beside the plot's."""
    return series._element.dLbls is not None


def new_data_point(series: Any, index: int) -> Any:
    """A new ``c:dPt`` for point ``index`` of a new series, added after the ones before it: python-pptx's
    ``points[i].format`` first searches the series for one (an XPath per point: a second for the
    400 bubbles of a big stakeholder map)."""
    point = series._element._add_dPt()
    point.idx.val = index
    return point


def slide_id_list(prs: Any) -> Any:
    """The presentation's ``p:sldIdLst``: python-pptx cannot remove a slide (a template's examples)."""
    return prs.slides._sldIdLst


def shape_of(xml: Any, shapes: Any) -> Any:
    """The python-pptx proxy of a shape element placed in ``shapes`` by hand (a cloned placeholder):
    ``clone_placeholder`` returns nothing, and only the factory knows the proxy class for an element."""
    from pptx.shapes.shapetree import SlideShapeFactory

    return SlideShapeFactory(xml, shapes)


# -- notes, part names, blobs ------------------------------------------------------------------


def new_notes_slide(prs: Any, slide: Any, tree: Any) -> Any | None:
    """A notes page for ``slide`` whose shape tree is a copy of ``tree`` (the first page's, empty).

    python-pptx clones the notes master's placeholders for every notes page, which is a third of an
    export's time; the shape tree is the same for every slide, so it is copied instead. Returns
    None (the caller then takes ``slide.notes_slide``) should the internals have moved.
    """
    import copy

    try:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import NotesSlidePart

        add_part: Any = NotesSlidePart._add_notes_slide_part  # untyped in python-pptx
        part = add_part(prs.part.package, slide.part, prs.part.notes_master_part)
    except (ImportError, AttributeError):
        return None
    xml = element(part.notes_slide)
    xml.cSld.replace(xml.cSld.spTree, copy.deepcopy(tree))
    slide.part.relate_to(part, RT.NOTES_SLIDE)
    return slide.notes_slide


def quick_partnames(package: Any) -> None:
    """Give ``package`` a ``next_partname`` that remembers the names in use (a runtime patch).

    python-pptx walks every part of the package for each new part (notes slides, charts, workbooks),
    which is quadratic in the deck's size; here the walk happens once and each name handed out is
    added to the set. Every part python-pptx names goes through ``package.next_partname``.
    """
    from pptx.opc.packuri import PackURI

    taken: set[str] = set()

    def next_partname(tmpl: str) -> PackURI:
        if not taken:
            taken.update(str(part.partname) for part in package.iter_parts())
        number = 1
        while tmpl % number in taken:
            number += 1
        name = tmpl % number
        taken.add(name)
        return PackURI(name)

    package.next_partname = next_partname


def replace_blob(part: Any, blob: bytes) -> None:
    """New bytes for a generic (non-XML) part: ``Part.blob`` is read-only, its store is ``_blob``."""
    part._blob = blob


# -- chart workbooks whose strings stay strings ----------------------------------------------------


class _StringCells:
    """Opens the embedded workbook so that strings stay strings (no formulas, numbers or links).

    python-pptx's workbook writers open XlsxWriter with its defaults in ``_open_worksheet``, where a
    label such as ``=HYPERLINK(…)`` becomes a formula; this override is the only way in.
    """

    @contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
        from xlsxwriter import Workbook

        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
        workbook = Workbook(xlsx_file, {**options, "strings_to_urls": False})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class _CategoryWriter(_StringCells, CategoryWorkbookWriter):
    pass


class _XyWriter(_StringCells, XyWorkbookWriter):
    pass


class _BubbleWriter(_StringCells, BubbleWorkbookWriter):
    pass


class CategoryData(CategoryChartData):
    """Category chart data (bar, column, line, pie) written to a formula-free workbook: the chart data
    picks its writer in the private ``_workbook_writer``."""

    @cached_property
    def _workbook_writer(self) -> Any:
        writer: Any = _CategoryWriter  # python-pptx's writers are untyped
        return writer(self)


class XyData(XyChartData):
    """Scatter chart data written to a formula-free workbook."""

    @cached_property
    def _workbook_writer(self) -> Any:
        writer: Any = _XyWriter  # python-pptx's writers are untyped
        return writer(self)


class BubbleData(BubbleChartData):
    """Bubble chart data written to a formula-free workbook."""

    @cached_property
    def _workbook_writer(self) -> Any:
        writer: Any = _BubbleWriter  # python-pptx's writers are untyped
        return writer(self)


# -- the package's bytes ---------------------------------------------------------------------------

STORED = frozenset({"png", "jpeg", "jpg", "gif", "xlsx", "xlsm", "docx", "wdp", "mp4", "m4a"})
"""Parts that are compressed already: deflating them again costs time and saves nothing."""


def package_bytes(prs: Any) -> bytes:
    """The .pptx of ``prs`` as python-pptx's ``save`` writes it, except that images and embedded
    workbooks are stored, not deflated a second time (a quarter of the save's time).

    python-pptx's writer has no per-part compression, so the package is zipped here from its parts,
    its content types (``_ContentTypesItem``) and relationships (``_rels``). Falls back to
    ``prs.save`` should the package internals change.
    """
    buffer = io.BytesIO()
    try:
        from pptx.opc.oxml import serialize_part_xml
        from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
        from pptx.opc.serialized import _ContentTypesItem

        package = prs.part.package
        parts = tuple(package.iter_parts())
        package_rels = package._rels
    except (ImportError, AttributeError):
        prs.save(buffer)
        return buffer.getvalue()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, strict_timestamps=False) as archive:
        archive.writestr(CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts)))
        archive.writestr(PACKAGE_URI.rels_uri.membername, package_rels.xml)
        for part in parts:
            stored = part.partname.ext.lower() in STORED
            archive.writestr(part.partname.membername, part.blob,
                             compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
            if part._rels:
                archive.writestr(part.partname.rels_uri.membername, part.rels.xml)
    return buffer.getvalue()
