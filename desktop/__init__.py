"""The Qt desktop application: windows, panes, models, dialogs, printing, workers, CLI.

Headless commands must not import Qt; GUI code paths apply ``desktop.qt_compat`` first
(``desktop.app.make_app``, ``desktop.context`` and the test suite's conftest do).
"""
