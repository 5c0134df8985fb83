"""The actors a noun phrase names: its head, an apposition, a possessor or modifier, one per
conjunct ("Russia and China"); the building block of event roles (:mod:`.event_roles`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doc import actor_by_id, actor_of_token, doc_lookup
from .placed_groups import placed_groups
from ..patterns import Cues
from ..records import Actor
from .event_clauses import pobj_of
from .event_triggers import kids

MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")


def is_first_person(token: Token, cues: Cues) -> bool:
    """"we", "us", "I": a personal pronoun of the speaker, never the name "US" (United States)."""
    return token.lower_ in cues.first_person and token.text != "US" and token.pos_ != "PROPN"


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens conjoined to it ("Russia and China")."""
    lookup = doc_lookup(token.doc)
    kids, relations, tokens = lookup.children, lookup.deps, lookup.tokens  # the Doc's arrays: no Token made
    out = [token]
    seen = {token.i}
    frontier = [token.i]
    while frontier:
        nxt = []
        for t in frontier:
            for c in kids[t]:
                if relations[c] == "conj" and c not in seen:
                    seen.add(c)
                    out.append(tokens[c])
                    nxt.append(c)
        frontier = nxt
    return out


def coded_actor(doc: Doc, token: Token) -> Actor | None:
    actor = actor_of_token(doc, token)
    return actor if actor is not None and actor.code else None


def actor_of_phrase(doc: Doc, token: Token, modifiers: bool = True) -> str | None:
    """The actor a noun phrase headed by ``token`` names: the head itself, an apposition, or
    (with ``modifiers``) a possessor/compound/adjective ("Russian troops", "Ankara's purchase").
    Actors without a code are not event actors."""
    actor = coded_actor(doc, token)
    if actor is not None:
        return actor.id
    for c in kids(token):
        if c.dep_ == "appos":
            actor = coded_actor(doc, c)
            if actor is not None:
                return actor.id
    if token.dep_ == "appos":
        actor = coded_actor(doc, token.head)
        if actor is not None:
            return actor.id
    if modifiers:
        # a name in front before an owner ("its *European Community* partners")
        mods = sorted((c for c in kids(token) if c.dep_ in MODIFIER_DEPS),
                      key=lambda c: (c.dep_ == "poss", c.pos_ == "PRON", c.i))
        for c in mods:
            actor = coded_actor(doc, c)
            if actor is not None:
                return actor.id
        if token.pos_ in ("NOUN", "NUM", "PRON"):
            # "a group *of* Moroccan diplomats", "dozens *of* protesters", "some *of* them"
            for c in kids(token):
                if c.dep_ == "prep" and c.lower_ == "of":
                    pobj = pobj_of(c)
                    if pobj is not None:
                        actor = coded_actor(doc, pobj) or next(
                            (a for a in (coded_actor(doc, m) for m in kids(pobj) if m.dep_ in MODIFIER_DEPS)
                             if a is not None), None)
                        if actor is not None:
                            return actor.id
    return None


def actors_of(doc: Doc, token: Token | None, modifiers: bool = True) -> list[str]:
    """The actors a noun phrase names, one per conjunct ("Russia and China"), and one per
    conjoined modifier ("Hungarian and Romanian officials", "Cameroon and C.A.R. officials")."""
    if token is None:
        return []
    found = doc_lookup(doc).actor_memo("event_roles.actors_of")
    key = (token.i, modifiers)
    got = found.get(key)
    if got is None:
        got = found[key] = tuple(_actors_of(doc, token, modifiers))
    return list(got)


def _actors_of(doc: Doc, token: Token, modifiers: bool) -> list[str]:
    out: list[str] = []
    for t in conjuncts(token):
        a = actor_of_phrase(doc, t, modifiers)
        if a is not None and a not in out:
            out.append(a)
        if a is None and not modifiers:
            continue
        if a is not None:
            out.extend(x for x in placed_groups(doc, t, a) if x not in out)
        for m in kids(t):
            if m.dep_ not in MODIFIER_DEPS or m.i > t.i or not any(c.dep_ == "conj" for c in kids(m)):
                continue
            for part in conjuncts(m):
                actor = coded_actor(doc, part)
                if actor is not None and actor.id not in out:
                    out.append(actor.id)
    return out


def is_media(doc: Doc, actor_id: str) -> bool:
    """Is the actor the news media (sector MED: "VOA", "Reuters")?"""
    actor = actor_by_id(doc, actor_id)  # the first actor with that id, from the Doc's index
    return actor is not None and (actor.code or "")[3:].startswith("MED")
