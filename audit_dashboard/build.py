"""Build the DuckDB store from data/: load, check that every report edition adds up, replace atomically.

    python -m audit_dashboard.build            # builds var/audit.duckdb
    python -m audit_dashboard.build --store X  # builds X

The editions are the shipped one (data/report/) and every one the department added
(data/editions/<edition>/). A file that does not add up stops the build with a Korean message naming
the file, row and figure; the previous store is left as it was.

Which edition gives what: each edition its own tables and its as-of execution snapshot (source
'report'; where two share an as-of date, the later one's, and both must agree with it); a year's
budget lines by number, named by the latest edition that has them; the generated samples are made
for the shipped edition and checked against it alone.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from . import checks, loader, paths, samples
from .editions import folders
from .editions.folders import Edition
from .importer import batches
from .importer import budget as import_budget
from .errors import DataError
from . import store
from .store import write_store

# Store table <- the importer's record kind whose batches fill it.
IMPORTED = {"complaints": "complaints", "patrol_sessions": "patrols", "budget_details": "budget"}

# The store's schema, in the order it is created.
SCHEMA_FILES = [paths.SCHEMA_DIR / name for name in ("report.sql", "editions.sql", "config.sql", "records.sql",
                                                     "budget.sql")]
# Derived tables, filled from the records on every build (store.summarise).
SUMMARY_FILES = sorted((paths.SCHEMA_DIR.parent / "summaries").glob("*.sql"))


def build(store_file: Path | None = None, report_dir: Path | None = None, data_dir: Path | None = None,
          extra: Edition | None = None, leave_out: str | None = None) -> Path:
    """Build the store (default var/audit.duckdb) from data/; defaults are read at call time.
    `extra` adds an edition not yet on disk (an upload's dry run); `leave_out` builds without one."""
    data_dir = Path(data_dir or paths.DATA_DIR)
    store_file = store_file or paths.STORE_FILE
    with store.exclusive(store_file):
        return _build(store_file, Path(report_dir or report_dir_for(data_dir)), data_dir, extra, leave_out)


def report_dir_for(data_dir: Path) -> Path:
    """The shipped edition of a data folder: its report/ (data/report for the project's own data/)."""
    return Path(data_dir) / "report" if Path(data_dir) != paths.DATA_DIR else paths.REPORT_DIR


def editions(report_dir: Path, data_dir: Path, extra: Edition | None = None,
             leave_out: str | None = None) -> list[Edition]:
    """Every edition the store will hold, each checked to add up: the shipped one first."""
    found = [e for e in folders.load_all(report_dir, data_dir) if e.id != leave_out]
    if extra is not None:
        clash = next((e for e in found if e.id == extra.id), None)
        if clash is not None:
            raise DataError(extra.places.get("report_meta", extra.folder), None, None,
                            f"회기 시작일이 같은 보고서({clash.meta.label}, {clash.folder})가 이미 있습니다.")
        found.append(extra)
    for edition in found:
        checks.check_report(edition.frames)
    return found


def _build(store_file: Path, report_dir: Path, data_dir: Path, extra: Edition | None = None,
           leave_out: str | None = None) -> Path:
    all_editions = editions(report_dir, data_dir, extra, leave_out)
    shipped = all_editions[0]
    config = loader.load_config(data_dir)
    # The samples are made for the shipped edition, whatever is added later.
    records = samples.generate({**shipped.frames, **config})
    records["budget_snapshots"] = _snapshots(records["budget_snapshots"], all_editions)
    imported = {table: batches.files(records_kind, data_dir) for table, records_kind in IMPORTED.items()}
    # Real records replace the generated ones of the same kind: samples are only the default.
    if imported["complaints"]:
        sample = records["complaints"]
        records["complaints"] = sample[~sample["complaint_kind"].isin(_complaint_kinds(imported["complaints"]))]
    if imported["patrol_sessions"]:
        records["patrol_sessions"] = records["patrol_sessions"].iloc[0:0]
    lines, imported_snapshots = import_budget.lines_and_snapshots(_budget_rows(imported["budget_details"]),
                                                                  _report_lines(all_editions))
    if len(imported_snapshots):
        years = set(pd.to_datetime(imported_snapshots["snapshot_date"]).dt.year)
        snapshots = records["budget_snapshots"]
        sample_of_year = (snapshots["source"] == "sample") & pd.to_datetime(snapshots["snapshot_date"]).dt.year.isin(years)
        records["budget_snapshots"] = pd.concat([snapshots[~sample_of_year], imported_snapshots], ignore_index=True)
    records["budget_lines"] = lines
    places = {e.id: e.places for e in all_editions}
    write_store(SCHEMA_FILES, {**report_tables(all_editions), **config, **records}, store_file,
                verify=lambda con: checks.check_store(con, places, sample_edition=shipped.id), parquet=imported,
                summaries=SUMMARY_FILES)
    return Path(store_file)


def report_tables(all_editions: list[Edition]) -> dict[str, pd.DataFrame]:
    """Each report table with every edition's rows, `edition` first; and where each edition came from."""
    tables = {}
    for table in loader.report_tables():
        parts = [e.frames[table].assign(edition=e.id) for e in all_editions]
        tables[table] = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    tables["edition_sources"] = pd.DataFrame({
        "edition": [e.id for e in all_editions], "origin": [e.meta.origin for e in all_editions],
        "folder": [e.folder for e in all_editions], "workbook": [e.workbook for e in all_editions],
        "added_at": [e.added_at for e in all_editions]})
    return tables


def _by_age(all_editions: list[Edition]) -> list[Edition]:
    """Oldest first: by as-of date, then by session."""
    return sorted(all_editions, key=lambda e: (e.meta.as_of, e.meta.session_start))


def _snapshots(generated: pd.DataFrame, all_editions: list[Edition]) -> pd.DataFrame:
    """The generated month-ends (made for the shipped edition) and each edition's as-of figures; where
    editions share an as-of date, the later edition's figures stand for it."""
    shipped = all_editions[0]
    sample = generated[generated["source"] == "sample"].assign(edition=shipped.id)
    latest_for_date = {e.meta.as_of: e for e in _by_age(all_editions)}
    reports = [samples.budget.report_snapshot(e.frames).assign(edition=e.id) for e in latest_for_date.values()]
    # A report's own figures replace a generated month-end of the same date.
    sample = sample[~sample["snapshot_date"].isin(set(latest_for_date))]
    return pd.concat([sample, *reports], ignore_index=True)


def _report_lines(all_editions: list[Edition]) -> pd.DataFrame:
    """Each edition's 단위사업 (for its as-of year) and projects (each plan year) as budget lines; a line
    (year, level, number) given by several editions takes its name from the latest."""
    parts = []
    for edition in _by_age(all_editions):
        programmes, projects = edition.frames["budget_programmes"], edition.frames["projects"]
        parts += [
            pd.DataFrame({"year": edition.meta.year, "level": "programme",
                          "line_no": programmes["programme_no"].astype(int), "name": programmes["programme"],
                          "source": "report", "edition": edition.id}),
            pd.DataFrame({"year": projects["plan_year"].astype(int), "level": "project",
                          "line_no": projects["project_no"].astype(int), "name": projects["project"],
                          "source": "report", "edition": edition.id}),
        ]
    lines = pd.concat(parts, ignore_index=True)
    return lines.drop_duplicates(["year", "level", "line_no"], keep="last").sort_values(
        ["year", "level", "line_no"], ignore_index=True)


def _budget_rows(files: list[Path]) -> pd.DataFrame:
    if not files:
        return pd.DataFrame(columns=["snapshot_date", "programme", "project", "budget_won", "executed_won"])
    return pd.concat([pd.read_parquet(f, columns=["snapshot_date", "programme", "project", "budget_won",
                                                  "executed_won"]) for f in files], ignore_index=True)


def _complaint_kinds(files: list[Path]) -> set[str]:
    """The complaint kinds the imported batches bring (reads one column only)."""
    kinds: set[str] = set()
    for rows_file in files:
        kinds |= set(pd.read_parquet(rows_file, columns=["complaint_kind"])["complaint_kind"].unique())
    return kinds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="data/의 보고서 자료로 DuckDB 저장소를 만듭니다.")
    parser.add_argument("--store", type=Path, default=None, help="기본값: var/audit.duckdb")
    parser.add_argument("--report-dir", type=Path, default=None, help="기본값: data/report")
    args = parser.parse_args(argv)
    try:
        built = build(args.store, args.report_dir)
    except DataError as error:
        print(f"저장소를 만들지 못했습니다. 기존 저장소는 그대로입니다.\n{error.korean()}", file=sys.stderr)
        return 1
    print(f"저장소를 만들었습니다: {built}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
