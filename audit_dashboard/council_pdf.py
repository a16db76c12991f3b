"""The council pack as an A4 PDF (reportlab): portrait by default, landscape as an option.

Cover (department, period, as-of date, filters, what the reader must know once, contents), then
one section per page of the dashboard: its tables as text (extractable, the department's number
style) and its charts as images drawn for the width they are printed at, so that no chart text is
under 9 pt (paper.py). Each title is printed once, as text above its table or chart (the chart
images carry none). Charts share a page where two fit: stacked in portrait, side by side in
landscape. An appendix, off by default, holds the report's own discrepancies and the budget
reconciliation. Every page carries the period, the as-of date and its number; a page with sample
figures carries the '샘플 데이터' badge in its header and the watermark across it. No URL or file
path is printed; every font is embedded.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as _xml_escape

from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, NextPageTemplate,
                                PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle)

from . import charts, export, fmt, fonts, labels, paper, readings
from .content import Chart, Table as TableItem

# Binary streams as they are: reportlab's default ASCII85 text encoding of images runs in pure Python
# here (no C accelerator) and took longer than drawing the charts; a 7-bit-clean PDF serves no one.
rl_config.useA85 = 0

ORIENTATIONS = labels.PAPER_ORIENTATIONS
DEFAULT_ORIENTATION = "portrait"
PDF_DPI = 200  # chart images in the pack: sharp in print, small and quick to embed
DRAWING_THREADS = 2  # charts drawn at once (chart_images' Chromium draws two at a time)

FONT, FONT_BOLD = "NanumSquare", "NanumSquare-Bold"
GREY, RED, NAVY = colors.HexColor("#555555"), colors.HexColor("#C0392B"), colors.HexColor("#1F4E79")
CELL_PT = 8.5

# What a chart needs around its image on the page: heading above, source line below, spacing.
CHART_TEXT_PT = 48


@dataclass(frozen=True)
class Layout:
    """Page size, margins and how many charts sit side by side, for one orientation of A4."""
    orientation: str = DEFAULT_ORIENTATION

    def __post_init__(self):
        if self.orientation not in ORIENTATIONS:
            raise ValueError(f"용지 방향은 {', '.join(ORIENTATIONS)} 가운데 하나입니다: {self.orientation}")

    @property
    def portrait(self) -> bool:
        return self.orientation == "portrait"

    @property
    def page(self) -> tuple[float, float]:
        return A4 if self.portrait else landscape(A4)  # 595.3 x 841.9 pt or the other way round

    margin_top = 54
    margin_bottom = 44
    gutter = 16  # between two charts side by side

    @property
    def margin_x(self) -> float:
        return 42.5 if self.portrait else 36  # 1.5 cm; landscape keeps more width for tables

    @property
    def frame_width(self) -> float:
        return self.page[0] - 2 * self.margin_x

    @property
    def frame_height(self) -> float:
        return self.page[1] - self.margin_top - self.margin_bottom

    @property
    def charts_across(self) -> int:
        return 1 if self.portrait else 2

    @property
    def half_width(self) -> float:
        return (self.frame_width - self.gutter) / 2

    def fits_half(self, chart: Chart) -> bool:
        """Whether a chart reads at half the width: its labels beside the plot (long project names,
        calendar rows) take at most a third of it."""
        if self.charts_across < 2:
            return False
        half = paper.Printed(self.half_width, dpi=PDF_DPI).css_width
        return charts.side_labels_px(chart.figure, paper.TEXT_PX) <= half / 3

    @property
    def chart_height_limit(self) -> float:
        """The tallest a chart image may print: a whole page less its heading and source line."""
        return self.frame_height - CHART_TEXT_PT - 12


@dataclass
class Section:
    """One dashboard page in the pack."""
    title: str
    items: list[Chart | TableItem]
    number: int | None = None  # its place in the contents; the appendix has none

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

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
    notes: list[str] = field(default_factory=list)     # said once, on the cover (e.g. example targets)
    appendix: Section | None = None                     # the report's own discrepancies, when asked for

    @property
    def all_sections(self) -> list[Section]:
        """The numbered sections in menu order, then the appendix."""
        for number, section in enumerate(self.sections, start=1):
            section.number = number
        return self.sections + ([self.appendix] if self.appendix else [])

    @property
    def sample(self) -> bool:
        return any(section.sample for section in self.all_sections)


# Characters the shipped font has no glyph for, and what prints in their place: reportlab has no
# fallback font, so a missing glyph would print as nothing ('현원 − 정원' as '현원  정원').
_STAND_INS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def printable(text) -> str:
    return str(text).translate(_STAND_INS)


def escape(text) -> str:
    """Text for a Paragraph: printable in the shipped font, with XML's special characters escaped."""
    return _xml_escape(printable(text))


