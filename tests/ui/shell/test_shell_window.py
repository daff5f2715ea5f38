"""The main window as a user meets it: the workspace named in the title, the six steps in the
sidebar, every page reachable by mouse and keyboard, the language switched live, and what the
app remembers between runs."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication
from shell_helpers import visible_texts

from briefing.i18n import tr
from briefing.store import WorkspaceStore, default_folder
from ui.main_window import PAGE_NAMES, MainWindow
from ui.settings import AppSettings


def test_the_title_names_the_app_and_the_open_workspace(opened: Any) -> None:
    assert "Briefing Composer" in opened.windowTitle()
    assert opened.session.workspace.campaign.name in opened.windowTitle()


def test_without_a_workspace_the_window_offers_new_open_and_the_demo(window: Any, prompts: Any) -> None:
    assert window.windowTitle() == "Briefing Composer"
    assert window.stack.currentWidget() is window.welcome
    assert not window.sidebar.isEnabled() and not window.menus.export_action.isEnabled()
    window.welcome_demo.click()
    assert window.session is not None and window.session.workspace.stakeholders
    assert window.current_page_name() == "overview"


def test_the_sidebar_follows_the_method_and_reaches_every_page(opened: Any, qtbot: Any) -> None:
    labels = [opened.nav_model.item(row).text() for row in range(opened.nav_model.rowCount())]
    assert labels == ["Overview", "1  Allies", "2  Leadership", "3  Evidence", "4  Problems & CSFs",
                      "5  Roadmap", "6  Briefing", "History"]
    for row, name in reversed(list(enumerate(PAGE_NAMES))):
        with qtbot.waitSignal(opened.page_shown, check_params_cb=lambda shown, n=name: shown == n):
            opened.sidebar.setCurrentIndex(opened.nav_model.index(row, 0))
        page = opened.pages[name]
        assert page.isVisible() and page.accessibleName()


def test_the_keyboard_moves_through_the_sidebar_and_the_go_to_shortcuts(opened: Any, qtbot: Any) -> None:
    opened.sidebar.setFocus()
    qtbot.keyClick(opened.sidebar, Qt.Key.Key_Down)
    assert opened.current_page_name() == "allies"
    qtbot.keyClick(opened.sidebar, Qt.Key.Key_End)
    assert opened.current_page_name() == "history"
    assert [a.shortcut().toString() for a in opened.menus.go_actions][:2] == ["Ctrl+1", "Ctrl+2"]
    opened.menus.go_actions[6].trigger()
    assert opened.current_page_name() == "briefing"
    assert opened.sidebar.accessibleName() == "The method's steps"



def test_the_sidebar_highlights_the_selected_step_and_the_one_under_the_mouse(opened: Any, qtbot: Any) -> None:
    sidebar = opened.sidebar
    opened.show_page("allies")
    palette = sidebar.palette()

    def fill(row: int) -> QColor:
        """The colour just inside the left end of the row's rounded highlight (left of its text)."""
        rect = sidebar.visualRect(opened.nav_model.index(row, 0))
        return sidebar.viewport().grab().toImage().pixelColor(rect.left() + 12, rect.center().y())

    assert fill(1) == palette.color(QPalette.ColorRole.Highlight)
    assert fill(3) == palette.color(QPalette.ColorRole.Base)
    for row in (0, 3):  # (a move to where the pointer already is, after an earlier test, sends nothing)
        qtbot.mouseMove(sidebar.viewport(), sidebar.visualRect(opened.nav_model.index(row, 0)).center())
    assert sidebar.hovered_row == 3
    assert fill(3) == palette.color(QPalette.ColorRole.AlternateBase)
    QApplication.sendEvent(sidebar, QEvent(QEvent.Type.Leave))
    assert sidebar.hovered_row == -1
    assert fill(3) == palette.color(QPalette.ColorRole.Base)


def test_the_menus_hold_the_desktop_commands_with_standard_shortcuts(opened: Any) -> None:
    assert opened.menus.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert opened.menus.new_action.shortcut() == QKeySequence("Ctrl+Shift+N")  # Ctrl+N adds an item on the pages
    platform_quit = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert opened.menus.quit_action.shortcut() == (platform_quit[0] if platform_quit else QKeySequence("Ctrl+Q"))
    assert opened.menus.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert opened.menus.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert [a.text() for a in opened.menus.go_actions[:2]] == ["Go to Overview", "Go to Allies"]  # no step number
    file_texts = [a.text() for a in opened.menus.file_menu.actions() if a.text()]
    assert file_texts[:3] == ["&New workspace…", "&Open workspace…", "Open &recent"]
    assert "Import &survey…" in file_texts and "&Export deck…" in file_texts


