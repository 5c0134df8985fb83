"""Shared fixtures: one Coder (one spaCy load) for the whole test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def coder():
    from wirecoder import Coder
    return Coder()


@pytest.fixture(scope="session")
def nlp(coder):
    return coder.nlp


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (EXAMPLES / "reuters-putin-maduro.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_coded(coder, seed_text):
    from wirecoder import Article
    from wirecoder.read.metadata import extract_metadata
    import datetime as dt
    article = extract_metadata(Article(text=seed_text, source="reuters-putin-maduro.txt",
                                       published=dt.date(2024, 7, 29)))
    return coder.code(article)


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared, or skip the test when this checkout has no shared/ beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (the gold sets live in ../shared)")
    return path
