"""What the dashboard needs from a file, field by field, and how a field's values are read.

A record kind (complaints, patrols, budget execution) is a list of fields. Each field has its
Korean name (the only name the screen and messages use), the names other systems give it
(Korean and English headers alike), and a type that says how its cells are read. A field's values
come from a column of the file, from one value set for the whole file, or are derived by the
record kind (processing days from the received and closed dates, say).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import values as cell_values

DATE, TEXT, KEY, CHOICE, NUMBER, DAYS = "date", "text", "key", "choice", "number", "days"
SKIP = "(가져오지 않음)"  # a value mapped to this drops its rows from the import (not a rejection)


@dataclass(frozen=True)
class Field:
    key: str                              # the store's column; never shown
    label: str                            # Korean: what the screen and every message call it
    type: str
    required: bool = False
    aliases: tuple[str, ...] = ()         # headers other systems write for it
    column_allowed: bool = True           # False: only one value for the whole file
    constant_allowed: bool = True
    derivation: str | None = None         # said on screen when the kind can derive it ('접수일자와 처리일자로 계산')
    choices: tuple[str, ...] = ()         # a closed list of values (처리상태)
    open_choice: bool = False             # values outside the list may be kept as new ones (접수 경로)
    vocabulary: dict[str, str] = field(default_factory=dict)  # spellings -> a value of `choices`
    default: str | None = None            # the value when nothing is mapped (민원 종류: 고충민원)
    help: str = ""

    def canonical(self, word: str) -> str | None:
        """The known value a spelling stands for, or None."""
        key = cell_values.normalised(word)
        for choice in self.choices:
            if cell_values.normalised(choice) == key:
                return choice
        for spelling, value in self.vocabulary.items():
            if cell_values.normalised(spelling) == key:
                return value
        return None


def header_key(name: str) -> str:
    """How a header is compared with the aliases: case, spaces and brackets do not matter."""
    return cell_values.normalised(name)


def propose(fields: tuple[Field, ...], columns: list[str]) -> dict[str, str]:
    """field key -> the file's column, for every field whose name (or an alias) is a header.
    Exact names first, then aliases in their order of preference; a column is used once."""
    by_key = {}
    for column in columns:
        by_key.setdefault(header_key(column), column)
    proposed: dict[str, str] = {}
    used: set[str] = set()
    for f in fields:
        if not f.column_allowed:
            continue
        for name in (f.label, *f.aliases):
            column = by_key.get(header_key(name))
            if column is not None and column not in used:
                proposed[f.key] = column
                used.add(column)
                break
    return proposed
