"""the room: comments wait for the facilitator to release them (hidden ones stay hidden, those the room could
already see are released) and a workshop may release them automatically; a presenter-paced round; a workshop
that follows up an earlier one; a second vote's results revealed by the facilitator (those held so far were
shown as people voted: they stay shown)

Revision ID: 0008_the_room
Revises: 0007_custody
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = '0008_the_room'
down_revision = '0007_custody'
branch_labels = None
depends_on = None

# The current first-round answer of each person and statement that carries a comment.
CURRENT_COMMENTS = sa.text(
    "SELECT participant_id, framework_id, statement_id, comment FROM answers WHERE comment IS NOT NULL AND id IN "
    "(SELECT max(id) FROM answers WHERE round = 1 GROUP BY participant_id, framework_id, statement_id)")


def upgrade() -> None:
    moderated = op.create_table('moderated_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('framework_id', sa.String(length=64), nullable=False),
    sa.Column('statement_id', sa.String(length=64), nullable=False),
    sa.Column('comment_sha256', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('participant_id', 'framework_id', 'statement_id', 'comment_sha256')
    )
    with op.batch_alter_table('moderated_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moderated_comments_participant_id'), ['participant_id'], unique=False)
    op.execute("INSERT INTO moderated_comments (participant_id, framework_id, statement_id, comment_sha256, state, "
               "decided_at) SELECT participant_id, framework_id, statement_id, comment_sha256, 'hidden', hidden_at "
               "FROM hidden_comments")
    # Until now the room saw every comment not hidden: those stay in view, released. SHA-256 of the text as
    # services/codes.digest makes it (SQLite has no SHA-256 of its own).
    connection = op.get_bind()
    hidden = {tuple(row) for row in connection.execute(sa.text(
        "SELECT participant_id, framework_id, statement_id, comment_sha256 FROM hidden_comments"))}
    released = [{"participant_id": pid, "framework_id": fid, "statement_id": sid, "state": "released",
                 "comment_sha256": hashlib.sha256(comment.encode()).hexdigest()}
                for pid, fid, sid, comment in connection.execute(CURRENT_COMMENTS)]
    released = [row for row in released if (row["participant_id"], row["framework_id"], row["statement_id"],
                                            row["comment_sha256"]) not in hidden]
    if released:
        connection.execute(sa.insert(moderated).values(decided_at=sa.func.current_timestamp()), released)
    with op.batch_alter_table('hidden_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hidden_comments_participant_id'))
    op.drop_table('hidden_comments')
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.add_column(sa.Column('auto_release_comments', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
        batch_op.add_column(sa.Column('paced', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('follows_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_workshops_follows_id_workshops'), 'workshops', ['follows_id'],
                                    ['id'])
    with op.batch_alter_table('second_votes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revealed', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute(sa.text("UPDATE second_votes SET revealed = :shown").bindparams(shown=True))


def downgrade() -> None:
    # Before this revision the room saw every comment not hidden: a comment still waiting for the facilitator
    # is hidden, not shown (unless its workshop released comments automatically).
    connection = op.get_bind()
    decided = {tuple(row) for row in connection.execute(sa.text(
        "SELECT participant_id, framework_id, statement_id, comment_sha256 FROM moderated_comments"))}
    automatic = {row[0] for row in connection.execute(sa.text(
        "SELECT p.id FROM participants p JOIN workshops w ON w.id = p.workshop_id "
        "WHERE w.auto_release_comments"))}
    waiting = {(pid, fid, sid, hashlib.sha256(comment.encode()).hexdigest())
               for pid, fid, sid, comment in connection.execute(CURRENT_COMMENTS) if pid not in automatic}
    with op.batch_alter_table('second_votes', schema=None) as batch_op:
        batch_op.drop_column('revealed')
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_workshops_follows_id_workshops'), type_='foreignkey')
        batch_op.drop_column('follows_id')
        batch_op.drop_column('paced')
        batch_op.drop_column('auto_release_comments')
    hidden_comments = op.create_table('hidden_comments',
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
    op.execute("INSERT INTO hidden_comments (participant_id, framework_id, statement_id, comment_sha256, hidden_at) "
               "SELECT participant_id, framework_id, statement_id, comment_sha256, decided_at FROM moderated_comments "
               "WHERE state = 'hidden'")
    still_waiting = [dict(zip(("participant_id", "framework_id", "statement_id", "comment_sha256"), key, strict=True))
                     for key in waiting - decided]
    if still_waiting:
        connection.execute(sa.insert(hidden_comments).values(hidden_at=sa.func.current_timestamp()), still_waiting)
    with op.batch_alter_table('moderated_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moderated_comments_participant_id'))
    op.drop_table('moderated_comments')
