"""Counts read right: every message with a count, in every catalog of the core and the app, says
"1 contact" and "2 contacts" — never "1 contacts" — in English and in Danish.

A message has a count when it has a ``{count}`` placeholder, or a placeholder followed by a plural
noun ("{n} responses", "every {days} days"). Such a placeholder must be ``count`` (``tr`` then picks
the ``<key>_one`` variant for 1), or a formatted number kept in the ``_one`` variant, which the caller
reaches by passing ``count`` beside it (the deck's lint: ``value``; the pre-read: ``months``). A message with
more than one count takes each as a ``counted(noun, n)`` (``counts.json``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.i18n import LANGUAGES, add_catalogs, counted, tr

ROOT = Path(__file__).resolve().parent.parent
add_catalogs(ROOT / "ui" / "i18n")  # the app's messages too
CATALOGS = sorted([*(ROOT / "briefing" / "i18n").glob("*.json"), *(ROOT / "ui" / "i18n").glob("*.json")])

COUNT_NEUTRAL = {
    # a label and its number ("Appendix: 1"), or a position or ratio ("Slide 1 of 3", "(1 of 64)")
    "cli.info_backups", "deck.cli.report.dropped_links", "evidence.finding.text_common", "guide.cli.answered",
    "shell.overview.open_objections", "shell.history.allies_engaged", "shell.history.allies_gained",
    "shell.history.answered", "shell.briefing.main_slides", "shell.briefing.appendix", "shell.preview.large",
    # a limit the app sets, in the thousands (rows, columns, characters, nesting levels)
    "evidence.error.too_many_rows", "evidence.error.too_many_columns", "evidence.error.field_too_long",
    "error.json_too_deep",
    # shown only when the setting is at least 2 ("at least 2 phases")
    "guide.readiness.plan.one_phase_next",
    # English says "still open" for one and for many (the Danish singular is its _one variant)
    "chart.attempts.open",
    # the six steps of the method: the total is always 6
    "guide.cli.not_ready", "shell.overview.summary",
}
"""Messages with a number that reads right for 1 as it is, each with the reason."""

NOT_NOUNS = {"is", "was", "has", "as", "its", "this", "us", "points", "holds", "lies", "looks", "breaks", "does",
             "needs", "takes", "backs", "solves", "less", "across", "delivers"}
"""Words ending in s that follow a placeholder without being a plural noun (verbs, pronouns)."""
COUNTED = re.compile(r"\{(\w+)\}(?:\s+more|\s+[a-z]+)?\s+([a-z’'\-]+s)\b")
EVERY = re.compile(r"every \{(\w+)\}")


def catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in CATALOGS:
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


MESSAGES = catalog()


def count_placeholders(text: str) -> set[str]:
    """The placeholders of ``text`` that stand for a count."""
    found = {name for name, noun in COUNTED.findall(text) if noun not in NOT_NOUNS}
    found |= set(EVERY.findall(text))
    return found | ({"count"} if "{count}" in text else set())


def counting_keys() -> list[str]:
    return sorted(key for key, texts in MESSAGES.items()
                  if not key.endswith("_one") and count_placeholders(texts["en"]) and key not in COUNT_NEUTRAL)


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)[^}]*\}", text))


def test_the_check_finds_the_counts_it_must() -> None:
    assert count_placeholders("{n} responses, {questions} questions") == {"n", "questions"}
    assert count_placeholders("{count} of the top {top} problems") == {"count", "top"}
    assert count_placeholders("{name}: never talked to (every {cadence} days)") == {"cadence"}
    assert count_placeholders("{value} external references, at most {limit}") == {"value"}
    assert count_placeholders("{path}: {value} points to nothing") == set()
    assert len(counting_keys()) > 60


@pytest.mark.parametrize("key", counting_keys())
def test_every_count_is_the_count_parameter_with_a_singular_variant(key: str) -> None:
    texts = MESSAGES[key]
    assert f"{key}_one" in MESSAGES, f"{key}: a message with a count needs a {key}_one variant"
    others = count_placeholders(texts["en"]) - {"count"}
    kept_formatted = others <= placeholders(MESSAGES[f"{key}_one"]["en"])  # the caller passes count beside it
    assert not others or "count" in placeholders(texts["en"]) or kept_formatted, (
        f"{key}: the count {others} must be the parameter `count` (or each a counted(noun, n))")
    for lang in LANGUAGES:
        assert placeholders(MESSAGES[f"{key}_one"][lang]) <= placeholders(texts[lang]) | {"count"}


@pytest.mark.parametrize("key", counting_keys())
@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_reads_singular_and_zero_and_two_read_plural(key: str, lang: str) -> None:
    params = {name: "X" for name in placeholders(MESSAGES[key][lang]) | placeholders(MESSAGES[f"{key}_one"][lang])}
    rendered = {n: tr(key, lang, **{**params, "count": n, "value": n}) for n in (0, 1, 2)}
    plural = MESSAGES[key][lang]
    assert rendered[0] == plural.format(**{**params, "count": 0, "value": 0})
    assert rendered[2] == plural.format(**{**params, "count": 2, "value": 2})
    assert rendered[1] == MESSAGES[f"{key}_one"][lang].format(**{**params, "count": 1, "value": 1})
    if lang == "en":  # Danish has nouns alike in both (1 forsøg, 2 forsøg); English never
        assert rendered[1] != plural.format(**{**params, "count": 1, "value": 1}), f"{key}: “{rendered[1]}”"


@pytest.mark.parametrize("noun", sorted(k.removeprefix("count.") for k in MESSAGES
                                        if k.startswith("count.") and not k.endswith("_one")))
def test_each_counted_noun_has_its_singular(noun: str) -> None:
    assert f"count.{noun}_one" in MESSAGES
    assert str(counted(noun, 1)) != str(counted(noun, 2)).replace("2", "1")


def test_real_outputs_read_right_in_both_languages() -> None:
    assert counted("contacts", 1).message("da") == "1 kontakt"
    assert counted("contacts", 2).message("da") == "2 kontakter"
    assert counted("contacts", 1).message("en") == "1 contact"
    assert tr("shell.history.repeat", "en", count=1).startswith("1 attempt so far")
    assert tr("shell.history.repeat", "en", count=2).startswith("2 attempts so far")
    assert tr("chart.dose.note", "da", contacts=counted("contacts", 1), max_contacts=2,
              references=counted("references", 2), max_references=2) == "1 kontakt (højst 2), 2 referencer (højst 2)"
    assert tr("guide.cli.overdue_line", "en", name="Bo", count=1, last="1 Nov 2026",
              every=counted("every_days", 1)) == "Bo: 1 day overdue (last talked to 1 Nov 2026, every day)"
    assert tr("guide.cli.overdue_line", "da", name="Bo", count=3, last="1. nov. 2026",
              every=counted("every_days", 14)) == "Bo: 3 dage forsinket (sidst talt med 1. nov. 2026, hver 14. dag)"


def test_readiness_reads_right_with_one_of_each() -> None:
    """Real outputs: one problem, one ally, one phase, a one-day window."""
    import datetime as dt

    from briefing.guide.readiness import readiness
    from briefing.model.entities import Campaign, Phase, Problem, Stakeholder, Workspace

    ws = Workspace(campaign=Campaign(name="T", started=dt.date(2026, 1, 5)))
    ws.problems = [Problem(id="p1", title="Lost contracts", severity=5)]
    ws.stakeholders = [Stakeholder(id="s1", name="Anne", stance="champion", decision_maker=True)]
    ws.phases = [Phase(id="ph1", name="Pilot", risk="low")]
    ws.guide.min_phases, ws.guide.leadership_window_days = 1, 1
    steps = {s.key: s for s in readiness(ws, dt.date(2026, 11, 27), include_deck=False).steps}
    assert steps["problems"].reason.message("en") == "The top problem lacks a CSF or an activity: Lost contracts."
    assert steps["allies"].reason.message("da").startswith("0 af 1 allieret er talt med")
    assert steps["leadership"].reason.message("en").startswith("Within the limits in the last day:")
    assert steps["plan"].reason.message("en") == "1 phase, starting low-risk with “Pilot”."
