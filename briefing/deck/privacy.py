"""Nobody named in a deck without consent: one pass over the whole plan after the sections are built.

Every text a slide carries (title, subtitle, bullets, callout, caption, cards, table, notes, and its
chart's title, labels, categories, series, axes, note and alt text) goes through ``Naming.redact``: a
name that may not be shown becomes the person's role, and each replacement is kept on the slide
(``SlideSpec.renamed``) so that the lint says where, for the user to reword it. The deck's title, its
audience and the settings stamped into the file are treated the same way. Anonymized, the programme
owner is no one's name either. A presentation's feedback is private: a notes paragraph quoting it is
dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from briefing.deck.model import DeckPlan, Finding, Renamed, SlideSpec
from briefing.deck.sanitize import clean
from briefing.evidence.naming import Naming
from briefing.i18n import tr
from briefing.model.entities import DeckSettings, Stakeholder, Workspace

KEPT = frozenset({"kind", "role", "point_roles", "label_positions", "lang", "section", "references", "renamed"})
"""Fields that hold codes, never text a reader sees: left as they are."""
FIELDS = {"bullets": "body"}
"""A slide's field as the lint names it, where the two differ."""
QUOTED = 12
"""Feedback this long or longer is found inside a notes paragraph; shorter feedback only as the whole paragraph."""


def naming(workspace: Workspace, settings: DeckSettings, lang: str) -> Naming:
    """Who the deck may name: those who consented, no one when anonymized (the programme owner neither)."""
    people = list(workspace.stakeholders)
    owner = owner_person(workspace, lang)
    if settings.anonymize and owner is not None and owner.name not in {p.name for p in people}:
        people.append(owner)
    return Naming(people, settings.anonymize, tr("deck.privacy.someone", lang))


def owner_person(workspace: Workspace, lang: str) -> Stakeholder | None:
    """The programme owner (``Name, role``) as a person the naming rules know, or None without a name."""
    name = clean(workspace.campaign.owner.split(",")[0])
    return Stakeholder(id="", name=name, role=tr("deck.owner_role", lang)) if name else None


def shown_title(workspace: Workspace) -> str:
    """The deck's title as the deck shows it (a name in it as a role): what a file written for others is named."""
    return protect_text(workspace, workspace.deck.title)


def protect_text(workspace: Workspace, text: str) -> str:
    """``text`` with every name the workspace's deck may not show replaced by a role."""
    lang = workspace.deck.language if workspace.deck.language in ("da", "en") else "en"
    return naming(workspace, workspace.deck, lang).redact(text).text


def protect(plan: DeckPlan, rules: Naming, feedback: Sequence[str]) -> DeckPlan:
    """``plan`` with every name that may not be shown replaced by a role, each replacement recorded on its
    slide, and every notes paragraph that quotes a presentation's ``feedback`` left out."""
    quoted = [" ".join(text.split()).casefold() for text in feedback if text.strip()]
    slides = [_slide(spec, rules, quoted) for spec in plan.slides]
    settings = plan.settings
    if settings is not None:
        settings = dataclasses.replace(settings, title=rules.redact(settings.title).text,
                                       ask=rules.redact(settings.ask).text,
                                       audience=rules.redact(settings.audience).text)
    return dataclasses.replace(plan, slides=slides, title=rules.redact(plan.title).text,
                               audience=rules.redact(plan.audience).text, settings=settings)


def findings(spec: SlideSpec, number: int) -> list[Finding]:
    """One finding for each name shown as a role on the slide, in the field where it was typed."""
    unique: dict[tuple[str, str], Renamed] = {}
    for item in spec.renamed:
        unique.setdefault((item.field, item.name.casefold()), item)
    return [Finding(number, "named", 1, 0, spec.title, shape=item.role, field=item.field, text=item.name)
            for item in unique.values()]


def _slide(spec: SlideSpec, rules: Naming, quoted: list[str]) -> SlideSpec:
    found: list[Renamed] = []
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(spec):
        if item.name in KEPT:
            continue
        value = getattr(spec, item.name)
        if item.name == "notes":
            value = _private_left_out(value, quoted)
        if item.name == "cards":
            changes["cards"] = [_scrub(card, rules, found, f"card {index}") for index, card in enumerate(value, 1)]
        else:
            changes[item.name] = _scrub(value, rules, found, FIELDS.get(item.name, item.name))
    return dataclasses.replace(spec, **changes, renamed=[*spec.renamed, *found])


def _scrub(value: Any, rules: Naming, found: list[Renamed], field: str) -> Any:
    """``value`` (a text, a list, or a dataclass of them) with every hidden name replaced by a role."""
    if isinstance(value, str):
        result = rules.redact(value)
        found.extend(Renamed(field, hit.name, hit.role) for hit in result.found)
        return result.text
    if isinstance(value, list):
        return [_scrub(item, rules, found, field) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {item.name: _scrub(getattr(value, item.name), rules, found, field)
                   for item in dataclasses.fields(value) if item.name not in KEPT}
        return dataclasses.replace(value, **changes)
    return value


def _private_left_out(notes: str, quoted: list[str]) -> str:
    """``notes`` without the paragraphs that quote any of the ``quoted`` (case-folded) feedback."""
    if not quoted or not notes:
        return notes

    def private(paragraph: str) -> bool:
        folded = " ".join(paragraph.split()).casefold()
        return any(text == folded or (len(text) >= QUOTED and text in folded) for text in quoted)

    return "\n".join(paragraph for paragraph in notes.split("\n") if not private(paragraph))
