"""Database tables (SQLAlchemy). Schema changes go through `assessment/migrations`.

Answers and consensus scores are append-only: a changed answer is a new row, and the current answer
is the newest row for that participant and statement. Nothing a participant submitted is overwritten,
and concurrent submissions never contend for the same row.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC. SQLite keeps no time zone, so what it returns is marked UTC again, and times from
    either database compare with `utcnow()`."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value if value is None or value.tzinfo is not None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON, datetime: UtcDateTime()}


class System(Base):
    """A larger system that places sit in: an ICS, or a group a consultant defines."""

    __tablename__ = "systems"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    partnerships: Mapped[list[Partnership]] = relationship(back_populates="system", order_by="Partnership.name")


class Organisation(Base):
    """Who owns partnerships when PlaceReady is hosted for many: a consultancy, an ICS."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    members: Mapped[list[Membership]] = relationship(back_populates="organisation", order_by="Membership.email",
                                                     cascade="all, delete-orphan")


class Membership(Base):
    """A signed-in person's role in an organisation: owner, facilitator or viewer."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("organisation_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), index=True)  # as the identity provider gives it, lower case
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    organisation: Mapped[Organisation] = relationship(back_populates="members")


class AuditEntry(Base):
    """Who changed an agreed score, an action, a framework or personal data, and when. Never edited.

    No foreign key to the workshop, so the record of a change outlives the workshop's deletion.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(50))
    workshop_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[dict[str, Any]]


