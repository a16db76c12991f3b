"""Generated sample records: the shipped default until real records are imported.

Deterministic (fixed seeds), and shaped so that the 2025 January–September totals equal the
report exactly. Every generated row has source = 'sample' and is marked as such wherever shown.
"""
from __future__ import annotations

import pandas as pd

from . import budget, complaints, patrols

SEED = 20251017  # the day the report went to the council


def generate(report: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every generated table, keyed by table name."""
    return {
        "complaints": complaints.generate(report, SEED),
        "patrol_sessions": patrols.generate(report, SEED + 1),
        "budget_snapshots": budget.generate(report, SEED + 2),
    }
