"""Signals can be emitted any number of times without losing references to booleans."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    sig_value = Signal(object)
    sig_text = Signal(str)


def test_emitting_keeps_boolean_reference_counts():
    emitter = Emitter()
    received = []
    emitter.sig_value.connect(received.append)
    emitter.sig_text.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(5000):
        emitter.sig_value.emit(None)
        emitter.sig_text.emit("x")
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) == 10000
    assert after == before
