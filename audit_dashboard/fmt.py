"""Numbers and dates written the way the department writes them.

천원 units, thousands separators, `△` for negatives, 1분기…4분기, dates as 2024. 6. 30.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from . import labels

MINUS = "△"


def _is_missing(value) -> bool:
    """None, NaN, pandas' NA and NaT alike."""
    if value is None or str(value) in ("<NA>", "NaT"):  # pandas' NA has no truth value: name it first
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


is_missing = _is_missing


def number(value, digits: int = 0) -> str:
    """1234.5 -> '1,235'; -1780 -> '△1,780'; None -> '-'."""
    if _is_missing(value):
        return "-"
    rounded = round_half_up(value, digits)
    text = f"{abs(rounded):,.{digits}f}"
    return f"{MINUS}{text}" if rounded < 0 else text


def count(value, unit: str = "") -> str:
    """1622, '건' -> '1,622건'."""
    text = number(value)
    return text if text == "-" else f"{text}{unit}"


def won(value) -> str:
    """Amounts are stored in 천원: 271988 -> '271,988천원'."""
    return count(value, "천원")


def percent(value, digits: int = 0) -> str:
    """A percentage already in percent: 89.29 -> '89%'; -3.2 -> '△3%'."""
    text = number(value, digits)
    return text if text == "-" else f"{text}%"


def points(value, digits: int = 1) -> str:
    """A gap in percentage points: 14.4 -> '+14.4%p'; -3.0 -> '△3.0%p'."""
    text = number(value, digits)
    if text == "-":
        return text
    return text + "%p" if text.startswith(MINUS) else f"+{text}%p"


def signed(value, unit: str = "") -> str:
    """A change: 4000 -> '+4,000'; -660 -> '△660'; 0 -> '0'."""
    text = number(value)
    if text in ("-", "0") or text.startswith(MINUS):
        return f"{text}{unit}"
    return f"+{text}{unit}"


def signed_percent(value, digits: int = 1) -> str:
    """A rate of change: 27.78 -> '+27.8%'; -1.08 -> '△1.1%'; 0 -> '0.0%'."""
    text = number(value, digits)
    if text == "-" or text.startswith(MINUS) or float(round_half_up(value, digits)) == 0:
        return text if text == "-" else f"{text}%"
    return f"+{text}%"


def round_half_up(value, digits: int = 0) -> float:
    """Round as the report does (0.5 goes up), not banker's rounding."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def date(value) -> str:
    """date(2024, 6, 30) or '2024-06-30' -> '2024. 6. 30.'"""
    if _is_missing(value):
        return "-"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return f"{value.year}. {value.month}. {value.day}."


def period(start, end) -> str:
    """'2024. 1. 1. ~ 2024. 6. 30.'"""
    return f"{date(start)} ~ {date(end)}"


def unit_note(unit: str | None) -> str:
    """' (단위: 건)' after a title; nothing when the title has no one unit ('-' or empty)."""
    unit = (unit or "").strip()
    return "" if unit in ("", "-") else f" (단위: {unit})"


def quarter(q: int) -> str:
    return f"{int(q)}분기"


def month(m: int) -> str:
    return f"{int(m)}월"


def change(current, previous, unit: str = "") -> str:
    """A change written the department's way: '+5.0%(+81건)', '△3.1%(△52건)', or '-' with no base."""
    if _is_missing(previous) or _is_missing(current):
        return "-"
    difference = current - previous
    if not previous:
        return f"{signed(difference, unit)}(비교 기준 0)"
    rate = difference / previous * 100
    rate_text = number(rate, 1)
    rate_text = rate_text if rate_text.startswith(MINUS) or rate_text == "0.0" else f"+{rate_text}"
    return f"{rate_text}%({signed(difference, unit)})"


def target_status(actual, target: dict | None, *, basis: bool = True) -> str | None:
    """'목표 90% 미달(△10.5%p) · 2025. 12. 31. 목표, 예시 목표', or None without a target or a value.

    `basis=False` leaves out who set the target (a paper says once that its targets are examples)."""
    if target is None or _is_missing(actual):
        return None
    gap = float(actual) - float(target["target"])
    met = gap >= 0 if target["direction"] == "at_least" else gap <= 0
    text = f"목표 {percent(target['target'])} {'달성' if met else '미달'}({points(gap)}) · {date(target['target_date'])} 목표"
    return f"{text}, {target_basis(target)}" if basis else text


def target_basis(target: dict) -> str:
    """Who set a target, as a reader needs it: '예시 목표' for the shipped examples (never their set-up note)."""
    return "예시 목표" if is_example_target(target) else str(target["basis"])


def is_example_target(target: dict | None) -> bool:
    """Whether a target is one of the shipped examples (data/targets.csv says '예시값' until the department sets its own)."""
    return bool(target) and str(target.get("basis", "")).startswith("예시")


# How each kind of table column is written, on screen and in exported files alike.
BY_KIND = {
    "number": number,
    "won": number,
    "percent": percent,
    "signed": signed,
    "points": points,
    "date": date,
    "measure": lambda v: labels.MEASURE.get(v, v),
    "signed_percent": signed_percent,
    "decimal": lambda v: number(v, 1),
}
