"""`placeready report`: the readiness report, board pack and results of a CSV or a stored workshop, and the
progress and places-side-by-side reports — the same files the app's download buttons give.

    placeready report --framework ham-2015 --workshop K7P4QX -o pack.pptx
    placeready report --workshop K7P4QX -o report.pdf     (every framework the workshop scored, in one report)
    placeready report --framework ham-2015 --progress Riverbrook -o reports/
    placeready report --framework ham-2015 --system "North ICS" --format docx

Without -o, or with -o naming a folder, the file gets the name the app would suggest (whose report, which
workshop, which date). Without --framework, a workshop's report covers every framework it scored: one summary,
one list of recommendations, then a part per framework.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from assessment.cli.shared import COMMAND_LINE, chosen_exemplars, database, stored_workshop
from assessment.errors import InputError, Problem
from assessment.services.database import Database
from assessment.services.history import PREVIOUS

FORMATS = ("pdf", "docx", "html", "pptx", "xlsx", "csv")
VIEW_FORMATS = ("pdf", "docx", "html")


def _format(args: argparse.Namespace, allowed: tuple[str, ...]) -> str:
    output = Path(args.output) if args.output else None
    named = output is not None and not output.is_dir() and output.suffix
    fmt = args.format or (output.suffix.lstrip(".").lower() if named else "pdf")
    if fmt not in allowed:
        raise InputError("--format", [Problem(f"say {', '.join(allowed[:-1])} or {allowed[-1]} (or end the output "
                                              "file name with one)")])
    return fmt


def _written(args: argparse.Namespace, data: bytes, suggested: str) -> Path:
    """Write to -o, or to the suggested name in -o's folder or the current one."""
    output = Path(args.output) if args.output else Path.cwd()
    target = output / suggested if output.is_dir() else output
    try:
        target.write_bytes(data)
    except OSError as error:
        raise InputError("-o", [Problem(f"cannot write {target} ({error.strerror})")]) from None
    return target


def _place_id(db: Database, wanted: str) -> int:
    """A place by its id, its name, or the unique start of its name (any case)."""
    from assessment.services import places

    known = places.places(db, actor=COMMAND_LINE)
    name = wanted.strip().casefold()
    found = ([p for p in known if str(p.id) == name] or [p for p in known if p.label.casefold() == name]
             or [p for p in known if p.label.casefold().startswith(name)])
    if len(found) != 1:
        listed = "; ".join(f"{p.id} {p.label}" for p in known) or "none yet"
        problem = "more than one place has this name; give its id" if found else "no place has this id or name"
        raise InputError("--progress", [Problem(f"{problem} (places: {listed})", location=wanted)])
    return found[0].id


def _system(db: Database, wanted: str) -> tuple[int, str]:
    """A system's id and name, by its name in any case."""
    from assessment.services import places

    systems = places.systems(db, actor=COMMAND_LINE)
    found = [(i, name) for i, name in systems.items() if name.casefold() == wanted.strip().casefold()]
    if not found:
        raise InputError("--system", [Problem(f"no system has this name (systems: "
                                              f"{', '.join(sorted(systems.values())) or 'none yet'})",
                                              location=wanted)])
    return found[0]


def _view(args: argparse.Namespace) -> None:
    from assessment.reports.names import view_file_name
    from assessment.reports.render import render_view
    from assessment.services import reports
    from assessment.settings import get_settings

    fmt = _format(args, VIEW_FORMATS)
    brand = reports.branding(get_settings())
    with database() as db:
        if args.progress:
            view = reports.progress_report(db, actor=COMMAND_LINE, partnership_id=_place_id(db, args.progress),
                                           framework_id=args.framework, brand=brand)
        else:
            system_id, system = _system(db, args.system)
            view = reports.system_report(db, actor=COMMAND_LINE, framework_id=args.framework, system_id=system_id,
                                         system=system, brand=brand)
    if view is None:
        raise InputError("--framework", [Problem(f"no workshop there scored '{args.framework}' (or their versions "
                                                 "share no statement)")])
    target = _written(args, render_view(view, fmt), view_file_name(view, fmt))
    print(f"wrote {target} ({fmt}, {target.stat().st_size // 1024} KB)")


