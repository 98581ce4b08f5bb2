"""The pinned Qt binding keeps Python's singletons alive under heavy use.

PySide6 6.12.0 lost a reference to True on every signal emit and to None on every
QVariant return of None (a model's data()), which aborts Python 3.11 within seconds of
normal use; this is why pyproject.toml pins PySide6. Upgrade only when this passes.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Signal


class Emitter(QObject):
    sig_value = Signal(object)
    sig_text = Signal(str)


class EmptyModel(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):
        return 10

    def data(self, index, role=0):
        return None


def test_signal_emits_keep_boolean_references():
    emitter = Emitter()
    received = []
    emitter.sig_value.connect(received.append)
    emitter.sig_text.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(3000):
        emitter.sig_value.emit(1)
        emitter.sig_text.emit("x")
    assert len(received) == 6000
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_model_data_returning_none_keeps_none_alive():
    model = EmptyModel()
    index = model.index(1, 0)
    before = sys.getrefcount(None)
    for _ in range(3000):
        assert index.data() is None
    assert sys.getrefcount(None) >= before
