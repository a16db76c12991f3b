"""Does the report add up as printed? Each check names the file, row and figure that fail.

Two kinds of check:
- `check_report(frames)`: parts against their printed totals, printed rates against amounts.
- `check_store(con)`: run on the new store before it replaces the old one; the two budget
  groupings may differ only where `source_discrepancies.csv` declares the source does.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from . import fmt
from .korean import josa
from .labels import MEASURE
from .errors import ReconciliationError
from .loader import row_of
from .store import run_query

# Which printed figure each investigation origin adds up to.
INVESTIGATION_TOTALS = {
    "외부기관 통보사항 조사": "investigations_external_total",
    "내부조사, 민원사항 조사": "investigations_internal_total",
}


def execution_rate(executed, budget) -> float:
    """집행률 in percent (unrounded)."""
    return float(executed) / float(budget) * 100 if budget else 0.0


def _total_row(frames, table: str, measure: str) -> tuple[int, int]:
    totals = frames["table_totals"]
    hits = totals.index[(totals["table_name"] == table) & (totals["measure"] == measure)].tolist()
    if not hits:
        raise ReconciliationError(totals.attrs["file"], None, "measure", f"{table}의 {measure} 계가 없습니다.")
    return int(totals.loc[hits[0], "value"]), row_of(totals, hits[0])


def _figure(frames, key: str) -> tuple[int, int]:
    figures = frames["report_figures"]
    hits = figures.index[figures["figure_key"] == key].tolist()
    if not hits:
        raise ReconciliationError(figures.attrs["file"], None, "figure_key", f"'{key}' 수치가 없습니다.")
    return int(figures.loc[hits[0], "value"]), row_of(figures, hits[0])


def _rows(frame: pd.DataFrame, mask=None) -> str:
    positions = range(len(frame)) if mask is None else [i for i, m in enumerate(mask) if m]
    rows = [row_of(frame, i) for i in positions]
    return f"{rows[0]}~{rows[-1]}행" if len(rows) > 1 else f"{rows[0]}행"


def _sum_matches(total: int, total_file: str, total_row: int, total_column: str,
                 parts: pd.DataFrame, column: str, label: str, mask=None) -> None:
    values = parts[column] if mask is None else parts.loc[mask, column]
    actual = int(values.sum())
    if actual != total:
        raise ReconciliationError(
            total_file, total_row, total_column,
            f"{label} 계 {josa(fmt.number(total), '이/가')} {parts.attrs['file']} {_rows(parts, mask)}의 "
            f"'{column}' 합계 {josa(fmt.number(actual), '과/와')} 다릅니다(차이 {fmt.signed(total - actual)}).",
        )


def _rate_matches(frame: pd.DataFrame, position: int, printed, executed, budget, label: str) -> None:
    computed = execution_rate(executed, budget)
    if fmt.round_half_up(computed) != int(printed):
        raise ReconciliationError(
            frame.attrs["file"], row_of(frame, position), "execution_rate_printed",
            f"{label}의 집행률 {printed}%가 집행액 {fmt.number(executed)} ÷ 예산액 {fmt.number(budget)} "
            f"= {computed:.2f}%(반올림 {fmt.percent(computed)})와 다릅니다.",
        )


def check_report(frames: dict[str, pd.DataFrame]) -> None:
    totals_file = frames["table_totals"].attrs["file"]
    figures_file = frames["report_figures"].attrs["file"]

    # Ⅰ-4: programme rows against the 계 row, and every printed rate.
    programmes = frames["budget_programmes"]
    for measure in ("budget", "executed"):
        total, row = _total_row(frames, "budget_programmes", measure)
        _sum_matches(total, totals_file, row, "value", programmes, measure, f"예산현황 {MEASURE[measure]}")
    total_rate, row = _total_row(frames, "budget_programmes", "execution_rate_printed")
    total_rate_computed = execution_rate(programmes["executed"].sum(), programmes["budget"].sum())
    if fmt.round_half_up(total_rate_computed) != total_rate:
        raise ReconciliationError(totals_file, row, "value",
                                  f"예산현황 계 집행률 {total_rate}%가 계산값 {total_rate_computed:.2f}%와 다릅니다.")
    for i, r in programmes.iterrows():
        _rate_matches(programmes, i, r["execution_rate_printed"], r["executed"], r["budget"], r["programme"])

    # Ⅰ-2: grades against 계, and 과부족 = 현원 − 정원.
    staffing = frames["staffing"]
    for i, r in staffing.iterrows():
        if r["current"] - r["authorized"] != r["surplus_printed"]:
            raise ReconciliationError(
                staffing.attrs["file"], row_of(staffing, i), "surplus_printed",
                f"{r['staff_group']} {r['grade']} 과부족 {josa(fmt.number(r['surplus_printed']), '이/가')} "
                f"현원 {r['current']} − 정원 {r['authorized']} = "
                f"{josa(fmt.number(r['current'] - r['authorized']), '과/와')} 다릅니다.",
            )

    for measure in ("authorized", "current", "surplus_printed"):
        total, row = _total_row(frames, "staffing", measure)
        _sum_matches(total, totals_file, row, "value", staffing, measure, f"인력 {MEASURE[measure]}")

    # Ⅱ-4: channels against the printed 1,622.
    total, row = _figure(frames, "complaints_total")
    _sum_matches(total, figures_file, row, "value", frames["complaint_channels"], "received", "고충민원 접수")

    # Ⅱ-5: joint-patrol parts against their printed 계.
    patrols = frames["patrol_results"]
    joint = (patrols["patrol_group"] == "주민합동순찰").tolist()
    for measure in ("findings", "sessions"):
        total, row = _total_row(frames, "joint_patrols", measure)
        _sum_matches(total, totals_file, row, "value", patrols, measure, f"주민합동순찰 {MEASURE[measure]}", joint)

    # Ⅱ-3: investigation outcomes against each printed total.
    investigations = frames["investigations"]
    for origin, key in INVESTIGATION_TOTALS.items():
        total, row = _figure(frames, key)
        mask = (investigations["origin"] == origin).tolist()
        _sum_matches(total, figures_file, row, "value", investigations, "cases", origin, mask)

    # Ⅱ-1: audits by type against the printed 10건.
    total, row = _figure(frames, "self_audits_total")
    _sum_matches(total, figures_file, row, "value", frames["self_audits"], "audits", "자체감사")

    # Ⅱ: each project's funding sources against its printed amount, and its printed rate.
    projects, budgets = frames["projects"], frames["project_budgets"]
    for i, p in projects.iterrows():
        mask = ((budgets["plan_year"] == p["plan_year"]) & (budgets["project_no"] == p["project_no"])).tolist()
        label = f"{p['plan_year']}년 사업 {p['project_no']} 예산"
        if not any(mask):
            raise ReconciliationError(budgets.attrs["file"], None, "project_no", f"{label}의 재원별 행이 없습니다.")
        _sum_matches(int(p["budget_printed"]), projects.attrs["file"], row_of(projects, i), "budget_printed",
                     budgets, "budget", label, mask)
        if not pd.isna(p["executed_printed"]):
            _sum_matches(int(p["executed_printed"]), projects.attrs["file"], row_of(projects, i), "executed_printed",
                         budgets, "executed", label.replace("예산", "집행액"), mask)
        if not pd.isna(p["execution_rate_printed"]):
            _rate_matches(projects, i, p["execution_rate_printed"], p["executed_printed"], p["budget_printed"], p["project"])

    # Every figure points at a printed line.
    items = frames["project_items"]
    printed_lines = set(zip(items["plan_year"], items["project_no"], items["item_id"]))
    figures = frames["report_figures"]
    for i, f in figures.iterrows():
        if (2025, f["project_no"], f["item_id"]) not in printed_lines:
            raise ReconciliationError(figures_file, row_of(figures, i), "item_id",
                                      f"사업 {f['project_no']}에 {f['item_id']} 항목이 없습니다.")


def check_store(con) -> None:
    """Checks that need the whole store: budget groupings, and records against the report."""
    check_budget_groupings(con)
    check_records_match_report(con)
    check_record_keys_unique(con)
    check_budget_snapshot_matches_report(con)


def check_records_match_report(con) -> None:
    """Records for the report's own period add up to the report's printed figures."""
    meta = dict(run_query(con, "report_meta")[["key", "value"]].itertuples(index=False, name=None))
    start, end = dt.date.fromisoformat(meta["period_start"]), dt.date.fromisoformat(meta["period_end"])
    compared = run_query(con, "records_vs_report", start=start, end=end)
    # Generated samples must equal the report; imported records are compared on screen instead.
    coverage = run_query(con, "records_range")
    all_sample = {(r.records, None if pd.isna(r.kind) else r.kind): r.rows == r.sample_rows for r in coverage.itertuples()}
    source_of = {"complaints": ("complaints", "고충민원"), "field_complaints": ("complaints", "응답소 현장민원"),
                 "patrols": ("patrol_sessions", None)}
    compared = compared[[all_sample.get(source_of[topic], False) for topic in compared["topic"]]]
    wrong = compared[compared["report_value"] != compared["record_value"]]
    if len(wrong):
        parts = [f"{r.item} {MEASURE.get(r.measure, r.measure)}: 보고서 {fmt.number(r.report_value)} ≠ 기록 {fmt.number(r.record_value)}"
                 for r in wrong.itertuples()]
        raise ReconciliationError("기록(complaints, patrol_sessions)", None, None,
                                  f"{fmt.period(start, end)} 기록 합계가 보고서와 다릅니다: " + "; ".join(parts))


def check_record_keys_unique(con) -> None:
    """The same complaint number may not come in twice (two overlapping exports, say)."""
    repeated = run_query(con, "records_repeated_keys")
    if len(repeated):
        first = repeated.iloc[0]
        raise ReconciliationError(
            f"data/imports/complaints/{first['batches']}", None, "record_key",
            f"접수번호 {len(repeated):,}개가 두 번 이상 들어왔습니다(예: '{first['record_key']}', 묶음 {first['batches']}).",
        )


def check_budget_groupings(con) -> None:
    """The two budget groupings differ exactly where the source is declared to differ."""
    computed = run_query(con, "budget_reconciliation")
    computed = computed[computed["difference"] != 0]
    found = {(r.subject, r.measure): (int(r.expected), int(r.actual)) for r in computed.itertuples()}
    declared_rows = run_query(con, "source_discrepancies", check_key="programme_vs_projects")
    declared = {(r.subject, r.measure): (int(r.expected), int(r.actual)) for r in declared_rows.itertuples()}
    if found != declared:
        undeclared = {k: v for k, v in found.items() if declared.get(k) != v}
        vanished = {k: v for k, v in declared.items() if found.get(k) != v}
        parts = []
        for (subject, measure), (expected, actual) in undeclared.items():
            parts.append(f"{subject} {MEASURE[measure]}: 단위사업 {fmt.number(expected)} ≠ 사업별 {fmt.number(actual)}")
        for (subject, measure), (expected, actual) in vanished.items():
            parts.append(f"선언된 차이 {subject} {MEASURE[measure]}({fmt.number(expected)} / {fmt.number(actual)})가 계산과 맞지 않음")
        raise ReconciliationError(
            "data/report/source_discrepancies.csv", None, None,
            "단위사업별 예산과 사업별 예산의 차이가 선언과 다릅니다: " + "; ".join(parts),
        )


def check_budget_snapshot_matches_report(con) -> None:
    """The execution snapshot at the report's as-of date is the report's Ⅰ-4 and Ⅱ tables, line by line."""
    wrong = run_query(con, "budget_snapshot_vs_report")
    if len(wrong):
        parts = [
            f"{'단위사업' if r.level == 'programme' else '사업'} {r.line_no}({r.funding_source}): "
            f"보고서 {fmt.number(r.report_budget)}/{fmt.number(r.report_executed)} ≠ "
            f"스냅숏 {fmt.number(r.snapshot_budget)}/{fmt.number(r.snapshot_executed)}({r.source if isinstance(r.source, str) else '없음'})"
            for r in wrong.itertuples()
        ]
        raise ReconciliationError("budget_snapshots", None, None,
                                  "보고서 기준일 예산 집행 스냅숏이 보고서 표와 다릅니다(예산액/집행액): " + "; ".join(parts))
