"""Comparing results across versions of a framework: only statements whose id and text are unchanged.

A principle's score is the mean of its statements, so when a version adds, drops, rewords or moves a
statement, principle scores from different versions measure different things. Comparisons therefore
rest on the statements every version shares — same id, same text, same principle — and say which
were left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assessment.content.framework import Framework


@dataclass(frozen=True)
class CommonGround:
    framework: Framework | None  # the newest version cut down to the shared statements; None if nothing is shared
    versions: int  # how many different versions took part
    left_out: tuple[str, ...]  # statement ids (of any version) not shared by all
    reason: str | None = None  # why nothing could be compared, when framework is None

    @property
    def in_words(self) -> str | None:
        """What a reader must know, or None when every workshop used the same version."""
        if self.versions == 1:
            return None
        if self.framework is None:
            return f"These workshops used {self.versions} versions of the framework: {self.reason}"
        kept = len(self.framework.statements)
        left = f"; left out: {', '.join(self.left_out)}" if self.left_out else ""
        return (f"These workshops used {self.versions} versions of the framework, so the scores here use only the "
                f"{kept} statements whose id and text are the same in all of them{left}. Agreed scores count only "
                "for principles that kept all their statements.")


def _key(framework: Framework) -> dict[str, tuple[str, str]]:
    return {s.id: (framework.principle_of[s.id].id, s.text) for s in framework.statements}


def common_ground(versions: Sequence[Framework]) -> CommonGround:
    """The statements shared by all versions (oldest first), as a framework for scoring every one."""
    distinct = list({f.model_dump_json(): f for f in versions}.values())
    newest = distinct[-1]
    if len(distinct) == 1:
        return CommonGround(newest, 1, ())
    if len({f.scale.model_dump_json() for f in distinct}) > 1:
        return CommonGround(None, len(distinct), (), reason="their scales differ, so their scores cannot be compared.")
    keys = [_key(f) for f in distinct]
    shared = {sid for sid, key in keys[-1].items() if all(k.get(sid) == key for k in keys)}
    every = sorted(set().union(*keys))
    left_out = tuple(sid for sid in every if sid not in shared)
    if not shared:
        return CommonGround(None, len(distinct), left_out, reason="no statement has the same id and text in all of them.")
    content = newest.model_dump(mode="json")
    content["principles"] = [
        {**principle, "statements": [s for s in principle["statements"] if s["id"] in shared]}
        for principle in content["principles"] if any(s["id"] in shared for s in principle["statements"])
    ]
    return CommonGround(Framework.model_validate(content), len(distinct), left_out)
