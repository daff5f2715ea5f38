"""The preview's chart sketches: every kind draws its data in its box, in the theme's colours."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.charts.spec import ChartSpec, LikertRow, Series, Span
from briefing.charts.theme import ChartTheme, level_colour
from briefing.deck.drawn import Dot, Item, Line, Picture, Polygon, Rect, Text, text_width
from briefing.deck.sketch import sketch
from briefing.deck.template import Box

BOX = Box(1.0, 1.5, 8.0, 4.5)
THEME = ChartTheme()
TWO = [Series("Before", [4.0, 6.0, 3.0], role="context"), Series("After", [7.0, 8.0, 5.0], role="accent")]
SPECS = {
    "bar": ChartSpec("bar", categories=["North", "South", "West"], series=TWO),
    "column": ChartSpec("column", categories=["North", "South", "West"], series=TWO, note="n = 64, March 2026"),
    "line": ChartSpec("line", categories=["Q1", "Q2", "Q3"], series=TWO),
    "scatter": ChartSpec("scatter", series=[Series("People", [1.0, 3.0], role="accent", x=[2.0, 4.0],
                                                   point_labels=["Anne", "Bo"])]),
    "bubble": ChartSpec("bubble", series=[Series("People", [1.0, 3.0], role="accent", x=[2.0, 4.0],
                                                  sizes=[1.0, 4.0])], x_range=(0.5, 5.5), y_range=(0.5, 5.5)),
    "pie": ChartSpec("pie", categories=["Yes", "No"], series=[Series("Share", [3.0, 1.0], role="accent")]),
    "timeline": ChartSpec("timeline", spans=[Span("Phase 1", dt.date(2026, 1, 1), dt.date(2026, 6, 30), "level:0/3"),
                                             Span("Phase 2", dt.date(2026, 7, 1), dt.date(2027, 3, 31), "level:2/3")],
                          today=dt.date(2026, 3, 1), today_label="Today", scale=["Low", "Medium", "High"]),
    "likert": ChartSpec("likert", likert=[LikertRow("I find it", [1, 2, 3, 10, 4])],
                        scale=["--", "-", "0", "+", "++"]),
}


def _inside(item: Item) -> bool:
    slack = 0.05
    if isinstance(item, Text):
        right = item.x + text_width(item.text, item.size, item.family, item.bold)
        return BOX.left - slack <= item.x and right <= BOX.right + slack and BOX.top <= item.y <= BOX.bottom + slack
    if isinstance(item, Rect | Picture):
        box = item.box
        return BOX.left - slack <= box.left and box.right <= BOX.right + slack and BOX.top - slack <= box.top \
            and box.bottom <= BOX.bottom + slack
    points = item.points if isinstance(item, Line | Polygon) else ((item.x, item.y),) if isinstance(item, Dot) else ()
    return all(BOX.left - slack <= x <= BOX.right + slack and BOX.top - slack <= y <= BOX.bottom + slack
               for x, y in points)


def _colours(items: list[Item]) -> set[str]:
    return {item.colour.upper() for item in items if isinstance(item, Rect | Polygon | Dot | Line)}


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_every_kind_draws_its_data_inside_its_box(kind: str) -> None:
    items = sketch(SPECS[kind], THEME, BOX, "Carlito")
    marks = [item for item in items if not isinstance(item, Text)]
    assert len(marks) >= 2, kind
    outside = [item for item in items if not _inside(item)]
    assert outside == [], kind


@pytest.mark.parametrize("kind", ["bar", "column", "line", "scatter", "bubble", "pie"])
def test_the_message_is_drawn_in_the_accent(kind: str) -> None:
    assert THEME.accent.upper() in _colours(sketch(SPECS[kind], THEME, BOX, "Carlito"))


def test_ordered_levels_and_their_key_are_drawn_in_the_ramp() -> None:
    items = sketch(SPECS["likert"], THEME, BOX, "Carlito")
    ramp = {level_colour(THEME, level, 5).upper() for level in range(5)}
    assert ramp <= _colours(items)
    assert {"--", "++", "I find it"} <= {item.text for item in items if isinstance(item, Text)}


def test_bars_grow_with_their_values() -> None:
    items = sketch(SPECS["column"], THEME, BOX, "Carlito")
    accent = [item.box.height for item in items if isinstance(item, Rect) and item.colour.upper() == THEME.accent
              and item.box.width > 0.2]  # the columns, not the key's square
    assert len(accent) == 3 and accent[1] > accent[0] > accent[2]  # 8 > 7 > 5
    assert "n = 64, March 2026" in [item.text for item in items if isinstance(item, Text)]


def test_a_crowd_of_bubbles_is_sketched_smaller_as_the_deck_draws_it() -> None:
    """400 people: each bubble's radius shrinks as the deck's chart shrinks it, so the preview shows the crowd."""
    import math

    from briefing.charts.labels import bubble_scale

    few = SPECS["bubble"]
    crowd = ChartSpec("bubble", series=[Series("People", [1.0 + i % 5 for i in range(400)], role="accent",
                                               x=[1.0 + i % 7 * 0.6 for i in range(400)], sizes=[4.0] * 400)],
                      x_range=(0.5, 5.5), y_range=(0.5, 5.5))
    biggest = max(d.radius for d in sketch(few, THEME, BOX, "Carlito") if isinstance(d, Dot))
    crowded = [d.radius for d in sketch(crowd, THEME, BOX, "Carlito") if isinstance(d, Dot)]
    assert len(crowded) == 400 and bubble_scale(400) < 0.5
    assert all(math.isclose(radius, biggest * bubble_scale(400)) for radius in crowded)
