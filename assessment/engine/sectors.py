"""Sectors in the room: how many people each has, and their profiles, only where nobody can be picked out.

A sector is shown only with 3 people or more. In a small room, where single sectors are too small, sectors
fall into wider groups (NHS providers, primary care, local government, voluntary sector and public, unless the
workshop says otherwise); a group too is shown only with 3 or more, and a lens needs at least two groups to
compare. Whatever is left out is named, with the reason, so the room knows why.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.profiles import Series
from assessment.engine.responses import Responses
from assessment.engine.scoring import ScoreResult, score

MIN_SECTOR_SIZE = 3  # fewer people than this and a sector's scores would give away who said what

# The sectors set-up offers, and the wider group each falls into in a small room.
STANDARD_SECTOR_GROUPS = {
    "Acute hospital": "NHS providers",
    "Community health": "NHS providers",
    "Primary care": "Primary care",
    "Mental health": "NHS providers",
    "Local authority: adult social care": "Local government",
    "Local authority: public health": "Local government",
    "Voluntary, community and social enterprise": "Voluntary sector and public",
    "Patients and public": "Voluntary sector and public",
    "Integrated care board": "NHS providers",
}


def sector_sizes(responses: Responses) -> dict[str, int]:
    """People per sector, each counted once under the first sector they gave (as the scoring engine does)."""
    first = responses.table.dropna(subset=["sector"]).groupby("participant", sort=False)["sector"].first()
    return {str(sector): int(count) for sector, count in first.value_counts().sort_index().items()}


def sector_series(result: ScoreResult, responses: Responses) -> tuple[list[Series], list[str]]:
    """One profile per sector with enough people to stay anonymous, and the sectors left out."""
    sizes = sector_sizes(responses)
    shown = [Series(name=f"{sector} ({sizes[sector]})", scores=scores) for sector, scores in
             sorted(result.by_sector.items()) if sizes.get(sector, 0) >= MIN_SECTOR_SIZE]
    hidden = [sector for sector in sorted(result.by_sector) if sizes.get(sector, 0) < MIN_SECTOR_SIZE]
    return shown, hidden


class LensLevel(StrEnum):
    sectors = "sectors"
    groups = "groups"
    none = "none"


class SectorLens(BaseModel):
    """How sectors (or wider groups) see each principle, as far as anonymity allows."""

    level: LensLevel
    series: list[Series]  # one profile per sector or group shown, its size in brackets
    left_out: list[str]  # sectors or groups too small to show, each with its size
    in_words: str | None  # why sectors are grouped or a lens is hidden; None when every sector is shown


def grouped(responses: Responses, groups: Mapping[str, str]) -> Responses:
    """The same answers with each sector replaced by its wider group (a sector with no group stays itself)."""
    table = responses.table.copy()
    table["sector"] = table["sector"].map(lambda sector: groups.get(sector, sector), na_action="ignore")
    return Responses(table)


def _shown_and_left_out(responses: Responses, result: ScoreResult) -> tuple[list[Series], list[str]]:
    sizes = sector_sizes(responses)
    shown, hidden = sector_series(result, responses)
    return shown, [f"{name} ({sizes[name]})" for name in hidden]


def sector_lens(framework: Framework, responses: Responses, result: ScoreResult,
                groups: Mapping[str, str] | None = None) -> SectorLens:
    """Sectors where each has 3 or more people; otherwise wider groups; otherwise no lens, saying why."""
    shown, left_out = _shown_and_left_out(responses, result)
    if not left_out and len(shown) >= 2:
        return SectorLens(level=LensLevel.sectors, series=shown, left_out=[], in_words=None)
    wider = grouped(responses, groups if groups is not None else STANDARD_SECTOR_GROUPS)
    group_shown, group_left_out = _shown_and_left_out(wider, score(framework, wider))
    if len(group_shown) >= 2:
        note = ("Some sectors have fewer than 3 people, so sectors are shown in wider groups."
                + (f" Not shown, being under 3 people: {', '.join(group_left_out)}." if group_left_out else ""))
        return SectorLens(level=LensLevel.groups, series=group_shown, left_out=group_left_out, in_words=note)
    if len(shown) >= 2:
        return SectorLens(level=LensLevel.sectors, series=shown, left_out=left_out,
                          in_words=f"Not shown, being under 3 people: {', '.join(left_out)}.")
    return SectorLens(level=LensLevel.none, series=[], left_out=left_out or group_left_out,
                      in_words="No sector lens: comparing sectors needs at least two sectors or groups of 3 people "
                               "or more, so that nobody's answers can be picked out.")
