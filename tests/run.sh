#!/usr/bin/env bash
# Set up everything a fresh machine lacks, then run the whole test suite with its checks.
# Usage: bash tests/run.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v soffice >/dev/null || need_apt+=(libreoffice-impress)
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
fc-list 2>/dev/null | grep -qi carlito || need_apt+=(fonts-crosextra-carlito)
fc-list 2>/dev/null | grep -qi "liberation sans" || need_apt+=(fonts-liberation2)
ldconfig -p 2>/dev/null | grep -q libEGL.so.1 || need_apt+=(libegl1)
ldconfig -p 2>/dev/null | grep -q libxkbcommon.so.0 || need_apt+=(libxkbcommon0)
ldconfig -p 2>/dev/null | grep -q libGL.so.1 || need_apt+=(libgl1)
ldconfig -p 2>/dev/null | grep -q libfontconfig.so.1 || need_apt+=(libfontconfig1)
ldconfig -p 2>/dev/null | grep -q libdbus-1.so.3 || need_apt+=(libdbus-1-3)
if ((${#need_apt[@]})); then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'

export QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg
echo "== ruff";          .venv/bin/ruff check briefing ui tests
echo "== mypy";          .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest";        .venv/bin/python -m pytest -p no:cacheprovider "$@"
