"""Finding mentions: knowledge-base names, people, titles, appositions and role groups.

:class:`MentionFinder` is built once from the knowledge base (an index of every name's
case- and diacritic-folded words by its first word, matched against the Doc's folded words
without building a second Doc, and a :class:`~wirecoder.stages.mention_roles.RoleBook`)
and turns a parsed ``Doc`` into
:class:`~wirecoder.stages.actor_records.Found` records: token spans with what the text
itself says about the actor (country, sector, role). The kinds of mention are found by
their own modules: people with their titles and appositions
(:mod:`~wirecoder.stages.mention_people`, :mod:`~wirecoder.stages.mention_titles`), role
groups and named bodies (:mod:`~wirecoder.stages.mention_groups`). Coreference and the
story's country come later (:mod:`wirecoder.stages.coref`, :mod:`wirecoder.stages.actors`).
"""
from __future__ import annotations

import re
from itertools import compress

import spacy
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc

from ..doc import article_of, doc_lookup
from ..knowledge import Entry, KnowledgeBase
from ..knowledge.names import fold, name_key
from .actor_records import (PERSON_KINDS, Found, Hit, case_ok, extend_particles, metadata_tokens, on_date, place_after,
                            pos_ids, rank, span_text, strip_the, trim_name)
from .mention_groups import group, inside_longer_org, named_mention
from .mention_people import person, unlabelled_names
from .mention_roles import RoleBook, lemma
from .mention_titles import STOP_TAGS

ETHNIC = frozenset(("ethnic",))  # "ethnic Albanians": a people named by a demonym, not its country
NAME_KINDS = ("country", "igo", "group", "metonym", "region", "capital")
PLACE_KINDS = ("country", "demonym", "capital", "region", "region_demonym")  # never a person by itself
_NOUN_IDS = (NOUN, PROPN)  # ``token.pos`` ids: no string is made
_DOTTED = re.compile(r"^(?:[a-z]\.){2,}$")


def _undotted(key: str) -> str:
    """A dotted abbreviation is also written without its final dot ("C.A.R." / "C.A.R")."""
    return " ".join(w[:-1] if _DOTTED.match(w) else w for w in key.split(" "))


