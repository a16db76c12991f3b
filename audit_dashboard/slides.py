"""A page as sections: in the normal view one after another (or as tabs), in the presentation view
(`?view=present`) one section per 16:9 screen — a slide.

A page builds its list of `Section(title, draw)` and calls `show(sections)`. On a slide only the
current section is drawn (`?slide=N`, 1-based, kept in the URL), under its title, with the counter
("3 / 7") and previous/next buttons that the ←/→ keys also press (Streamlit's own button shortcuts).
The frame's footer (period, as-of date) is on every slide.

A slide holds at most two charts or one table: `side_by_side` and `table_sections` give a page
the sections for what it shows side by side in the normal view, and a table too long for one slide
goes on over further slides, titled "(계속)".
"""
from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from . import charts, export, markdown, presentation
from .content import Chart, Table

PARAM = "slide"
SECTION_PARAM = "section"  # the open tab of a page drawn as tabs, by its title
PREV_KEY, NEXT_KEY = "slide_prev", "slide_next"
ROWS_PER_SLIDE = 10  # one-line table rows that fit one slide under its title at the view's type (checked in Chromium)
LINE_EMS = 26        # about how many full-width characters a table cell holds on one line of a slide
WRAPPED_LINE = 0.7   # a cell's further line, in rows (a row is mostly its padding)


@dataclass(frozen=True)
class Section:
    title: str                      # the slide's title (Korean), also the section's subheader in the normal view
    draw: Callable[[], None]        # draws the section's body (charts, tables, text)


def show(sections: Sequence[Section], *, tabs: bool = False, above: int = 0) -> None:
    """Normal view: every section in order under its subheader, or with tabs=True as tabs titled so, of which
    only the open one is drawn (the tab is kept in the URL: `&section=접수 경로`; the first by default), the
    first `above` sections (the key figures) drawn in full above the tabs.
    Presentation view: only the current slide (?slide=N, 1-based, kept in the URL), its title, its body,
    previous/next controls and ←/→ keys; the footer with period and as-of date on each slide."""
    if not sections:
        return
    if not presentation.active():
        if tabs:
            for section in sections[:above]:
                st.subheader(markdown.ours(section.title), anchor=False)
                section.draw()
            # Drawn only when open: a screen holds one section's charts, not every section's (speed by design).
            tabbed = sections[above:]
            opened = st.tabs([markdown.ours(s.title) for s in tabbed], key=SECTION_PARAM, bind="query-params")
            for tab, section in zip(opened, tabbed):
                if tab.open:
                    with tab:
                        section.draw()
        else:
            for section in sections:
                st.subheader(markdown.ours(section.title), anchor=False)
                section.draw()
        return
    number, warning = current(len(sections))
    if warning:
        st.warning(markdown.literal(warning), icon=":material/warning:")
    st.query_params[PARAM] = str(number)
    section = sections[number - 1]
    with st.container(horizontal=True, vertical_alignment="center", key="slide_head"):
        st.subheader(markdown.ours(section.title), anchor=False)
        st.markdown(f"{number} / {len(sections)}", width="content")
        st.button("이전", key=PREV_KEY, icon=":material/arrow_back:", on_click=_go, args=(number - 1,),
                  disabled=number == 1, shortcut="Left", help="이전 슬라이드(← 키)")
        st.button("다음", key=NEXT_KEY, icon=":material/arrow_forward:", icon_position="right", on_click=_go,
                  args=(number + 1,), disabled=number == len(sections), shortcut="Right", help="다음 슬라이드(→ 키)")
    with st.container(key="slide_body"):
        section.draw()


def current(count: int) -> tuple[int, str | None]:
    """The slide the URL asks for (1-based), and a warning when it names none of the `count` slides."""
    wanted = st.query_params.get(PARAM)
    if wanted is None:
        return 1, None
    try:
        number = int(wanted.strip())
    except ValueError:
        number = 0
    if 1 <= number <= count:
        return number, None
    return 1, f"주소의 슬라이드({PARAM}={wanted})가 없어 첫 슬라이드를 보여 줍니다. 이 화면의 슬라이드는 1~{count}입니다."


def first() -> bool:
    """Whether the page is drawn as its first slide (or not as slides at all): what a page says once goes there.
    A slide number that is not one shows the first slide (see `current`)."""
    if not presentation.active():
        return True
    try:
        return int(st.query_params.get(PARAM, "1").strip()) <= 1
    except ValueError:
        return True


