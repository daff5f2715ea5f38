"""Exported decks opened by python-pptx and converted by LibreOffice: every slide a page, no text off a slide,
templates honoured, hostile text harmless, and the output written safely."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import os
import zipfile
from pathlib import Path

import pytest
from decks import Rendered, four_three_template
from lo_helpers import pdf_pages, words_outside_page
from pptx import Presentation

from briefing.charts.theme import contrast
from briefing.cli import main as cli
from briefing.clock import FixedClock
from briefing.deck import export, template_check
from briefing.deck.template import DEFAULT_TEMPLATE
from briefing.errors import InputError
from briefing.model.collections import DECK
from briefing.model.entities import Workspace
from briefing.store import WorkspaceStore

TODAY = dt.date(2026, 11, 27)
CASES = ["en-default", "da-dark", "en-potx", "da-potx", "en-dark-anon", "en-coverless", "hostile",
         "hostile-dark", "en-dark43"]


@pytest.fixture(scope="module")
def exported(rendered: dict[str, Rendered]) -> dict[str, tuple[Path, object, Path]]:
    """The decks of the session's one LibreOffice call (``rendered``), as (pptx, export result, pdf)."""
    return {name: (deck.pptx, deck.result, deck.pdf) for name, deck in rendered.items()}


@pytest.mark.parametrize("name", CASES)
def test_every_slide_is_a_page_with_notes_and_no_text_off_the_slide(exported, name: str) -> None:  # type: ignore[no-untyped-def]
    out, result, pdf = exported[name]
    prs = Presentation(str(out))
    assert len(prs.slides) == result.slides > 10
    assert pdf_pages(pdf) == result.slides
    assert words_outside_page(pdf) == []
    for slide in prs.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
        for shape in slide.shapes:
            assert shape.left is None or shape.left >= 0
            assert shape.top is None or shape.top >= 0
            assert shape.left is None or shape.left + shape.width <= prs.slide_width + 12700
            assert shape.top is None or shape.top + shape.height <= prs.slide_height + 12700
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["hostile", "hostile-dark"])
def test_hostile_text_never_shows_as_junk_nor_becomes_a_formula(exported, name: str) -> None:  # type: ignore[no-untyped-def]
    out, _result, _pdf = exported[name]
    with zipfile.ZipFile(out) as package:
        for member in package.namelist():
            data = package.read(member)
            if member.endswith(".xml"):
                text = data.decode("utf-8")
                assert "_x0007_" not in text and "_x000B_" not in text.upper() and "\x07" not in text, member
            if member.endswith(".xlsx"):
                with zipfile.ZipFile(io.BytesIO(data)) as book:
                    sheets = [book.read(n).decode() for n in book.namelist() if "worksheets/sheet" in n]
                    assert all("<f>" not in sheet for sheet in sheets), member


def test_the_templates_example_slides_never_reach_the_deck(exported) -> None:  # type: ignore[no-untyped-def]
    out, _result, _pdf = exported["da-dark"]
    text = " ".join(shape.text_frame.text for slide in Presentation(str(out)).slides for shape in slide.shapes
                    if shape.has_text_frame)
    assert "Hello, world" not in text and "Some content on the left" not in text and "Subtitle goes here" not in text