class MentionFinder:
    """Built once per pipeline from the knowledge base; call :meth:`find` per doc."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._nlp = spacy.blank("en")
        self._index: dict[str, list[Entry]] = {}
        phrases: dict[str, list] = {}
        for entry in kb.entries():
            if not entry.phrase.strip():
                continue
            key = " ".join(fold(t.text) for t in self._nlp.make_doc(strip_the(entry.phrase)))
            for variant in dict.fromkeys((key, _undotted(key))):
                self._index.setdefault(variant, []).append(entry)
                phrases.setdefault(variant, [])
        # first folded word -> lengths of the names it starts (longest first) and name words -> key
        self._starts: dict[str, tuple[int, ...]] = {}
        self._names: dict[tuple[str, ...], str] = {}
        for key in phrases:
            words = tuple(key.split(" "))
            self._names[words] = key
            self._starts[words[0]] = tuple(sorted({*self._starts.get(words[0], ()), len(words)}, reverse=True))
        self.roles = RoleBook(kb, self._nlp)
        self._case_fit: dict[tuple[str, str], tuple[Entry, ...]] = {}

    def hits(self, doc: Doc) -> list[Hit]:
        """Knowledge-base names in ``doc``, longest first, not overlapping, case-checked."""
        lookup = doc_lookup(doc)
        toks, text = lookup.tokens, lookup.text
        folded = lookup.folded
        # a word that folds to nothing is matched as written
        words = [w or lookup.texts[i] for i, w in enumerate(folded)] if "" in folded else folded
        starts, names, n = self._starts, self._names, len(words)
        found = []
        # only the words that start a name are tried (the test runs in C over the whole Doc)
        for start in compress(range(n), map(starts.__contains__, words)):
            for size in starts[words[start]]:
                end = start + size
                key = names.get(tuple(words[start:end])) if end <= n else None
                if key is not None:
                    last = toks[end - 1]
                    entries = self._entries(key, text[toks[start].idx:last.idx + len(last)])
                    if entries:
                        found.append(Hit(start, end, entries))
        found.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken: set[int] = set()
        out = []
        for h in found:
            if not taken.intersection(range(h.start, h.end)):
                taken.update(range(h.start, h.end))
                out.append(h)
        return sorted(out, key=lambda h: h.start)

    def _entries(self, key: str, text: str) -> tuple[Entry, ...]:
        """The entries of the matched key whose case fits ``text`` (the span as written), ranked;
        found once per (key, text) however often a name recurs (bounded: memory stays flat)."""
        got = self._case_fit.get((key, text))
        if got is None:
            if len(self._case_fit) >= 1 << 16:
                self._case_fit.clear()
            entries = tuple(e for e in self._index.get(key, ()) if case_ok(e.phrase, text))
            got = self._case_fit[(key, text)] = rank(entries) if entries else ()
        return got

    def _ethnic_group(self, doc: Doc, h: Hit, f: Found) -> Found:
        """"ethnic Albanians in south Serbia": civilians (CVL) of the country where the group
        lives, the place after "in", else the story's country (filled in later), never the
        demonym's own country."""
        toks = doc_lookup(doc).tokens
        country = None
        if h.end < len(doc) and toks[h.end].lower_ == "in":
            for i in range(h.end + 1, min(h.end + 5, len(doc))):
                tok = toks[i]
                if tok.pos_ == "PROPN" and tok.text[:1].isupper():
                    for n in (3, 2, 1):
                        country = self.kb.place_country(span_text(doc, i, i + n)) if i + n <= len(doc) else None
                        if country:
                            break
                    break
        demonym = span_text(doc, h.start, h.end)
        return f.with_(start=h.start - 1, kind="group", actor_kind="group",
                       key=f"ethnic:{f.country}:{country or 'context'}", name=f"ethnic {demonym}",
                       country=country, sector="CVL", resolved_by="title" if country else None,
                       context=country is None, plural=True)

    def _on_facility(self, doc: Doc, h: Hit) -> bool:
        """A country or demonym in front of a facility that is not its sentence's subject:
        "a French military base", "a joint Kenya-U.S. military base" (through the modifiers
        between them); the subject ("the U.S. base fired") stays an actor."""
        toks = doc_lookup(doc).tokens
        tok = toks[h.end - 1]
        while tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.i > tok.i and \
                tok.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            tok = tok.head
        for k in range(h.end, tok.i):  # "the Cambodian refugee camp": the people living there are the actor
            r = self.roles.role_at(doc, k)
            if r is not None and r[0].sector in ("REF", "CVL"):
                return False
        return tok.i >= h.end and lemma(tok) in self.roles.facility_nouns and \
            tok.dep_ not in ("nsubj", "nsubjpass")

    # --- the whole doc -----------------------------------------------------------------------
    def find(self, doc: Doc) -> tuple[list[Found], dict[int, Hit]]:
        """Every mention the text gives by itself (no coreference yet); names with dated
        entries (groups, people) take the entry valid on the article's date."""
        return self._find(doc, article_of(doc).published)

    def _find(self, doc: Doc, date) -> tuple[list[Found], dict[int, Hit]]:
        """Every mention the text gives by itself (no coreference yet)."""
        lookup = doc_lookup(doc)
        toks, text = lookup.tokens, lookup.text
        skip = metadata_tokens(doc).__contains__  # a token in the byline, dateline or credits

        hits = [on_date(h, date) for h in self.hits(doc) if not skip(h.start)]
        ents = [e for e in lookup.ents if e.label_ in ("PERSON", "ORG") and not skip(e.start)]
        # a personal name that contains a knowledge name ("Jordan" in "Michael Jordan") is a name
        # (without a possessive "'s" spaCy took in: "Papua New Guinea's" is the country's)
        person_spans = [(e.start, e.end - (toks[e.end - 1].tag_ == "POS")) for e in ents
                        if e.label_ == "PERSON" and len(e) > 1]
        person_at = {k: (s, e) for s, e in person_spans for k in range(s, e)}  # entities do not overlap
        hits = [h for h in hits if h.entry.kind in PERSON_KINDS
                or not ((p := person_at.get(h.start)) is not None and h.end <= p[1]
                        and (p[1] - p[0]) > (h.end - h.start))]
        hits = [h for h in hits if not inside_longer_org(doc, h, hits)]
        by_start = {h.start: h for h in hits}
        covered: set[int] = set()
        found: list[Found] = []
        owner: dict[int, Found] = {}  # token -> the found mention covering it (they never overlap)

        def add(f: Found) -> None:
            if covered.intersection(range(f.start, f.end)):
                return
            last = toks[f.end - 1]
            if not any(map(str.isalpha, text[toks[f.start].idx:last.idx + len(last)])):
                return  # an emoji, a symbol or a number names no actor
            covered.update(range(f.start, f.end))
            owner.update((k, f) for k in range(f.start, f.end))
            found.append(f)

        # people: knowledge-base names and spaCy's PERSON entities, each with its title
        people = [(h.start, h.end, h) for h in hits if h.entry.kind in PERSON_KINDS]
        people_tokens = {k for s, t, _ in people for k in range(s, t)}
        name_hit = {k: h for h in hits if h.entry.kind in NAME_KINDS for k in range(h.start, h.end)}
        for e in ents:
            if e.label_ == "PERSON" and (h := by_start.get(e.start)) is not None and h.entry.kind in PLACE_KINDS \
                    and h.end >= e.end - (toks[e.end - 1].tag_ == "POS"):
                continue  # "Papua New Guinean" taken for a person: the knowledge base's place
            if e.label_ == "PERSON" and not people_tokens.intersection(range(e.start, e.end)) and \
                    not ((h := name_hit.get(e.start)) is not None and e.end <= h.end):
                s, t = extend_particles(doc, *trim_name(doc, e.start, e.end))
                if t > s and not (t - s == 1 and s in by_start):
                    people.append((s, t, None))
                    people_tokens.update(range(s, t))
        people.extend((s, t, None) for s, t in unlabelled_names(self.roles, doc, people, hits, skip))
        for s, t, hit in sorted(people, key=lambda p: p[0]):
            for f in person(self.roles, doc, s, t, hit, by_start):
                add(f)
        # knowledge-base names other than people: countries, capitals, metonyms, bodies, groups
        in_name = {k for h in hits if h.entry.kind in NAME_KINDS for k in range(h.start, h.end)}
        role_heads: list[int] = []
        pos, deps, n = pos_ids(doc), lookup.deps, len(toks)
        roles = self.roles.roles_of(doc)
        for i in [i for i, p in enumerate(pos) if p in _NOUN_IDS]:
            if i in covered or skip(i):
                continue
            if i + 1 < n and pos[i + 1] in _NOUN_IDS and deps[i + 1] != "appos" \
                    and toks[i + 1].ent_type_ != "PERSON" and toks[i].tag_ not in STOP_TAGS:
                continue  # a modifier of the noun after it ("military drills", "police officers")
            if i in in_name:
                continue  # part of a knowledge-base name ("European Union", "Security Council")
            r = roles.get(i)
            if r is not None and r[0].kind != "modifier":
                role_heads.append(i)
        for i in role_heads:
            for f in group(self.roles, doc, i, by_start, covered):
                add(f)
        for h in hits:
            if h.entry.kind not in PERSON_KINDS:
                f = named_mention(doc, h)
                last = toks[h.end - 1]
                if f.actor_kind == "country" and last.dep_ in ("amod", "compound", "poss", "nmod") and \
                        lemma(last.head) in self.roles.place_nouns and last.head.i >= h.end:
                    # "shelled Iraqi towns", "Pakistan's Balochistan province": the people of a
                    # place, an actor apart from the country itself
                    f = f.with_(key="civilians:" + f.country, sector="CVL", name=f"people of {f.name}")
                elif f.actor_kind == "country" and self._on_facility(doc, h):
                    continue  # "the bombing of a French military base": a place, not France
                elif f.kind == "demonym" and f.actor_kind == "country" and h.start > 0 and \
                        toks[h.start - 1].lower_ in ETHNIC:
                    f = self._ethnic_group(doc, h, f)
                elif f.key.startswith("people:") and f.country is None:
                    # "Kurds in Syria": a people of several countries lives where the text puts it
                    where = place_after(doc, h.end - 1, by_start)
                    if where:
                        f = f.with_(country=where, resolved_by="title", context=False,
                                    key=f"{f.key}@{where}")
                add(f)
        # organisations spaCy knows and the knowledge base does not, coded from their own words
        for e in ents:
            if e.label_ != "ORG":
                continue
            # the found mentions overlapping the entity, through the token index
            overlapping = list({id(f): f for k in range(e.start, e.end) if (f := owner.get(k)) is not None}.values())
            inside = [f for f in overlapping if e.start <= f.start and f.end <= e.end]
            named = [f for f in inside if f.kind in ("country", "demonym")]
            astride = len(inside) != len(overlapping)
            if astride or len(named) != len(inside) or covered.intersection(range(e.start, e.end)) and not named:
                continue
            s, t = trim_name(doc, e.start, e.end)
            if t - s < 2 and not named or not toks[t - 1].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"):
                continue
            sector = self.roles.body_sector(doc, s, t)
            if named and (sector is None or len({f.country for f in named}) != 1):
                continue  # "Spanish" in an unknown "Spanish Foo Ltd": the demonym stays
            country = named[0].country if named else ("NGO" if sector == "NGO" else None)
            if not named and self.roles.is_igo_name(doc, s, t):
                country = "IGO"     # "the International Renewable Energy Agency"
            for f in named:
                found.remove(f)
                covered.difference_update(range(f.start, f.end))
                for k in range(f.start, f.end):
                    owner.pop(k, None)
            # "Peru's Ombudsman Office": the owner in front gives the country (actors stage)
            owner_at = s - 2 if country is None and s >= 2 and toks[s - 1].tag_ == "POS" else None
            add(Found(s, t, "name", "organisation", "org:" + name_key(span_text(doc, s, t)), span_text(doc, s, t),
                      country, sector, resolved_by="title" if country else None, possessor=owner_at))
        found.sort(key=lambda f: f.start)
        return found, by_start
