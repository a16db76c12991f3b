"""The kinds of record the importer takes, each a module with the same few names:
NAME, LABEL, TABLE, FIELDS, finish(), keys(), already_stored(), store_rows(), summary(),
existing_columns(), date_column(). The pipeline stages are the same for all of them."""
from __future__ import annotations

from . import complaints

KINDS = {complaints.NAME: complaints}
BY_LABEL = {kind.LABEL: kind for kind in KINDS.values()}


def kind(name: str):
    """A record kind by its name ('complaints') or Korean label ('민원')."""
    if name in KINDS:
        return KINDS[name]
    if name in BY_LABEL:
        return BY_LABEL[name]
    from ..errors import DataError
    raise DataError("기록 종류", None, None, f"'{name}'은 가져올 수 있는 기록 종류가 아닙니다: {', '.join(BY_LABEL)}")
