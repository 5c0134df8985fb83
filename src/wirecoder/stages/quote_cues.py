"""The cue of a quote and the subject of the cue: reporting verbs in the parse.

A reporting verb (``data/quotes/reporting_verbs.tsv``) is a cue; its subject is the
speaker's word, with the repairs news parses need: participles, conjuncts and
infinitives borrow their head's subject; an inverted name after a quote is the subject
(``"...," warned Asli Aydintasbas``); a participle on a document takes the subject of
the verb that produced it ("It issued a statement saying"); a name right before the verb
wins over a description the parser made the subject; a subject stranded before a
subjectless verb is found across its appositive.
"""
from __future__ import annotations

from typing import Callable

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from ..doc import doc_lookup
from .quote_lexicon import QuoteLexicon
from .quote_referents import carried_subject, name_before, stranded_subject

SUBJECTS = ("nsubj", "nsubjpass")
_VERB_IDS = (VERB, AUX)  # ``token.pos`` ids: no string is made
_INHERIT = ("conj", "xcomp", "advcl", "acl")  # a verb that borrows its head's subject
_PRT = ("prt",)
_AUX = ("aux",)


def word_id(word: str) -> int:
    """The id spaCy gives ``word`` (``token.lower`` of a token whose ``lower_`` is ``word``)."""
    return get_string_id(word)


def word_ids(words) -> tuple[int, ...]:
    """The ids of ``words`` (see :func:`word_id`), for :func:`positions_of`."""
    return tuple(sorted({word_id(w) for w in words}))


def positions_of(doc: Doc, ids: tuple[int, ...]) -> list[int]:
    """The indexes, in order, of the tokens whose ``lower_`` has one of the ``ids``
    (:func:`word_ids`): compared over the Doc's array of ids (one comparison an id),
    no Token or string made per token."""
    if not ids or not len(doc):
        return []
    lookup = doc_lookup(doc)
    lowers = lookup.memo.get("quotes.lower_ids")
    if lowers is None:
        lowers = lookup.memo["quotes.lower_ids"] = doc.to_array(LOWER)
    found = lowers == ids[0]
    for other in ids[1:]:
        found |= lowers == other
    return found.nonzero()[0].tolist()


def children_with(token: Token, labels) -> list[Token]:
    """``[c for c in token.children if c.dep_ in labels]`` read from the Doc's indexes (no
    Token or label string is made for the other children)."""
    lookup = doc_lookup(token.doc)
    deps, tokens = lookup.deps, lookup.tokens
    return [tokens[k] for k in lookup.children[token.i] if deps[k] in labels]


def particle(token: Token) -> str | None:
    found = children_with(token, _PRT)
    return found[0].text if found else None


def is_cue_verb(lex: QuoteLexicon, token: Token, indirect: bool = False) -> bool:
    if token.pos not in _VERB_IDS:
        return False
    lemma = token.lemma_.lower()
    if lemma not in lex.phrasal_lemmas:  # no "lemma particle" cue: the particle cannot change the answer
        return lemma in (lex.indirect_cues if indirect else lex.direct_cues)
    prt = particle(token)
    return lex.is_indirect_cue(lemma, prt) if indirect else lex.is_cue(lemma, prt)


def subject_of(token: Token, skip: Callable[[Token], bool] = lambda t: False,
               lex: QuoteLexicon | None = None) -> Token | None:
    """The subject of a verb; participles, conjuncts and infinitives take their head's.

    A name right after a cue that follows a quote or a comma is the subject even
    when the parser made it an object (``"...," warned Asli Aydintasbas``).
    ``skip``: subjects to pass over (words inside a quote the parser hung on the cue).
    """
    seen = 0
    while seen < 4:
        # of two subjects ("A historian at the school, Kadri Tamm noted"), the nearer the verb
        subjects = sorted((c for c in children_with(token, SUBJECTS) if not skip(c)),
                          key=lambda c: (c.i > token.i, -c.i))
        for child in subjects[:1]:
            if lex is not None and seen == 0:
                named = name_before(token, child)
                if named is not None and not skip(named):
                    return named
            return child
        if seen == 0 and token.i > 0 and token.lemma_.lower() not in ("tell", "call"):
            before = token.doc[token.i - 1]
            if before.is_punct and before.text in '",”':
                for child in token.rights:
                    if child.dep_ in ("attr", "dobj", "npadvmod", "appos") and (
                            child.pos_ == "PROPN" or (child.pos_ == "NOUN" and (
                                token.dep_ == "parataxis" or before.text in '"”'))):
                        return child
        if lex is not None:
            carried = carried_subject(token, lex)
            if carried is not None and not skip(carried):
                return carried
        if token.dep_ in _INHERIT and token.head is not token:
            token = token.head
            seen += 1
            continue
        if lex is not None and token.pos_ in ("VERB", "AUX"):
            stranded = stranded_subject(token)
            if stranded is not None and not skip(stranded):
                return stranded
        return None
    return None


def infinitive(verb: Token) -> bool:
    """"to deny entry visas": a verb in an infinitive is not the cue of a quote."""
    return verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in children_with(verb, _AUX))


def cue_span(token: Token) -> tuple[int, int]:
    found = children_with(token, _PRT)
    prt = found[0] if found else None
    end = max(token.idx + len(token), prt.idx + len(prt)) if prt is not None else token.idx + len(token)
    return (token.idx, end)
