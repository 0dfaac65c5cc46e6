"""Where a py-spy profile's time went: the share of samples spent in each part of a script run, and the busiest
functions.

    .venv/bin/python bench/profile_summary.py out/ws_load-200-1-server1-gil.txt [--top 15]
    .venv/bin/python bench/profile_summary.py out/….txt --under "render (assessment/pages/join.py"   # what it calls

Reads py-spy's raw output (`py-spy record --format raw`, as `bench/ws_load.py --profile` writes it: one line
per stack, frames separated by ";", then its count). A sample counts towards the first part below whose
function appears anywhere on its stack, so the parts add up to at most 100%.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

# (what it is, a pattern of the frames that make it), most specific first
PARTS = [
    ("waiting for the SQLite write lock (BEGIN IMMEDIATE)", r"_on_begin \(assessment/storage/db\.py"),
    ("waiting for a pooled database connection", r"_do_get \(sqlalchemy/pool/impl\.py"),
    ("saving an answer", r"save_answer \(assessment/services/participation\.py"),
    ("reading what the phone shows (phone.view)", r"view \(assessment/services/phone\.py"),
    ("the phone's follow-the-room check", r"_follow \(assessment/pages/join\.py"),
    ("drawing the scoring screen", r"render \(assessment/pages/scoring\.py|_statement_alone \(assessment/pages"),
    ("the join page and joining", r"_join \(assessment/pages/join\.py"),
    ("the room view (facilitator)", r"assessment/pages/control"),
    ("what the browser controls (take_up_device)", r"take_up_device \(assessment/pages/state\.py"),
    ("the rest of the pages' script (entry, navigation, the phone's frame)", r"code_to_exec \(streamlit"),
    ("Streamlit around each script run (widget states, thread, run's end)", r"_run_script_thread \(streamlit"),
    ("the event loop: messages in and out, page loads, new sessions", r"run_forever \(asyncio"),
    ("idle (waiting for work)", r"\b(select|poll|epoll|wait) \((selectors|threading|queue)\.py"),
]


def read(path: Path) -> Counter[str]:
    stacks: Counter[str] = Counter()
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            stacks[stack] += int(count)
    return stacks


def summary(stacks: Counter[str], top: int) -> list[str]:
    total = sum(stacks.values()) or 1
    parts: Counter[str] = Counter()
    for stack, count in stacks.items():
        part = next((name for name, pattern in PARTS if re.search(pattern, stack)), "other")
        parts[part] += count
    lines = [f"{total} samples"]
    lines += [f"{count / total:6.1%}  {name}" for name, count in parts.most_common()]
    leaves: Counter[str] = Counter()
    for stack, count in stacks.items():
        leaves[stack.rsplit(";", 1)[-1]] += count
    lines.append(f"busiest functions (own time, top {top}):")
    lines += [f"{count / total:6.1%}  {frame}" for frame, count in leaves.most_common(top)]
    return lines


def under(stacks: Counter[str], frame: str, top: int) -> list[str]:
    """The share of all samples spent in each function that the first frame containing `frame` calls."""
    total = sum(stacks.values()) or 1
    callees: Counter[str] = Counter()
    for stack, count in stacks.items():
        frames = stack.split(";")
        at = next((i for i, f in enumerate(frames) if frame in f), None)
        if at is not None:
            callees[frames[at + 1] if at + 1 < len(frames) else "(its own code)"] += count
    lines = [f"{sum(callees.values()) / total:6.1%}  in {frame}, calling:"]
    return lines + [f"{count / total:6.1%}    {callee}" for callee, count in callees.most_common(top)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profiles", type=Path, nargs="+")
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--under", help="instead, what the first frame containing this calls")
    options = parser.parse_args()
    for path in options.profiles:
        print(path.name)
        stacks = read(path)
        for line in under(stacks, options.under, options.top) if options.under else summary(stacks, options.top):
            print("   ", line)


if __name__ == "__main__":
    main()
