"""The case: the problems that cost the business, and the critical success factors that answer them."""

from __future__ import annotations

from briefing.deck.limits import MAX_WORDS as WORD_BUDGET
from briefing.deck.model import Card, SlideSpec, Table
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import MAX_CARDS, MAX_ROWS, Context, continued, notes
from briefing.deck.sections.facts import csf_note, problem_note, reference_short, shown_references, sources_note
from briefing.deck.wording import brief, phrase, upper_first, words
from briefing.i18n import counted
from briefing.model.entities import Workspace


def problems(ctx: Context) -> list[SlideSpec]:
    ranked = sorted(ctx.workspace.problems, key=lambda p: -p.severity)
    if not ranked:
        return []
    shown = ranked[:MAX_CARDS]
    per_card = WORD_BUDGET // len(shown)
    headings = [brief(clean(problem.title), min(8, per_card - 4)) for problem in shown]
    costs = card_costs([clean(p.impact or p.description) for p in shown], WORD_BUDGET - sum(map(words, headings)))
    cards = [Card(heading=heading, lines=[cost] if cost else [], level=problem.severity,
                  label=brief(clean(problem.process), 4)) for problem, heading, cost in zip(shown, headings, costs,
                                                                                            strict=True)]
    refs = shown_references(ctx.workspace)
    more = [f"{clean(p.process)}: {clean(p.title)} — {clean(p.impact)}" for p in ranked[MAX_CARDS:]]
    continued(ctx, "details", ctx.t("deck.problems.more"), more)
    count = len(ranked)
    key = "deck.problems.title_one" if count == 1 else "deck.problems.title"
    return [
        SlideSpec(
            kind="problems",
            title=ctx.t(key, top=upper_first(clean(ranked[0].title)), count=count),
            cards=cards,
            caption=ctx.t("deck.sources.short", sources="; ".join(reference_short(ctx, r) for r in refs))
            if refs
            else "",
            references=[r.id for r in refs if r.kind != "internal"],
            notes=notes(*(problem_note(ctx, p) for p in ranked), sources_note(ctx, refs)),
            section="problems",
        )
    ]


CARD_PHRASE_WORDS = 9
"""The most words of a problem card's cost phrase; the whole impact is in the slide's notes."""


def card_costs(impacts: list[str], budget: int) -> list[str]:
    """What each problem costs, as a whole phrase (never cut mid-clause), all of them within ``budget`` words."""
    limit = CARD_PHRASE_WORDS
    while True:
        costs = [phrase(text, limit) or brief(text, limit) for text in impacts]
        if sum(map(words, costs)) <= budget or limit <= 3:
            return costs
        limit -= 1


def csfs(ctx: Context) -> list[SlideSpec]:
    workspace = ctx.workspace
    if not workspace.csfs:
        return []
    activities = activity_columns(workspace)
    shown_acts = activities[:5]
    rows = []
    uncovered = 0
    for csf in workspace.csfs[:MAX_ROWS]:
        ticks = ["✓" if csf.id in ids else "" for _name, ids in shown_acts]
        if not any(csf.id in ids for _name, ids in activities):
            uncovered += 1
        rows.append([brief(clean(csf.title), 10), *ticks])
    more = [clean(c.title) for c in workspace.csfs[MAX_ROWS:]]
    more += [ctx.t("deck.csfs.more_activity", name=name) for name, _ids in activities[5:]]
    continued(ctx, "details", ctx.t("deck.csfs.more"), more)
    solved = {pid for csf in workspace.csfs for pid in csf.problem_ids}
    total = len(workspace.csfs)
    title = (
        ctx.t("deck.csfs.title", count=total, problems=counted("problems", len(solved)))
        if uncovered == 0
        else ctx.t("deck.csfs.title_gap", missing=uncovered, count=total)
    )
    return [
        SlideSpec(
            kind="csfs",
            title=title,
            table=Table([ctx.t("deck.csfs.header"), *(name for name, _ids in shown_acts)], rows),
            notes=notes(ctx.t("deck.notes.csfs"), *(csf_note(ctx, c) for c in workspace.csfs)),
            section="csfs",
        )
    ]


def activity_columns(workspace: Workspace) -> list[tuple[str, set[str]]]:
    """The activities that deliver CSFs (initiatives, then phases): a short name and their CSF ids."""
    columns = [(brief(clean(i.title), 6), set(i.csf_ids)) for i in workspace.initiatives if i.csf_ids]
    columns += [(brief(clean(p.name).split(":")[0], 4), set(p.csf_ids)) for p in workspace.phases if p.csf_ids]
    return columns
