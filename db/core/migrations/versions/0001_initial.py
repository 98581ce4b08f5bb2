"""Initial case file schema: entities, links, evidence, events, judgements, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# A claim target names exactly one of entity, link, event. SQLite adds booleans; PostgreSQL
# (team cases) counts them. The SQLite text stays as first written: case files compare
# their schema with this.
_ONE_TARGET = {
    True: "(entity_id IS NOT NULL) + (link_id IS NOT NULL) + (event_id IS NOT NULL) = 1",
    False: "num_nonnulls(entity_id, link_id, event_id) = 1",
}


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=True),
    sa.Column('action', sa.String(length=200), nullable=False),
    sa.Column('object_type', sa.String(length=32), nullable=False),
    sa.Column('object_id', sa.String(length=200), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('hash')
    )
    op.create_table('blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('case_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('entities',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('schema', sa.String(length=32), nullable=False),
    sa.Column('caption', sa.String(length=500), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=True),
    sa.Column('properties', sa.JSON(), nullable=False),
    sa.Column('origin', sa.String(length=200), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_entities_caption'), 'entities', ['caption'], unique=False)
    op.create_index(op.f('ix_entities_schema'), 'entities', ['schema'], unique=False)
    op.create_table('events',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=1000), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('end_date', sa.String(length=10), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('origin', sa.String(length=200), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_events_date'), 'events', ['date'], unique=False)
    op.create_table('judgements',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('left_id', sa.String(length=64), nullable=False),
    sa.Column('right_id', sa.String(length=64), nullable=False),
    sa.Column('decision', sa.String(length=12), nullable=False),
    sa.Column('score', sa.Double(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('author', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.CheckConstraint("decision IN ('same','not_same','unsure')"),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_judgements_left_id'), 'judgements', ['left_id'], unique=False)
    op.create_index(op.f('ix_judgements_right_id'), 'judgements', ['right_id'], unique=False)
    op.create_table('event_entities',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'entity_id')
    )
    op.create_table('links',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('schema', sa.String(length=32), nullable=False),
    sa.Column('source_id', sa.String(length=64), nullable=False),
    sa.Column('target_id', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=500), nullable=True),
    sa.Column('start_date', sa.String(length=10), nullable=True),
    sa.Column('end_date', sa.String(length=10), nullable=True),
    sa.Column('share_min', sa.Float(), nullable=True),
    sa.Column('share_max', sa.Float(), nullable=True),
    sa.Column('shares_value', sa.Float(), nullable=True),
    sa.Column('shares_currency', sa.String(length=8), nullable=True),
    sa.Column('properties', sa.JSON(), nullable=False),
    sa.Column('origin', sa.String(length=200), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.CheckConstraint('share_max IS NULL OR (share_max >= 0 AND share_max <= 100)'),
    sa.CheckConstraint('share_min IS NULL OR (share_min >= 0 AND share_min <= 100)'),
    sa.CheckConstraint('share_min IS NULL OR share_max IS NULL OR share_min <= share_max'),
    sa.ForeignKeyConstraint(['source_id'], ['entities.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_id'], ['entities.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_links_schema'), 'links', ['schema'], unique=False)
    op.create_index('ix_links_source_target', 'links', ['source_id', 'target_id'], unique=False)
    op.create_index('ix_links_target', 'links', ['target_id'], unique=False)
    op.create_table('sources',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=True),
    sa.Column('reliability', sa.String(length=1), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('entity_id', sa.String(length=64), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('origin', sa.String(length=200), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.CheckConstraint("reliability IN ('A','B','C','D','E','F')"),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_sources_name'), 'sources', ['name'], unique=False)
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=1000), nullable=False),
    sa.Column('source_id', sa.String(length=64), nullable=True),
    sa.Column('author', sa.String(length=500), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('retrieved', sa.String(length=10), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('file_name', sa.String(length=500), nullable=True),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('pages', sa.JSON(), nullable=True),
    sa.Column('origin', sa.String(length=200), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'], ),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_documents_sha256'), 'documents', ['sha256'], unique=False)
    op.create_index(op.f('ix_documents_source_id'), 'documents', ['source_id'], unique=False)
    op.create_table('claims',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('excerpt', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('rects', sa.JSON(), nullable=True),
    sa.Column('statement', sa.Text(), nullable=False),
    sa.Column('source_id', sa.String(length=64), nullable=True),
    sa.Column('reliability', sa.String(length=1), nullable=True),
    sa.Column('credibility', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=True),
    sa.Column('origin', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.CheckConstraint("reliability IS NULL OR reliability IN ('A','B','C','D','E','F')"),
    sa.CheckConstraint("status IN ('unverified','corroborated','disputed','refuted')"),
    sa.CheckConstraint('credibility BETWEEN 1 AND 6'),
    sa.CheckConstraint('span_start >= 0 AND span_end >= span_start'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_claims_document_id'), 'claims', ['document_id'], unique=False)
    op.create_index(op.f('ix_claims_source_id'), 'claims', ['source_id'], unique=False)
    op.create_table('claim_targets',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('claim_id', sa.String(length=64), nullable=False),
    sa.Column('stance', sa.String(length=12), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=True),
    sa.Column('prop', sa.String(length=64), nullable=True),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('link_id', sa.String(length=64), nullable=True),
    sa.Column('event_id', sa.String(length=64), nullable=True),
    sa.CheckConstraint("stance IN ('supports','contradicts')"),
    sa.CheckConstraint(_ONE_TARGET[op.get_bind().dialect.name == 'sqlite']),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['link_id'], ['links.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_claim_targets_claim_id'), 'claim_targets', ['claim_id'], unique=False)
    op.create_index(op.f('ix_claim_targets_entity_id'), 'claim_targets', ['entity_id'], unique=False)
    op.create_index(op.f('ix_claim_targets_event_id'), 'claim_targets', ['event_id'], unique=False)
    op.create_index(op.f('ix_claim_targets_link_id'), 'claim_targets', ['link_id'], unique=False)


def downgrade() -> None:
    op.drop_table('claim_targets')
    op.drop_table('claims')
    op.drop_table('documents')
    op.drop_table('sources')
    op.drop_table('links')
    op.drop_table('event_entities')
    op.drop_table('judgements')
    op.drop_table('events')
    op.drop_table('entities')
    op.drop_table('case_meta')
    op.drop_table('blobs')
    op.drop_table('audit_log')
