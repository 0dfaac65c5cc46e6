"""The scoring engine: from a framework and its answers to every number PlaceReady shows.

The rules are docs/scoring.md; every screen, report and export calls `score` and nothing
else, so the numbers agree everywhere. It is vectorised with pandas, so a million answers
take a fraction of a second.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Literal

import krippendorff
import numpy as np
import pandas as pd
from pydantic import BaseModel, PrivateAttr, computed_field

from assessment.content.framework import Framework
from assessment.engine.agreement import (
    CAMP_DISTANCE,
    OUTSIDE_DISTANCE,
    Agreement,
    classify,
    in_two_camps,
    rwg,
    rwg_j,
)
from assessment.engine.responses import Responses


class Spread(BaseModel):
    """Where a group's answers sit and how far they agree (docs/scoring.md)."""

    mean: float | None
    median: float | None
    n: int
    rwg: float | None
    ad: float | None
    dont_know: float | None


class StatementScore(Spread):
    id: str
    principle: str


class Camps(BaseModel):
    """A room in two camps (docs/scoring.md, section 5): who sits at each end, and where."""

    low: int  # people a point or more below the room's average
    high: int  # people a point or more above it
    between: int  # everyone else
    low_points: tuple[int, int]  # the lowest and highest scale point the low camp's scores are nearest to
    high_points: tuple[int, int]
    low_mean: float
    high_mean: float


def shown_level(level: str | None, agreement: Agreement) -> str:
    """A level as a screen shows it beside a mean: a room in two camps has no single level."""
    return level or ("no single level: two camps" if agreement is Agreement.two_camps else "no score")


class PrincipleScore(Spread):
    id: str
    name: str
    level: str | None  # None when there is no mean, or when the room is in two camps
    agreement: Agreement
    outside_share: float | None  # share of participants more than one point from the median
    sd: float | None  # standard deviation of the participants' principle scores; None under two people
    people_at: list[int]  # participants per scale point, lowest first, by the point their score is nearest to
    camps: Camps | None  # where the room is in two camps


class OverallScore(BaseModel):
    """The whole assessment. Krippendorff's alphas are worked out when first read: the places view scores forty
    workshops a rerun and reads only principle means, and the alphas were a quarter of scoring each."""

    mean: float | None
    level: str | None
    _answers: np.ndarray = PrivateAttr()  # participants × statements, NaN where not answered
    _points: range = PrivateAttr()

    @classmethod
    def of(cls, *, mean: float | None, level: str | None, answers: np.ndarray, points: range) -> OverallScore:
        overall = cls(mean=mean, level=level)
        overall._answers, overall._points = answers, points
        return overall

    @computed_field  # type: ignore[prop-decorator]  # mypy cannot type a decorator over a property
    @cached_property
    def alpha_ordinal(self) -> float | None:
        return _alpha(self._answers, "ordinal", self._points)

    @computed_field  # type: ignore[prop-decorator]  # mypy cannot type a decorator over a property
    @cached_property
    def alpha_interval(self) -> float | None:
        return _alpha(self._answers, "interval", self._points)

    def __eq__(self, other: object) -> bool:  # by what it says, not by the array it keeps to say it
        return isinstance(other, OverallScore) and self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]  # unhashable, as __eq__ compares values; typeshed says a method


class ScoreResult(BaseModel):
    framework: str
    participants: int
    overall: OverallScore
    principles: list[PrincipleScore]
    statements: list[StatementScore]
    by_sector: dict[str, dict[str, float | None]]
    sector_people: dict[str, dict[str, int]]  # sector → principle → people of the sector who scored it

    def principle(self, principle_id: str) -> PrincipleScore:
        return next(p for p in self.principles if p.id == principle_id)


