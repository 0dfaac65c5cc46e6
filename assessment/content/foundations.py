"""What a framework rests on in others, checked across files: the framework model checks each file alone, but the
framework a principle names under `rests_on` lives in another file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from assessment.content.framework import Framework
from assessment.errors import Problem, format_path


def foundation_problems(framework: Framework, known: Mapping[str, Framework]) -> list[Problem]:
    """What is wrong with the framework's `rests_on`: a framework that is not in `known` (the built-in ones, for an
    upload), or a principle that framework does not have. The model cannot check this alone: the other framework
    lives in another file."""
    problems = []
    for p_index, principle in enumerate(framework.principles):
        for other_id, foundations in principle.rests_on.items():
            where = format_path(("principles", p_index, "rests_on", other_id))
            other = known.get(other_id)
            if other is None:
                problems.append(Problem(f"no framework has the id '{other_id}' (use one of "
                                        f"{', '.join(sorted(known))})", location=where))
                continue
            ids = [p.id for p in other.principles]
            for f_index, foundation in enumerate(foundations):
                if foundation.principle not in ids:
                    problems.append(Problem(f"'{foundation.principle}' is not a principle of {other_id}",
                                            location=f"{where}[{f_index}].principle"))
            for principle_id, count in Counter(f.principle for f in foundations).items():
                if count > 1:
                    problems.append(Problem(f"'{principle_id}' is named {count} times", location=where))
    return problems
