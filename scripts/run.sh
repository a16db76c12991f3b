#!/usr/bin/env bash
# One command: set up, build the store from data/, and start the dashboard.
#   bash scripts/run.sh            -> http://localhost:8501
#   PORT=8600 bash scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
.venv/bin/python -m audit_dashboard.build
exec .venv/bin/streamlit run dashboard.py \
    --server.address "${HOST:-0.0.0.0}" --server.port "${PORT:-8501}" --server.headless true
