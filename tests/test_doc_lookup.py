"""The per-Doc indexes the stages look things up in (``wirecoder.doc``) give exactly what
the scans they replace gave: same sentence, same entities, same mention, same answer."""
from __future__ import annotations

import datetime as dt
import gc
from bisect import bisect_right

import pytest
from spacy.tokens import Doc

from wirecoder import Article
from wirecoder.doc import Covering, doc_lookup, drop_working_data, ents_in, extension, in_metadata, mention_at, sentence_of
from wirecoder.knowledge.names import fold
from wirecoder.records import Mention

TEXTS = [
    "Kenyan President William Ruto met Somali leaders in Nairobi on Tuesday.\n"
    "The talks, officials said, covered al-Shabab and the African Union mission.\n"
    "\"We will not stop,\" Ruto told reporters at the State House.",
    "By Ana Lima\nBRASÍLIA (Reuters) - Brazil's Lula da Silva and Argentina's Javier Milei "
    "spoke by phone. The Élysée said France's Emmanuel Macron would visit São Paulo in March.",
    "Ukraine's foreign ministry accused Moscow of shelling Kharkiv.",
]


def _scan_mention(mentions, start, end):
    best = None
    for m in mentions:
        if m.span[0] < end and start < m.span[1]:
            if best is None or (m.span[1] - m.span[0]) > (best.span[1] - best.span[0]):
                best = m
    return best


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_entities_words_and_tokens(nlp, text):
    doc = nlp(text)
    lookup = doc_lookup(doc)
    sents = list(doc.sents)
    assert lookup.sents == tuple(sents)
    starts = [s.start_char for s in sents]
    for char in range(-1, len(text) + 1):
        k = bisect_right(starts, char) - 1
        expected = sents[k] if k >= 0 else None
        assert sentence_of(doc, char) == expected
    for token in doc:
        assert sents[lookup.sentence_index_of_token(token.i)].start <= token.i < \
            sents[lookup.sentence_index_of_token(token.i)].end
    for span in [*sents, doc[2:9], doc[:], doc[len(doc) - 3:]]:
        assert [(e.start, e.end, e.label_) for e in ents_in(span)] == \
            [(e.start, e.end, e.label_) for e in span.ents]
    assert lookup.folded == tuple(fold(t.text) for t in doc)
    assert lookup.text == doc.text
    # the per-token arrays the hot loops read instead of building Tokens
    assert lookup.texts == tuple(t.text for t in doc)
    assert lookup.lemmas == tuple(t.lemma_.lower() for t in doc)
    assert lookup.deps == tuple(t.dep_ for t in doc)
    assert lookup.children == tuple(tuple(c.i for c in t.children) for t in doc)
    assert lookup.heads == tuple(t.head.i for t in doc)
    for start, end in [(0, 1), (0, 30), (5, 6), (17, 60), (len(text) - 4, len(text))]:
        i, j = lookup.token_range(start, end)
        assert [t.i for t in doc[i:j]] == [t.i for t in doc if start <= t.idx < end]


MENTIONS = (
    Mention((0, 6), "A1", "Kenyan", "name"),
    Mention((0, 16), "A1", "Kenyan President", "title"),
    Mention((7, 16), "A2", "President", "title"),
    Mention((17, 29), "A3", "William Ruto", "name"),
    Mention((17, 29), "A4", "William Ruto", "name"),   # same span: the first one wins
    Mention((40, 47), "A5", "leaders", "name"),
)


@pytest.mark.parametrize("start,end", [(0, 1), (3, 9), (7, 8), (16, 17), (17, 18), (20, 45), (29, 30),
                                       (44, 46), (60, 70), (0, 100)])
def test_mention_at_is_the_longest_overlapping_first(nlp, start, end):
    doc = nlp(TEXTS[0])
    doc._.mentions = MENTIONS
    assert mention_at(doc, start, end) == _scan_mention(MENTIONS, start, end)
    doc._.mentions = MENTIONS[3:]  # a stage replaced the mentions: the index follows
    assert mention_at(doc, start, end) == _scan_mention(MENTIONS[3:], start, end)


SPANS = [(0, 10), (5, 8), (20, 40), (30, 35), (50, 50), (60, 70)]


@pytest.mark.parametrize("start,end", [(0, None), (9, None), (10, None), (19, None), (20, None), (39, None),
                                       (50, None), (69, None), (70, None), (0, 10), (1, 11), (21, 39),
                                       (30, 41), (50, 50), (61, 70), (-5, None)])
def test_covering_holds_what_a_scan_finds(start, end):
    if end is None:
        expected = any(s <= start < e for s, e in SPANS)
    else:
        expected = any(s <= start and end <= e for s, e in SPANS)
    assert Covering(SPANS).holds(start, end) is expected


def test_in_metadata_reads_the_articles_spans(nlp):
    text = TEXTS[1]
    doc = nlp(text)
    doc._.article = Article(text=text, published=dt.date(2024, 1, 1), metadata_spans=((0, 11), (12, 30)))
    assert [c for c in range(len(text)) if in_metadata(doc, c)] == list(range(0, 11)) + list(range(12, 30))


@pytest.mark.parametrize("name, value", [("mentions", MENTIONS[:2]), ("actors", ()), ("quotes", None)])
def test_extension_reads_what_doc_underscore_holds(nlp, name, value):
    doc = nlp(TEXTS[2])
    assert extension(doc, name) == getattr(doc._, name)  # the default before any stage set it
    if value is not None:
        setattr(doc._, name, value)
        assert extension(doc, name) is getattr(doc._, name)


def test_actor_memo_is_dropped_when_the_mentions_change(nlp):
    doc = nlp(TEXTS[2])
    lookup = doc_lookup(doc)
    lookup.actor_memo("test")["k"] = 1
    assert lookup.actor_memo("test") == {"k": 1}
    doc._.mentions = MENTIONS[:1]
    assert lookup.actor_memo("test") == {}


def test_dropping_working_data_restores_spacy_and_breaks_the_cycle(coder):
    doc = coder.doc(Article(text=TEXTS[0], source="t"))
    assert doc.user_data and "sent" in doc.user_token_hooks
    first_sentence = doc[0].sent.text
    drop_working_data(doc)
    assert doc.user_data == {}
    assert "sent" not in doc.user_token_hooks and "sent" not in doc.user_span_hooks
    assert doc[0].sent.text == first_sentence  # spaCy's own sentence boundaries answer again


def test_a_coded_doc_is_freed_without_the_garbage_collector(coder):
    """code_many leaves no Doc for the cyclic collector: each is freed by reference counting
    as soon as its records are made (a kept cycle cost a slow full collection every ~35 articles)."""
    articles = [Article(text=text, source=f"t{i}") for i, text in enumerate(TEXTS)]
    gc.collect()
    gc.disable()
    try:
        before = sum(isinstance(o, Doc) for o in gc.get_objects())
        coded = list(coder.code_many(articles))
        after = sum(isinstance(o, Doc) for o in gc.get_objects())
    finally:
        gc.enable()
    assert len(coded) == len(TEXTS) and coded[0].actors
    assert after == before
