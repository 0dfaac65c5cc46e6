"""Reading PDFs in tests with pypdf alone, so the suite needs no system tools (no poppler)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader

A4_POINTS = (595.28, 841.89)


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    tagged: bool  # the document says it carries a structure tree for assistive technology
    a4: bool  # every page is A4 portrait, to within a point
    text: str  # every page's text, in order


def read_pdf(pdf: bytes) -> PdfFacts:
    reader = PdfReader(io.BytesIO(pdf))
    mark_info = reader.trailer["/Root"].get("/MarkInfo")
    tagged = bool(mark_info and mark_info.get_object().get("/Marked"))
    a4 = all(abs(float(page.mediabox.width) - A4_POINTS[0]) < 1 and abs(float(page.mediabox.height) - A4_POINTS[1]) < 1
             for page in reader.pages)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return PdfFacts(pages=len(reader.pages), tagged=tagged, a4=a4, text=text)
