#!/usr/bin/env bash
# Set up everything a fresh machine lacks, then run the whole test suite with its checks:
# lint, types, the import contracts, the tests with coverage (at least 90 % of the core's lines),
# and the core's tests once more in a venv without PySide6.
# Usage: bash tests/run.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup test

export QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg
echo "== ruff";          .venv/bin/ruff check briefing ui tests assets packaging
echo "== mypy";          .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest, with the core's coverage"
.venv/bin/python -m pytest -p no:cacheprovider --cov --cov-report=term "$@"
echo "== the core's tests without PySide6"
bash .ci/core-without-qt
