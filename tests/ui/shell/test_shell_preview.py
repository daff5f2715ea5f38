"""The slide preview on the Briefing page: thumbnails of the plan's slides, updated after an edit off
the UI thread, a large view with the lint's findings marked, in both languages, by keyboard too."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer

from briefing.deck.drawn import DrawnSlide


@pytest.fixture
def page(opened: Any) -> Any:
    opened.show_page("briefing")
    return opened.pages["briefing"]


def settled(page: Any, qtbot: Any) -> Any:
    """The page's preview once it shows the newest plan (waiting on its signal when a drawing runs). A
    page that plans on a worker (``checking``) is waited for first: the preview gets its plan after that."""
    preview = page.preview
    while getattr(page, "checking", False):
        with qtbot.waitSignal(page.checked, timeout=10_000):
            pass
    if preview.stale:
        with qtbot.waitSignal(preview.updated, timeout=10_000):
            pass
    return preview


def edit_title(page: Any, qtbot: Any, title: str) -> list[str]:
    """Type ``title`` into the deck's title and leave the field; what the preview said when the new plan came."""
    said: list[str] = []
    listening = page.preview.updating.connect(lambda: said.append(page.preview.status.text()))
    with qtbot.waitSignal(page.preview.updating, timeout=10_000):
        page.title.setText(title)
        page.title.editingFinished.emit()
    page.preview.updating.disconnect(listening)
    return said


def _slides(preview: Any) -> list[DrawnSlide]:
    return list(preview.model.slides)


def test_the_thumbnails_show_the_plan_s_slides_with_their_titles(page: Any, qtbot: Any) -> None:
    preview = settled(page, qtbot)
    plan = page.plan
    assert preview.model.rowCount() == len(plan.slides) > 10
    assert [s.title for s in _slides(preview)] == [s.title for s in plan.slides]
    first = preview.model.index(0)
    assert first.data() == f"1. {plan.slides[0].title}"
    assert preview.status.text() == f"{len(plan.slides)} slides as they will be exported. Click one to see it large."
    picture = preview.view.viewport().grab().toImage()
    rect = preview.view.visualRect(first)
    centre = picture.pixelColor(rect.center())
    assert centre.name().upper() == "#FFFFFF"  # the slide's own white, not the list's background


def test_an_edit_updates_the_preview_and_it_says_so_meanwhile(page: Any, qtbot: Any) -> None:
    preview = settled(page, qtbot)
    with qtbot.waitSignal(preview.updated, timeout=10_000):
        said = edit_title(page, qtbot, "A new name for the whole campaign")
    assert said == ["Updating the preview…"]
    first = _slides(preview)[0]
    assert first.title == "A new name for the whole campaign"
    assert "A new name for the whole campaign" in " ".join(first.texts())
    assert not preview.stale


