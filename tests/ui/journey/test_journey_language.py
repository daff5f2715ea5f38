"""Journey 3: switching View → Language to Danish on every page changes every label, header,
tab and button shown (no English left), and switching back brings every English text back."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from journey_helpers import data_strings, shown_texts

from ui.main_window import PAGE_NAMES

KNOWN: tuple[tuple[str, str], ...] = ()
"""(where, shown) of texts the language switch is known to leave alone: none any more."""
KNOWN_CHANGED: tuple[str, ...] = ()
"""Texts known not to come back the same after switching back: none any more."""
LETTERS = re.compile(r"[A-Za-zÆØÅæøå]{2}")


def _words(texts: set[str]) -> re.Pattern[str]:
    """A pattern matching any of ``texts`` as whole words (longest first)."""
    ordered = sorted((t for t in texts if t), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def same_in_both() -> set[str]:
    """The catalog's texts that are the same in Danish and English (Neutral, Briefing, "Problem: {title}" …)."""
    from briefing.i18n import catalog

    same = {texts["en"] for texts in catalog().values() if texts.get("en") == texts.get("da")}
    return {part.strip() for text in same for part in re.split(r"\{[^}]*\}", text)} | {"Briefing Composer"}


class Untranslated:
    """Finds texts that stayed English: neither the workspace's data nor the same in both languages."""

    def __init__(self, data: set[str]) -> None:
        self.data = {" ".join(text.split()) for text in data}
        self.pattern = _words(self.data | same_in_both())

    def english_left(self, before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
        return {where: text for where, text in before.items()
                if after.get(where) == text and not _known(where, text) and self._words_left(text)}

    def _words_left(self, text: str) -> bool:
        rest = " ".join(text.replace("&", "").split())  # headers wrap long titles on several lines
        if rest.endswith("…"):  # a title cut short: the start of a text of the workspace
            cut = rest[:-1].split(": ", 1)[-1].strip()
            if any(d.startswith(cut) for d in self.data):
                rest = rest[: len(rest) - len(cut) - 1]
        return bool(LETTERS.search(self.pattern.sub(" ", rest)))


def _known(where: str, text: str) -> bool:
    return any(re.search(pattern, where) and (not shown or text == shown) for pattern, shown in KNOWN)


def _changed(before: dict[str, str], after: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    """The texts that are not the same after switching back, except the known defects."""
    return {where: (text, after.get(where)) for where, text in before.items()
            if after.get(where) != text and not any(re.search(p, text) for p in KNOWN_CHANGED)}


@pytest.fixture
def started(qtbot: Any, settings_file: Path) -> Any:
    """``briefing-composer --demo --lang en`` through ``start``, with the settings in an INI file."""
    from ui.app import start

    window = start(["--demo", "--lang", "en"], settings_file=settings_file)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.session is not None, timeout=10_000)  # loaded on a worker
    yield window
    window.close()


def test_every_page_switches_to_danish_and_back(qtbot: Any, started: Any) -> None:
    window = started
    check = Untranslated(data_strings(window.session.workspace))
    for index, name in enumerate(PAGE_NAMES):
        window.menus.go_actions[index].trigger()  # View → Go to …
        assert window.current_page_name() == name
        english = shown_texts(window)
        assert len(english) > 20, name
        with qtbot.waitSignal(window.language_changed):
            window.menus.language_actions["da"].trigger()  # View → Language → Dansk
        danish = shown_texts(window)
        assert set(danish) == set(english), f"{name}: other widgets shown after the switch"
        assert check.english_left(english, danish) == {}, f"English left on {name}"
        with qtbot.waitSignal(window.language_changed):
            window.menus.language_actions["en"].trigger()
        back = shown_texts(window)
        assert set(back) == set(english) and _changed(english, back) == {}, f"{name}: changed after switching back"
    assert window.settings.language() == "en"


# -- the defects this journey met, each shown on its own ------------------------------------------------


def _switch(qtbot: Any, window: Any, lang: str) -> None:
    with qtbot.waitSignal(window.language_changed):
        window.menus.language_actions[lang].trigger()


def test_the_pages_accessible_names_follow_the_language(qtbot: Any, started: Any) -> None:
    window = started
    for index in range(len(PAGE_NAMES)):
        window.menus.go_actions[index].trigger()
    _switch(qtbot, window, "da")
    names = {name: window.pages[name].accessibleName() for name in PAGE_NAMES}
    assert names["overview"] == "Overblik"
    assert all(window.nav_model.item(row).text() == names[name] for row, name in enumerate(PAGE_NAMES))


def test_date_placeholders_follow_the_language(qtbot: Any, started: Any) -> None:
    window = started
    window.show_page("allies")
    window.show_page("evidence")
    allies, evidence = window.pages["allies"], window.pages["evidence"]
    evidence.tabs.setCurrentIndex(1)  # the initiatives, built when first shown: before the switch
    assert evidence.initiatives_tab.built
    _switch(qtbot, window, "da")
    assert allies.log.form.editors["date"].placeholderText() == "ÅÅÅÅ-MM-DD"
    assert evidence.initiative_tab.measurement_date.placeholderText() == "ÅÅÅÅ-MM-DD"


def test_the_dialogue_log_keeps_the_persons_name_after_a_language_switch(qtbot: Any, started: Any) -> None:
    window = started
    window.show_page("allies")
    page = window.pages["allies"]
    person = page.person()
    assert person is not None and page.log.panel.title.text() == f"Dialogue log: {person.name}"
    _switch(qtbot, window, "da")
    assert person.name in page.log.panel.title.text()
    _switch(qtbot, window, "en")
    assert page.log.panel.title.text() == f"Dialogue log: {person.name}"
