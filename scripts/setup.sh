#!/usr/bin/env bash
# Shared by run.sh and test.sh: a virtual environment in .venv with the pinned packages.
# Usage: scripts/setup.sh requirements.txt [requirements-dev.txt]
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib_apt.sh

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null; then
    echo "Python 3.11 이상이 필요합니다 ($PYTHON)." >&2; exit 1
fi
if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
    apt_install python3-venv
fi
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
for req in "$@"; do
    .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req" -c constraints.txt
done
