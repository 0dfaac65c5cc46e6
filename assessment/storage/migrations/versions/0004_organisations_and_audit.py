"""organisations, memberships, partnerships owned by an organisation, and the audit log

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

OLD_UNIQUE = {"postgresql": "partnerships_name_place_key", "sqlite": "uq_partnerships_name_place"}


def upgrade() -> None:
    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('organisation_id', 'email')
    )
    op.create_index(op.f('ix_memberships_email'), 'memberships', ['email'], unique=False)
    op.create_index(op.f('ix_memberships_organisation_id'), 'memberships', ['organisation_id'], unique=False)
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=320), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_audit_log_workshop_id'), 'audit_log', ['workshop_id'], unique=False)

    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.add_column(sa.Column('personal_data_erased', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))

    # A partnership's name and place are unique within its organisation, no longer across all of them.
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table('partnerships', schema=None, naming_convention={
            "uq": "uq_%(table_name)s_%(column_0_N_name)s"}) as batch_op:  # SQLite's constraint has no name
        batch_op.drop_constraint(OLD_UNIQUE[dialect], type_='unique')
        batch_op.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_partnerships_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_foreign_key('fk_partnerships_organisation_id_organisations', 'organisations',
                                    ['organisation_id'], ['id'])
        batch_op.create_unique_constraint('uq_partnerships_organisation_name_place',
                                          ['organisation_id', 'name', 'place'])


def downgrade() -> None:
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_column('personal_data_erased')
    with op.batch_alter_table('partnerships', schema=None) as batch_op:
        batch_op.drop_constraint('uq_partnerships_organisation_name_place', type_='unique')
        batch_op.drop_constraint('fk_partnerships_organisation_id_organisations', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_partnerships_organisation_id'))
        batch_op.drop_column('organisation_id')
        batch_op.create_unique_constraint('partnerships_name_place_key', ['name', 'place'])
    op.drop_index(op.f('ix_audit_log_workshop_id'), table_name='audit_log')
    op.drop_table('audit_log')
    op.drop_index(op.f('ix_memberships_organisation_id'), table_name='memberships')
    op.drop_index(op.f('ix_memberships_email'), table_name='memberships')
    op.drop_table('memberships')
    op.drop_table('organisations')
