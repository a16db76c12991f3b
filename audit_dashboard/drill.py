"""Drill-down: a channel or a department on the complaints page, a patrol kind or a 동 on the patrols page,
and on both a month of the period, chosen by clicking a chart or a table row or written in the URL
(`&channel=응답소`, `&patrol_kind=기획순찰`, `&month=2025-03`), filters every figure of the page — tiles,
charts, tables, their downloads — and the records listed under them. Active filters show as chips that
remove them. A value the records do not hold (a month the period does not) is warned about and ignored.
Each page reads only its own filters (the keys of the `known` values it passes, and the month when it
passes its period).

A month is not a query parameter: it narrows the page's period (`Filters.narrowed`), so every figure,
comparison (전월, 전년 동월) and title follows from the period as it does for a quarter. A click on a
quarter of a quarterly trend narrows the sidebar's period to that quarter, drawn by month: from a
ten-year trend to one month in two clicks.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

import streamlit as st

from . import korean, markdown
from .period import Period, PeriodError, Quarter

LABELS = {"channel": "접수 경로", "department": "처리부서", "patrol_kind": "순찰 종류", "area": "동", "month": "달"}
COMPLAINTS, PATROLS = ("channel", "department"), ("patrol_kind", "area")  # the queries' `-- optional:` parameters
MONTH = "month"


@dataclass(frozen=True)
class Filters:
    channel: str | None = None
    department: str | None = None
    patrol_kind: str | None = None
    area: str | None = None
    month: str | None = None  # '2025-03': narrows the period (`narrowed`), never a query parameter

    def params(self, names: tuple[str, ...] | None = None) -> dict[str, str | None]:
        """For the named queries whose `-- optional:` parameters `names` are (all by default)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if names is None or f.name in names}

    @property
    def active(self) -> dict[str, str]:
        return {name: value for name, value in self.params().items() if value is not None}

    def describe(self) -> str:
        """'접수 경로 응답소 · 처리부서 도로과', '' without filters. Not the month: the period's label says it."""
        return " · ".join(f"{LABELS[name]} {value}" for name, value in self.active.items() if name != MONTH)

    def titled(self, title: str) -> str:
        """A chart or table title that says it is filtered."""
        described = self.describe()
        return f"{title} · {described}" if described else title

    def narrowed(self, period: Period) -> Period:
        """The period the page shows: the month drilled down to, else `period` itself."""
        return period.narrowed(self.month)

    def listed(self) -> list[tuple[str, str]]:
        """The active filters as (label, value) to print: ('접수 경로', '응답소'), ('달', '2025년 3월')."""
        return [(LABELS[name], shown(name, value)) for name, value in self.active.items()]


def shown(name: str, value: str) -> str:
    """A filter's value as the page writes it: a month '2025-03' as '2025년 3월'."""
    if name == MONTH:
        year, month = value.split("-")
        return Period.of_month(int(year), int(month)).label
    return value


NONE = Filters()


def from_url(params, known: dict[str, list[str]], period: Period | None = None) -> tuple[Filters, list[str]]:
    """The filters in the URL that name a value the records hold, and with `period` a month of it; a
    warning for each that does not."""
    chosen, warnings = {}, []
    if period is not None and params.get(MONTH):
        try:
            chosen[MONTH] = period.narrowed(params[MONTH]).month_key
        except PeriodError as error:
            warnings.append(f"주소의 달을 빼고 {period.label} 전체를 보여 줍니다: {error}. "
                            f"고를 수 있는 달: {period.month_keys()[0]} ~ {period.month_keys()[-1]}")
    for name in known:
        label, value = LABELS[name], params.get(name)
        if value is None or value == "":
            continue
        if value in known.get(name, []):
            chosen[name] = value
        else:
            shown = ", ".join(known.get(name, [])[:12]) or "없음"
            warnings.append(f"주소의 {korean.josa(label + f'({name}={value})', '을/를')} 기록에서 찾을 수 없어 빼고 보여 줍니다. "
                            f"있는 {label}: {shown}")
    return Filters(**chosen), warnings


def requested(params) -> dict[str, str]:
    """The drill-down values the URL asks for, unchecked (the council pack checks them when it is made,
    as each page does when it is drawn)."""
    return {name: params[name] for name in LABELS if params.get(name)}


def drop(name: str) -> None:
    st.query_params.pop(name, None)


def choose(name: str, value: str) -> None:
    st.query_params[name] = value


def choose_quarter(quarter: Quarter) -> None:
    """Narrow the sidebar's period to one quarter, its trends drawn by month (the frame reads the URL first)."""
    drop(MONTH)
    st.query_params.update({"from": str(quarter), "to": str(quarter), "grain": "month"})


def chips(filters: Filters) -> None:
    """The active filters, each a button that removes it; nothing without filters."""
    if not filters.active:
        return
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        for name, value in filters.active.items():
            st.button(markdown.literal(f"{LABELS[name]}: {shown(name, value)}"), key=f"drill_chip_{name}",
                      icon=":material/close:",
                      on_click=drop, args=(name,), help=f"{korean.josa(LABELS[name], '을/를')} 거르지 않고 모두 봅니다.")


def on_chart_select(key: str, name: str) -> None:
    """A click on a bar filters the page to it: its customdata is the value, or ends with it (a trend's
    bars carry the month they count for the hover, then the month or quarter of the period they stand for)."""
    event = st.session_state.get(key)
    points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else \
        getattr(getattr(event, "selection", None), "points", []) or []
    if not points:
        return
    value = points[0].get("customdata")
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    if not value:
        return
    if name == MONTH:
        try:
            choose_quarter(Quarter.parse(str(value), "to"))  # a quarter of a quarterly trend
            return
        except PeriodError:
            pass
    choose(name, str(value))


def titled(item, filters: Filters):
    """The chart or table with a title that says what it is filtered to (its downloads say so too)."""
    return replace(item, title=filters.titled(item.title)) if filters.active else item
