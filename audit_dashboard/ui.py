"""Streamlit pieces every page uses: headers, provenance lines, KPI tiles, formatted tables."""
from __future__ import annotations

import zlib

import pandas as pd
import streamlit as st

from . import charts, downloads, export, fmt, korean, labels, markdown, presentation, readings, slides
from . import drill as drill_filters
from .content import Chart, Table
from .report import current


md = markdown.ours  # our own Markdown, with dates joined by '~'; see markdown.py


def page_header(title: str, lead: str | None = None, *, sample: str | None = None) -> None:
    """The page's title and lead line. `sample` says what on the page is generated sample data
    (e.g. '고충민원 기록'): the header then carries the red badge and one banner explains it, once
    for the whole page (each figure's own line still names its source in words)."""
    st.html(_page_css())
    st.title(title)
    if sample:
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key="page_header_sample"):
            st.badge(labels.SAMPLE_BADGE, icon=":material/science:", color="red")
            if lead:
                st.caption(md(lead))
        if slides.first():  # on slides the banner is the first one's; the badge stays on every slide
            sample_notice(sample)
    elif lead:
        st.caption(md(lead))


def provenance(source: str, period: str, origin: str = "report") -> str:
    """One line that says where a figure comes from and which period it covers.

    `origin` is report, sample, import, or sample+import; a sample says so in words ('샘플(생성 데이터)'),
    the red badge being the page header's, once per page.
    """
    kinds = " + ".join(labels.SOURCE_KIND[part] for part in origin.split("+"))
    return md(f"{kinds} · {source} · 기간: {period}")


# st.metric draws its value at 36 px and cuts off with '…' what does not fit its tile: on a 1400-px screen the
# page's content is about 940 px wide, a tile's value has that over the tiles in a row, less padding and gap.
METRIC_VALUE_PX = 36
CONTENT_PX = 940
TILE_SPARE_PX = 48


def tile_columns(values: list[str], per_row: int) -> list:
    """`per_row` columns for a row of tiles: side by side, or in two rows of half as many when one of `values`
    (the tiles' values that can grow long) would be cut off in a tile that narrow (two million complaints over
    ten years: '2,001,935건')."""
    fits = max(charts.text_px(v, METRIC_VALUE_PX) for v in values) <= CONTENT_PX / per_row - TILE_SPARE_PX
    if fits or per_row < 2:
        return list(st.columns(per_row))
    across = (per_row + 1) // 2
    return [column for _ in range(0, per_row, across) for column in st.columns(across)][:per_row]


def kpi_tile(label: str, value: str, *, detail: str | None = None, provenance_line: str,
             delta: str | None = None, delta_color: str = "normal", help: str | None = None,
             delta_arrow: str = "auto") -> None:
    # delta_arrow: Streamlit reads a leading '-' as down; a delta written with '△' needs "down" said.
    with st.container(border=True):
        st.metric(md(label), value, delta=delta, delta_color=delta_color, help=help and md(help),
                  delta_arrow=delta_arrow)
        if detail:
            st.markdown(md(detail))
        st.caption(provenance_line)


def table(frame: pd.DataFrame, kinds: dict[str, str], *, key: str | None = None, height: str | int = "auto",
          drill: str | None = None, whole: bool = False) -> None:
    """Show `frame` with Korean headers and the department's number style.

    `kinds` maps the columns to show (in order) to how they are written: number, won,
    percent, signed, points, date, measure or text. Sorting still uses the underlying numbers.
    `whole`: a few rows with more columns than the page is wide, to be read rather than sorted — drawn as a
    static table whose cells wrap, so that every column is on the page (a grid would hide the last ones).
    """
    if presentation.active() or whole:  # on a slide: scales with the larger type, every row in the capture
        static_table(frame, kinds)
        return
    shown = frame[list(kinds)].rename(columns=labels.COLUMNS)
    # One format call for every column (a call per column costs a slice of the frame each).
    # Text columns too: a missing cell reads '-', never 'None'.
    styler = shown.style.format({labels.COLUMNS.get(column, column): fmt.BY_KIND.get(kind, _text)
                                 for column, kind in kinds.items()}, na_rep="-")
    if drill is None:
        st.dataframe(styler, hide_index=True, width="stretch", key=key, height=height)
        return
    # A row chosen filters the page to its value in the `drill` column (a department).
    values = frame[drill].tolist()
    st.dataframe(styler, hide_index=True, width="stretch", key=key, height=height, selection_mode="single-row",
                 on_select=lambda: _chosen_row(key, drill, values))


def static_table(frame: pd.DataFrame, kinds: dict[str, str]) -> None:
    """`frame` as a static table (st.table): every row and column on the page, cells wrapping.

    st.table reads every cell and header as Markdown, where a bare '-' is a list (a stray bullet), '2025. 4. 25.'
    a numbered list and '1~3' strikes through: each is written as shown and escaped. Values keep their types
    (numbers stay right-aligned); only what is shown is formatted.
    """
    header = {column: markdown.literal(labels.COLUMNS.get(column, column)) for column in kinds}
    styler = frame[list(kinds)].rename(columns=header).style.hide(axis="index")
    styler = styler.format({header[column]: lambda value, kind=kind: markdown.literal(export.display_value(value, kind) or "-")
                            for column, kind in kinds.items()})
    st.table(styler)  # its cells break between words (the page's CSS, _page_css)


def _text(value) -> str:
    return "-" if value is None or value != value else str(value)


def _chosen_row(key: str, name: str, values: list) -> None:
    rows = st.session_state[key].selection.rows
    if rows and values[rows[0]] not in (None, labels.UNASSIGNED):
        drill_filters.choose(name, str(values[rows[0]]))


def show(item: Chart | Table, *, height: str | int = "auto", whole: bool = False) -> None:
    """Draw a chart or table with its title, and a line saying its source and period."""
    if isinstance(item, Chart):
        # A finished copy, kept, so that the item stays exportable; on a slide, with its larger type and height.
        figure = presentation.figure(item) if presentation.active() else export.screen_figure(item)
        key = f"chart_{item.key}_{_version(item)}"
        clickable = item.drill is not None and not presentation.active()
        st.plotly_chart(figure, theme=None, width="stretch", key=key, config={"displaylogo": False, "locale": "ko"},
                        **({"on_select": lambda: drill_filters.on_chart_select(key, item.drill),
                            "selection_mode": "points"} if clickable else {}))
    else:
        st.markdown(md(f"**{item.title}**{fmt.unit_note(item.unit)}"))
        table(item.frame, item.kinds, key=f"table_{item.key}_{_version(item)}", height=height,
              drill=None if presentation.active() else item.drill, whole=whole)
    st.caption(provenance(item.source, item.period, item.origin))
    reading_marks(item.readings)
    downloads.buttons(item)


def _version(item: Chart | Table) -> str:
    """Part of a chart's or table's key that changes with what it shows (its title and period say the
    filters and the month): a click chosen on one view is not still chosen on the next."""
    return f"{zlib.crc32(f'{item.title}|{item.period}'.encode()):08x}"


def reading_marks(keys: tuple[str, ...] | list[str]) -> None:
    """Under a figure that rests on our readings: each, marked, with its one line of why."""
    for line in readings.lines(keys):
        st.caption(md(line))


def pair(left: Chart | Table, right: Chart | Table, spec=(1, 1), *, height: str | int = "auto") -> None:
    """Two items side by side, in columns as wide as `spec` says (on a slide, charts drawn to that width);
    `height` for their tables, as in `show`."""
    for column, item, part in zip(st.columns(list(spec)), (left, right), spec):
        with column, presentation.share(part / sum(spec)):
            show(item, height=height)


def report_comparison(check: Table, part: Table, folded: str, note: str | None = None) -> None:
    """A part of the table setting the report's figures beside those counted from records: the verdict in
    sight, the worksheet folded under `folded` (open when they disagree); on a slide, the part itself."""
    agree = bool(check.frame["agrees"].all())
    st.markdown(f"**보고서와 비교** {':green-badge[보고서와 일치]' if agree else ':red-badge[보고서와 불일치]'}")
    if presentation.active():
        if note:
            st.caption(note)
        show(part)
        return
    with st.expander(folded, icon=":material/fact_check:", expanded=not agree):
        if note:
            st.caption(note)
        show(part)


def records_list(hint: str, records: Table) -> None:
    """The records behind the view (a tab of their own, drawn only when open): `hint` says how to filter them."""
    st.caption(hint)
    show(records)


def sample_notice(what: str = "기록") -> None:
    """The banner of a page that shows generated sample records (page_header draws it, once)."""
    st.warning(
        md(f"이 화면의 {korean.josa(what, '은/는')} 보고서 합계에 맞춰 생성한 **샘플 기록**입니다. "
           "실제 기록을 가져오기 전까지 개별 건수·추이는 참고용입니다."),
        icon=":material/science:",
    )


def report_only_notice() -> None:
    """Said plainly on pages whose figures exist only for the report's period (on slides, on the first)."""
    if not slides.first():
        return
    report = current()
    st.info(
        md(f"이 화면의 수치는 「{report.title}」({report.period_text} 실적, {report.as_of_state})에만 있는 값이라 "
           "사이드바의 기간 선택과 관계없이 같습니다. 다른 보고서는 사이드바의 「보고서」에서 고릅니다."),
        icon=":material/info:",
    )


# Streamlit's file uploader writes its own words in English ('Upload', '200MB per file • CSV, XLSX',
# 'Drag and drop a file here'). Their elements carry test ids, so CSS puts Korean in their place:
# no private API, and every uploader in the app gets it from the page header.
_UPLOAD_SELECTOR = '[data-testid="stFileUploaderDropzone"]'
_UPLOAD_TYPES = [(".csv",), (".xlsx",), (".csv", ".xlsx")]  # the formats the app asks for, most specific last


def _page_css() -> str:
    """The page's own CSS (from page_header): Korean in the file uploaders; a static table's cells (each a
    Markdown block, which Streamlit sets to break anywhere) break between Korean words, not inside them
    ('감사 / 팀')."""
    cells = ", ".join(f'[data-testid="stTable"] {cell} [data-testid="stMarkdownContainer"] p' for cell in ("td", "th"))
    return _uploader_css().replace("</style>", f"{cells} {{ word-break: keep-all; }}\n</style>")


def _uploader_css() -> str:
    limit = f"파일 하나에 {st.get_option('server.maxUploadSize')}MB까지"
    rules = [
        f"{_UPLOAD_SELECTOR} [data-testid=\"stBaseButton-secondary\"] p {{ font-size: 0; }}",
        f"{_UPLOAD_SELECTOR} [data-testid=\"stBaseButton-secondary\"] p::after {{ content: \"파일 선택\"; font-size: 0.95rem; }}",
        f"{_UPLOAD_SELECTOR} [data-testid=\"stFileUploaderDropzoneInstructions\"] span {{ font-size: 0; }}",
        f"{_UPLOAD_SELECTOR} [data-testid=\"stFileUploaderDropzoneInstructions\"] span::after "
        f"{{ content: \"{limit}\"; font-size: 0.875rem; }}",
        # While a file is dragged over it, the drop zone shows an overlay (the one child without a test id).
        f"{_UPLOAD_SELECTOR} > div:not([data-testid]) * {{ font-size: 0; }}",
        f"{_UPLOAD_SELECTOR} > div:not([data-testid]) > *::after {{ content: \"여기에 파일을 놓으십시오\"; font-size: 1rem; }}",
    ]
    for types in _UPLOAD_TYPES:
        accepts = "".join(f'[accept*="{t}"]' for t in types)
        names = ", ".join(t.lstrip(".").upper() for t in types)
        rules.append(f"{_UPLOAD_SELECTOR}:has(input{accepts}) [data-testid=\"stFileUploaderDropzoneInstructions\"] "
                     f"span::after {{ content: \"{limit} · {names}\"; }}")
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def status_tile(tile, link_query: dict[str, str], page_file: str, rate: bool, key: str) -> None:
    """One of the overview's tiles (views.overview.Tile): the value, its status against target in colour,
    the change against a year earlier, a sparkline, and a link to its page. Where the figure comes from
    is its tooltip (and the line under the grid). A figure that keeps the report's period, whatever the
    sidebar says, carries a grey badge instead of a status."""
    with st.container(border=True, key=key):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            if tile.status is not None:
                st.badge(tile.status.word, icon=tile.status.icon, color=tile.status.color)
            elif not tile.follows_period:
                st.badge("보고서 기간 고정", icon=":material/lock_clock:", color="gray")
            if tile.target:
                gap = f" · {fmt.points(tile.status.gap)}" if tile.status is not None else ""
                st.caption(md(tile.target + gap))
        st.metric(md(tile.label), tile.value, delta=tile.delta, delta_arrow=tile.delta_arrow,
                  # Streamlit reads the sign from a leading '-': a '△' fall must be told to show red.
                  delta_color=("inverse" if tile.delta_arrow == "down" else "normal") if rate else "off",
                  delta_description="전년 동기 대비" if tile.delta else None,
                  # On a projected slide nothing is hovered: the source goes under the grid only.
                  help=None if presentation.active() else md(tile.provenance), chart_data=tile.spark or None,
                  chart_type="line" if rate else "bar")
        if tile.note:
            st.caption(md(tile.note))
        if tile.readings:  # the mark only; its why is in the tooltip and the line under the grid
            st.caption(md(f"{readings.MARK}: " + ", ".join(readings.get(r).title for r in tile.readings)),
                       help=None if presentation.active() else md(" ".join(readings.lines(tile.readings))))
        if not presentation.active():
            st.page_link(page_file, label="자세히 보기", icon=":material/arrow_forward:", query_params=link_query)
