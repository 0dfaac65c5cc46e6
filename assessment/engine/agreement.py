"""How far a room agrees: rwg, rwg(J), the AD index, and the plain "agreed / split" rule.

The functions take numpy arrays (or plain numbers) so the scoring engine can apply them to
every statement or principle at once.

The rule a board sees
---------------------
For each principle we take every participant's own score for it (the mean of their answers
to its statements) and call the room **split** when either

* a third or more of the room sit more than one scale point away from the middle (median)
  score — the SCIROCCO Exchange rule, where "four or more of twelve outside a three-point
  region around the median" means no agreement (Lim & Yap, IJIC); or
* people are, on average, further from the room's average than one sixth of the number of
  scale points (0.83 on a 1–5 scale) — the AD-index cut-off of Burke & Dunlap (2002).

Otherwise the room **agreed**. With fewer than three people scoring the principle there are
too few answers to tell.

A split room is in **two camps** when most of it sits at both ends and few near the middle: at least a
quarter of the room (and at least three people) a point or more below the room's average, as many a point or
more above it, and those two ends together two thirds of the room or more. A room in two camps has no single
level: its average describes nobody in it.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import numpy.typing as npt

from assessment.numbers import number

MIN_PEOPLE = 3
OUTSIDE_DISTANCE = 1.0  # scale points from the median
OUTSIDE_SHARE = 1 / 3
CAMP_DISTANCE = 1.0  # scale points from the room's average, below or above
CAMP_SHARE = 1 / 4  # of the room, at least, at each end
ENDS_SHARE = 2 / 3  # of the room, at least, at the two ends together


class Agreement(StrEnum):
    agreed = "agreed"
    split_room = "split"  # not `split`, which would hide str.split on every member
    two_camps = "two camps"  # split, with most of the room at both ends and few near the middle
    too_few = "too few answers"

    @property
    def divided(self) -> bool:
        """Split, in two camps or otherwise."""
        return self in (Agreement.split_room, Agreement.two_camps)


def rule_in_words(scale_points: int) -> str:
    """The agreed/split rule as a board member reads it, with the cut-off for this scale."""
    return ("A principle is marked split when a third or more of the room score it more than one point "
            f"away from the middle score, or when people are on average more than {number(ad_cutoff(scale_points), 2)} "
            "points from the room's average. Otherwise the room agreed. Fewer than three scores is too few to tell. "
            "A split room is in two camps when at least a quarter of it (three people or more) sits a point or more "
            "below the room's average, as many a point or more above it, and the two ends together are two thirds "
            "of the room or more: it is then given no single level until it agrees a score, since its average "
            "describes nobody in it.")


def rwg(variance: npt.ArrayLike, uniform_variance: float) -> np.ndarray:
    """rwg = max(0, 1 − s² / σ²_EU) (James, Demaree & Wolf 1984); NaN where s² is NaN."""
    return np.maximum(0.0, 1.0 - np.asarray(variance, dtype=float) / uniform_variance)


def rwg_j(mean_variance: npt.ArrayLike, items: npt.ArrayLike, uniform_variance: float) -> np.ndarray:
    """rwg(J) = J(1 − r) / (J(1 − r) + r) with r = s̄² / σ²_EU; 0 when r ≥ 1; NaN when J = 0."""
    r = np.asarray(mean_variance, dtype=float) / uniform_variance
    j = np.asarray(items, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = j * (1 - r) / (j * (1 - r) + r)
    value = np.where(r >= 1, 0.0, value)
    return np.where(j > 0, value, np.nan)


def ad_cutoff(scale_points: int) -> float:
    """Burke & Dunlap's practical limit for the AD index: A / 6 scale points."""
    return scale_points / 6


def classify(
    people: npt.ArrayLike, outside_share: npt.ArrayLike, ad: npt.ArrayLike, scale_points: int
) -> list[Agreement]:
    """Agreed or split for each principle, by the rule in this module's docstring."""
    people = np.asarray(people)
    outside_share = np.asarray(outside_share, dtype=float)
    ad = np.asarray(ad, dtype=float)
    split = (outside_share >= OUTSIDE_SHARE - 1e-9) | (np.nan_to_num(ad) > ad_cutoff(scale_points))
    return [
        Agreement.too_few if n < MIN_PEOPLE else Agreement.split_room if s else Agreement.agreed
        for n, s in zip(people, split, strict=True)
    ]


def in_two_camps(people: npt.ArrayLike, low: npt.ArrayLike, high: npt.ArrayLike) -> np.ndarray:
    """Whether a split room is in two camps, from how many people sit a point or more below the room's average
    (`low`) and above it (`high`), per principle."""
    people, low, high = (np.asarray(a, dtype=float) for a in (people, low, high))
    each = np.minimum(low, high)
    return ((each >= MIN_PEOPLE) & (each >= CAMP_SHARE * people - 1e-9)
            & (low + high >= ENDS_SHARE * people - 1e-9))
