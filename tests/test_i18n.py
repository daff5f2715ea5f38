"""Every string a user sees exists in Danish and English, with the same placeholders."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import string
from collections.abc import Collection
from pathlib import Path

import pytest

from briefing.i18n import catalog, core_catalogs, format_date, format_number, tr

ROOT = Path(__file__).resolve().parent.parent
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
NOT_KEYS = (".json", ".pptx", ".potx", ".png", ".csv", ".xlsx", ".py")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(catalog()))
def test_every_message_has_danish_and_english_with_the_same_placeholders(key: str) -> None:
    texts = catalog()[key]
    assert texts.get("en", "").strip(), f"{key} lacks its English text"
    assert texts.get("da", "").strip(), f"{key} lacks its Danish translation"
    assert _placeholders(texts["en"]) == _placeholders(texts["da"]), key


def keys_used_in_source(folder: str, known: Collection[str]) -> list[tuple[str, int, str]]:
    """Every string constant in the code of ``folder`` that has the shape of a message key of a family of ``known``."""
    families = {key.split(".")[0] for key in known}
    used = []
    for path in sorted(ROOT.glob(f"{folder}/**/*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and KEY.match(node.value)
                and node.value.split(".")[0] in families
                and not node.value.endswith(NOT_KEYS)
            ):
                used.append((str(path.relative_to(ROOT)), node.lineno, node.value))
    return used


def missing_keys(folder: str, known: Collection[str]) -> list[str]:
    """The keys that the code of ``folder`` uses and ``known`` lacks (as file:line: key)."""
    used = keys_used_in_source(folder, known)
    assert len(used) > 20, "the scan found too few messages to be working"
    prefixes = {key.rsplit(".", 1)[0] for key in known}  # constants that start a computed key
    return [f"{file}:{line}: {key}" for file, line, key in used if key not in known and key not in prefixes]


def test_every_key_the_core_uses_is_in_the_cores_own_catalogs() -> None:
    core = {key for path in core_catalogs() for key in json.loads(path.read_text(encoding="utf-8"))}
    missing = missing_keys("briefing", core)
    assert not missing, "messages without a translation:\n" + "\n".join(missing)


def test_a_message_is_shown_in_the_language_asked_for() -> None:
    assert tr("error.required", "en", path="x") == "x: is required"
    assert tr("error.required", "da", path="x") == "x: skal udfyldes"


def test_numbers_and_dates_are_written_the_way_each_language_writes_them() -> None:
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_number(1234.5, "da") == "1.234,5"
    assert format_number(1200000, "da") == "1.200.000"
    assert format_date(dt.date(2026, 12, 8), "en") == "8 December 2026"
    assert format_date(dt.date(2026, 12, 8), "da") == "8. december 2026"
    assert format_date(dt.date(2026, 3, 14), "da", short=True) == "14. mar. 2026"


def test_computed_keys_of_the_core_exist() -> None:
    from briefing.model import COLLECTIONS

    keys = [f"collection.{collection.name}" for collection in COLLECTIONS]
    keys += [f"backup.reason.{reason}" for reason in ("daily", "migration", "import", "replaced")]
    keys += [f"json.kind.{kind}" for kind in ("object", "list", "text", "bool", "null", "number")]
    keys += [f"month.{m}" for m in range(1, 13)] + [f"month.short.{m}" for m in range(1, 13)]
    assert [key for key in keys if key not in catalog()] == []


def _literal_kinds() -> dict[str, tuple[str, ...]]:
    """Every ``X = Literal[...]`` of the data model, by its term kind (``KpiCategory`` → ``kpi_category``)."""
    import typing

    from briefing.model import entities

    kinds = {}
    for name, value in vars(entities).items():
        if typing.get_origin(value) is typing.Literal:
            kinds[re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()] = typing.get_args(value)
    return kinds


def test_every_value_of_the_data_model_has_a_shared_term_in_both_languages() -> None:
    kinds = _literal_kinds()
    assert {"stance", "outcome", "risk", "survey_source", "kpi_category", "initiative_status"} <= set(kinds)
    keys = [f"term.{kind}.{value}" for kind, values in kinds.items() for value in values]
    missing = [key for key in keys if not all(catalog().get(key, {}).get(lang, "").strip() for lang in ("en", "da"))]
    assert not missing, missing
    assert {key.split(".")[1] for key in catalog() if key.startswith("term.")} <= {*kinds, "field", "help"}


def test_a_domain_word_is_translated_once_and_reads_the_same_everywhere() -> None:
    from briefing.i18n import term

    assert term("field", "outcome", "da") == "Udfald"
    assert term("outcome", "postponed", "da") == "Udsat" and term("outcome", "postponed", "da", lower=True) == "udsat"
    assert term("survey_source", "msforms", "en", lower=True) == "Microsoft Forms"
    assert term("question_kind", "likert", "en", lower=True) == "Likert scale"
    words = {texts["da"].casefold() for key, texts in catalog().items() if not key.startswith("term.")}
    assert "resultat" not in words and "udskudt" not in words  # the other words once used for them
    duplicated = [key for key in catalog() if re.match(r"^(chart|deck|evidence|guide|pages|shell)\.(stance|outcome)\.",
                                                     key)]
    assert not duplicated, duplicated


def test_danish_quotes_the_danish_way() -> None:
    """»…« in every Danish text (not the English “…” nor the German „…“), so a page reads as one."""
    mixed = {key: texts["da"] for key, texts in catalog().items() if re.search("[“”„]", texts.get("da", ""))}
    assert not mixed, mixed
