"""The made-up room of 24 (tests/utils/rooms.py: one principle in two camps, one the whole room puts low, one
mostly "don't know", sectors two points apart, a sector too small to show) as every report file, timed; with
--png, every PDF page (pypdfium2) and, where LibreOffice is installed, every slide and Word page as PNGs, to look
at them as a reader would.

    .venv/bin/python bench/report_pages.py                       # times
    .venv/bin/python bench/report_pages.py --png /tmp/pages      # and pictures of every page and slide
    .venv/bin/python bench/report_pages.py --png /tmp/pages --combined   # the report of both frameworks

The summary is printed too: read it aloud.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pptx import Presentation

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import host_speed  # beside this script

from assessment.reports.render import render, render_combined
from tests.utils.rooms import room_of_24, room_of_24_combined, room_of_24_report

SCALE = 110 / 72  # PNG pixels per PDF point: about 110 dots per inch, enough to read the smallest print


def _pdf_pages(pdf: Path, folder: Path, stem: str) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    for index, page in enumerate(document, start=1):
        page.render(scale=SCALE).to_pil().save(folder / f"{stem}-page-{index:02d}.png")
    return len(document)


def _through_libreoffice(path: Path, folder: Path, stem: str) -> int | None:
    """The file as LibreOffice lays it out (a PDF), then as PNGs; None where LibreOffice is not installed."""
    office = shutil.which("soffice")
    if office is None:
        return None
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", out, str(path)], check=True, capture_output=True, timeout=240)
        return _pdf_pages(Path(out) / f"{path.stem}.pdf", folder, stem)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--png", type=Path, metavar="FOLDER", help="write every page and slide here as PNGs")
    parser.add_argument("--combined", action="store_true", help="the combined report of both frameworks")
    args = parser.parse_args()
    host_speed.report("before")
    started = time.perf_counter()
    report = room_of_24_combined() if args.combined else room_of_24_report()
    print(f"report model: {(time.perf_counter() - started) * 1000:.0f} ms")
    summary = report.summary if args.combined else report.executive_summary.sentences
    print("\nExecutive summary:\n" + "\n".join(f"  {sentence}" for sentence in summary) + "\n")
    formats = ("pdf", "docx", "html") if args.combined else ("pdf", "docx", "html", "pptx", "xlsx")
    files = {}
    for fmt in formats:
        started = time.perf_counter()
        data = (render_combined(report, fmt) if args.combined  # type: ignore[arg-type]
                else render(report, fmt, responses=room_of_24()))  # type: ignore[arg-type]
        print(f"{fmt:>5}: {time.perf_counter() - started:5.2f} s, {len(data) / 1024:5.0f} KB")
        files[fmt] = data
    host_speed.report("after")
    if args.png is None:
        return
    args.png.mkdir(parents=True, exist_ok=True)
    stem = "combined" if args.combined else "room-of-24"
    for fmt, data in files.items():
        (args.png / f"{stem}.{fmt}").write_bytes(data)
    print(f"PDF: {_pdf_pages(args.png / f'{stem}.pdf', args.png, stem)} pages")
    for fmt in ("pptx", "docx"):
        if fmt in files:
            count = _through_libreoffice(args.png / f"{stem}.{fmt}", args.png, f"{stem}-{fmt}")
            print(f"{fmt} through LibreOffice: " + (f"{count} pages" if count is not None else "not installed")
                  + (f" ({len(Presentation(io.BytesIO(files[fmt])).slides)} slides in the deck)" if fmt == "pptx" else ""))


if __name__ == "__main__":
    main()
