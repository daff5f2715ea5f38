"""Stakeholder lists as people keep them and as the app writes them: found, read whole, and read back."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli import main
from briefing.errors import InputError
from briefing.evidence.stakeholders import StakeholderMapping, import_stakeholders
from briefing.model.collections import STAKEHOLDERS
from briefing.model.entities import Stakeholder
from briefing.store import WorkspaceStore
from evidence.files import write_csv, write_xlsx

HEADER = ["Navn", "Titel", "Afdeling", "Holdning"]


def refused(path: Path, mapping: StakeholderMapping | None = None) -> str:
    with pytest.raises(InputError) as caught:
        import_stakeholders(path, mapping=mapping)
    message = caught.value.message("en")
    assert message.startswith(str(path))
    return message


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_header_below_a_title_and_blank_rows_is_found(tmp_path: Path, suffix: str) -> None:
    rows: list[list[object]] = [
        ["Interessentkort — Videndeling 2026"], [], ["Opdateret 3. december"], [],
        HEADER, ["Mette Kjær", "Direktør", "Juridisk", "tilhænger"], ["Søren Ølgaard", "CFO", "Økonomi", "skeptiker"],
    ]
    path = tmp_path / f"people{suffix}"
    write_csv(path, rows, ";") if suffix == ".csv" else write_xlsx(path, rows)
    result = import_stakeholders(path)
    assert [(p.name, p.role, p.stance) for p in result.added] == [
        ("Mette Kjær", "Direktør", "supporter"), ("Søren Ølgaard", "CFO", "skeptic")]
    place = "line 5" if suffix == ".csv" else "row 5"
    assert any(n.key == "evidence.notice.header_found" and place in str(n) for n in result.notices)


def test_a_row_with_a_separator_too_many_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Navn;Titel;Afdeling;Holdning\r\nMette Kjær;Direktør;Juridisk;tilhænger\r\n"
                    "Søren Ølgaard;CFO; Økonomi og;Finans;skeptiker\r\n", encoding="utf-8")
    message = refused(path)
    assert "line 3, column 5" in message and "5 cells" in message and "4 columns" in message


def test_trailing_separators_beyond_the_header_are_not_a_fault(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Navn;Titel;;\r\nMette Kjær;Direktør;;\r\n", encoding="utf-8")
    assert [p.name for p in import_stakeholders(path).added] == ["Mette Kjær"]


def test_a_value_under_no_header_in_a_workbook_is_refused_with_its_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "people.xlsx", [HEADER, ["Mette Kjær", "Direktør", "Juridisk", "tilhænger", "x"]])
    message = refused(path)
    assert "row 2, column E" in message and "without a header" in message


def test_a_mapping_adds_to_what_the_headers_say(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "people.csv", [["Medarbejder", "Afdeling", "Holdning", "Indflydelse"],
                                               ["Mette Kjær", "Juridisk", "forkæmper", "5"]], ";")
    mapping = StakeholderMapping.parse("name=Medarbejder")
    person = import_stakeholders(path, mapping=mapping).added[0]
    assert (person.name, person.department, person.stance, person.influence) == ("Mette Kjær", "Juridisk",
                                                                                   "champion", 5)


def test_a_mapping_takes_a_column_from_what_its_header_said(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "people.csv", [["Navn", "Afdeling"], ["Mette Kjær", "Direktør"]], ";")
    person = import_stakeholders(path, mapping=StakeholderMapping.parse("role=B")).added[0]
    assert (person.role, person.department) == ("Direktør", "")


def test_the_seeds_own_words_are_understood_as_headers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "seed.csv", [
        ["Navn", "Fremsynethed", "Indflydelse (1-5)", "Interesse (1-5)", "Kontakt hver X dage", "Drivkraft"],
        ["Mette Kjær", "4", "5", "3", "14", "2"]], ";")
    result = import_stakeholders(path)
    person = result.added[0]
    assert (person.foresight, person.influence, person.interest, person.cadence_days, person.drive) == (4, 5, 3, 14, 2)
    assert not [n for n in result.notices if n.key == "evidence.notice.columns_ignored"]


FORMULA_NAMES = ["=Hansen", "+45 Jensen", "-Nielsen", "=SUM(A1)", "+Holm", "-Berg", "@Lund", "=1+1", "-5 Kofoed",
                 "+Dahl", "=Juul", "-Krogh"]


@pytest.mark.parametrize(("lang", "suffix"), [("da", ".csv"), ("en", ".csv"), ("da", ".xlsx")])
def test_what_export_stakeholders_writes_import_update_adds_no_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, suffix: str
) -> None:
    monkeypatch.setenv("BRIEFING_LANG", lang)
    monkeypatch.setenv("LANG", lang)
    workspace = tmp_path / "ws"
    with WorkspaceStore.open(workspace) as store, store.batch():
        for number, name in enumerate(FORMULA_NAMES):
            store.add(STAKEHOLDERS, Stakeholder(id=f"p{number}", name=name, role="=CFO", notes="-vil se tal",
                                                  tags=["=a", "b"], stance="skeptic", influence=4, cadence_days=21,
                                                  budget_holder=True))
    exported = tmp_path / f"people{suffix}"
    assert main(["export-stakeholders", "--workspace", str(workspace), "--out", str(exported)]) == 0
    capsys.readouterr()
    assert main(["import-stakeholders", "--workspace", str(workspace), "--update", str(exported)]) == 0
    out = capsys.readouterr().out
    with WorkspaceStore.open(workspace) as store:
        people = store.workspace.stakeholders
    assert [p.name for p in people] == FORMULA_NAMES
    assert {(p.role, p.notes, tuple(p.tags)) for p in people} == {("=CFO", "-vil se tal", ("=a", "b"))}
    assert out.splitlines()[0].split()[1:3] in (["0", "added,"], ["0", "tilføjet,"])


@pytest.mark.parametrize(
    "spec",
    ["x" * 5000, "name=" + "Fulde navn/" * 40, "{" * 50_000, "mapping-" + "y" * 300 + ".json"],
    ids=["long garbage", "long inline", "deep json", "long missing file"],
)
def test_an_unreadable_mapping_gets_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spec: str
) -> None:
    path = write_csv(tmp_path / "people.csv", [["Navn"], ["Mette Kjær"]], ";")
    capsys.readouterr()
    code = main(["import-stakeholders", "--workspace", str(tmp_path / "ws"), "--mapping", spec, str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and not out
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert len(err) < 420 and "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" not in err


def test_a_mapping_file_that_is_a_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "people.csv", [["Navn"], ["Mette Kjær"]], ";")
    folder = tmp_path / "mapping.json"
    folder.mkdir()
    capsys.readouterr()
    assert main(["import-stakeholders", "--workspace", str(tmp_path / "ws"), "--mapping", str(folder), str(path)]) == 2
    assert capsys.readouterr().err.strip() == f"briefing: {folder}: this is a folder, not a file"


def test_an_import_checks_the_workspace_once_and_writes_the_store_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The probe's 2,000 rows took 1.5 s and 20,000 took 248 s: a check of the whole workspace and a copy of the
    table for every row. Counted here for 300 new and 300 updated people (tests/evidence/bench_import.py times it)."""
    from briefing.model import integrity
    from briefing.store import storage

    workspace = tmp_path / "ws"
    rows: list[list[object]] = [["Navn", "Titel"], *[[f"Person {n}", "Chef"] for n in range(300)]]
    first = write_csv(tmp_path / "people.csv", rows, ";")
    assert main(["import-stakeholders", "--workspace", str(workspace), str(first)]) == 0
    rows += [[f"Ny {n}", "Chef"] for n in range(300)]
    second = write_csv(tmp_path / "more.csv", [[r[0], "Direktør"] if r[0] != "Navn" else r for r in rows], ";")
    nobody = write_csv(tmp_path / "nobody.csv", [["Navn", "Titel"]], ";")
    checks, saves = [], []
    real_check, real_flush = integrity.check, storage.Storage.flush  # a save: one journal record or one rewrite
    monkeypatch.setattr(integrity, "check", lambda ws: (checks.append(1), real_check(ws))[1])
    monkeypatch.setattr(storage.Storage, "flush", lambda s: (s.dirty and saves.append("save"), real_flush(s))[1])
    assert main(["import-stakeholders", "--workspace", str(workspace), str(nobody)]) == 0
    when_opening = len(checks)  # reading the store checks it
    checks.clear()
    saves.clear()
    capsys.readouterr()
    assert main(["import-stakeholders", "--workspace", str(workspace), "--update", str(second)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Stakeholders: 300 added, 300 updated, 0 already there."
    assert (len(checks) - when_opening, len(saves)) == (1, 1)
    with WorkspaceStore.open(workspace) as store:
        assert len(store.workspace.stakeholders) == 600
        assert {p.role for p in store.workspace.stakeholders} == {"Direktør"}


CELL = st.one_of(st.sampled_from(["Navn", "Name", "Holdning", "Indflydelse (1-5)", "Kontakt hver X dage", "ja", "nej",
                                  "tilhænger", "'=x", "=SUM(A1)", "5", "0", "3,5", "", "Mette", "høj"]),
                 st.text(alphabet='abæø 1;,"\'=\t-', max_size=8))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(CELL, max_size=7), max_size=8), delimiter=st.sampled_from([";", ",", "\t"]),
       mapping=st.none() | st.sampled_from(["name=A", "name=Mette;stance=C", "role=Z", "x=y", "{}", "{\"name\": 3}"]))
def test_a_list_as_people_keep_it_is_imported_or_refused_naming_the_file(
    rows: list[list[str]], delimiter: str, mapping: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "people.csv", rows, delimiter)  # type: ignore[arg-type]
        try:
            import_stakeholders(path, mapping=StakeholderMapping.parse(mapping) if mapping else None)
        except InputError as error:
            message = error.message("en")
            assert (message.startswith(str(path)) or message.startswith("--mapping")) and "\n" not in message


@settings(max_examples=80, deadline=None)
@given(spec=st.text(max_size=300))
def test_any_mapping_is_understood_or_refused_in_one_short_line(spec: str) -> None:
    from briefing.cli.evidence import mapping_text

    try:
        StakeholderMapping.parse(*mapping_text(spec))
    except InputError as error:
        message = error.message("en")
        assert "\n" not in message and len(message) < 400


def test_a_header_named_only_by_the_mapping_is_found_below_a_title(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "people.csv", [["Interessenter 2026"], [], ["Medarbejder", "Stilling"],
                                               ["Mette Kjær", "CFO"]], ";")
    result = import_stakeholders(path, mapping=StakeholderMapping.parse("name=A;role=B"))
    assert [(p.name, p.role) for p in result.added] == [("Mette Kjær", "CFO")]
