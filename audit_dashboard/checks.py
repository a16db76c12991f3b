"""Does a report add up as printed? Each check names the file (or workbook sheet), row and figure that fail.

Two kinds of check:
- `check_report(frames)`: one edition's parts against their printed totals, printed rates against
  amounts, staffing 과부족, funding splits. The same for the shipped CSV files and an uploaded workbook.
- `check_store(con, places)`: run on the new store before it replaces the old one, for every edition:
  the two budget groupings may differ only where its `source_discrepancies` declares the source does;
  its as-of execution snapshot is its budget tables; the sample records equal the edition they were
  made for.

A frame read from a workbook carries `attrs["headers"]` (column -> Korean header), so messages name
the column as the sheet shows it.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from . import fmt
from .labels import MEASURE
from .errors import ReconciliationError
from .korean import josa
from .loader import meta_of, row_of
from .store import run_query

# Which printed figure each investigation origin adds up to.
INVESTIGATION_TOTALS = {
    "외부기관 통보사항 조사": "investigations_external_total",
    "내부조사, 민원사항 조사": "investigations_internal_total",
}


def execution_rate(executed, budget) -> float:
    """집행률 in percent (unrounded)."""
    return float(executed) / float(budget) * 100 if budget else 0.0


def _col(frame: pd.DataFrame, column: str) -> str:
    """The column as its file shows it: the schema name in a CSV file, the Korean header in a workbook."""
    return frame.attrs.get("headers", {}).get(column, column)


# The tables of table_totals in words, for messages.
TOTAL_TABLES = {"budget_programmes": "예산현황", "staffing": "인력", "joint_patrols": "주민합동순찰"}


def _total_row(frames, table: str, measure: str) -> tuple[int, int]:
    totals = frames["table_totals"]
    hits = totals.index[(totals["table_name"] == table) & (totals["measure"] == measure)].tolist()
    if not hits:
        raise ReconciliationError(totals.attrs["file"], None, _col(totals, "measure"),
                                  f"{TOTAL_TABLES.get(table, table)}의 {MEASURE.get(measure, measure)} 계 행이 없습니다.")
    return int(totals.loc[hits[0], "value"]), row_of(totals, hits[0])


def _figure(frames, key: str) -> tuple[int, int]:
    figures = frames["report_figures"]
    hits = figures.index[figures["figure_key"] == key].tolist()
    if not hits:
        raise ReconciliationError(figures.attrs["file"], None, _col(figures, "figure_key"), f"'{key}' 수치가 없습니다.")
    return int(figures.loc[hits[0], "value"]), row_of(figures, hits[0])


def _rows(frame: pd.DataFrame, mask=None) -> str:
    positions = range(len(frame)) if mask is None else [i for i, m in enumerate(mask) if m]
    rows = [row_of(frame, i) for i in positions]
    return f"{rows[0]}~{rows[-1]}행" if len(rows) > 1 else f"{rows[0]}행"


def _sum_matches(total: int, total_frame: pd.DataFrame, total_row: int, total_column: str,
                 parts: pd.DataFrame, column: str, label: str, mask=None) -> None:
    values = parts[column] if mask is None else parts.loc[mask, column]
    actual = int(values.sum())
    if actual != total:
        raise ReconciliationError(
            total_frame.attrs["file"], total_row, _col(total_frame, total_column),
            f"{josa(f'{label} 계 {fmt.number(total)}', '이/가')} {parts.attrs['file']} {_rows(parts, mask)}의 "
            f"{josa(f'{_col(parts, column)!r} 합계 {fmt.number(actual)}', '과/와')} 다릅니다(차이 {fmt.signed(total - actual)}).",
        )


def _rate_matches(frame: pd.DataFrame, position: int, printed, executed, budget, label: str) -> None:
    computed = execution_rate(executed, budget)
    if fmt.round_half_up(computed) != int(printed):
        raise ReconciliationError(
            frame.attrs["file"], row_of(frame, position), _col(frame, "execution_rate_printed"),
            f"{label}의 집행률 {printed}%가 집행액 {fmt.number(executed)} ÷ 예산액 {fmt.number(budget)} "
            f"= {computed:.2f}%(반올림 {fmt.percent(computed)})와 다릅니다.",
        )


def check_report(frames: dict[str, pd.DataFrame]) -> None:
    """One edition adds up as printed (raises ReconciliationError naming file or sheet, row and column)."""
    totals, figures = frames["table_totals"], frames["report_figures"]
    meta = meta_of(frames)
    _check_dates(frames["report_meta"], meta)

    # Ⅰ-4: programme rows against the 계 row, and every printed rate.
    programmes = frames["budget_programmes"]
    for measure in ("budget", "executed"):
        total, row = _total_row(frames, "budget_programmes", measure)
        _sum_matches(total, totals, row, "value", programmes, measure, f"예산현황 {MEASURE[measure]}")
    total_rate, row = _total_row(frames, "budget_programmes", "execution_rate_printed")
    total_rate_computed = execution_rate(programmes["executed"].sum(), programmes["budget"].sum())
    if fmt.round_half_up(total_rate_computed) != total_rate:
        raise ReconciliationError(totals.attrs["file"], row, _col(totals, "value"),
                                  f"예산현황 계 집행률 {total_rate}%가 계산값 {total_rate_computed:.2f}%와 다릅니다.")
    for i, r in programmes.iterrows():
        _rate_matches(programmes, i, r["execution_rate_printed"], r["executed"], r["budget"], r["programme"])

    # Ⅰ-2: grades against 계, and 과부족 = 현원 − 정원.
    staffing = frames["staffing"]
    for i, r in staffing.iterrows():
        if r["current"] - r["authorized"] != r["surplus_printed"]:
            raise ReconciliationError(
                staffing.attrs["file"], row_of(staffing, i), _col(staffing, "surplus_printed"),
                f"{r['staff_group']} {r['grade']} {josa('과부족 ' + fmt.number(r['surplus_printed']), '이/가')} "
                f"현원 {r['current']} − 정원 {r['authorized']} = {josa(fmt.number(r['current'] - r['authorized']), '과/와')} 다릅니다.",
            )

    for measure in ("authorized", "current", "surplus_printed"):
        total, row = _total_row(frames, "staffing", measure)
        _sum_matches(total, totals, row, "value", staffing, measure, f"인력 {MEASURE[measure]}")

    # Ⅱ-4: channels against the printed total (1,622 in the 2025 report).
    total, row = _figure(frames, "complaints_total")
    _sum_matches(total, figures, row, "value", frames["complaint_channels"], "received", "고충민원 접수")

    # Ⅱ-5: joint-patrol parts against their printed 계.
    patrols = frames["patrol_results"]
    joint = (patrols["patrol_group"] == "주민합동순찰").tolist()
    for measure in ("findings", "sessions"):
        total, row = _total_row(frames, "joint_patrols", measure)
        _sum_matches(total, totals, row, "value", patrols, measure, f"주민합동순찰 {MEASURE[measure]}", joint)

    # Ⅱ-3: investigation outcomes against each printed total.
    investigations = frames["investigations"]
    for origin, key in INVESTIGATION_TOTALS.items():
        total, row = _figure(frames, key)
        mask = (investigations["origin"] == origin).tolist()
        _sum_matches(total, figures, row, "value", investigations, "cases", origin, mask)

    # Ⅱ-1: audits by type against the printed total.
    total, row = _figure(frames, "self_audits_total")
    _sum_matches(total, figures, row, "value", frames["self_audits"], "audits", "자체감사")

    # Ⅱ: each project's funding sources against its printed amount, and its printed rate.
    projects, budgets = frames["projects"], frames["project_budgets"]
    for i, p in projects.iterrows():
        mask = ((budgets["plan_year"] == p["plan_year"]) & (budgets["project_no"] == p["project_no"])).tolist()
        label = f"{p['plan_year']}년 사업 {p['project_no']} 예산"
        if not any(mask):
            raise ReconciliationError(budgets.attrs["file"], None, _col(budgets, "project_no"),
                                      f"{label}의 재원별 행이 없습니다.")
        _sum_matches(int(p["budget_printed"]), projects, row_of(projects, i), "budget_printed",
                     budgets, "budget", label, mask)
        if not pd.isna(p["executed_printed"]):
            _sum_matches(int(p["executed_printed"]), projects, row_of(projects, i), "executed_printed",
                         budgets, "executed", label.replace("예산", "집행액"), mask)
        if not pd.isna(p["execution_rate_printed"]):
            _rate_matches(projects, i, p["execution_rate_printed"], p["executed_printed"], p["budget_printed"], p["project"])

    # Every figure points at a printed line of the year's projects.
    items = frames["project_items"]
    printed_lines = set(zip(items["plan_year"], items["project_no"], items["item_id"]))
    for i, f in figures.iterrows():
        if (meta.year, f["project_no"], f["item_id"]) not in printed_lines:
            raise ReconciliationError(figures.attrs["file"], row_of(figures, i), _col(figures, "item_id"),
                                      f"{meta.year}년 사업 {f['project_no']}에 {f['item_id']} 항목이 없습니다.")


def _check_dates(frame: pd.DataFrame, meta) -> None:
    """The report's own dates in order: a session ends after it starts, a period too."""
    row = row_of(frame, 0)
    rows = frame.attrs.get("field_rows", {})  # a workbook's 보고서 정보 sheet: one row per field
    for first, last, what in (("session_start", "session_end", "회기"), ("period_start", "period_end", "실적 기간")):
        if getattr(meta, last) < getattr(meta, first):
            raise ReconciliationError(frame.attrs["file"], rows.get(last, row), _col(frame, last),
                                      f"{what} 종료일 {josa(fmt.date(getattr(meta, last)), '이/가')} 시작일 "
                                      f"{fmt.date(getattr(meta, first))}보다 앞섭니다.")


