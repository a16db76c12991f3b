#!/usr/bin/env bash
# One command: set up, build the store from data/, and start the dashboard.
#   bash scripts/run.sh            -> http://localhost:8501
#   PORT=8600 bash scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib_apt.sh
# chromium draws the PNG and PDF downloads; without it the dashboard runs and says those are off.
apt_install chromium || echo "chromium을 설치하지 못했습니다: PNG·PDF 내려받기는 꺼진 채로 시작합니다." >&2
bash scripts/setup.sh requirements.txt
.venv/bin/python -m audit_dashboard.build
# `streamlit run dashboard.py`, with the pages' modules loaded first (the first visitor does not wait for them).
exec .venv/bin/python scripts/serve.py \
    --server.address "${HOST:-127.0.0.1}" --server.port "${PORT:-8501}" --server.headless true
