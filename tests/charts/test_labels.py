"""Bubble labels go where they touch no other bubble or label (on the nominal plot the deck draws)."""

from __future__ import annotations

import itertools

import pytest

from briefing.charts import build, labels
from briefing.deck.sections import labelled_people, thin_labels
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
    spec = thin_labels(build.stakeholder_map(workspace, lang), people, labelled_people(people))
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