def _report(args: argparse.Namespace) -> None:
    from assessment.content.framework import builtin_frameworks, load_framework
    from assessment.engine.crosswalk import unscored
    from assessment.engine.report import build_report
    from assessment.engine.responses import read_responses_csv
    from assessment.reports.names import report_file_name
    from assessment.reports.render import render
    from assessment.services import reports
    from assessment.services import results as stored_results
    from assessment.settings import get_settings

    sources = [name for name in ("responses", "workshop", "progress", "system") if getattr(args, name)]
    if len(sources) != 1:
        raise InputError("report", [Problem("give one of --responses FILE.csv, --workshop JOIN_CODE, --progress "
                                            "PLACE or --system NAME")])
    if args.baseline and not args.workshop:
        raise InputError("--baseline", [Problem("a baseline is chosen for a stored workshop (--workshop)")])
    if args.framework is None and not args.workshop:
        raise InputError("--framework", [Problem("give the framework's id or file (only a workshop's report may "
                                                 "leave it out, to cover every framework the workshop scored)")])
    if args.progress or args.system:
        _view(args)
        return
    if args.framework is None:
        _combined(args)
        return
    fmt = _format(args, FORMATS)
    brand = reports.branding(get_settings())
    exemplars = chosen_exemplars(args.exemplar or [])
    if args.responses:
        framework = load_framework(args.framework)
        responses = read_responses_csv(args.responses, framework)
        report = build_report(framework, responses, partnership=args.partnership or Path(args.responses).stem,
                              exemplars=exemplars, branding=brand, today=datetime.date.today())
        report = report.model_copy(update={"crosswalks": unscored(framework, builtin_frameworks())})
    else:
        with database() as db:
            workshop = stored_workshop(db, args.workshop)
            framework = workshop.framework(args.framework)
            baseline = stored_workshop(db, args.baseline, option="--baseline").id if args.baseline else PREVIOUS
            report = reports.workshop_report(db, actor=COMMAND_LINE, workshop_id=workshop.id,
                                             framework_id=framework.id, brand=brand, baseline=baseline,
                                             exemplars=exemplars or chosen_exemplars(list(workshop.exemplar_ids)))
            responses = stored_results.responses(db, actor=COMMAND_LINE, workshop_id=workshop.id,
                                                 framework_id=framework.id)
    what = {"pptx": "board-pack", "xlsx": "results", "csv": "results"}.get(fmt, "readiness-report")
    target = _written(args, render(report, fmt, responses=responses), report_file_name(report, what, fmt))
    print(f"wrote {target} ({fmt}, {target.stat().st_size // 1024} KB)")


def _combined(args: argparse.Namespace) -> None:
    """Every framework a stored workshop scored, in one report (one framework alone: its own report)."""
    from assessment.reports.names import workshop_file_name
    from assessment.reports.render import render_combined
    from assessment.services import reports
    from assessment.settings import get_settings

    with database() as db:
        workshop = stored_workshop(db, args.workshop)
        if len(workshop.frameworks) == 1:
            args.framework = workshop.frameworks[0].id
        else:
            fmt = _format(args, FORMATS)
            if fmt not in VIEW_FORMATS:
                scored = " and ".join(f.id for f in workshop.frameworks)
                raise InputError("--framework", [Problem(f"this workshop scored {scored}: a board pack or results "
                                                         "cover one framework, so give --framework")])
            baseline = stored_workshop(db, args.baseline, option="--baseline").id if args.baseline else PREVIOUS
            report = reports.combined_report(
                db, actor=COMMAND_LINE, workshop_id=workshop.id, brand=reports.branding(get_settings()),
                baseline=baseline, exemplars=chosen_exemplars(args.exemplar or list(workshop.exemplar_ids)))
            target = _written(args, render_combined(report, fmt), workshop_file_name(
                partnership=workshop.partnership, workshop=workshop.title, held_on=workshop.held_on.isoformat(),
                framework_id=None, what="readiness-report", extension=fmt))
            print(f"wrote {target} ({fmt}, {target.stat().st_size // 1024} KB)")
            return
    _report(args)


def add_command(commands) -> None:  # type: ignore[no-untyped-def]
    report = commands.add_parser(
        "report", help="write a readiness report, board pack or results; or a place's progress or a system's places "
                       "side by side")
    report.add_argument("--framework", metavar="ID_OR_PATH",
                        help="with --workshop, leave out for one report of every framework the workshop scored "
                             "(PDF, Word or HTML)")
    report.add_argument("--responses", metavar="FILE.csv", help="answers from a responses CSV")
    report.add_argument("--workshop", metavar="JOIN_CODE", help="a workshop stored in PLACEREADY_DATABASE_URL")
    report.add_argument("--baseline", metavar="JOIN_CODE",
                        help="with --workshop: compare with this workshop of the same place (default: its previous "
                             "workshop on the framework)")
    report.add_argument("--progress", metavar="PLACE", help="a place's progress over its workshops (its id or name)")
    report.add_argument("--system", metavar="NAME", help="every place of a system side by side")
    report.add_argument("--exemplar", action="append", metavar="ID", help="an exemplar id; repeat for several")
    report.add_argument("--partnership", metavar="NAME", help="the partnership's name (with --responses)")
    report.add_argument("--format", choices=FORMATS, help="default: from the output's extension, else pdf")
    report.add_argument("-o", "--output", metavar="FILE_OR_FOLDER",
                        help="default: the suggested file name in the current folder")
    report.set_defaults(run=_report)
