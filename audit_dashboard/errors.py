"""Errors the department can act on: in Korean, naming the file, row and column."""
from __future__ import annotations


class DataError(Exception):
    """A source file that cannot be stored as it is."""

    def __init__(self, file: str, row: int | None, column: str | None, message: str):
        self.file, self.row, self.column, self.detail = file, row, column, message
        super().__init__(self.korean())

    def korean(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"{self.row}행")
        if self.column:
            where.append(f"'{self.column}' 열")
        return f"{' '.join(where)}: {self.detail}"


class ReconciliationError(DataError):
    """The report's figures do not add up as printed."""
