"""Lawsuits that speak for their filers: "The lawsuit alleges that the ministry ..." with no
owner named is the act of whoever filed it, as the article says ("rights groups have filed
lawsuits", "the groups bringing the lawsuits"). Word lists in ``data/roles/lawsuits.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from ..doc import doc_lookup
from ..patterns import load_word_lists
from .event_roles import actors_of
from .event_triggers import Match, lemma


@dataclass(frozen=True, slots=True)
class LawsuitWords:
    roots: frozenset[str]
    nouns: frozenset[str]
    verbs: frozenset[str]


def load_lawsuit_words(path: Path) -> LawsuitWords:
    return LawsuitWords(*load_word_lists(path, ("roots", "nouns", "verbs")))


def _is_suit(token: Token | None, words: LawsuitWords) -> bool:
    """A lawsuit noun with no owner of its own ("the suit", "one suit", not "the ACLU's suit")."""
    if token is None or token.pos_ != "NOUN":
        return False
    phrase = " ".join(lemma(t) for t in token.lefts if t.dep_ == "amod") + " " + lemma(token)
    named = lemma(token) in words.nouns or phrase.strip() in words.nouns
    return named and not any(c.dep_ == "poss" for c in token.children)


def _suit_subject(trigger: Token, words: LawsuitWords) -> Token | None:
    """The lawsuit that does ``trigger``: its subject, or the subject of the verb a participle
    hangs on ("One suit ... seeks to stop X, *alleging* ...")."""
    verb = trigger
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj if _is_suit(subj, words) else None
        if verb.dep_ not in ("advcl", "xcomp", "conj"):
            return None
        verb = verb.head       # "seeks to stop X, *alleging* ...": up to the verb with a subject
    return None


def _filers(doc: Doc, words: LawsuitWords) -> list[tuple[int, list[str]]]:
    """(token index, actors) of every filing of a lawsuit in the article: "X filed lawsuits",
    "the groups *bringing* the lawsuits"."""
    out = []
    for tok in doc_lookup(doc).tokens:
        if lemma(tok) not in words.verbs or tok.pos_ != "VERB":
            continue
        if not any(c.dep_ == "dobj" and lemma(c) in words.nouns for c in tok.children):
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG":
            filer = tok.head                       # "the groups bringing the lawsuits"
        else:
            filer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        found = actors_of(doc, filer) if filer is not None else []
        if found:
            out.append((tok.i, found))
    return out


def lawsuit_filers(doc: Doc, match: Match, code: str, words: LawsuitWords, notes: list[str]) -> list[str]:
    """The actors who filed the lawsuit that does ``match``'s verbal act, or []."""
    if code[:2] not in words.roots or match.pattern.kind != "verb":
        return []
    if _suit_subject(match.trigger, words) is None:
        return []
    filings = _filers(doc, words)
    if not filings:
        return []
    before = [f for f in filings if f[0] < match.trigger.i]
    actors = before[-1][1] if before else filings[0][1]
    notes.append(f"'{match.trigger.text}': said by a lawsuit -> its filers")
    return actors
