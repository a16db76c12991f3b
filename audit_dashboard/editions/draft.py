"""다음 보고 초안: the next report's workbook, pre-filled from the records for a chosen as-of date.

Every figure the records can give is computed for the period (1 January of the as-of year, or a chosen
first day, to the as-of date) and marked in the workbook as computed, with its source and period:
고충민원 by channel and in total, 응답소 현장민원, patrol findings and sessions by kind and the joint-patrol
totals, and budget and execution per 단위사업 and per project from the latest execution snapshot on or
before the as-of date (with the printed rates rounded as the report rounds them). The text of the edition
it starts from (teams, projects and their lines, figure names, audits, education, equipment) is carried
over, years moved on; every other figure is left empty for staff to fill. Records that do not cover the
whole period give no figure: the cell stays empty and the guide says why.

`make(ask, base, as_of, start)` takes `ask(name, **params) -> DataFrame` (the app's cached questions,
or a store connection's in tests) and the edition to start from.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from .. import fmt, labels
from ..content import origin_of
from .folders import Edition
from .workbook import Mark

Ask = Callable[..., pd.DataFrame]
GRIEVANCE, FIELD = "고충민원", "응답소 현장민원"
JOINT = "주민합동순찰"
UNSPLIT = "미구분"

# Figures a report prints that are none of the record-based ones: emptied for staff.
EMPTIED = {
    "staffing": ["authorized", "current", "surplus_printed"],
    "budget_programmes": ["budget", "executed", "execution_rate_printed"],
    "table_totals": ["value"],
    "projects": ["budget_printed", "executed_printed", "execution_rate_printed"],
    "project_budgets": ["budget", "executed"],
    "report_figures": ["value"],
    "complaint_channels": ["received"],
    "patrol_results": ["findings", "sessions"],
    "investigations": ["cases"],
    "hr_education": ["sessions", "participants"],
    "self_audits": ["audits"],
}
YEAR_COLUMNS = {"projects": "plan_year", "project_budgets": "plan_year", "project_items": "plan_year"}


@dataclass
class Draft:
    frames: dict[str, pd.DataFrame]
    marks: dict[tuple[str, int, str], Mark] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    as_of: dt.date | None = None
    base_sessions: dict[str, bool] = field(default_factory=dict)  # patrol kinds the base printed sessions for

    def mark(self, table: str, position: int, column: str, note: str) -> None:
        self.marks[(table, position, column)] = Mark(note)

    @property
    def computed(self) -> int:
        return len(self.marks)


def _emptied(base: Edition, shift: int, as_of: dt.date, start: dt.date) -> dict[str, pd.DataFrame]:
    frames = {}
    for table, frame in base.frames.items():
        frame = frame.copy()
        for column in EMPTIED.get(table, []):
            frame[column] = pd.array([pd.NA] * len(frame), dtype=frame[column].dtype)
        if table in YEAR_COLUMNS and shift:
            frame[YEAR_COLUMNS[table]] = frame[YEAR_COLUMNS[table]] + shift
        frames[table] = frame
    meta = base.frames["report_meta"].copy()
    title = str(meta.loc[0, "title"])
    if shift:
        title = re.sub(rf"^{base.meta.year}년", f"{as_of.year}년", title)
    meta.loc[0, "title"] = title
    for column in ("council_session", "session_start", "session_end", "source_file"):
        meta[column] = pd.Series([None] * len(meta), dtype=object)
    meta["period_start"], meta["period_end"], meta["as_of"] = [start], [as_of], [as_of]
    frames["report_meta"] = meta
    frames["source_discrepancies"] = base.frames["source_discrepancies"].iloc[0:0].copy()
    return frames


def _covers(ask: Ask, records: str, kind: str | None, start: dt.date, end: dt.date) -> tuple[bool, str]:
    """Whether records cover the whole period, and what they are ('샘플(생성 데이터)', '가져온 기록')."""
    ranges = ask("records_range")
    match = ranges[(ranges["records"] == records) & ((ranges["kind"] == kind) if kind else ranges["kind"].isna())]
    if match.empty or not int(match["rows"].iloc[0]):
        return False, ""
    row = match.iloc[0]
    first, last = pd.Timestamp(row["first_date"]).date(), pd.Timestamp(row["last_date"]).date()
    what = " + ".join(labels.SOURCE_KIND[p] for p in origin_of(row["rows"], row["sample_rows"]).split("+"))
    return first <= start and end <= last, f"{what}, 기록이 있는 기간 {fmt.period(first, last)}"


def _rows_for(frame: pd.DataFrame, key: str, wanted: list[str], template: dict) -> pd.DataFrame:
    """The base's rows for `wanted` keys in order, new keys appended from `template`."""
    known = {k: i for i, k in enumerate(frame[key])}
    rows = [frame.iloc[known[k]].to_dict() if k in known else {**template, key: k} for k in wanted]
    rows += [frame.iloc[i].to_dict() for k, i in known.items() if k not in set(wanted)]
    return pd.DataFrame(rows, columns=frame.columns).astype(frame.dtypes.to_dict())


