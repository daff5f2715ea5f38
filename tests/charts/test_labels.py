"""Bubble labels go where they touch no other bubble or label (on the nominal plot the deck draws)."""

from __future__ import annotations

import itertools
import random
import time

import pytest
from big_workspace import big_workspace

from briefing.charts import build, labels
from briefing.deck.sections.people import labelled_people
from briefing.demo import demo_workspace


def _placed(spec) -> list[tuple[labels.Bubble, str, str]]:
    rows = [(s, i) for s in spec.series for i in range(len(s.values))]
    shown = labels.bubbles([(s.x[i], s.values[i]) for s, i in rows], [s.sizes[i] for s, i in rows],
                           [s.point_labels[i] for s, i in rows], (0, 6), (0, 6))
    return [(b, s.point_labels[i], s.label_positions[i]) for b, (s, i) in zip(shown, rows, strict=True)]


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_demo_maps_named_labels_touch_no_other_label_or_bubble(lang: str) -> None:
    workspace = demo_workspace(lang)
    people = workspace.stakeholders
    spec = build.stakeholder_map(workspace, lang, named=labelled_people(people))
    placed = [p for p in _placed(spec) if p[1]]
    assert len(placed) >= 8
    boxes = [(name, bubble.label_box(side)) for bubble, name, side in placed]
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert box_a.overlap(box_b) == 0, (a, b)
    every = _placed(spec)
    touching = [
        name for bubble, name, side in placed
        if sum(bubble.label_box(side).overlap(o.box()) for o, _, _ in every if o is not bubble) > 0.01
    ]
    assert len(touching) <= 1, touching  # in the demo's crowded middle one name has no free side at all


def test_a_free_preferred_side_is_kept() -> None:
    shown = labels.bubbles([(1, 1), (5, 5)], [1, 1], ["Anna", "Bo"], (0, 6), (0, 6))
    assert labels.place(shown, ["left", "right"]) == ["left", "right"]


def test_the_grid_finds_every_box_a_box_overlaps() -> None:
    rng = random.Random(3)
    boxes = []
    for _ in range(300):
        x, y, w, h = rng.uniform(-1, 7), rng.uniform(-1, 3), rng.uniform(0, 1.5), rng.uniform(0, 0.4)
        boxes.append(labels.Rect(x, y, x + w, y + h))
    grid = labels.Grid()
    for box in boxes:
        grid.add(box)
    for probe in boxes[:60]:
        brute = {n for n, other in enumerate(boxes) if probe.overlap(other) > 0}
        assert brute <= grid.near(probe)
        assert grid.overlap(probe) == pytest.approx(sum(probe.overlap(other) for other in boxes))


def test_placing_thousands_of_labels_compares_each_only_with_its_neighbours() -> None:
    rng = random.Random(5)
    n = 1500  # compared pairwise, as before, this took half a minute
    shown = [labels.Bubble(rng.uniform(0, 60), rng.uniform(0, 24), 0.05, 0.4, 0.2) for _ in range(n)]
    start = time.perf_counter()
    sides = labels.place(shown, ["right"] * n)
    assert time.perf_counter() - start < 4.0
    assert len(sides) == n and set(sides) <= set(labels.SIDES)


def test_a_big_campaigns_map_names_the_most_influential_and_their_names_touch_no_other() -> None:
    workspace = big_workspace()
    people = workspace.stakeholders
    spec = build.stakeholder_map(workspace, "en")
    placed = [p for p in _placed(spec) if p[1]]
    assert 10 <= len(placed) <= build.MAP_LABELS
    boxes = [bubble.label_box(side) for bubble, _, side in placed]
    assert all(a.overlap(b) == 0 for a, b in itertools.combinations(boxes, 2))
    unnamed = build.map_unnamed(people, spec)
    assert len(unnamed) == len(people) - len(placed)
    named = [p for p in people if p not in unnamed]
    assert {p.name for p in named} == {name for _, name, _ in placed}
    assert min(p.influence for p in named) >= 4  # the top of the map, where the most influential are


def test_a_small_campaigns_map_in_the_app_names_everyone() -> None:
    workspace = demo_workspace("en")
    assert len(workspace.stakeholders) <= build.MAP_LABELS
    spec = build.stakeholder_map(workspace, "en")
    assert build.map_unnamed(workspace.stakeholders, spec) == []
