"""A table of one collection with a search field, add and remove buttons and their shortcuts.

Insert or Ctrl+N asks to add, Delete (in the table) asks to remove; the page decides what that
means. A refused cell edit is shown under the table (and as the cell's tooltip).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.i18n import tr
from ui.forms.form import message_label, show_message
from ui.models.collection import CollectionTableModel, SearchProxy
from ui.style import make_bold

AnyIndex = QModelIndex | QPersistentModelIndex
MAX_COLUMN_WIDTH = 300
FIT_ROWS = 25
"""How many rows a column is measured on: measuring 10,000 took the window seconds."""


Choices = Callable[[AnyIndex], list[tuple[str, Any]] | None]
"""The (label, value) pairs a cell offers, or None for a cell edited as text."""


class ChoiceDelegate(QStyledItemDelegate):
    """Edits the cells that offer ``choices(index)`` with a combo box of their labels; others as usual."""

    def __init__(self, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        offered = self.choices(index)
        if offered is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for label, value in offered:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def column_choices(model: CollectionTableModel) -> Choices:
    """The choices of ``model``'s choice columns, labelled in the current language."""

    def choices(index: AnyIndex) -> list[tuple[str, Any]] | None:
        column = model.columns[index.column()]
        if column.kind != "choice":
            return None
        return [(tr(f"{column.choice_key}.{value}"), value) for value in column.choices]

    return choices


class TablePanel(QWidget):
    """A searchable, sortable table of ``model``, with add and remove.

    Signals:
        current_changed(object): the selected item, or None.
        add_requested(): Insert, Ctrl+N or the add button.
        remove_requested(object): Delete or the remove button, with the selected item.
    """

    current_changed = Signal(object)
    add_requested = Signal()
    remove_requested = Signal(object)

    def __init__(
        self, model: CollectionTableModel, title_key: str, parent: QWidget | None = None, auto_select: bool = True
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.title_key = title_key
        self.auto_select = auto_select
        self._kept_id: str | None = None
        self._problem: BriefingError | None = None
        self._fit_pending = False
        self.proxy = SearchProxy(model, self)
        self._build()
        model.edit_failed.connect(self.on_model_edit_failed)
        self.view.selectionModel().currentRowChanged.connect(self.on_view_current_changed)
        model.rowsRemoved.connect(self._after_rows_removed)
        model.modelAboutToBeReset.connect(self._before_reset)
        model.modelReset.connect(self._after_reset)
        model.rowsInserted.connect(self._after_rows_inserted)
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel(self)
        make_bold(self.title)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")  # Edit → Find puts the cursor here
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.request_remove)
        self.remove_button.setEnabled(False)
        top.addWidget(self.title)
        top.addStretch(1)
        self.tools = QHBoxLayout()
        top.addLayout(self.tools)
        top.addWidget(self.search)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        layout.addLayout(top)
        self.view = self._make_view()
        layout.addWidget(self.view)
        self.message = message_label(self)
        layout.addWidget(self.message)
        self.title.setBuddy(self.view)
        for keys in ("Ins", "Ctrl+N"):
            shortcut = QShortcut(QKeySequence(keys), self, self.add_requested.emit)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self.request_remove)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.setTabOrder(self.search, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.view)

    def add_tool(self, widget: QWidget) -> None:
        """Put a page's own button (e.g. import) in the panel's top row."""
        self.tools.addWidget(widget)

    def _make_view(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.proxy)
        view.setItemDelegate(ChoiceDelegate(column_choices(self.model), view))
        make_sortable(view)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setMaximumSectionSize(MAX_COLUMN_WIDTH)
        view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        return view

    def fit_columns(self) -> None:
        """Columns as wide as their contents (up to a limit; in a long table, of the first ``FIT_ROWS``
        rows), the last one filling the rest — once, after what the event being handled changes (a
        page being built asks several times)."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(FIT_AFTER_MS, self, self._fit_now)

    def _fit_now(self) -> None:
        self._fit_pending = False
        fit_to_contents(self.view)

    def _after_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if first == 0 and last + 1 == self.model.rowCount():
            self.fit_columns()
            self.select_first()

    def _before_reset(self) -> None:
        item = self.current()
        self._kept_id = _key(item)

    def _after_reset(self) -> None:
        """Keep the selected item when it is still shown, else select the first row (or say: none)."""
        self.fit_columns()
        kept, self._kept_id = self._kept_id, None
        if kept is not None and self.model.row_of(kept) >= 0:
            self.select(kept)
        elif not self.select_first():
            self.remove_button.setEnabled(False)
            self.current_changed.emit(None)

    def select_first(self) -> bool:
        """Select the first row shown when nothing is selected (``auto_select``); True when one was."""
        if not self.auto_select or self.view.currentIndex().isValid() or self.proxy.rowCount() == 0:
            return False
        first = self.proxy.index(0, 0)
        self.view.setCurrentIndex(first)
        self.view.scrollTo(first)
        return True

    def retranslate(self) -> None:
        title = tr(self.title_key)
        self.title.setText(title)
        self.view.setAccessibleName(title)
        self.search.setPlaceholderText(tr("pages.search"))
        self.search.setAccessibleName(tr("pages.search_in", what=title))
        self.add_button.setText(tr("pages.add"))
        self.add_button.setToolTip(tr("pages.add_tip"))
        self.add_button.setAccessibleName(tr("pages.add_in", what=title))
        self.remove_button.setText(tr("pages.remove"))
        self.remove_button.setToolTip(tr("pages.remove_tip"))
        self.remove_button.setAccessibleName(tr("pages.remove_in", what=title))
        self.model.retranslate()
        self.fit_columns()
        if self._problem is not None:
            show_message(self.message, self._problem.message())

    # -- selection -------------------------------------------------------------------------

    def current(self) -> Any:
        """The selected item, or None."""
        index = self.view.currentIndex()
        return self.proxy.item_at(index) if index.isValid() else None

    def select(self, item_id: str) -> None:
        """Select the row of ``item_id`` (clearing the search if it hides the row)."""
        row = self.model.row_of(item_id)
        if row >= 0:
            reveal(self.view, self.proxy, self.search, self.model.index(row, 0))

    def request_remove(self) -> None:
        item = self.current()
        if item is not None:
            self.remove_requested.emit(item)

    def on_view_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._problem = None
        show_message(self.message, "")
        self.remove_button.setEnabled(current.isValid())
        self.current_changed.emit(self.proxy.item_at(current) if current.isValid() else None)

    def _after_rows_removed(self) -> None:
        if not self.view.currentIndex().isValid() and not self.select_first():
            self.remove_button.setEnabled(False)
            self.current_changed.emit(None)

    def on_model_edit_failed(self, error: BriefingError) -> None:
        """Show why a cell's edit was refused (again in another language after a switch)."""
        self._problem = error
        show_message(self.message, error.message())

    def errors(self) -> str:
        """The message shown under the table now ("" when none)."""
        return self.message.text()


