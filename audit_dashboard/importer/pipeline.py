"""The import of one file, stage by stage, whatever the kind of record:

    read → find header → map columns → map values → check → preview → commit

`prepare` runs every stage up to the preview and writes nothing; `commit` writes the batch the
preview describes and rebuilds the store, or changes nothing if anything fails; `undo` takes a
batch out again. The page and the command line both call these three and nothing else.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .. import paths, store
from ..errors import DataError
from . import batches, checking, header, kinds, mapping as mappings, reading
from . import values as cell_values
from .fields import propose
from .mapping import Mapping, Source
from .problems import Problems, Warning, summary


@dataclass
class Prepared:
    """Everything the preview shows; nothing of it is stored yet."""
    kind: object                     # the record kind's module
    file: str
    content_hash: str
    form: str                        # 'CSV(CP949)', 'XLSX' …
    sheets: list[str]
    table: header.Table
    mapping: Mapping
    mapping_offered: str | None      # the saved mapping applied because the header matched
    rows: pd.DataFrame               # every accepted row, ready for the store but for its batch
    stored: pd.Series                # accepted rows already in the store
    rejects: pd.DataFrame            # row, column, field, value, reason
    warnings: list[Warning]
    skipped: int                     # rows whose value was mapped to '가져오지 않음'
    choices: dict[str, pd.DataFrame] # per choice field: every value written, its count, what it becomes
    earlier: list[batches.Batch] = field(default_factory=list)  # imports of this very content before

    @property
    def total(self) -> int:
        return len(self.table.rows)

    @property
    def to_add(self) -> pd.DataFrame:
        return self.rows[~self.stored]

    @property
    def rejected(self) -> int:
        return int(self.rejects["row"].nunique()) if len(self.rejects) else 0

    def reject_groups(self) -> pd.DataFrame:
        return summary(self.rejects)

    def rejects_csv(self) -> bytes:
        """Every rejected cell with file, sheet, row, column, value and reason (UTF-8 with BOM for Excel)."""
        from .problems import REJECT_HEADERS

        frame = self.rejects.assign(file=self.file, sheet=self.table.sheet or "")
        frame = frame[["file", "sheet", "file_row", "column", "field", "value", "reason"]] \
            .rename(columns={"file_row": "row"}).rename(columns=REJECT_HEADERS)
        return frame.to_csv(index=False).encode("utf-8-sig")


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def open_workbook(content: bytes, file: str) -> reading.Workbook:
    return reading.read(content, file)


def proposal(kind, table: header.Table) -> Mapping:
    """The mapping the importer proposes from the names it knows; derived fields derived."""
    columns = propose(kind.FIELDS, table.columns)
    sources = {key: Source(column=column) for key, column in columns.items()}
    for f in kind.FIELDS:
        if f.key not in sources and f.derivation is not None:
            sources[f.key] = Source(derived=True)
    order = cell_values.MONTH_FIRST
    return Mapping(kind.NAME, sources, {}, order, table.sheet, None, list(table.columns))


def _best_sheet(workbook: reading.Workbook, kind) -> reading.Sheet:
    """The sheet whose header names the most of the kind's fields."""
    best, best_score = workbook.sheets[0], -1
    for sheet in workbook.sheets:
        try:
            columns = header.names(sheet)
        except DataError:
            continue
        score = len(propose(kind.FIELDS, columns))
        if score > best_score:
            best, best_score = sheet, score
    return best


def _sheet_and_table(workbook: reading.Workbook, kind, chosen: Mapping | None) -> header.Table:
    if chosen is not None and chosen.sheet is not None and chosen.sheet in workbook.sheet_names:
        sheet = workbook.sheet(chosen.sheet)
    else:
        sheet = _best_sheet(workbook, kind)
    rows_override = [r - 1 for r in chosen.header_rows] if chosen is not None and chosen.header_rows else None
    return header.table(sheet, workbook.file, rows_override)


