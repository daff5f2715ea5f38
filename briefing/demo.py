"""The demo campaigns that ship with the app, in Danish and English."""

from __future__ import annotations

from pathlib import Path

from briefing.model import Workspace
from briefing.model.interchange import from_json_text
from briefing.paths import DEMO_FOLDER


def demo_file(lang: str) -> Path:
    return DEMO_FOLDER / f"demo-{lang}.json"


def demo_workspace(lang: str = "en") -> Workspace:
    """A fresh copy of the demo campaign in ``lang`` ("da" or "en")."""
    path = demo_file(lang)
    return from_json_text(path.read_text(encoding="utf-8"), str(path))
