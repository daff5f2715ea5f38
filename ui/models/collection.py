"""A table model over one collection of the session's workspace.

The model keeps its own list of the items it shows (a mirror). When the session reports a
change to its collection, it compares the mirror with the workspace by id and turns the
difference into precise row signals: removed rows, inserted rows, and ``dataChanged`` for the
rows whose item was replaced. Only a whole-workspace replacement resets the model.

Editing a cell applies an UpdateItem through ``session.do`` (one step of undo). Bad input
changes nothing: the message is kept as the cell's tooltip and sent with ``edit_failed``.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from briefing.edits import UpdateItem
from briefing.errors import BriefingError
from briefing.i18n import Message, tr
from briefing.model.collections import Collection, Entity, Part
from briefing.store import Change
from ui.models.columns import Column
from ui.session import Session

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex
ANSWERED_ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE, ITEM_ROLE))
"""The roles a table's cells answer: a view asks for about ten roles a cell each time it measures or
paints one, and the others are answered at once."""


class CollectionTableModel(QAbstractTableModel):
    """Rows are the items of ``collection`` that pass ``accept``; columns are ``columns``
    (``collection`` None: rows that subclasses compute).

    Signals:
        edit_failed(BriefingError): a cell edit was refused; its message names the field and the problem.
    """

    edit_failed = Signal(object)

    def __init__(
        self,
        session: Session,
        collection: Collection[Entity] | None,
        columns: Sequence[Column],
        accept: Callable[[Any], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.collection = collection
        self.columns = list(columns)
        self._accept = accept
        self._items: list[Any] = self._current()
        self._errors: dict[tuple[str, int], BriefingError] = {}
        """The refusal of a cell's last edit (its tooltip), translated when shown."""
        session.changed.connect(self.on_session_changed)

    # -- reading -----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def item(self, row: int) -> Any:
        return self._items[row]

    def items(self) -> list[Any]:
        return list(self._items)

    def row_of(self, item_id: str) -> int:
        """The row showing ``item_id``, or -1."""
        return next((row for row, key in enumerate(self._keys(self._items)) if key == item_id), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        item, column = self._items[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None if column.kind == "bool" and role == Qt.ItemDataRole.DisplayRole else column.text(item)
        if role == Qt.ItemDataRole.EditRole:
            return column.edit_value(item)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if column.value(item) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            error = self._errors.get((_key(item, index.row()), index.column()))
            return error.message() if error is not None else None
        if role == SORT_ROLE:
            return column.sort_key(item)
        if role == ITEM_ROLE:
            return _key(item, index.row())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.columns):
            return tr(self.columns[section].header)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable if column.kind == "bool" else Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing -----------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.columns[index.column()].editable:
            return False
        column, old = self.columns[index.column()], self._items[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        key = (_key(old, index.row()), index.column())
        try:
            new = column.with_value(old, value)
            if new == old:
                return False
            self.commit(old, new, Message("pages.undo.edit", {"field": Message(column.header)}))
        except BriefingError as error:
            self._errors[key] = error
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])
            self.edit_failed.emit(error)
            return False
        self._errors.pop(key, None)
        return True

    def commit(self, old: Any, new: Any, text: Message) -> None:
        """Apply the change of one row as one step of undo."""
        assert self.collection is not None, "rows computed, not stored"
        self.session.do(UpdateItem(self.collection, old, new), text)

    # -- following the session ------------------------------------------------------------------

    def set_accept(self, accept: Callable[[Any], bool] | None) -> None:
        """Show other items of the collection (e.g. the dialogues of another person)."""
        self.beginResetModel()
        self._accept = accept
        self._items = self._current()
        self._errors.clear()
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers and texts in the new language."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._items and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(self.columns) - 1))

    def on_session_changed(self, changes: list[Change]) -> None:
        if any(change.collection is None for change in changes):
            self.beginResetModel()
            self._items = self._current()
            self.endResetModel()
        elif any(change.touches(*self._shows()) for change in changes):
            self.sync()

    def _shows(self) -> tuple[Part, ...]:
        """The parts of the workspace whose changes this model shows (subclasses add those their columns show)."""
        return (self.collection,) if self.collection is not None else ()

    def sync(self) -> None:
        """Bring the mirror in line with the workspace with precise row signals."""
        current = self._current()
        old_ids, new_ids = self._keys(self._items), self._keys(current)
        matcher = difflib.SequenceMatcher(a=old_ids, b=new_ids, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag in ("delete", "replace"):
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del self._items[i1:i2]
                self.endRemoveRows()
            if tag in ("insert", "replace"):
                self.beginInsertRows(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                self._items[i1:i1] = current[j1:j2]
                self.endInsertRows()
        self._refresh_replaced(current)

    def _refresh_replaced(self, current: list[Any]) -> None:
        changed = [row for row, item in enumerate(current) if not self._same(self._items[row], item)]
        for row in changed:
            self._items[row] = current[row]
        for first, last in _ranges(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def _keys(self, items: list[Any]) -> list[str]:
        """What identifies each row across changes: the item's id, else its position."""
        return [_key(item, position) for position, item in enumerate(items)]

    def _same(self, shown: Any, current: Any) -> bool:
        """True when a row needs no refresh; the store replaces an item on every update."""
        return shown is current

    def _current(self) -> list[Any]:
        items = self.collection.items(self.session.workspace) if self.collection is not None else []
        return [item for item in items if self._accept is None or self._accept(item)]


def _key(item: Any, position: int) -> str:
    """What identifies a row across changes: the item's id, else its position."""
    return str(getattr(item, "id", position))


def _ranges(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive rows as (first, last) pairs."""
    ranges: list[tuple[int, int]] = []
    for row in rows:
        if ranges and ranges[-1][1] == row - 1:
            ranges[-1] = (ranges[-1][0], row)
        else:
            ranges.append((row, row))
    return ranges


class DerivedTableModel(CollectionTableModel):
    """A read-only table of rows computed from the workspace (e.g. the overdue allies).

    ``compute()`` returns the rows (each with an ``id``); they are recomputed when one of the
    ``depends`` collections changes and compared with the shown rows by id and value.
    """

    def __init__(
        self,
        session: Session,
        columns: Sequence[Column],
        compute: Callable[[], list[Any]],
        depends: Sequence[Part],
        parent: QObject | None = None,
    ) -> None:
        self._compute = compute
        self._depends = tuple(depends)
        super().__init__(session, None, columns, parent=parent)

    def _current(self) -> list[Any]:
        return self._compute()

    def _shows(self) -> tuple[Part, ...]:
        return self._depends

    def _same(self, shown: Any, current: Any) -> bool:
        return bool(shown == current)


class NestedTableModel(CollectionTableModel):
    """The items of a list inside one item (a survey's questions, an initiative's KPIs).

    ``path`` leads from the owner to the list: ``("questions",)`` or ``("kpis", "k1", "measurements")``
    (an attribute, then the id of an item in it, then an attribute …). Editing a row updates the
    owner as one step of undo.
    """

    def __init__(
        self,
        session: Session,
        collection: Collection[Entity],
        columns: Sequence[Column],
        path: Sequence[str],
        parent: QObject | None = None,
    ) -> None:
        self.owner_id: str | None = None
        self.path = list(path)
        super().__init__(session, collection, columns, parent=parent)

    def set_owner(self, owner_id: str | None, path: Sequence[str] | None = None) -> None:
        """Show the list of another owner (None: nothing)."""
        self.beginResetModel()
        self.owner_id = owner_id
        if path is not None:
            self.path = list(path)
        self._items = self._current()
        self._errors.clear()
        self.endResetModel()

    def owner(self) -> Any:
        if self.owner_id is None or self.collection is None:
            return None
        return self.collection.find(self.session.workspace, self.owner_id)

    def _current(self) -> list[Any]:
        owner = self.owner() if hasattr(self, "path") else None
        found = nested_list(owner, self.path) if owner is not None else None
        return list(found) if found is not None else []

    def _same(self, shown: Any, current: Any) -> bool:
        return bool(shown == current)

    def commit(self, old: Any, new: Any, text: Message) -> None:
        row = next(position for position, item in enumerate(self._items) if item is old)
        self.replace_rows(lambda rows: rows.__setitem__(row, new), text)

    def replace_rows(self, change: Callable[[list[Any]], None], text: Message) -> None:
        """Change the owner's list with ``change`` (on a copy) and apply it as one step of undo."""
        owner = self.owner()
        new_owner = copy.deepcopy(owner)
        rows = nested_list(new_owner, self.path)
        assert rows is not None, "no list at the path"
        change(rows)
        assert self.collection is not None
        self.session.do(UpdateItem(self.collection, owner, new_owner), text)


def nested_list(owner: Any, path: Sequence[str]) -> list[Any] | None:
    """The list reached from ``owner`` along ``path`` (attribute, id, attribute, …), or None."""
    value: Any = owner
    for step, name in enumerate(path):
        if step % 2 == 0:
            value = getattr(value, name)
        else:
            value = next((item for item in value if item.id == name), None)
            if value is None:
                return None
    return value if isinstance(value, list) else None


class SearchProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key (``SORT_ROLE``) and keeps the rows whose text (the
    accessible text of any column) contains the search."""

    def __init__(self, source: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterRole(Qt.ItemDataRole.AccessibleTextRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def item_at(self, index: AnyIndex) -> Any:
        """The item behind a row of this proxy."""
        source = self.mapToSource(self.index(index.row(), 0))
        model = self.sourceModel()
        assert isinstance(model, CollectionTableModel)
        return model.item(source.row())