# draw(chart, printed, max_height_pt) -> PNG bytes: export.paper_png in the app, a stand-in in tests.
Draw = Callable[[Chart, paper.Printed, float], bytes]


def _register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(fonts.REGULAR)))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts.BOLD)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13.5, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=24, leading=32, textColor=NAVY),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=14, leading=20),
        "section": ParagraphStyle("section", base, fontName=FONT_BOLD, fontSize=16, leading=22, textColor=NAVY,
                                  spaceAfter=4),
        "item": ParagraphStyle("item", base, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=8,
                               spaceAfter=1),
        "source": ParagraphStyle("source", base, fontSize=8, leading=10.5, textColor=GREY, spaceAfter=4),
        "cell": ParagraphStyle("cell", base, fontSize=CELL_PT, leading=CELL_PT + 2.5),
        "cell_right": ParagraphStyle("cell_right", base, fontSize=CELL_PT, leading=CELL_PT + 2.5, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", base, fontName=FONT_BOLD, fontSize=CELL_PT, leading=CELL_PT + 2.5),
        "body": base,
        "note": ParagraphStyle("note", base, textColor=RED, fontName=FONT_BOLD, spaceBefore=3),
        "toc": ParagraphStyle("toc", base, fontSize=10.5, leading=15),
    }


class _MarksSample:
    """Mixin for flowables drawn from sample records: the page they land on gets the mark."""

    def draw(self):
        self.canv.sample_on_page = True
        super().draw()


class _SampleTable(_MarksSample, Table):
    pass  # splits of a long table are made with self.__class__, so every page of it is marked


class _ChartImage(Flowable):
    """A chart image printed `width` wide, its height from the image's proportions."""

    def __init__(self, picture: PILImage.Image, width: float, sample: bool):
        super().__init__()
        self.picture, self.sample = picture, sample
        self.width, self.height = width, width * picture.height / picture.width

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        if self.sample:
            self.canv.sample_on_page = True
        self.canv.drawImage(ImageReader(self.picture), 0, 0, self.width, self.height)


def _key(section: Section) -> str:
    return f"section-{section.number or 'appendix'}"


class _SectionTitle(Paragraph):
    """A section heading: names the section in the page header and tells the contents its page."""

    def __init__(self, section: Section, style: ParagraphStyle):
        self.toc_entry = section.heading
        super().__init__(escape(self.toc_entry), style)
        self.section, self.key = section.title, _key(section)

    def draw(self):
        self.canv.section = self.section
        super().draw()


