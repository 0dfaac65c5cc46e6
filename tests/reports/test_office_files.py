"""The board pack and the Word report open clean in Office: every position and size a whole number of EMUs, the
document's properties PlaceReady's (not the library templates'), British English throughout, and Word asked to
fill in its contents' page numbers. (How LibreOffice lays both files out is bench/report_pages.py's: a fresh machine
has no LibreOffice, and the suite calls no program it lacks.)"""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import pytest
from docx import Document
from pptx import Presentation

from assessment.engine.cover import Branding
from assessment.reports.board_pack import render_pptx
from assessment.reports.docx import render_docx
from tests.utils.rooms import room_of_24_report

BRAND = Branding(name="Hartley Consulting", colour="#330072")


@pytest.fixture(scope="module")
def report():
    return room_of_24_report(branding=BRAND)


@pytest.fixture(scope="module")
def deck(report) -> bytes:
    return render_pptx(report)


@pytest.fixture(scope="module")
def word(report) -> bytes:
    return render_docx(report)


def _xml_parts(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.endswith((".xml", ".rels"))}


def test_every_shape_position_and_size_is_a_whole_number_of_emus(deck):
    geometry = re.compile(rb'\s(?:x|y|cx|cy)="([^"]*)"')
    fractional = {name: values for name, xml in _xml_parts(deck).items()
                  if (values := [v for v in geometry.findall(xml) if not re.fullmatch(rb"-?\d+", v)])}
    assert fractional == {}
    for slide in Presentation(io.BytesIO(deck)).slides:  # python-pptx reads every shape's geometry back
        for shape in slide.shapes:
            assert all(isinstance(v, int) for v in (shape.left, shape.top, shape.width, shape.height)), shape.name


@pytest.mark.parametrize("kind", ["pptx", "docx"])
def test_the_properties_are_placereadys_and_the_language_british(kind, deck, word):
    package = deck if kind == "pptx" else word
    properties = (Presentation if kind == "pptx" else Document)(io.BytesIO(package)).core_properties
    assert properties.author == properties.last_modified_by == "Hartley Consulting"
    assert properties.title == "Readiness report: Eastmere Health and Care Partnership"
    assert properties.comments == "" and properties.language == "en-GB" and properties.revision == 1
    now = datetime.datetime.now(datetime.UTC)
    for moment in (properties.created, properties.modified):
        assert abs(now - moment.replace(tzinfo=datetime.UTC)) < datetime.timedelta(minutes=10)
    parts = _xml_parts(package)
    assert [name for name, xml in parts.items() if b"en-US" in xml] == []
    assert not any(b"python-pptx" in xml or b"python-docx" in xml or b"Steve Canny" in xml for xml in parts.values())
    if kind == "pptx":
        assert b"Microsoft Macintosh PowerPoint" not in parts["docProps/app.xml"]


def test_word_updates_its_contents_on_opening(word):
    parts = _xml_parts(word)
    assert re.search(rb'<w:updateFields w:val="true"/>', parts["word/settings.xml"])
    assert b'w:fldCharType="begin" w:dirty="true"' in parts["word/document.xml"]
