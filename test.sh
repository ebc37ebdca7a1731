#!/usr/bin/env bash
# Set up (first time), lint (ruff) and run the whole test suite, browser tests included.
# Usage: ./test.sh [extra pytest options]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup-venv.sh requirements-dev.txt
scripts/install-chromium.sh || true
.venv/bin/ruff check --quiet .
exec .venv/bin/python -m pytest "$@"
