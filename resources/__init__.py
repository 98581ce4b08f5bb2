"""Icons and stylesheets, shipped as plain files (no generated resource modules)."""

from pathlib import Path

RESOURCES = Path(__file__).parent
ICONS = RESOURCES / "icons"
STYLES = RESOURCES / "styles"