def _set(draft: Draft, table: str, key_column: str, key, column: str, value, note: str) -> None:
    frame = draft.frames[table]
    hits = frame.index[frame[key_column] == key].tolist()
    if hits:
        frame.loc[hits[0], column] = value
        draft.mark(table, hits[0], column, note)


def _complaints(draft: Draft, ask: Ask, start: dt.date, end: dt.date) -> None:
    period = fmt.period(start, end)
    covered, what = _covers(ask, "complaints", GRIEVANCE, start, end)
    if covered:
        counts = ask("complaints_by_channel", kind=GRIEVANCE, start=start, end=end)
        channels = draft.frames["complaint_channels"]
        section = channels["section"].iloc[0] if len(channels) else "Ⅱ-4 주요 추진실적"
        wanted = list(counts["channel"])
        channels = _rows_for(channels, "channel", wanted, {"section": section})
        by_channel = dict(zip(counts["channel"], counts["received"]))
        channels["received"] = pd.array([int(by_channel.get(c, 0)) for c in channels["channel"]], dtype="Int64")
        draft.frames["complaint_channels"] = channels
        for position in range(len(channels)):
            draft.mark("complaint_channels", position, "received", f"고충민원 기록({what}) {period} 접수 건수")
        _set(draft, "report_figures", "figure_key", "complaints_total", "value", int(counts["received"].sum()),
             f"고충민원 기록({what}) {period} 접수 건수 합계")
    else:
        draft.notes.append(f"고충민원 기록이 {period} 전체에 없어 접수 경로별 건수와 합계는 비워 두었습니다({what or '기록 없음'}).")
    covered, what = _covers(ask, "complaints", FIELD, start, end)
    if covered:
        summary = ask("complaints_summary", kind=FIELD, start=start, end=end, at=end)
        _set(draft, "report_figures", "figure_key", "field_complaints_handled", "value", int(summary["received"].iloc[0]),
             f"응답소 현장민원 기록({what}) {period} 처리 건수")
    else:
        draft.notes.append(f"응답소 현장민원 기록이 {period} 전체에 없어 처리 건수는 비워 두었습니다.")


