"""The quick way of loading a workspace gives what the careful way gives, and leaves every doubt to it."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from model.test_interchange_fuzz import change, changed

from briefing.demo import demo_file
from briefing.errors import ValidationError
from briefing.model import codec
from briefing.model.entities import Workspace

DEMOS = {lang: json.loads(demo_file(lang).read_text(encoding="utf-8")) for lang in ("en", "da")}


def careful(data: Any) -> Workspace | str:
    try:
        return codec._careful(Workspace, data, "")
    except ValidationError as error:
        return f"{error.path}: {error}"


def loaded(data: Any) -> Workspace | str:
    try:
        return codec.load(Workspace, data, "")
    except ValidationError as error:
        return f"{error.path}: {error}"


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_demos_load_the_same_both_ways(lang: str) -> None:
    data = DEMOS[lang]
    assert codec.load(Workspace, data, "") == codec._careful(Workspace, data, "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(change)
def test_any_change_loads_the_same_both_ways_or_fails_with_the_same_place(edit: Any) -> None:
    data = copy.deepcopy(DEMOS["en"])
    changed(data, edit)
    assert loaded(data) == careful(data)


def test_a_loaded_list_is_not_the_raw_documents_list() -> None:
    data = copy.deepcopy(DEMOS["en"])
    workspace = codec.load(Workspace, data, "")
    workspace.dialogues[0].problems_learned.append("new")
    assert "new" not in data["dialogues"][0]["problems_learned"]


def test_a_class_with_a_post_init_is_loaded_through_its_init() -> None:
    import dataclasses

    @dataclasses.dataclass
    class Tidied:
        name: str = ""

        def __post_init__(self) -> None:
            self.name = self.name.strip()

    assert codec.load(Tidied, {"name": "  x  "}, "") == Tidied("x")
    assert codec.load(Tidied, {"name": "  x  "}, "").name == "x"
