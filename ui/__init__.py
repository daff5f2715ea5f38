"""The desktop app (PySide6): shows and edits the core's objects, owns no logic.

The app's own texts (its pages and its shell) are in ``ui/i18n``, added to the core's catalogs here.
"""

from pathlib import Path

from briefing.i18n import add_catalogs

add_catalogs(Path(__file__).parent / "i18n")
