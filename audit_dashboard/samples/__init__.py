"""Generated sample records: the shipped default until real records are imported.

Deterministic (fixed seeds), and made for one edition, the shipped one: its period's totals equal
that report exactly (the build checks it), whatever editions are added later. Every generated row has
source = 'sample' and is marked as such wherever shown.
"""
from __future__ import annotations

import pandas as pd

from . import budget, complaints, patrols

SEED = 20251017  # fixed: the same samples on every machine


def generate(report: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every generated table, keyed by table name."""
    return {
        "complaints": complaints.generate(report, SEED),
        "patrol_sessions": patrols.generate(report, SEED + 1),
        "budget_snapshots": budget.generate(report, SEED + 2),
    }
