"""What happens behind a menu item that spans dialogs, workers and the case.

The main window only connects actions to these functions; each flow receives the
window (for parenting dialogs and reaching the open case's context).
"""
