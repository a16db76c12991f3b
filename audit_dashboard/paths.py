"""Where things live. Everything is relative to the repository root."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
REPORT_DIR = DATA_DIR / "report"
QUERIES_DIR = ROOT / "queries"
SCHEMA_DIR = Path(__file__).resolve().parent / "schema"

# The store can be pointed elsewhere (tests build their own).
STORE_FILE = Path(os.environ.get("AUDIT_STORE", ROOT / "var" / "audit.duckdb"))
