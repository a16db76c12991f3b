"""Build the DuckDB store from data/: load, check that the report adds up, replace atomically.

    python -m audit_dashboard.build            # builds var/audit.duckdb
    python -m audit_dashboard.build --store X  # builds X

A file that does not add up stops the build with a Korean message naming the file, row and
figure; the previous store is left as it was.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from . import checks, loader, paths, samples
from .importer import batches
from .importer import budget as import_budget
from .errors import DataError
from . import store
from .store import write_store

# The store's schema, in the order it is created.
# Store table <- the importer's record kind whose batches fill it.
IMPORTED = {"complaints": "complaints", "patrol_sessions": "patrols", "budget_details": "budget"}

SCHEMA_FILES = [paths.SCHEMA_DIR / name for name in ("report.sql", "config.sql", "records.sql", "budget.sql")]


def build(store_file: Path | None = None, report_dir: Path | None = None, data_dir: Path | None = None) -> Path:
    """Build the store (default var/audit.duckdb) from data/; defaults are read at call time."""
    store_file, report_dir, data_dir = (store_file or paths.STORE_FILE, report_dir or paths.REPORT_DIR,
                                        data_dir or paths.DATA_DIR)
    with store.exclusive(store_file):
        return _build(store_file, report_dir, data_dir)


def _build(store_file: Path, report_dir: Path, data_dir: Path) -> Path:
    report = loader.load_report(report_dir)
    checks.check_report(report)
    config = loader.load_config(data_dir)
    records = samples.generate({**report, **config})
    imported = {table: batches.files(records_kind, data_dir) for table, records_kind in IMPORTED.items()}
    # Real records replace the generated ones of the same kind: samples are only the default.
    if imported["complaints"]:
        sample = records["complaints"]
        records["complaints"] = sample[~sample["complaint_kind"].isin(_complaint_kinds(imported["complaints"]))]
    if imported["patrol_sessions"]:
        records["patrol_sessions"] = records["patrol_sessions"].iloc[0:0]
    lines, imported_snapshots = import_budget.lines_and_snapshots(_budget_rows(imported["budget_details"]),
                                                                  _report_lines(report))
    if len(imported_snapshots):
        years = set(pd.to_datetime(imported_snapshots["snapshot_date"]).dt.year)
        snapshots = records["budget_snapshots"]
        sample_of_year = (snapshots["source"] == "sample") & pd.to_datetime(snapshots["snapshot_date"]).dt.year.isin(years)
        records["budget_snapshots"] = pd.concat([snapshots[~sample_of_year], imported_snapshots], ignore_index=True)
    records["budget_lines"] = lines
    write_store(SCHEMA_FILES, {**report, **config, **records}, store_file, verify=checks.check_store,
                parquet=imported)
    return Path(store_file)


def _report_lines(report: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The report's 단위사업 (for its as-of year) and projects (each plan year) as budget lines."""
    as_of_year = samples.budget.as_of(report).year
    programmes = report["budget_programmes"]
    projects = report["projects"]
    return pd.concat([
        pd.DataFrame({"year": as_of_year, "level": "programme", "line_no": programmes["programme_no"].astype(int),
                      "name": programmes["programme"], "source": "report"}),
        pd.DataFrame({"year": projects["plan_year"].astype(int), "level": "project",
                      "line_no": projects["project_no"].astype(int), "name": projects["project"], "source": "report"}),
    ], ignore_index=True)


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
