"""Whatever an interchange file holds, reading it gives a workspace or an InputError naming the file."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.demo import demo_file
from briefing.errors import InputError
from briefing.model.interchange import from_json_text

FILE = "fuzz.json"
DEMO: dict[str, Any] = json.loads(demo_file("en").read_text(encoding="utf-8"))
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**80), 2**80) | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["2026-02-30", "2026-04-07", "2026-04-07T25:00", "s1", "q1", "../x.pptx", "\ud800", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
change = st.tuples(st.lists(st.floats(0, 1), min_size=1, max_size=6), st.sampled_from(["set", "drop"]), ODD)


def changed(data: Any, change: tuple[list[float], str, Any]) -> None:
    """``data`` with the value at a path chosen by ``where`` set to ``value`` or dropped."""
    where, kind, value = change
    node = data
    for step in where:
        keys = list(node) if isinstance(node, dict) else list(range(len(node))) if isinstance(node, list) else []
        if not keys:
            return
        key = keys[min(int(step * len(keys)), len(keys) - 1)]
        child = node[key]
        if step is where[-1] or not isinstance(child, dict | list) or not child:
            if kind == "drop" and isinstance(node, dict):
                del node[key]
            else:
                node[key] = value
            return
        node = child


def read_or_refuse(text: str) -> None:
    try:
        from_json_text(text, FILE)
    except InputError as error:
        message = error.message("en")
        assert message.startswith(FILE) and "\n" not in message


@FUZZ
@given(changes=st.lists(change, min_size=1, max_size=3))
def test_a_changed_interchange_file_is_read_or_refused_naming_it(changes: list) -> None:  # type: ignore[type-arg]
    data = json.loads(json.dumps(DEMO))
    for one in changes:
        changed(data, one)
    read_or_refuse(json.dumps(data, ensure_ascii=False))


@FUZZ
@given(text=st.text(alphabet='{}[]",:0123456789.eE-+ tnrufalsNIy\\', max_size=300))
def test_any_text_is_read_or_refused_naming_it(text: str) -> None:
    read_or_refuse(text)


@settings(max_examples=20, deadline=None)
@given(depth=st.integers(60, 200_000), opener=st.sampled_from(["[", '{"a":']))
def test_nesting_at_any_depth_is_refused_or_read_never_a_recursion_error(depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    read_or_refuse('{"format": "briefing-composer/1", "campaign": ' + opener * depth + "1" + closer * depth + "}")
