"""framework library: uploaded frameworks, numbered per id

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('framework_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('uploaded_by', sa.String(length=200), nullable=True))
        batch_op.create_index('ix_framework_versions_uploaded_version', ['framework_id', 'version'], unique=True,
                              sqlite_where=sa.text('uploaded_at IS NOT NULL'),
                              postgresql_where=sa.text('uploaded_at IS NOT NULL'))


def downgrade() -> None:
    with op.batch_alter_table('framework_versions', schema=None) as batch_op:
        batch_op.drop_index('ix_framework_versions_uploaded_version')
        batch_op.drop_column('uploaded_by')
        batch_op.drop_column('uploaded_at')
