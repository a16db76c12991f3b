"""The council pack: one click in the sidebar, one PDF of every page for the chosen period.

Each page contributes through its views module (`audit_dashboard/views/<page file>.py`) with

    def council_items(period: Period) -> list[Chart | Table]

returning the same objects the page draws with `ui.show`, so the pack shows what the screen
shows. Pages come in menu order (navigation.PAGES), tool pages left out; the overview's items open
the pack with the KPI summary.
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

import streamlit as st

from . import chart_images, labels, navigation, settings
from .content import Chart, Table
from .navigation import PageSpec
from .period import Period
from .presentation import as_of

if TYPE_CHECKING:  # the PDF stack (reportlab) loads only when a pack is made, not when a page is drawn
    from . import council_pdf


# Pages that are tools, not reports (they change the data and show no figures of their own).
TOOL_PAGES = frozenset({labels.PAGE_IMPORT, labels.PAGE_EDITIONS})


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


def sections(period: Period) -> list[council_pdf.Section]:
    from . import council_pdf

    found = []
    for page in _report_pages():
        view = council_view(page)
        if view is not None:
            found.append(council_pdf.Section(page.title, [i for i in view.council_items(period) if i is not None]))
    return found


def filters(period: Period) -> list[tuple[str, str]]:
    """The sidebar's filter values, and the address that reproduces them."""
    first, last = period.first, period.last
    address = ("주소", f"?from={first}&to={last}")
    if first.year != last.year:
        return [("기간", f"{first.label}~{last.label}"), address]
    quarters = f"{first.quarter}분기" if first == last else f"{first.quarter}분기~{last.quarter}분기"
    return [("연도", f"{period.year}년"), ("분기", quarters), address]


def pack(period: Period) -> council_pdf.Pack:
    from . import council_pdf

    return council_pdf.Pack(settings.office(), period.label, period.dates, as_of(), filters(period), sections(period),
                            missing_pages())


def pdf_bytes(period: Period) -> bytes:
    from . import council_pdf, export

    return council_pdf.render(pack(period), export.png_bytes)


def file_name(period: Period) -> str:
    return f"{settings.department()}_의회보고자료_{period.first}-{period.last}.pdf"


def sidebar_button(period: Period) -> None:
    """The one-click pack. Made when clicked (seconds: every chart is drawn), never on a rerun."""
    drawable = chart_images.available()
    with st.sidebar:
        st.download_button("의회 보고 자료(PDF)", lambda: pdf_bytes(period), file_name=file_name(period),
                           mime="application/pdf", key="council_pack", on_click="ignore",
                           icon=":material/picture_as_pdf:", width="stretch", disabled=not drawable,
                           help=f"{period.label}의 모든 화면(표·그림)을 A4 가로 PDF 한 부로 내려받습니다."
                           if drawable else chart_images.MISSING)
