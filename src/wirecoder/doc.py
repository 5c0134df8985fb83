"""What the stages keep on the spaCy ``Doc``, and small lookups over it.

Each stage reads the records the earlier stages left and adds its own; all of
them are tuples of frozen records from :mod:`wirecoder.records`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import DEP, HEAD, IDX, LEMMA, ORTH
from spacy.tokens import Doc, Span as SpacySpan, Token

from .records import Actor, Article, Mention, Quote, Span, slot_init

_EXTENSIONS = {
    "article": None,   # Article
    "mentions": (),    # tuple[Mention, ...], sorted by span
    "actors": (),      # tuple[Actor, ...]
    "quotes": (),      # tuple[Quote, ...]
    "events": (),      # tuple[Event, ...]
    "trace": (),       # tuple[Trace, ...]: what each stage decided, for `wirecoder explain`
}


@slot_init
@dataclass(frozen=True, slots=True)
class Trace:
    """One line of a stage's reasoning, tied to a sentence (for ``explain``)."""

    stage: str
    sentence: Span
    message: str


def register_extensions() -> None:
    """Declare wirecoder's ``Doc._`` attributes (idempotent)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def extension(doc: Doc, name: str):
    """``doc._.<name>`` for one of wirecoder's attributes, read where spaCy's ``Underscore``
    keeps it (``doc._`` builds a new accessor object on every access; hot lookups use this)."""
    return doc.user_data.get(("._.", name, None, None), _EXTENSIONS[name])


def article_of(doc: Doc) -> Article:
    article = doc._.article
    if article is None:
        raise ValueError("this Doc was not made by wirecoder's pipeline (no doc._.article)")
    return article


def in_metadata(doc: Doc, char: int) -> bool:
    """True when ``char`` lies in a headline, byline, dateline or credits span."""
    return doc_lookup(doc).in_metadata(char)


class DocLookup:
    """Indexes over one parsed ``Doc`` built on first use, so that stages look things up
    instead of rescanning the text or every mention (coding time stays linear in length).

    The parse never changes after spaCy; the mention and actor indexes are rebuilt
    whenever a stage replaces ``doc._.mentions`` or ``doc._.actors``."""

    __slots__ = ("doc", "_tokens", "_metadata", "_text", "_ents", "_ent_starts", "_sents", "_sent_starts",
                 "_sent_start_tokens", "_token_starts", "_children", "_heads", "_deps", "_texts", "_folded", "_lemmas", "_mentions", "_mention_order",
                 "_mention_starts", "_mention_reach", "_actors", "_actor_ids", "_child_tokens", "memo")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._tokens: tuple[Token, ...] | None = None
        self._metadata: Covering | None = None
        self._text: str | None = None
        self._ents: tuple[SpacySpan, ...] | None = None
        self._ent_starts: list[int] = []
        self._sents: tuple[SpacySpan, ...] | None = None
        self._sent_starts: list[int] = []
        self._sent_start_tokens: list[int] = []
        self._token_starts: list[int] | None = None
        self._children: tuple[tuple[int, ...], ...] | None = None
        self._heads: tuple[int, ...] | None = None
        self._deps: tuple[str, ...] | None = None
        self._texts: tuple[str, ...] | None = None
        self._folded: tuple[str, ...] | None = None
        self._lemmas: tuple[str, ...] | None = None
        self._mentions: tuple[Mention, ...] | None = None
        self._mention_order: list[int] = []
        self._mention_starts: list[int] = []
        self._mention_reach = 0
        self._actors: tuple[Actor, ...] | None = None
        self._actor_ids: dict[str, Actor] = {}
        self._child_tokens: list[tuple[Token, ...] | None] | None = None
        # indexes a stage builds over this Doc, keyed by the stage's own name
        self.memo: dict[str, object] = {}

    # -- sentences and tokens --------------------------------------------------------
    @property
    def text(self) -> str:
        """``doc.text`` (which spaCy joins from the tokens on every access), computed once."""
        if self._text is None:
            article = self.doc._.article
            last = self.doc[-1] if len(self.doc) else None
            size = last.idx + len(last.text_with_ws) if last is not None else 0
            # spaCy keeps the text it parsed: the article's own text when the lengths agree
            self._text = article.text if article is not None and len(article.text) == size else self.doc.text
        return self._text

    @property
    def sents(self) -> tuple[SpacySpan, ...]:
        """``tuple(doc.sents)``, computed once."""
        if self._sents is None:
            self._sents = tuple(self.doc.sents)
            self._sent_starts = [s.start_char for s in self._sents]
            self._sent_start_tokens = [s.start for s in self._sents]
        return self._sents

    def sentence_of_token(self, token: Token) -> SpacySpan:
        """``token.sent`` (which spaCy finds by walking to both sentence ends and builds anew)."""
        return self.sents[self.sentence_index_of_token(token.i)]

    def sentence_of_span(self, span: SpacySpan) -> SpacySpan:
        """``span.sent``: the sentence of the span's first token."""
        return self.sents[self.sentence_index_of_token(span.start)]

    @property
    def tokens(self) -> tuple[Token, ...]:
        """``tuple(doc)``: ``doc[i]`` builds a new Token object on every access; this does not."""
        if self._tokens is None:
            self._tokens = tuple(self.doc)
        return self._tokens

    def tokens_of(self, span: SpacySpan) -> tuple[Token, ...]:
        """``tuple(span)`` from :attr:`tokens` (iterating a span builds every Token anew)."""
        return self.tokens[span.start:span.end]

    @property
    def ents(self) -> tuple[SpacySpan, ...]:
        """``doc.ents`` (which spaCy builds anew on every access), computed once."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
            self._ent_starts = [e.start for e in self._ents]
        return self._ents

    def ents_in(self, span: SpacySpan) -> list[SpacySpan]:
        """``span.ents`` (which spaCy finds by scanning every entity of the doc) by bisection."""
        self.ents
        out = []
        for k in range(bisect_left(self._ent_starts, span.start), len(self._ents)):
            ent = self._ents[k]
            if ent.end > span.end:
                break
            out.append(ent)
        return out

    def sentence_index(self, char: int) -> int:
        """Index in :attr:`sents` of the last sentence starting at or before ``char`` (-1: none)."""
        self.sents
        return bisect_right(self._sent_starts, char) - 1

    def sentence_index_of_token(self, i: int) -> int:
        """Index in :attr:`sents` of the sentence holding token ``i``."""
        self.sents
        return bisect_right(self._sent_start_tokens, i) - 1

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """``(i, j)``: the tokens whose first character lies in ``[start, end)`` are ``doc[i:j]``."""
        if self._token_starts is None:
            self._token_starts = self.doc.to_array(IDX).tolist() if len(self.doc) else []
        return bisect_left(self._token_starts, start), bisect_left(self._token_starts, end)

    @property
    def children(self) -> tuple[tuple[int, ...], ...]:
        """The indexes of each token's children in text order (``[c.i for c in token.children]``,
        which builds every child Token anew), computed once from the heads."""
        if self._children is None:
            empty: tuple[int, ...] = ()
            kids: list = [empty] * len(self.doc)
            heads = self.doc.to_array(HEAD).astype("int64").tolist() if len(self.doc) else []
            for i, offset in enumerate(heads):
                if offset:
                    kids[i + offset] += (i,)  # few children a token: tuples stay small
            self._children = tuple(kids)
        return self._children

    @property
    def heads(self) -> tuple[int, ...]:
        """``token.head.i`` of every token (``token.head`` builds the head Token anew), computed once."""
        if self._heads is None:
            offsets = self.doc.to_array(HEAD).astype("int64").tolist() if len(self.doc) else []
            self._heads = tuple(map(int.__add__, range(len(offsets)), offsets))
        return self._heads

    def child_tokens(self, i: int) -> tuple[Token, ...]:
        """``tuple(doc[i].children)`` from :attr:`children` and :attr:`tokens` (spaCy walks the
        token's edges and builds each child anew), made once per token."""
        if self._child_tokens is None:
            self._child_tokens = [None] * len(self.doc)
        got = self._child_tokens[i]
        if got is None:
            got = self._child_tokens[i] = tuple(map(self.tokens.__getitem__, self.children[i]))
        return got

    @property
    def deps(self) -> tuple[str, ...]:
        """``token.dep_`` of every token, computed once."""
        if self._deps is None:
            strings = self.doc.vocab.strings
            self._deps = tuple(strings[d] for d in (self.doc.to_array(DEP).tolist() if len(self.doc) else ()))
        return self._deps

    @property
    def texts(self) -> tuple[str, ...]:
        """``token.text`` of every token, computed once."""
        if self._texts is None:
            strings = self.doc.vocab.strings
            self._texts = tuple(strings[orth] for orth in (self.doc.to_array(ORTH).tolist() if len(self.doc) else ()))
        return self._texts

    @property
    def folded(self) -> tuple[str, ...]:
        """``fold(token.text)`` of every token, computed once (each distinct word folded once)."""
        if self._folded is None:
            from .knowledge.names import fold
            texts = self.texts
            words = {word: fold(word) for word in set(texts)}
            self._folded = tuple(map(words.__getitem__, texts))
        return self._folded

    @property
    def lemmas(self) -> tuple[str, ...]:
        """``token.lemma_.lower()`` of every token, computed once."""
        if self._lemmas is None:
            strings = self.doc.vocab.strings
            seen: dict[int, str] = {}  # each distinct lemma is lowered once
            out = []
            for lemma in (self.doc.to_array(LEMMA).tolist() if len(self.doc) else ()):
                word = seen.get(lemma)
                if word is None:
                    word = seen[lemma] = strings[lemma].lower()
                out.append(word)
            self._lemmas = tuple(out)
        return self._lemmas

    def derived(self, key: str, source, build):
        """``build(source)``, kept under ``key`` while ``source`` is the same object (an index
        a stage builds once over one of its own lists instead of scanning it per item)."""
        got = self.memo.get(key)
        if got is None or got[0] is not source:
            got = (source, build(source))
            self.memo[key] = got
        return got[1]

    def in_metadata(self, start: int, end: int | None = None) -> bool:
        """A metadata span (headline, byline, dateline, credits) holds ``[start, end)``
        (the character ``start`` when ``end`` is None)."""
        if self._metadata is None:
            self._metadata = Covering(article_of(self.doc).metadata_spans)
        return self._metadata.holds(start, end)

    # -- mentions and actors ---------------------------------------------------------
    def mention_at(self, start: int, end: int) -> Mention | None:
        mentions: tuple[Mention, ...] = extension(self.doc, "mentions")
        if mentions is not self._mentions:
            self._mentions = mentions
            self._mention_order = sorted(range(len(mentions)), key=lambda k: mentions[k].span[0])
            self._mention_starts = [mentions[k].span[0] for k in self._mention_order]
            self._mention_reach = max((m.span[1] - m.span[0] for m in mentions), default=0)
        # a mention overlapping [start, end) starts before ``end`` and after ``start - reach``
        lo = bisect_right(self._mention_starts, start - self._mention_reach - 1)
        hi = bisect_left(self._mention_starts, end)
        best = None
        for k in sorted(self._mention_order[lo:hi]):  # first in the tuple's order wins a tie
            m = mentions[k]
            if m.span[0] < end and start < m.span[1]:
                if best is None or (m.span[1] - m.span[0]) > (best.span[1] - best.span[0]):
                    best = m
        return best

    def actor_memo(self, name: str) -> dict:
        """A dict kept under ``name`` while ``doc._.mentions`` and ``doc._.actors`` stay the same
        tuples: for answers that depend only on the parse, the mentions and the actors."""
        mentions, actors = extension(self.doc, "mentions"), extension(self.doc, "actors")
        memo = self.memo.get(name)
        if memo is None or memo[0] is not mentions or memo[1] is not actors:
            memo = self.memo[name] = (mentions, actors, {})
        return memo[2]

    def actor_by_id(self, actor_id: str | None) -> Actor | None:
        actors: tuple[Actor, ...] = extension(self.doc, "actors")
        if actors is not self._actors:
            self._actors = actors
            self._actor_ids = {}
            for actor in actors:
                self._actor_ids.setdefault(actor.id, actor)
        return self._actor_ids.get(actor_id) if actor_id is not None else None


class Covering:
    """Character spans that may overlap, asked whether one of them holds a character or a
    span: ``any(s <= start and end <= e for s, e in spans)`` by bisection."""

    __slots__ = ("_starts", "_reach")

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def holds(self, start: int, end: int | None = None) -> bool:
        """A span holds ``[start, end)`` (the character ``start`` when ``end`` is None)."""
        k = bisect_right(self._starts, start) - 1  # the spans starting at or before ``start``
        return k >= 0 and self._reach[k] >= (start + 1 if end is None else end)


_LOOKUP = "wirecoder.lookup"  # the key of the DocLookup in doc.user_data


def doc_lookup(doc: Doc) -> DocLookup:
    """The :class:`DocLookup` of ``doc`` (made on first use, kept in ``doc.user_data``)."""
    lookup = doc.user_data.get(_LOOKUP)
    if lookup is None or lookup.doc is not doc:
        lookup = DocLookup(doc)
        doc.user_data[_LOOKUP] = lookup
        # ``token.sent`` / ``span.sent`` answered from the index: spaCy's own hooks for it
        doc.user_token_hooks.setdefault("sent", lookup.sentence_of_token)
        doc.user_span_hooks.setdefault("sent", lookup.sentence_of_span)
    return lookup


def drop_working_data(doc: Doc) -> None:
    """Remove what the stages keep on ``doc`` (its records, its :class:`DocLookup` and the
    ``sent`` hooks that call it). They hold Tokens and Spans pointing back at the Doc; once
    gone, the Doc is freed as soon as its last user drops it instead of waiting for the
    garbage collector's slowest pass."""
    lookup = doc.user_data.get(_LOOKUP)
    if lookup is not None:
        for hooks, hook in ((doc.user_token_hooks, lookup.sentence_of_token),
                            (doc.user_span_hooks, lookup.sentence_of_span)):
            if hooks.get("sent") == hook:
                del hooks["sent"]
    doc.user_data.clear()


def actor_by_id(doc: Doc, actor_id: str | None) -> Actor | None:
    return doc_lookup(doc).actor_by_id(actor_id)


def code_of(doc: Doc, actor_id: str | None) -> str | None:
    """The code of the actor ``actor_id`` ("RUSGOV"); None for no such actor."""
    actor = doc_lookup(doc).actor_by_id(actor_id)
    return actor.code if actor is not None else None


def mention_at(doc: Doc, start: int, end: int | None = None) -> Mention | None:
    """The mention covering char ``start`` (or overlapping ``[start, end)``)."""
    return doc_lookup(doc).mention_at(start, start + 1 if end is None else end)


def mention_of_token(doc: Doc, token: Token) -> Mention | None:
    return mention_at(doc, token.idx, token.idx + len(token))


def actor_of_token(doc: Doc, token: Token) -> Actor | None:
    """The actor of the mention covering ``token``, looked up once per token while the Doc's
    mentions and actors stay the same tuples."""
    found = doc_lookup(doc).actor_memo("doc.actor_of_token")
    i = token.i
    if i not in found:
        m = mention_of_token(doc, token)
        found[i] = actor_by_id(doc, m.actor) if m else None
    return found[i]


def quote_at(doc: Doc, char: int) -> Quote | None:
    """The quote whose span contains ``char`` (direct quotes before indirect ones)."""
    found = [q for q in extension(doc, "quotes") if q.span[0] <= char < q.span[1] and q.kind != "term"]
    found.sort(key=lambda q: (q.kind != "direct", q.span[1] - q.span[0]))
    return found[0] if found else None


def ents_in(span: SpacySpan) -> list[SpacySpan]:
    """The entities inside ``span``, as ``span.ents`` gives them, looked up in the Doc's index."""
    return doc_lookup(span.doc).ents_in(span)


def sentence_spans(doc: Doc) -> tuple[Span, ...]:
    return tuple((s.start_char, s.end_char) for s in doc_lookup(doc).sents)


def sentence_of(doc: Doc, char: int) -> SpacySpan | None:
    lookup = doc_lookup(doc)
    i = lookup.sentence_index(char)
    return lookup.sents[i] if i >= 0 else None
