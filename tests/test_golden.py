"""The golden suite: a few real articles' whole coding, pinned. A change that moves any actor,
event or quote shows here as a readable diff; if it is an improvement, regenerate the files with
`.venv/bin/python tests/golden/update.py` and commit them with the change."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "golden"))
from golden import articles, expected_path, summary  # noqa: E402

ARTICLES = articles()


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_golden(coder, name):
    path, published = ARTICLES[name]
    expected = json.loads(expected_path(name).read_text(encoding="utf-8"))
    got = summary(coder, path, published)
    for part in ("actors", "events", "quotes"):
        assert got[part] == expected[part], f"{name}: {part} changed (see tests/golden/update.py)"
