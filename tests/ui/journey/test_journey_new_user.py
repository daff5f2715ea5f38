"""Journey 1: a new user builds a campaign from an empty workspace, step by step through the six
pages of the real main window, watches the readiness cards follow, then undoes everything back
to the empty workspace and redoes it all — the store on disk matching memory after every step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from journey_helpers import disk_json, fill, memory_json
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from briefing.store import WorkspaceStore

SURVEYS = ("googleforms-knowledge-pulse-en.csv", "msforms-videndeling-da.xlsx", "surveymonkey-videndeling-da.csv")


class Trail:
    """What the workspace looked like after each step of undo (by the undo stack's index)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.states: dict[int, str] = {}
        self.record()

    @property
    def store(self) -> Any:
        return self.window.session.store

    def record(self) -> None:
        """Note the workspace now, and check that the store on disk holds exactly it."""
        now = memory_json(self.store)
        assert disk_json(self.store.folder) == now
        self.states[self.window.session.undo_stack.index()] = now

    def check(self) -> None:
        """The workspace (in memory and on disk) is the one noted at the undo stack's index."""
        index = self.window.session.undo_stack.index()
        now = memory_json(self.store)
        assert disk_json(self.store.folder) == now, f"disk differs from memory at undo index {index}"
        if index in self.states:  # (the steps inside a multi-file import were not noted one by one)
            assert now == self.states[index], f"the workspace differs from before at undo index {index}"


def _statuses(qtbot: Any, window: Any) -> dict[str, str]:
    """The steps as the Overview shows them (it computes them while shown), then back to the page before."""
    back = window.current_page_name()
    overview = window.pages["overview"] if back == "overview" else _go(qtbot, window, "overview")
    qtbot.waitUntil(lambda: not overview.computing.outdated, timeout=10_000)
    statuses = {card.key: card.status for card in overview.cards}
    if back != "overview":
        _go(qtbot, window, back)
    return statuses


def _go(qtbot: Any, window: Any, name: str) -> Any:
    """Click the page in the sidebar, as a user would."""
    from ui.main_window import PAGE_NAMES

    index = window.nav_model.index(PAGE_NAMES.index(name), 0)
    rect = window.sidebar.visualRect(index)
    with qtbot.waitSignal(window.page_shown, timeout=5000) as shown:
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [name]
    return window.pages[name]


def _add(qtbot: Any, section: Any, trail: Trail, **values: Any) -> Any:
    """Add an item through a section's add button and form; returns the item added."""
    section.panel.add_button.click()
    assert section.form.adding
    fill(qtbot, section.form, **values)
    section.form.save_button.click()
    assert section.form.errors() == {}
    trail.record()
    return section.current()


def _edit_cell(qtbot: Any, view: Any, row: int, column: int, text: str) -> None:
    """Type ``text`` into a table cell and press Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert editor is not None, "no editor opened on the cell"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)  # the delegate commits and closes queued


def _choose_in_cell(qtbot: Any, view: Any, row: int, column: int, value: str) -> None:
    """Pick ``value`` in a choice cell's combo box and press Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QComboBox), "a choice cell edits with a combo box"
    editor.setCurrentIndex(editor.findData(value))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)


