"""Per-person rows that a board may see: no sector or organisation label in them marks out fewer than 3 people.

A results download lists each person's answers with their organisation and sector. In a board of seven — three
from the council, three from the hospital and one patient representative — the one row labelled "Patients and
public" is that person's, whatever else is hidden. So before per-person rows leave the facilitator, every label
in them is made to stand for at least 3 people, saying so in the label itself:

1. a sector with fewer than 3 people is shown as its wider group (the workshop's groups, as the room's sector lens
   uses them), e.g. "NHS providers (wider group)";
2. a wider group that still has fewer than 3 takes in the other sectors of the group, smallest first (their people
   are then shown under the group too);
3. whatever is still under 3 (an organisation, a sector without a group) is shown as "Other (groups under 3
   people)", and that too, if under 3, takes in the smallest labels left until it reaches 3.

A room of fewer than 3 people in all cannot be made anonymous this way; everyone is then "Other". The people who
gave no sector or organisation stay blank. The raw rows, with every label as given, are personal data: only the
workshop's facilitators and owners may download them, as a separate file named so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pandas as pd

from assessment.engine.responses import Responses
from assessment.engine.sectors import MIN_SECTOR_SIZE

OTHER = "Other (groups under 3 people)"
WIDER = "{group} (wider group)"


def shown_labels(people: Mapping[str, int], groups: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each label (a sector or organisation → how many people gave it) → the label shown for it, so that every
    label shown stands for at least 3 people (the module's rule)."""
    groups = groups or {}
    shown = {label: label for label in people}

    def size(label: str) -> int:
        return sum(people[given] for given, now in shown.items() if now == label)

    def move(source: str, target: str) -> None:
        for given, now in shown.items():
            if now == source:
                shown[given] = target

    def take_in(target: str, sources: set[str]) -> None:
        """Move whole shown labels into `target`, smallest first, until it stands for 3 people."""
        for source in sorted(sources - {target}, key=lambda label: (size(label), label)):
            if size(target) >= MIN_SECTOR_SIZE:
                return
            move(source, target)

    for given, count in people.items():
        if count < MIN_SECTOR_SIZE and given in groups:
            shown[given] = WIDER.format(group=groups[given])
    for group in sorted(set(shown.values()) - set(people)):
        take_in(group, {given for given, now in shown.items()
                        if now == given and given in groups and WIDER.format(group=groups[given]) == group})
    for label in sorted(set(shown.values())):
        if size(label) < MIN_SECTOR_SIZE:
            move(label, OTHER)
    if OTHER in shown.values():
        take_in(OTHER, set(shown.values()))
    return shown


def _people_per(table: pd.DataFrame, column: str) -> dict[str, int]:
    first = table.dropna(subset=[column]).groupby("participant", sort=False)[column].first()
    return dict(Counter(str(label) for label in first))


def anonymised(responses: Responses, groups: Mapping[str, str] | None) -> Responses:
    """The answers with sectors and organisations relabelled by `shown_labels` (sectors fall into `groups`)."""
    table = responses.table.copy()
    for column, wider in (("sector", groups), ("organisation", None)):
        relabel = shown_labels(_people_per(table, column), wider)
        table[column] = table[column].map(lambda label, r=relabel: r.get(str(label), label), na_action="ignore")
    return Responses(table)
