"""Hostile templates, made from the built-in one the way the fault probe made them."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from briefing.paths import TEMPLATES_FOLDER

DEFAULT = TEMPLATES_FOLDER / "default.pptx"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
UNC = "file:///\\\\host\\share\\pixel.png"
TRACKER = "https://tracker.example/open.gif"

Rewrite = Callable[[str, bytes], bytes | None]
"""Given a member's name and bytes: its new bytes, or None to leave it out."""


def rewritten(out: Path, change: Rewrite, source: Path = DEFAULT, extra: dict[str, bytes] | None = None) -> Path:
    """A copy of ``source`` with each member passed through ``change`` (and ``extra`` members added)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = change(info.filename, original.read(info))
            if data is not None:
                copy.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            copy.writestr(name, data)
    return out


def only(member: str, change: Callable[[bytes], bytes]) -> Rewrite:
    return lambda name, data: change(data) if name == member else data


def without_size(out: Path) -> Path:
    return rewritten(out, only("ppt/presentation.xml", lambda d: re.sub(rb"<p:sldSz[^>]*/>", b"", d)))


def zero_size(out: Path) -> Path:
    return rewritten(out, only("ppt/presentation.xml",
                               lambda d: re.sub(rb'<p:sldSz cx="\d+" cy="\d+"', b'<p:sldSz cx="0" cy="0"', d)))


def without_theme(out: Path) -> Path:
    def change(name: str, data: bytes) -> bytes | None:
        if name.startswith("ppt/theme/"):
            return None
        if name.endswith(".rels") or name == "[Content_Types].xml":
            return re.sub(rb"<(Relationship|Override) [^>]*theme[^>]*/>", b"", data)
        return data

    return rewritten(out, change)


def declaring_huge_members(out: Path, count: int = 5, size: int = 190 * 1024 * 1024) -> Path:
    """A small template whose zip directory says ``count`` members of ``size`` bytes each (the probe's 1 MB file
    with five 190 MB zero-filled members; here only the directory is written, as it is all that is read)."""
    extra = {f"ppt/media/zeros{i}.bin": b"\0" * 1024 for i in range(count)}
    rewritten(out, lambda name, data: data, extra=extra)
    raw = bytearray(out.read_bytes())
    for name in extra:
        at = raw.rfind(name.encode()) - 46  # the name's last mention is in its central directory entry
        assert raw[at : at + 4] == b"PK\x01\x02"
        struct.pack_into("<I", raw, at + 24, size)  # uncompressed size
    out.write_bytes(bytes(raw))
    return out


def with_links_out(out: Path) -> Path:
    """A layout with a picture linked to a UNC path, a hyperlink to a tracker, and a picture inside the package
    whose relationship points outside it."""
    layout = "ppt/slideLayouts/slideLayout2.xml"
    rels = "ppt/slideLayouts/_rels/slideLayout2.xml.rels"
    image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
    link = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
    new_rels = (
        f'<Relationship Id="rId90" Type="{image}" Target="{UNC}" TargetMode="External"/>'
        f'<Relationship Id="rId91" Type="{link}" Target="{TRACKER}" TargetMode="External"/>'
        f'<Relationship Id="rId92" Type="{image}" Target="../../../../outside.png"/>'
    ).encode()
    pictures = (
        b'<p:pic><p:nvPicPr><p:cNvPr id="90" name="Pixel"><a:hlinkClick r:id="rId91"/></p:cNvPr><p:cNvPicPr/>'
        b'<p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:link="rId90"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        b'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect">'
        b'<a:avLst/></a:prstGeom></p:spPr></p:pic>'
        b'<p:pic><p:nvPicPr><p:cNvPr id="91" name="Outside"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill>'
        b'<a:blip r:embed="rId92"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm>'
        b'<a:off x="9525" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        b'</a:prstGeom></p:spPr></p:pic>'
    )

    def change(name: str, data: bytes) -> bytes:
        if name == rels:
            return data.replace(b"</Relationships>", new_rels + b"</Relationships>")
        if name == layout:
            return data.replace(b"</p:spTree>", pictures + b"</p:spTree>", 1)
        return data

    return rewritten(out, change)


HISTORY_CORE = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    b"<dc:title>Reorganisation 2027 (draft)</dc:title><dc:creator>Jens Hemmingsen</dc:creator>"
    b"<cp:lastModifiedBy>\xe7\xa7\xa6 Daniel</cp:lastModifiedBy><cp:revision>31</cp:revision>"
    b"<cp:keywords>layoffs</cp:keywords><dc:description>C:\\Users\\jhe\\Documents\\reorg.pptx</dc:description>"
    b'<dcterms:created xsi:type="dcterms:W3CDTF">2021-06-30T01:41:50Z</dcterms:created>'
    b"</cp:coreProperties>"
)
HISTORY_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>C:\\Users\\jhe\\AppData\\Roaming\\Microsoft\\Templates\\Corp.potx</Template>"
    b"<Company>Hemmingsen Consulting</Company><TitlesOfParts><vt:vector size=\"1\" baseType=\"lpstr\">"
    b"<vt:lpstr>Who goes in round two</vt:lpstr></vt:vector></TitlesOfParts></Properties>"
)
HISTORY_WORDS = ("Reorganisation", "Hemmingsen", "Daniel", "revision", "layoffs", "Users", "jhe", "round two",
                 "Corp.potx", "lastModifiedBy")


def with_history(out: Path) -> Path:
    def change(name: str, data: bytes) -> bytes:
        return {"docProps/core.xml": HISTORY_CORE, "docProps/app.xml": HISTORY_APP}.get(name, data)

    return rewritten(out, change)


def dangling_ids(deck: Path) -> list[str]:
    """Every ``r:…`` attribute in the deck's parts whose id is not among that part's relationships."""
    from lxml import etree

    found = []
    with zipfile.ZipFile(deck) as archive:
        names = set(archive.namelist())
        for name in names:
            if not name.endswith(".xml") or name.startswith("["):
                continue
            folder, base = name.rsplit("/", 1) if "/" in name else ("", name)
            rels_name = f"{folder}/_rels/{base}.rels".lstrip("/")
            ids = set()
            if rels_name in names:
                ids = {rel.get("Id") for rel in etree.fromstring(archive.read(rels_name))}
            for element in etree.fromstring(archive.read(name)).iter():
                for attribute, value in element.attrib.items():
                    if attribute.startswith(f"{{{R}}}") and value and value not in ids:
                        found.append(f"{name}: {value}")
    return found


def relationship_targets(deck: Path) -> list[str]:
    """Every relationship target in the deck, with its mode."""
    from lxml import etree

    with zipfile.ZipFile(deck) as archive:
        return [f"{rel.get('TargetMode', 'Internal')} {rel.get('Target')}"
                for name in archive.namelist() if name.endswith(".rels")
                for rel in etree.fromstring(archive.read(name))]


def docprops_text(deck: Path) -> str:
    with zipfile.ZipFile(deck) as archive:
        return "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("docProps/")
                         and n.endswith(".xml"))


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
