"""docs/recommendations.md's worked example, read out of the document and checked against the engine: edit
either, and this fails until they agree again."""

from __future__ import annotations

from assessment.content.framework import builtin_framework
from assessment.engine.findings import prioritise
from tests.conftest import ROOT
from tests.engine.test_findings import evidence

DOC = (ROOT / "docs" / "recommendations.md").read_text()


def _worked_example() -> list[dict[str, str]]:
    section = DOC.split("## Worked example", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(header, (cell.strip() for cell in line.strip("|").split("|")), strict=True))
            for line in lines[2:]]


def _evidence(row: dict[str, str]):  # type: ignore[no-untyped-def]
    def number(cell: str) -> float | None:
        return None if cell == "—" else float(cell)

    since = row["since"]
    return evidence(row["principle"], float(row["mean"]), split=row["split"] == "yes", camps=row["split"] == "two camps",
                    dont_know=float(row["don't know"].rstrip("%")) / 100,
                    agreed=None if row["agreed"] == "—" else int(row["agreed"]), sector_gap=number(row["sectors"]),
                    lead=number(row["ahead"]),
                    change=None if since == "—" else (-0.7 if since.startswith("fell") else 0.6),
                    beyond=since.endswith("clear"))


def test_the_worked_example_is_what_the_engine_decides():
    rows = _worked_example()
    assert len(rows) == 9
    ranked = prioritise(builtin_framework("ham-2015"), [_evidence(row) for row in rows])
    for position, (row, found) in enumerate(zip(sorted(rows, key=lambda r: int(r["order"])), ranked, strict=True),
                                            start=1):
        assert found.principle == row["principle"], position
        points = row["points"].rsplit("=", 1)[-1].strip()
        assert (str(found.points) if found.points is not None else "—") == points, row["principle"]
        assert (str(found.kind), str(found.horizon)) == (row["kind"], row["how soon"]), row["principle"]


def test_the_rule_the_reports_print_matches_the_document():
    from assessment.engine.findings import rule_in_words

    words = rule_in_words(builtin_framework("ham-2015"))
    for phrase in ("4 at Not yet in place, 3 at Emerging, 2 at Developing, 1 at Maturing, 0 at Thriving",
                   "2 if the room was split", "the first 3 with at least 3 points are the priorities"):
        assert phrase in words
    assert "Not yet in place 4, Emerging 3, Developing 2, Maturing 1, Thriving 0" in DOC
