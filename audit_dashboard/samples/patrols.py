"""Sample patrol sessions, 2024-01-01 to the as-of date of the edition they are made for (the shipped one).

For 2025 January–September each patrol kind has exactly the report's findings, and the
report's sessions where it prints them. 상시순찰 prints findings only (257건); its sessions
are generated at about three a week and shown as sample, never as a report figure.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..loader import meta_of
from . import calendar

START = dt.date(2024, 1, 1)
AREAS = [
    "영등포본동", "영등포동", "여의동", "당산1동", "당산2동", "도림동", "문래동", "양평1동", "양평2동",
    "신길1동", "신길3동", "신길4동", "신길5동", "신길6동", "신길7동", "대림1동", "대림2동", "대림3동",
]
ROUTINE_SESSIONS_PER_WEEK = 3
YEAR_BEFORE_FACTOR = 0.92
FOLLOW_UP_DAYS = 21  # findings older than this at the as-of date are resolved


def _targets(report) -> list[tuple[str, str, int, int]]:
    """(group, kind, 2025 Jan–Sep sessions, findings)."""
    meta = meta_of(report)
    days = calendar.days(meta.period_start, meta.as_of).size
    rows = []
    for r in report["patrol_results"].itertuples():
        sessions = int(r.sessions) if not pd.isna(r.sessions) else round(days / 7 * ROUTINE_SESSIONS_PER_WEEK)
        rows.append((r.patrol_group, r.patrol_kind, sessions, int(r.findings)))
    return rows


def _sessions(rng, group, kind, sessions, findings, first: dt.date, last: dt.date) -> pd.DataFrame:
    dates = calendar.days(first, last)
    weights = calendar.weekday_weights(dates, 0.05 if kind != "야간합동순찰" else 0.5)
    if sessions <= dates.size // 4:
        # Few sessions (기획순찰 7회): at most one a day, spread over the period.
        chosen = np.sort(rng.choice(dates.size, size=sessions, replace=False, p=weights / weights.sum()))
        session_dates = dates[chosen]
    else:
        session_dates = calendar.spread(rng, sessions, dates, weights)
    per_session = rng.multinomial(findings, _shares(rng, sessions))
    return pd.DataFrame({
        "patrol_date": session_dates,
        "patrol_group": group,
        "patrol_kind": kind,
        "area": np.array(AREAS, dtype=object)[rng.integers(0, len(AREAS), size=sessions)],
        "findings": per_session,
    })


def _shares(rng, n: int) -> np.ndarray:
    weights = rng.gamma(2.0, 1.0, size=n)
    return weights / weights.sum()


def generate(report: dict[str, pd.DataFrame], seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    meta = meta_of(report)
    period_start, as_of = meta.period_start, meta.as_of
    days_this_year = (as_of - period_start).days + 1
    days_before = (period_start - START).days
    frames = []
    for group, kind, sessions, findings in _targets(report):
        scale = days_before / days_this_year * YEAR_BEFORE_FACTOR
        frames.append(_sessions(rng, group, kind, max(1, round(sessions * scale)), round(findings * scale),
                                START, period_start - dt.timedelta(days=1)))
        frames.append(_sessions(rng, group, kind, sessions, findings, period_start, as_of))
    sessions = pd.concat(frames, ignore_index=True).sort_values(["patrol_date", "patrol_kind"], kind="stable", ignore_index=True)
    dates = sessions["patrol_date"].to_numpy(dtype="datetime64[D]")
    parts = calendar.parts(dates)
    age = (np.datetime64(as_of) - dates).astype(int)
    # Recent findings are partly still being followed up.
    share_done = np.clip(age / FOLLOW_UP_DAYS, 0, 1)
    resolved = np.where(age >= FOLLOW_UP_DAYS, sessions["findings"],
                        np.floor(sessions["findings"] * share_done * rng.uniform(0.5, 1.0, size=len(sessions))))
    sessions["findings_resolved"] = resolved.astype(int)
    sessions["follow_up_status"] = np.select(
        [sessions["findings"] == 0, sessions["findings_resolved"] >= sessions["findings"]],
        ["해당없음", "조치완료"], "조치중")
    sessions.insert(0, "record_key", [f"S-P-{i:06d}" for i in range(1, len(sessions) + 1)])
    sessions["patrol_year"], sessions["patrol_quarter"], sessions["patrol_month"] = parts["year"], parts["quarter"], parts["month"]
    sessions["source"] = "sample"
    sessions["import_batch"] = None
    return sessions