def _patrols(draft: Draft, ask: Ask, start: dt.date, end: dt.date) -> None:
    period = fmt.period(start, end)
    covered, what = _covers(ask, "patrol_sessions", None, start, end)
    if not covered:
        draft.notes.append(f"순찰 기록이 {period} 전체에 없어 순찰 실적은 비워 두었습니다({what or '기록 없음'}).")
        return
    counts = ask("patrols_by_kind", start=start, end=end)
    results = draft.frames["patrol_results"]
    section = results["section"].iloc[0] if len(results) else "Ⅱ-5 주요 추진실적"
    wanted = list(counts["patrol_kind"])
    groups = dict(zip(counts["patrol_kind"], counts["patrol_group"]))
    results = _rows_for(results, "patrol_kind", wanted, {"section": section})
    results["patrol_group"] = [groups.get(k, g) for k, g in zip(results["patrol_kind"], results["patrol_group"])]
    found = counts.set_index("patrol_kind")
    results["findings"] = pd.array([int(found.loc[k, "findings"]) if k in found.index else 0
                                    for k in results["patrol_kind"]], dtype="Int64")
    shows_sessions = draft.base_sessions
    results["sessions"] = pd.array([int(found.loc[k, "sessions"]) if k in found.index and shows_sessions.get(k, True) else pd.NA
                                    for k in results["patrol_kind"]], dtype="Int64")
    draft.frames["patrol_results"] = results
    note = f"순찰 기록({what}) {period}"
    for position, kind in enumerate(results["patrol_kind"]):
        draft.mark("patrol_results", position, "findings", f"{note} 적출 건수")
        if shows_sessions.get(kind, True):
            draft.mark("patrol_results", position, "sessions", f"{note} 순찰 횟수")
    skipped = [k for k in results["patrol_kind"] if not shows_sessions.get(k, True)]
    if skipped:
        draft.notes.append(f"{', '.join(skipped)}: 이전 보고서에 순찰 횟수가 없어 횟수는 비워 두었습니다(적출 건수만 채움).")
    joint = results[results["patrol_group"] == JOINT]
    for measure in ("findings", "sessions"):
        _total(draft, "joint_patrols", measure, int(joint[measure].fillna(0).sum()), f"{note} 주민합동순찰 합계")


def _total(draft: Draft, table: str, measure: str, value: int, note: str) -> None:
    totals = draft.frames["table_totals"]
    hits = totals.index[(totals["table_name"] == table) & (totals["measure"] == measure)].tolist()
    if hits:
        totals.loc[hits[0], "value"] = value
        draft.mark("table_totals", hits[0], "value", note)


def _rate(executed, budget) -> int:
    return int(fmt.round_half_up(float(executed) / float(budget) * 100)) if budget else 0


def _budget(draft: Draft, ask: Ask, as_of: dt.date) -> None:
    found = ask("budget_snapshot_for_period", period_end=as_of)
    if not len(found):
        draft.notes.append(f"{fmt.date(as_of)} 이전({as_of.year}년)의 예산 집행 자료가 없어 예산현황은 비워 두었습니다.")
        return
    snap = found.iloc[0]
    date = pd.Timestamp(snap["snapshot_date"]).date()
    kinds = {"report": "보고서", "sample": "샘플(생성 데이터)", "import": "가져온 집행 자료"}
    source = " + ".join(kinds[s] for s in str(snap["source"]).split("+"))
    if str(snap["source"]) == "report" and isinstance(snap["edition"], str):
        titles = dict(zip(ask("report_editions")["edition"], ask("report_editions")["title"]))
        source = f"보고서 「{titles.get(snap['edition'], snap['edition'])}」"
    note = f"예산 집행 자료({source}) {fmt.date(date)} 기준, {fmt.date(dt.date(date.year, 1, 1))}부터 누계"
    if date != as_of:
        draft.notes.append(f"예산은 {fmt.date(as_of)} 이전의 가장 최근 집행 자료({fmt.date(date)})로 채웠습니다.")

    programmes = ask("budget_execution_by_programme", snapshot_date=date)
    base = draft.frames["budget_programmes"]
    section = base["section"].iloc[0] if len(base) else "Ⅰ-4 예산현황"
    table = pd.DataFrame({
        "programme_no": pd.array(programmes["programme_no"].astype(int), dtype="Int64"),
        "programme": programmes["programme"].astype(str),
        "budget": pd.array(programmes["budget"].astype(int), dtype="Int64"),
        "executed": pd.array(programmes["executed"].astype(int), dtype="Int64"),
        "execution_rate_printed": pd.array([_rate(e, b) for e, b in zip(programmes["executed"], programmes["budget"])],
                                           dtype="Int64"),
        "section": section,
    }).astype(base.dtypes.to_dict())
    table.attrs = base.attrs
    draft.frames["budget_programmes"] = table
    for position in range(len(table)):
        for column in ("budget", "executed", "execution_rate_printed"):
            draft.mark("budget_programmes", position, column, note + (" (반올림)" if column == "execution_rate_printed" else ""))
    budget, executed = int(table["budget"].sum()), int(table["executed"].sum())
    _total(draft, "budget_programmes", "budget", budget, f"{note} 단위사업 합계")
    _total(draft, "budget_programmes", "executed", executed, f"{note} 단위사업 합계")
    _total(draft, "budget_programmes", "execution_rate_printed", _rate(executed, budget), f"{note} (반올림)")

    by_source = ask("budget_execution_by_funding_source", snapshot_date=date)
    split = by_source[by_source["funding_source"] != UNSPLIT]
    budgets = draft.frames["project_budgets"]
    year_rows = budgets["plan_year"] == as_of.year
    for r in split.itertuples():
        hits = budgets.index[year_rows & (budgets["project_no"] == r.project_no) & (budgets["funding_source"] == r.funding_source)]
        if len(hits):
            budgets.loc[hits[0], ["budget", "executed"]] = [int(r.budget), int(r.executed)]
            draft.mark("project_budgets", hits[0], "budget", note)
            draft.mark("project_budgets", hits[0], "executed", note)
    if len(split) < len(by_source):
        draft.notes.append("집행 자료에 재원(구비·시비) 구분이 없는 사업은 「사업별 재원」을 비워 두었습니다.")
    projects = draft.frames["projects"]
    totals = by_source.groupby("project_no")[["budget", "executed"]].sum()
    for position in projects.index[projects["plan_year"] == as_of.year]:
        number = projects.loc[position, "project_no"]
        if number in totals.index:
            b, e = int(totals.loc[number, "budget"]), int(totals.loc[number, "executed"])
            projects.loc[position, ["budget_printed", "executed_printed", "execution_rate_printed"]] = [b, e, _rate(e, b)]
            for column in ("budget_printed", "executed_printed", "execution_rate_printed"):
                draft.mark("projects", position, column, note + (" (반올림)" if column == "execution_rate_printed" else ""))


