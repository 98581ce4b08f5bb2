"""One module per headless sub-command."""
