#!/usr/bin/env bash
# One command: set up everything the tests need (Debian's chromium, Korean fonts, PDF tools too) and run them all.
# The browser tests (tests/browser) run with the rest; screenshots go to test-artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib_apt.sh
# chromium: browser tests and chart images; fonts-nanum: Korean fallback; poppler-utils: pdftotext/pdfinfo.
apt_install chromium fonts-nanum poppler-utils
bash scripts/setup.sh requirements.txt requirements-dev.txt
exec .venv/bin/python -m pytest "$@"
