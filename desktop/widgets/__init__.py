"""Small widgets shared by several panes and dialogs."""
