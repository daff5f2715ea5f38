"""Whatever bytes arrive, the importers answer with a survey or their own InputError — and the store keeps."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.cli import main
from briefing.errors import InputError
from briefing.evidence.stakeholders import import_stakeholders
from briefing.evidence.surveys import import_survey
from briefing.store.layout import store_path
from evidence.conftest import GOOGLE, MONKEY, MSFORMS

SAMPLES = Path(__file__).resolve().parents[1] / "data"  # the samples, copied in (tests/data/README.md)
FILES = [GOOGLE, MSFORMS, MONKEY, "stakeholders-da.csv"]
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

mutation = st.tuples(
    st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate"]),
    st.floats(min_value=0, max_value=1),
    st.binary(min_size=1, max_size=12),
)


def mutate(data: bytes, mutations: list[tuple[str, float, bytes]]) -> bytes:
    for kind, where, extra in mutations:
        at = int(where * len(data))
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ (extra[0] or 1)]) + data[at + 1 :]
        elif kind == "delete":
            data = data[:at] + data[at + len(extra) * 8 :]
        elif kind == "insert":
            data = data[:at] + extra + data[at:]
        elif kind == "truncate":
            data = data[:at]
        else:
            data = data[:at] + data[at : at + 64] + data[at:]
    return data


def import_or_refuse(path: Path) -> None:
    """Import ``path`` as a survey and as a stakeholder list; only InputError may come out."""
    for importer in (import_survey, import_stakeholders):
        try:
            importer(path)
        except InputError as error:
            assert str(path) in error.message("en") or "--mapping" in error.message("en")


@pytest.fixture(scope="module")
def workspace_template() -> object:
    folder = Path(tempfile.mkdtemp(prefix="evidence-props-"))
    assert main(["import-survey", "--workspace", str(folder / "ws"), str(SAMPLES / GOOGLE)]) == 0
    yield folder / "ws"
    shutil.rmtree(folder)


@SETTINGS
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes_never_raise_anything_but_input_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_bytes(data)
        import_or_refuse(path)


@SETTINGS
@given(name=st.sampled_from(FILES), mutations=st.lists(mutation, min_size=1, max_size=4))
@example(name=MSFORMS, mutations=[("flip", 0.9638461806925358, b"@")])  # zipfile: "zip file version 8.4"
def test_mutated_samples_never_raise_anything_but_input_error(name: str, mutations: list) -> None:  # type: ignore[type-arg]
    original = (SAMPLES / name).read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(mutate(original, mutations))
        import_or_refuse(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(FILES[:3]), mutations=st.lists(mutation, min_size=1, max_size=3))
def test_a_refused_import_leaves_the_store_byte_identical(workspace_template: Path, name: str,
                                                          mutations: list) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder) / "ws"
        shutil.copytree(workspace_template, workspace)
        before = store_path(workspace).read_bytes()
        path = Path(folder) / Path(name).name
        path.write_bytes(mutate((SAMPLES / name).read_bytes(), mutations))
        code = main(["import-survey", "--workspace", str(workspace), str(path), "--again"])
        assert code in (0, 2)
        if code == 2:
            assert store_path(workspace).read_bytes() == before