def score(framework: Framework, responses: Responses) -> ScoreResult:
    """Score one assessment. Answers to statements outside the framework are ignored."""
    scale = framework.scale
    statement_ids = [s.id for s in framework.statements]
    principle_ids = [p.id for p in framework.principles]
    n_statements, n_principles = len(statement_ids), len(principle_ids)
    principle_of = np.array([principle_ids.index(framework.principle_of[s].id) for s in statement_ids])

    # Integer codes for everything: factorising once and mapping the few distinct statement ids
    # is far faster than looking each string up. The columns' arrays are factorised, not the columns: for the
    # small tables the places view scores forty of, that took a quarter of the time.
    table = responses.table
    participant, participant_ids = pd.factorize(table["participant"].to_numpy())
    raw_codes, seen_ids = pd.factorize(table["statement"].to_numpy())
    # A dict, not pd.Index(statement_ids).get_indexer: building that index took a third of scoring a workshop.
    position = {statement_id: i for i, statement_id in enumerate(statement_ids)}
    statement = np.array([position.get(i, -1) for i in seen_ids], dtype=np.intp)[raw_codes]
    sector, sector_names = pd.factorize(table["sector"].to_numpy())  # no sector: -1
    value = table["value"].to_numpy(dtype=float)
    dont_know = table["dont_know"].to_numpy(dtype=bool)
    known = statement >= 0
    if not known.all():
        participant, statement, sector = participant[known], statement[known], sector[known]
        value, dont_know = value[known], dont_know[known]
    numeric = ~np.isnan(value)
    x, s, who = value[numeric], statement[numeric], participant[numeric]

    # Statements
    count = np.bincount(s, minlength=n_statements)
    mean = _divide(np.bincount(s, weights=x, minlength=n_statements), count)
    residual = x - mean[s]
    variance = _divide(np.bincount(s, weights=residual**2, minlength=n_statements), count - 1)
    ad = _divide(np.bincount(s, weights=np.abs(residual), minlength=n_statements), count)
    ad[count < 2] = np.nan
    median = _group_median(s, x, n_statements)
    dk_count = np.bincount(statement[dont_know], minlength=n_statements)
    statement_rwg = np.where(count >= 2, rwg(variance, scale.uniform_variance), np.nan)

    # Principles
    principle_mean = _mean_by(mean, principle_of, count > 0, n_principles)
    agreeable = count >= 2
    items = np.bincount(principle_of[agreeable], minlength=n_principles)
    principle_rwg = rwg_j(_mean_by(variance, principle_of, agreeable, n_principles), items,
                          scale.uniform_variance)
    principle_ad = _mean_by(ad, principle_of, ~np.isnan(ad), n_principles)
    principle_numeric = np.bincount(principle_of, weights=count, minlength=n_principles)
    principle_dk = np.bincount(principle_of, weights=dk_count, minlength=n_principles)

    # Each participant's own score for each principle: the mean of their numeric answers in it.
    key = who * n_principles + principle_of[s]
    key_count = np.bincount(key, minlength=len(participant_ids) * n_principles)
    answered = np.flatnonzero(key_count)
    person_score = np.bincount(key, weights=x, minlength=key_count.size)[answered] / key_count[answered]
    person_principle = answered % n_principles
    people = np.bincount(person_principle, minlength=n_principles)
    principle_median = _group_median(person_principle, person_score, n_principles)
    outside = np.abs(person_score - principle_median[person_principle]) > OUTSIDE_DISTANCE + 1e-9
    outside_share = _divide(np.bincount(person_principle, weights=outside, minlength=n_principles), people)
    agreement = classify(people, outside_share, principle_ad, len(scale.points))
    person_mean = _divide(np.bincount(person_principle, weights=person_score, minlength=n_principles), people)
    deviation = person_score - person_mean[person_principle]
    person_sd = np.sqrt(_divide(np.bincount(person_principle, weights=deviation**2, minlength=n_principles),
                                people - 1))
    low, high = deviation <= -CAMP_DISTANCE + 1e-9, deviation >= CAMP_DISTANCE - 1e-9
    two_camps = in_two_camps(people, np.bincount(person_principle, weights=low, minlength=n_principles),
                             np.bincount(person_principle, weights=high, minlength=n_principles))
    agreement = [Agreement.two_camps if a is Agreement.split_room and camps else a
                 for a, camps in zip(agreement, two_camps, strict=True)]
    # The point each person's score is nearest to, as printed (one decimal place, a half going up).
    person_point = np.clip(np.floor(np.round(person_score, 1) + 0.5), scale.min, scale.max).astype(int) - scale.min
    width = len(scale.points)
    people_at = np.bincount(person_principle * width + person_point, minlength=n_principles * width)
    people_at = people_at.reshape(n_principles, width)

    principles = [
        PrincipleScore(
            id=p.id,
            name=p.name,
            mean=_value(principle_mean[i]),
            median=_value(principle_median[i]),
            n=int(people[i]),
            rwg=_value(principle_rwg[i]),
            ad=_value(principle_ad[i]),
            dont_know=_share(principle_dk[i], principle_numeric[i]),
            level=None if agreement[i] is Agreement.two_camps else scale.level(_value(principle_mean[i])),
            agreement=agreement[i],
            outside_share=_value(outside_share[i]),
            sd=_value(person_sd[i]),
            people_at=[int(c) for c in people_at[i]],
            camps=_camps(i, person_principle, person_point + scale.min, person_score, low, high)
            if agreement[i] is Agreement.two_camps else None,
        )
        for i, p in enumerate(framework.principles)
    ]
    statements = [
        StatementScore(
            id=statement_id,
            principle=principle_ids[principle_of[i]],
            mean=_value(mean[i]),
            median=_value(median[i]),
            n=int(count[i]),
            rwg=_value(statement_rwg[i]),
            ad=_value(ad[i]),
            dont_know=_share(dk_count[i], count[i]),
        )
        for i, statement_id in enumerate(statement_ids)
    ]
    overall_mean = _value(np.nanmean(principle_mean)) if (count > 0).any() else None
    matrix = np.full((len(participant_ids), n_statements), np.nan)
    matrix[who, s] = x
    by_sector, sector_people = _by_sector(participant, sector, sector_names, numeric, s, x, principle_of,
                                          principle_ids)
    return ScoreResult(
        framework=framework.id,
        participants=len(participant_ids),
        overall=OverallScore.of(mean=overall_mean, level=scale.level(overall_mean), answers=matrix,
                                points=scale.points),
        principles=principles,
        statements=statements,
        by_sector=by_sector, sector_people=sector_people,
    )


