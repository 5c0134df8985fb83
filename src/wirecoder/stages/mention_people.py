"""People in the text: a name with its title or apposition, bare names that are no person,
and capitalised names spaCy did not label.

Functions over a parsed ``Doc``; roles come from
:class:`~wirecoder.stages.mention_roles.RoleBook`, titles and appositions from
:mod:`~wirecoder.stages.mention_titles`.
"""
from __future__ import annotations

from itertools import compress

from spacy.symbols import PROPN
from spacy.tokens import Doc

from ..doc import doc_lookup
from ..knowledge.names import name_key
from .actor_records import Found, Hit, person_name, pos_ids, span_text, title_text
from .mention_roles import RoleBook
from .mention_titles import apposition, fronted_role, stated_nationality, title_start

SPEECH = frozenset("say tell add state announce write note warn claim explain insist argue".split())
NAME_ENTS = ("", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC")
PLACE_ENTS = ("GPE", "LOC", "FAC", "EVENT")
PLACE_PREPS = frozenset("in into inside outside near across throughout".split())  # "flew into JFK"


def person(roles: RoleBook, doc: Doc, s: int, t: int, hit: Hit | None, hits: dict[int, Hit]) -> list[Found]:
    """The person named by tokens ``[s, t)`` (``hit`` when the knowledge base knows them), coded
    from the title in front or the apposition after; the apposition is a mention of its own."""
    name = span_text(doc, s, t) if hit is None else person_name(hit)
    base = Found(s, t, "name", "person", "person:" + name_key(name), name)
    out = []
    ts = title_start(roles, doc, s, hits)
    if ts < s:
        coding = roles.code_words(doc, ts, s, hits, roles.last_role(doc, ts, s))
        if coding.country or coding.sector:
            base = base.with_(start=ts, kind="title", country=coding.country, sector=coding.sector,
                              role=title_text(doc, ts, s), resolved_by="title", former=coding.former)
            if coding.country is None and ts >= 2 and doc_lookup(doc).tokens[ts - 1].tag_ == "POS":
                # "Niger's ambassador Brah Ali": the owner's country, not the story's
                base = base.with_(possessor=ts - 2)
    if ts == s and (fs := fronted_role(roles, doc, s, hits)) is not None:
        # "Kenya's health minister, Jane Doe,": the role the name is in apposition to codes it
        coding = roles.code_words(doc, fs, s - 1, hits, roles.last_role(doc, fs, s - 1))
        if coding.country or coding.sector:
            base = base.with_(country=coding.country, sector=coding.sector, role=title_text(doc, fs, s - 1),
                              resolved_by="apposition", former=coding.former)
            if coding.country is None and fs >= 2 and doc_lookup(doc).tokens[fs - 1].tag_ == "POS":
                base = base.with_(possessor=fs - 2)
            out.append(Found(fs, s - 1, "title", "person", base.key, name))
    appos = apposition(roles, doc, t, hits)
    if appos is not None:
        a_start, a_end, coding = appos
        if (base.resolved_by is None or base.country is None and coding.country) and \
                (coding.country or coding.sector):
            base = base.with_(country=coding.country, sector=coding.sector, resolved_by="apposition",
                              role=coding.role, former=coding.former)
        out.append(Found(a_start, a_end, "title", "person", base.key, name))
    elif (nation := stated_nationality(doc, t, hits)) is not None:
        # ", who is Azerbaijani,": the person's own nationality, never the story's country
        n_start, n_end, country = nation
        base = base.with_(country=country, resolved_by=base.resolved_by or "apposition")
        out.append(Found(n_start, n_end, "title", "person", base.key, name))
    elif hit is None and base.resolved_by is None and not_person(roles, doc, s, t):
        return []
    return [base, *out]


def not_person(roles: RoleBook, doc: Doc, s: int, t: int) -> bool:
    """A bare name (no title, apposition or knowledge) that names a place or an event:
    spaCy calls it a place, it is a known city, it follows "Cyclone"/"Operation", it is the
    object of "in"/"into"/"near" ("camps in Kakuma", "flew into JFK"), or it only modifies a
    noun that is no role ("Jim Crow laws")."""
    lookup = doc_lookup(doc)
    toks, folded = lookup.tokens, lookup.folded
    span = toks[s:t]
    if any(tok.ent_type_ in PLACE_ENTS for tok in span) and not any(tok.ent_type_ == "PERSON" for tok in span):
        return True
    if roles.kb.place_country(span_text(doc, s, t)) is not None:
        return True
    folded = doc_lookup(doc).folded
    words = folded[s:t]
    for ev in roles.event_words:
        n = len(ev)
        if words[:n] == ev and t - s > n or s >= n and folded[s - n:s] == ev:
            return True
    if _named_event_before(roles, doc, s, words):
        return True
    last = toks[t - 1]
    while last.dep_ == "conj" and last.head.i < s:  # "in Dadaab and Kakuma camps"
        last = last.head
    if last.dep_ == "pobj" and last.head.lower_ in PLACE_PREPS:
        return True
    head = last.head
    if last.dep_ in ("compound", "nmod") and head.i > last.i and head.pos_ == "NOUN" and roles.role_at(doc, head.i) is None:
        return True
    return False


def _named_event_before(roles: RoleBook, doc: Doc, s: int, words: tuple[str, ...]) -> bool:
    """The name was given earlier after an event word: "Chido" after "Cyclone Chido" is the
    cyclone again, not a person."""
    lookup = doc_lookup(doc)
    folded = lookup.folded
    memo = lookup.memo.get("people.named_events")
    if memo is None:
        # the tokens right after each event word, by their folded text, in text order;
        # then per name, the first place it follows an event word
        by_first = roles.event_words_by_first
        after: dict[str, list[int]] = {}
        for p in compress(range(len(folded)), map(by_first.__contains__, folded)):
            for ev in by_first[folded[p]]:
                q = p + len(ev)
                if folded[p:q] == ev and q < len(folded):
                    after.setdefault(folded[q], []).append(q)
        memo = (after, {})
        lookup.memo["people.named_events"] = memo
    after, first_at = memo
    if not words:
        return False
    if words not in first_at:
        size = len(words)
        first_at[words] = min((q for q in after.get(words[0], ()) if folded[q:q + size] == words),
                              default=None)
    q = first_at[words]
    return q is not None and q + len(words) <= s


def unlabelled_names(roles: RoleBook, doc: Doc, people, hits: list[Hit], skip) -> list[tuple[int, int]]:
    """Runs of 2-4 capitalised proper nouns spaCy did not call a person, that say something
    or carry an apposition ("Imran Hayat, the railway superintendent, told VOA")."""
    taken = {k for s, t, _ in people for k in range(s, t)} | {k for h in hits for k in range(h.start, h.end)}
    out = []
    toks = doc_lookup(doc).tokens
    pos = pos_ids(doc)
    n = len(toks)
    i = 0
    for start in [k for k, p in enumerate(pos) if p == PROPN]:  # a run starts at a proper noun
        if start < i:
            continue
        i = j = start
        while j < n and j - i < 4 and pos[j] == PROPN and toks[j].text[:1].isupper() \
                and toks[j].ent_type_ in NAME_ENTS + ("ORG",) and j not in taken and toks[j].is_alpha:
            j += 1
        if j - i >= 2 and not skip(i):
            last = toks[j - 1]
            labelled = all(toks[k].ent_type_ in NAME_ENTS for k in range(i, j))
            speaks = last.dep_ in ("nsubj", "nsubjpass") and last.head.lemma_ in SPEECH
            appos = j < n and toks[j].text == "," and any(c.dep_ == "appos" for c in last.children)
            if labelled and (speaks or appos) or after_title(roles, doc, i, hits):
                out.append((i, j))
        i = max(j, i + 1)
    return out


def after_title(roles: RoleBook, doc: Doc, i: int, hits: list[Hit]) -> bool:
    """True when a one-person role ends just before token ``i`` ("envoy for Syria | Geir ...")."""
    lookup = doc_lookup(doc)
    toks, folded = lookup.tokens, lookup.folded
    k = i - 1
    for h in hits:
        if h.end == i and h.start >= 2 and folded[h.start - 1] in ("for", "of"):
            k = h.start - 2
    if k < 0 or toks[k].text[:1].isupper() and toks[k].pos_ == "PROPN":
        return False
    r = roles.role_at(doc, k)
    return r is not None and r[0].person