def check_store(con, places: dict | None = None, sample_edition: str | None = None) -> None:
    """Checks that need the whole store, for every edition. `places` names each edition's files
    ({edition: {table: 'data/report/source_discrepancies.csv' or '… 「원문 차이」 시트'}});
    `sample_edition` is the edition the sample records were made for (the shipped one)."""
    places = places or {}
    for edition in run_query(con, "report_editions")["edition"]:
        where = places.get(edition, {})
        check_budget_groupings(con, edition, where.get("source_discrepancies", "source_discrepancies"))
        check_budget_snapshot_matches_report(con, edition, where.get("report_meta", edition))
    if sample_edition is not None:
        check_records_match_report(con, sample_edition)
    check_record_keys_unique(con)


def check_records_match_report(con, edition: str) -> None:
    """Generated sample records, for the report's own period, add up to the figures of the edition
    they were made for. Imported records are compared on screen instead."""
    meta = run_query(con, "report_meta", edition=edition).iloc[0]
    start, end = pd.Timestamp(meta["period_start"]).date(), pd.Timestamp(meta["period_end"]).date()
    compared = run_query(con, "records_vs_report", edition=edition, start=start, end=end)
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
                                  f"{fmt.period(start, end)} 샘플 기록 합계가 「{meta['title']}」와 다릅니다: " + "; ".join(parts))


