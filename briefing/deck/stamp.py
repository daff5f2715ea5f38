"""The deck settings a deck was made with, kept inside its .pptx as a custom document property.

When the deck is later recorded as presented, ``read_settings`` gives back exactly the settings it
was exported with (language, sections, slide budget …; the template by its file name only), even if
the workspace's settings or the export's options have changed since. The property is standard OOXML
(``docProps/custom.xml``), which PowerPoint keeps when it saves the file and shows under File →
Properties → Custom.
"""

from __future__ import annotations

import dataclasses
import json
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from briefing.errors import ValidationError
from briefing.model import codec
from briefing.model.entities import DeckSettings

PROPERTY = "BriefingComposerSettings"
PARTNAME = "/docProps/custom.xml"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_properties_xml(settings: DeckSettings, existing: bytes | None = None) -> bytes:
    """The custom-properties part holding ``settings`` as JSON, keeping the other properties of
    ``existing`` (a corporate template's sensitivity label, say)."""
    ElementTree.register_namespace("", _PROPS)
    ElementTree.register_namespace("vt", _VT)
    root = ElementTree.fromstring(existing) if existing else ElementTree.Element(f"{{{_PROPS}}}Properties")
    for old in [p for p in root.findall(f"{{{_PROPS}}}property") if p.get("name") == PROPERTY]:
        root.remove(old)
    pids = [int(p.get("pid", "1")) for p in root.findall(f"{{{_PROPS}}}property") if p.get("pid", "").isdigit()]
    prop = ElementTree.SubElement(
        root, f"{{{_PROPS}}}property", fmtid=_FMTID, pid=str(max(pids, default=1) + 1), name=PROPERTY
    )
    value = ElementTree.SubElement(prop, f"{{{_VT}}}lpwstr")
    value.text = json.dumps(codec.dump(without_folder(settings)), ensure_ascii=True)
    xml: bytes = ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return xml


def without_folder(settings: DeckSettings) -> DeckSettings:
    """``settings`` with the template named by its file name only: a deck shows no folder of the user's machine."""
    name = re.split(r"[\\/]", settings.template)[-1]
    return settings if name == settings.template else dataclasses.replace(settings, template=name)


def stamp(prs: Any, settings: DeckSettings) -> None:
    """Put ``settings`` into the custom properties of the python-pptx Presentation ``prs``."""
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    package = prs.part.package
    try:
        existing = package.part_related_by(RELATIONSHIP)
    except KeyError:
        existing = None
    if existing is not None:
        from briefing.pptx_compat import replace_blob

        replace_blob(existing, custom_properties_xml(settings, existing.blob))
        return
    part = Part(PackURI(PARTNAME), CONTENT_TYPE, package, custom_properties_xml(settings))
    package.relate_to(part, RELATIONSHIP)


def read_settings(path: Path) -> DeckSettings | None:
    """The settings stamped into the deck at ``path``; None for a deck without them (or not a deck)."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read(_custom_part_name(archive))
        root = ElementTree.fromstring(xml)
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError, RuntimeError, ValueError):
        return None
    for prop in root.iter(f"{{{_PROPS}}}property"):
        if prop.get("name") == PROPERTY:
            return _settings(prop.findtext(f"{{{_VT}}}lpwstr") or "")
    return None


def _custom_part_name(archive: zipfile.ZipFile) -> str:
    """Where the custom properties are: named by the package's relationships (usually docProps/custom.xml)."""
    rels = ElementTree.fromstring(archive.read("_rels/.rels"))
    for rel in rels:
        if rel.get("Type") == RELATIONSHIP:
            return (rel.get("Target") or "").lstrip("/")
    raise KeyError(RELATIONSHIP)


def _settings(text: str) -> DeckSettings | None:
    try:
        return codec.load(DeckSettings, json.loads(text), "deck")
    except (ValueError, ValidationError):
        return None
