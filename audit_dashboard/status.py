"""Whether a KPI is on target: 달성, 주의 or 미달, by one rule the overview states once.

    달성: at the target or better;
    주의: short of it by less than the caution margin (data/settings.csv, status_caution_points);
    미달: short of it by the margin or more.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import fmt


@dataclass(frozen=True)
class Status:
    word: str    # 달성 | 주의 | 미달
    color: str   # the badge colour (st.badge)
    icon: str
    gap: float   # actual − target, in points (negative = short of an at-least target)


MET = ("달성", "green", ":material/check_circle:")
CLOSE = ("주의", "orange", ":material/error:")
MISSED = ("미달", "red", ":material/cancel:")


def judge(actual, target: dict | None, margin: float) -> Status | None:
    """The status of `actual` against `target` (a row of data/targets.csv), or None without either."""
    if target is None or fmt.is_missing(actual):
        return None
    gap = float(actual) - float(target["target"])
    short = -gap if target["direction"] == "at_least" else gap
    word, color, icon = MET if short <= 0 else CLOSE if short < margin else MISSED
    return Status(word, color, icon, gap)


def rule(margin: float) -> str:
    """The rule in one line, as the page states it once."""
    points = fmt.number(margin, 1).removesuffix(".0")
    return f"달성: 목표 이상 · 주의: 목표보다 {points}%p 미만 낮음 · 미달: 목표보다 {points}%p 이상 낮음"
