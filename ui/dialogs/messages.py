"""Message boxes for what goes wrong with a workspace: locked, damaged, not saved, refused.

Each builder returns the box unshown, so a caller decides how to show it (``exec`` in the app,
``open`` and a click in tests) and reads the answer with ``answer(box)``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from briefing.errors import BriefingError
from briefing.i18n import format_date, tr
from briefing.store import StoreDamaged, WorkspaceLocked

Button = QMessageBox.StandardButton


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(tr("shell.app_name"))
    box.setText(title)
    box.setInformativeText(detail or text)
    box.setAccessibleName(title)
    box.setObjectName("message")
    return box


def locked_box(error: WorkspaceLocked, parent: QWidget | None = None) -> QMessageBox:
    """The lock's refusal: names the copy that holds the workspace (process, host, since)."""
    since = _moment(str(error.params.get("since", "?")))
    text = tr(error.key, **{**error.params, "since": since}) + ".\n\n" + tr("shell.locked.advice")
    box = _box(parent, QMessageBox.Icon.Warning, tr("shell.locked.title"), "", text)
    box.setStandardButtons(Button.Ok)
    return box


def _moment(iso: str) -> str:
    """An ISO time as the user reads it (``27 November 2026 05:09``); as it is when it is not one."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{format_date(moment.date())} {moment:%H:%M}"


def damaged_box(error: StoreDamaged, can_restore: bool, parent: QWidget | None = None) -> QMessageBox:
    """A damaged store: the message (file, line and column) and, when a backup is valid, the offer to restore it."""
    advice = tr("shell.damaged.offer") if can_restore else tr("shell.damaged.no_backup")
    box = _box(parent, QMessageBox.Icon.Critical, tr("shell.damaged.title"), "", f"{error.message()}\n\n{advice}")
    if can_restore:
        restore = box.addButton(tr("shell.damaged.restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restore")
        box.addButton(Button.Cancel)
        box.setDefaultButton(restore)
    else:
        box.setStandardButtons(Button.Ok)
    return box


def save_failed_box(error: BriefingError, parent: QWidget | None = None) -> QMessageBox:
    """A failed save: the edit is kept in memory; Retry writes it, Later keeps it there."""
    box = _box(parent, QMessageBox.Icon.Critical, tr("shell.save_failed.title"), "",
               f"{error.message()}\n\n{tr('shell.save_failed.kept')}")
    retry = box.addButton(tr("shell.save_failed.retry"), QMessageBox.ButtonRole.AcceptRole)
    retry.setObjectName("retry")
    later = box.addButton(tr("shell.save_failed.later"), QMessageBox.ButtonRole.RejectRole)
    later.setObjectName("later")
    box.setDefaultButton(retry)
    return box


def error_box(error: BaseException | str, parent: QWidget | None = None) -> QMessageBox:
    """Any other refusal, shown as it is (a BriefingError names the file and the place)."""
    text = error.message() if isinstance(error, BriefingError) else str(error)
    box = _box(parent, QMessageBox.Icon.Warning, tr("shell.error.title"), "", text)
    box.setStandardButtons(Button.Ok)
    return box


def accepted(box: QMessageBox) -> bool:
    """True when the user chose the box's accepting button (Restore, Retry)."""
    clicked: QAbstractButton | None = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole
