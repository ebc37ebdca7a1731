#!/usr/bin/env bash
# Set up (first time) and start the dashboard on the bundled data: http://localhost:8501
# Usage: ./run.sh [extra streamlit options, e.g. --server.port 8600]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup-venv.sh requirements.txt
exec .venv/bin/python -m ikm_data serve "$@"
