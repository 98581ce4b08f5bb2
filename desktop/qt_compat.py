"""Compensate a reference-count bug of PySide6 6.12.0, only where it is measured.

PySide6 6.12.0's ``SignalInstance.emit`` (and a failing ``disconnect``) return ``True``
/ ``False`` without taking a reference. Python 3.11 does not treat the booleans as
immortal, so after some thousands of emits — pyqtgraph emits on every mouse move — the
interpreter aborts with "bool_dealloc: deallocating True or False". Older PySide6 did
not do this and a fixed release will not: rather than trusting a version number, probe
the behaviour once at start-up and add the missing reference only when the probe shows
it missing. Remove this module once the pinned PySide6 no longer needs it.
"""

from __future__ import annotations

import ctypes
import sys
import warnings

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    sig_probe = Signal()


def _lost_references(call, value: bool) -> int:  # noqa: ANN001
    before = sys.getrefcount(value)
    for _ in range(8):
        call()
    return before - sys.getrefcount(value)


def _compensated(method):  # noqa: ANN001, ANN202
    def wrapper(self, *args, **kwargs):  # noqa: ANN001, ANN202
        result = method(self, *args, **kwargs)
        if result is True or result is False:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    probe = _Probe()
    if _lost_references(probe.sig_probe.emit, True) == 8:
        SignalInstance.emit = _compensated(SignalInstance.emit)

    def failing_disconnect() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            probe.sig_probe.disconnect(_Probe)

    if _lost_references(failing_disconnect, False) == 8:
        SignalInstance.disconnect = _compensated(SignalInstance.disconnect)
