"""The case file, without Qt: schema, migrations, services, analysis, formats.

Nothing in this package may import PySide6, pyqtgraph or ``desktop`` — the
import-linter contract in pyproject.toml is checked by the test command.
"""

APP_VERSION = "0.1.0"
