"""Recording a presentation: the exact deck archived with its checksum, answered objections closed, all-or-nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.clock import FixedClock
from briefing.errors import InputError
from briefing.guide.objections import open_objections
from briefing.guide.presenting import presentation_edit, record_presentation
from briefing.model.collections import PRESENTATIONS
from briefing.model.entities import DeckSettings, Objection, Workspace
from briefing.store import WorkspaceStore, store_path
from briefing.store import storage as storage_module

CLOCK = FixedClock.on("2026-11-27")


@pytest.fixture
def store(tmp_path: Path, ws: Workspace) -> Iterator[WorkspaceStore]:
    ws.deck = DeckSettings(title="Phase 2", ask="Approve phase 2", max_slides=8)
    opened = WorkspaceStore.open(tmp_path / "ws", CLOCK)
    opened.replace(ws)
    yield opened
    opened.close()


def reopened(store: WorkspaceStore) -> Workspace:
    store.close()
    with WorkspaceStore.open(store.folder, CLOCK) as again:  # type: ignore[arg-type]
        return again.workspace


def test_the_exact_deck_is_archived_with_its_checksum_and_settings(store: WorkspaceStore, deck_file: Path) -> None:
    recorded = record_presentation(store, deck_file, "2026-05-19", "Executive management", "postponed",
                                   attendee_ids=["l1"], objections=["No effect shown", "No time"],
                                   feedback="Come back with numbers", next_steps=["Measure"], next_attempt="2026-09-22")
    assert recorded.deck_file == "decks/2026-05-19-attempt-1.pptx"
    archived = store.folder / recorded.deck_file  # type: ignore[operator]
    assert archived.read_bytes() == deck_file.read_bytes()
    assert recorded.deck_sha256 == hashlib.sha256(deck_file.read_bytes()).hexdigest()
    assert [o.status for o in recorded.objections] == ["open", "open"]
    on_disk = reopened(store).presentations[0]
    assert on_disk == recorded
    assert on_disk.deck_settings == DeckSettings(title="Phase 2", ask="Approve phase 2", max_slides=8)
    assert list(archived.parent.iterdir()) == [archived]  # no temporary file left


def test_a_copy_left_half_done_by_a_crash_is_cleared_at_the_next_archive(
    store: WorkspaceStore, deck_file: Path
) -> None:
    store.decks_folder.mkdir()  # type: ignore[union-attr]
    leftover = store.decks_folder / "2026-05-19-attempt-1.pptx.tmp-999-abcd"  # type: ignore[operator]
    leftover.write_bytes(b"half")
    recorded = record_presentation(store, deck_file, "2026-05-19", "EM", "postponed")
    assert sorted(p.name for p in store.decks_folder.iterdir()) == [Path(recorded.deck_file).name]  # type: ignore[union-attr]


def test_given_deck_settings_are_kept_instead_of_the_current_ones(store: WorkspaceStore, deck_file: Path) -> None:
    used = DeckSettings(title="Older title", language="da")
    recorded = record_presentation(store, deck_file, "2026-05-19", "EM", "rejected", settings=used)
    assert recorded.deck_settings == used
    assert store.workspace.deck.title == "Phase 2"


def test_an_archive_is_never_overwritten(store: WorkspaceStore, deck_file: Path) -> None:
    decks = store.decks_folder
    decks.mkdir()  # type: ignore[union-attr]
    squatter = decks / "2026-05-19-attempt-1.pptx"  # type: ignore[operator]
    squatter.write_bytes(b"kept")
    first = record_presentation(store, deck_file, "2026-05-19", "EM", "postponed")
    second = record_presentation(store, deck_file, "2026-05-19", "EM", "postponed")
    assert squatter.read_bytes() == b"kept"
    assert first.deck_file == "decks/2026-05-19-attempt-1-2.pptx"
    assert second.deck_file == "decks/2026-05-19-attempt-2.pptx"


def test_presenting_answers_the_open_objections_with_an_answer_in_one_write(
    store: WorkspaceStore, deck_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = record_presentation(store, deck_file, "2026-05-19", "EM", "postponed", objections=["Cost?", "Security?"])
    updated = store.workspace.presentations[0]
    updated.objections[0].answer = "1.35 M DKK a year saved"
    store.update(PRESENTATIONS, updated)
    writes: list[str] = []
    real = storage_module.Storage.flush
    monkeypatch.setattr(storage_module.Storage, "flush", lambda s: (s.dirty and writes.append("save"), real(s))[1])
    record_presentation(store, deck_file, "2026-09-22", "EM", "partly_approved", objections=["Outside Legal?"])
    assert writes == ["save"]
    statuses = {o.text: o.status for p in reopened(store).presentations for o in p.objections}
    assert statuses == {"Cost?": "answered", "Security?": "open", "Outside Legal?": "open"}
    assert first.id == "pr1"


def test_an_objection_raised_later_is_not_answered_by_an_earlier_presentation(
    store: WorkspaceStore, deck_file: Path
) -> None:
    later = Objection(text="Cost?", answer="Answered in writing")
    record_presentation(store, deck_file, "2026-09-22", "EM", "postponed", objections=[later])
    record_presentation(store, deck_file, "2026-05-19", "EM", "postponed")  # recorded late, held earlier
    assert [o.objection.text for o in open_objections(store.workspace)] == ["Cost?"]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"deck_file": "missing.pptx"}, "missing.pptx"),
        ({"date": "19-05-2026"}, "date: 19-05-2026 is not a date"),
        ({"date": "2026-02-30"}, "date: 2026-02-30"),
        ({"attendee_ids": ["l1", "ghost"]}, "attendee_ids[1]: ghost is not a stakeholder"),
        ({"outcome": "maybe"}, "outcome: maybe is not one of approved"),
        ({"objections": ["ok", "  "]}, "objections[1]"),
        ({"next_attempt": "2026-05-01"}, "next_attempt: 2026-05-01 is not after"),
        ({"next_attempt": "soon"}, "next_attempt: soon is not a date"),
    ],
)
def test_bad_input_is_named_and_changes_nothing(
    store: WorkspaceStore, deck_file: Path, change: dict[str, object], named: str
) -> None:
    record_presentation(store, deck_file, "2026-04-01", "EM", "postponed", objections=["Cost?"])
    store.workspace.presentations[0].objections[0].answer = "Cheap"
    store.update(PRESENTATIONS, store.workspace.presentations[0])
    before = store_path(store.folder).read_bytes()  # type: ignore[arg-type]
    archived = sorted(store.decks_folder.iterdir())  # type: ignore[union-attr]
    arguments: dict[str, object] = {"deck_file": deck_file, "date": "2026-05-19", "audience": "EM",
                                    "outcome": "postponed", **change}
    if arguments["deck_file"] == "missing.pptx":
        arguments["deck_file"] = deck_file.parent / "missing.pptx"
    with pytest.raises(InputError) as raised:
        record_presentation(store, **arguments)  # type: ignore[arg-type]
    assert named in str(raised.value)
    assert store_path(store.folder).read_bytes() == before  # type: ignore[arg-type]
    assert sorted(store.decks_folder.iterdir()) == archived  # type: ignore[union-attr]
    assert len(store.workspace.presentations) == 1
    assert store.workspace.presentations[0].objections[0].status == "open"


def test_the_error_is_translated(store: WorkspaceStore, deck_file: Path) -> None:
    with pytest.raises(InputError) as raised:
        record_presentation(store, deck_file, "2026-05-19", "EM", "postponed", attendee_ids=["ghost"])
    assert raised.value.message("da") == "attendee_ids[0]: ghost er ikke en interessent i dette arbejdsområde"


def test_the_app_can_undo_and_redo_a_recorded_presentation(store: WorkspaceStore, deck_file: Path) -> None:
    record_presentation(store, deck_file, "2026-05-19", "EM", "postponed",
                        objections=[Objection(text="Cost?", answer="Cheap")])
    edit = presentation_edit(store, deck_file, "2026-09-22", "EM", "approved")
    archived = store.folder / edit.edits[0].item.deck_file  # type: ignore[operator]
    assert archived.is_file() and len(store.workspace.presentations) == 1  # archived before, applied by the app
    edit.apply(store)
    assert [p.id for p in store.workspace.presentations] == ["pr1", "pr2"]
    assert open_objections(store.workspace) == []
    edit.revert(store)
    assert archived.is_file()  # kept while the workspace is open, for a redo
    assert [o.objection.text for o in open_objections(store.workspace)] == ["Cost?"]
    assert [p.id for p in reopened(store).presentations] == ["pr1"]
    assert not archived.exists()  # no presentation records it: the next opening removed it


def test_a_store_in_memory_records_the_deck_where_it_is(ws: Workspace, deck_file: Path) -> None:
    store = WorkspaceStore.in_memory(ws, CLOCK)
    recorded = record_presentation(store, deck_file, "2026-05-19", "EM", "postponed")
    assert recorded.deck_file == str(deck_file)
    assert recorded.deck_sha256 == hashlib.sha256(deck_file.read_bytes()).hexdigest()
