"""기간 비교: the period shown beside a second one — complaints by channel and by department, patrol
findings and sessions by kind — with the difference in figures and in %.

The second period is kept in the URL (`&vs_from=2024Q1&vs_to=2024Q3`); without it, the same period a year
earlier. Either period may run past the records: that is said, never filled in.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import charts, fmt, korean, labels
from ..app_data import ask
from ..content import Chart, Table, origin_of
from ..period import Period, PeriodError
from . import complaints, patrols, records

PARAMS = ("vs_from", "vs_to")
TOP_DEPARTMENTS = 10
OTHERS = "그 밖의 부서"


@dataclass(frozen=True)
class Pair:
    shown: Period      # a: the sidebar's period
    other: Period      # b: the one set beside it

    @property
    def params(self) -> dict:
        return {"start_a": self.shown.start, "end_a": self.shown.end,
                "start_b": self.other.start, "end_b": self.other.end}

    @property
    def headers(self) -> tuple[str, str]:
        return self.shown.label, self.other.label

    @property
    def dates(self) -> str:
        return f"{self.shown.dates} / {self.other.dates}"


def second_period(shown: Period, params) -> tuple[Period, str | None]:
    """The period in `vs_from`/`vs_to`, else a year earlier; an unreadable one gets a Korean warning."""
    if not any(p in params for p in PARAMS):
        return shown.year_earlier(), None
    try:
        return Period.from_params(params.get("vs_from", ""), params.get("vs_to", ""), names=PARAMS), None
    except PeriodError as error:
        fallback = f"{shown.year_earlier().label}(전년 동기)"
        return shown.year_earlier(), f"주소의 비교 기간을 읽을 수 없어 {korean.josa(fallback, '과/와')} 비교합니다: {error}."


def to_params(other: Period) -> dict[str, str]:
    return {"vs_from": str(other.first), "vs_to": str(other.last)}


def choices(shown: Period) -> dict[str, Period]:
    """Quick choices for the second period."""
    return {"전년 동기": shown.year_earlier(), "직전 기간": shown.previous()}


def with_difference(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["difference"] = out["value_a"] - out["value_b"]
    out["difference_rate"] = [100.0 * d / b if b else None for d, b in zip(out["difference"], out["value_b"])]
    return out


def _total(frame: pd.DataFrame, label: str = "계") -> pd.DataFrame:
    sums = {c: frame[c].sum() for c in frame.columns if c not in ("item",) and pd.api.types.is_numeric_dtype(frame[c])}
    return pd.concat([frame, pd.DataFrame([{"item": label, **sums}])], ignore_index=True)


def _kinds(pair: Pair, value: str) -> tuple[dict[str, str], dict[str, str]]:
    a, b = pair.headers
    names = {"value_a": f"{a}({value})", "value_b": f"{b}({value})", "difference": f"증감({value})",
             "difference_rate": "증감률"}
    kinds = {"item": "text", names["value_a"]: "number", names["value_b"]: "number", names["difference"]: "signed",
             names["difference_rate"]: "signed_percent"}
    return names, kinds


def coverage_notes(pair: Pair) -> list[str]:
    """What each period's records leave out (a period before the first record or after the last)."""
    notes = []
    for name, records_name, kind in (("고충민원", "complaints", complaints.KIND), ("순찰", "patrol_sessions", None)):
        for period in (pair.shown, pair.other):
            if not records.covers(period, records_name, kind):
                notes.append(f"{name} 기록은 {records.span(records_name, kind)}에 있어 "
                             f"{korean.josa(period.label, '은/는')} 기록이 기간 전체를 덮지 않습니다.")
    return notes


def channels(pair: Pair) -> tuple[Chart, Table]:
    frame = with_difference(ask("compare_complaints_by_channel", kind=complaints.KIND, **pair.params))
    return _chart_and_table(pair, frame, "compare_channels", "접수 경로별 고충민원", "건", "접수", complaints.SOURCE)


