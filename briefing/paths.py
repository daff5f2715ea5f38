"""Where the app's own files are: the demo workspaces and the default template.

Installed from a wheel (or inside the packaged app) they are package data, ``briefing/_assets``,
which the build maps from the top-level ``assets/`` folder; from a checkout or an editable install
they are that ``assets/`` folder itself. Either way they are found through ``importlib.resources``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

CHECKOUT_ASSETS = Path(__file__).resolve().parent.parent / "assets"


def assets_folder() -> Path:
    """The folder holding ``demo/`` and ``templates/``: the package's own copy when it has one."""
    packaged = files("briefing") / "_assets"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return CHECKOUT_ASSETS


ASSETS = assets_folder()
DEMO_FOLDER = ASSETS / "demo"
TEMPLATES_FOLDER = ASSETS / "templates"
DEFAULT_TEMPLATE = TEMPLATES_FOLDER / "default.pptx"
