"""The Qt desktop application: windows, panes, models, dialogs, printing, workers, CLI.

Headless commands must not import Qt: only the GUI and ``report`` load PySide6.
"""
