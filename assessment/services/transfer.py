"""Moving workshops in and out: the whole workshop as one JSON file, and answers collected elsewhere.

The file holds the pinned frameworks, every participant's current answers (with organisation and
sector, never a name, and each comment's state: waiting, released to the room or hidden from it), agreed scores
and actions. The copy for the board shows sectors and organisations under labels that stand for at least 3 people
and holds only the comments released to the room; the raw copy, for the workshop's facilitators, holds them as
given, every comment with its state. Importing makes a new workshop with new codes
and a new facilitator key; the numbers come out the same. A responses CSV (checked whole by the
engine) becomes a new, closed workshop.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.orm import Session

from assessment.content.framework import Framework
from assessment.engine.disclosure import shown_labels
from assessment.engine.responses import Responses
from assessment.engine.sectors import STANDARD_SECTOR_GROUPS
from assessment.errors import InputError, Problem
from assessment.services import codes, consensus, entries, participation, workshops
from assessment.services.access import Actor, Role
from assessment.services.comments import PENDING, RELEASED, release_every_comment, states_of
from assessment.services.workshops import NewWorkshop, authorised, frameworks_of
from assessment.storage import answers, audit, moderated_comments, participants
from assessment.storage import workshops as stored_workshops
from assessment.storage.answers import NewAnswer
from assessment.storage.db import Database

IMPORTED = "answers imported"  # the audit entry that marks a workshop whose answers came from a file

FORMAT = "placeready-workshop"
VERSION = 2  # 2: each comment's state
MAX_BYTES = 20 * 2**20


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnswerEntry(_Strict):
    framework: str
    statement: str
    value: int | None = None
    dont_know: bool = False
    comment: str | None = Field(None, max_length=entries.MAX_TEXT)
    # None in files of version 1, which did not say: such a comment waits for the facilitator again
    comment_state: Literal["pending", "released", "hidden"] | None = None


class ParticipantEntry(_Strict):
    organisation: str | None = Field(None, max_length=200)
    sector: str | None = Field(None, max_length=100)
    finished: bool = False
    answers: list[AnswerEntry]


class ConsensusEntry(_Strict):
    framework: str
    principle: str
    score: int | None
    note: str | None = Field(None, max_length=5000)


class ActionEntry(_Strict):
    framework: str
    principle: str
    text: str = Field(max_length=entries.MAX_TEXT)
    owner: str = Field(max_length=200)
    due: datetime.date | None = None


class WorkshopFile(_Strict):
    format: str = FORMAT
    version: int = Field(VERSION, ge=1, le=VERSION)
    partnership: str = Field(max_length=200)
    place: str = Field(max_length=200)
    title: str = Field(max_length=200)
    held_on: datetime.date
    frameworks: list[Framework] = Field(min_length=1, max_length=5)
    exemplar_ids: list[str] = []
    sectors: list[str] = []
    organisations: list[str] = []
    participants: list[ParticipantEntry] = Field(max_length=5000)
    consensus: list[ConsensusEntry] = []
    actions: list[ActionEntry] = []


def export_workshop(db: Database, *, actor: Actor, workshop_id: int, personal: bool = False) -> str:
    """The whole workshop as JSON for the board: each person's sector and organisation under labels that stand
    for at least 3 people (`engine.disclosure`), and only the comments released to the room. `personal=True`: the
    raw file, personal data, for the workshop's facilitators and owners (and the command line) only — every label
    as given and every comment with its state — which imports with the same sector views and moderation."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id,
                              needed=Role.facilitator if personal else Role.viewer, what="Exporting the workshop")
        found = participants.of_workshop(session, workshop_id=workshop_id)
        sectors: dict[str, str] = {}
        organisations: dict[str, str] = {}
        if not personal:
            groups = workshop.sector_groups if workshop.sector_groups is not None else STANDARD_SECTOR_GROUPS
            sectors = shown_labels(Counter(p.sector for p in found if p.sector is not None), groups)
            organisations = shown_labels(Counter(p.organisation for p in found if p.organisation is not None))
        people = {p.id: ParticipantEntry(organisation=None if p.organisation is None
                                         else organisations.get(p.organisation, p.organisation),
                                         sector=None if p.sector is None else sectors.get(p.sector, p.sector),
                                         finished=p.finished_at is not None, answers=[])
                  for p in found}
        state_of = states_of(session, workshop=workshop)
        for a in answers.current(session, workshop_id=workshop_id):
            comment, state = a.comment, a.comment and state_of(a.participant_id, a.framework_id, a.statement_id,
                                                               a.comment)
            if not personal and state != RELEASED:
                comment, state = None, None
            people[a.participant_id].answers.append(AnswerEntry(framework=a.framework_id, statement=a.statement_id,
                                                                value=a.value, dont_know=a.dont_know,
                                                                comment=comment, comment_state=state or None))
        document = WorkshopFile(
            partnership=workshop.partnership.name, place=workshop.partnership.place, title=workshop.title,
            held_on=workshop.held_on, frameworks=list(frameworks_of(workshop)),
            exemplar_ids=list(workshop.exemplar_ids), sectors=list(workshop.sectors),
            organisations=list(workshop.organisations), participants=list(people.values()),
            consensus=[ConsensusEntry(framework=f, principle=p, score=a.score, note=a.note)
                       for (f, p), a in sorted(consensus.agreed_in(session, workshop_id=workshop_id).items())],
            actions=[ActionEntry(framework=a.framework_id, principle=a.principle_id, text=a.text, owner=a.owner,
                                 due=a.due_on) for a in consensus.actions_in(session, workshop_id=workshop_id)],
        )
    return document.model_dump_json(indent=1)


