"""The frame of an administrative report in the format of Decree 30/2020/NĐ-CP (Phụ lục I), with python-docx;
analysis/outputs/report_docx.py fills it with a unit's or a province's figures.

- Page: A4, margins 20/20/30/15 mm (top, bottom, left, right), Times New Roman 14 pt on the Normal style and
  on the East-Asian and complex-script slots too (so Word and LibreOffice keep Vietnamese in Times New Roman),
  page numbers centred at the top from page 2 (a different first-page header with no PAGE field).
- Heading: a borderless two-column table: the parent authority (caps) over the issuing unit (bold caps, a
  short line under it) and the number "Số:   /BC-…" at left; the national name and motto (a line under it)
  and the place and date (italic) at right. Then "BÁO CÁO", its subject, the recipient.
- Closing: "Nơi nhận:" at left, the signature block at right, another borderless table.
- A sample-data mark in every header and footer (first page included) when the figures are the demo's.

Every text goes into runs as plain text, through exports.xml_text (the control characters XML forbids are
dropped: lxml refuses them); nothing in it is read as markup or a field.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from analysis.i18n import formatting, strings
from analysis.outputs.exports import xml_text
from analysis.outputs.report_layout import FONT, visual
from analysis.workbook.values import is_missing

BODY_PT, HEADING_PT, TABLE_PT, SMALL_PT = 14, 13, 12, 11
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
PAGE_MM = (210, 297)  # A4
TEXT_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
LEFT_MM = 70.0  # the heading's left column (issuing unit, 12 pt: "UBND THÀNH PHỐ CHÂU ĐỐC" is 60 mm)
CELL_PAD_MM = 1.9  # Word's default left and right cell margins (0.19 cm); the heading's tables have none, so the
# national name (12 pt bold, 88 mm) fits the right column on one line
INDENT_MM = 12.7  # first-line indent of body paragraphs (Decree 30: 1 to 1.27 cm)
SAMPLE_RED = RGBColor(0xC0, 0x00, 0x00)
BLANK = "…"


def figure(value: Any, lang: str) -> str:
    """A figure in the report's words: Vietnamese digits, at most two decimals."""
    return formatting.number(value, 2, lang)


def field_text(value: Any) -> str:
    """A value from the sheet, trimmed; the officer's blank ("…") when there is none."""
    return BLANK if is_missing(value) or not str(value).strip() else str(value).strip()


@dataclass(frozen=True)
class Frame:
    """What the heading and the closing say; every text as shown (caps where the decree wants caps)."""

    parent: str | None  # the governing authority, caps; None to leave the line out
    issuer: str  # the issuing unit, caps
    symbol: str  # BC-UBND
    place: str
    day: date
    subject: str
    recipient: str
    sign_on_behalf: str | None  # TM. ỦY BAN NHÂN DÂN
    sign_title: str  # CHỦ TỊCH
    sample: bool
    lang: str


def clean(text: object) -> str:
    return xml_text("" if text is None else text)


def run(paragraph: Paragraph, text: object, bold: bool = False, italic: bool = False, size: float | None = None,
        color: RGBColor | None = None):
    """A run of plain text (python-docx turns a tab or a line break into its own element, nothing else)."""
    r = paragraph.add_run(clean(text))
    r.bold, r.italic = bold or None, italic or None
    if size:
        r.font.size = Pt(size)
    if color is not None:
        r.font.color.rgb = color
    return r


def paragraph(container, text: object = "", *, bold: bool = False, italic: bool = False, size: float | None = None,
              align: WD_ALIGN_PARAGRAPH | None = None, indent: bool = False, after: float = 0,
              before: float = 0) -> Paragraph:
    p = container.add_paragraph()
    if text:
        run(p, text, bold, italic, size)
    fmt = p.paragraph_format
    if align is not None:
        p.alignment = align
    if indent:
        fmt.first_line_indent = Mm(INDENT_MM)
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    return p


def body(doc: DocxDocument, text: object, bold: bool = False, italic: bool = False) -> Paragraph:
    """A body paragraph: justified, first line indented, 6 pt after (Decree 30: at least 6 pt between)."""
    return paragraph(doc, text, bold=bold, italic=italic, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6)


def heading(doc: DocxDocument, text: str) -> Paragraph:
    """A section's heading (I., II., 1., 2.): bold, at the body's indent; kept with what follows."""
    p = body(doc, text, bold=True)
    p.paragraph_format.keep_with_next = True
    return p


