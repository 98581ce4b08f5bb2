"""The Qt desktop application: windows, panes, models, dialogs, printing, workers, CLI."""
