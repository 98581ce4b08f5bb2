"""Dialogs shared by several panes or flows."""
