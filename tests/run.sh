#!/usr/bin/env bash
# Set up everything a fresh machine lacks, then run the whole test suite with its checks.
# Usage: bash tests/run.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup test

export QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg
echo "== ruff";          .venv/bin/ruff check briefing ui tests assets
echo "== mypy";          .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest";        .venv/bin/python -m pytest -p no:cacheprovider "$@"
