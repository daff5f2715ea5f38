"""The briefing deck: workspace → DeckPlan (plain data) → lint → .pptx in the user's template.

Public API (python-pptx is imported only when a deck is rendered or a template is read):
``plan(workspace, settings=None, today=None) -> DeckPlan``;
``check(workspace, settings=None, template=None, today=None) -> list[Finding]``;
``review(workspace, settings=None, template=None, today=None) -> (DeckPlan, list[Finding])``, planned once;
``export(workspace, out, settings=None, template=None, today=None, progress=None, cache_dir=None) -> ExportResult``;
``template_check(path) -> TemplateReport``.
"""

from __future__ import annotations

from briefing.deck.export import check, export, plan, review, template_check
from briefing.deck.model import DeckPlan, ExportResult, Finding, SlideSpec, TemplateReport

__all__ = ["DeckPlan", "ExportResult", "Finding", "SlideSpec", "TemplateReport", "check", "export", "plan",
           "review", "template_check"]
