"""Generated sample records: the shipped default until real records are imported.

Deterministic (fixed seeds), and made for one edition, the shipped one: its period's totals equal
that report exactly (the build checks it), whatever editions are added later. Every generated row has
source = 'sample' and is marked as such wherever shown.
"""
from __future__ import annotations

import pandas as pd

from . import budget, complaints, patrols

SEED = 20251017  # fixed: the same samples on every machine


_made: dict[int, dict[str, pd.DataFrame]] = {}


def generate(report: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every generated table, keyed by table name. Deterministic, so made once per process for the
    same inputs (an import rebuilds the store; its samples do not change)."""
    # The generators are part of the key: a test that swaps one in must not leave its frames behind.
    key = hash(tuple(int(pd.util.hash_pandas_object(frame.astype(str), index=False).sum())
                     for _, frame in sorted(report.items()))
               + (complaints.generate, patrols.generate, budget.generate))
    if key not in _made:
        _made.clear()
        _made[key] = _generate(report)
    return {name: frame.copy() for name, frame in _made[key].items()}


def _generate(report: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {
        "complaints": complaints.generate(report, SEED),
        "patrol_sessions": patrols.generate(report, SEED + 1),
        "budget_snapshots": budget.generate(report, SEED + 2),
    }