def dotted_lines(doc: DocxDocument, count: int = 2) -> None:
    """Lines of dots to the right margin for the officer to write on (a tab with a dot leader)."""
    for _ in range(count):
        p = paragraph(doc, after=6)
        p.paragraph_format.first_line_indent = Mm(INDENT_MM)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        run(p, "\t")


# --------------------------------------------------------------------------- page and styles


def _fonts(rpr) -> None:
    """Times New Roman in every script slot of a run-properties element; theme fonts (which win) removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for name in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(name), None)
    for name in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(name), FONT)


def _lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def new_document(title: str, lang: str) -> DocxDocument:
    """An empty A4 document with the decree's margins and fonts."""
    doc = Document()
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if rpr_default is not None:
        _fonts(rpr_default)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    _fonts(normal.element.get_or_add_rPr())
    if lang == "vi":
        _lang(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    # whole twips, rounded up: Word stores margins in twips, and 15 mm rounded down would be 14.99 mm
    margin = {side: Twips(math.ceil(mm * 1440 / 25.4)) for side, mm in MARGINS_MM.items()}
    section.top_margin, section.bottom_margin = margin["top"], margin["bottom"]
    section.left_margin, section.right_margin = margin["left"], margin["right"]
    section.header_distance = section.footer_distance = Mm(10)
    section.start_type = WD_SECTION.NEW_PAGE
    doc.core_properties.title = clean(title)
    doc.core_properties.author = "OCOP"
    doc.core_properties.language = "vi-VN" if lang == "vi" else "en-GB"
    return doc


def _page_field(p: Paragraph) -> None:
    """A PAGE field (begin, instruction, separate, a shown value, end): Word and LibreOffice update it."""
    def char(kind: str):
        r = p.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        r._r.append(element)
        return r

    char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    p.add_run()._r.append(instruction)
    char("separate")
    p.add_run("2")
    char("end")


def headers_and_footers(doc: DocxDocument, frame: Frame) -> None:
    """Page numbers at the top centre from page 2; the sample mark on every page's header and footer."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)
    if not frame.sample:
        return
    parts = (section.header, section.footer, section.first_page_header, section.first_page_footer)
    for n, part in enumerate(parts):
        p = part.add_paragraph() if n == 0 else part.paragraphs[0]  # under the page number; else the first line
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run(p, strings.t("docx.sample_mark", frame.lang), bold=True, size=TABLE_PT, color=SAMPLE_RED)


# --------------------------------------------------------------------------- tables


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.append(borders)


def _fixed(table: Table, widths_mm: list[float]) -> None:
    """Column widths that hold in Word (cell widths) and LibreOffice (the grid), a fixed layout."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _cell_paragraph(cell, text: object = "", first: bool = False, **kw) -> Paragraph:
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    if text:
        run(p, text, kw.get("bold", False), kw.get("italic", False), kw.get("size"))
    p.alignment = kw.get("align", WD_ALIGN_PARAGRAPH.CENTER)
    return p


def text_mm(text: str, bold: bool, size: float) -> float:
    """The printed width of one line of text, in mm (Times New Roman's metrics, report_layout.visual)."""
    return visual(text, bold, size) * 7 * 25.4 / 96  # column units of 7 px at 96 dpi -> mm


def rule(container, width_mm: float, column_mm: float) -> Paragraph:
    """A centred line `width_mm` long under the paragraph before: an empty 2-pt paragraph whose top border
    is the line, its indents making it as wide as the line (Word and LibreOffice draw borders between indents)."""
    p = container.add_paragraph()
    side = max((column_mm - width_mm) / 2, 0)
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(side)
    fmt.space_before, fmt.space_after = Pt(2), Pt(0)  # a little below the descenders: a line, not an underline
    fmt.line_spacing = Pt(3)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    ppr.append(borders)
    mark = OxmlElement("w:rPr")  # the paragraph mark's size: the empty line stays 2 pt high
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    ppr.append(mark)
    return p


def _two_columns(doc: DocxDocument, rows: int = 1) -> Table:
    table = doc.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.table_direction = WD_TABLE_DIRECTION.LTR
    _no_borders(table)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.append(margins)
    _fixed(table, [LEFT_MM, TEXT_MM - LEFT_MM])
    return table


def place_date(frame: Frame) -> str:
    """"Phường X, ngày 05 tháng 01 năm 2024": Decree 30 writes a 0 before days under 10 and months 1 and 2."""
    if frame.lang == "en":
        day, month = str(frame.day.day), strings.t(f"month.long.{frame.day.month}", "en")
    else:
        day = f"{frame.day.day:02d}"
        month = f"{frame.day.month:02d}" if frame.day.month < 3 else str(frame.day.month)
    return strings.t("docx.place_date", frame.lang, place=frame.place, day=day, month=month, year=frame.day.year)


def heading_block(doc: DocxDocument, frame: Frame) -> None:
    """The issuing unit and the motto side by side, the number and the date under them, then the title,
    the subject and the recipient."""
    table = _two_columns(doc, rows=2)
    left, right = table.rows[0].cells
    right_mm = TEXT_MM - LEFT_MM
    if frame.parent:
        _cell_paragraph(left, frame.parent, first=True, size=TABLE_PT)
    _cell_paragraph(left, frame.issuer, first=not frame.parent, bold=True, size=TABLE_PT)
    rule(left, min(text_mm(frame.issuer, True, TABLE_PT), LEFT_MM) / 2.5, LEFT_MM)  # Decree 30: 1/3 to 1/2
    _cell_paragraph(right, strings.t("docx.motto.country", frame.lang), first=True, bold=True, size=TABLE_PT)
    motto = strings.t("docx.motto.words", frame.lang)
    _cell_paragraph(right, motto, bold=True, size=BODY_PT)
    rule(right, text_mm(motto, True, BODY_PT), right_mm)  # as long as the motto
    number, dated = table.rows[1].cells
    p = _cell_paragraph(number, strings.t("docx.number", frame.lang, symbol=frame.symbol), first=True,
                        size=HEADING_PT)
    p.paragraph_format.space_before = Pt(6)
    p = _cell_paragraph(dated, place_date(frame), first=True, italic=True, size=HEADING_PT)
    p.paragraph_format.space_before = Pt(6)
    paragraph(doc, strings.t("docx.title", frame.lang), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=18)
    subject = paragraph(doc, frame.subject, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    subject.paragraph_format.keep_with_next = True
    rule(doc, min(text_mm(frame.subject, True, BODY_PT), TEXT_MM) / 3, TEXT_MM)
    doc.paragraphs[-1].paragraph_format.space_after = Pt(6)
    paragraph(doc, strings.t("docx.recipient", frame.lang, office=frame.recipient), align=WD_ALIGN_PARAGRAPH.CENTER,
              after=12)


def closing_block(doc: DocxDocument, frame: Frame) -> None:
    """"Nơi nhận:" with its short list at left, the signature block at right."""
    paragraph(doc, after=6)
    table = _two_columns(doc)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # the signature stays whole
    left, right = table.rows[0].cells
    _cell_paragraph(left, strings.t("docx.recipients", frame.lang), first=True, bold=True, italic=True,
                    size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    for key in ("docx.recipients.above", "docx.recipients.archive"):
        _cell_paragraph(left, strings.t(key, frame.lang), size=SMALL_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    first = True
    for text in (frame.sign_on_behalf, frame.sign_title):
        if text:
            _cell_paragraph(right, text, first=first, bold=True, size=BODY_PT)
            first = False
    for _ in range(4):  # room for the signature and the seal
        _cell_paragraph(right, "")
    _cell_paragraph(right, BLANK * 12, bold=True, size=BODY_PT)


def bordered_table(doc: DocxDocument, title: str, header: list[str], rows: list[list[str]],
                   widths_mm: list[float], numeric: set[int]) -> Table:
    """A titled table with every border, a bold header repeated on each page, numbers at right."""
    heading_p = paragraph(doc, title, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=6)
    heading_p.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed(table, widths_mm)
    header_row = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    header_row._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(header_row.cells, header):
        _cell_paragraph(cell, text, first=True, bold=True, size=TABLE_PT)
    for line in table.rows:
        line._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row is never cut by a page break
    for line, values in zip(table.rows[1:], rows):
        for i, (cell, text) in enumerate(zip(line.cells, values)):
            align = WD_ALIGN_PARAGRAPH.RIGHT if i in numeric else WD_ALIGN_PARAGRAPH.LEFT
            _cell_paragraph(cell, text, first=True, size=TABLE_PT, align=align)
    paragraph(doc, after=6)
    return table


__all__ = ["BLANK", "BODY_PT", "field_text", "figure",
           "Frame", "MARGINS_MM", "TEXT_MM", "body", "bordered_table", "clean", "closing_block",
           "dotted_lines", "heading", "heading_block", "headers_and_footers", "new_document", "paragraph",
           "place_date", "run"]
