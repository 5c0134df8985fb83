"""Ties told as accusations: "police said the gunmen were linked to al-Shabab", "officials said
the suspects had ties to Boko Haram", "claimed the attackers were in touch with handlers in X",
"said those involved in the bombing were based in X".

A reported clause that ties its subject to another actor (``affiliations`` in
``data/statements/*.yaml``: a head word and the prepositions that introduce the other side) says
nothing negative in VADER's eyes ("linked", "member"), yet in the news it is an accusation (112)
when the other side is an armed group (``armed_sectors``) or the subject is a wrongdoer (its phrase
reads negative: "the attackers", "those involved in the bombing"), and not a victim
(``victim_nouns``). The accused is the subject when it is an actor (not the speaker's own side),
else the actor the tie names ("based *in Afghanistan*").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..doc import code_of
from .phrase_actors import actors_of
from .event_triggers import kids, lemma

if TYPE_CHECKING:  # pragma: no cover
    from .event_statements import StatementCoder
    from .statement_reading import Statement

CLAUSE_CLIMB = frozenset({"attr", "acomp", "pobj", "prep", "dobj", "npadvmod", "advmod", "oprd"})


def tie_of(coder: StatementCoder, token: Token) -> Token | None:
    """The preposition that makes ``token`` a tie ("linked *to*", "members *of*", "in touch
    *with*"), or None."""
    preps = coder.words.affiliations.get(lemma(token)) or coder.words.affiliations.get(token.lower_)
    if not preps:
        return None
    return next((c for c in kids(token) if c.dep_ in ("prep", "agent") and c.lower_ in preps), None)


def clause_subject(token: Token) -> tuple[Token, Token] | None:
    """The verb of the clause ``token`` stands in and its subject (nsubj or nsubjpass)."""
    t = token
    for _ in range(5):
        subj = next((c for c in kids(t) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and t.pos_ in ("VERB", "AUX"):
            return t, subj
        if t.dep_ not in CLAUSE_CLIMB or t.head is t:
            return None
        t = t.head
    return None


def affiliation_targets(coder: StatementCoder, doc: Doc, st: Statement,
                        speaker_codes: set[str | None]) -> tuple[list[str], Token] | None:
    """The accused of a tie told in ``st`` and the tie word, or None when the content ties no
    wrongdoer to anyone (see the module docstring)."""
    words = coder.words
    content = set(st.content)
    for token in st.content:
        prep = tie_of(coder, token)
        if prep is None:
            continue
        found = clause_subject(token)
        if found is None:
            continue
        verb, subj = found
        if verb not in content or coder._unreal(verb) or coder._own_side(subj):
            continue
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")) for c in (*kids(verb), *kids(token))):
            continue
        tied = coder._others(doc, list(dict.fromkeys(a for t in prep.subtree for a in actors_of(doc, t))),
                             speaker_codes)
        armed = any(((code_of(doc, a) or "")[3:6] in words.armed_sectors)
                    for a in tied)
        own = [t for t in subj.subtree]
        victim = lemma(subj) in words.victim_nouns
        wrongdoer = not victim and coder.polarity(own) <= words.negative
        if not (armed or wrongdoer) or victim:
            continue
        accused = coder._targets(doc, actors_of(doc, subj), speaker_codes, keep_victims=True)
        if accused:
            return accused, token
        if tied:
            return tied[:1], token
    return None
