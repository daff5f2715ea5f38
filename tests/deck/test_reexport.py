"""What makes an export fast must not change the deck: cached chart images, copied footers and notes
pages, and the package written without deflating images twice."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from lo_helpers import SAMPLES, demo_workspace
from pptx import Presentation

from briefing.charts import image
from briefing.deck import export
from briefing.deck import template as templates
from briefing.deck.export import plan as make_plan
from briefing.deck.render import render
from briefing.pptx_compat import package_bytes

TODAY = dt.date(2026, 11, 27)
DARK = SAMPLES / "templates" / "reclamation-dark-16x9.pptx"


def slide_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()
                if name.startswith(("ppt/slides/", "ppt/notesSlides/", "ppt/charts/", "ppt/media/"))}


def test_a_re_export_with_unchanged_data_draws_no_chart_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    drawn: list[str] = []
    original = image._png
    monkeypatch.setattr(image, "_png", lambda spec, *args: drawn.append(spec.kind) or original(spec, *args))
    workspace = demo_workspace("en")
    export(workspace, tmp_path / "first.pptx", today=TODAY, cache_dir=tmp_path / "cache")
    assert sorted(drawn) == ["timeline"]  # every other chart of the demo is native (the surveys compared as bars)
    drawn.clear()
    export(workspace, tmp_path / "second.pptx", today=TODAY, cache_dir=tmp_path / "cache")
    assert drawn == []
    assert slide_parts(tmp_path / "first.pptx") == slide_parts(tmp_path / "second.pptx")


@pytest.mark.parametrize("template", [None, DARK], ids=["default", "dark"])
def test_every_slide_has_its_own_number_footer_and_notes_page(template: Path | None) -> None:
    deck = make_plan(demo_workspace("da"), today=TODAY)
    prs = Presentation(io.BytesIO(package_bytes(render(deck, templates.load(template), None))))
    notes_parts = set()
    for number, (slide, spec) in enumerate(zip(prs.slides, deck.slides, strict=True), start=1):
        xml = slide.part.blob.decode()
        ids = re.findall(r'<p:cNvPr id="(\d+)"', xml)
        assert len(ids) == len(set(ids))  # shape ids unique on every slide
        if spec.kind != "title":
            assert re.findall(r'type="slidenum"[^>]*>.*?<a:t>(\d+)</a:t>', xml, re.S) == [str(number)]
            assert deck.audience in xml
        assert slide.notes_slide.notes_text_frame.text.strip()
        notes_parts.add(slide.notes_slide.part.partname)
    assert len(notes_parts) == len(deck.slides)


def test_the_package_holds_exactly_what_python_pptx_would_save() -> None:
    prs = render(make_plan(demo_workspace("en"), today=TODAY), templates.load(None), None)
    ours = zipfile.ZipFile(io.BytesIO(package_bytes(prs)))
    saved = io.BytesIO()
    prs.save(saved)
    theirs = zipfile.ZipFile(saved)
    assert ours.namelist() == theirs.namelist()
    assert all(ours.read(name) == theirs.read(name) for name in theirs.namelist())
    stored = {info.filename for info in ours.infolist() if info.compress_type == zipfile.ZIP_STORED}
    assert stored and all(name.endswith((".png", ".jpeg", ".xlsx")) for name in stored)
