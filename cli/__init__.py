"""The ``casefile`` command: the GUI, and the same operations headless."""
