"""Qt-free services: every write goes through a ``Transaction`` and returns ids.

Each function takes the transaction (or a read session) first. Wrap calls in a
``db.core.commands.Command`` to make them an undoable, audited user edit.
"""