def test_a_dark_template_gets_light_text(exported) -> None:  # type: ignore[no-untyped-def]
    out, _result, _pdf = exported["da-dark"]
    colours = set()
    for slide in Presentation(str(out)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame and not shape.is_placeholder and shape.shape_type != 1:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        if run.font.color and run.font.color.type is not None and run.text.strip("■ "):
                            colours.add(f"#{run.font.color.rgb}")
    assert colours and all(contrast(c, "#000000") >= 4.5 for c in colours), colours


def test_the_default_deck_is_16_9_with_native_charts_and_the_titles_of_the_plan(exported) -> None:  # type: ignore[no-untyped-def]
    out, _result, _pdf = exported["en-default"]
    prs = Presentation(str(out))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    charts = [shape for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    pictures = [shape for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(charts) >= 4 and len(pictures) >= 1  # the roadmap's timeline is a picture; the rest are native
    assert prs.slides[1].shapes.title.text.startswith("Approve phase 2")


def test_a_title_layout_without_a_title_placeholder_still_gets_its_title(exported) -> None:  # type: ignore[no-untyped-def]
    out, _result, _pdf = exported["en-coverless"]
    first = Presentation(str(out)).slides[0]
    texts = [shape.text_frame.text for shape in first.shapes if shape.has_text_frame]
    assert "Contracts we can find — phase 2" in texts


def test_a_four_three_template_gives_a_four_three_deck(exported) -> None:  # type: ignore[no-untyped-def]
    out, _result, _pdf = exported["en-dark43"]  # python-pptx's own 4:3 template, its master made dark
    prs = Presentation(str(out))
    assert prs.slide_width * 3 == prs.slide_height * 4


def test_template_check_reports_layouts_mapping_and_traps(samples: Path, tmp_path: Path) -> None:
    dark = template_check(samples / "templates" / "reclamation-dark-16x9.pptx")
    assert dark.dark and dark.example_slides == 4 and dark.aspect == "16:9"
    assert dark.mapping["content"] == "Title Only" and "title" in dark.missing
    potx = template_check(samples / "templates" / "purple-banner.potx")
    assert potx.mapping["title"] == "Title Slide" and not potx.dark
    assert template_check(four_three_template(tmp_path)).aspect == "4:3"


# -- safe output ------------------------------------------------------------------------------------


def test_a_failing_export_leaves_the_previous_file_intact(demo: Workspace, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "deck.pptx"
    export(demo, out, today=TODAY, cache_dir=tmp_path / "cache")
    before = out.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(InputError, match="No space left"):
        export(demo, out, today=TODAY, cache_dir=tmp_path / "cache")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "deck.pptx"]


def test_a_target_that_cannot_be_written_is_named(demo: Workspace, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "deck.pptx"
    with pytest.raises(InputError) as error:
        export(demo, missing, today=TODAY)
    assert str(missing) in str(error.value)
    folder = tmp_path / "deck.pptx"
    folder.mkdir()
    with pytest.raises(InputError) as error:
        export(demo, folder, today=TODAY)
    assert str(folder) in str(error.value)


def test_an_export_leaves_the_store_byte_identical(demo: Workspace, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ws"
    store = WorkspaceStore.open(folder, FixedClock.on(TODAY))
    store.replace(demo)
    store.close()
    before = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert cli(["export", "--workspace", str(folder), "--out", str(tmp_path / "deck.pptx"), "--lang", "da"]) == 0
    after = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == before
    assert "Written" in capsys.readouterr().out


def test_check_exits_one_on_breaches_and_zero_when_clean(demo: Workspace, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ws"
    store = WorkspaceStore.open(folder, FixedClock.on(TODAY))
    store.replace(demo)
    store.close()
    assert cli(["check", "--workspace", str(folder)]) == 0
    store = WorkspaceStore.open(folder, FixedClock.on(TODAY))
    long_ask = " ".join(["Kontraktarkivudrulningsgodkendelsen"] * 16)  # short in words, long in lines
    store.set(DECK, dataclasses.replace(demo.deck, ask=long_ask))
    store.close()
    assert cli(["check", "--workspace", str(folder)]) == 1
    assert "Slide 2" in capsys.readouterr().out


@pytest.mark.parametrize("make", ["not_zip", "truncated", "pptm", "no_layouts", "odp"])
def test_a_bad_template_exits_two_naming_the_file(make: str, demo: Workspace, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    good = DEFAULT_TEMPLATE.read_bytes()
    path = tmp_path / {"pptm": "t.pptm", "odp": "t.odp"}.get(make, "t.pptx")
    if make == "not_zip":
        path.write_text("this is not a presentation")
    elif make == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif make == "no_layouts":
        path.write_bytes(_without_layouts(good))
    else:
        path.write_bytes(good)
    assert cli(["template-check", str(path)]) == 2
    assert str(path) in capsys.readouterr().err
    folder = tmp_path / "ws"
    store = WorkspaceStore.open(folder, FixedClock.on(TODAY))
    store.replace(demo)
    store.close()
    out = tmp_path / "deck.pptx"
    assert cli(["export", "--workspace", str(folder), "--out", str(out), "--template", str(path)]) == 2
    assert str(path) in capsys.readouterr().err
    assert not out.exists()


def _without_layouts(data: bytes) -> bytes:
    """The default template with its master's layout list emptied."""
    import re

    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "ppt/slideMasters/slideMaster1.xml":
                content = re.sub(rb"<p:sldLayoutIdLst>.*?</p:sldLayoutIdLst>", b"", content, flags=re.S)
            target.writestr(info, content)
    return buffer.getvalue()


def test_progress_is_reported_for_every_slide(demo: Workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = export(demo, tmp_path / "deck.pptx", today=TODAY, progress=lambda d, t: seen.append((d, t)),
                    cache_dir=tmp_path / "cache")
    assert seen[-1] == (result.slides, result.slides) and len(seen) == result.slides
