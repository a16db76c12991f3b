"""Where things live. Everything is relative to the repository root."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Both can be pointed elsewhere (tests and the browser tests run on their own copies).
SHIPPED_DATA_DIR = ROOT / "data"  # what the product ships in git, whatever AUDIT_DATA points at
DATA_DIR = Path(os.environ.get("AUDIT_DATA", SHIPPED_DATA_DIR))
REPORT_DIR = DATA_DIR / "report"
QUERIES_DIR = ROOT / "queries"
SCHEMA_DIR = Path(__file__).resolve().parent / "schema"

STORE_FILE = Path(os.environ.get("AUDIT_STORE", ROOT / "var" / "audit.duckdb"))
