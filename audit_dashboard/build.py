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
from .errors import DataError
from . import store
from .store import write_store

# The store's schema, in the order it is created.
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
    imported = batches.files("complaints", data_dir)
    if imported:
        # Real records replace the generated ones of the same kind: samples are only the default.
        sample = records["complaints"]
        records["complaints"] = sample[~sample["complaint_kind"].isin(_complaint_kinds(imported))]
    write_store(SCHEMA_FILES, {**report, **config, **records}, store_file, verify=checks.check_store,
                parquet={"complaints": imported})
    return Path(store_file)


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
