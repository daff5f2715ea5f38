"""``briefing due``, ``briefing calendar`` and ``briefing log`` as a user runs them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from briefing.cli import main
from briefing.clock import FixedClock
from briefing.model.collections import PRESENTATIONS, STAKEHOLDERS
from briefing.store import WorkspaceStore, store_path
from guide.builders import person
from guide.test_guide_due import workspace


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own refusals
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "ws"
    with WorkspaceStore.open(path, FixedClock.on("2026-11-27")) as store:
        store.replace(workspace())
        store.add(STAKEHOLDERS, person("n2", "Bodil", "neutral"))
    return path


def test_due_prints_a_table_soonest_first_with_overdue_marked_and_exits_1(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, _ = run(capsys, "due", "--workspace", str(folder), "--today", "2026-11-27")
    lines = out.splitlines()
    assert code == 1
    assert lines[0].split() == ["Date", "When", "What", "Who", "From"]
    assert lines[1].startswith("2026-10-15  ! 43 days overdue  Follow up with Nina")
    assert "Talk to Bo" in lines[2] and "Cadence: every 10 days" in lines[2]
    assert "Send the business case" in lines[3] and "Anne" in lines[3] and "Attempt 1 on 22 September 2026" in lines[3]
    assert lines[5].startswith("2026-12-08  in 11 days") and "Next attempt: Board" in lines[5]
    assert lines[6].startswith("—") and "Ask Finance for figures" in lines[6]
    assert lines[-1] == "3 items overdue."


def test_due_in_danish(capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_LANG", "da")
    _, out, _ = run(capsys, "due", "--workspace", str(folder), "--today", "2026-11-27")
    assert out.splitlines()[0].split() == ["Dato", "Hvornår", "Hvad", "Hvem", "Fra"]
    assert "! 43 dage for sent  Følg op hos Nina" in out
    assert out.splitlines()[-1] == "3 punkter er for sent."


def test_due_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, _ = run(capsys, "due", "--workspace", str(folder), "--today", "2026-11-27", "--json")
    data = json.loads(out)
    assert code == 1 and data["today"] == "2026-11-27"
    step = data["items"][2]
    assert step == {
        "kind": "next_step", "date": "2026-11-25", "overdue": True, "days_overdue": 2,
        "what": "Send the business case", "who": "Anne", "stakeholder_id": None,
        "source": {"collection": "presentations", "id": "pr1", "index": 0},
        "text": "Send the business case", "when": "2 days overdue", "from": "Attempt 1 on 22 September 2026",
    }
    assert [i["kind"] for i in data["items"]] == ["follow_up", "cadence", "next_step", "follow_up", "next_attempt",
                                                  "next_step"]


def test_nothing_overdue_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with WorkspaceStore.open(tmp_path / "empty", FixedClock.on("2026-11-27")):
        pass
    code, out, _ = run(capsys, "due", "--workspace", str(tmp_path / "empty"), "--today", "2026-11-27")
    assert (code, out) == (0, "Nothing is due.\n")


def test_due_with_a_bad_date_names_the_option_and_exits_2(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run(capsys, "due", "--workspace", str(folder), "--today", "27/11/2026")
    assert (code, out) == (2, "")
    assert err == "briefing: --today: 27/11/2026 is not a date (YYYY-MM-DD)\n"


# -- calendar ------------------------------------------------------------------------------


def events(path: Path) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): {"start": e.decoded("dtstart"), "end": e.decoded("dtend"), "summary": str(e["summary"]),
                            "sequence": int(e["sequence"]), "stamp": e.decoded("dtstamp")}
            for e in calendar.walk("VEVENT")}


def test_the_calendar_holds_each_kind_as_all_day_events(capsys: pytest.CaptureFixture[str], folder: Path,
                                                        tmp_path: Path) -> None:
    out_file = tmp_path / "due.ics"
    code, out, _ = run(capsys, "calendar", "--workspace", str(folder), "--out", str(out_file), "--today", "2026-11-27")
    assert code == 0 and out == f"Wrote 6 events to {out_file}.\n"
    found = events(out_file)
    summaries = sorted(e["summary"] for e in found.values())
    assert summaries == ["Follow up with Anne", "Follow up with Nina", "Next attempt: Board",
                         "Next step: Send the business case (Anne)", "Talk to Anne", "Talk to Bo"]
    by_summary = {e["summary"]: e for e in found.values()}
    assert by_summary["Next attempt: Board"]["start"] == dt.date(2026, 12, 8)
    assert by_summary["Next attempt: Board"]["end"] == dt.date(2026, 12, 9)  # all day
    assert by_summary["Talk to Anne"]["start"] == dt.date(2026, 12, 20)  # 30 days after the last contact
    assert by_summary["Talk to Bo"]["start"] == dt.date(2026, 11, 27)  # overdue: today
    assert all(uid.endswith("@briefing-composer") for uid in found)


def test_a_second_export_after_an_edit_updates_the_same_events(capsys: pytest.CaptureFixture[str], folder: Path,
                                                              tmp_path: Path) -> None:
    out_file = tmp_path / "due.ics"
    run(capsys, "calendar", "--workspace", str(folder), "--out", str(out_file), "--today", "2026-11-27")
    first = events(out_file)
    with WorkspaceStore.open(folder) as store:
        presentation = store.workspace.presentations[0]
        store.update(PRESENTATIONS, dataclasses.replace(presentation, next_attempt=dt.date(2026, 12, 15)))
    run(capsys, "calendar", "--workspace", str(folder), "--out", str(out_file), "--today", "2026-11-27")
    second = events(out_file)
    assert set(second) == set(first)  # the same UIDs: updated, not duplicated
    attempt = next(uid for uid, e in second.items() if e["summary"] == "Next attempt: Board")
    assert (first[attempt]["sequence"], second[attempt]["sequence"]) == (0, 1)
    assert second[attempt]["start"] == dt.date(2026, 12, 15)
    unchanged = [uid for uid in second if uid != attempt]
    assert all(second[uid]["sequence"] == 0 for uid in unchanged)
    run(capsys, "calendar", "--workspace", str(folder), "--out", str(out_file), "--today", "2026-11-27")
    assert events(out_file)[attempt]["sequence"] == 1  # nothing changed since: the same version


def test_the_calendar_in_danish(capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_LANG", "da")
    out_file = tmp_path / "due.ics"
    code, out, _ = run(capsys, "calendar", "--workspace", str(folder), "--out", str(out_file))
    assert code == 0 and out.startswith("Skrev 6 begivenheder")
    assert "Næste skridt: Send the business case (Anne)" in {e["summary"] for e in events(out_file).values()}


def test_a_calendar_that_cannot_be_written_names_the_file(capsys: pytest.CaptureFixture[str], folder: Path,
                                                          tmp_path: Path) -> None:
    code, _, err = run(capsys, "calendar", "--workspace", str(folder), "--out", str(tmp_path / "no" / "due.ics"))
    assert code == 2 and str(tmp_path / "no" / "due.ics") in err


# -- log -----------------------------------------------------------------------------------


def log(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "log", "--workspace", str(folder), "--date", "2026-11-27", "--summary", "Budget talk", *extra)


def test_log_adds_a_dialogue_found_by_name_and_its_follow_up_becomes_due(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, _ = log(capsys, folder, "--who", "nina", "--channel", "Opkald", "--follow-up", "2026-12-04",
                       "--references", "2")
    assert code == 0
    assert out.splitlines() == ["Logged call with Nina on 27 November 2026 (d4).", "Follow up on 4 December 2026."]
    with WorkspaceStore.open(folder, read_only=True) as store:
        added = store.workspace.dialogues[-1]
    assert (added.stakeholder_id, added.channel, added.summary, added.references_shared, added.follow_up) == (
        "n1", "call", "Budget talk", 2, dt.date(2026, 12, 4))
    _, out, _ = run(capsys, "due", "--workspace", str(folder), "--today", "2026-11-27", "--json")
    follow_ups = [i for i in json.loads(out)["items"] if i["kind"] == "follow_up" and i["who"] == "Nina"]
    assert [i["date"] for i in follow_ups] == ["2026-12-04"]  # the old one is answered by this contact


@pytest.mark.parametrize(("extra", "message"), [
    (("--who", "zz", "--channel", "call"), "--who: nobody in this workspace is called zz or has that id"),
    (("--who", "b", "--channel", "call"), "--who: b could be several people: Bo (a2), Bodil (n2); give the id"),
    (("--who", "a1", "--channel", "fax"), "--channel: fax is not a channel; use one of meeting, call, email"),
    (("--who", "a1", "--channel", "call", "--follow-up", "soon"), "--follow-up: soon is not a date"),
    (("--who", "a1", "--channel", "call", "--references", "-1"), "--references: -1 is below 0"),
    (("--who", "a1", "--channel", "call", "--references", "x"), "argument --references: invalid int value"),
])
def test_bad_options_are_named_and_nothing_changes(capsys: pytest.CaptureFixture[str], folder: Path,
                                                   extra: tuple[str, ...], message: str) -> None:
    before = store_path(folder).read_bytes()
    code, out, err = log(capsys, folder, *extra)
    assert (code, out) == (2, "")
    assert message in err
    assert store_path(folder).read_bytes() == before


def test_log_into_a_workspace_another_app_holds_is_refused(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    before = store_path(folder).read_bytes()
    with WorkspaceStore.open(folder):
        code, _, err = log(capsys, folder, "--who", "a1", "--channel", "call")
    assert code == 2 and "is open in another copy of Briefing Composer" in err
    assert store_path(folder).read_bytes() == before


def test_log_into_a_folder_without_a_workspace_creates_nothing(capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path) -> None:
    code, _, err = log(capsys, tmp_path / "none", "--who", "a1", "--channel", "call")
    assert code == 2 and "holds no workspace" in err
    assert not (tmp_path / "none").exists()
