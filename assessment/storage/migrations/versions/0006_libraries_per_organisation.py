"""framework libraries per organisation: uploads move from framework_versions to library_entries

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('library_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('framework_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('framework_version_id', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('uploaded_by', sa.String(length=320), nullable=False),
    sa.ForeignKeyConstraint(['framework_version_id'], ['framework_versions.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('library_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_library_entries_organisation_id'), ['organisation_id'], unique=False)
    op.create_index('ix_library_entries_version', 'library_entries',
                    [sa.text('coalesce(organisation_id, 0)'), 'framework_id', 'version'], unique=True)
    # Uploads so far belonged to the one library a PlaceReady had: they stay there, shared by all as before.
    op.execute("INSERT INTO library_entries (organisation_id, framework_id, version, framework_version_id, "
               "uploaded_at, uploaded_by) SELECT NULL, framework_id, version, id, uploaded_at, "
               "coalesce(uploaded_by, 'unknown') FROM framework_versions WHERE uploaded_at IS NOT NULL")
    with op.batch_alter_table('framework_versions', schema=None) as batch_op:
        batch_op.drop_index('ix_framework_versions_uploaded_version')
        batch_op.drop_column('uploaded_by')
        batch_op.drop_column('uploaded_at')


def downgrade() -> None:
    with op.batch_alter_table('framework_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('uploaded_by', sa.String(length=200), nullable=True))
    op.execute("UPDATE framework_versions SET uploaded_at = (SELECT min(uploaded_at) FROM library_entries e "
               "WHERE e.framework_version_id = framework_versions.id)")
    with op.batch_alter_table('framework_versions', schema=None) as batch_op:
        batch_op.create_index('ix_framework_versions_uploaded_version', ['framework_id', 'version'], unique=True,
                              sqlite_where=sa.text('uploaded_at IS NOT NULL'),
                              postgresql_where=sa.text('uploaded_at IS NOT NULL'))
    op.drop_index('ix_library_entries_version', table_name='library_entries')
    with op.batch_alter_table('library_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_library_entries_organisation_id'))
    op.drop_table('library_entries')
