"""Text made safe for a .pptx: no control characters, no non-characters, no lone surrogates.

python-pptx writes control characters as visible ``_x0007_`` junk (and raises on them in
shape names, properties and chart labels); U+FFFE/U+FFFF and lone surrogates break the XML.
Tabs and newlines become spaces or line breaks; everything else that XML 1.0 forbids is dropped.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t]+")
_FORMULA_START = ("=", "+", "-", "@")


def clean(text: object, keep_newlines: bool = False) -> str:
    """``text`` as a string XML can hold; newlines kept only when asked, else folded to spaces."""
    value = "" if text is None else str(text)
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    value = _FORBIDDEN.sub("", value)
    if not keep_newlines:
        value = value.replace("\n", " ")
    value = value.replace("\t", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    return "\n".join(lines).strip()


def label(text: object) -> str:
    """A chart label: clean, one line, never read as a formula by a spreadsheet (``=cmd``)."""
    value = clean(text)
    if value.startswith(_FORMULA_START) and not _is_number(value):
        value = "\u2019" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value.replace(",", "."))
    except ValueError:
        return False
    return True
