"""The coder: spaCy once per article, then wirecoder's stages, then frozen records."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .doc import doc_lookup, drop_working_data, register_extensions, sentence_spans
from .errors import InputError
from .nlp import load_model
from .records import Article, CodedArticle
from .resources import Resources
from .settings import Settings
from .stages import build_stages
from .textmap import for_matching, restore

log = logging.getLogger(__name__)


class Coder:
    """Codes articles into :class:`CodedArticle` records.

    Build one per process (it loads the spaCy pipeline and the knowledge base)
    and reuse it: ``coder.code(article)`` or ``coder.code_many(articles)``.
    """

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None,
                 resources: Resources | None = None) -> None:
        self.settings = settings or Settings()
        register_extensions()
        self.nlp = nlp if nlp is not None else load_model(self.settings.model)
        self.resources = resources or Resources.load(self.settings)
        self.stages = build_stages(self.resources)

    def _check(self, article: Article) -> None:
        n = len(article.text.strip())
        if n == 0:
            raise InputError(article.source, "the article is empty", "nothing to code")
        if len(article.text) > self.settings.max_chars:
            raise InputError(
                article.source,
                f"the article has {len(article.text):,} characters, more than the limit of "
                f"{self.settings.max_chars:,}",
                "split it, or raise max_chars in the settings (WIRECODER_MAX_CHARS)",
            )

    def _run_stages(self, doc: Doc, article: Article) -> Doc:
        doc._.article = article
        doc_lookup(doc)  # the Doc's indexes (sentences, words, mentions), built as the stages ask
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def doc(self, article: Article) -> Doc:
        """The spaCy ``Doc`` with every stage's records on ``doc._`` (for explain/debugging).
        It is the Doc of the text with invisible characters removed (:mod:`wirecoder.textmap`)."""
        self._check(article)
        matched = for_matching(article)
        return self._run_stages(self.nlp(matched.text), matched)

    def code(self, article: Article | str, published: dt.date | str | None = None) -> CodedArticle:
        """Code one article (an :class:`Article` or plain text). Every span of the result is
        into ``article.text`` as given (invisible characters are coded around)."""
        article = as_article(article, published)
        return restore(release(self.doc(article)), article)

    def code_many(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code many articles, batching the spaCy pass. Raises on a bad article only
        when it is reached; callers that must go on use :func:`wirecoder.code_all`."""
        def checked() -> Iterator[tuple[str, tuple[Article, Article]]]:
            for a in articles:
                self._check(a)
                matched = for_matching(a)
                yield matched.text, (a, matched)

        for doc, (article, matched) in self.nlp.pipe(checked(), as_tuples=True,
                                                     batch_size=self.settings.batch_size):
            yield restore(release(self._run_stages(doc, matched)), article)


def as_article(article: Article | str, published: dt.date | str | None = None) -> Article:
    if isinstance(article, str):
        from .read import read_text
        article = read_text(article)
    if published is not None:
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        article = article.with_(published=published)
    return article


def release(doc: Doc) -> CodedArticle:
    """The records of ``doc``, then its working data dropped (:func:`~wirecoder.doc.drop_working_data`):
    left in place, it keeps every coded Doc, about 2,700 objects an article, alive until
    the garbage collector's slowest pass."""
    coded = to_coded(doc)
    drop_working_data(doc)
    return coded


def to_coded(doc: Doc) -> CodedArticle:
    """Freeze what the stages left on ``doc`` into a :class:`CodedArticle`."""
    return CodedArticle(
        article=doc._.article,
        sentences=sentence_spans(doc),
        actors=tuple(doc._.actors),
        events=tuple(doc._.events),
        quotes=tuple(doc._.quotes),
        mentions=tuple(doc._.mentions),
    )
