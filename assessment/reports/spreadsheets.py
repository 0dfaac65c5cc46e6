"""Results as tables: a CSV of the principles and an Excel workbook with one sheet per view.

Text that came from people — names of sectors, principles, partnerships, comments, actions — is kept from
running as a formula wherever it lands, headers included: in CSV it gets a leading apostrophe
(`assessment.engine.formula`); in Excel every text cell is stored as a string, never as a formula, with Excel's
quote prefix (so that editing the cell keeps it text), and a sheet's title keeps only the characters Excel allows.
"""

from __future__ import annotations

import io
import re

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from assessment.engine.formula import TRIGGERS, as_text
from assessment.engine.report import Report
from assessment.engine.responses import Responses
from assessment.engine.sectors import WITHHELD


def results_tables(report: Report, responses: Responses | None = None) -> dict[str, pd.DataFrame]:
    principles = pd.DataFrame([{
        "framework": report.framework_id, "principle": p.id, "name": p.name, "mean": p.mean, "median": p.median,
        "people": p.n, "rwg": p.rwg, "ad": p.ad, "dont_know": p.dont_know, "level": p.level,
        "room": str(p.agreement), "agreed_score": p.agreed_score, "agreed_level": p.agreed_label, "notes": p.note,
        # a room in two camps has no level: how many sit at each end instead
        "low_camp": p.camps.low if p.camps else None, "high_camp": p.camps.high if p.camps else None,
        "between_camps": p.camps.between if p.camps else None,
    } for p in report.principles])
    statements = pd.DataFrame([{"principle": p.id, "statement": s.text, "mean": s.mean, "median": s.median,
                                "answers": s.n, "dont_know": s.dont_know}
                               for p in report.principles for s in p.statements])
    sectors = pd.DataFrame([{"principle": pid, "name": name,
                             **{s.name: WITHHELD if pid in s.withheld else s.scores.get(pid) for s in report.sectors}}
                            for pid, name in report.principle_names.items()])
    about_sectors = pd.DataFrame({"note": [report.sector_note or "Every sector of 3 or more people is shown."]})
    exemplars = pd.DataFrame([{"principle": p.id, "exemplar": e.exemplar, "exemplar_score": e.score, "gap": e.gap,
                               "kind": str(e.kind), "confidence": e.confidence, "what_they_did": e.practice,
                               "not_assessed": e.not_assessed} for p in report.principles for e in p.exemplars])
    actions = pd.DataFrame([{"principle": a.principle, "action": a.text, "owner": a.owner, "due": a.due,
                             "status": a.status} for p in report.principles for a in p.actions],
                           columns=["principle", "action", "owner", "due", "status"])
    second_votes = pd.DataFrame([{"principle": pid, "name": v.name, "round": number, "people": f.people,
                                  "mean": f.mean, "median": f.median, "rwg": f.rwg,
                                  "within_one_point": f.within_one_point, "room": str(f.agreement)}
                                 for pid, v in report.second_votes.items()
                                 for number, f in ((1, v.first), (2, v.second))],
                                columns=["principle", "name", "round", "people", "mean", "median", "rwg",
                                         "within_one_point", "room"])
    reviewed = pd.DataFrame([a.model_dump() for a in report.reviewed_actions],
                            columns=["principle", "text", "owner", "due", "from_workshop", "outcome", "note"])
    comments = pd.DataFrame([{"principle": p.id, "comment": c} for p in report.principles for c in p.comments],
                            columns=["principle", "comment"])
    recommendations = pd.DataFrame([{"rank": r.rank, "principle": r.principle, "name": r.name, "kind": str(r.kind),
                                     "how_soon": str(r.horizon), "level": r.level, "what_first": " ".join(r.what),
                                     "why": " ".join(r.why)} for r in report.recommendations])
    tables = {"Principles": principles, "Recommendations": recommendations, "Statements": statements,
              "By sector": sectors, "About sectors": about_sectors, "Exemplars": exemplars, "Actions": actions, "Second votes": second_votes,
              "Last actions reviewed": reviewed, "Comments": comments}
    if responses is not None:
        tables["Answers"] = responses.table.assign(
            score=responses.table["value"].map(lambda v: None if pd.isna(v) else int(v))
        )[["participant", "statement", "score", "dont_know", "organisation", "sector", "comment"]]
    return tables


def _neutral(table: pd.DataFrame) -> pd.DataFrame:
    """Every text cell and column name as text a spreadsheet will not run."""
    safe = table.map(lambda v: as_text(v) if isinstance(v, str) else v)
    safe.columns = [as_text(str(c)) for c in table.columns]
    return safe


def results_csv(report: Report) -> str:
    """One row per principle, with the agreed score beside the room's."""
    return _neutral(results_tables(report)["Principles"]).to_csv(index=False, lineterminator="\r\n")


SHEET_TITLE = 31  # Excel's limit
_NOT_IN_TITLES = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_title(name: str, taken: set[str]) -> str:
    """A title Excel accepts: at most 31 characters, none of []:*?/\\, not starting or ending with an
    apostrophe, not starting like a formula, and not one already in the workbook (in any case)."""
    base = _NOT_IN_TITLES.sub(" ", name).strip().strip("'").lstrip("".join(TRIGGERS)).strip() or "Sheet"
    title, number = base[:SHEET_TITLE], 1
    while title.lower() in {t.lower() for t in taken}:
        number += 1
        suffix = f" ({number})"
        title = base[:SHEET_TITLE - len(suffix)] + suffix
    return title


def results_xlsx(report: Report, responses: Responses | None = None) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, table in results_tables(report, responses).items():
        sheet = workbook.create_sheet(sheet_title(name, set(workbook.sheetnames)))
        sheet.append([str(c) for c in table.columns])
        for row in table.itertuples(index=False):
            sheet.append([None if _missing(v) else v for v in row])
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with; headers too
                    cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(60, max(12, len(str(column)) + 2))
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
