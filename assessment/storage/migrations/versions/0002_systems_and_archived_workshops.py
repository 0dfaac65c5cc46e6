"""systems and archived workshops

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('systems',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    with op.batch_alter_table('partnerships', schema=None) as batch_op:
        batch_op.add_column(sa.Column('system_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_partnerships_system_id'), ['system_id'], unique=False)
        batch_op.create_foreign_key('fk_partnerships_system_id_systems', 'systems', ['system_id'], ['id'])

    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archived', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_column('archived')

    with op.batch_alter_table('partnerships', schema=None) as batch_op:
        batch_op.drop_constraint('fk_partnerships_system_id_systems', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_partnerships_system_id'))
        batch_op.drop_column('system_id')

    op.drop_table('systems')
