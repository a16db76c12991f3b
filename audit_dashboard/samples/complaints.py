"""Sample complaints, 2024-01-01 to the as-of date of the edition they are made for (the shipped one).

Its period equals the report, for the shipped 2025 edition: 고충민원 by channel (응답소 333, 구청장에게 바란다 945,
전화·방문 344; 1,622 in all) and 66,228 응답소 현장민원. 2024 runs a little lower, so that
year-on-year comparisons have something to compare.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..loader import meta_of
from . import calendar

START = dt.date(2024, 1, 1)
YEAR_BEFORE_FACTOR = {"고충민원": 0.93, "응답소 현장민원": 0.96}

GRIEVANCE_CATEGORIES = {  # category: (weight, departments)
    "도로·교통": (0.18, ["도로과", "교통행정과"]),
    "주차": (0.14, ["주차관리과"]),
    "건축·주택": (0.16, ["건축과", "주택과"]),
    "환경·청소": (0.15, ["청소행정과", "환경과"]),
    "복지": (0.10, ["복지정책과", "어르신복지과"]),
    "세무": (0.07, ["세무1과", "세무2과"]),
    "공원·녹지": (0.06, ["공원녹지과"]),
    "직원 불친절": (0.05, ["총무과"]),
    "기타": (0.09, ["민원여권과", "자치행정과"]),
}
FIELD_CATEGORIES = {
    "불법주정차": (0.31, ["주차관리과"]),
    "쓰레기 무단투기": (0.22, ["청소행정과"]),
    "불법광고물": (0.12, ["도시경관과"]),
    "도로·보도 파손": (0.11, ["도로과"]),
    "가로등·보안등": (0.06, ["도로과"]),
    "노점·적치물": (0.08, ["건설관리과"]),
    "소음·악취": (0.05, ["환경과"]),
    "기타": (0.05, ["자치행정과"]),
}
# Summer brings more field complaints (litter, odour); grievances are flatter.
FIELD_MONTHS = [0.85, 0.85, 1.0, 1.05, 1.1, 1.15, 1.2, 1.2, 1.05, 1.0, 0.95, 0.9]
GRIEVANCE_MONTHS = [0.95, 0.9, 1.05, 1.05, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 1.0, 0.95]


def _targets(report) -> list[tuple[str, str, int]]:
    """(kind, channel, 2025 January–September count) as printed."""
    figures = report["report_figures"].set_index("figure_key")["value"]
    rows = [("고충민원", r.channel, int(r.received)) for r in report["complaint_channels"].itertuples()]
    rows.append(("응답소 현장민원", "응답소", int(figures["field_complaints_handled"])))
    return rows


def _settings(report) -> tuple[dt.date, dt.date, int]:
    meta = meta_of(report)
    settings = report["settings"].set_index("key")["value"]
    return meta.period_start, meta.as_of, int(settings["processing_period_days"])


def _dates(rng, kind: str, count_2025: int, period_start: dt.date, as_of: dt.date) -> np.ndarray:
    weekend = 0.2 if kind == "고충민원" else 0.6
    months = GRIEVANCE_MONTHS if kind == "고충민원" else FIELD_MONTHS
    this_year = calendar.days(period_start, as_of)
    weights = calendar.weekday_weights(this_year, weekend) * calendar.month_weights(this_year, months)
    before = calendar.days(START, period_start - dt.timedelta(days=1))
    before_weights = calendar.weekday_weights(before, weekend) * calendar.month_weights(before, months)
    # The year before at the same daily pace, scaled down a little.
    pace = count_2025 / weights.sum()
    count_before = int(round(pace * before_weights.sum() * YEAR_BEFORE_FACTOR[kind]))
    return np.concatenate([calendar.spread(rng, count_before, before, before_weights),
                           calendar.spread(rng, count_2025, this_year, weights)])


def _processing_days(rng, n: int, kind: str) -> np.ndarray:
    """Most close within the 7-day period; a tail takes weeks."""
    if kind == "고충민원":
        band = rng.choice(3, size=n, p=[0.78, 0.17, 0.05])
        low, high = np.array([0, 8, 15]), np.array([7, 14, 45])
    else:
        band = rng.choice(3, size=n, p=[0.9, 0.08, 0.02])
        low, high = np.array([0, 4, 8]), np.array([3, 7, 30])
    return rng.integers(low[band], high[band] + 1)


def _pick(rng, n: int, table: dict) -> tuple[np.ndarray, np.ndarray]:
    names = list(table)
    weights = np.array([table[c][0] for c in names])
    category = rng.choice(len(names), size=n, p=weights / weights.sum())
    offsets = rng.integers(0, 1 << 30, size=n)
    choices = [table[names[c]][1] for c in range(len(names))]
    department = np.array([choices[c][o % len(choices[c])] for c, o in zip(category, offsets)], dtype=object)
    return np.array(names, dtype=object)[category], department


def _repeat_keys(rng, frame: pd.DataFrame, prefix: str) -> np.ndarray:
    """Some people raise the same matter again and again (반복민원: three times or more)."""
    keys = np.full(len(frame), None, dtype=object)
    group_no = 0
    for category, rows in frame.groupby("category", sort=True).groups.items():
        rows = np.asarray(rows)
        for _ in range(max(1, len(rows) // 60)):
            size = int(rng.choice([2, 3, 3, 4, 5, 7]))
            start = int(rng.integers(0, max(1, len(rows) - size * 6)))
            picked = rows[start::int(rng.integers(1, 6))][:size]
            picked = picked[[keys[i] is None for i in picked]]
            if len(picked) >= 2:
                group_no += 1
                keys[picked] = f"{prefix}-R{group_no:05d}"
    return keys


def generate(report: dict[str, pd.DataFrame], seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    period_start, as_of, limit = _settings(report)
    frames = []
    for kind, channel, count in _targets(report):
        dates = _dates(rng, kind, count, period_start, as_of)
        n = len(dates)
        category, department = _pick(rng, n, GRIEVANCE_CATEGORIES if kind == "고충민원" else FIELD_CATEGORIES)
        days = _processing_days(rng, n, kind)
        closed = dates + days.astype("timedelta64[D]")
        open_ = closed > np.datetime64(as_of)
        parts = calendar.parts(dates)
        frame = pd.DataFrame({
            "received_date": dates,
            "received_year": parts["year"],
            "received_quarter": parts["quarter"],
            "received_month": parts["month"],
            "complaint_kind": kind,
            "channel": channel,
            "category": category,
            "department": department,
            "status": np.where(open_, "처리중", "처리완료"),
            "due_date": dates + np.timedelta64(limit, "D"),
            "closed_date": pd.Series(closed).where(~open_),
            "processing_days": pd.Series(days).where(~open_).astype("Int32"),
        })
        if kind == "고충민원":
            frame["repeat_key"] = _repeat_keys(rng, frame, f"S-{len(frames)}")
        else:
            frame["repeat_key"] = None
        frames.append(frame)
    complaints = pd.concat(frames, ignore_index=True).sort_values("received_date", kind="stable", ignore_index=True)
    complaints.insert(0, "record_key", [f"S-C-{i:07d}" for i in range(1, len(complaints) + 1)])
    complaints["source"] = "sample"
    complaints["import_batch"] = None
    return complaints
