"""Spreading an exact number of events over days, deterministically."""
from __future__ import annotations

import datetime as dt

import numpy as np


def days(start: dt.date, end: dt.date) -> np.ndarray:
    return np.arange(np.datetime64(start), np.datetime64(end) + np.timedelta64(1, "D"), dtype="datetime64[D]")


def weekday_weights(dates: np.ndarray, weekend: float) -> np.ndarray:
    weekday = (dates.astype("datetime64[D]").view("int64") - 4) % 7  # 1970-01-01 was a Thursday; 0 = Monday
    return np.where(weekday >= 5, weekend, 1.0)


def month_weights(dates: np.ndarray, by_month: list[float]) -> np.ndarray:
    months = dates.astype("datetime64[M]").astype(int) % 12
    return np.asarray(by_month)[months]


def spread(rng: np.random.Generator, total: int, dates: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """`total` event dates over `dates`, in date order; the count is exact."""
    counts = rng.multinomial(total, weights / weights.sum())
    return np.repeat(dates, counts)


def parts(dates: np.ndarray) -> dict[str, np.ndarray]:
    """Year, quarter and month columns, stored so queries need not compute them."""
    months = dates.astype("datetime64[M]").astype(int)
    year = months // 12 + 1970
    month = months % 12 + 1
    return {"year": year.astype("int16"), "quarter": ((month - 1) // 3 + 1).astype("int8"), "month": month.astype("int8")}