def test_switching_the_language_changes_every_text_at_once(opened: Any, qtbot: Any, settings: Any) -> None:
    for name in PAGE_NAMES:
        opened.show_page(name)
    with qtbot.waitSignal(opened.language_changed):
        opened.menus.language_actions["da"].trigger()
    assert opened.nav_model.item(1).text() == "1  Allierede"
    assert opened.menus.file_menu.title() == "&Filer"
    assert opened.menus.undo_action.text().startswith("Fortryd")
    overview = visible_texts(opened.pages["overview"])
    assert "trin gennemført" in overview and "Gå til trinnet" in overview
    assert "Eksportér præsentation…" in visible_texts(opened.pages["briefing"])
    assert "Præsentationshistorik" in visible_texts(opened.pages["history"])
    assert settings.language() == "da"
    opened.menus.language_actions["en"].trigger()
    assert "steps done" in visible_texts(opened.pages["overview"])



def test_qts_own_buttons_speak_the_apps_language(opened: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    def texts() -> list[str]:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        return sorted(button.text() for button in box.buttons())

    from PySide6.QtCore import QLocale

    opened.set_language("da")
    assert texts() == ["Annuller", "Gem"]
    assert QLocale().monthName(12) == "december"  # the calendars of date fields
    opened.set_language("en")
    assert texts() == ["Cancel", "Save"] and QLocale().monthName(12) == "December"

def test_the_window_remembers_its_geometry_the_workspace_and_the_language(
    qtbot: Any, tmp_path: Path, demo_folder: Path, prompts: Any, clock: Any
) -> None:
    ini = str(tmp_path / "remember.ini")
    first = MainWindow(AppSettings(QSettings(ini, QSettings.Format.IniFormat)), prompts, clock)
    qtbot.addWidget(first)
    first.resize(701, 503)
    first.show()
    first.open_folder(demo_folder)
    first.set_language("da")
    first.close()

    settings = AppSettings(QSettings(ini, QSettings.Format.IniFormat))
    assert settings.last_workspace() == demo_folder.resolve()
    assert settings.recent_workspaces() == [demo_folder.resolve()]
    assert settings.language() == "da"
    second = MainWindow(settings, prompts, clock)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (701, 503)
    second.close()


def test_the_recent_menu_lists_the_workspaces_opened_and_reopens_one(
    window: Any, demo_folder: Path, tmp_path: Path, qtbot: Any
) -> None:
    window.open_folder(demo_folder)
    window.open_folder(tmp_path / "other")
    window.menus.recent_menu.aboutToShow.emit()
    entries = [a.data() for a in window.menus.recent_menu.actions()]
    assert entries == [str((tmp_path / "other").resolve()), str(demo_folder.resolve())]
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):  # the store loads on a worker
        window.menus.recent_menu.triggered.emit(window.menus.recent_menu.actions()[1])
        assert window.status.text() == f"Opening {demo_folder.name}…"  # meanwhile the window says so
        assert window.session.store.folder == tmp_path / "other"  # and the open one stays usable
    assert window.session.store.folder == demo_folder


def test_new_workspace_opens_an_empty_folder_and_releases_the_previous_lock(
    opened: Any, prompts: Any, tmp_path: Path, demo_folder: Path, clock: Any
) -> None:
    prompts.folder = tmp_path / "fresh"
    opened.menus.new_action.trigger()
    assert opened.session.store.folder == tmp_path / "fresh"
    assert opened.session.workspace.stakeholders == []
    with WorkspaceStore.open(demo_folder, clock) as again:  # the lock of the first workspace was released
        assert again.workspace.stakeholders


def test_a_start_without_arguments_opens_the_last_workspace_else_the_default(
    qtbot: Any, settings: Any, prompts: Any, demo_folder: Path
) -> None:
    from ui.app import build_window, parse_args

    window = build_window(parse_args([]), settings, prompts)
    qtbot.addWidget(window)
    assert window.session.store.folder == default_folder()
    window.close()
    settings.remember_workspace(demo_folder)
    window = build_window(parse_args([]), settings, prompts)
    qtbot.addWidget(window)
    assert window.session.store.folder == demo_folder.resolve()
    window.close()
    shutil.rmtree(demo_folder)  # the last workspace was deleted since: the default one opens, nothing is re-made
    window = build_window(parse_args([]), settings, prompts)
    qtbot.addWidget(window)
    assert window.session.store.folder == default_folder() and not demo_folder.exists()
    window.close()


@pytest.mark.parametrize("xdg", [True, False])
def test_the_app_and_the_command_line_keep_workspaces_in_the_same_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg: bool
) -> None:
    """The app asks Qt (QStandardPaths), the Qt-free command line platformdirs: the same folder."""
    from ui import workspaces

    if xdg:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    else:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert workspaces.data_folder() == default_folder().parent
    assert workspaces.start_folder(None) == default_folder()