def check_record_keys_unique(con) -> None:
    """The same complaint number may not come in twice (two overlapping exports, say)."""
    repeated = run_query(con, "records_repeated_keys")
    if len(repeated):
        first = repeated.iloc[0]
        raise ReconciliationError(
            f"data/imports/complaints/{first['batches']}", None, "record_key",
            f"접수번호 {len(repeated):,}개가 두 번 이상 들어왔습니다(예: '{first['record_key']}', 묶음 {first['batches']}).",
        )


def check_budget_groupings(con, edition: str, where: str = "source_discrepancies") -> None:
    """The two budget groupings differ exactly where the edition declares its source to differ."""
    computed = run_query(con, "budget_reconciliation", edition=edition)
    computed = computed[computed["difference"] != 0]
    found = {(r.subject, r.measure): (int(r.expected), int(r.actual)) for r in computed.itertuples()}
    declared_rows = run_query(con, "source_discrepancies", edition=edition, check_key="programme_vs_projects")
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
            where, None, None,
            "단위사업별 예산과 사업별 예산의 차이가 선언과 다릅니다(보고서 원문이 맞지 않는 곳은 차이를 적어 두어야 합니다): "
            + "; ".join(parts),
        )


def check_budget_snapshot_matches_report(con, edition: str, where: str) -> None:
    """The execution snapshot at the edition's as-of date is its Ⅰ-4 and Ⅱ tables, line by line
    (where two editions share an as-of date, both must agree with the one snapshot)."""
    wrong = run_query(con, "budget_snapshot_vs_report", edition=edition)
    if len(wrong):
        parts = [
            f"{'단위사업' if r.level == 'programme' else '사업'} {r.line_no}({r.funding_source}): "
            f"보고서 {fmt.number(r.report_budget)}/{fmt.number(r.report_executed)} ≠ "
            f"스냅숏 {fmt.number(r.snapshot_budget)}/{fmt.number(r.snapshot_executed)}({r.source if isinstance(r.source, str) else '없음'})"
            for r in wrong.itertuples()
        ]
        raise ReconciliationError(where, None, None,
                                  "보고서 기준일 예산 집행 스냅숏이 보고서 표와 다릅니다(예산액/집행액). 기준일이 같은 다른 "
                                  "보고서가 있으면 두 보고서의 예산 수치가 같아야 합니다: " + "; ".join(parts))
