"""The dosing lint: every breach of the deck's budgets, as (slide, rule, value, limit).

Rules on the main slides: at most ``max_slides`` of them; at most 5 bullets and 40 words of body
text each; titles at most 2 lines at 28 pt; body text at least 18 pt; at most 2 external references
in the whole deck; an action title (a claim, at least 5 words) on every content slide; text that
fits its box, measured with the real font's metrics in the template's geometry.
"""

from __future__ import annotations

from briefing.deck import layout as lay
from briefing.deck import legibility
from briefing.deck.limits import MAX_BULLETS, MAX_REFERENCES, MAX_TITLE_LINES, MAX_WORDS, MIN_BODY_PT, MIN_TITLE_WORDS
from briefing.deck.model import DeckPlan, Finding, SlideSpec
from briefing.deck.template import Template
from briefing.deck.wording import words

EXEMPT_TITLE = ("title", "divider")


def lint(plan: DeckPlan, template: Template) -> list[Finding]:
    """Every breach in ``plan`` laid out in ``template``, slide by slide, then the deck's own."""
    findings: list[Finding] = []
    main = plan.main
    if len(main) > plan.max_slides:
        findings.append(Finding(0, "max_slides", len(main), plan.max_slides))
    for number, spec in enumerate(plan.slides, start=1):
        if not spec.appendix:
            findings.extend(check_slide(spec, number, template))
    findings.extend(legibility.findings(plan, template))
    references = {ref for spec in main for ref in spec.references}
    if len(references) > MAX_REFERENCES:
        findings.append(Finding(0, "references", len(references), MAX_REFERENCES))
    return findings


def check_slide(spec: SlideSpec, number: int, template: Template) -> list[Finding]:
    """The breaches on one main slide."""
    found: list[Finding] = []

    def add(rule: str, value: float, limit: float) -> None:
        found.append(Finding(number, rule, value, limit, spec.title))

    if len(spec.bullets) > MAX_BULLETS:
        add("bullets", len(spec.bullets), MAX_BULLETS)
    body_words = sum(words(text) for text in spec.body_texts())
    if body_words > MAX_WORDS:
        add("words", body_words, MAX_WORDS)
    if spec.kind not in EXEMPT_TITLE and words(spec.title) < MIN_TITLE_WORDS:
        add("action_title", words(spec.title), MIN_TITLE_WORDS)
    palette = template.palette
    arrangement = lay.arrange(spec, template.geometry, palette.minor_font, palette.major_font)
    if spec.kind not in EXEMPT_TITLE and arrangement.title_lines_at_28 > MAX_TITLE_LINES:
        add("title_lines", arrangement.title_lines_at_28, MAX_TITLE_LINES)
    for block in _body_blocks(arrangement):
        if block.size < MIN_BODY_PT:
            add("font_size", block.size, MIN_BODY_PT)
        if not block.fits:
            available = int((block.box.height * 72) // (block.size * 1.2))
            add("text_fit", block.lines, available)
    table = arrangement.table
    if table is not None and table.size < MIN_BODY_PT:
        add("font_size", table.size, MIN_BODY_PT)
    if table is not None and not table.fits:
        add("text_fit", table.lines, table.max_lines)
    return _one_per_rule(found)


def _body_blocks(arrangement: lay.Arrangement) -> list[lay.TextBlock]:
    blocks = [arrangement.body, arrangement.callout, arrangement.subtitle]
    for _box, heading, lines in arrangement.cards:
        blocks.extend([heading, lines])
    return [b for b in blocks if b is not None]


def _one_per_rule(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and slide: the worst."""
    worst: dict[str, Finding] = {}
    for finding in findings:
        current = worst.get(finding.rule)
        if current is None or abs(finding.value - finding.limit) > abs(current.value - current.limit):
            worst[finding.rule] = finding
    return list(worst.values())
