"""A whole workshop as one JSON file, and reading it into another PlaceReady.

The file holds the pinned frameworks, every participant's current answers (with organisation and
sector, never a name), agreed scores and actions. Importing makes a new workshop with new codes
and a new facilitator key; the numbers come out the same.
"""

from __future__ import annotations

import datetime
import json

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.orm import Session

from assessment.storage import crud
from assessment.errors import InputError, Problem
from assessment.content.framework import Framework
from assessment.storage.models import Workshop

FORMAT = "placeready-workshop"
MAX_BYTES = 20 * 2**20


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnswerEntry(_Strict):
    framework: str
    statement: str
    value: int | None = None
    dont_know: bool = False
    comment: str | None = Field(None, max_length=crud.MAX_TEXT)


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
    text: str = Field(max_length=crud.MAX_TEXT)
    owner: str = Field(max_length=200)
    due: datetime.date | None = None


class WorkshopFile(_Strict):
    format: str = FORMAT
    version: int = 1
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


def export_workshop(session: Session, *, workshop: Workshop) -> str:
    answers = crud.current_answers(session, workshop_id=workshop.id)
    people = {p.id: ParticipantEntry(organisation=p.organisation, sector=p.sector,
                                     finished=p.finished_at is not None, answers=[])
              for p in crud.participants(session, workshop_id=workshop.id)}
    for a in answers:
        people[a.participant_id].answers.append(AnswerEntry(framework=a.framework_id, statement=a.statement_id,
                                                            value=a.value, dont_know=a.dont_know, comment=a.comment))
    document = WorkshopFile(
        partnership=workshop.partnership.name, place=workshop.partnership.place, title=workshop.title,
        held_on=workshop.held_on, frameworks=crud.workshop_frameworks(workshop),
        exemplar_ids=list(workshop.exemplar_ids), sectors=list(workshop.sectors),
        organisations=list(workshop.organisations), participants=list(people.values()),
        consensus=[ConsensusEntry(framework=f, principle=p, score=r.score, note=r.note)
                   for (f, p), r in sorted(crud.current_consensus(session, workshop_id=workshop.id).items())],
        actions=[ActionEntry(framework=a.framework_id, principle=a.principle_id, text=a.text, owner=a.owner,
                             due=a.due_on) for a in crud.actions(session, workshop_id=workshop.id)],
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


def import_workshop(session: Session, *, document: WorkshopFile, owned_by: int | None = None) -> crud.NewWorkshop:
    """Make a new workshop from the file; any bad answer refuses the whole file (the caller's transaction)."""
    created = crud.create_workshop(
        session, partnership_name=document.partnership, place=document.place, title=document.title,
        held_on=document.held_on, frameworks=document.frameworks, exemplar_ids=document.exemplar_ids,
        sectors=document.sectors, organisations=document.organisations, owned_by=owned_by)
    workshop = created.workshop
    for person in document.participants:
        participant = crud.join_workshop(session, workshop=workshop, organisation=person.organisation,
                                         sector=person.sector).participant
        for answer in person.answers:
            crud.save_answer(session, participant_id=participant.id, framework_id=answer.framework,
                             statement_id=answer.statement, value=answer.value, dont_know=answer.dont_know,
                             comment=answer.comment)
        if person.finished:
            crud.mark_finished(session, participant_id=participant.id)
    for entry in document.consensus:
        crud.record_consensus(session, workshop_id=workshop.id, framework_id=entry.framework,
                              principle_id=entry.principle, score=entry.score, note=entry.note)
    for action in document.actions:
        crud.add_action(session, workshop_id=workshop.id, framework_id=action.framework,
                        principle_id=action.principle, text=action.text, owner=action.owner, due_on=action.due)
    return created
