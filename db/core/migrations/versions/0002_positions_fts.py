"""Saved network positions, and full-text search kept in step by triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

from db.core.seam import postgres_fts, sqlite_fts

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('node_positions',
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('entity_id')
    )
    if op.get_bind().dialect.name == "sqlite":
        sqlite_fts.create_fts(op.get_bind())
    elif op.get_bind().dialect.name == "postgresql":
        postgres_fts.create_fts(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        sqlite_fts.drop_fts(op.get_bind())
    elif op.get_bind().dialect.name == "postgresql":
        postgres_fts.drop_fts(op.get_bind())
    op.drop_table("node_positions")
