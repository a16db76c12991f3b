"""Budget execution snapshots: a report's as-of figures, and generated month-ends before them.

A report prints execution once, as of its as-of date (the shipped edition's is 2024-06-30). `report_snapshot` copies
those figures, line by line, into the snapshot table (source 'report'). `generate` adds the
month-ends from 31 January to the month before (source 'sample'): cumulative, never falling,
ending exactly at the report's figures, with a slow first quarter for programme spending and
기본경비 (running costs) close to a straight line. Budgets stay at the as-of figure: the report
gives no earlier budget, so no supplementary-budget change is invented.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..errors import DataError
from ..loader import meta_of

COLUMNS = ["snapshot_date", "level", "line_no", "funding_source", "budget", "executed", "source"]
UNSPLIT = "미구분"  # the 단위사업 table prints no funding split
BASIC_COSTS = "기본경비"

# Relative spending per month (Jan…Dec) for programme work: little is spent before contracts and
# events start in spring. 기본경비 is spent evenly.
PROGRAMME_MONTH_WEIGHTS = [0.35, 0.6, 0.9, 1.1, 1.15, 1.2, 1.1, 1.0, 1.2, 1.1, 1.1, 1.3]
BASIC_MONTH_WEIGHTS = [1.0] * 12
# Month-to-month variation (gamma shape): larger is steadier.
PROGRAMME_STEADINESS = 8.0
BASIC_STEADINESS = 150.0


def as_of(report: dict[str, pd.DataFrame]) -> dt.date:
    return meta_of(report).as_of


def report_snapshot(report: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """An edition's execution figures as snapshot rows: Ⅰ-4 by 단위사업, Ⅱ by project and funding source
    (its as-of year's projects; plans carry no execution)."""
    date = as_of(report)
    programmes = report["budget_programmes"]
    budgets = report["project_budgets"]
    budgets = budgets[budgets["plan_year"] == date.year]
    rows = [(date, "programme", int(p.programme_no), UNSPLIT, int(p.budget), int(p.executed), "report")
            for p in programmes.itertuples()]
    rows += [(date, "project", int(b.project_no), b.funding_source, int(b.budget), int(b.executed), "report")
             for b in budgets.itertuples()]
    return pd.DataFrame(rows, columns=COLUMNS)


def month_ends_before(date: dt.date) -> list[dt.date]:
    """31 January … the last month-end before `date`, in `date`'s year."""
    ends = []
    for month in range(1, 13):
        end = dt.date(date.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        if end >= date:
            break
        ends.append(end)
    return ends


def _shares(rng: np.random.Generator, weights: list[float], steadiness: float, months: int) -> np.ndarray:
    """Cumulative share of the as-of amount reached at each month-end; the last is exactly 1."""
    spend = np.asarray(weights[:months]) * rng.gamma(steadiness, 1.0 / steadiness, size=months)
    cumulative = np.cumsum(spend)
    return cumulative / cumulative[-1]


def _cumulative(amount: int, shares: np.ndarray) -> np.ndarray:
    # Flooring a non-decreasing share keeps the amounts non-decreasing and ends exactly at `amount`.
    return np.floor(shares * amount + 1e-9).astype(np.int64)


def generate(report: dict[str, pd.DataFrame], seed: int) -> pd.DataFrame:
    """Every snapshot row: the generated month-ends (sample) and the report's as-of date (report)."""
    rng = np.random.default_rng(seed)
    actual = report_snapshot(report)
    date = as_of(report)
    ends = month_ends_before(date)
    months = len(ends) + 1  # the sample month-ends and the as-of month

    programmes = actual[actual["level"] == "programme"].set_index("line_no")
    projects = actual[actual["level"] == "project"]
    names = report["budget_programmes"].set_index("programme_no")["programme"]
    mapping = report["budget_project_map"].groupby("programme_no")["project_no"].apply(list).to_dict()

    rows = []
    for programme_no, line in programmes.iterrows():
        basic = names[programme_no] == BASIC_COSTS
        shares = _shares(rng, BASIC_MONTH_WEIGHTS if basic else PROGRAMME_MONTH_WEIGHTS,
                         BASIC_STEADINESS if basic else PROGRAMME_STEADINESS, months)[:-1]
        # A programme's projects follow its pace.
        funded = projects[projects["line_no"].isin(mapping.get(programme_no, []))]
        project_amounts = {(int(p.line_no), p.funding_source): _cumulative(int(p.executed), shares)
                           for p in funded.itertuples()}
        if project_amounts and int(funded["executed"].sum()) == int(line["executed"]):
            # Where the report's two groupings agree, the sample months agree too.
            programme_amounts = np.sum(list(project_amounts.values()), axis=0)
        else:
            programme_amounts = _cumulative(int(line["executed"]), shares)
        for end, executed in zip(ends, programme_amounts):
            rows.append((end, "programme", int(programme_no), UNSPLIT, int(line["budget"]), int(executed), "sample"))
        for p in funded.itertuples():
            for end, executed in zip(ends, project_amounts[(int(p.line_no), p.funding_source)]):
                rows.append((end, "project", int(p.line_no), p.funding_source, int(p.budget), int(executed), "sample"))

    unmapped = set(projects["line_no"]) - {n for ns in mapping.values() for n in ns}
    if unmapped:
        raise DataError(report["budget_project_map"].attrs.get("file", "budget_project_map.csv"), None, "project_no",
                        f"단위사업에 대응하지 않는 사업이 있어 월별 집행 샘플을 만들 수 없습니다: 사업 {sorted(unmapped)}")
    sample = pd.DataFrame(rows, columns=COLUMNS)
    return pd.concat([sample, actual], ignore_index=True).sort_values(
        ["snapshot_date", "level", "line_no", "funding_source"], ignore_index=True)
