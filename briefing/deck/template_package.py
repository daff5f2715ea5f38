"""A template's package made safe before python-pptx sees it: bounded, self-contained, without history.

- **Bounded.** The zip directory is checked before anything is unpacked: too many members, or
  members that together unpack to more than the limit below, are refused; the reads themselves
  stop at the declared sizes and at the limit, so a directory that lies cannot make us read more.
- **Self-contained.** Every relationship that leaves the package is dropped: external links
  (``http:``, ``file:``, UNC paths ``\\\\host\\share`` — on Windows the last two are a known way
  to leak the user's credentials) and internal targets outside the package or missing from it.
  The references to a dropped relationship go with it (no dangling ``r:id``); the links dropped
  are listed, so that ``template-check`` can tell them.
- **Without history.** The template's core properties (author, last modified by, revision,
  title, dates) are emptied; its extended properties (the titles of its example slides, company,
  the path of the template it was made from), thumbnail and comment authors are dropped.
  Custom properties stay (a corporate sensitivity label lives there).
- A ``.potx``'s main part is typed as a presentation, so that python-pptx opens it.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""All members together, unpacked: a template with fonts, pictures and a video fits; a zip bomb does not."""
MAX_PARTS = 5_000

TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
EMPTY_CORE = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<cp:coreProperties xmlns:cp="{CORE}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
).encode()
HISTORY = ("docprops/app.xml", "docprops/thumbnail.", "ppt/commentauthors.xml", "ppt/authors.xml")
"""Parts (lower case, by prefix) that carry who made the template and what it showed, dropped whole."""
POINTERS = frozenset({"embed", "link", "pict", "href"})
"""Attributes that point to a relationship from an element that stays meaningful without it (a picture's fill)."""


class PackageError(ValueError):
    """The package cannot be a template: the reason, in English, for the message's parenthesis."""


class TooLarge(PackageError):
    """The members unpack to ``size`` bytes (at least), over ``limit``."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} > {limit}")
        self.size = size
        self.limit = limit


@dataclass
class SafePackage:
    """The template's bytes as a safe .pptx, and the links that were dropped from it (their targets)."""

    data: bytes
    dropped_links: list[str] = field(default_factory=list)


def safe_package(raw: bytes) -> SafePackage:
    """``raw`` (a .pptx or .potx) rewritten as described in the module docstring; PackageError if it cannot be."""
    try:
        source = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise PackageError(_first_line(error)) from None  # NotImplementedError: a damaged "version needed" field
    with source:
        infos = _checked_directory(source)
        try:
            parts = dict(_read_members(source, infos))
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError) as error:
            raise PackageError(_first_line(error)) from None  # a bad CRC, an encrypted or unknown compression
    _drop_history(parts)
    dropped = _drop_outside_links(parts)
    parts["[Content_Types].xml"] = _content_types(parts)
    for name in [n for n in parts if n.lower() == "docprops/core.xml"]:
        parts[name] = EMPTY_CORE
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return SafePackage(out.getvalue(), dropped)


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:160]


def _checked_directory(source: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members, refused by what the directory says before one byte is unpacked."""
    infos = [info for info in source.infolist() if not info.is_dir()]
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("ppt/") for n in names):
        raise PackageError("no PowerPoint parts")
    if len(infos) > MAX_PARTS:
        raise PackageError(f"more than {MAX_PARTS} parts")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise TooLarge(total, MAX_UNPACKED_BYTES)
    return infos


def _read_members(source: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> Iterator[tuple[str, bytes]]:
    """Each member's bytes (CRC checked by zipfile), never more than it declared nor more than the total limit."""
    total = 0
    for info in infos:
        chunks = []
        size = 0
        with source.open(info) as member:
            while chunk := member.read(1 << 20):
                size += len(chunk)
                total += len(chunk)
                if total > MAX_UNPACKED_BYTES:
                    raise TooLarge(total, MAX_UNPACKED_BYTES)
                if size > info.file_size:
                    raise PackageError(f"{info.filename} unpacks to more than it declares")
                chunks.append(chunk)
        data = b"".join(chunks)
        if info.filename == "[Content_Types].xml":
            if b"macroEnabled" in data:
                raise PackageError("macro-enabled package")
            data = data.replace(TEMPLATE_TYPE, PRESENTATION_TYPE)
        yield info.filename, data


def _drop_history(parts: dict[str, bytes]) -> None:
    for name in [n for n in parts if n.lower().startswith(HISTORY)]:
        del parts[name]


# -- relationships ---------------------------------------------------------------------------------


def _xml(data: bytes) -> Any:
    """Parsed XML without entities, DTDs or network (a template is not trusted)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise PackageError(f"damaged XML: {_first_line(error)}") from None


def _serialise(root: Any) -> bytes:
    from lxml import etree

    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _drop_outside_links(parts: dict[str, bytes]) -> list[str]:
    """Drop every relationship leaving the package, and what refers to it; the external targets dropped."""
    dropped_links: list[str] = []
    present = {name.lower() for name in parts}
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        source = _source_of(rels_name)
        rels = _xml(parts[rels_name])
        gone: set[str] = set()
        for rel in list(rels):
            reason = _outside(rel, source, present)
            if reason is None:
                continue
            gone.add(rel.get("Id", ""))
            rels.remove(rel)
            if reason == "external":
                dropped_links.append(rel.get("Target", ""))
        if gone:
            parts[rels_name] = _serialise(rels)
            if source in parts and source.endswith(".xml"):
                parts[source] = _without_references(parts[source], gone)
    return sorted(set(dropped_links))


def _source_of(rels_name: str) -> str:
    """``ppt/slides/_rels/slide1.xml.rels`` → ``ppt/slides/slide1.xml``; ``_rels/.rels`` → ``''`` (the package)."""
    folder, name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")]).lstrip("/")


def _outside(rel: Any, source: str, present: set[str]) -> str | None:
    """Why ``rel`` must go: "external" (a link out of the package), "missing" (a part not in it), or None.

    ``present`` holds the package's part names in lower case (OPC names ignore case).
    """
    target = (rel.get("Target") or "").strip()
    lowered = target.lower()
    if rel.get("TargetMode") == "External" or lowered.startswith(("file:", "\\\\", "//")) or "://" in lowered:
        return "external"
    if target.startswith("/"):
        resolved = posixpath.normpath(target.lstrip("/"))
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
    if resolved.startswith("..") or unquote(resolved).lower() not in present:
        return "missing"
    return None


def _without_references(data: bytes, gone: set[str]) -> bytes:
    """The part's XML without references to the relationship ids ``gone``.

    A picture fill's ``r:embed``/``r:link`` loses the attribute; any other element that refers to
    a dropped id (a hyperlink, a slide or layout id, a sound) goes whole.
    """
    root = _xml(data)
    prefix = f"{{{R}}}"
    for element in list(root.iter()):
        for name, value in list(element.attrib.items()):
            if not name.startswith(prefix) or value not in gone:
                continue
            parent = element.getparent()
            if name[len(prefix):] in POINTERS or parent is None:
                del element.attrib[name]
            else:
                parent.remove(element)
                break
    return _serialise(root)


def _content_types(parts: dict[str, bytes]) -> bytes:
    """``[Content_Types].xml`` without overrides for parts that are no longer there."""
    root = _xml(parts["[Content_Types].xml"])
    present = {name.lower() for name in parts}
    for override in root.findall(f"{{{CONTENT_TYPES}}}Override"):
        if unquote(override.get("PartName") or "").lstrip("/").lower() not in present:
            root.remove(override)
    return _serialise(root)
