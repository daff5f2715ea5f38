"""Numbers are read as the language writes them: what the app shows can be typed back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefing.errors import InputError
from briefing.i18n import format_number, set_language
from ui.models.columns import parse, plain_number

READ = {
    "en": {"1,250": 1250, "1,250.5": 1250.5, "-12,500,000": -12500000, "1.25": 1.25, "2,5": 2.5, "1 250": 1250,
           ".5": 0.5, "0,125": 0.125},  # no one groups thousands after a leading 0: a decimal
    "da": {"1.250": 1250, "1.250,5": 1250.5, "-12.500.000": -12500000, "1,25": 1.25, "2.5": 2.5, "1 250": 1250,
           "0.125": 0.125, "-0.250": -0.25},
}
REFUSED = {"en": ["1,25,0", "1.250,5", "12abc", "1,2,3"], "da": ["1,250.5", "1.25.0", "12abc"]}


@pytest.fixture(params=["en", "da"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


def test_a_number_is_read_with_the_languages_marks(lang: str) -> None:
    for text, value in READ[lang].items():
        assert parse(text, "float", "Budget") == value, text


def test_what_is_neither_language_nor_number_is_refused_naming_the_field(lang: str) -> None:
    for text in REFUSED[lang]:
        with pytest.raises(InputError) as refused:
            parse(text, "float", "Budget")
        assert "Budget" in refused.value.message() and text in refused.value.message()


def test_a_whole_number_may_be_grouped_but_not_broken(lang: str) -> None:
    grouped = "1,250" if lang == "en" else "1.250"
    assert parse(grouped, "int", "Days") == 1250
    with pytest.raises(InputError):
        parse("1,5" if lang == "da" else "1.5", "int", "Days")


@pytest.mark.parametrize("value", [1250.0, 1250.5, 0.5, -12500000.0, 3.0, 1234.5678901, 0.0000001])
def test_what_the_app_shows_reads_back_as_the_same_number(lang: str, value: float) -> None:
    assert parse(plain_number(value), "float", "x") == value  # what a form shows to edit: every digit
    if value == round(value, 1):
        assert parse(format_number(value, lang), "float", "x") == value  # what a table shows (rounded)