def make(ask: Ask, base: Edition, as_of: dt.date, start: dt.date | None = None) -> Draft:
    """The draft for `as_of`, starting from the edition `base` (its text carried over)."""
    start = start or dt.date(as_of.year, 1, 1)
    if start > as_of:
        raise ValueError("실적 기간의 시작일이 기준일보다 늦습니다.")
    shift = as_of.year - base.meta.year
    patrols = base.frames["patrol_results"]
    draft = Draft(_emptied(base, shift, as_of, start), as_of=as_of,
                  base_sessions=dict(zip(patrols["patrol_kind"], patrols["sessions"].notna())))
    draft.notes.append(f"이 초안은 「{base.meta.title}」({base.meta.council_session})의 문장을 옮겨 오고"
                       f"{f'(연도는 {shift}년 뒤로)' if shift else ''}, {fmt.period(start, as_of)} 기록으로 채웠습니다. "
                       "회기와 회기 날짜, 빈 수치는 직원이 채웁니다.")
    _complaints(draft, ask, start, as_of)
    _patrols(draft, ask, start, as_of)
    _budget(draft, ask, as_of)
    return draft


def summary(ask: Ask, as_of: dt.date, start: dt.date | None = None) -> list[str]:
    """What the records can give for the period, before the draft is made: one line per kind of figure."""
    start = start or dt.date(as_of.year, 1, 1)
    lines = []
    for records, kind, what in (("complaints", GRIEVANCE, "고충민원 접수 경로별 건수"),
                                ("complaints", FIELD, "응답소 현장민원 처리 건수"),
                                ("patrol_sessions", None, "순찰 종류별 적출·순찰 횟수")):
        covered, detail = _covers(ask, records, kind, start, as_of)
        lines.append(f"{what}: {'채움' if covered else '비워 둠'}({detail or '기록 없음'})")
    found = ask("budget_snapshot_for_period", period_end=as_of)
    if len(found):
        date = pd.Timestamp(found.iloc[0]["snapshot_date"]).date()
        lines.append(f"단위사업·사업별 예산과 집행: 채움({fmt.date(date)} 기준 집행 자료)")
    else:
        lines.append(f"단위사업·사업별 예산과 집행: 비워 둠({fmt.date(as_of)} 이전({as_of.year}년)의 집행 자료 없음)")
    return lines
