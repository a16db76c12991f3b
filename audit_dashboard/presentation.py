"""The presentation view (`?view=present`): a page as staff capture it for council papers.

No sidebar, header or widgets; larger type; a 16:9-friendly width; the light theme (the only
theme the app offers: config.toml sets it and the viewer toolbar has no theme switch); and a
footer with the period and the as-of date. Every page calls `frame.page_frame()`, which calls
`controls()`, so the view works on any page opened directly by its URL.
"""
from __future__ import annotations

import contextlib
import contextvars
import html

import plotly.graph_objects as go
import streamlit as st

from . import export, korean, labels, markdown, settings
from .period import Period
from .report import current

PARAM, PRESENT = "view", "present"
LEAVE_KEY, ENTER_KEY = "present_leave", "present_enter"

# On a slide every chart text (data labels, ticks, legend, titles) is at least this large, and a chart
# is drawn this tall, alone across the slide or two side by side (ui.pair): a slide never scrolls at 1920×1080.
TEXT_PX = 24
CHART_HEIGHT = 620
SLIDE_WIDTH = 1640  # the content's width on a 1920-pixel screen (max-width less the padding)
_SHARE = contextvars.ContextVar("presentation_share", default=1.0)  # the part of the slide's width a chart gets

# Every kind of input a page may draw; the view shows figures only.
_WIDGETS = ", ".join(f'[data-testid="{name}"]' for name in (
    "stButton", "stDownloadButton", "stLinkButton", "stFormSubmitButton", "stForm", "stFileUploader", "stTextInput",
    "stTextArea", "stNumberInput", "stSelectbox", "stMultiSelect", "stSlider", "stCheckbox", "stRadio",
    "stDateInput", "stTimeInput", "stColorPicker", "stButtonGroup", "stPopover", "stChatInput",
    "stBaseButton-elementToolbar"))  # the copy button of a code block

_CSS = f"""
<style>
html {{ font-size: 20px; }}
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stElementToolbar"], .modebar-container {{ display: none !important; }}
{_WIDGETS} {{ display: none !important; }}
.st-key-{LEAVE_KEY} [data-testid="stButton"], .st-key-slide_head [data-testid="stButton"] {{ display: block !important; }}
.st-key-slide_head {{ flex-wrap: nowrap !important; }}
.st-key-slide_head h3 {{ font-size: 1.6rem; padding: 0; }}
.st-key-slide_head [data-testid="stMarkdownContainer"] p {{ color: #555555; font-size: 1rem; margin: 0; }}
[data-testid="stTable"] {{ font-size: 1.2rem; }}
[data-testid="stTable"] th, [data-testid="stTable"] td {{ padding-top: 0.3rem; padding-bottom: 0.3rem; line-height: 1.35; }}
[data-testid="stMain"] h1 {{ font-size: 1.9rem; padding-top: 0; padding-bottom: 0.2rem; }}
[data-testid="stMainBlockContainer"] {{
    max-width: 1760px; margin: 0 auto; padding: 1.5rem 3rem 4.5rem 3rem;
}}
.st-key-{LEAVE_KEY} {{ position: fixed; top: 0.4rem; right: 0.8rem; z-index: 1000; width: auto !important; opacity: 0.35; }}
.st-key-{LEAVE_KEY}:hover {{ opacity: 1; }}
.present-footer {{
    position: fixed; left: 0; right: 0; bottom: 0; z-index: 999; padding: 0.45rem 3rem;
    background: #ffffff; border-top: 1px solid #d0d7de; color: #333333; font-size: 0.8rem;
    display: flex; justify-content: space-between;
}}
@media print {{ .st-key-{LEAVE_KEY} {{ display: none !important; }} }}
</style>
"""


def active() -> bool:
    return st.query_params.get(PARAM) == PRESENT


def _enter() -> None:
    st.query_params[PARAM] = PRESENT


def _leave() -> None:
    for name in (PARAM, "slide"):  # the slide number belongs to the view
        if name in st.query_params:
            del st.query_params[name]


def as_of() -> str:
    """The date the figures stand at, as the shown report states it ('2025. 10. 31.')."""
    return current().as_of_text


def footer_text(period: Period) -> tuple[str, str]:
    return (f"기간: {period.label} ({period.dates}) · 자료 기준일 {as_of()} · {current().title}",
            f"{settings.office()} · {labels.APP_TITLE}")


def controls(period: Period) -> None:
    """In the presentation view: its styles, footer and a way out; otherwise a sidebar button into it."""
    if active():
        left, right = footer_text(period)
        st.html(_CSS + f'<div class="present-footer"><span>{html.escape(left)}</span>'
                       f'<span>{html.escape(right)}</span></div>')
        st.button("발표 화면 끝내기", key=LEAVE_KEY, on_click=_leave, icon=":material/close_fullscreen:",
                  type="tertiary")
    else:
        with st.sidebar:
            st.divider()
            st.button("발표 화면으로 보기", key=ENTER_KEY, on_click=_enter, icon=":material/slideshow:",
                      width="stretch", help="사이드바와 버튼 없이 큰 글씨로 보여 줍니다(화면 캡처·발표용).")


def not_presented(title: str) -> bool:
    """On a page that changes data (imports, backups): in the view, say there is nothing to present."""
    if not active():
        return False
    st.info(markdown.text(f"「{title}」{korean.particle(title, '은/는')} 자료를 바꾸는 화면이라 발표할 수치가 없습니다. "
                          "「발표 화면 끝내기」로 돌아가 다른 화면을 발표 화면으로 여십시오."), icon=":material/slideshow:")
    return True


@contextlib.contextmanager
def share(part: float):
    """Charts drawn inside take `part` of the slide's width (two side by side: 0.5 each)."""
    token = _SHARE.set(part)
    try:
        yield
    finally:
        _SHARE.reset(token)


def slide_width() -> int:
    """How wide a chart is drawn on a slide, in CSS pixels (the column gap taken off a part)."""
    part = _SHARE.get()
    return SLIDE_WIDTH if part >= 1 else int(SLIDE_WIDTH * part) - 16


def figure(chart) -> go.Figure:
    """The chart finished for a slide: no text under TEXT_PX at its width, CHART_HEIGHT tall."""
    finished = export.finished_figure(chart, min_text_px=TEXT_PX, width_px=slide_width())
    finished.update_layout(height=CHART_HEIGHT)
    if finished.layout.xaxis.side == "top":  # labels above the plot (a calendar's months): room under the title
        finished.update_layout(margin_t=(finished.layout.margin.t or 0) + int(TEXT_PX * 1.6))
    return finished
