"""Building blocks of every Word document PlaceReady writes: A4 pages, a cover, contents, a footer with page
numbers, tables whose header repeats on each page and never stands alone, and pictures with alt text.

python-docx writes text literally (no field codes or markup from anyone's words); the few Word features it has
no API for are set on the XML here, in one place.
"""

from __future__ import annotations

import base64
import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from assessment.engine.cover import Branding, Cover
from assessment.reports import office

TEXT_WIDTH_CM = 17.0  # A4 less 2 cm margins each side
FONT = "Arial"
SMALL_TABLE_ROWS = 12  # a table this short is kept on one page; a longer one breaks between rows


def new_document(*, title: str, branding: Branding):  # type: ignore[no-untyped-def]
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(2.0)
    accent = RGBColor.from_string(branding.colour.lstrip("#").upper())
    for style in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        document.styles[style].font.color.rgb = accent
        document.styles[style].font.name = FONT
    document.styles["Normal"].font.size = Pt(10)
    document.styles["Normal"].font.name = FONT  # as the PDF reads; Word's default is not on every machine
    office.set_properties(document.core_properties, title=title, author=branding.name)
    _update_fields_on_open(document)
    return document


def _update_fields_on_open(document) -> None:  # type: ignore[no-untyped-def]
    """Word fills in the contents' page numbers when the document opens (it asks first), so they are never
    missing; LibreOffice fills them in as it lays the pages out."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    later = settings.find(qn("w:compat"))  # the schema puts updateFields before compat
    if later is not None:
        later.addprevious(update)
    else:
        settings.append(update)


def _field_mark(kind: str):  # type: ignore[no-untyped-def]
    """A run marking where a field begins, where its shown value starts, or where it ends."""
    run, mark = OxmlElement("w:r"), OxmlElement("w:fldChar")
    mark.set(qn("w:fldCharType"), kind)
    run.append(mark)
    return run


def _field_code(instruction: str):  # type: ignore[no-untyped-def]
    run, code = OxmlElement("w:r"), OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run.append(code)
    return run


def _field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    """A Word field (PAGE, NUMPAGES) whose value Word and LibreOffice fill in as they lay out the pages."""
    paragraph._p.append(_field_mark("begin"))
    paragraph._p.append(_field_code(instruction))
    paragraph._p.append(_field_mark("separate"))
    paragraph.add_run("1")
    paragraph._p.append(_field_mark("end"))


def cover_page(document, cover: Cover, branding: Branding) -> None:  # type: ignore[no-untyped-def]
    """The cover on a page of its own, and from the next page a footer naming the report with page numbers."""
    if branding.logo_data_uri:
        raw = base64.b64decode(branding.logo_data_uri.split(",", 1)[1])
        picture(document, raw, alt=f"{branding.name} logo", width_cm=4.0)
    document.add_paragraph(cover.kind).runs[0].font.size = Pt(14)
    document.add_heading(cover.subject, level=0)
    for label, value in cover.details:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    body = document.add_section(WD_SECTION.NEW_PAGE)
    body.footer.is_linked_to_previous = False
    footer = body.footer.paragraphs[0]
    footer.text = f"{branding.name} · {cover.subject} · page "
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(8)


def contents(document, headings: list[str]) -> None:  # type: ignore[no-untyped-def]
    """A table of contents field showing the section headings, marked out of date so that Word, which the
    document asks to update its fields on opening, fills in the page numbers."""
    title = document.add_paragraph()
    title.add_run("Contents").bold = True  # not a heading, or the contents would list itself when updated
    title.runs[0].font.size = Pt(14)
    paragraphs = [document.add_paragraph(heading) for heading in headings]
    first = paragraphs[0].runs[0]._r
    begin = _field_mark("begin")
    begin[0].set(qn("w:dirty"), "true")  # out of date until Word updates it: Word fills in the page numbers
    for run in (begin, _field_code('TOC \\o "1-1" \\h \\z \\u'), _field_mark("separate")):
        first.addprevious(run)
    paragraphs[-1]._p.append(_field_mark("end"))
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _whole_rows(row) -> None:  # type: ignore[no-untyped-def]
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def table(document, header: list[str], rows: list[list[str]], *, first_cm: float | None = None,  # type: ignore[no-untyped-def]
          widths_cm: list[float] | None = None) -> None:
    """A grid table; its header row repeats on every page, and rows never split across pages. The header stays
    with the first row (a short table stays whole), so a header is never left alone at a page foot.
    `first_cm` widens the first column (names, statements) and shares out the rest; `widths_cm` sets them all."""
    if document.paragraphs:
        document.paragraphs[-1].paragraph_format.keep_with_next = True  # what introduces a table stays with it
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    grid.autofit = False
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_header(grid.rows[0])
    for row in rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text
    keep = len(grid.rows) - 1 if len(rows) <= SMALL_TABLE_ROWS else 1
    for index, row in enumerate(grid.rows):
        _whole_rows(row)
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = index < keep
                paragraph.paragraph_format.space_after = Pt(2)
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
    if first_cm is not None and len(header) > 1:
        rest = (TEXT_WIDTH_CM - first_cm) / (len(header) - 1)
        widths_cm = [first_cm] + [rest] * (len(header) - 1)
    if widths_cm is not None:
        for column, width in zip(grid.columns, widths_cm, strict=True):  # the grid, which LibreOffice reads
            column.width = Cm(width)
        for row in grid.rows:  # and each cell, which Word reads
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(width)
    document.add_paragraph()


def picture(document, image: bytes, *, alt: str, width_cm: float = 16.0) -> None:  # type: ignore[no-untyped-def]
    document.add_picture(io.BytesIO(image), width=Cm(width_cm))
    # python-docx has no alt-text API; the description lives on the picture's docPr element.
    properties = document.inline_shapes[-1]._inline.docPr
    properties.set("descr", alt)
    properties.set("title", alt.split(":")[0])


def bullets(document, items: list[str], *, style: str = "List Bullet") -> None:  # type: ignore[no-untyped-def]
    for item in items:
        document.add_paragraph(item, style=style)


def saved(document) -> bytes:  # type: ignore[no-untyped-def]
    office.british(document.part.package.iter_parts())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
