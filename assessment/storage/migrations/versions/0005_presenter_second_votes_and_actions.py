"""the facilitated workshop: presenter stages, second votes, hidden comments, actions with status and reviews,
paper forms, and sessions that survive a reload

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('access_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=True),
    sa.Column('device', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_sha256')
    )
    with op.batch_alter_table('access_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_sessions_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('second_votes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('framework_id', sa.String(length=64), nullable=False),
    sa.Column('principle_id', sa.String(length=64), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('workshop_id', 'framework_id', 'principle_id')
    )
    with op.batch_alter_table('second_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_second_votes_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('action_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], ),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('action_id', 'workshop_id')
    )
    with op.batch_alter_table('action_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_reviews_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('hidden_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('framework_id', sa.String(length=64), nullable=False),
    sa.Column('statement_id', sa.String(length=64), nullable=False),
    sa.Column('comment_sha256', sa.String(length=64), nullable=False),
    sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('participant_id', 'framework_id', 'statement_id', 'comment_sha256')
    )
    with op.batch_alter_table('hidden_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hidden_comments_participant_id'), ['participant_id'], unique=False)

    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=20), server_default='open', nullable=False))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('carried_from_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_actions_carried_from_id_actions', 'actions', ['carried_from_id'], ['id'])

    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('round', sa.Integer(), server_default='1', nullable=False))
        batch_op.drop_index(batch_op.f('ix_answers_current'))
        batch_op.create_index('ix_answers_current', ['participant_id', 'framework_id', 'statement_id', 'round', 'id'], unique=False)

    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('paper_number', sa.Integer(), nullable=True))

    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stage', sa.String(length=20), server_default='join', nullable=False))
        batch_op.add_column(sa.Column('spotlight', sa.String(length=140), nullable=True))
        batch_op.add_column(sa.Column('stage_started_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('agenda', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('sector_groups', sa.JSON(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_column('sector_groups')
        batch_op.drop_column('agenda')
        batch_op.drop_column('stage_started_at')
        batch_op.drop_column('spotlight')
        batch_op.drop_column('stage')

    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_column('paper_number')

    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_index('ix_answers_current')
        batch_op.create_index(batch_op.f('ix_answers_current'), ['participant_id', 'framework_id', 'statement_id', 'id'], unique=False)
        batch_op.drop_column('round')

    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_constraint('fk_actions_carried_from_id_actions', type_='foreignkey')
        batch_op.drop_column('carried_from_id')
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('status')

    with op.batch_alter_table('hidden_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hidden_comments_participant_id'))

    op.drop_table('hidden_comments')
    with op.batch_alter_table('action_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_reviews_workshop_id'))

    op.drop_table('action_reviews')
    with op.batch_alter_table('second_votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_second_votes_workshop_id'))

    op.drop_table('second_votes')
    with op.batch_alter_table('access_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_sessions_workshop_id'))

    op.drop_table('access_sessions')
