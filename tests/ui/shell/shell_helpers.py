"""Helpers for the shell's tests."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QWidget


def visible_texts(widget: QWidget) -> str:
    """Every label's, button's and group's text inside ``widget``, joined (to look for a language)."""
    from PySide6.QtWidgets import QGroupBox, QLabel

    parts = [label.text() for label in widget.findChildren(QLabel)]
    parts += [button.text() for button in widget.findChildren(QAbstractButton)]
    parts += [box.title() for box in widget.findChildren(QGroupBox)]
    return "\n".join(parts)