class Partnership(Base):
    __tablename__ = "partnerships"
    __table_args__ = (UniqueConstraint("organisation_id", "name", "place", name="uq_partnerships_organisation_name_place"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200))
    system_id: Mapped[int | None] = mapped_column(ForeignKey("systems.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    system: Mapped[System | None] = relationship(back_populates="partnerships")
    organisation: Mapped[Organisation | None] = relationship()

    workshops: Mapped[list[Workshop]] = relationship(back_populates="partnership", order_by="Workshop.held_on")


class FrameworkVersion(Base):
    """The exact framework content a workshop was run with (or a library upload holds), stored once per
    distinct content."""

    __tablename__ = "framework_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    # Read only when a process first meets this digest: decoding every workshop's frameworks on each page
    # was a tenth of the system view's time.
    content: Mapped[dict[str, Any]] = mapped_column(deferred=True)


class LibraryEntry(Base):
    """A framework uploaded to an organisation's library (None: the only library of a PlaceReady without sign-in),
    numbered 1, 2, 3… per framework id within that library."""

    __tablename__ = "library_entries"
    __table_args__ = (
        Index("ix_library_entries_version", func.coalesce(sql_text("organisation_id"), 0), "framework_id", "version",
              unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    framework_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    framework_version_id: Mapped[int] = mapped_column(ForeignKey("framework_versions.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by: Mapped[str] = mapped_column(String(320))

    framework_version: Mapped[FrameworkVersion] = relationship(lazy="joined")


class Workshop(Base):
    __tablename__ = "workshops"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id"))
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date)
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    facilitator_key_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    # The projector's link: read-only, so kept as it is (the control view shows it again); a new facilitator link
    # replaces it too.
    screen_key: Mapped[str] = mapped_column(String(64), unique=True)
    sectors: Mapped[list[str]]
    organisations: Mapped[list[str]]
    exemplar_ids: Mapped[list[str]]
    scoring_open: Mapped[bool] = mapped_column(Boolean, default=True)
    revealed: Mapped[bool] = mapped_column(Boolean, default=False)
    personal_data_erased: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Where the facilitator has the room: the presenter stage, the principle in the spotlight, and since when.
    stage: Mapped[str] = mapped_column(String(20), default="join", server_default="join")
    spotlight: Mapped[str | None] = mapped_column(String(140), default=None)  # "framework id/principle id"
    stage_started_at: Mapped[datetime | None] = mapped_column(default=None)
    agenda: Mapped[list[Any] | None] = mapped_column(JSON, default=None)  # [[stage, minutes], …]; None: suggested
    sector_groups: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # sector → wider group
    # Comments reach the projector when the facilitator releases them; True: as soon as they are saved.
    auto_release_comments: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # False: people score at their own pace; True: the facilitator opens one principle at a time on every phone.
    paced: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    follows_id: Mapped[int | None] = mapped_column(ForeignKey("workshops.id"), default=None)  # a follow-up of

    partnership: Mapped[Partnership] = relationship(back_populates="workshops")
    frameworks: Mapped[list[WorkshopFramework]] = relationship(order_by="WorkshopFramework.position")


class WorkshopFramework(Base):
    __tablename__ = "workshop_frameworks"

    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), primary_key=True)
    framework_version_id: Mapped[int] = mapped_column(ForeignKey("framework_versions.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    framework_version: Mapped[FrameworkVersion] = relationship(lazy="joined")


class Participant(Base):
    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    resume_code_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    organisation: Mapped[str | None] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(100))
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    paper_number: Mapped[int | None] = mapped_column(Integer, default=None)  # the number on a paper form


class AnswerRecord(Base):
    """One save of one answer; the newest row per (participant, framework, statement, round) is current.

    Round 1 is the individual scoring; round 2 a second vote on one principle after discussion.
    """

    __tablename__ = "answers"
    __table_args__ = (Index("ix_answers_current", "participant_id", "framework_id", "statement_id", "round", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    framework_id: Mapped[str] = mapped_column(String(64))
    statement_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[int | None]
    dont_know: Mapped[bool] = mapped_column(Boolean, default=False)
    comment: Mapped[str | None] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)
    round: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class SecondVote(Base):
    """A second vote on one principle, opened by the facilitator after the room has discussed it."""

    __tablename__ = "second_votes"
    __table_args__ = (UniqueConstraint("workshop_id", "framework_id", "principle_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    framework_id: Mapped[str] = mapped_column(String(64))
    principle_id: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    # The projector shows the second round's answers only once the facilitator reveals them.
    revealed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ModeratedComment(Base):
    """A comment the facilitator has released to the room or hidden from it; the comment itself stays in the
    answers. A comment with no row here is waiting in the queue (or released, when the workshop releases comments
    automatically). Known by its author, statement and text: the same words saved again keep the decision, new
    words wait again."""

    __tablename__ = "moderated_comments"
    __table_args__ = (UniqueConstraint("participant_id", "framework_id", "statement_id", "comment_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), index=True)
    framework_id: Mapped[str] = mapped_column(String(64))
    statement_id: Mapped[str] = mapped_column(String(64))
    comment_sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))  # released, hidden
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)


class AccessSession(Base):
    """Control of a workshop (or of the admin pages) held by one browser, or a one-time link for another device.

    A session belongs to the browser whose device cookie hashes to `holder_sha256`; an invitation is known by the
    hash of its one-time key. Nothing here opens anything from an address. Ending a session locks that browser
    out at its next step; an admin session counts only while `key_fingerprint` is the current admin key's.
    """

    __tablename__ = "access_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    holder_sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # facilitator, admin, invite
    workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshops.id"), index=True)
    device: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    key_fingerprint: Mapped[str | None] = mapped_column(String(64), default=None)


class ConsensusRecord(Base):
    """One recording of the room's agreed score and notes for a principle; the newest is current."""

    __tablename__ = "consensus_scores"
    __table_args__ = (Index("ix_consensus_current", "workshop_id", "framework_id", "principle_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"))
    framework_id: Mapped[str] = mapped_column(String(64))
    principle_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class Action(Base):
    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    framework_id: Mapped[str] = mapped_column(String(64))
    principle_id: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="open", server_default="open")
    updated_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)  # kept, left out of screens and reports
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id"), default=None)


class ActionReview(Base):
    """At a follow-up workshop, what became of an action from the previous one: done, carried over, dropped."""

    __tablename__ = "action_reviews"
    __table_args__ = (UniqueConstraint("action_id", "workshop_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"))
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)  # the follow-up
    outcome: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime] = mapped_column(default=utcnow)
