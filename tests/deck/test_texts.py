"""Every fixed deck text exists in Danish and English; text is made safe for a .pptx."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.deck.sanitize import clean, label
from briefing.i18n import catalog
from briefing.model.entities import OUTCOMES, RISKS, STANCES

ROOT = Path(__file__).resolve().parents[2]
KEY = re.compile(r"""["'](deck\.[a-z0-9_.]+[a-z0-9_])["']""")


def test_every_deck_key_in_the_code_has_both_languages() -> None:
    sources = [*ROOT.glob("briefing/deck/*.py"), ROOT / "briefing" / "cli" / "deck.py"]
    used = {key for path in sources for key in KEY.findall(path.read_text(encoding="utf-8"))}
    used |= {f"term.stance.{s}" for s in STANCES} | {f"term.risk.{r}" for r in RISKS}
    used |= {f"term.outcome.{o}" for o in OUTCOMES} | {f"deck.cli.kind.{k}" for k in ("title", "content", "section")}
    used |= {f"deck.rule.{r}" for r in ("max_slides", "bullets", "words", "title_lines", "font_size", "references",
                                        "action_title", "text_fit")}
    assert len(used) > 60
    missing = sorted(k for k in used if k not in catalog() or not all(catalog()[k].get(x) for x in ("en", "da")))
    assert missing == []


def test_control_characters_non_characters_and_lone_surrogates_are_removed() -> None:
    assert clean("a\x07b\x00c\ufffe\uffffd\ud800e") == "abcde"
    assert clean("one\ttwo\nthree") == "one two three"
    assert clean("one\r\ntwo", keep_newlines=True) == "one\ntwo"
    assert clean(None) == ""


def test_a_label_never_starts_a_formula() -> None:
    assert label("=cmd|' /C calc'!A0").startswith("\u2019=")
    assert label("+1") == "+1" and label("-2,5") == "-2,5"
    assert label("@SUM(A1)").startswith("\u2019")