def _go(number: int) -> None:
    st.query_params[PARAM] = str(number)


def made(item):
    """`item`, or what it makes when it is a function: a page may pass `lambda: view.table(...)`, so that on
    screen a section's figures are made only when its tab is open."""
    return item() if callable(item) else item


def table_sections(title: str, table, *, rows: int = ROWS_PER_SLIDE, draw=None) -> list[Section]:
    """One section for `table` (a Table, or a function making it: see `made`); on slides, as many as its rows
    need (`rows` one-line rows a slide, a row whose text wraps counting for more), the later ones titled "(계속)".

    `draw(table)` draws it (default ui.show), called with the slide's part of the rows."""
    from . import ui

    draw = draw or ui.show
    if not presentation.active():
        return [Section(title, lambda: draw(made(table)))]
    table = made(table)
    parts = [dataclasses.replace(table, frame=table.frame.iloc[start:end]) for start, end in _parts(table, rows)]
    return [Section(continued(title, i), lambda part=part: draw(part)) for i, part in enumerate(parts)]


def pieces(count: int, per: int) -> list[tuple[int, int | None]]:
    """The parts a list of `count` rows is drawn in: all of it in the normal view, `per` rows a slide in the
    presentation view (for a chart whose rows do not fit one slide at its larger type)."""
    if not presentation.active() or count <= per:
        return [(0, None)]
    return [(start, start + per) for start in range(0, count, per)]


def continued(title: str, part: int) -> str:
    """A slide's title; the slides after the first of a split section say so."""
    return title if part == 0 else f"{title} (계속)"


def _lines(texts, kinds_count: int) -> float:
    """How many one-line rows a row of `texts` takes on a slide: its longest cell may wrap, the sooner
    the more columns share the width."""
    room = LINE_EMS * min(1.0, 6 / max(kinds_count, 1))
    longest = max((charts.text_px(text, 1) for text in texts), default=0)
    return 1 + WRAPPED_LINE * max(0, math.ceil(longest / room) - 1)


def _parts(table: Table, rows: float) -> list[tuple[int, int]]:
    """The row ranges [start, end) of the slides a table is split over (its header row counted on each)."""
    from . import labels

    columns = len(table.kinds)
    header = _lines([labels.COLUMNS.get(c, c) for c in table.kinds], columns) - 1  # beyond the one line allowed for
    rows = rows - header
    found, start, used = [], 0, 0.0
    for i, (_, row) in enumerate(table.frame.iterrows()):
        size = _lines([export.display_value(row[c], kind) for c, kind in table.kinds.items()], columns)
        if used + size > rows and i > start:
            found.append((start, i))
            start, used = i, 0.0
        used += size
    return [*found, (start, len(table.frame))]


def side_by_side(title: str, left, right, spec: Sequence[float] = (1, 1), *,
                 titles: tuple[str, str] | None = None, rows: int = ROWS_PER_SLIDE,
                 height: str | int = "auto", note: str | None = None) -> list[Section]:
    """Two items beside each other under `title` (`height` for their tables in the normal view), and a
    `note` under them. On slides two charts share one; a table has its own (`titles` name the two
    slides, by default `title` and "`title` — 표"), the note under each. Either item may be a function making
    it (`made`): on screen it is made when the section is drawn."""
    from . import ui

    def noted(draw: Callable[[], None]) -> Callable[[], None]:
        def both() -> None:
            draw()
            if note:
                st.caption(ui.md(note))
        return both

    if not presentation.active():
        return [Section(title, noted(lambda: ui.pair(made(left), made(right), spec, height=height)))]
    left, right = made(left), made(right)
    if isinstance(left, Chart) and isinstance(right, Chart):
        return [Section(title, noted(lambda: ui.pair(left, right, spec, height=height)))]
    first_title, second_title = titles or (title, f"{title} — 표")
    return [Section(s.title, noted(s.draw)) for s in (*_alone(first_title, left, rows), *_alone(second_title, right, rows))]


def _alone(title: str, item: Chart | Table, rows: int) -> list[Section]:
    from . import ui

    if isinstance(item, Chart):
        return [Section(title, lambda: ui.show(item))]
    return table_sections(title, item, rows=rows)