def test_open_and_recent_never_make_a_workspace_of_a_folder_without_one(
    window: Any, prompts: Any, settings: Any, demo_folder: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "holiday photos"
    plain.mkdir()
    prompts.folder = plain
    window.menus.open_action.trigger()
    assert window.session is None and list(plain.iterdir()) == []
    name, error = prompts.asked[-1]
    assert name == "failed" and "holds no workspace" in error.message() and "New workspace" in error.message()
    window.open_folder(demo_folder)
    window.open_folder(tmp_path / "second")
    shutil.rmtree(demo_folder)  # moved away since
    window.menus.recent_menu.aboutToShow.emit()
    gone = next(a for a in window.menus.recent_menu.actions() if a.data() == str(demo_folder.resolve()))
    window.menus.recent_menu.triggered.emit(gone)
    assert not demo_folder.exists() and window.session.store.folder == tmp_path / "second"
    assert prompts.names()[-1] == "failed"
    assert demo_folder.resolve() not in settings.recent_workspaces()


def test_an_empty_workspace_offers_the_demo_in_one_click(window: Any, tmp_path: Path) -> None:
    window.open_folder(tmp_path / "first start")
    overview = window.pages["overview"]
    assert overview.demo_button.isVisible() and overview.demo_button.text() == "Look around the demo campaign first"
    overview.demo_button.click()
    assert window.session.workspace.stakeholders and window.current_page_name() == "overview"
    assert not window.pages["overview"].demo_button.isVisible()


def test_demo_opens_the_demo_campaign_in_the_chosen_language(qtbot: Any, settings: Any, prompts: Any) -> None:
    from ui.app import build_window, choose_language, parse_args

    args = parse_args(["--demo", "--lang", "da"])
    choose_language(args, settings)
    window = build_window(args, settings, prompts)
    qtbot.addWidget(window)
    assert window.session.workspace.campaign.language == "da"
    assert window.nav_model.item(0).text() == "Overblik"
    assert "demo-da" in str(window.session.store.folder)
    window.close()


def test_about_is_in_the_help_menu(opened: Any, prompts: Any) -> None:
    opened.menus.about_action.trigger()
    assert prompts.names()[-1] == "about"
    assert tr("shell.about.text", "da", version="1").startswith("<b>Briefing Composer 1</b>")


def test_the_status_bar_names_the_workspace_and_its_folder_under_home_as_a_tilde(
    window: Any, demo_folder: Path, tmp_path: Path
) -> None:
    window.home = tmp_path
    assert window.open_folder(demo_folder)
    text = window.status.text()
    assert window.session.workspace.campaign.name in text
    assert text.endswith("~/nordvik") and str(tmp_path) not in text


def test_a_folder_outside_home_is_shown_in_full(tmp_path: Path) -> None:
    from ui.workspaces import short_folder

    assert short_folder(tmp_path / "a" / "b", home=tmp_path) == "~/a/b"
    assert short_folder(tmp_path, home=tmp_path) == "~"
    assert short_folder(tmp_path / "x", home=tmp_path / "elsewhere") == str(tmp_path / "x")
    assert short_folder(None) == ""


def test_a_switch_to_dark_while_open_redraws_charts_marks_and_headings(opened: Any, qtbot: Any) -> None:
    from matplotlib.colors import to_hex
    from PySide6.QtWidgets import QApplication

    from briefing.charts.theme import luminance
    from ui import style
    from ui.pages.overview import STATUS_COLORS_DARK

    opened.show_page("allies")
    chart = opened.pages["allies"].map
    opened.pages["allies"].tabs.setCurrentWidget(opened.pages["allies"].map_tab)
    qtbot.waitUntil(lambda: chart.figure is not None)
    overview = opened.page("overview")
    card = overview.cards[0]
    heading = opened.pages["allies"].people.form.heading
    app = QApplication.instance()
    try:
        style.apply(app, dark=True)
        qtbot.waitUntil(lambda: luminance(to_hex(chart.figure.get_facecolor())) < 0.4)
        mark = card.mark.palette().color(QPalette.ColorRole.WindowText).name().upper()
        assert mark == STATUS_COLORS_DARK[card.status].upper()
        text, window = (heading.palette().color(role) for role in (QPalette.ColorRole.WindowText,
                                                                     QPalette.ColorRole.Window))
        assert text.lightness() > window.lightness()  # light on dark, readable
    finally:
        style.apply(app, dark=False)
    qtbot.waitUntil(lambda: luminance(to_hex(chart.figure.get_facecolor())) > 0.6)


def test_a_chart_out_of_sight_takes_a_switch_to_dark_when_next_shown(opened: Any, qtbot: Any) -> None:
    from matplotlib.colors import to_hex

    from briefing.charts.theme import luminance
    from ui import style

    opened.show_page("allies")
    chart = opened.pages["allies"].map
    opened.pages["allies"].tabs.setCurrentWidget(opened.pages["allies"].map_tab)
    qtbot.waitUntil(lambda: chart.figure is not None)
    opened.show_page("overview")
    light = chart.figure
    app = QApplication.instance()
    try:
        style.apply(app, dark=True)
        assert chart.figure is light  # nothing drawn out of sight
        opened.show_page("allies")
        qtbot.waitUntil(lambda: luminance(to_hex(chart.figure.get_facecolor())) < 0.4)
    finally:
        style.apply(app, dark=False)

