"""The scan: every deck the tests export, opened as a zip and read part by part (slides, notes, charts and their
embedded workbooks, document properties, comments), names no one who has not agreed to be named, no one at
all when anonymized, and never quotes a presentation's private feedback. A copy for the room has no notes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from decks import Rendered, hostile, long_matrix
from lo_helpers import demo_workspace
from privacy_decks import exposed, exposures, hidden_names, notes_parts, package_texts

from briefing.deck import export
from briefing.model.entities import Workspace

TODAY = dt.date(2026, 11, 27)
Case = tuple[Workspace, bool, bool]
"""The workspace, anonymized, with notes."""


def _cases() -> dict[str, Case]:
    cases: dict[str, Case] = {}
    for lang in ("en", "da"):
        demo = demo_workspace(lang)
        for anonymized in (False, True):
            suffix = "-anon" if anonymized else ""
            cases[f"{lang}-exposed{suffix}"] = (exposed(demo), anonymized, True)
            cases[f"{lang}-demo{suffix}"] = (demo, anonymized, True)
        cases[f"{lang}-exposed-room"] = (exposed(demo), False, False)
    return cases


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Workspace, bool, bool]]:
    folder = tmp_path_factory.mktemp("privacy")
    decks = {}
    for name, (workspace, anonymized, notes) in _cases().items():
        settings = dataclasses.replace(workspace.deck, anonymize=anonymized)
        out = folder / f"{name}.pptx"
        export(workspace, out, settings=settings, today=TODAY, cache_dir=folder / "cache", notes=notes)
        decks[name] = (out, workspace, anonymized, notes)
    return decks


def test_no_deck_names_anyone_without_consent_or_quotes_the_feedback_in_any_part(
        exported: dict[str, tuple[Path, Workspace, bool, bool]]) -> None:
    for name, (path, workspace, anonymized, _notes) in exported.items():
        assert exposures(path, workspace, anonymized) == [], name


def test_the_scan_finds_what_it_looks_for(exported: dict[str, tuple[Path, Workspace, bool, bool]],
                                          tmp_path: Path) -> None:
    """The scan can fail: a deck where everyone agreed to be named, read as if they had not, names them on the
    slides, in a chart, in its embedded workbook and in the document properties; feedback quoted is found."""
    path, workspace, _anonymized, _notes = exported["en-exposed"]
    consenting = [p.name for p in workspace.stakeholders if p.named_in_decks]
    everything = "\n".join(package_texts(path.read_bytes()).values())
    assert consenting and all(name in everything for name in consenting[:1])
    agreed = dataclasses.replace(workspace, stakeholders=[dataclasses.replace(p, named_in_decks=True)
                                                          for p in workspace.stakeholders])
    export(agreed, tmp_path / "agreed.pptx", today=TODAY, cache_dir=tmp_path)
    found = {part for part, _name in exposures(tmp_path / "agreed.pptx", workspace, anonymized=False)}
    assert {"ppt/slides/slide1.xml", "ppt/charts/chart1.xml", "docProps/core.xml", "docProps/custom.xml"} <= found
    assert any(part.endswith(".xlsx (cells)") for part in found)  # the chart's data names a KPI after a person
    said = dataclasses.replace(workspace.presentations[-1], feedback="asked what it gives in kroner")
    quoted = dataclasses.replace(workspace, presentations=[*workspace.presentations[:-1], said])
    assert any(text.startswith("feedback") for _part, text in exposures(path, quoted, anonymized=False))


def test_a_copy_for_the_room_has_no_speaker_notes_at_all(exported: dict[str, tuple[Path, Workspace, bool, bool]]
                                                         ) -> None:
    with_notes, _workspace, _anonymized, _notes = exported["en-exposed"]
    room, *_ = exported["en-exposed-room"]
    assert notes_parts(with_notes) and not notes_parts(room)
    assert "notesSlide" not in "\n".join(package_texts(room.read_bytes()).values())


@pytest.mark.slow  # reads decks of the LibreOffice render tests
def test_the_template_s_author_and_company_stay_out_of_the_deck(
        exported: dict[str, tuple[Path, Workspace, bool, bool]], rendered: dict[str, Rendered]) -> None:
    for path in (exported["en-demo"][0], rendered["en-dark"].pptx, rendered["da-potx"].pptx):
        texts = package_texts(path.read_bytes())
        assert "Briefing Composer" in texts["docProps/core.xml"]
        everything = "\n".join(text for part, text in texts.items() if part.startswith("docProps/"))
        for maker in ("Steve Canny", "Vaisvil", "Rosenthal", "Daniel", "<Company>", "TitlesOfParts"):
            assert maker not in everything, (path.name, maker)


RENDERED = {"en-default": "en", "da-default": "da", "en-dark": "en", "da-dark": "da", "en-potx": "en",
            "da-potx": "da", "en-dark43": "en", "da-dark43": "da", "en-dark-anon": "en", "en-coverless": "en",
            "hostile": "hostile-en", "hostile-dark": "hostile-da", "en-continued": "continued-en"}
"""The decks the render tests export (tests/deck/conftest.py), each with the workspace it was made from."""


@pytest.mark.slow  # reads the decks of the LibreOffice render tests
def test_no_deck_the_render_tests_export_names_anyone_without_consent(rendered: dict[str, Rendered]) -> None:
    made = {"en": demo_workspace("en"), "da": demo_workspace("da")}
    made |= {"hostile-en": hostile(made["en"]), "hostile-da": hostile(made["da"]),
             "continued-en": long_matrix(made["en"])}
    exported = {name: deck for name, deck in rendered.items() if deck.result is not None}
    assert set(exported) == set(RENDERED)  # a deck added there is scanned here too
    for name, deck in exported.items():
        workspace = made[RENDERED[name]]
        assert hidden_names(workspace, "anon" in name)
        assert exposures(deck.pptx, workspace, "anon" in name) == [], name
