"""The evidence commands as a user runs them: import a survey, list the analysis, import stakeholders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.store.layout import store_path
from evidence.files import csv_rows, write_csv


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "ws"


def test_import_survey_prints_layout_n_questions_and_kinds(capsys: pytest.CaptureFixture[str], folder: Path,
                                                           msforms: Path) -> None:
    code, out, _ = run(capsys, "import-survey", "--workspace", str(folder), str(msforms), "--title", "Videndeling")
    assert code == 0
    assert "Imported “Videndeling” (sv1) from Microsoft Forms: 64 responses, 6 questions." in out
    assert "Likert scale" in out and "multiple choice" in out and "Min leder opfordrer til videndeling" in out
    stored = json.loads(store_path(folder).read_text(encoding="utf-8"))
    assert "Videndeling" in json.dumps(stored, ensure_ascii=False)


def test_importing_twice_is_refused_and_again_imports(capsys: pytest.CaptureFixture[str], folder: Path,
                                                      google: Path) -> None:
    assert run(capsys, "import-survey", "--workspace", str(folder), str(google))[0] == 0
    before = store_path(folder).read_bytes()
    code, _, err = run(capsys, "import-survey", "--workspace", str(folder), str(google))
    assert code == 2 and str(google) in err and "sv1" in err and "--again" in err
    assert store_path(folder).read_bytes() == before
    assert run(capsys, "import-survey", "--workspace", str(folder), str(google), "--again")[0] == 0


def test_bad_input_exits_2_naming_the_file_and_changes_nothing(capsys: pytest.CaptureFixture[str], folder: Path,
                                                               tmp_path: Path, google: Path) -> None:
    run(capsys, "import-survey", "--workspace", str(folder), str(google))
    before = store_path(folder).read_bytes()
    broken = tmp_path / "broken.csv"
    broken.write_text('Timestamp,Q\r\n2026-04-07 08:00,"Agree\r\n2026-04-07 09:00,Agree\r\n', encoding="utf-8")
    code, out, err = run(capsys, "import-survey", "--workspace", str(folder), str(broken))
    assert code == 2 and out == ""
    assert err.strip() == f"briefing: {broken}, line 2: a quote (\") opened here is never closed"
    assert store_path(folder).read_bytes() == before


def test_danish_messages(capsys: pytest.CaptureFixture[str], folder: Path, monkey: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_LANG", "da")
    code, out, _ = run(capsys, "import-survey", "--workspace", str(folder), str(monkey))
    assert code == 0 and "fra SurveyMonkey: 40 besvarelser, 6 spørgsmål" in out and "flere valg" in out
    code, out, _ = run(capsys, "surveys", "--workspace", str(folder))
    assert code == 0 and "Likert-skala · n = 40 · gennemsnit" in out and "top-2-boks" in out


def test_mapping_option_inline_and_as_file(capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path,
                                           google: Path) -> None:
    rows = csv_rows(google)
    rows[0][0], rows[0][1] = "Sendt", "Mail"
    own = write_csv(tmp_path / "own.csv", rows)
    code, _, err = run(capsys, "import-survey", "--workspace", str(folder), str(own))
    assert code == 2 and "--mapping" in err and "timestamp=Sendt" in err  # the proposed mapping
    code, out, _ = run(capsys, "import-survey", "--workspace", str(folder), str(own),
                       "--mapping", "timestamp=A;ignore=B;multi_separator=, ")
    assert code == 0 and "your column mapping: 48 responses, 6 questions" in out
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"timestamp": "Sendt", "questions": ["C", "D"]}), encoding="utf-8")
    code, _, err = run(capsys, "import-survey", "--workspace", str(folder), str(own), "--mapping", str(mapping))
    assert code == 2 and str(own) in err  # the same file again is noticed, whatever the mapping
    code, out, _ = run(capsys, "import-survey", "--workspace", str(folder), str(own), "--mapping", str(mapping),
                       "--title", "Two questions", "--again")
    assert code == 0 and "2 questions" in out
    mapping.write_text('{"timestamp": "A", "colums": []}', encoding="utf-8")
    code, _, err = run(capsys, "import-survey", "--workspace", str(folder), str(own), "--mapping", str(mapping))
    assert code == 2 and str(mapping) in err and "colums" in err


def test_surveys_json_gives_the_analysis_per_question(capsys: pytest.CaptureFixture[str], folder: Path,
                                                      google: Path) -> None:
    run(capsys, "import-survey", "--workspace", str(folder), str(google))
    code, out, _ = run(capsys, "surveys", "--workspace", str(folder), "--json")
    assert code == 0
    [survey] = json.loads(out)
    assert survey["responses"] == 48 and survey["source"] == "googleforms"
    likert = survey["questions"][1]
    assert likert["kind"] == "likert" and likert["n"] == 48 and 0 <= likert["top2"] <= 1
    assert likert["distribution"][0]["label"] == "Strongly disagree"
    assert survey["questions"][5]["numbers"]["n"] == 48
    assert survey["questions"][4]["texts"] and likert["suggestions"][0].endswith("(n = 48).")


def test_import_stakeholders(capsys: pytest.CaptureFixture[str], folder: Path, samples: Path) -> None:
    people = samples / "stakeholders-da.csv"
    code, out, _ = run(capsys, "import-stakeholders", "--workspace", str(folder), str(people))
    assert code == 0 and "6 added, 0 updated, 0 already there" in out
    before = store_path(folder).read_bytes()
    code, out, _ = run(capsys, "import-stakeholders", "--workspace", str(folder), str(people))
    assert code == 0 and "0 added, 0 updated, 6 already there" in out and "Mette Kjær" in out
    assert store_path(folder).read_bytes() == before


def test_a_bad_stakeholder_file_changes_nothing(capsys: pytest.CaptureFixture[str], folder: Path,
                                                tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "bad.csv", [["Navn", "Holdning"], ["Ann", "tilhænger"], ["Bo", "måske"]], ";")
    run(capsys, "import-stakeholders", "--workspace", str(folder), str(write_csv(tmp_path / "ok.csv",
                                                                                   [["Name"], ["Cy"]])))
    before = store_path(folder).read_bytes()
    code, _, err = run(capsys, "import-stakeholders", "--workspace", str(folder), str(bad))
    assert code == 2 and f"{bad}, line 3, column 2" in err
    assert store_path(folder).read_bytes() == before
