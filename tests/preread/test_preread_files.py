"""The pre-read's files as a reader gets them: one A4 page of PDF, an editable DOCX that stays on one page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.model.entities import Objection, Phase, Problem, Workspace
from briefing.preread import export_preread
from tests.deck.lo_helpers import SAMPLES, convert_to_pdf, pdf_pages, words_outside_page

TODAY = dt.date(2026, 11, 27)
A4 = (595, 842)
"""A4 in points, as pdfinfo rounds it."""


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())


def page_size(pdf: Path) -> tuple[int, int]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, height = line.split(":")[1].split("x")
    return round(float(width)), round(float(height.split()[0]))


def long_winded(workspace: Workspace) -> Workspace:
    """``workspace`` with every text far longer than anyone should write, and more of everything."""
    words = ("the contract managers said that the repository must be kept up to date by the people who sign "
             "because nobody else knows which version is valid and the metadata decide what can be found ") * 4
    problems = [Problem(id=f"x{n}", title=f"Problem {n}: " + words[:90], impact=words, severity=5 - n % 3)
                for n in range(8)]
    phases = [Phase(id=f"p{n}", name=f"Phase {n}: " + words[:70], start=dt.date(2027, n + 1, 1), cost=100_000.0 * n,
                    status="done" if n < 2 else "planned", outcome=words if n < 2 else "") for n in range(7)]
    presentation = workspace.presentations[-1]
    presentation.objections = [Objection(text=f"Question {n}: " + words[:120], answer=words) for n in range(7)]
    problems[0].impact = "=cmd|' /C calc'!A0 \x07 bell \ufffe " + "x" * 10_000  # a control character, a pasted blob
    deck = dataclasses.replace(workspace.deck, ask="Approve " + words[:400], ask_phase_id="p3")
    return dataclasses.replace(workspace, problems=problems, phases=phases, deck=deck)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_pdf_is_one_a4_page_with_the_ask_the_payback_and_the_phase_asked(
    demo: Workspace, tmp_path: Path, lang: str
) -> None:
    result = export_preread(demo, tmp_path / "pre-read.pdf", today=TODAY, lang=lang)
    assert result.dropped == ()  # the demo fits whole
    assert pdf_pages(result.path) == 1 and page_size(result.path) == A4
    text = pdf_text(result.path)
    assert " ".join(demo.deck.ask.split()) in text
    assert ("6.9 months" if lang == "en" else "6,9 måneder") in text
    assert ("Asked now" if lang == "en" else "Det beder vi om nu") in text
    assert "Phase 2: Legal and Sales" in text
    assert ("DKK 1,200,000" if lang == "en" else "1.200.000 kr.") in text
    assert "Since last time" in text if lang == "en" else "Siden sidst" in text
    for person in demo.stakeholders:
        if not person.named_in_decks:
            assert person.name not in text, person.name
    for presentation in demo.presentations:
        assert presentation.feedback[:30] not in text
    assert "Æ" in pdf_text(export_preread(
        dataclasses.replace(demo, deck=dataclasses.replace(demo.deck, ask="Ændr planen: ø og å")),
        tmp_path / "letters.pdf", today=TODAY).path)  # the embedded font has the Danish letters


def test_a_page_full_of_long_texts_still_prints_on_one_page_and_says_what_it_left_out(
    demo: Workspace, tmp_path: Path
) -> None:
    workspace = long_winded(demo)
    result = export_preread(workspace, tmp_path / "long.pdf", today=TODAY, lang="en")
    assert pdf_pages(result.path) == 1
    assert words_outside_page(result.path) == []
    assert result.dropped  # something had to give, and the user is told what
    text = pdf_text(result.path)
    assert text.startswith("PRE-READ") and "Approve the contract managers said" in text
    assert "Asked now" in text  # the phase asked is never what gives way
    assert "\x07" not in text and "xxxxxxxxxx …" in text  # the blob is cut, by letters, and says so


def test_the_docx_opens_with_its_styles_the_template_colour_and_names_no_one(demo: Workspace, tmp_path: Path) -> None:
    from docx import Document

    from briefing.preread.style import page_style

    template = SAMPLES / "templates" / "purple-banner.potx"
    result = export_preread(demo, tmp_path / "pre-read.docx", template=template, today=TODAY, lang="da")
    document = Document(str(result.path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Hvorfor nu", "Det har vi vist", "Planen i faser", "Siden sidst"]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [demo.deck.title]
    style = page_style(template)
    heading = document.styles["Heading 2"]
    assert str(heading.font.color.rgb) == style.accent.lstrip("#") and heading.font.name == "Verdana"
    assert document.core_properties.author == "Briefing Composer" and document.core_properties.last_modified_by == ""
    assert document.core_properties.created.year >= 2026
    ask_cell = document.tables[0].rows[0].cells[0].text
    assert " ".join(demo.deck.ask.split()) in " ".join(ask_cell.split())
    everything = " ".join([p.text for p in document.paragraphs] + [c.text for r in document.tables[0].rows
                                                                    for c in r.cells])
    assert not [p.name for p in demo.stakeholders if not p.named_in_decks and p.name in everything]
    feedback = [p.feedback[:30] for p in demo.presentations if p.feedback]
    assert feedback and not [text for text in feedback if text in everything]  # feedback never leaves the app


def test_an_empty_workspace_still_gives_one_page_that_says_no_decision_is_asked(tmp_path: Path) -> None:
    result = export_preread(Workspace(), tmp_path / "empty.pdf", today=TODAY)
    assert pdf_pages(result.path) == 1 and "No decision is asked for yet." in pdf_text(result.path)


@pytest.mark.slow
def test_libreoffice_opens_each_docx_on_one_page(demo: Workspace, demo_da: Workspace, tmp_path: Path) -> None:
    files = [export_preread(demo, tmp_path / "en.docx", today=TODAY, lang="en").path,
             export_preread(demo_da, tmp_path / "da.docx", today=TODAY, lang="da").path,
             export_preread(long_winded(demo), tmp_path / "long.docx", today=TODAY, lang="en").path]
    pdfs = convert_to_pdf(files, tmp_path)
    for docx_file, pdf in pdfs.items():
        assert pdf_pages(pdf) == 1, docx_file.name
    assert "Den beslutning, vi beder om".upper() in pdf_text(pdfs[files[1]])


def test_a_bad_target_is_refused_by_name_and_nothing_is_written(demo: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"notes\.txt: a pre-read is written as a \.pdf or a \.docx file"):
        export_preread(demo, tmp_path / "notes.txt", today=TODAY)
    with pytest.raises(InputError, match="does not exist"):
        export_preread(demo, tmp_path / "missing" / "pre-read.pdf", today=TODAY)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_previous_file_as_it_was(
    demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pre-read.pdf"
    target.write_bytes(b"previous")

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("briefing.files.replace_retrying", full_disk)
    with pytest.raises(InputError, match="No space left on device"):
        export_preread(demo, target, today=TODAY)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["pre-read.pdf"]  # no temporary file left behind
