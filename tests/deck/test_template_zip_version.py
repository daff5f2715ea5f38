"""A template whose zip directory asks for an unknown "version needed to extract" (a damaged byte, found by
the fuzz test) is refused in one message naming the file, not with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import template_faults as hostile

from briefing.deck import template_check
from briefing.errors import InputError


def test_an_unknown_zip_version_is_refused_naming_the_file(tmp_path: Path) -> None:
    raw = bytearray(hostile.DEFAULT.read_bytes())
    entry = raw.rfind(b"PK\x01\x02")  # the last central directory entry; "version needed" at offset 6
    raw[entry + 6 : entry + 8] = (64).to_bytes(2, "little")
    path = tmp_path / "damaged.potx"
    path.write_bytes(bytes(raw))
    with pytest.raises(InputError, match=r"damaged\.potx"):
        template_check(path)