def read_workshop_file(raw: bytes, *, source: str) -> WorkshopFile:
    if len(raw) > MAX_BYTES:
        raise InputError(source, [Problem(f"the file is {len(raw) // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB")])
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise InputError(source, [Problem(f"not a JSON file: {error}", line=line)]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(source, [Problem(f"not a PlaceReady workshop file (its \"format\" should be \"{FORMAT}\")")])
    try:
        return WorkshopFile.model_validate(data)
    except ValidationError as error:
        raise InputError(source, [Problem(e["msg"], location=".".join(str(p) for p in e["loc"]))
                                  for e in error.errors()[:20]]) from None


def import_workshop(db: Database, *, actor: Actor, document: WorkshopFile, organisation_id: int | None = None
                    ) -> NewWorkshop:
    """Make a new workshop from the file; any bad answer refuses the whole file."""
    with db.write() as session:
        created = workshops.create(
            session, actor=actor, partnership_name=document.partnership, place=document.place, title=document.title,
            held_on=document.held_on, frameworks=document.frameworks, exemplar_ids=document.exemplar_ids,
            sectors=document.sectors, organisations=document.organisations, organisation_id=organisation_id)
        workshop = stored_workshops.existing(session, workshop_id=created.id)
        given: list[NewAnswer] = []
        decided: dict[tuple[int, str, str], str] = {}  # (participant, framework, statement) → the file's state
        for person in document.participants:
            joined = participation.enrol(session, workshop=workshop, organisation=person.organisation,
                                         sector=person.sector)
            given.extend(NewAnswer(participant_id=joined.participant_id, framework_id=answer.framework,
                                   statement_id=answer.statement, value=answer.value, dont_know=answer.dont_know,
                                   comment=answer.comment) for answer in person.answers)
            decided.update({(joined.participant_id, answer.framework, answer.statement): answer.comment_state
                            for answer in person.answers if answer.comment_state not in (None, PENDING)})
            if person.finished:
                participants.mark_finished(session, participant_id=joined.participant_id)
        # Checked as each answer given on a phone is, and stored in one statement: 80 people's answers one by one
        # took 4.4 s on SQLite and 8.7 s on PostgreSQL.
        participation.record_all(session, workshop=workshop, given=given)
        _keep_comment_states(session, workshop_id=created.id, decided=decided)
        audit.insert(session, actor=actor.name, action=IMPORTED, workshop_id=created.id,
                     detail={"answers": len(given)})  # a report's method says the answers were not given here
        for entry in document.consensus:
            consensus.agree(session, actor=actor, workshop_id=created.id, framework_id=entry.framework,
                            principle_id=entry.principle, score=entry.score, note=entry.note)
        for action in document.actions:
            consensus.commit_to(session, actor=actor, workshop_id=created.id, framework_id=action.framework,
                                principle_id=action.principle, text=action.text, owner=action.owner,
                                due_on=action.due)
        return created


def _keep_comment_states(session: Session, *, workshop_id: int, decided: dict[tuple[int, str, str], str]) -> None:
    """Release or hide the imported comments as the file says (as stored: trimmed)."""
    keys: dict[str, list[tuple[int, str, str, str]]] = {}
    for saved in answers.current_comments(session, workshop_id=workshop_id):
        where = (saved.participant_id, saved.framework_id, saved.statement_id)
        if where in decided:
            keys.setdefault(decided[where], []).append((*where, codes.digest(saved.comment)))
    for state, chosen in keys.items():
        moderated_comments.decide(session, keys=chosen, state=state)


def import_responses(db: Database, *, actor: Actor, partnership_name: str, place: str, title: str,
                     held_on: datetime.date, answered: Sequence[tuple[Framework, Responses]],
                     exemplar_ids: Sequence[str] = (), organisation_id: int | None = None) -> NewWorkshop:
    """A new, closed workshop holding answers collected elsewhere (each set already checked whole)."""
    with db.write() as session:
        return store_responses(session, actor=actor, partnership_name=partnership_name, place=place, title=title,
                               held_on=held_on, answered=answered, exemplar_ids=exemplar_ids,
                               organisation_id=organisation_id)


def store_responses(session: Session, *, actor: Actor, partnership_name: str, place: str, title: str,
                    held_on: datetime.date, answered: Sequence[tuple[Framework, Responses]],
                    exemplar_ids: Sequence[str] = (), organisation_id: int | None = None) -> NewWorkshop:
    """`import_responses` inside a caller's transaction: one set of answers per framework, and a participant
    label found under several frameworks is one person. The sectors and organisations people gave become
    the workshop's lists, and their comments are released."""
    people = [a for _, responses in answered for a in responses.answers()]
    created = workshops.create(
        session, actor=actor, partnership_name=partnership_name, place=place, title=title, held_on=held_on,
        frameworks=[framework for framework, _ in answered], exemplar_ids=exemplar_ids,
        sectors=sorted({a.sector for a in people if a.sector}),
        organisations=sorted({a.organisation for a in people if a.organisation}), organisation_id=organisation_id)
    workshop = stored_workshops.existing(session, workshop_id=created.id)
    participant_ids: dict[str, int] = {}
    given: list[NewAnswer] = []
    for framework, responses in answered:
        for answer in responses.answers():
            if answer.participant not in participant_ids:
                participant_ids[answer.participant] = participation.enrol(
                    session, workshop=workshop, organisation=answer.organisation, sector=answer.sector
                ).participant_id
            given.append(NewAnswer(participant_id=participant_ids[answer.participant], framework_id=framework.id,
                                   statement_id=answer.statement, value=answer.score, dont_know=answer.dont_know,
                                   comment=answer.comment))
    participation.record_all(session, workshop=workshop, given=given)
    # Collected elsewhere, by whoever imports them: there is no room to moderate them in.
    release_every_comment(session, workshop=workshop)
    audit.insert(session, actor=actor.name, action=IMPORTED, workshop_id=created.id, detail={"answers": len(given)})
    for participant_id in participant_ids.values():
        participants.mark_finished(session, participant_id=participant_id)
    stored_workshops.change(session, workshop_id=created.id, scoring_open=False, revealed=True)
    return created
