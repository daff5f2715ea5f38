"""The three tools' exports and the variants a Danish Excel makes of them import to the same survey."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.evidence.layouts import ColumnMapping
from briefing.evidence.surveys import SurveyImport, import_survey
from briefing.model.entities import Survey
from evidence.files import csv_rows, write_csv

KINDS = ["single", "likert", "likert", "multi", "text", "number"]


def kinds(survey: Survey) -> list[str]:
    return [q.kind for q in survey.questions]


def answers(survey: Survey) -> list[dict[str, object]]:
    return [r.answers for r in survey.responses]


def test_microsoft_forms_workbook(msforms: Path) -> None:
    result = import_survey(msforms)
    survey = result.survey
    assert result.layout == "msforms" and survey.source == "msforms"
    assert len(survey.responses) == 64 and kinds(survey) == KINDS
    assert survey.questions[1].scale == ["Helt uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Helt enig"]
    assert survey.questions[0].scale == ["Under 1 time", "1-2 timer", "2-5 timer", "Over 5 timer"]
    first = survey.responses[0]
    assert first.submitted == dt.datetime(2026, 3, 2, 9, 8)  # the completion time
    assert first.answers["q4"] == ["E-mail", "Fildrev"]  # "E-mail;Fildrev;"
    assert first.answers["q6"] == 3
    assert all("anonymous" not in str(a) for a in answers(survey))  # Email and Name are not questions
    assert result.notices == [] and len(result.sha256) == 64


def test_google_forms_csv(google: Path) -> None:
    result = import_survey(google)
    survey = result.survey
    assert result.layout == "googleforms" and len(survey.responses) == 48 and kinds(survey) == KINDS
    assert survey.questions[1].scale[-1] == "Strongly agree"
    first = survey.responses[0]
    assert first.submitted == dt.datetime(2026, 4, 7, 8, 30)  # "2026/04/07 08:30:00 AM GMT+1"
    assert first.answers["q4"] == ["Intranet", "File shares"]
    assert first.answers["q5"] == "I cannot find the latest version of a contract"
    assert first.answers["q6"] == 4.5
    # a free-text answer with a comma is not taken for checkboxes
    assert "Old documents lack metadata, so search is noisy" in [a.get("q5") for a in answers(survey)]


def test_surveymonkey_csv_with_two_header_rows(monkey: Path) -> None:
    result = import_survey(monkey)
    survey = result.survey
    assert result.layout == "surveymonkey" and len(survey.responses) == 40 and kinds(survey) == KINDS
    tools = survey.questions[3]
    assert tools.text == "Hvilke værktøjer bruger du til at dele viden?"
    assert tools.scale == ["E-mail", "Teams", "Intranet", "Fildrev", "Andet"]
    assert survey.responses[0].answers["q4"] == ["E-mail", "Intranet"]
    assert survey.responses[0].submitted == dt.datetime(2026, 5, 11, 10, 4)  # "05/11/2026 10:04:00 AM"
    assert survey.responses[3].answers["q2"] == "Helt enig"


def same_survey(variant: SurveyImport, original: SurveyImport) -> None:
    assert variant.layout == original.layout
    assert [(q.text, q.kind, q.scale) for q in variant.survey.questions] == [
        (q.text, q.kind, q.scale) for q in original.survey.questions
    ]
    assert answers(variant.survey) == answers(original.survey)
    assert [r.submitted for r in variant.survey.responses] == [r.submitted for r in original.survey.responses]


def test_forms_resaved_by_danish_excel_as_semicolon_cp1252_csv(forms_danish_csv: Path, msforms: Path) -> None:
    assert b";" in forms_danish_csv.read_bytes() and b"\xe6" in forms_danish_csv.read_bytes()  # cp1252 'æ'
    assert b"1,8" in forms_danish_csv.read_bytes()  # a decimal comma
    variant = import_survey(forms_danish_csv)
    assert [n.key for n in variant.notices] == ["evidence.notice.cp1252"]
    same_survey(variant, import_survey(msforms))


def test_google_resaved_by_danish_excel(google_danish_csv: Path, google: Path) -> None:
    variant = import_survey(google_danish_csv)
    same_survey(variant, import_survey(google))
    assert variant.survey.responses[0].answers["q6"] == 4.5  # "4,5"


def test_utf8_with_bom(google_bom: Path, google: Path) -> None:
    variant = import_survey(google_bom)
    same_survey(variant, import_survey(google))
    assert variant.layout == "googleforms"  # the BOM does not stick to "Timestamp"


def test_utf16_with_tabs(monkey_utf16_tabs: Path, monkey: Path) -> None:
    same_survey(import_survey(monkey_utf16_tabs), import_survey(monkey))


def test_surveymonkey_as_workbook(monkey_xlsx: Path, monkey: Path) -> None:
    same_survey(import_survey(monkey_xlsx), import_survey(monkey))


def test_2500_responses_in_a_workbook(forms_2500: Path) -> None:
    survey = import_survey(forms_2500).survey
    assert len(survey.responses) == 2500 and kinds(survey) == KINDS
    assert survey.responses[-1].submitted is not None


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2026/04/07 08:30:00 AM GMT+1", dt.datetime(2026, 4, 7, 8, 30)),
        ("2026/04/07 01:30:00 PM GMT+2", dt.datetime(2026, 4, 7, 13, 30)),
        ("4/7/26 8:30:00", dt.datetime(2026, 4, 7, 8, 30)),
        ("05/11/2026 10:00:00 AM", dt.datetime(2026, 5, 11, 10, 0)),
        ("07-04-2026 08:30", dt.datetime(2026, 4, 7, 8, 30)),
        ("7.4.2026 08.30", dt.datetime(2026, 4, 7, 8, 30)),
        ("2026-04-07T08:30:00Z", dt.datetime(2026, 4, 7, 8, 30)),
    ],
)
def test_each_tools_timestamp_format(tmp_path: Path, stamp: str, expected: dt.datetime) -> None:
    path = write_csv(tmp_path / "t.csv", [["Timestamp", "Q"], [stamp, "Agree"], [stamp, "Disagree"]])
    assert import_survey(path).survey.responses[0].submitted == expected


def test_day_first_slashes_are_recognised_by_the_column(tmp_path: Path) -> None:
    rows = [["Timestamp", "Q"], ["03/04/2026 08:00", "Agree"], ["25/04/2026 08:00", "Agree"]]
    survey = import_survey(write_csv(tmp_path / "t.csv", rows)).survey
    assert survey.responses[0].submitted == dt.datetime(2026, 4, 3, 8, 0)


def test_an_unreadable_timestamp_keeps_the_response_and_says_where(tmp_path: Path) -> None:
    rows = [["Timestamp", "Q"], ["soon", "Agree"], ["2026/04/07 08:30:00 AM", "Agree"]]
    result = import_survey(write_csv(tmp_path / "t.csv", rows))
    assert len(result.survey.responses) == 2 and result.survey.responses[0].submitted is None
    assert "line 2" in str(result.notices[0]) and "soon" in str(result.notices[0])


def test_kinds_in_danish_and_english(tmp_path: Path) -> None:
    rows = [
        ["Timestamp", "Ofte?", "Often?", "Tilfreds?", "Tal", "Valg", "Fri"],
        ["2026/04/07 08:30:00", "Aldrig", "Never", "Meget tilfreds", "1.234,5", "Ja", "Et langt svar med mange ord i"],
        ["2026/04/07 08:31:00", "Ofte", "Always", "Utilfreds", "2,5", "Nej", "Noget helt andet som svar her"],
        ["2026/04/07 08:32:00", "Nogle gange", "Rarely", "Tilfreds", "-3", "Ja", "En tredje lang tekst med mange ord"],
        ["2026/04/07 08:33:00", "Altid", "Sometimes", "Tilfreds", "", "Ja", ""],
    ]
    survey = import_survey(write_csv(tmp_path / "kinds.csv", rows, ";")).survey
    assert kinds(survey) == ["likert", "likert", "likert", "number", "single", "text"]
    assert survey.questions[0].scale == ["Aldrig", "Sjældent", "Nogle gange", "Ofte", "Altid"]
    assert survey.questions[1].scale == ["Never", "Rarely", "Sometimes", "Often", "Always"]
    assert [r.answers.get("q4") for r in survey.responses] == [1234.5, 2.5, -3, None]


def test_blank_and_ragged_short_rows_are_read(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("Timestamp,Q1,Q2\r\n2026-04-07 08:00,Agree\r\n,,\r\n\r\n2026-04-07 09:00,Disagree,Agree\r\n")
    result = import_survey(path)
    assert [r.answers for r in result.survey.responses] == [{"q1": "Agree"}, {"q1": "Disagree", "q2": "Agree"}]
    assert any(n.key == "evidence.notice.blank_rows" for n in result.notices)


def test_duplicate_and_blank_headers_are_kept_apart(tmp_path: Path) -> None:
    rows = [["Timestamp", "Q", "Q", ""], ["2026-04-07 08:00", "Agree", "Disagree", "Agree"]]
    result = import_survey(write_csv(tmp_path / "dup.csv", rows))
    assert [q.text for q in result.survey.questions] == ["Q", "Q (2)", "Column D"]
    assert {"evidence.notice.duplicate_header", "evidence.notice.blank_header"} <= {n.key for n in result.notices}


def test_embedded_newlines_stay_in_their_answer(tmp_path: Path) -> None:
    rows = [["Timestamp", "Why?"], ["2026-04-07 08:00", "First line\nsecond line"], ["2026-04-07 09:00", "x"]]
    survey = import_survey(write_csv(tmp_path / "nl.csv", rows)).survey
    assert survey.responses[0].answers["q1"] == "First line\nsecond line"


def test_unknown_layout_asks_for_a_mapping_and_the_mapping_imports_it(google: Path, tmp_path: Path) -> None:
    rows = csv_rows(google)
    rows[0][0] = "Indsendt kl."  # no tool writes this
    path = write_csv(tmp_path / "own.csv", rows)
    with pytest.raises(InputError) as caught:
        import_survey(path)
    assert str(path) in str(caught.value) and "--mapping" in str(caught.value)
    mapping = ColumnMapping(timestamp="A", ignore=["B"], multi_separator=", ")
    result = import_survey(path, mapping=mapping)
    assert result.layout == "mapped" and result.survey.source == "manual"
    assert kinds(result.survey) == KINDS
    assert result.survey.responses[0].submitted == dt.datetime(2026, 4, 7, 8, 30)


def test_mapping_by_header_names_and_spec(google: Path) -> None:
    spec = "timestamp=Timestamp;questions=C,I can quickly find the contracts I need;multi_separator=, "
    survey = import_survey(google, mapping=ColumnMapping.parse(spec)).survey
    assert [q.text for q in survey.questions] == [
        "How much time per week do you spend looking for information?", "I can quickly find the contracts I need"]


def test_a_mapping_naming_a_missing_column_says_which(google: Path) -> None:
    with pytest.raises(InputError) as caught:
        import_survey(google, mapping=ColumnMapping(timestamp="Tidspunkt"))
    assert "Tidspunkt" in str(caught.value) and google.name in str(caught.value)


def test_importing_the_same_file_twice_is_noticed(google: Path, google_bom: Path, msforms: Path) -> None:
    first = import_survey(google, survey_id="s1")
    assert first.duplicate_of is None
    assert import_survey(google, existing=[first.survey]).duplicate_of == "s1"
    assert import_survey(google_bom, title="Other title", existing=[first.survey]).duplicate_of == "s1"
    assert import_survey(msforms, existing=[first.survey]).duplicate_of is None


def test_title_and_date(tmp_path: Path, google: Path) -> None:
    copy = tmp_path / "Knowledge pulse (Responses) - Form Responses 1.csv"
    copy.write_bytes(google.read_bytes())
    survey = import_survey(copy).survey
    assert survey.title == "Knowledge pulse" and survey.date == dt.date(2026, 4, 8)
    assert import_survey(copy, title="Pulse").survey.title == "Pulse"


def test_danish_microsoft_forms_and_google_headers(tmp_path: Path) -> None:
    forms = [["Id", "Starttidspunkt", "Fuldførelsestidspunkt", "Mail", "Navn", "Tidspunkt for seneste ændring",
              "Er du enig?"],
             [1, "07-04-2026 08:00", "07-04-2026 08:05", "anonymous", None, None, "Enig"],
             [2, "07-04-2026 09:00", "07-04-2026 09:05", "anonymous", None, None, "Helt uenig"]]
    result = import_survey(write_csv(tmp_path / "forms-da.csv", forms, ";"))
    assert result.layout == "msforms" and [q.text for q in result.survey.questions] == ["Er du enig?"]
    assert result.survey.responses[1].submitted == dt.datetime(2026, 4, 7, 9, 5)
    google = [["Tidsstempel", "Mailadresse", "Hvor ofte?"], ["07/04/2026 08.30.00", "a@b.dk", "Ofte"],
              ["13/04/2026 10.00.00", "c@b.dk", "Aldrig"]]
    result = import_survey(write_csv(tmp_path / "google-da.csv", google))
    assert result.layout == "googleforms" and result.survey.questions[0].kind == "likert"
    assert result.survey.responses[0].submitted == dt.datetime(2026, 4, 7, 8, 30)