def _double_click(qtbot: Any, widget: Any, pos: Any) -> None:
    """A real double-click: press, release, then the double-click event (QTest's alone has no first release)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def test_a_new_user_builds_the_campaign_then_undoes_and_redoes_all_of_it(
    qtbot: Any, make_window: Any, tmp_path: Path, samples: Path, clock: Any
) -> None:
    window = make_window()
    folder = tmp_path / "campaign"
    window.prompts.folder = folder
    window.menus.new_action.trigger()  # File → New workspace…
    assert window.session is not None and window.session.store.folder == folder
    assert "campaign" in window.windowTitle()
    trail = Trail(window)
    empty = trail.states[0]
    assert set(_statuses(qtbot, window).values()) == {"missing"}

    # -- 1. Allies: two people through the form, two dialogues with the ally ---------------------
    allies = _go(qtbot, window, "allies")
    ida = _add(qtbot, allies.people, trail, name="Ida Vestergaard", role="Head of Sales Operations",
               department="Sales", stance="champion", influence=4, interest=5, drive=5, foresight=4)
    assert (ida.name, ida.stance) == ("Ida Vestergaard", "champion")
    henrik = _add(qtbot, allies.people, trail, name="Henrik Holm", role="CEO", stance="neutral", influence=5)
    assert allies.stakeholders.rowCount() == 2
    allies.people.panel.select(ida.id)
    for day, summary in (("2026-11-20", "Lunch: contracts are hard to find"), ("2026-11-26", "Agreed a pilot")):
        allies.log.panel.add_button.click()
        assert allies.log.form.adding
        fill(qtbot, allies.log.form, date=day, channel="meeting", summary=summary)
        allies.log.form.save_button.click()
        assert allies.log.form.errors() == {}
        trail.record()
    assert allies.dialogues.rowCount() == 2
    assert [d.stakeholder_id for d in window.session.workspace.dialogues] == [ida.id, ida.id]
    assert _statuses(qtbot, window)["allies"] != "missing"

    # -- 2. Leadership: Henrik decides; one contact with three references → give them air -------
    leadership = _go(qtbot, window, "leadership")
    assert leadership.leaders.rowCount() == 0 and _statuses(qtbot, window)["leadership"] == "missing"
    allies = _go(qtbot, window, "allies")  # the Leadership page has no form: decision makers are marked on Allies
    allies.people.panel.select(henrik.id)
    fill(qtbot, allies.people.form, decision_maker=True)
    allies.people.form.save_button.click()
    trail.record()
    allies.log.panel.add_button.click()
    fill(qtbot, allies.log.form, channel="meeting", summary="Board pre-meeting", references_shared=3)
    allies.log.form.save_button.click()
    trail.record()
    leadership = _go(qtbot, window, "leadership")
    assert leadership.leaders.rowCount() == 1 and leadership.contacts.rowCount() == 1
    assert leadership.banner.isVisible() and leadership.banner.level == "warning"
    assert "air" in leadership.banner.text().lower()
    assert _statuses(qtbot, window)["leadership"] == "attention"

    # -- 3. Evidence: the three sample surveys through File → Import survey, an initiative, a KPI --
    window.prompts.files = [samples / "surveys" / name for name in SURVEYS]
    window.menus.import_survey_action.trigger()
    assert window.current_page_name() == "evidence"
    evidence = window.pages["evidence"]
    surveys = window.session.workspace.surveys
    assert len(surveys) == 3 and all(s.responses and s.questions for s in surveys)
    assert evidence.surveys.rowCount() == 3
    qtbot.waitUntil(lambda: not evidence.analysing.working, timeout=10_000)
    assert evidence.analysis.toPlainText().strip()
    trail.record()
    evidence.tabs.setCurrentIndex(1)
    initiatives = evidence.initiative_tab
    pilot = _add(qtbot, initiatives.initiative_section, trail, title="Contract repository pilot", status="running",
                 sponsor_id=ida.id, budget="150000", start="2026-09-01")
    assert pilot.sponsor_id == ida.id
    initiatives.kpi_panel.add_button.click()
    trail.record()
    view = initiatives.kpi_panel.view
    kpis = initiatives.kpis
    headers = [kpis.headerData(c, Qt.Orientation.Horizontal) for c in range(kpis.columnCount())]
    for header, text in (("Name", "Minutes to find a contract"), ("Unit", "min"), ("Baseline", "45"),
                         ("Target", "10")):
        _edit_cell(qtbot, view, 0, headers.index(header), text)
        trail.record()
    _choose_in_cell(qtbot, view, 0, headers.index("Better when"), "down")
    trail.record()
    for day, value in (("2026-10-01", "30"), ("2026-11-15", "12")):
        initiatives.measurement_date.setText(day)
        initiatives.measurement_value.setText(value)
        initiatives.add_measurement_button.click()
        assert not initiatives.measurement_message.isVisible(), initiatives.measurement_message.text()
        trail.record()
    kpi = window.session.workspace.initiatives[0].kpis[0]
    assert (kpi.name, kpi.unit, kpi.baseline, kpi.target, kpi.direction) == (
        "Minutes to find a contract", "min", 45.0, 10.0, "down")
    assert [m.value for m in kpi.measurements] == [30.0, 12.0]
    assert initiatives.measurements.rowCount() == 2
    assert _statuses(qtbot, window)["proof"] == "done"

    # -- 4. Problems & CSFs, linked in the matrix -------------------------------------------------
    problems = _go(qtbot, window, "problems")
    _add(qtbot, problems.problem_section, trail, process="Contract management",
         title="Contracts cannot be found quickly", impact="Risk of lawsuits", severity=5)
    _add(qtbot, problems.csf_section, trail, title="Any contract found in two minutes")
    matrix = problems.matrix
    assert (matrix.rowCount(), matrix.columnCount()) == (1, 2)  # the problem and the initiative
    for column in (0, 1):
        rect = problems.matrix_view.visualRect(matrix.index(0, column))
        _double_click(qtbot, problems.matrix_view.viewport(), rect.center())
        assert matrix.index(0, column).data() == "✓"
        trail.record()
    ws = window.session.workspace
    assert ws.csfs[0].problem_ids == [ws.problems[0].id] and ws.initiatives[0].csf_ids == [ws.csfs[0].id]
    assert _statuses(qtbot, window)["problems"] == "done"

    # -- 5. Roadmap: a risky first phase warns until it is made low-risk ---------------------------
    roadmap = _go(qtbot, window, "roadmap")
    assert not roadmap.banner.isVisible()
    first = _add(qtbot, roadmap.section, trail, name="Pilot in Legal", start="2027-01-04", end="2027-03-31",
                 risk="medium", cost="200000")
    assert roadmap.banner.isVisible() and roadmap.banner.level == "warning"
    assert "Pilot in Legal" in roadmap.banner.text()
    _add(qtbot, roadmap.section, trail, name="Roll-out to Sales", start="2027-04-01", end="2027-09-30", risk="low")
    assert roadmap.banner.isVisible() and _statuses(qtbot, window)["plan"] == "attention"
    roadmap.section.panel.select(first.id)
    fill(qtbot, roadmap.section.form, risk="low")
    roadmap.section.form.save_button.click()
    trail.record()
    assert not roadmap.banner.isVisible()
    assert _statuses(qtbot, window)["plan"] == "done"

    # -- Overview: every step reflected; the deck's step is checked on a worker ----------------------
    overview = _go(qtbot, window, "overview")  # (checked now, or already while the steps above were looked at)
    qtbot.waitUntil(lambda: overview.deck is not None and not window.runner.busy, timeout=30000)
    statuses = _statuses(qtbot, window)
    assert statuses["allies"] == "attention"  # one ally, three wanted
    assert (statuses["leadership"], statuses["proof"], statuses["problems"], statuses["plan"]) == (
        "attention", "done", "done", "done")
    assert statuses["deck"] == "missing"  # no ask written yet: a deck that asks for nothing is not ready
    assert overview.summary.text().startswith("3 of 6") and overview.progress.value() == 3

    # -- Edit → Undo back to the empty workspace, Edit → Redo all the way forward ------------------
    done_all = memory_json(trail.store)
    steps = window.session.undo_stack.index()
    assert steps == window.session.undo_stack.count() == len(trail.states) - 1 + 2  # 3 imports, noted once
    while window.menus.undo_action.isEnabled():
        window.menus.undo_action.trigger()
        trail.check()
    assert window.session.undo_stack.index() == 0 and memory_json(trail.store) == empty
    with qtbot.waitSignal(overview.deck_checked, timeout=30000):
        pass  # the one check of the deck the undo scheduled (the page is shown)
    assert {key: status for key, status in _statuses(qtbot, window).items() if key != "deck"} == dict.fromkeys(
        ("allies", "leadership", "proof", "problems", "plan"), "missing")
    while window.menus.redo_action.isEnabled():
        window.menus.redo_action.trigger()
        trail.check()
    assert window.session.undo_stack.index() == steps and memory_json(trail.store) == done_all

    # -- closed and opened again, the workspace is the one built ---------------------------------------
    window.close()
    with WorkspaceStore.open(folder, clock) as again:
        assert memory_json(again) == done_all


def test_an_empty_workspace_has_no_deck_ready(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    assert window.open_folder(tmp_path / "empty")
    overview = window.pages["overview"]
    with qtbot.waitSignal(overview.deck_checked, timeout=30000):
        pass
    assert _statuses(qtbot, window)["deck"] != "done"