def departments(pair: Pair) -> tuple[Chart, Table]:
    frame = ask("compare_complaints_by_department", kind=complaints.KIND, **pair.params)
    frame["item"] = frame["item"].fillna(labels.UNASSIGNED)
    top = frame.nlargest(TOP_DEPARTMENTS, ["value_a", "value_b"]).sort_values(["value_a", "value_b"], ascending=False)
    rest = frame.drop(top.index)
    if len(rest):  # the rest in one row, so that the table adds up to every complaint
        top = pd.concat([top, pd.DataFrame([{"item": f"{OTHERS}({len(rest)}곳)",
                                              **{c: rest[c].sum() for c in ("value_a", "value_b", "sample_rows", "rows")}}])],
                        ignore_index=True)
    return _chart_and_table(pair, with_difference(top), "compare_departments",
                            f"처리부서별 고충민원(상위 {TOP_DEPARTMENTS}곳)", "건", "접수", complaints.SOURCE)


def patrol_kinds(pair: Pair) -> tuple[Chart, Table]:
    frame = with_difference(ask("compare_patrols_by_kind", **pair.params))
    a, b = pair.headers
    return _chart_and_table(pair, frame, "compare_patrol_kinds", "순찰 종류별 적출", "건", "적출", patrols.SOURCE,
                            extra={"sessions_a": f"{a}(순찰 횟수)", "sessions_b": f"{b}(순찰 횟수)"}, table_unit="건, 회, %")


def _chart_and_table(pair: Pair, frame: pd.DataFrame, key: str, title: str, unit: str, value: str,
                     source: str, *, extra: dict[str, str] | None = None,
                     table_unit: str = "건, %") -> tuple[Chart, Table]:
    a, b = pair.headers
    origin = origin_of(frame["rows"].sum(), frame["sample_rows"].sum())
    figure = charts.bars(frame["item"].tolist(), {b: frame["value_b"].tolist(), a: frame["value_a"].tolist()},
                         horizontal=True, text_format=fmt.number)
    figure.update_layout(height=max(260, 60 + 56 * len(frame)))
    figure.update_yaxes(autorange="reversed", automargin=True)
    # The legend names the two periods; a short title fits beside the table.
    chart = Chart(f"{key}_chart", title, unit, pair.dates, source, figure, origin)
    names, kinds = _kinds(pair, value)
    names.update(extra or {})
    kinds.update({header: "number" for header in (extra or {}).values()})
    shown = _total(frame).rename(columns=names)
    totals = shown.iloc[-1]
    shown.loc[shown.index[-1], names["difference_rate"]] = (100.0 * totals[names["difference"]] / totals[names["value_b"]]
                                                            if totals[names["value_b"]] else None)
    table = Table(key, f"{title}({a} 대 {b})", table_unit, pair.dates, source, shown, kinds,
                  origin)
    return chart, table


def summary(pair: Pair) -> str:
    """'2025년 1~3분기 고충민원 1,622건 — 2024년 1~3분기 1,510건보다 112건(7.4%) 많습니다.'"""
    frame = ask("compare_complaints_by_channel", kind=complaints.KIND, **pair.params)
    a, b = int(frame["value_a"].sum()), int(frame["value_b"].sum())
    head = f"{pair.shown.label} 고충민원 **{fmt.count(a, '건')}** — {pair.other.label} {fmt.count(b, '건')}"
    if a == b:
        return f"{head}과 같습니다."
    more = "많습니다" if a > b else "적습니다"
    rate = f"({fmt.percent(abs(100.0 * (a - b) / b), 1)})" if b else ""
    return f"{head}보다 {fmt.count(abs(a - b), '건')}{rate} {more}."


def council_items(period: Period) -> list[Table]:
    """For the council pack: the tables, the period against a year earlier."""
    pair = Pair(period, period.year_earlier())
    return [table for _, table in (channels(pair), departments(pair), patrol_kinds(pair))]