def _camps(principle: int, person_principle: np.ndarray, point: np.ndarray, person_score: np.ndarray,
           low: np.ndarray, high: np.ndarray) -> Camps:
    mine = person_principle == principle
    lows, highs = mine & low, mine & high
    return Camps(low=int(lows.sum()), high=int(highs.sum()), between=int((mine & ~low & ~high).sum()),
                 low_points=(int(point[lows].min()), int(point[lows].max())),
                 high_points=(int(point[highs].min()), int(point[highs].max())),
                 low_mean=float(person_score[lows].mean()), high_mean=float(person_score[highs].mean()))


def _by_sector(
    participant: np.ndarray,
    sector: np.ndarray,
    sector_names: np.ndarray,
    numeric: np.ndarray,
    statement: np.ndarray,
    value: np.ndarray,
    principle_of: np.ndarray,
    principle_ids: list[str],
) -> tuple[dict[str, dict[str, float | None]], dict[str, dict[str, int]]]:
    """Principle means from each sector's participants alone (`by_sector`), and how many of them scored each
    principle (`sector_people`).

    A participant's sector is the first one they gave, so each person counts in one sector.
    """
    given = sector >= 0
    people, first = np.unique(participant[given], return_index=True)
    sector_of = np.full(participant.max() + 1 if participant.size else 0, -1)
    sector_of[people] = sector[given][first]
    who = participant[numeric]
    row_sector = sector_of[who]
    n_statements, n_principles = principle_of.size, len(principle_ids)
    means: dict[str, dict[str, float | None]] = {}
    counts: dict[str, dict[str, int]] = {}
    for code, name in enumerate(sector_names):
        mine = row_sector == code
        count = np.bincount(statement[mine], minlength=n_statements)
        statement_means = _divide(np.bincount(statement[mine], weights=value[mine], minlength=n_statements), count)
        principle_means = _mean_by(statement_means, principle_of, count > 0, n_principles)
        scored = np.unique(who[mine] * n_principles + principle_of[statement[mine]]) % n_principles
        people_per = np.bincount(scored, minlength=n_principles)
        means[str(name)] = {p: _value(principle_means[i]) for i, p in enumerate(principle_ids)}
        counts[str(name)] = {p: int(people_per[i]) for i, p in enumerate(principle_ids)}
    return dict(sorted(means.items())), dict(sorted(counts.items()))


def _divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, NaN where the denominator is not positive."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / np.maximum(denominator, 1), np.nan)


def _group_median(groups: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """The usual median of `values` within each group (mean of the middle two for an even count)."""
    counts = np.bincount(groups, minlength=size)
    if not values.size:
        return np.full(size, np.nan)
    # Sorting one combined key puts the groups in order and each group's values in order
    # (faster than lexsort); the values themselves are then taken exactly as given.
    span = values.max() - values.min() + 1
    ordered = values[np.argsort(groups * span + (values - values.min()))]
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    has = counts > 0
    median = np.full(size, np.nan)
    median[has] = (ordered[(starts + (counts - 1) // 2)[has]] + ordered[(starts + counts // 2)[has]]) / 2
    return median


def _mean_by(values: np.ndarray, groups: np.ndarray, include: np.ndarray, size: int) -> np.ndarray:
    """Mean of `values[include]` within each group; NaN for a group with nothing included."""
    totals = np.bincount(groups[include], weights=values[include], minlength=size)
    counts = np.bincount(groups[include], minlength=size)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(counts > 0, totals / counts, np.nan)


def _value(number: float) -> float | None:
    return None if number is None or math.isnan(number) else float(number)


def _share(part: float, rest: float) -> float | None:
    total = part + rest
    return None if total == 0 else float(part / total)


def _alpha(matrix: np.ndarray, level: Literal["ordinal", "interval"], points: range) -> float | None:
    """Krippendorff's alpha over participants × statements, or None when it cannot be computed."""
    if np.count_nonzero((~np.isnan(matrix)).sum(axis=0) >= 2) == 0:
        return None  # no statement has two answers to compare
    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            value = krippendorff.alpha(
                reliability_data=matrix, value_domain=list(points), level_of_measurement=level
            )
    except (ValueError, ZeroDivisionError):
        return None
    return _value(float(value))
