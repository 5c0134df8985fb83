"""wirecoder: news articles to political event data, every fact linked to its evidence."""
from __future__ import annotations

from .api import code, code_all, coder_for, evaluate
from .errors import WirecoderError
from .pipeline import Coder
from .records import Actor, Article, CodedArticle, Event, Location, Mention, Quote, Skip
from .settings import Settings

__version__ = "0.1.0"

__all__ = ["code", "code_all", "coder_for", "evaluate", "Coder", "Settings", "Article", "CodedArticle", "Actor", "Mention", "Event",
           "Quote", "Location", "Skip", "WirecoderError", "__version__"]
