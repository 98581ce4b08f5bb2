"""Alembic migrations of the case file schema, shipped inside the package."""
