"""The `placeready` command line (docs/formats.md).

Exit status: 0 on success, 2 on bad input (a one-paragraph message on standard error, never a
traceback), 1 on an unexpected fault.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from assessment.cli import reports
from assessment.cli.shared import COMMAND_LINE, chosen_exemplars, database, stored_workshop
from assessment.content.exemplar import builtin_exemplars
from assessment.content.framework import builtin_framework_ids, builtin_frameworks, load_framework
from assessment.engine.comparison import compare
from assessment.engine.responses import read_responses_csv
from assessment.engine.scoring import score
from assessment.errors import InputError
from assessment.numbers import number, signed

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
            + number(f["mean_confidence"])
            for fid, f in row["frameworks"].items()
        )
        print(f"{row['id']:<28} {row['name']} ({row['period']}) — {coverage}")


def _compare(args: argparse.Namespace) -> None:
    framework = load_framework(args.framework)
    exemplars = chosen_exemplars(args.exemplar)
    result = score(framework, read_responses_csv(args.responses, framework))
    gaps = compare(framework, {p.id: p.mean for p in result.principles}, exemplars)
    if args.json:
        print(json.dumps([gap.model_dump(mode="json") for gap in gaps], indent=2))
        return
    print(f"{'principle':<28} {'exemplar':<22} {'you':>5} {'them':>5} {'gap':>6}  what they did")
    for gap in gaps:
        ours = number(gap.partnership_score)
        theirs = number(gap.exemplar_score, 0)
        difference = signed(gap.gap)
        note = gap.practice or f"({gap.kind}: {gap.not_assessed_reason})"
        print(f"{gap.principle:<28} {gap.exemplar:<22} {ours:>5} {theirs:>5} {difference:>6}  {note}")


def _export(args: argparse.Namespace) -> None:
    from pathlib import Path

    from assessment.services.transfer import export_workshop

    with database() as db:
        workshop = stored_workshop(db, args.workshop)
        Path(args.output).write_text(export_workshop(db, actor=COMMAND_LINE, workshop_id=workshop.id, personal=True),
                                     encoding="utf-8")
    print(f"wrote {args.output} (personal data: every organisation and sector as people gave them)")


def _answers(args: argparse.Namespace) -> None:
    from pathlib import Path

    from assessment.engine.responses import responses_csv
    from assessment.reports.names import RAW_ANSWERS, workshop_file_name
    from assessment.services import results, workshops

    with database() as db:
        workshop = stored_workshop(db, args.workshop)
        framework = workshops.pick(workshop.frameworks, args.framework)
        raw = results.responses(db, actor=COMMAND_LINE, workshop_id=workshop.id, framework_id=framework.id,
                                personal=True)
    target = Path(args.output or workshop_file_name(
        partnership=workshop.partnership, workshop=workshop.title, held_on=workshop.held_on.isoformat(),
        framework_id=framework.id, what=RAW_ANSWERS, extension="csv"))
    target.write_text(responses_csv(raw), encoding="utf-8")
    print(f"wrote {target}: raw answers, personal-level data (every organisation and sector as given); keep it to "
          "the workshop's facilitators and owners")


def _import(args: argparse.Namespace) -> None:
    from pathlib import Path

    from assessment.services.organisations import organisation_id
    from assessment.services.transfer import import_workshop, read_workshop_file

    document = read_workshop_file(Path(args.file).read_bytes(), source=args.file)
    with database() as db:
        owner = organisation_id(db, name=args.organisation) if args.organisation is not None else None
        created = import_workshop(db, actor=COMMAND_LINE, document=document, organisation_id=owner)
    print(f"imported as join code {created.join_code}; facilitator link: /room?key={created.facilitator_key}")


def _organisation(args: argparse.Namespace) -> None:
    from assessment.services import entries, organisations

    with database() as db:
        organisations.create_organisation(db, actor=COMMAND_LINE, name=args.name, owner_email=args.owner)
    print(f"organisation '{args.name}' created; {entries.email_address(args.owner)} is its owner")


def _member(args: argparse.Namespace) -> None:
    from assessment.services import entries, organisations

    with database() as db:
        organisations.set_member(db, actor=COMMAND_LINE, email=args.email, role=args.role,
                                 organisation_id=organisations.organisation_id(db, name=args.organisation))
    print(f"{entries.email_address(args.email)} is now {args.role} of '{args.organisation}'")


def _retention(args: argparse.Namespace) -> None:
    import datetime

    from assessment.services.privacy import apply_retention, due_for_retention

    today = datetime.date.today()
    with database() as db:
        if not args.yes:
            due = due_for_retention(db, actor=COMMAND_LINE, days=args.days, today=today)
            print(f"{len(due)} workshop(s) held more than {args.days} days ago still hold personal data; nothing was "
                  "erased. Run again with --yes to erase it (this cannot be undone).")
            return
        erased = apply_retention(db, actor=COMMAND_LINE, days=args.days, today=today)
    print(f"erased the personal data of {len(erased)} workshop(s) held more than {args.days} days ago")


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
                        help=f"a built-in framework id ({', '.join(builtin_framework_ids())}) or a YAML file")
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

    reports.add_command(commands)

    answers = commands.add_parser("answers", help="write a stored workshop's raw answers (personal-level data) as a "
                                  "responses CSV")
    answers.add_argument("--workshop", required=True, metavar="JOIN_CODE")
    answers.add_argument("--framework", required=True, metavar="ID")
    answers.add_argument("-o", "--output", metavar="FILE.csv",
                         help="default: named for the workshop, as the app names it")
    answers.set_defaults(run=_answers)

    export = commands.add_parser("export", help="write a stored workshop as a JSON file (personal data: organisations "
                                 "and sectors as given)")
    export.add_argument("--workshop", required=True, metavar="JOIN_CODE")
    export.add_argument("-o", "--output", required=True, metavar="FILE.json")
    export.set_defaults(run=_export)

    import_ = commands.add_parser("import", help="read a workshop JSON file into the database as a new workshop")
    import_.add_argument("file", metavar="FILE.json")
    import_.add_argument("--organisation", metavar="NAME", help="hosted mode: the organisation that will own it")
    import_.set_defaults(run=_import)

    organisation = commands.add_parser("organisation", help="hosted mode: create an organisation and its first owner")
    organisation.add_argument("name", metavar="NAME")
    organisation.add_argument("--owner", required=True, metavar="EMAIL", help="the address the owner signs in with")
    organisation.set_defaults(run=_organisation)

    member = commands.add_parser("member", help="hosted mode: give someone a role in an organisation")
    member.add_argument("organisation", metavar="ORGANISATION")
    member.add_argument("email", metavar="EMAIL")
    member.add_argument("role", choices=["owner", "facilitator", "viewer"])
    member.set_defaults(run=_member)

    retention = commands.add_parser("retention", help="erase personal data of workshops held over DAYS days ago")
    retention.add_argument("--days", required=True, type=int, metavar="DAYS", help="at least 30")
    retention.add_argument("--yes", action="store_true", help="erase for real (without it, only says what is due)")
    retention.set_defaults(run=_retention)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.run(args)
    except InputError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:
        print(f"placeready: unexpected fault ({type(error).__name__}: {error}); "
              "please report it with the command you ran.", file=sys.stderr)
        return EXIT_FAULT
    return EXIT_OK
