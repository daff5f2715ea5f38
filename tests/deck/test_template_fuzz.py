"""Whatever a template's parts hold, reading it gives a template or an InputError naming the file, quickly."""

from __future__ import annotations

import tempfile
import time
import zipfile
from pathlib import Path

import template_faults as hostile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefing.deck import template as templates
from briefing.errors import InputError

with zipfile.ZipFile(hostile.DEFAULT) as _archive:
    PARTS = [name for name in _archive.namelist() if name.endswith((".xml", ".rels"))]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD_VALUES = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["", "0", "-1", "NaN", "1e400", "rId999", "../../../etc/passwd", "file:///\\\\h\\s\\x.png",
                     "\\\\host\\share", "#", "ctrTitle", "secHead", "title", "External"]),
    st.text(max_size=20),
)
edit = st.tuples(st.sampled_from(["drop", "attribute", "text", "truncate"]), st.floats(0, 1), ODD_VALUES)


def edited(data: bytes, edits: list[tuple[str, float, str]]) -> bytes:
    """The part with each edit applied to the element at a relative position: dropped, an attribute
    set to an odd value, its text replaced; or the part cut short."""
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return data
    for kind, where, value in edits:
        if kind == "truncate":
            text = etree.tostring(root)
            return text[: int(where * len(text))]
        elements = list(root.iter())
        element = elements[min(int(where * len(elements)), len(elements) - 1)]
        if kind == "drop" and element.getparent() is not None:
            element.getparent().remove(element)
        elif kind == "attribute" and element.attrib:
            name = sorted(element.attrib)[int(where * 997) % len(element.attrib)]
            element.set(name, "".join(ch for ch in value if ch.isprintable()))
        elif kind == "text":
            element.text = "".join(ch for ch in value if ch.isprintable())
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def read_or_refuse(path: Path) -> None:
    started = time.perf_counter()
    try:
        templates._load_cached.__wrapped__(str(path), (0.0, 0))  # past the cache: each example is new
    except InputError as error:
        message = error.message("en")
        assert message.startswith(f"{path}: ") and "\n" not in message
    assert time.perf_counter() - started < 5


@FUZZ
@given(part=st.sampled_from(PARTS), edits=st.lists(edit, min_size=1, max_size=3))
def test_a_template_with_an_odd_part_is_read_or_refused_naming_it(part: str, edits: list) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as folder:
        path = hostile.rewritten(Path(folder) / "odd.pptx", hostile.only(part, lambda data: edited(data, edits)))
        read_or_refuse(path)


@FUZZ
@given(at=st.floats(0, 1), junk=st.binary(min_size=1, max_size=64), cut=st.booleans())
def test_a_damaged_template_file_is_refused_naming_it(at: float, junk: bytes, cut: bool) -> None:
    raw = hostile.DEFAULT.read_bytes()
    where = int(at * len(raw))
    data = raw[:where] if cut else raw[:where] + junk + raw[where + len(junk):]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.potx"
        path.write_bytes(data)
        read_or_refuse(path)
