"""A deck carries the settings it was made with, and recording it as presented keeps those."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from briefing.cli import main
from briefing.deck.stamp import custom_properties_xml, read_settings
from briefing.model.entities import DeckSettings
from briefing.store import WorkspaceStore

LABEL = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_Enabled">'
    b"<vt:lpwstr>true</vt:lpwstr></property></Properties>"
)


def _demo(tmp_path: Path) -> Path:
    workspace = tmp_path / "ws"
    assert main(["demo", "--workspace", str(workspace)]) == 0
    return workspace


def test_an_exported_deck_carries_the_settings_of_that_export(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    workspace = _demo(tmp_path)
    deck = tmp_path / "da.pptx"
    assert main(["export", "--workspace", str(workspace), "--out", str(deck), "--lang", "da", "--max-slides", "8"]) == 0
    settings = read_settings(deck)
    assert settings is not None
    assert settings.language == "da" and settings.max_slides == 8
    with WorkspaceStore.open(workspace) as store:
        assert settings.ask == store.workspace.deck.ask
        assert store.workspace.deck.language == "en"  # the export changed nothing in the store


def test_presenting_keeps_the_settings_the_deck_was_made_with(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    workspace = _demo(tmp_path)
    deck = tmp_path / "da.pptx"
    main(["export", "--workspace", str(workspace), "--out", str(deck), "--lang", "da", "--anonymize"])
    code = main(["present", "--workspace", str(workspace), "--deck", str(deck), "--date", "2026-12-08",
                 "--audience", "Direktionen", "--outcome", "approved"])
    assert code == 0
    with WorkspaceStore.open(workspace) as store:
        kept = store.workspace.presentations[-1].deck_settings
    assert kept is not None and kept.language == "da" and kept.anonymize is True


def test_a_template_with_its_own_custom_properties_keeps_them(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from briefing.paths import TEMPLATES_FOLDER

    template = tmp_path / "labelled.pptx"
    _with_custom_properties(TEMPLATES_FOLDER / "default.pptx", template)
    workspace = _demo(tmp_path)
    deck = tmp_path / "out.pptx"
    assert main(["export", "--workspace", str(workspace), "--out", str(deck), "--template", str(template)]) == 0
    with zipfile.ZipFile(deck) as archive:
        custom = [name for name in archive.namelist() if name.endswith("custom.xml")]
        xml = archive.read(custom[0])
    assert len(custom) == 1
    assert b"MSIP_Label_Enabled" in xml and b"BriefingComposerSettings" in xml
    assert read_settings(deck) is not None


def test_a_foreign_or_broken_file_has_no_settings(tmp_path: Path) -> None:
    plain = tmp_path / "plain.pptx"
    shutil.copy(Path(__file__).resolve().parents[2] / "assets" / "templates" / "default.pptx", plain)
    assert read_settings(plain) is None
    junk = tmp_path / "junk.pptx"
    junk.write_bytes(b"not a zip at all")
    assert read_settings(junk) is None


def test_restamping_replaces_the_settings_instead_of_adding_a_second_property() -> None:
    first = custom_properties_xml(DeckSettings(language="da"), LABEL)
    second = custom_properties_xml(DeckSettings(language="en"), first)
    assert second.count(b"BriefingComposerSettings") == 1 and b"MSIP_Label_Enabled" in second
    value = second.split(b"<vt:lpwstr>")[-1].split(b"</vt:lpwstr>")[0]
    assert json.loads(value)["language"] == "en"


def _with_custom_properties(source: Path, target: Path) -> None:
    """A copy of ``source`` with a custom-properties part, as corporate templates with a label have."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/docProps/custom.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
            if item.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdCustom" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
                                    b'Target="docProps/custom.xml"/></Relationships>')
            new.writestr(item, data)
        new.writestr("docProps/custom.xml", LABEL)
