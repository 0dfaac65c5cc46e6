"""custody: sessions belong to a browser (not a token in an address), admin sessions to an admin key, and each
workshop has a screen link of its own

Revision ID: 0007_custody
Revises: 0006

Sessions so far were opened by a token in the address bar; those addresses no longer open anything, so the table
is made afresh (every open session ends: its facilitator opens the private link again). Each existing workshop is
given a screen link.
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = '0007_custody'
down_revision = '0006'
branch_labels = None
depends_on = None


def _sessions_table(holder: str) -> None:
    op.create_table('access_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column(holder, sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=True),
    sa.Column('device', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    *([sa.Column('key_fingerprint', sa.String(length=64), nullable=True)] if holder == 'holder_sha256' else []),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], ),
    sa.PrimaryKeyConstraint('id'),
    *([sa.UniqueConstraint('token_sha256')] if holder == 'token_sha256' else [])
    )
    with op.batch_alter_table('access_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_sessions_workshop_id'), ['workshop_id'], unique=False)
        if holder == 'holder_sha256':
            batch_op.create_index(batch_op.f('ix_access_sessions_holder_sha256'), ['holder_sha256'], unique=False)


def upgrade() -> None:
    op.drop_table('access_sessions')
    _sessions_table('holder_sha256')
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.add_column(sa.Column('screen_key', sa.String(length=64), nullable=True))
    workshops = sa.table('workshops', sa.column('id', sa.Integer()), sa.column('screen_key', sa.String()))
    connection = op.get_bind()
    for (workshop_id,) in connection.execute(sa.select(workshops.c.id)).all():
        connection.execute(workshops.update().where(workshops.c.id == workshop_id)
                           .values(screen_key=secrets.token_urlsafe(24)))
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.alter_column('screen_key', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint('workshops_screen_key_key', ['screen_key'])


def downgrade() -> None:
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_constraint('workshops_screen_key_key', type_='unique')
        batch_op.drop_column('screen_key')
    op.drop_table('access_sessions')
    _sessions_table('token_sha256')