class _Contents(Flowable):
    """The contents on the cover: room for one line per section, filled in when the pack is saved
    (_NumberedCanvas.save), once every section's page is known. So the pack is laid out once."""

    def __init__(self, sections: list[Section], style: ParagraphStyle):
        super().__init__()
        self.entries = [(section.heading, _key(section)) for section in sections]
        self.style = style

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, self.style.leading * len(self.entries)
        return self.width, self.height

    def draw(self):
        x, y = self.canv.absolutePosition(0, self.height)
        self.canv.cover_contents = (self, x, y)


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so each can say 'n / total' and the cover's contents can give
    each section's page. Starts in the shipped font, so no unembedded standard font (Helvetica) is
    ever referenced."""

    layout: Layout = Layout()

    def __init__(self, *args, **kwargs):
        kwargs.update(initialFontName=FONT, initialFontSize=9)
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self.section_pages: dict[str, int] = {}  # one dict, shared by every page's saved state

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self.__dict__.pop("cover_contents", None)
        self._startPage()

    def _draw_contents(self) -> None:
        contents, x, top = self.__dict__.pop("cover_contents")
        style = contents.style
        for line, (heading, key) in enumerate(contents.entries):
            baseline = top - style.leading * (line + 1) + (style.leading - style.fontSize) / 2 + 1
            page = str(self.section_pages.get(key, ""))
            self.setFont(style.fontName, style.fontSize)
            self.setFillColor(colors.black)
            self.drawString(x, baseline, printable(heading))
            self.drawRightString(x + contents.width, baseline, page)
            start = x + pdfmetrics.stringWidth(printable(heading), style.fontName, style.fontSize) + 6
            end = x + contents.width - pdfmetrics.stringWidth(page, style.fontName, style.fontSize) - 6
            if end > start:
                self.saveState()
                self.setStrokeColor(GREY)
                self.setLineWidth(0.6)
                self.setDash(0.6, 2.4)
                self.line(start, baseline + 1, end, baseline + 1)
                self.restoreState()
            self.linkRect("", key, (x, baseline - 3, x + contents.width, baseline + style.fontSize), relative=0)

    def save(self):
        total = len(self._pages)
        page_width = self.layout.page[0]
        for state in self._pages:
            self.__dict__.update(state)
            if "cover_contents" in self.__dict__:
                self._draw_contents()
            if self._pageNumber > 1:  # the cover is counted, not numbered
                self.setFont(FONT, 8.5)
                self.setFillColor(GREY)
                self.drawRightString(page_width - self.layout.margin_x, 22, f"{self._pageNumber} / {total}")
            super().showPage()
        super().save()


def _canvas_for(layout: Layout) -> type[_NumberedCanvas]:
    return type("PackCanvas", (_NumberedCanvas,), {"layout": layout})


class _Doc(BaseDocTemplate):
    def __init__(self, buffer, pack: Pack, layout: Layout):
        super().__init__(buffer, pagesize=layout.page, leftMargin=layout.margin_x, rightMargin=layout.margin_x,
                         topMargin=layout.margin_top, bottomMargin=layout.margin_bottom,
                         title=f"{labels.APP_TITLE} 의회 보고 자료 {pack.period_label}",
                         author=pack.department, subject=f"{pack.period_dates}, {pack.as_of} 기준", invariant=1)
        self.pack, self.layout = pack, layout
        frame = Frame(layout.margin_x, layout.margin_bottom, layout.frame_width, layout.frame_height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=self._begin),
            PageTemplate("body", [frame], onPage=self._begin, onPageEnd=self._decorate),
        ])

    @staticmethod
    def _begin(canvas, doc) -> None:
        canvas.sample_on_page = False

    def _decorate(self, canvas, doc) -> None:
        """Header (department, section, sample badge), footer (period, as-of date), sample watermark."""
        pack, layout = self.pack, self.layout
        width, height = layout.page
        left, right = layout.margin_x, width - layout.margin_x
        sample = getattr(canvas, "sample_on_page", False)
        canvas.saveState()
        if sample:
            canvas.saveState()
            canvas.setFillColor(RED)
            canvas.setFillAlpha(0.10)
            canvas.setFont(FONT_BOLD, 40 if layout.portrait else 46)
            canvas.translate(width / 2, layout.margin_bottom + layout.frame_height / 2)
            canvas.rotate(35 if layout.portrait else 22)
            canvas.drawCentredString(0, -14, labels.SAMPLE_WATERMARK)
            canvas.restoreState()
        canvas.setStrokeColor(colors.HexColor("#B0B8C0"))
        canvas.setLineWidth(0.6)
        top = height - 30
        canvas.line(left, top - 6, right, top - 6)
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(GREY)
        canvas.drawString(left, top, f"{pack.department} · {labels.APP_TITLE} 의회 보고 자료")
        if sample:
            text = labels.SAMPLE_BADGE
            badge = pdfmetrics.stringWidth(text, FONT_BOLD, 10) + 12
            canvas.setStrokeColor(RED)
            canvas.setFillColor(colors.HexColor("#FDEDEC"))
            canvas.roundRect(right - badge, top - 4, badge, 16, 3, stroke=1, fill=1)
            canvas.setFillColor(RED)
            canvas.setFont(FONT_BOLD, 10)
            canvas.drawString(right - badge + 6, top + 0.5, text)
            right -= badge + 10
        canvas.setFillColor(GREY)
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawRightString(right, top, printable(getattr(canvas, "section", "")))
        canvas.setStrokeColor(colors.HexColor("#B0B8C0"))
        canvas.line(left, 34, width - layout.margin_x, 34)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(left, 22, f"기간: {pack.period_label} ({pack.period_dates}) · 자료 기준일 {pack.as_of}")
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        entry = getattr(flowable, "toc_entry", None)
        if entry:
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(entry, flowable.key, level=0)
            self.canv.section_pages[flowable.key] = self.page


def _style(commands: list) -> TableStyle:
    """A table style in the shipped font: reportlab's table default is Helvetica, which is not embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), CELL_PT),
                       ("LEADING", (0, 0), (-1, -1), CELL_PT + 2.5)] + commands)