@dataclass(frozen=True)
class Opened:
    """A file read and its table found: what the mapping screen shows before any check runs."""
    form: str
    sheets: list[str]
    table: header.Table


def open_table(content: bytes, file: str, records: str, chosen: Mapping | None = None) -> Opened:
    """The file's table under its header, for the sheet and header row the mapping names."""
    workbook = open_workbook(content, file)
    return Opened(workbook.form, workbook.sheet_names, _sheet_and_table(workbook, kinds.kind(records), chosen))


def table_of(content: bytes, file: str, records: str, chosen: Mapping | None = None) -> header.Table:
    return open_table(content, file, records, chosen).table


def starting_mapping(table: header.Table, records: str, data_dir: Path | None = None) -> tuple[Mapping, str | None]:
    """The mapping a new import starts from, and the name of the saved one if it was made for this
    very header (offered at once); else the proposal from the names the importer knows."""
    kind = kinds.kind(records)
    saved = mappings.matching(table.columns, kind.NAME, kinds.KINDS, data_dir)
    if saved is not None:
        return replace(saved, sheet=table.sheet), saved.name
    return proposal(kind, table), None


def kind_context(records: str, store_file: Path | None = None, data_dir: Path | None = None) -> dict:
    return context_of(kinds.kind(records), store_file, data_dir)


def missing_fields(chosen: Mapping) -> list[str]:
    """The required fields the mapping gives no values for (Korean names)."""
    kind = kinds.kind(chosen.records)
    return [f.label for f in kind.FIELDS if f.required and chosen.source(f.key) == Source()
            and f.derivation is None and f.default is None]


def prepare(content: bytes, file: str, records: str = "complaints", chosen: Mapping | None = None, *,
            data_dir: Path | None = None, store_file: Path | None = None, offer_saved: bool = True) -> Prepared:
    """Read, map and check a whole file; write nothing. `chosen` is the manager's mapping (None: the
    saved mapping made for this header if there is one, else the proposal)."""
    kind = kinds.kind(records)
    workbook = open_workbook(content, file)
    table = _sheet_and_table(workbook, kind, chosen)
    offered = None
    if chosen is None:
        saved = mappings.matching(table.columns, kind.NAME, kinds.KINDS, data_dir) if offer_saved else None
        if saved is not None:
            chosen, offered = saved, saved.name
        else:
            chosen = proposal(kind, table)
    chosen = replace(chosen, sheet=table.sheet, header=list(table.columns))
    problems = Problems()
    known = context_of(kind, store_file, data_dir)
    read = checking.read_fields(table, chosen, kind, problems, known)
    _ambiguous_order_warning(table, chosen, kind, problems)
    try:
        rows = kind.finish(read.values, read.where, table.rows.index, problems, known, chosen)
    except DataError as error:  # a kind's refusal of the whole file: named by the file
        raise DataError(error.file or file, error.row, error.column, error.detail) from None
    skipped = read.skipped | (rows.pop("_skip") if "_skip" in rows else False)  # the kind may leave rows out too
    accepted = rows[~rows.index.isin(problems.rejected_rows()) & ~skipped.to_numpy()]
    accepted = kind.combine(accepted, problems, known)
    accepted["record_key"] = kind.keys(accepted, read.where, problems)
    accepted = accepted[~accepted.index.isin(problems.rejected_rows())]
    rejects = problems.rejects()
    existing = batches.existing_keys(kind.NAME, kind.existing_columns(), data_dir)
    stored = kind.already_stored(accepted, existing, known)
    hash_ = content_hash(content)
    return Prepared(kind, file, hash_, workbook.form, workbook.sheet_names, table, chosen, offered, accepted, stored,
                    rejects, problems.warnings, int(skipped.sum()), read.choices,
                    batches.with_content(hash_, data_dir))


