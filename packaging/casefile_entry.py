"""The bundle's entry point: the same ``casefile`` command pip installs."""

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
