"""Where an export is offered by default: a file name made from a title, in the user's Documents folder."""

from __future__ import annotations

import re
from pathlib import Path


def file_name(title: str) -> str:
    """A file name from a title: letters, digits, spaces and dashes kept."""
    cleaned = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()
    return re.sub(r"\s+", " ", cleaned)[:80] or "briefing"


def documents() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()
