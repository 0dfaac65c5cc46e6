"""Paper forms for members without a phone: printed with a number each, typed in by the facilitator during the
session, and counted like any other answers."""

from __future__ import annotations

from collections.abc import Mapping

from assessment.errors import InputError, Problem
from assessment.services import codes, entries
from assessment.services.access import Actor, Role
from assessment.services.participation import record
from assessment.services.workshops import authorised, frameworks_of
from assessment.storage import audit, participants
from assessment.storage.db import Database

DONT_KNOW = "dk"
MAX_FORMS = 200


def enter_form(db: Database, *, actor: Actor, workshop_id: int, paper_number: int, sector: str | None,
               answers: Mapping[tuple[str, str], int | str | None]) -> int:
    """Type in one paper form: (framework id, statement id) → a score, "dk" or None (left blank).

    The same number again updates that form's answers (kept, as every change is). Returns the participant id.
    """
    if not 1 <= paper_number <= MAX_FORMS:
        raise InputError("Paper form", [Problem(f"the form number runs from 1 to {MAX_FORMS}", location="Number")])
    with db.write() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Typing in a paper form")
        known = {(f.id, s.id) for f in frameworks_of(workshop) for s in f.statements}
        unknown = [f"{fid}/{sid}" for fid, sid in answers if (fid, sid) not in known]
        if unknown:
            raise InputError("Paper form", [Problem("not a statement of this workshop", location=u) for u in unknown])
        person = participants.by_paper_number(session, workshop_id=workshop_id, paper_number=paper_number)
        if person is None:
            if not workshop.scoring_open:
                raise InputError("Paper form", [Problem("scoring has closed; reopen it to type in a form")])
            person = participants.insert(
                session, workshop_id=workshop_id, paper_number=paper_number,
                resume_code_sha256=codes.resume_digest(workshop_id, codes.new_code(codes.RESUME_CODE_LENGTH)),
                organisation=None, sector=entries.clean(sector, field="Sector", limit=100))
        for (framework_id, statement_id), value in answers.items():
            record(session, participant_id=person.id, framework_id=framework_id, statement_id=statement_id,
                   value=value if isinstance(value, int) else None, dont_know=value == DONT_KNOW)
        participants.mark_finished(session, participant_id=person.id)
        audit.insert(session, actor=actor.name, action="paper form typed in", workshop_id=workshop_id,
                     detail={"form": paper_number, "answers": sum(v is not None for v in answers.values())})
        return person.id
