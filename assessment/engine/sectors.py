"""Sectors in the room: how many people each has, and their profiles, only where nobody can be picked out.

A sector is shown only with 3 people or more, and each of its figures only where 3 or more of them scored that
principle (a sector of five of whom two scored a principle shows a blank there, saying "fewer than 3"). In a
small room, where single sectors are too small, sectors fall into wider groups (NHS providers, primary care, local
government, voluntary sector and public, unless the workshop says otherwise); a group too is shown only with 3
or more, and a lens needs at least two groups to compare. Whatever is left out is named, with its size and the
reason, so the room and the report's readers know why. The room, the reports and the exports all read sectors
through `sector_lens`, so a workshop's wider groups are the same on the projector and in its report.
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
WITHHELD = "fewer than 3"  # what a blank sector cell says

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
    """One profile per sector with enough people to stay anonymous, each figure blank where fewer than 3 of them
    scored the principle; and the sectors left out."""
    sizes = sector_sizes(responses)
    shown = []
    for sector, scores in sorted(result.by_sector.items()):
        if sizes.get(sector, 0) < MIN_SECTOR_SIZE:
            continue
        people = result.sector_people.get(sector, {})
        withheld = [pid for pid, value in scores.items()
                    if value is not None and people.get(pid, 0) < MIN_SECTOR_SIZE]
        shown.append(Series(name=f"{sector} ({sizes[sector]})", withheld=withheld,
                            scores={pid: None if pid in withheld else value for pid, value in scores.items()}))
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
    left_out: list[str]  # sectors or groups too small to show, each with its size: "Patients and public (2)"
    in_words: str | None  # why sectors are grouped, left out or blank; None when every figure is shown

    @property
    def compared(self) -> bool:
        return len(self.series) >= 2


def grouped(responses: Responses, groups: Mapping[str, str]) -> Responses:
    """The same answers with each sector replaced by its wider group (a sector with no group stays itself)."""
    table = responses.table.copy()
    table["sector"] = table["sector"].map(lambda sector: groups.get(sector, sector), na_action="ignore")
    return Responses(table)


def _shown_and_left_out(responses: Responses, result: ScoreResult) -> tuple[list[Series], list[str]]:
    sizes = sector_sizes(responses)
    shown, hidden = sector_series(result, responses)
    return shown, [f"{name} ({sizes[name]})" for name in hidden]


def _words(grouped_note: str | None, left_out: list[str], series: list[Series]) -> str | None:
    words = [grouped_note] if grouped_note else []
    if left_out:
        words.append(f"Not shown, being under {MIN_SECTOR_SIZE} people: {', '.join(left_out)}.")
    if any(s.withheld for s in series):
        words.append(f"A blank marked “{WITHHELD}” is a principle that fewer than {MIN_SECTOR_SIZE} people of that "
                     "sector scored.")
    return " ".join(words) or None


def sector_lens(framework: Framework, responses: Responses, result: ScoreResult,
                groups: Mapping[str, str] | None = None) -> SectorLens:
    """Sectors where each has 3 or more people; otherwise wider groups (the workshop's own, or the standard ones
    when `groups` is None); otherwise no lens, saying why."""
    shown, left_out = _shown_and_left_out(responses, result)
    if not result.by_sector:
        return SectorLens(level=LensLevel.none, series=[], left_out=[],
                          in_words="Sectors could not be compared: nobody gave a sector.")
    if not left_out and len(shown) >= 2:
        return SectorLens(level=LensLevel.sectors, series=shown, left_out=[], in_words=_words(None, [], shown))
    wider = grouped(responses, groups if groups is not None else STANDARD_SECTOR_GROUPS)
    group_shown, group_left_out = _shown_and_left_out(wider, score(framework, wider))
    if len(group_shown) >= 2:
        note = f"Some sectors have fewer than {MIN_SECTOR_SIZE} people, so sectors are shown in wider groups."
        return SectorLens(level=LensLevel.groups, series=group_shown, left_out=group_left_out,
                          in_words=_words(note, group_left_out, group_shown))
    if len(shown) >= 2:
        return SectorLens(level=LensLevel.sectors, series=shown, left_out=left_out,
                          in_words=_words(None, left_out, shown))
    return SectorLens(level=LensLevel.none, series=[], left_out=left_out or group_left_out,
                      in_words="Sectors could not be compared: that needs at least two sectors or groups of "
                               f"{MIN_SECTOR_SIZE} people or more, so that nobody's answers can be picked out."
                               + (f" Under {MIN_SECTOR_SIZE} people: {', '.join(left_out or group_left_out)}."
                                  if left_out or group_left_out else ""))