def test_the_window_keeps_answering_while_the_preview_draws(
    page: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = settled(page, qtbot)
    from briefing.deck import drawing

    release = threading.Event()
    real_draw = drawing.draw

    def slow_draw(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return real_draw(*args, **kwargs)

    monkeypatch.setattr(drawing, "draw", slow_draw)
    edit_title(page, qtbot, "First name while it draws")
    assert preview.stale
    ticks: list[int] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=5_000)  # the event loop runs while the worker waits
    edit_title(page, qtbot, "Second name, the one to show")
    assert page.session.workspace.deck.title == "Second name, the one to show"  # the edit went through at once
    with qtbot.waitSignal(preview.updated, timeout=10_000):
        release.set()
    timer.stop()
    assert _slides(preview)[0].title == "Second name, the one to show"  # the newest request won


def _make_finding_on_the_summary(page: Any, qtbot: Any) -> Any:
    """A one-word ask makes the summary's title no claim: the lint finds it on slide 2."""
    preview = settled(page, qtbot)
    with qtbot.waitSignal(preview.updated, timeout=10_000):
        page.ask.setText("Approve")
        page.ask.editingFinished.emit()
    assert any(getattr(f, "slide", 0) == 2 and f.rule == "action_title" for f in page.findings)
    return preview


def test_a_click_shows_the_slide_large_with_its_finding_marked_on_the_title(page: Any, qtbot: Any) -> None:
    preview = _make_finding_on_the_summary(page, qtbot)
    index = preview.model.index(1)
    assert "⚠" in index.data(Qt.ItemDataRole.ToolTipRole)
    preview.view.scrollTo(index)
    with qtbot.waitSignal(preview.opened) as opened:
        where = preview.view.visualRect(index).center()
        qtbot.mouseClick(preview.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [2]
    dialog = preview.dialog
    qtbot.waitExposed(dialog)
    assert dialog.heading.text().startswith(f"Slide 2 of {preview.model.rowCount()}: ")
    listed = [dialog.findings_model.item(r).text() for r in range(dialog.findings_model.rowCount())]
    assert listed and listed[0].startswith("1  ")
    marks = dialog.canvas.mark_rects()
    slide = dialog.canvas.slide
    assert slide.number == 2 and marks
    from ui.slide_paint import box_rect

    title = box_rect(slide, slide.parts["title"], dialog.canvas._target())
    assert any(number == 1 and rect == title for number, rect in marks)
    picture = dialog.canvas.grab().toImage()
    edge = title.adjusted(-2, -2, 2, 2).topLeft().toPoint() + QPoint(20, 0)
    assert picture.pixelColor(edge).name().upper() == "#E0245E"  # the mark is drawn where the title is
    inside = title.center().toPoint()
    before = picture.pixelColor(inside)
    dialog.findings_view.setCurrentIndex(dialog.findings_model.index(0, 0))  # the finding chosen in the list
    after = dialog.canvas.grab().toImage().pixelColor(inside)
    assert dialog.canvas.chosen == 1 and after.red() > after.green() and after != before  # its mark tinted


def test_the_keyboard_reaches_every_slide_and_opens_one(page: Any, qtbot: Any) -> None:
    preview = settled(page, qtbot)
    preview.view.setFocus()
    preview.view.setCurrentIndex(preview.model.index(0))
    qtbot.keyClick(preview.view, Qt.Key.Key_End)
    assert preview.view.currentIndex().row() == preview.model.rowCount() - 1
    qtbot.keyClick(preview.view, Qt.Key.Key_Home)
    with qtbot.waitSignal(preview.opened) as opened:
        qtbot.keyClick(preview.view, Qt.Key.Key_Return)
    assert opened.args == [1]
    dialog = preview.dialog
    qtbot.keyClick(dialog, Qt.Key.Key_PageDown)
    assert dialog.canvas.slide.number == 2 and dialog.previous_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_large_view_follows_an_edit(page: Any, qtbot: Any) -> None:
    preview = settled(page, qtbot)
    preview.open_slide(preview.model.index(0))
    with qtbot.waitSignal(preview.updated, timeout=10_000):
        edit_title(page, qtbot, "Renamed while the slide is open")
    assert preview.dialog.canvas.slide.title == "Renamed while the slide is open"


def test_the_preview_speaks_danish(opened: Any, page: Any, qtbot: Any) -> None:
    preview = settled(page, qtbot)
    opened.set_language("da")
    settled(page, qtbot)
    count = preview.model.rowCount()
    assert preview.status.text() == f"{count} dias, som de bliver eksporteret. Klik på et for at se det stort."
    assert page.preview_box.title() == "Forhåndsvisning"
    assert preview.model.index(0).data(Qt.ItemDataRole.ToolTipRole).startswith("Dias 1: ")
    preview.open_slide(preview.model.index(0))
    assert preview.dialog.next_button.text() == "Næste dias"
    assert preview.dialog.heading.text().startswith(f"Dias 1 af {count}: ")


def test_a_template_that_cannot_be_read_empties_the_preview_and_says_why(
    page: Any, qtbot: Any, tmp_path: Any
) -> None:
    import dataclasses

    preview = settled(page, qtbot)
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"not a zip at all")
    with qtbot.waitSignal(preview.updated, timeout=10_000):
        page.apply_settings(dataclasses.replace(page.session.workspace.deck, template=str(broken)))
    assert preview.model.rowCount() == 0
    assert preview.status.text().startswith("The preview cannot be drawn: ")
    assert str(broken) in preview.status.text()
    with qtbot.waitSignal(preview.updated, timeout=10_000):
        page.apply_settings(dataclasses.replace(page.session.workspace.deck, template=""))
    assert preview.model.rowCount() == len(page.plan.slides)  # the built-in template again
