"""The `placeready` command line (CONTRACTS.md §4).

Exit status: 0 on success, 2 on bad input (a one-paragraph message on standard error, never a
traceback), 1 on an unexpected fault.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from assessment.comparison import compare
from assessment.errors import InputError, Problem
from assessment.exemplar import builtin_exemplars, exemplar_ids
from assessment.framework import builtin_frameworks, load_framework
from assessment.responses import read_responses_csv
from assessment.scoring import score

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2


def _validate(args: argparse.Namespace) -> None:
    framework = load_framework(args.file)
    print(
        f"{framework.id} (version {framework.version}): "
        f"{len(framework.principles)} principles, {len(framework.statements)} statements"
    )


def _score(args: argparse.Namespace) -> None:
    framework = load_framework(args.framework)
    responses = read_responses_csv(args.responses, framework)
    print(score(framework, responses).model_dump_json(indent=2))


def _exemplars(args: argparse.Namespace) -> None:
    frameworks = builtin_frameworks()
    rows = []
    for exemplar in builtin_exemplars(frameworks):
        row = {"id": exemplar.id, "name": exemplar.name, "period": exemplar.period, "frameworks": {}}
        for framework in frameworks:
            scored, confidence = exemplar.coverage(framework)
            row["frameworks"][framework.id] = {
                "principles": len(framework.principles), "scored": scored, "mean_confidence": confidence,
            }
        rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print("Exemplar scores are our judgements from published evidence (confidence: 3 strong, 2 moderate, 1 weak).")
    for row in rows:
        coverage = "; ".join(
            f"{fid}: {f['scored']}/{f['principles']} scored, mean confidence "
            + ("—" if f["mean_confidence"] is None else f"{f['mean_confidence']:.1f}")
            for fid, f in row["frameworks"].items()
        )
        print(f"{row['id']:<28} {row['name']} ({row['period']}) — {coverage}")


def _compare(args: argparse.Namespace) -> None:
    framework = load_framework(args.framework)
    unknown = [i for i in args.exemplar if i not in exemplar_ids()]
    if unknown:
        raise InputError("--exemplar", [Problem(f"no exemplar has the id '{i}' (see: placeready exemplars)")
                                        for i in unknown])
    exemplars = [e for e in builtin_exemplars() if e.id in args.exemplar]
    result = score(framework, read_responses_csv(args.responses, framework))
    gaps = compare(framework, {p.id: p.mean for p in result.principles}, exemplars)
    if args.json:
        print(json.dumps([gap.model_dump(mode="json") for gap in gaps], indent=2))
        return
    print(f"{'principle':<28} {'exemplar':<22} {'you':>5} {'them':>5} {'gap':>6}  what they did")
    for gap in gaps:
        ours = "—" if gap.partnership_score is None else f"{gap.partnership_score:.1f}"
        theirs = "—" if gap.exemplar_score is None else str(gap.exemplar_score)
        difference = "—" if gap.gap is None else f"{gap.gap:+.1f}"
        note = gap.practice or f"({gap.kind}: {gap.not_assessed_reason})"
        print(f"{gap.principle:<28} {gap.exemplar:<22} {ours:>5} {theirs:>5} {difference:>6}  {note}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="placeready",
        description="Score a place-based partnership against a framework of design principles.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check a framework YAML file")
    validate.add_argument("file", metavar="FILE.yaml")
    validate.set_defaults(run=_validate)

    score_ = commands.add_parser("score", help="score a responses CSV; prints JSON")
    score_.add_argument("--framework", required=True, metavar="ID_OR_PATH",
                        help="a built-in framework id (ham-2015, salford-behaviours) or a YAML file")
    score_.add_argument("--responses", required=True, metavar="FILE.csv")
    score_.set_defaults(run=_score)

    exemplars = commands.add_parser("exemplars", help="list the exemplar profiles and how much is scored")
    exemplars.add_argument("--json", action="store_true", help="print JSON instead of text")
    exemplars.set_defaults(run=_exemplars)

    compare_ = commands.add_parser("compare", help="compare a responses CSV with exemplars, largest gaps first")
    compare_.add_argument("--framework", required=True, metavar="ID_OR_PATH")
    compare_.add_argument("--responses", required=True, metavar="FILE.csv")
    compare_.add_argument("--exemplar", required=True, action="append", metavar="ID",
                          help="an exemplar id; repeat for several")
    compare_.add_argument("--json", action="store_true", help="print JSON instead of a table")
    compare_.set_defaults(run=_compare)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.run(args)
    except InputError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 - the promise is no traceback, ever
        print(f"placeready: unexpected fault ({type(error).__name__}: {error}); "
              "please report it with the command you ran.", file=sys.stderr)
        return EXIT_FAULT
    return EXIT_OK
