"""The app's own texts live in its catalogs (ui/i18n), apart from the core's; every key the app
uses exists in Danish and English; a missing key fails in the tests and shows itself in a release."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from test_i18n import keys_used_in_source, missing_keys

import ui
from briefing.i18n import MissingText, catalog, core_catalogs, set_strict, tr

APP_CATALOGS = sorted((Path(ui.__file__).parent / "i18n").glob("*.json"))


def _keys(paths: list[Path]) -> dict[str, dict[str, str]]:
    return {key: texts for path in paths for key, texts in json.loads(path.read_text(encoding="utf-8")).items()}


def test_no_key_is_both_the_cores_and_the_apps() -> None:
    core, app = _keys(core_catalogs()), _keys(APP_CATALOGS)
    assert len(app) > 300 and len(core) > 300
    assert not set(core) & set(app)
    assert {key.split(".")[0] for key in app} == {"pages", "shell"}


def test_every_key_the_app_uses_exists() -> None:
    missing = missing_keys("ui", catalog())
    assert not missing, "messages without a translation:\n" + "\n".join(missing)


def test_the_core_uses_none_of_the_apps_texts() -> None:
    app = _keys(APP_CATALOGS)
    assert [used for used in keys_used_in_source("briefing", app) if used[2] in app] == []


@pytest.mark.parametrize("key", sorted(_keys(APP_CATALOGS)))
def test_every_app_text_has_danish_and_english_with_the_same_placeholders(key: str) -> None:
    texts = _keys(APP_CATALOGS)[key]
    assert texts.get("en", "").strip() and texts.get("da", "").strip(), key
    names = [{name for _, name, _, _ in string.Formatter().parse(texts[lang]) if name} for lang in ("en", "da")]
    assert names[0] == names[1], key


def test_a_missing_key_fails_in_the_tests_and_shows_itself_in_a_release() -> None:
    with pytest.raises(MissingText):
        tr("shell.no_such_text")
    set_strict(False)
    try:
        assert tr("shell.no_such_text") == "shell.no_such_text"
    finally:
        set_strict(True)
