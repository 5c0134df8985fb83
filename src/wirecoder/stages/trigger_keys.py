"""What trigger finding reads of every token of a Doc, once per Doc (:class:`TokenKeys`): the
keys by which :class:`~.event_triggers.TriggerFinder` looks up the patterns a token can head,
the tokens' lower-case forms, and whether the Doc's dependency trees stay inside their
sentences."""
from __future__ import annotations

import numpy as np
from spacy.attrs import HEAD, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Span as SpacySpan

# a token's (POS, tag, lemma, lower-case form) ids: as a tuple, or as the 32 bytes of the four
# ids read from the Doc's array (:class:`TokenKeys`); either keys the patterns the token heads
Key = tuple[int, int, int, int] | bytes

_HEAD_POS = tuple(POS_IDS[p] for p in ("VERB", "AUX", "NOUN", "PROPN"))  # event_triggers' VERB_TAGS, NOUN_TAGS
_STRINGS_KEPT = 1 << 17  # ids whose strings a finder keeps (bounded: memory stays flat over a corpus)


class TokenKeys:
    """What trigger finding reads of every token of a Doc, read once per Doc in a few array
    passes: ``keys``, the (POS, tag, lemma, lower-case form) ids (:data:`Key`, as bytes) of the
    tokens whose POS or tag lets them head a pattern (a verb, auxiliary, noun or proper noun,
    or a ``VB*`` tag), by index in text order; ``lowers``, ``token.lower_`` of every token;
    ``closed``: no dependency arc of the Doc leaves its sentence. ``strings``: the finder's
    id -> string cache."""

    __slots__ = ("keys", "lowers", "closed")

    def __init__(self, lookup, strings: dict[int, str]) -> None:
        doc = lookup.doc
        self.keys: dict[int, Key] = {}
        self.lowers: tuple[str, ...] = ()
        self.closed = True
        if not len(doc):
            return
        store = doc.vocab.strings
        columns = doc.to_array([POS, TAG, LEMMA, LOWER, HEAD])
        pos, tags = columns[:, 0], columns[:, 1]
        able = pos == _HEAD_POS[0]
        for p in _HEAD_POS[1:]:
            able |= pos == p
        ids = columns[:, 3].tolist()
        tag_ids = np.unique(tags).tolist()
        def read() -> list[int]:  # the lower-case forms; the ids of the verb tags (VB*)
            self.lowers = tuple(map(strings.__getitem__, ids))
            return [t for t in tag_ids if strings[t].startswith("VB")]
        try:  # most words of a Doc are in the cache already: look for the others only when one is not
            verb_tags = read()
        except KeyError:
            missing = set(ids).union(tag_ids).difference(strings)
            if len(strings) + len(missing) > _STRINGS_KEPT:
                strings.clear()
                missing = set(ids).union(tag_ids)
            for k in missing:
                strings[k] = store[k]
            verb_tags = read()
        for t in verb_tags:
            able |= tags == t
        where = np.flatnonzero(able)
        # each key the raw bytes of the token's four ids (a bytes object hashes once; equal
        # ids, equal bytes)
        self.keys = dict(zip(where.tolist(), np.ascontiguousarray(columns[where, :4]).view("V32").ravel().tolist()))
        position = np.arange(len(doc))
        heads = position + columns[:, 4].astype("int64")  # HEAD: offsets to the head
        sentence = np.searchsorted(np.array([s.start for s in lookup.sents]), position, side="right") - 1
        self.closed = bool((sentence[heads] == sentence).all())


def own_trees(lookup, index: TokenKeys, sent: SpacySpan) -> bool:
    """``sent`` is one of the Doc's sentences and no dependency arc of the Doc leaves its
    sentence: the words near a token are then words of its sentence."""
    here = lookup.sents[lookup.sentence_index_of_token(sent.start)]
    if here.start != sent.start or here.end != sent.end:
        return False
    return index.closed
