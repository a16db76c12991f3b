"""What an import found wrong, gathered over every row in one pass: rejections (a row that cannot
be stored, with file, row, column, value and a Korean reason) and warnings (rows that are stored
but count differently than one might expect)."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

REJECT_COLUMNS = ["row", "column", "field", "value", "reason", "file_row"]
REJECT_HEADERS = {"file": "파일", "sheet": "시트", "row": "행", "column": "열", "field": "항목", "value": "값", "reason": "사유"}


@dataclass
class Warning:
    reason: str          # what was found, in Korean
    effect: str          # what it does to the figures
    rows: list[int]      # every row it concerns (sheet row numbers)

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass
class Problems:
    rejected: list[pd.DataFrame] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    def reject(self, mask: pd.Series, column: str, field_label: str, values: pd.Series | None, reason: str,
               rows: pd.Series | None = None) -> None:
        """Reject the rows where `mask` is true; `values` are what the manager sees in the file.
        `rows` names the file's row for records made from several rows (a ledger's month-end)."""
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        shown = values[mask.reindex(values.index, fill_value=False)] if values is not None \
            else pd.Series("", index=mask.index[mask])
        self.rejected.append(pd.DataFrame({
            "row": mask.index[mask], "column": column, "field": field_label,
            "value": shown.astype(object).map(_shown).to_numpy(), "reason": reason,
            "file_row": (rows[mask] if rows is not None else pd.Series(mask.index[mask], index=mask.index[mask])).to_numpy()}))

    def warn(self, mask: pd.Series, reason: str, effect: str) -> None:
        mask = mask.fillna(False).astype(bool)
        if mask.any():
            self.warnings.append(Warning(reason, effect, [int(r) for r in mask.index[mask]]))

    def rejects(self) -> pd.DataFrame:
        """Every rejected cell; `row` is the record's own position, `file_row` the file's row to look at."""
        if not self.rejected:
            return pd.DataFrame(columns=REJECT_COLUMNS)
        frame = pd.concat(self.rejected, ignore_index=True)
        return frame.sort_values(["file_row", "column"], kind="stable", ignore_index=True)

    def rejected_rows(self) -> set[int]:
        return set(self.rejects()["row"].astype(int))


def _shown(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def summary(rejects: pd.DataFrame) -> pd.DataFrame:
    """Rejections grouped by reason: how many rows each, and the first rows, as the preview lists them."""
    if rejects.empty:
        return pd.DataFrame(columns=["field", "reason", "rows", "examples"])
    grouped = rejects.groupby(["field", "reason"], sort=False)
    return pd.DataFrame({
        "rows": grouped["row"].nunique(),
        "examples": grouped["file_row"].apply(lambda r: ", ".join(f"{n}행" for n in sorted(set(r))[:5])
                                              + (f" 외 {len(set(r)) - 5:,}행" if len(set(r)) > 5 else "")),
    }).reset_index().sort_values("rows", ascending=False, kind="stable", ignore_index=True)
