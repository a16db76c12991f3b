"""The kinds of record the importer takes, each a module with the same few names:
NAME, LABEL, TABLE, FIELDS, STORE_COLUMNS and
    context(con, run_query, data_dir)  what the store and data/ already know (known values, lines)
    choices_of(key, context)  a closed list known only from the store (patrol kinds)
    finish(...)               mapped values -> the kind's rows, with its own checks
    combine(rows, …)          rows -> records (a findings log's findings -> sessions)
    keys(), already_stored(), store_rows(), summary(), existing_columns(), date_column().
The pipeline stages are the same for all of them."""
from __future__ import annotations

from . import budget, complaints, patrols

KINDS = {complaints.NAME: complaints, patrols.NAME: patrols, budget.NAME: budget}
BY_LABEL = {kind.LABEL: kind for kind in KINDS.values()}


def kind(name: str):
    """A record kind by its name ('complaints') or Korean label ('민원')."""
    if name in KINDS:
        return KINDS[name]
    if name in BY_LABEL:
        return BY_LABEL[name]
    from ..errors import DataError
    raise DataError("기록 종류", None, None, f"'{name}'은 가져올 수 있는 기록 종류가 아닙니다: {', '.join(BY_LABEL)}")