def _ambiguous_order_warning(table: header.Table, chosen: Mapping, kind, problems: Problems) -> None:
    for f in kind.FIELDS:
        column = chosen.source(f.key).column
        if f.type == "date" and column and cell_values.order_is_ambiguous(table.rows[column]):
            written = table.rows[column].astype("str").str.strip()
            problems.warn(written.str.match(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"),
                          f"{f.label}가 05/01/2022처럼 월과 일의 순서를 가릴 수 없게 적혀 있습니다.",
                          f"'{chosen.date_order}' 순서로 읽었습니다. 다르면 매핑에서 날짜 순서를 바꾸십시오.")
            return


def context_of(kind, store_file: Path | None = None, data_dir: Path | None = None) -> dict:
    """What the store and data/ already know that the kind's checks need (known values, budget lines …)."""
    current = store.current_file(Path(store_file or paths.STORE_FILE))
    if current is None:
        return kind.context(None, store.run_query, data_dir)
    con = store.connect_read_only(current)
    try:
        return kind.context(con, store.run_query, data_dir)
    finally:
        con.close()


def choices_for(kind, key: str, store_file: Path | None = None) -> tuple[str, ...]:
    """The values a closed field takes: its own list, or the one the store knows (patrol kinds)."""
    field_ = next(f for f in kind.FIELDS if f.key == key)
    return field_.choices or kind.choices_of(key, context_of(kind, store_file))


@dataclass(frozen=True)
class Committed:
    batch: batches.Batch | None      # None when nothing new was left to add
    added: int
    already_stored: int
    rows: pd.DataFrame | None = None  # what was added


def commit(prepared: Prepared, *, data_dir: Path | None = None, store_file: Path | None = None) -> Committed:
    """Store what the preview showed: one batch, then a rebuilt store. If anything fails, the batch
    is removed again and the store stays as it was."""
    from ..build import build  # the build reads batches; importing it here keeps the two apart

    data_dir, store_file = Path(data_dir or paths.DATA_DIR), Path(store_file or paths.STORE_FILE)
    kind = prepared.kind
    with store.exclusive(store_file):
        # Someone may have imported since the preview: count what is stored now.
        existing = batches.existing_keys(kind.NAME, kind.existing_columns(), data_dir)
        stored = kind.already_stored(prepared.rows, existing, context_of(kind, store_file, data_dir))
        to_add = prepared.rows[~stored]
        if to_add.empty:
            return Committed(None, 0, int(stored.sum()), to_add)
        now = dt.datetime.now()
        batch_id = batches.new_id(prepared.file, prepared.content_hash, now)
        details = kind.summary(to_add)
        manifest = {
            "file": prepared.file, "content_hash": prepared.content_hash, "records": kind.NAME,
            "mapping": prepared.mapping.name, "mapping_document": mappings.to_document(prepared.mapping, kind),
            "imported_at": now.strftime("%Y-%m-%d %H:%M:%S"), "rows_in_file": prepared.total,
            "rows_added": len(to_add), "already_stored": int(stored.sum()), "rejected": prepared.rejected,
            "skipped": prepared.skipped, "first_date": details.get("first_date"),
            "last_date": details.get("last_date"), "summary": details,
        }
        rows_file = batches.write(kind.NAME, batch_id, kind.store_rows(to_add, batch_id), manifest, data_dir)
        try:
            build(store_file, data_dir=data_dir)
        except BaseException:
            batches.remove(rows_file)
            raise
    return Committed(batches.find(batch_id, data_dir), len(to_add), int(stored.sum()), to_add)


def undo(batch_id: str, *, data_dir: Path | None = None, store_file: Path | None = None) -> batches.Batch:
    """Take one import out and rebuild: the store is as it was before that import. If the rebuild
    fails, the batch is put back."""
    from ..build import build

    data_dir, store_file = Path(data_dir or paths.DATA_DIR), Path(store_file or paths.STORE_FILE)
    with store.exclusive(store_file):
        batch = batches.find(batch_id, data_dir)
        moves = batches.park(batch)
        try:
            build(store_file, data_dir=data_dir)
        except BaseException:
            batches.restore(moves)
            raise
        batches.discard(moves)
    return batch
