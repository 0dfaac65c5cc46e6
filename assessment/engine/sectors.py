"""Sectors in the room: how many people each has, and their profiles, only where nobody can be picked out."""

from __future__ import annotations

from assessment.engine.profiles import Series
from assessment.engine.responses import Responses
from assessment.engine.scoring import ScoreResult

MIN_SECTOR_SIZE = 3  # fewer people than this and a sector's scores would give away who said what


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