def _cover(pack: Pack, layout: Layout, styles) -> list:
    rows = [("부서", pack.department), ("기간", f"{pack.period_label} ({pack.period_dates})"),
            ("자료 기준일", pack.as_of)] + [(f"필터: {name}", value) for name, value in pack.filters]
    facts = Table([[Paragraph(escape(k), styles["head"]), Paragraph(escape(v), styles["body"])] for k, v in rows],
                  colWidths=[100, layout.frame_width - 100], hAlign="LEFT")
    facts.setStyle(_style([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#D0D7DE")),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    story = [Spacer(1, 6), Paragraph(f"{labels.APP_TITLE} 의회 보고 자료", styles["title"]),
             Paragraph(escape(f"{pack.department} · {pack.period_label}"), styles["subtitle"]), Spacer(1, 10), facts,
             Spacer(1, 8),
             Paragraph("표와 그림마다 수치의 출처(보고서 · 샘플 · 가져온 기록)와 기간을 적었습니다.", styles["body"])]
    if pack.sample:
        story.append(Paragraph(
            f"'{labels.SAMPLE_BADGE}' 표시가 있는 쪽에는 보고서 합계에 맞춰 생성한 샘플 기록에서 나온 수치가 있습니다. "
            "실제 기록이 아니므로 개별 건수·추이는 참고용입니다.", styles["note"]))
    for note in pack.notes:
        story.append(Paragraph(escape(note), styles["note"]))
    if pack.left_out:
        story.append(Paragraph(escape(f"이 자료에 아직 들어 있지 않은 화면: {', '.join(pack.left_out)}"), styles["note"]))
    story += [Spacer(1, 4), Paragraph("차례", styles["item"]), _Contents(pack.all_sections, styles["toc"])]
    return story


def _source_line(item: Chart | TableItem) -> str:
    line = f"{export.source_line(item)} · 기간: {item.period}"
    marks = "".join(f"<br/>{escape(text)}" for text in readings.lines(item.readings))
    if item.sample:
        return f'<font color="#C0392B"><b>[{labels.SAMPLE_BADGE}]</b></font> {escape(line)}{marks}'
    return escape(line) + marks


def _column_widths(texts: list[list[str]], header: list[str], kinds: list[str], frame_width: float) -> list[float]:
    """Each column as wide as its longest cell when the table fits; otherwise, as browsers lay out
    tables, each column gets its narrowest width (numbers unbroken, text at its longest word) plus a
    share of what is left in proportion to how much more it would take."""
    pad = 14  # 12pt of cell padding, and a little air

    def width(text: str, font: str = FONT) -> float:
        return pdfmetrics.stringWidth(text, font, CELL_PT)

    widest, narrowest = [], []
    for index, (head, kind) in enumerate(zip(header, kinds)):
        cells = [row[index] for row in texts]
        widest.append(max(30.0, max([width(head, FONT_BOLD)] + [width(c) for c in cells]) + pad))
        words = [w for text in cells + [head] for w in text.split()] or [""]
        unbroken = [width(c) for c in cells] if kind in export.NUMERIC_KINDS or kind == "date" else []
        least = max(unbroken + [min(width(w), 60.0) for w in words]) + pad
        narrowest.append(min(max(30.0, least), widest[-1]))
    if sum(widest) <= frame_width:
        return widest
    if sum(narrowest) >= frame_width:
        return [w * frame_width / sum(narrowest) for w in narrowest]
    share = (frame_width - sum(narrowest)) / (sum(widest) - sum(narrowest))
    return [least + (most - least) * share for least, most in zip(narrowest, widest)]


def _table(item: TableItem, number: int, layout: Layout, styles) -> list:
    """Heading, source line, then the table: nothing can be left behind at the foot of a page."""
    heading = [Paragraph(escape(f"<표 {number}> {item.title}{fmt.unit_note(item.unit)}"), styles["item"]),
               Paragraph(_source_line(item), styles["source"])]
    header = export.headers(item)
    texts = [[cell or "-" for cell in row] for row in export.display_rows(item)]
    if not texts:
        return [KeepTogether(heading + [Paragraph("해당 기간의 자료가 없습니다.", styles["body"])])]
    kinds = list(item.kinds.values())
    widths = _column_widths(texts, header, kinds, layout.frame_width)
    numeric = [kind in export.NUMERIC_KINDS for kind in kinds]

    def cell(text: str, column: int):
        # A cell that fits its column on one line is drawn as plain text; only the others need a
        # Paragraph, which wraps (and costs most of the time the pack takes to lay out).
        if pdfmetrics.stringWidth(printable(text), FONT, CELL_PT) <= widths[column] - 12:
            return printable(text)
        return Paragraph(escape(text), styles["cell_right" if numeric[column] else "cell"])

    data = [[Paragraph(escape(h), styles["head"]) for h in header]]
    data += [[cell(text, column) for column, text in enumerate(row)] for row in texts]
    cls = _SampleTable if item.sample else Table
    table = cls(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_style([
        *[("ALIGN", (column, 1), (column, -1), "RIGHT") for column, right in enumerate(numeric) if right],
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, NAVY), ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#D0D7DE")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    # Rows of one line each would need this much: a table that would not fit on a page even so
    # starts where its heading and a few rows fit, then splits, repeating its header row. (Laying the
    # table out to measure it would cost as much as printing it: KeepTogether lets an underestimated
    # one split too.)
    if 40 + (len(data)) * (CELL_PT + 7.5) > layout.frame_height - 20:
        return [CondPageBreak(120)] + heading + [table, Spacer(1, 8)]
    return [KeepTogether(heading + [table]), Spacer(1, 8)]  # all on one page


def _picture(png: bytes) -> PILImage.Image:
    """The PNG decoded, without its alpha channel (the charts' paper is white): no soft mask to embed."""
    picture = PILImage.open(io.BytesIO(png))
    return picture if picture.mode == "RGB" else picture.convert("RGB")


def _chart(item: Chart, number: int, width: float, png: PILImage.Image, styles) -> list:
    """Heading (the chart's title, printed once), the image drawn for `width`, its source line."""
    image = _ChartImage(png, width, item.sample)
    heading = Paragraph(f"[그림 {number}] {escape(item.title)}{escape(fmt.unit_note(item.unit))}", styles["item"])
    return [heading, image, Paragraph(_source_line(item), styles["source"])]


def _side_by_side(left: list, right: list, layout: Layout) -> Table:
    row = Table([[left, "", right]], colWidths=[layout.half_width, layout.gutter, layout.half_width], hAlign="LEFT")
    row.setStyle(_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                         ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return row


def _blocks(items: list) -> list[tuple]:
    """A section's items as blocks: ('table', t), ('chart', c) at full width, or ('pair', a, b) side by side."""
    blocks, index = [], 0
    while index < len(items):
        item = items[index]
        if isinstance(item, Chart):
            following = items[index + 1] if index + 1 < len(items) else None
            if isinstance(following, Chart):
                blocks.append(("pair", item, following))
                index += 2
                continue
            blocks.append(("chart", item))
        else:
            blocks.append(("table", item))
        index += 1
    return blocks


def _plan(section: Section, layout: Layout) -> list[tuple]:
    """Two charts in a row share a row in landscape when both read at half width; else each has the width."""
    planned = []
    for block in _blocks(section.items):
        if block[0] == "pair" and not (layout.fits_half(block[1]) and layout.fits_half(block[2])):
            planned += [("chart", block[1]), ("chart", block[2])]
        else:
            planned.append(block)
    return planned


class Drawing:
    """Charts being drawn, two at a time (Chromium renders one while Python prepares the next), each
    for the width the layout gives it, and decoded in the same threads. Sections can be handed in
    as they are made (council_pack does), so drawing starts before the last page's figures exist."""

    def __init__(self, draw: Draw, layout: Layout):
        self.draw, self.layout = draw, layout
        self.pool = ThreadPoolExecutor(DRAWING_THREADS, thread_name_prefix="pack-chart")
        self.futures: dict[int, Future] = {}

    def start(self, section: Section) -> None:
        for block in _plan(section, self.layout):
            if block[0] == "chart":
                self._submit(block[1], self.layout.frame_width)
            elif block[0] == "pair":
                self._submit(block[1], self.layout.half_width)
                self._submit(block[2], self.layout.half_width)

    def _submit(self, chart: Chart, width: float) -> None:
        if id(chart) not in self.futures:
            printed = paper.Printed(width, dpi=PDF_DPI)
            self.futures[id(chart)] = self.pool.submit(
                lambda: _picture(self.draw(chart, printed, self.layout.chart_height_limit)))

    def pictures(self, sections: list[Section]) -> dict[int, PILImage.Image]:
        for section in sections:
            self.start(section)  # any not handed in yet
        return {key: future.result() for key, future in self.futures.items()}

    def __enter__(self) -> "Drawing":
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(cancel_futures=True)


def _section_body(plan: list[tuple], counters: dict, pngs: dict[int, PILImage.Image], layout: Layout, styles) -> list:
    story: list = []
    for block in plan:
        if block[0] == "table":
            counters["table"] += 1
            story += _table(block[1], counters["table"], layout, styles)
        elif block[0] == "pair":
            left, right = block[1], block[2]
            counters["figure"] += 2
            story += [_side_by_side(_chart(left, counters["figure"] - 1, layout.half_width, pngs[id(left)], styles),
                                    _chart(right, counters["figure"], layout.half_width, pngs[id(right)], styles),
                                    layout), Spacer(1, 8)]
        else:
            chart = block[1]
            counters["figure"] += 1
            story += [KeepTogether(_chart(chart, counters["figure"], layout.frame_width, pngs[id(chart)], styles)),
                      Spacer(1, 8)]
    return story


def render(pack: Pack, draw: Draw, *, orientation: str = DEFAULT_ORIENTATION, drawing: Drawing | None = None) -> bytes:
    """The PDF's bytes; `draw` makes a chart's PNG for a printed size (export.paper_png in the app),
    or `drawing` has been drawing them already (see Drawing).

    Laid out once: the cover's contents get their page numbers when the pages are saved."""
    layout = Layout(orientation)
    _register_fonts()
    styles = _styles()
    sections = pack.all_sections
    plans = [_plan(section, layout) for section in sections]
    if drawing is None:
        with Drawing(draw, layout) as own:
            pngs = own.pictures(sections)
    else:
        pngs = drawing.pictures(sections)
    story = _cover(pack, layout, styles) + [NextPageTemplate("body")]
    counters = {"table": 0, "figure": 0}
    for section, plan in zip(sections, plans):
        story += [PageBreak(), _SectionTitle(section, styles["section"])]
        if not section.items:
            story.append(Paragraph("이 화면에는 이 기간에 보일 표나 그림이 없습니다.", styles["body"]))
        story += _section_body(plan, counters, pngs, layout, styles)
    buffer = io.BytesIO()
    _Doc(buffer, pack, layout).build(story, canvasmaker=_canvas_for(layout))
    return buffer.getvalue()
