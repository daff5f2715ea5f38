"""How much a slide and a deck may hold (the method's dosing), defined once.

The planner (``sections``) and the layout keep to these limits; the lint checks a plan against
the same ones, so what is planned and what is checked cannot drift apart.
"""

from __future__ import annotations

MAX_BULLETS = 5
"""Bullets on one slide."""
MAX_WORDS = 40
"""Words in one slide's body."""
MAX_TITLE_LINES = 2
"""Lines a title may take at its full size."""
MIN_BODY_PT = 18.0
"""The smallest body text on a main slide, in points."""
MAX_REFERENCES = 2
"""External references (analysts, articles) in one deck: they lend weight when used sparingly."""
MIN_TITLE_WORDS = 5
"""A title shorter than this is a label, not a message."""
