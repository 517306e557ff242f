"""A Word document in the layout of Chinese official documents (GB/T 9704-2012), via python-docx.

A4; type area 156 × 225 mm (top 37 mm, inside 28 mm); 22 lines a page; title 2号 (22 pt)
小标宋, body 3号 (16 pt) 仿宋, "一、" headings 黑体, "（一）" headings 楷体; page numbers
4号 (14 pt) 宋体 "— 1 —", 7 mm below the type area, odd pages right and even pages left,
one character in from the edge; the 版记 (抄送, 印发) between rules at the end.

python-docx's ``font.name`` sets only the Latin faces; Word then sets Chinese in the
theme's East Asian font. Every style and run here also gets ``w:eastAsia``, and the font
table names a free fallback (``w:altName``) for machines without the office's fonts.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

PAGE_W, PAGE_H = Mm(210), Mm(297)
TOP, INSIDE, TYPE_W, TYPE_H = Mm(37), Mm(28), Mm(156), Mm(225)
BODY_PT, TITLE_PT, TABLE_PT, PAGE_NUMBER_PT = 16, 22, 12, 14
LINE = Pt(225 / 22 * 72 / 25.4 - 0.05)  # 22 lines fill the type area exactly
CHAR = Pt(BODY_PT)  # one character of body text, for indents
ROLES = ("title", "body", "heading", "subheading", "page_number")


@dataclass(frozen=True)
class Fonts:
    faces: Mapping[str, tuple[str, str]]  # role -> (face, free fallback)

    def face(self, role: str) -> str:
        return self.faces[role][0]


def east_asian(rpr: object, face: str) -> None:
    """Name ``face`` for every script of a run or style (``w:rFonts``, incl. ``w:eastAsia``)."""
    fonts = rpr.get_or_add_rFonts()  # type: ignore[attr-defined]
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would win over the named one
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), face)
    lang = rpr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # type: ignore[attr-defined]
    lang.set(qn("w:eastAsia"), "zh-CN")


class OfficialDocument:
    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self.doc = Document()
        self._page()
        self._styles()
        self._font_table()
        self._page_numbers()

    # -- set-up ---------------------------------------------------------------------

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = PAGE_W, PAGE_H
        section.top_margin, section.left_margin = TOP, INSIDE
        section.bottom_margin = PAGE_H - TOP - TYPE_H
        section.right_margin = PAGE_W - INSIDE - TYPE_W
        # The number's top edge sits 7 mm under the type area; Word measures to its bottom.
        section.footer_distance = section.bottom_margin - Mm(7) - Pt(PAGE_NUMBER_PT * 1.3)
        section.header_distance = Mm(15)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(LINE.pt * 20)))

    def _styles(self) -> None:
        styles = self.doc.styles
        for name in ("Title", "Heading 1", "Heading 2"):
            # Word's blue, bold, ruled headings are not an official document's.
            element = styles[name].element
            element.get_or_add_rPr().remove_all("w:color", "w:b", "w:i", "w:sz", "w:szCs")
            element.get_or_add_pPr().remove_all("w:pBdr", "w:spacing")
        self._style(styles["Normal"], "body", BODY_PT, first_line=2)
        self._style(styles["Title"], "title", TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER,
                    spacing=Pt(TITLE_PT * 1.5))
        self._style(styles["Heading 1"], "heading", BODY_PT, first_line=2)
        self._style(styles["Heading 2"], "subheading", BODY_PT, first_line=2)
        for name in ("Title", "Heading 1", "Heading 2"):
            styles[name].paragraph_format.keep_with_next = True  # never last on a page
        self._style(styles["Footer"], "page_number", PAGE_NUMBER_PT, spacing=Pt(PAGE_NUMBER_PT))

    def _style(self, style: object, role: str, size: int, first_line: int = 0,
               align: object = WD_ALIGN_PARAGRAPH.JUSTIFY, spacing: Pt = LINE) -> None:
        font = style.font  # type: ignore[attr-defined]
        font.size = Pt(size)
        font.name = self.fonts.face(role)
        east_asian(style.element.get_or_add_rPr(), self.fonts.face(role))  # type: ignore[attr-defined]
        fmt = style.paragraph_format  # type: ignore[attr-defined]
        fmt.alignment = align
        fmt.first_line_indent = CHAR * first_line
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = spacing
        fmt.widow_control = False  # a line grid document: no lines moved for widows

    def _font_table(self) -> None:
        """Each face with its free fallback (``w:altName``) and the GB2312 character set."""
        part = next(r.target_part for r in self.doc.part.rels.values()
                    if r.reltype.endswith("/fontTable"))
        root = etree.fromstring(part.blob)
        for role, (face, fallback) in self.fonts.faces.items():
            if root.find(f"{qn('w:font')}[@{qn('w:name')}='{face}']") is not None:
                continue
            font = etree.SubElement(root, qn("w:font"))
            font.set(qn("w:name"), face)
            family = "swiss" if role == "heading" else "roman"  # 黑体 is a sans face
            for tag, value in (("w:altName", fallback), ("w:charset", "86"),
                               ("w:family", family), ("w:pitch", "variable")):
                etree.SubElement(font, qn(tag)).set(qn("w:val"), value)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)

    def _page_numbers(self) -> None:
        self.doc.settings.odd_and_even_pages_header_footer = True
        section = self.doc.sections[0]
        self._number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
        self._number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)

    def _number(self, paragraph: object, align: object) -> None:
        fmt = paragraph.paragraph_format  # type: ignore[attr-defined]
        fmt.alignment = align
        fmt.first_line_indent = Pt(0)
        edge = Pt(PAGE_NUMBER_PT)  # one character in from the edge of the type area
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = edge
        else:
            fmt.left_indent = edge
        self._run(paragraph, "— ", "page_number", PAGE_NUMBER_PT)
        self._field(paragraph, "PAGE")
        self._run(paragraph, " —", "page_number", PAGE_NUMBER_PT)

    def _field(self, paragraph: object, code: str) -> None:
        run = self._run(paragraph, "", "page_number", PAGE_NUMBER_PT)
        for kind, text in (("begin", None), ("instr", f" {code} "), ("separate", None),
                           ("text", "1"), ("end", None)):
            if kind == "instr":
                node = OxmlElement("w:instrText")
                node.set(qn("xml:space"), "preserve")
                node.text = text
            elif kind == "text":
                node = OxmlElement("w:t")
                node.text = text
            else:
                node = OxmlElement("w:fldChar")
                node.set(qn("w:fldCharType"), kind)
            run._r.append(node)

    # -- content --------------------------------------------------------------------

    def _run(self, paragraph: object, text: str, role: str, size: int | None = None,
             bold: bool = False) -> object:
        run = paragraph.add_run(text)  # type: ignore[attr-defined]
        run.font.name = self.fonts.face(role)
        east_asian(run._r.get_or_add_rPr(), self.fonts.face(role))
        if size:
            run.font.size = Pt(size)
        run.font.bold = bold or None
        return run

    def title(self, text: str) -> None:
        for line in text.split("\n"):
            self._run(self.doc.add_paragraph(style="Title"), line, "title")
        self.blank()

    def blank(self) -> None:
        self.doc.add_paragraph()

    def paragraph(self, text: str, indent: bool = True, align: object = None,
                  right_chars: int = 0, keep: bool = False) -> object:
        """A body paragraph; ``keep`` keeps it on the page of what follows (a table)."""
        p = self.doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.keep_with_next = keep or None
        if not indent:
            fmt.first_line_indent = Pt(0)
        if align is not None:
            fmt.alignment = align
        if right_chars:
            fmt.right_indent = CHAR * right_chars
        self._run(p, text, "body")
        return p

    def heading(self, text: str, level: int = 1) -> None:
        p = self.doc.add_paragraph(style=f"Heading {level}")
        self._run(p, text, "heading" if level == 1 else "subheading")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[object]],
              widths_mm: Sequence[float]) -> None:
        """A ruled table in 仿宋 小四 (12 pt), header row in 黑体, repeated on every page."""
        grid = self.doc.add_table(rows=1 + len(rows), cols=len(headers))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False  # fixed layout: Word and LibreOffice keep the widths given
        scale = TYPE_W.mm / max(sum(widths_mm), 1)
        widths = [Mm(w * scale) for w in widths_mm]
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width
        # ``table.cell()`` walks the whole table each call; take the cells once.
        cells = grid._cells
        for r, values in enumerate([headers, *rows]):
            for c, value in enumerate(values):
                cell = cells[r * len(headers) + c]
                cell.width = widths[c]
                p = cell.paragraphs[0]
                fmt = p.paragraph_format
                fmt.first_line_indent = Pt(0)
                fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
                _off_grid(p)
                fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if r == 0 or len(str(value)) < 8 \
                    else WD_ALIGN_PARAGRAPH.LEFT
                self._run(p, str(value), "heading" if r == 0 else "body", TABLE_PT)
        for n, row in enumerate(grid.rows):
            properties = row._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:cantSplit"))  # a row stays on one page
            if n == 0:
                properties.append(OxmlElement("w:tblHeader"))  # repeated on every page
        self.blank()

    def signature(self, issuer: str, day: str) -> None:
        """发文机关署名 above 成文日期, the date four characters in from the right."""
        self.blank()
        self.blank()
        self.paragraph(issuer, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=2)
        self.paragraph(day, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=4)

    def colophon(self, copy_to: str, printed_by: str, day: str) -> None:
        """版记: 抄送 and 印发, 4号 仿宋, between rules, one character in from each side."""
        self.blank()
        lines = [("抄送：" if not copy_to.startswith(("抄送", "Cc", "cc")) else "") + copy_to,
                 f"{printed_by}\u3000\u3000{day}印发" if printed_by else ""]
        for n, text in enumerate(line for line in lines if line):
            p = self.doc.add_paragraph()
            fmt = p.paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.left_indent = fmt.right_indent = Pt(PAGE_NUMBER_PT)
            fmt.keep_with_next = True
            self._run(p, text, "body", PAGE_NUMBER_PT)
            _rules(p, top=True, bottom=n == len([x for x in lines if x]) - 1)

    def save(self, core_title: str) -> bytes:
        """The document's bytes; its properties carry the title and nobody's name."""
        props = self.doc.core_properties
        props.title, props.author, props.last_modified_by = core_title, "", ""
        props.comments = props.keywords = props.subject = props.category = ""
        _drop_thumbnail(self.doc)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


# Word refuses a paragraph whose properties are out of the schema's order: each new one
# goes before the first of those that must follow it (ECMA-376 CT_PPrBase).
_TAIL = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
         "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
         "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_SNAP = _TAIL
_AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                  "w:bidi", "w:adjustRightInd", "w:snapToGrid", *_TAIL)


def _off_grid(paragraph: object) -> None:
    """Table text keeps its own line height instead of snapping to the page's 22-line grid."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.insert_element_before(snap, *_AFTER_SNAP)


def _rules(paragraph: object, top: bool, bottom: bool) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    borders = OxmlElement("w:pBdr")
    ppr.insert_element_before(borders, *_AFTER_BORDERS)
    for side, wanted in (("top", top), ("bottom", bottom)):
        if wanted:
            line = OxmlElement(f"w:{side}")
            for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                               ("w:color", "000000")):
                line.set(qn(key), value)
            borders.append(line)


def _drop_thumbnail(doc: object) -> None:
    """python-docx's template carries a thumbnail of another document."""
    package = doc.part.package  # type: ignore[attr-defined]
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]

