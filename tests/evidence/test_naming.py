"""Who may be named where others see it, and names in free text shown as roles."""

from __future__ import annotations

from briefing.evidence.naming import Naming
from briefing.model.entities import Stakeholder

PEOPLE = [
    Stakeholder(id="cfo", name="Mette Holm", role="CFO"),
    Stakeholder(id="ceo", name="Lars Holm", role="CEO", named_in_decks=True),
    Stakeholder(id="x", name="Åse Øby"),
]


def test_only_people_who_consented_are_named_and_no_one_when_anonymized() -> None:
    naming = Naming(PEOPLE, anonymize=False, fallback="a colleague")
    assert [naming.shown(p) for p in PEOPLE] == ["CFO", "Lars Holm", "a colleague"]
    anonymous = Naming(PEOPLE, anonymize=True, fallback="a colleague")
    assert [anonymous.shown(p) for p in PEOPLE] == ["CFO", "CEO", "a colleague"]


def test_a_name_in_free_text_becomes_the_role_and_is_reported() -> None:
    naming = Naming(PEOPLE, anonymize=False, fallback="a colleague")
    result = naming.redact("Mette Holm asked; METTE wants numbers and Mettes team agrees. Lars Holm agreed.")
    assert result.text == "CFO asked; CFO wants numbers and CFOs team agrees. Lars Holm agreed."
    assert [(f.name, f.person_id) for f in result.found] == [("Mette Holm", "cfo"), ("METTE", "cfo"), ("Mette", "cfo")]


def test_a_shared_or_short_name_part_or_a_longer_word_is_left_alone() -> None:
    naming = Naming(PEOPLE, anonymize=False, fallback="a colleague")
    assert naming.redact("Holm Street, Mettevej 4").text == "Holm Street, Mettevej 4"
    assert naming.redact("Øby and Åse Øby").text == "a colleague and a colleague"


def test_anonymize_removes_consenting_names_too() -> None:
    assert Naming(PEOPLE, anonymize=True, fallback="?").redact("Lars Holm agreed").text == "CEO agreed"
