"""Where the app's own files are: templates, demo workspaces, screenshots."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
DEMO_FOLDER = ASSETS / "demo"
TEMPLATES_FOLDER = ASSETS / "templates"
