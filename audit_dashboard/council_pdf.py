"""The council pack as an A4-landscape PDF (reportlab), in the shipped Korean font.

Cover (department, period, as-of date, filters, contents), then one section per page of the
dashboard: its tables as text (extractable, the department's number style) and its charts as
the same PNGs the download buttons give. Every page carries the period and as-of date, its
number, and a '샘플 데이터' mark when anything on it comes from sample records.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Frame, Image, KeepTogether, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.tableofcontents import TableOfContents

from . import export, fonts, labels
from .content import Chart, Table as TableItem

PAGE = landscape(A4)  # 841.9 x 595.3 pt
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 36, 54, 44
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM

FONT, FONT_BOLD = "NanumSquare", "NanumSquare-Bold"
GREY, RED, NAVY = colors.HexColor("#555555"), colors.HexColor("#C0392B"), colors.HexColor("#1F4E79")


@dataclass
class Section:
    """One dashboard page in the pack."""
    title: str
    items: list[Chart | TableItem]

    @property
    def sample(self) -> bool:
        return any(item.sample for item in self.items)


@dataclass
class Pack:
    department: str
    period_label: str       # '2024년 1~2분기'
    period_dates: str       # '2024. 1. 1. ~ 2024. 6. 30.'
    as_of: str              # '2024. 6. 30.'
    filters: list[tuple[str, str]]
    sections: list[Section] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # pages that offer nothing to the pack yet

    @property
    def sample(self) -> bool:
        return any(section.sample for section in self.sections)


def _register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(fonts.REGULAR)))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts.BOLD)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=26, leading=34, textColor=NAVY),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=15, leading=22),
        "section": ParagraphStyle("section", base, fontName=FONT_BOLD, fontSize=17, leading=24, textColor=NAVY,
                                  spaceAfter=6),
        "item": ParagraphStyle("item", base, fontName=FONT_BOLD, fontSize=11, leading=15, spaceBefore=10,
                               spaceAfter=1),
        "source": ParagraphStyle("source", base, fontSize=8, leading=11, textColor=GREY, spaceAfter=4),
        "caption": ParagraphStyle("caption", base, fontSize=8, leading=11, textColor=GREY, spaceBefore=3,
                                  spaceAfter=10),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=10.5),
        "cell_right": ParagraphStyle("cell_right", base, fontSize=8, leading=10.5, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", base, fontName=FONT_BOLD, fontSize=8, leading=10.5),
        "body": base,
        "note": ParagraphStyle("note", base, textColor=RED, fontName=FONT_BOLD),
        "toc": ParagraphStyle("toc", base, fontSize=10.5, leading=14.5),
    }


class _MarksSample:
    """Mixin for flowables drawn from sample records: the page they land on gets the mark."""

    def draw(self):
        self.canv.sample_on_page = True
        super().draw()


class _SampleTable(_MarksSample, Table):
    pass  # splits of a long table are made with self.__class__, so every page of it is marked


class _SampleImage(_MarksSample, Image):
    pass


class _SectionTitle(Paragraph):
    """A section heading: starts a contents entry and names the section in the page header."""

    def __init__(self, text: str, style: ParagraphStyle, number: int):
        super().__init__(escape(f"{number}. {text}"), style)
        self.toc_entry, self.section = f"{number}. {text}", text

    def draw(self):
        self.canv.section = self.section
        super().draw()


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so each can say 'n / total'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:  # the cover is counted, not numbered
                self.setFont(FONT, 8.5)
                self.setFillColor(GREY)
                self.drawRightString(PAGE[0] - MARGIN_X, 22, f"{self._pageNumber} / {total}")
            super().showPage()
        super().save()


class _Doc(BaseDocTemplate):
    def __init__(self, buffer, pack: Pack):
        super().__init__(buffer, pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                         bottomMargin=MARGIN_BOTTOM, title=f"{labels.APP_TITLE} 의회 보고 자료 {pack.period_label}",
                         author=pack.department, subject=f"{pack.period_dates}, {pack.as_of} 기준", invariant=1)
        self.pack = pack
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=self._begin),
            PageTemplate("body", [frame], onPage=self._begin, onPageEnd=self._decorate),
        ])

    @staticmethod
    def _begin(canvas, doc) -> None:
        canvas.sample_on_page = False

    def _decorate(self, canvas, doc) -> None:
        """Header (department, section, sample mark) and footer (period, as-of date, filters)."""
        pack = self.pack
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#B0B8C0"))
        canvas.setLineWidth(0.6)
        top = PAGE[1] - 30
        canvas.line(MARGIN_X, top - 6, PAGE[0] - MARGIN_X, top - 6)
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN_X, top, f"{pack.department} · {labels.APP_TITLE} 의회 보고 자료")
        right = PAGE[0] - MARGIN_X
        if getattr(canvas, "sample_on_page", False):
            text = labels.SAMPLE_BADGE
            width = pdfmetrics.stringWidth(text, FONT_BOLD, 10) + 12
            canvas.setStrokeColor(RED)
            canvas.setFillColor(colors.HexColor("#FDEDEC"))
            canvas.roundRect(right - width, top - 4, width, 16, 3, stroke=1, fill=1)
            canvas.setFillColor(RED)
            canvas.setFont(FONT_BOLD, 10)
            canvas.drawString(right - width + 6, top + 0.5, text)
            right -= width + 10
        canvas.setFillColor(GREY)
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawRightString(right, top, getattr(canvas, "section", ""))
        canvas.line(MARGIN_X, 34, PAGE[0] - MARGIN_X, 34)
        canvas.setFont(FONT, 8.5)
        filters = " · ".join(f"{name} {value}" for name, value in pack.filters)
        canvas.drawString(MARGIN_X, 22, f"기간: {pack.period_label} ({pack.period_dates}) · 자료 기준일 {pack.as_of} · "
                                        f"필터: {filters}")
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        entry = getattr(flowable, "toc_entry", None)
        if entry:
            key = f"section-{entry.split('.')[0]}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(entry, key, level=0)
            self.notify("TOCEntry", (0, entry, self.page, key))


def _cover(pack: Pack, styles) -> list:
    rows = [("부서", pack.department), ("기간", f"{pack.period_label} ({pack.period_dates})"),
            ("자료 기준일", pack.as_of)] + [(f"필터: {name}", value) for name, value in pack.filters]
    facts = Table([[Paragraph(escape(k), styles["head"]), Paragraph(escape(v), styles["body"])] for k, v in rows],
                  colWidths=[110, FRAME_WIDTH - 110], hAlign="LEFT")
    facts.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#D0D7DE")),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    story = [Spacer(1, 6), Paragraph(f"{labels.APP_TITLE} 의회 보고 자료", styles["title"]),
             Paragraph(escape(f"{pack.department} · {pack.period_label}"), styles["subtitle"]), Spacer(1, 10), facts,
             Spacer(1, 8),
             Paragraph("각 표와 그림 아래에 수치의 출처(보고서 · 샘플 · 가져온 기록)와 기간을 적었습니다.", styles["body"])]
    if pack.sample:
        story.append(Paragraph(
            f"'{labels.SAMPLE_BADGE}' 표시가 있는 쪽에는 보고서 합계에 맞춰 생성한 샘플 기록에서 나온 수치가 있습니다. "
            "실제 기록이 아니므로 개별 건수·추이는 참고용입니다.", styles["note"]))
    if pack.left_out:
        story.append(Paragraph(escape(f"이 자료에 아직 들어 있지 않은 화면: {', '.join(pack.left_out)}"), styles["note"]))
    contents = TableOfContents(dotsMinLevel=0)
    contents.levelStyles = [styles["toc"]]
    story += [Spacer(1, 4), Paragraph("차례", styles["item"]), contents]
    return story


def _source_line(item: Chart | TableItem) -> str:
    line = f"{export.source_line(item)} · 기간: {item.period}"
    if item.sample:
        return f'<font color="#C0392B"><b>[{labels.SAMPLE_BADGE}]</b></font> {escape(line)}'
    return escape(line)


def _column_widths(texts: list[list[str]], header: list[str]) -> list[float]:
    """Each column as wide as its longest cell; when that is too wide, only the widest columns give way."""
    natural = []
    for index, head in enumerate(header):
        longest = max([pdfmetrics.stringWidth(head, FONT_BOLD, 8)] +
                      [pdfmetrics.stringWidth(row[index], FONT, 8) for row in texts])
        natural.append(max(30.0, longest + 14))  # 12pt of cell padding, and a little air
    if sum(natural) <= FRAME_WIDTH:
        return natural
    # Water-filling: the largest cap such that columns clipped to it fill the width exactly.
    remaining, count = FRAME_WIDTH, len(natural)
    for width in sorted(natural):
        if width * count > remaining:
            break
        remaining, count = remaining - width, count - 1
    cap = remaining / count
    return [min(width, cap) for width in natural]


def _table(item: TableItem, number: int, styles) -> list:
    """Heading, source line, then the table: nothing can be left behind at the foot of a page."""
    heading = [Paragraph(escape(f"<표 {number}> {item.title} (단위: {item.unit})"), styles["item"]),
               Paragraph(_source_line(item), styles["source"])]
    header = export.headers(item)
    texts = [[cell or "-" for cell in row] for row in export.display_rows(item)]
    if not texts:
        return [KeepTogether(heading + [Paragraph("해당 기간의 자료가 없습니다.", styles["body"])])]
    kinds = list(item.kinds.values())
    data = [[Paragraph(escape(h), styles["head"]) for h in header]]
    data += [[Paragraph(escape(cell), styles["cell_right" if kind in export.NUMERIC_KINDS else "cell"])
              for cell, kind in zip(row, kinds)] for row in texts]
    cls = _SampleTable if item.sample else Table
    table = cls(data, colWidths=_column_widths(texts, header), repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, NAVY), ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#D0D7DE")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    height = sum(f.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] for f in heading) + table.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1]
    if height < FRAME_HEIGHT - 20:
        return [KeepTogether(heading + [table]), Spacer(1, 8)]  # all on one page
    # A longer table starts where its heading and a few rows fit, then splits, repeating its header row.
    return [CondPageBreak(120)] + heading + [table, Spacer(1, 8)]


def _chart(item: Chart, number: int, png: bytes, styles) -> list:
    reader = ImageReader(io.BytesIO(png))
    pixel_width, pixel_height = reader.getSize()
    width = FRAME_WIDTH
    height = width * pixel_height / pixel_width
    limit = FRAME_HEIGHT - 60  # leave room for the caption on the same page
    if height > limit:
        width, height = width * limit / height, limit
    cls = _SampleImage if item.sample else Image
    image = cls(io.BytesIO(png), width=width, height=height, hAlign="LEFT")
    caption = Paragraph(f"[그림 {number}] {escape(item.title)} (단위: {escape(item.unit)}) · " + _source_line(item),
                        styles["caption"])
    return [KeepTogether([image, caption])]


def render(pack: Pack, png: Callable[[Chart], bytes]) -> bytes:
    """The PDF's bytes; `png` draws a chart (export.png_bytes in the app)."""
    _register_fonts()
    styles = _styles()
    story = _cover(pack, styles) + [NextPageTemplate("body")]
    tables = figures = 0
    for number, section in enumerate(pack.sections, start=1):
        story += [PageBreak(), _SectionTitle(section.title, styles["section"], number)]
        if not section.items:
            story.append(Paragraph("이 화면에는 이 기간에 보일 표나 그림이 없습니다.", styles["body"]))
        for item in section.items:
            if isinstance(item, Chart):
                figures += 1
                story += _chart(item, figures, png(item), styles)
            else:
                tables += 1
                story += _table(item, tables, styles)
    buffer = io.BytesIO()
    _Doc(buffer, pack).multiBuild(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()