def _key(item: Any) -> str | None:
    """What identifies a selected row across a reset: the item's id."""
    item_id = getattr(item, "id", None)
    return str(item_id) if item_id is not None else None


def reveal(view: QTableView, proxy: SearchProxy, search: QLineEdit, source: QModelIndex) -> None:
    """Make the row of ``source`` (an index of ``proxy``'s model) the current one in ``view``,
    clearing ``search`` when it hides that row."""
    index = proxy.mapFromSource(source)
    if not index.isValid():
        search.clear()
        index = proxy.mapFromSource(source)
    view.setCurrentIndex(index)
    view.scrollTo(index)


def read_only_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """A sortable table that shows ``model`` and edits nothing (rows selected whole, Tab leaves it)."""
    view = QTableView(parent)
    view.setModel(SearchProxy(model, view))
    make_sortable(view)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setMaximumSectionSize(MAX_COLUMN_WIDTH)
    view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    return view


FIT_AFTER_MS = 1
"""Columns are fitted on a timer, not at once (0 ms): a zero-time call runs in the same turn of the event
loop as the paint of a page just built, and the window would not answer for both; a timer's runs in a
later one."""


def fit_columns_soon(view: QTableView) -> None:
    """``view``'s columns as wide as their contents (of the first ``FIT_ROWS`` rows), once the event
    being handled is done: a page being built does not wait for it."""
    QTimer.singleShot(FIT_AFTER_MS, view, lambda: fit_to_contents(view))


def fit_to_contents(view: QTableView) -> None:
    """``view``'s columns as wide as their contents, the last one still filling the rest of the view
    (a header stretches it only when the view is resized, not after a fit)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    if header.stretchLastSection():
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)


def make_sortable(view: QTableView) -> None:
    """Sort ``view`` by a click on a column's header; until then its rows stay in the model's order
    (no sort at all: Qt would otherwise sort a long table by its first column right away)."""
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
