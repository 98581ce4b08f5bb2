"""Custody, provenance, page geometry and row versions.

Signatures over the audit chain's head and the origins of merged work; where each
character lies on a page (PDF text or OCR) and a TextQuoteSelector per claim; documents
inside documents and what extraction learnt; a version on every editable row so that
two people editing one row at once are detected.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

VERSIONED = ("entities", "links", "claims")


def upgrade() -> None:
    op.create_table(
        "origins",
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=True),
        sa.Column("merged_at", sa.String(length=32), nullable=True),
        sa.Column("merged_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("case_id"))
    op.create_table(
        "signatures",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("signer", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("signed_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"))
    op.create_index(op.f("ix_signatures_seq"), "signatures", ["seq"], unique=False)
    op.create_index(op.f("ix_signatures_fingerprint"), "signatures", ["fingerprint"],
                    unique=False)
    op.create_table(
        "document_pages",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("width", sa.Float(), nullable=False),
        sa.Column("height", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("boxes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "page"))
    op.add_column("claims", sa.Column("selector", sa.JSON(), nullable=True))
    op.add_column("documents", sa.Column("properties", sa.JSON(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        # ADD COLUMN keeps the table (and its full-text triggers); a batch copy would not.
        op.execute("ALTER TABLE documents ADD COLUMN parent_id VARCHAR(64) "
                   "REFERENCES documents (id) ON DELETE SET NULL")
    else:
        op.add_column("documents", sa.Column("parent_id", sa.String(length=64), nullable=True))
        op.create_foreign_key("fk_documents_parent_id", "documents", "documents",
                              ["parent_id"], ["id"], ondelete="SET NULL")
    op.create_index(op.f("ix_documents_parent_id"), "documents", ["parent_id"], unique=False)
    for table in VERSIONED:
        op.add_column(table, sa.Column("row_version", sa.Integer(), nullable=False,
                                       server_default="1"))


def downgrade() -> None:
    for table in VERSIONED:
        op.drop_column(table, "row_version")
    op.drop_index(op.f("ix_documents_parent_id"), table_name="documents")
    op.drop_column("documents", "parent_id")
    op.drop_column("documents", "properties")
    op.drop_column("claims", "selector")
    op.drop_table("document_pages")
    op.drop_index(op.f("ix_signatures_fingerprint"), table_name="signatures")
    op.drop_index(op.f("ix_signatures_seq"), table_name="signatures")
    op.drop_table("signatures")
    op.drop_table("origins")
