"""Read models for the panes: the queries each pane needs, Qt-free."""
