"""The council pack: one click in the sidebar, one A4 PDF of every page for the chosen period.

Each page contributes through its views module (`audit_dashboard/views/<page file>.py`) with

    def council_items(period: Period) -> list[Chart | Table]

returning the same objects the page draws with `ui.show`, so the pack shows what the screen
shows. Optionally, a views module also offers

    def council_appendix(period: Period) -> list[Chart | Table]   # for the appendix (off by default)
    def council_notes(period: Period) -> list[str]                # said once, on the cover

and a page that can be drilled down (complaints, patrols) offers `known_values()` and takes
`council_items(period, filters=Filters(...))`: the pack follows the drill-down of the page it is made
from (the values in its URL; a month narrows that page's period), its section titles and the cover saying so.

Pages come in menu order (navigation.PAGES), tool pages left out; the overview's items open the
pack with the KPI summary. reportlab is imported only when a PDF is made (council_pdf).
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

import streamlit as st

from . import chart_images, export, labels, markdown, navigation, settings
from .content import Chart, Table
from .drill import NONE, Filters, from_url
from .navigation import PageSpec
from .period import Period
from .presentation import as_of

if TYPE_CHECKING:
    from . import council_pdf

ORIENTATIONS = labels.PAPER_ORIENTATIONS
DEFAULT_ORIENTATION = "portrait"
APPENDIX_TITLE = "부록 · 보고서 원문의 불일치와 예산 대사"
ORIENTATION_KEY, APPENDIX_KEY = "council_pack_orientation", "council_pack_appendix"


# Pages that are tools, not reports (they change the data and show no figures of their own).
TOOL_PAGES = frozenset({labels.PAGE_IMPORT, labels.PAGE_DATA_ADMIN, labels.PAGE_EDITIONS})


class CouncilView(Protocol):
    """What a views module offers the pack."""

    def council_items(self, period: Period) -> list[Chart | Table]: ...


def views_module_name(page: PageSpec) -> str:
    """The budget page -> audit_dashboard.views.budget (a page's views module bears its name)."""
    return f"{__package__}.views.{page.url_path}"


def registry() -> dict[str, str]:
    """Page title -> views module, for every page in the menu that reports figures."""
    return {page.title: views_module_name(page) for page in _report_pages()}


def _report_pages() -> list[PageSpec]:
    return [page for page in navigation.PAGES if page.title not in TOOL_PAGES]


def council_view(page: PageSpec) -> CouncilView | None:
    name = views_module_name(page)
    try:
        module: ModuleType = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return None
    return module if callable(getattr(module, "council_items", None)) else None


def missing_pages() -> list[str]:
    """Pages whose views module does not offer `council_items` yet (they are left out of the pack)."""
    return [page.title for page in _report_pages() if council_view(page) is None]


def _views() -> list[tuple[PageSpec, ModuleType]]:
    return [(page, view) for page in _report_pages() if (view := council_view(page)) is not None]


def drill_filters(view, requested: dict[str, str], period: Period) -> Filters:
    """The drill-down filters a page's view takes from the URL's values (a view that can be drilled offers
    `known_values`; a month, of `period`); a value its records do not hold is left out, as the page leaves it out."""
    if not requested or not callable(getattr(view, "known_values", None)):
        return NONE
    return from_url(requested, view.known_values(), period)[0]


def drilled(requested: dict[str, str], period: Period) -> list[tuple[str, str]]:
    """The drill-down filters the pack follows, as the cover lists them ('달', '2025년 3월')."""
    listed = {}
    for _, view in _views():
        listed.update(drill_filters(view, requested, period).listed())
    return list(listed.items())


def sections(period: Period, started=None, requested: dict[str, str] | None = None) -> list[council_pdf.Section]:
    """One section per page, in menu order; `started(section)` is told of each as soon as it is made.
    A page drilled down (`requested`: the URL's drill-down values) gives its figures filtered, titled so."""
    from . import council_pdf

    found = []
    for page, view in _views():
        chosen = drill_filters(view, requested or {}, period)
        shown = chosen.narrowed(period)  # a month drilled down to: that page's figures are the month's
        items = view.council_items(shown, filters=chosen) if chosen.active else view.council_items(period)
        title = chosen.titled(page.title) + (f" · {shown.label}" if shown.month else "")
        found.append(council_pdf.Section(title, [i for i in items if i is not None]))
        if started:
            started(found[-1])
    return found


def appendix(period: Period) -> council_pdf.Section:
    """What the pages offer for the appendix, in menu order, as one section."""
    from . import council_pdf

    items = [item for _, view in _views() if callable(getattr(view, "council_appendix", None))
             for item in view.council_appendix(period) if item is not None]
    return council_pdf.Section(APPENDIX_TITLE, items)


def notes(period: Period) -> list[str]:
    """What the pages ask the cover to say once, each said once."""
    said = [note for _, view in _views() if callable(getattr(view, "council_notes", None))
            for note in view.council_notes(period)]
    return list(dict.fromkeys(said))


def filters(period: Period) -> list[tuple[str, str]]:
    """The sidebar's filter values (the paper prints no address: a council member cannot open it)."""
    first, last = period.first, period.last
    if first.year != last.year:
        return [("기간", f"{first.label}~{last.label}")]
    quarters = f"{first.quarter}분기" if first == last else f"{first.quarter}분기~{last.quarter}분기"
    return [("연도", f"{period.year}년"), ("분기", quarters)]


def pack(period: Period, *, with_appendix: bool = False, started=None,
         requested: dict[str, str] | None = None) -> council_pdf.Pack:
    """`requested`: the drill-down values in the page's URL (`channel`, `department`, `patrol_kind`, `area`)."""
    from . import council_pdf

    return council_pdf.Pack(settings.office(), period.label, period.dates, as_of(),
                            filters(period) + drilled(requested or {}, period),
                            sections(period, started, requested), missing_pages(), notes(period),
                            appendix(period) if with_appendix else None)


def draw_chart(chart: Chart, printed, max_height_pt: float) -> bytes:
    """A chart for the pack: drawn for its printed width, untitled (the pack prints the title as text),
    without its own watermark (a page with sample figures carries one across it)."""
    return export.paper_png(chart, printed, titled=False, max_height_pt=max_height_pt, watermark=False)


def pdf_bytes(period: Period, *, orientation: str = DEFAULT_ORIENTATION, appendix: bool = False,
              requested: dict[str, str] | None = None) -> bytes:
    """The pack's PDF: A4 portrait unless `orientation='landscape'`; the appendix only when asked for."""
    from . import council_pdf

    # Each page's charts start drawing as soon as its figures exist, while the next page's are made.
    with council_pdf.Drawing(draw_chart, council_pdf.Layout(orientation)) as drawing:
        made = pack(period, with_appendix=appendix, started=drawing.start, requested=requested)
        return council_pdf.render(made, draw_chart, orientation=orientation, drawing=drawing)


def file_name(period: Period, orientation: str = DEFAULT_ORIENTATION) -> str:
    suffix = "" if orientation == DEFAULT_ORIENTATION else f"_{ORIENTATIONS[orientation]}"
    return f"{settings.department()}_의회보고자료_{period.first}-{period.last}{suffix}.pdf"


def sidebar_button(period: Period, requested: dict[str, str] | None = None) -> None:
    """The pack's options (paper orientation, appendix) and its button, in the sidebar; `requested`: the
    drill-down values of the page's URL, which the pack follows as the page does.

    The PDF is made when the button is clicked (seconds: every chart is drawn), never on a rerun.
    The options keep their values from page to page (persist_state), like the period.
    """
    drawable = chart_images.available()
    chart_images.warm_up()  # Chromium starts now, not when the button is clicked
    with st.sidebar, st.container(key="council_pack_options", gap="small"):
        orientation = st.segmented_control(
            "의회 보고 자료 용지", list(ORIENTATIONS), default=DEFAULT_ORIENTATION, required=True,
            format_func=lambda o: f"A4 {ORIENTATIONS[o]}", key=ORIENTATION_KEY, persist_state="session",
            disabled=not drawable, width="stretch") or DEFAULT_ORIENTATION
        with_appendix = st.checkbox(
            "부록: 원문 불일치·예산 대사", key=APPENDIX_KEY, persist_state="session", disabled=not drawable,
            help="보고서의 단위사업별·사업별 예산이 서로 맞지 않는 곳과 두 묶음의 대사표를 끝에 붙입니다.")
        paper = f"A4 {ORIENTATIONS[orientation]}"
        st.download_button("의회 보고 자료(PDF)", lambda: pdf_bytes(period, orientation=orientation, appendix=with_appendix,
                                                          requested=requested),
                           file_name=file_name(period, orientation), mime="application/pdf", key="council_pack",
                           on_click="ignore", icon=":material/picture_as_pdf:", width="stretch", disabled=not drawable,
                           help=markdown.ours(f"{period.label}의 모든 화면(표·그림)을 {paper} PDF 한 부로 내려받습니다."
                                              + (" 걸러 본 조건을 그 화면의 수치에 그대로 적용합니다." if requested else ""))
                           if drawable else markdown.ours(chart_images.MISSING))
