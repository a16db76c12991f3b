#!/usr/bin/env bash
# One command: set up everything the tests need (Debian's chromium and Korean fonts too) and run them all.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib_apt.sh
apt_install chromium fonts-nanum
bash scripts/setup.sh requirements.txt requirements-dev.txt
exec .venv/bin/python -m pytest "$@"
