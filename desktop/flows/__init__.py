"""What happens behind a menu item that spans dialogs, workers and the case.

Actions (``desktop/shell/actions``) name these functions as their handlers; each takes
the main window as a ``desktop.shell.shell.Shell`` — for parenting dialogs, saying
things and reaching the open case's context — never the concrete window.
"""
