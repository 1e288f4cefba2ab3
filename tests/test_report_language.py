"""The analyst reports hold no English sentence a clerk or analyst would read.

Every text cell of every sheet of each report xlsx, and every text of each HTML page
(text nodes, SVG text and titles, the page title; script and style aside), is scanned
for the English words of the code's own messages: the same list the feedback xlsx is
scanned with (tests/test_feedback_reports.py). The browser test scans the text
Chromium actually shows (tests/test_reports_browser.py); this one needs no browser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from test_feedback_reports import ENGLISH
from test_warehouse_demo import PUBLISH, demo_frames
from warehouse.exports import export_all

WORD = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b", re.IGNORECASE)


class _Text(HTMLParser):
    """Every text node outside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.skip = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:  # words a reader can meet: tooltips, alternative texts
            if name in ("title", "alt", "aria-label") and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.texts.append(data.strip())


def html_texts(path: Path) -> list[str]:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.texts


def xlsx_texts(path: Path) -> list[tuple[str, str]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [(sheet.title, value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                for value in row if isinstance(value, str)] + [("(sheet names)", name) for name in book.sheetnames]
    finally:
        book.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[Path]:
    paths = export_all(demo_frames(), tmp_path_factory.mktemp("exports"), PUBLISH)
    return [p for p in paths if p.parent.name == "laporan"]


def test_the_scan_sees_an_english_sentence():
    assert WORD.search("3 rows rejected: corrupt file")
    assert not WORD.search("Berkas ditolak; kini 2 dari target 1.000 (<1%)")


def test_no_english_word_in_any_report_cell(reports):
    found = [(p.name, sheet, value) for p in reports if p.suffix == ".xlsx" for sheet, value in xlsx_texts(p)
             if WORD.search(value)]
    assert len([p for p in reports if p.suffix == ".xlsx"]) == 4
    assert found == []


def test_no_english_word_in_any_report_page(reports):
    pages = [p for p in reports if p.suffix == ".html"]
    assert len(pages) == 4 and all(len(html_texts(p)) > 50 for p in pages)
    found = [(p.name, text) for p in pages for text in html_texts(p) if WORD.search(text)]
    assert found == []
