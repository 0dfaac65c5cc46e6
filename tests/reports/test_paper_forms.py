"""Printed forms for people without a phone: two A4 pages a person for Ham's and Salford's frameworks together (or
Ham's and neighbourhood health's), every statement with a box for each point and for "don't know" under its
number, and each page naming its form."""

from __future__ import annotations

import re

import pytest

from assessment.content.framework import builtin_framework, read_framework
from assessment.reports.paper_form import BOX, paper_forms_html, paper_forms_pdf
from tests.conftest import DATA
from tests.utils.pdf import read_pdf

SECTORS = ["Acute hospital", "Primary care", "Local authority: adult social care",
           "Voluntary, community and social enterprise", "Patients and public"]


HAM_AND_SALFORD = ("ham-2015", "salford-behaviours")


def _frameworks(ids=HAM_AND_SALFORD):  # type: ignore[no-untyped-def]
    return [builtin_framework(i) for i in ids]


@pytest.fixture(scope="module")
def forms():
    return read_pdf(paper_forms_pdf(title="Board workshop", partnership="Eastmere", join_code="K7P4QX",
                                    frameworks=_frameworks(), sectors=SECTORS, numbers=[7, 8, 9]))


def test_both_frameworks_fit_two_a4_pages_a_person(forms):
    assert sum(len(f.statements) for f in _frameworks()) == 67
    assert forms.a4 and forms.tagged and forms.pages == 3 * 2
    for number in (7, 8, 9):
        assert f"Form {number} · page" in forms.text
    assert "Form 9 · page 6" in forms.text  # numbering runs on, so pages of different forms never mix


def test_ham_and_neighbourhood_health_together_fit_two_a4_pages_too():
    frameworks = _frameworks(("ham-2015", "neighbourhood-health-2025"))
    assert sum(len(f.statements) for f in frameworks) == 61
    assert read_pdf(paper_forms_pdf(title="Neighbourhood workshop", partnership="Riverbrook", join_code="K7P4QX",
                                    frameworks=frameworks, sectors=SECTORS, numbers=[1])).pages == 2


def test_every_statement_has_a_box_for_each_point_and_dont_know(forms):
    html = paper_forms_html(title="T", partnership="P", join_code="K7P4QX", frameworks=_frameworks(),
                            sectors=[], numbers=[1])
    rows = re.findall(r'<div class="row">(.*?)<span class="boxes"[^>]*>(.*?)</span></div>', html)
    assert len(rows) == 67
    assert all(boxes.count(BOX) == 6 for _, boxes in rows)  # 1 to 5 and DK
    assert html.count('<span class="points" aria-hidden="true"> 1  2  3  4  5 DK</span>') == 2


def test_a_wider_scale_keeps_each_box_under_its_number():
    framework = read_framework(DATA / "frameworks" / "five-by-two.yaml")  # a 0–4 scale with its own labels
    html = paper_forms_html(title="T", partnership="P", join_code="K7P4QX", frameworks=[framework], sectors=[],
                            numbers=[1])
    points = re.search(r'<span class="points" aria-hidden="true">(.*?)</span>', html).group(1)
    boxes = re.search(r'<span class="boxes"[^>]*>(.*?)</span>', html).group(1)
    assert len(points) == len(boxes)
    label_ends = [i for i, c in enumerate(points) if c.strip() and (i + 1 == len(points) or not points[i + 1].strip())]
    assert [i for i, c in enumerate(boxes) if c == BOX] == label_ends  # each label ends right above its box
