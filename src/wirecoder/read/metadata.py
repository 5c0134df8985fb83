"""Headline, byline, dateline, credits (skeleton; being written)."""
from __future__ import annotations

from ..records import Article


def extract_metadata(article: Article) -> Article:
    return article
