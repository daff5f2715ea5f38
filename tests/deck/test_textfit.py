"""Text fit: a long word is never broken mid-word where a smaller size keeps it whole."""

from __future__ import annotations

from briefing.deck import layout, textfit
from briefing.deck.model import Card, SlideSpec
from briefing.deck.template import Box, Geometry

LONG = "designgennemgange"


def _geometry() -> Geometry:
    content = Box(0.9, 1.5, 11.5, 5.2)  # the purple template's content area
    return Geometry(13.333, 7.5, Box(0.5, 0.3, 12.333, 1.1), content, Box(0.5, 7.0, 12.333, 0.4),
                    Box(0.5, 2.0, 12.333, 2.0), Box(0.5, 4.2, 12.333, 1.5))


def test_a_word_wider_than_the_line_counts_as_split() -> None:
    assert textfit.splits_words([f"Omarbejde i {LONG}"], "Verdana", 40.0, 3.7)
    assert not textfit.splits_words([f"Omarbejde i {LONG}"], "Verdana", 18.0, 3.7)


def test_problem_cards_shrink_until_every_word_is_whole_and_the_estimate_agrees(samples) -> None:
    cards = [
        Card("Underskrevne kontrakter kan ikke findes hurtigt", ["To nær-retssager i 2025"], 5, "Kontraktstyring"),
        Card("Ingen kan se, hvilken version der er gældende", ["Syv oversete frister"], 4, "Kontraktstyring"),
        Card("Erfaringer skrives ned, men genbruges aldrig", [f"Omarbejde i {LONG}"], 3, "Projektgennemførelse"),
    ]
    spec = SlideSpec(kind="problems", title="Problemer", cards=cards)
    placed = layout.arrange(spec, _geometry(), "Verdana", "Verdana").cards
    assert len(placed) == 3
    for _box, heading, lines in placed:
        assert lines is not None
        drawn = textfit.wrap(lines.texts[0], "Verdana", lines.size, lines.box.width - 2 * textfit.INSET_X)
        assert all(word in " ".join(drawn).split() for word in lines.texts[0].split()), drawn
        assert lines.size == heading.size >= 18
    long_card = placed[2][2]
    assert long_card is not None and long_card.size < 24  # 24 pt would break the word
    assert textfit.splits_words([LONG], "Verdana", 24.0, long_card.box.width)
