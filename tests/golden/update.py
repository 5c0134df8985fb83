"""Regenerate the golden files: `.venv/bin/python tests/golden/update.py` (review the diff!)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from golden import articles, expected_path, summary  # noqa: E402

from wirecoder import Coder  # noqa: E402

if __name__ == "__main__":
    coder = Coder()
    for name, (path, published) in articles().items():
        expected_path(name).write_text(json.dumps(summary(coder, path, published), indent=1,
                                                  ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {expected_path(name)}")
