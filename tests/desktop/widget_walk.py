"""Walking a window's widgets as a person (or a screen reader) meets them: the texts shown,
and the interactive widgets with no accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
               QAbstractSlider, QTextEdit, QPlainTextEdit, QTabBar, QGraphicsView)


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (a combo's line edit, a table's header and
    scroll bars, a dock's float button): Qt names them, or their owner speaks for them."""
    if widget.objectName().startswith("qt_") or isinstance(widget, (QHeaderView, QScrollBar)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QLineEdit)):
            return True
        if isinstance(parent, QAbstractScrollArea) and widget is not parent.viewport() \
                and isinstance(widget, QAbstractSlider):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, QTabBar) and isinstance(widget.parentWidget(), QTabWidget)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unnamed_interactive(root: QWidget, combos_by_item: bool = False) -> list[str]:
    """Each interactive widget under ``root`` a screen reader would announce without a
    name, as 'Class objectName (parent chain)'. ``combos_by_item``: accept a combo box
    announced only by its current item (see below)."""
    found = []
    labelled = {label.buddy() for label in root.findChildren(QLabel) if label.buddy()}
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or _qt_internal(widget):
            continue
        name = accessible_name(widget).strip()
        # On Linux a combo box's accessible name is its current item ("Unsure"), which says
        # nothing of what is being chosen; what does is a label naming it as its buddy
        # (AT-SPI's labelled-by) or a name of its own.
        if not name or (isinstance(widget, QComboBox) and not combos_by_item
                        and not widget.accessibleName() and widget not in labelled):
            chain, parent = [], widget.parentWidget()
            while parent is not None and len(chain) < 3:
                chain.append(parent.objectName() or type(parent).__name__)
                parent = parent.parentWidget()
            found.append(f"{type(widget).__name__} '{widget.objectName()}' in "
                         f"{' < '.join(chain)}")
    return found


def visible_texts(window) -> list[tuple[str, str]]:
    """(where, text) of each text the main window shows with no case open: menus and
    their actions, dock titles, and the labels, buttons, placeholders, tabs, column
    headers and tooltips of its panes — in construction order, so two windows pair up."""
    found: list[tuple[str, str]] = []

    def menu(m: QMenu, where: str) -> None:
        for action in m.actions():
            if action.isSeparator():
                continue
            found.append((f"{where} ▸ action", action.text()))
            if action.menu() is not None:
                menu(action.menu(), f"{where} ▸ {action.objectName()}")

    for action in window.menuBar().actions():
        found.append(("menu bar", action.text()))
        menu(action.menu(), f"menu {action.menu().objectName()}")
    for dock in window.findChildren(QDockWidget):
        found.append((f"dock {dock.objectName()}", dock.windowTitle()))
    for pane in window.panes.values():
        for widget in [pane, *pane.findChildren(QWidget)]:
            where = f"{pane.objectName()} {type(widget).__name__} '{widget.objectName()}'"
            if isinstance(widget, (QLabel, QAbstractButton)):
                found.append((where, widget.text()))
            if isinstance(widget, QLineEdit):
                found.append((where + " placeholder", widget.placeholderText()))
            if isinstance(widget, QComboBox):
                found += [(where + " item", widget.itemText(i)) for i in range(widget.count())]
            if isinstance(widget, QTabBar):
                found += [(where + " tab", widget.tabText(i)) for i in range(widget.count())]
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                found += [(where + " column",
                           str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                          for c in range(model.columnCount())]
            found.append((where + " tooltip", widget.toolTip()))
    return found
