"""The author of a document noun ("a report *by Amnesty*", "the suits" filed earlier by
the ACLU): who speaks when a document alleges or accuses."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .event_clauses import child_of, pobj_of
from .phrase_actors import actors_of

def author_of(doc: Doc, document: Token, producing: bool = False) -> list[str]:
    """The author of a document noun: its ``by`` phrase ("a report *by Amnesty*") or the agent of
    a participle on it ("a lawsuit *filed by the ACLU*"); with ``producing``, also the subject of
    the verb that has it as object ("rights groups *have filed* multiple lawsuits")."""
    holders = [document] + [c for c in document.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for h in holders:
        for c in h.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                ids = actors_of(doc, pobj_of(c))
                if ids:
                    return ids
    if producing and document.dep_ == "dobj" and document.head.pos_ == "VERB":
        verb = document.head
        subj = child_of(verb, "nsubj")
        if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
            subj = verb.head        # "the groups *bringing* the lawsuits"
        return actors_of(doc, subj) if subj is not None else []
    return []


def earlier_author(doc: Doc, document: Token, kinds: dict[str, str] | None = None) -> list[str]:
    """A definite document noun with no author of its own ("*The suits* allege ...") is the one
    the story named before with its author ("a lawsuit filed by the ACLU"): the nearest earlier
    mention of the same noun that has one."""
    # "the suits"; or one of a set named before ("filed lawsuits ... *One suit* alleges", "*an
    # earlier lawsuit*"), never "another petition" (a different one)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that")
                   for c in document.children)
    member = any((c.dep_ == "nummod" and c.lower_ == "one")
                 or (c.dep_ == "amod" and c.lower_ in ("earlier", "second", "first", "latest"))
                 for c in document.children)
    if not definite and not member:
        return []
    start = document.sent.start
    kinds = kinds or {}  # other names of the same document ("suit" -> "lawsuit": cues.yaml)
    kind = kinds.get(document.lemma_.lower(), document.lemma_.lower())
    for tok in reversed(doc[:start]):
        if tok.pos_ == "NOUN" and kinds.get(tok.lemma_.lower(), tok.lemma_.lower()) == kind \
                and (definite or tok.tag_ == "NNS"):
            ids = author_of(doc, tok, producing=True)
            if ids:
                return ids
    if definite and document.tag_ == "NNS":
        # "*The suits* allege ... the groups bringing the lawsuits": the set the story names
        # with its authors after it
        for tok in doc[document.sent.end:]:
            if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and kinds.get(tok.lemma_.lower(), tok.lemma_.lower()) == kind:
                ids = author_of(doc, tok, producing=True)
                if ids:
                    return ids
    return []
