"""The deck's document properties: its title and audience, made by Briefing Composer, and nothing of whoever
made the template.

A template carries its author, who last saved it, a company, a manager, keywords and comments, and the
list of its own slide titles; a deck would carry them to everyone it is sent to. Each is overwritten
or left out (PowerPoint writes the slide list afresh when it saves). The title and the audience come
from the plan, where the naming rules have already been applied.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from briefing import pptx_compat as compat
from briefing.deck.model import DeckPlan
from briefing.deck.sanitize import clean
from briefing.deck.stamp import stamp

MAKER = "Briefing Composer"
EMPTIED = ("keywords", "comments", "category", "content_status", "identifier", "version")
APP_PART = "/docProps/app.xml"
APP_DROPPED = ("Company", "Manager", "HyperlinkBase", "Template", "HeadingPairs", "TitlesOfParts")
"""Extended properties that name a person or an organisation, or list the template's slides."""


def write_properties(prs: Any, plan: DeckPlan) -> None:
    """Set the core and extended properties of the python-pptx Presentation ``prs`` for ``plan``."""
    props = prs.core_properties
    props.title = clean(plan.title)[:250]
    props.subject = clean(plan.audience)[:250]
    props.author = MAKER
    props.last_modified_by = MAKER
    for name in EMPTIED:
        setattr(props, name, "")
    props.language = "da-DK" if plan.lang == "da" else "en-GB"
    _extended(prs)
    if plan.settings is not None:
        stamp(prs, plan.settings)


def _extended(prs: Any) -> None:
    """``docProps/app.xml`` without the template's company, manager and slide titles."""
    part = next((p for p in prs.part.package.iter_parts() if str(p.partname) == APP_PART), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for child in list(root):
        if etree.QName(child).localname in APP_DROPPED:
            root.remove(child)
    compat.replace_blob(part, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
