"""The dosing lint: every breach of the deck's budgets, as (slide, rule, value, limit).

Rules on the main slides: at most ``max_slides`` of them; at most 5 bullets and 40 words of body
text each; titles at most 2 lines at 28 pt; body text at least 18 pt; at most 2 external references
in the whole deck; an action title (a claim, at least 5 words) on every content slide; text that
fits its box, measured with the real font's metrics in the template's geometry, and no word wider
than its line (it would be broken mid-word), on every slide. Each finding names the slide, the
field (``title``, ``body``, ``callout``, ``caption``, ``card 2``, ``table``) and the text to shorten.
A name typed into the user's text that the deck shows as a role (``named``) is a finding too, so the
user can reword it.
"""

from __future__ import annotations

from briefing.deck import layout as lay
from briefing.deck import legibility, privacy, textfit
from briefing.deck.limits import MAX_BULLETS, MAX_REFERENCES, MAX_TITLE_LINES, MAX_WORDS, MIN_BODY_PT, MIN_TITLE_WORDS
from briefing.deck.model import DeckPlan, Finding, SlideSpec
from briefing.deck.template import Template
from briefing.deck.wording import words

EXEMPT_TITLE = ("title", "divider")


def lint(plan: DeckPlan, template: Template) -> list[Finding]:
    """Every breach in ``plan`` laid out in ``template``, slide by slide, then the deck's own.

    The dosing rules hold for the main slides; text that would be cut, overflow or break mid-word is
    a finding on any slide, the appendix included.
    """
    findings: list[Finding] = []
    main = plan.main
    if len(main) > plan.max_slides:
        findings.append(Finding(0, "max_slides", len(main), plan.max_slides))
    for number, spec in enumerate(plan.slides, start=1):
        findings.extend(check_slide(spec, number, template))
        findings.extend(privacy.findings(spec, number))
    findings.extend(legibility.findings(plan, template))
    findings.extend(plan.notices)
    references = {ref for spec in main for ref in spec.references}
    if len(references) > MAX_REFERENCES:
        findings.append(Finding(0, "references", len(references), MAX_REFERENCES))
    return findings


def check_slide(spec: SlideSpec, number: int, template: Template) -> list[Finding]:
    """The breaches on one slide: the dosing rules on a main slide, the fit of its text on any."""
    palette = template.palette
    arrangement = lay.arrange(spec, template.geometry, palette.minor_font, palette.major_font)
    found = fit_findings(spec, number, arrangement, palette.minor_font, palette.major_font)
    if not spec.appendix:
        found += _dosing(spec, number, arrangement)
    return _one_per_rule(found)


def _dosing(spec: SlideSpec, number: int, arrangement: lay.Arrangement) -> list[Finding]:
    found: list[Finding] = []

    def add(rule: str, value: float, limit: float, field: str = "", text: str = "") -> None:
        found.append(Finding(number, rule, value, limit, spec.title, field=field, text=text))

    if len(spec.bullets) > MAX_BULLETS:
        add("bullets", len(spec.bullets), MAX_BULLETS)
    body_words = sum(words(text) for text in spec.body_texts())
    if body_words > MAX_WORDS:
        add("words", body_words, MAX_WORDS)
    if spec.kind not in EXEMPT_TITLE and words(spec.title) < MIN_TITLE_WORDS:
        add("action_title", words(spec.title), MIN_TITLE_WORDS)
    if spec.kind not in EXEMPT_TITLE and arrangement.title_lines_at_28 > MAX_TITLE_LINES:
        add("title_lines", arrangement.title_lines_at_28, MAX_TITLE_LINES)
    for field, block in arrangement.fields():
        if field not in ("title", "caption") and block.size < MIN_BODY_PT:
            add("font_size", block.size, MIN_BODY_PT, field, block.texts[0] if block.texts else "")
    table = arrangement.table
    if table is not None and spec.table is not None:
        smallest = min(table.size, table.header_size)
        if smallest < MIN_BODY_PT:
            add("font_size", smallest, MIN_BODY_PT, "table", " ".join(spec.table.header))
    return found


def fit_findings(spec: SlideSpec, number: int, arrangement: lay.Arrangement, family: str,
                 heading_family: str) -> list[Finding]:
    """Text that would not fit its box (cut or overflowing) and words wider than their line, field by field."""
    found: list[Finding] = []
    for field, block in arrangement.fields():
        font = heading_family if field == "title" else family
        excerpt = " ".join(block.texts)
        if not block.fits:
            available = textfit.lines_available(block.box.height, block.size)
            found.append(Finding(number, "text_fit", block.lines, available, spec.title, field=field, text=excerpt))
        found.extend(_split_words(spec, number, field, block.texts, font, block.size,
                                  block.box.width - (lay.BULLET_INDENT_IN if block.bullets else 0), block.bold))
    table = arrangement.table
    if table is not None and spec.table is not None:
        if not table.fits:
            found.append(Finding(number, "text_fit", table.lines, table.max_lines, spec.title, field="table",
                                 text=" ".join(spec.table.header)))
        for column, width in enumerate(table.widths):
            cells = [row[column] for row in spec.table.rows if column < len(row)]
            cell_width = width - 2 * lay.CELL_MARGIN_X + 2 * textfit.INSET_X
            found.extend(_split_words(spec, number, "table", [spec.table.header[column]], family, table.header_size,
                                      cell_width, True))
            found.extend(_split_words(spec, number, "table", cells, family, table.size, cell_width, False))
    return found


def _split_words(spec: SlideSpec, number: int, field: str, texts: list[str], family: str, size: float,
                 width: float, bold: bool) -> list[Finding]:
    """A finding for the widest word of ``texts`` that is wider than a line ``width`` wide (in points)."""
    measure = textfit.metrics(family, bold)
    line = (width - 2 * textfit.INSET_X) * 72
    widest = max((word for text in texts for word in text.split()), key=measure.em, default="")
    value = measure.width(widest, size)
    if not widest or value <= line + 1e-6:
        return []
    return [Finding(number, "word_split", round(value), round(line), spec.title, field=field, text=widest)]


def _one_per_rule(findings: list[Finding]) -> list[Finding]:
    """One finding per rule, field and slide: the worst."""
    worst: dict[tuple[str, str], Finding] = {}
    for finding in findings:
        key = (finding.rule, finding.field)
        current = worst.get(key)
        if current is None or abs(finding.value - finding.limit) > abs(current.value - current.limit):
            worst[key] = finding
    return list(worst.values())
