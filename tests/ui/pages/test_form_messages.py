"""A problem the user must see reads white on red, and nothing shows while there is none."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.forms.form import message_label, show_message


def test_a_problem_shows_white_on_red_and_hides_when_solved(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = message_label(window)
    QVBoxLayout(window).addWidget(label)
    window.show()
    assert not label.isVisible()
    show_message(label, "Value: many is not a number")
    assert label.isVisible() and label.text() == "Value: many is not a number"
    picture = label.grab().toImage()
    corner = QColor(picture.pixel(picture.width() // 2, 1))
    assert (corner.red(), corner.green(), corner.blue()) == (0xB3, 0x26, 0x1E)
    show_message(label, "")
    assert not label.isVisible()
