"""The actors stage: mentions in the text -> coded actors on ``doc._.mentions`` / ``doc._.actors``.

Steps, each a small function over :class:`~wirecoder.stages.actor_records.Found` records:

1. find mentions (knowledge-base names, people with titles and appositions, role groups);
2. join names to earlier names (surnames) and to office holders in the knowledge base;
3. code people from the knowledge base on the article's date (the text's own title wins);
4. join "the president", "the authority" to earlier mentions;
5. give institutions without a country the story's country (sentence, neighbours, article,
   dateline) and possessors their owner's country ("Maduro's government");
6. join short names the story defines in brackets ("the Haitian National Police (HNP)") and
   pronouns to the last compatible subject;
7. assemble actors (ids in order of first mention) and mentions (exact char spans).
"""
from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from itertools import compress

from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc

from ..doc import Trace, article_of, doc_lookup, ents_in, sentence_of
from ..knowledge.names import fold, name_key
from ..knowledge.records import join_code
from ..records import Actor, Mention
from ..resources import Resources
from .coref import link_abbreviations, link_anaphors, link_names, link_pronouns, link_roles
from .actor_records import Found, metadata_tokens, pos_ids, span_text
from .mentions import MentionFinder

log = logging.getLogger(__name__)

_VERBS = frozenset((VERB, AUX))  # ``token.pos`` ids: no string is made

RANK = {"title": 0, "apposition": 0, "knowledge": 1, "metonym": 1, "coreference": 2, "context": 3, None: 4}
SAME_SENTENCE, NEIGHBOUR, ARTICLE, DATELINE = 3.0, 1.0, 0.25, 1.0
OUTSIDERS = ("ELI", "EDU", "NGO", "MED")  # analysts, scholars, activists, journalists: often foreign


def _former_titled(f: Found) -> bool:
    """"former President X", "ex-premier X": a former office holder by the title before the name."""
    return f.former and f.kind == "title" and f.resolved_by == "title"


PARTY_NOUNS = ("leader", "side", "party", "country", "nation", "government")  # "the leaders", "the two sides"
NATION_NOUNS = ("nation", "country", "state", "republic", "kingdom")  # "the central African nation"


class ActorsStage:
    """Sets ``doc._.mentions`` and ``doc._.actors``."""

    name = "actors"

    def __init__(self, resources: Resources) -> None:
        self.kb = resources.knowledge
        self.finder = MentionFinder(self.kb)
        # the nouns of a court or its proceedings ("trial", "court")
        self._venues = frozenset(r.role for r in self.kb.roles if r.kind == "venue" or r.sector == "JUD"
                                 and not r.person and r.kind == "strong")

    def __call__(self, doc: Doc) -> Doc:
        date = article_of(doc).published
        metadata = metadata_tokens(doc)

        def allowed(i: int) -> bool:
            return i not in metadata  # the headline is news, the byline, dateline and credits are not

        found, _ = self.finder.find(doc)
        found = link_names(doc, found, self.kb, date, allowed)
        found = self._knowledge(found, date)
        found = link_roles(found)
        found = link_anaphors(doc, found)
        found = self._shared_places(found)
        found = self._context(doc, found)
        found = link_abbreviations(doc, found)
        found = link_pronouns(doc, found, allowed)
        actors, mentions = self._assemble(doc, found)
        doc._.mentions = mentions
        doc._.actors = actors
        doc._.trace = tuple(doc._.trace) + tuple(self._trace(doc, a) for a in actors)
        return doc

    def _trace(self, doc: Doc, actor: Actor) -> Trace:
        """One line for `wirecoder explain`, tied to the sentence of the actor's first mention."""
        sent = sentence_of(doc, actor.mentions[0][0]) if actor.mentions else None
        span = (sent.start_char, sent.end_char) if sent is not None else (0, 0)
        return Trace(self.name, span, f"{actor.id} {actor.name!r} {actor.code or '-'} "
                                      f"({actor.resolved_by or 'uncoded'}), {len(actor.mentions)} mention(s)")

    # --- step 3: people from the knowledge base ------------------------------------------------
    def _knowledge(self, found: list[Found], date: dt.date | None) -> list[Found]:
        known: dict[str, Found] = {}
        renamed: dict[str, str] = {}
        out = []
        for f in found:
            old_key = f.key
            if f.actor_kind == "person" and f.key.startswith("person:") and f.kind in ("name", "title"):
                at = self.kb.person_at(f.name, date)
                if at is None and " " not in f.name:  # "President Obama": the only holder of that surname
                    holders = self.kb.surname_holders(f.name, date)
                    if len(holders) == 1:
                        at = self.kb.person_at(holders[0].name, date)
                        f = f.with_(name=holders[0].name, key="person:" + name_key(holders[0].name))
                    elif f.former and f.role:
                        f = self._former_holder(f, date)
                elif at is None:  # "Recep Erdogan": the holder's surname and some of his other names
                    holder = self._holder_by_parts(f.name, date)
                    if holder is not None:
                        at = self.kb.person_at(holder.name, date)
                        f = f.with_(name=holder.name, key="person:" + name_key(holder.name))
                if at is not None:
                    if f.resolved_by in ("title", "apposition"):
                        # the text's own title wins; the knowledge base fills in the country
                        if f.country is None:
                            f = f.with_(country=at.country)
                    elif f.resolved_by != "coreference" or f.country is None:
                        f = f.with_(country=at.country, sector=at.sector, resolved_by="knowledge",
                                    role=at.role if at.current else None)
            if f.key != old_key:
                renamed.setdefault(old_key, f.key)
            out.append(f)
            known.setdefault(f.key, f)
        # the apposition of a renamed person ("Gbagbo, a former president,") follows the name
        return [f.with_(key=renamed[f.key]) if f.key in renamed and f.actor_kind == "person" else f for f in out]

    def _holder_by_parts(self, name: str, date: dt.date | None):
        """The one office holder whose surname ends ``name`` and whose names hold every other word
        of it ("Latif Rashid" is Abdul Latif Rashid; "Haroon Rashid" is nobody known)."""
        words = name.split()
        holders = self.kb.surname_holders(words[-1], date)
        if len(holders) != 1:
            return None
        own = {fold(w) for n in (holders[0].name, *holders[0].aliases) for w in n.replace("-", " ").split()}
        return holders[0] if all(fold(w) in own for w in words[:-1]) else None

    def _former_holder(self, f: Found, date: dt.date | None) -> Found:
        """"former President Gbagbo": the one person of that surname who held exactly that role
        (the title's last words, after "former"/"ex-" and a country, are the whole role)."""
        words = f.role.lower().replace("ex-", "").split()
        for n in range(min(4, len(words)), 0, -1):
            role = " ".join(words[-n:])
            holders = self.kb.former_holders(f.name, role, date)
            if len(holders) == 1:
                p = holders[0]
                return f.with_(name=p.name, key="person:" + name_key(p.name), country=f.country or p.country)
        return f

    # --- step 5: the story's country ------------------------------------------------------------
    def _shared_places(self, found: list[Found]) -> list[Found]:
        """A capital's name that other countries' cities share ("Tripoli": Libya, Lebanon) is the
        city of the country the story is about when the text never names the capital's own
        country and names exactly one of the others most: then it is that country's city, not a
        government metonym."""
        shared = {f.name: self.kb.place_countries(f.name) for f in found
                  if f.actor_kind == "metonym" and f.resolved_by == "metonym" and f.key.startswith("metonym:")}
        shared = {k: v for k, v in shared.items() if len(v) > 1}
        if not shared:
            return found
        places = [f for f in found if f.actor_kind == "metonym" and f.name in shared]
        # a group placed by the city ("militias in Tripoli") is no evidence of its own
        placed = {id(f): p for f in found for p in places
                  if "@" in f.key and f.end <= p.start <= f.end + 2 and f.country == p.country}
        named = Counter(f.country for f in found if f.country and f not in places and id(f) not in placed
                        and self.kb.country(f.country) and not f.context)
        moved: dict[int, str] = {}
        for p in places:
            where = shared[p.name]
            if named[where[0]] == 0:
                best = sorted(((named[c], c) for c in where[1:] if named[c]), reverse=True)
                if best and (len(best) == 1 or best[0][0] > best[1][0]):
                    moved[id(p)] = best[0][1]
        out = []
        for f in found:
            if id(f) in moved:
                c = moved[id(f)]
                f = f.with_(country=c, sector=None, key=f"place:{name_key(f.name)}:{c}",
                            actor_kind="region", resolved_by="context")
            elif id(f) in placed and id(placed[id(f)]) in moved:
                c = moved[id(placed[id(f)])]
                f = f.with_(country=c, key=f.key.rsplit("@", 1)[0] + "@" + c)
            out.append(f)
        return out

    # --- the story's country, for mentions without one ------------------------------------------------------------
    def _context(self, doc: Doc, found: list[Found]) -> list[Found]:
        lookup = doc_lookup(doc)
        toks, pos = lookup.tokens, pos_ids(doc)
        # a verbless fragment (a crosshead: "Recent attacks") counts with the sentence after it
        groups, g = [], 0
        for sent in lookup.sents:
            groups.append(g)
            if not _VERBS.isdisjoint(pos[sent.start:sent.end]):
                g += 1

        def sentence(i: int) -> int:
            return groups[lookup.sentence_index_of_token(i)]

        coded_keys: dict[str, str] = {}
        first_coded: dict[str, int] = {}  # key -> token of its first mention with a country
        evidence: list[tuple[int, str, int | None]] = []
        for f in found:
            if f.country and self.kb.country(f.country) and not f.context and not f.key.startswith("people:"):
                # a people ("Uyghurs held in Thailand") often lives away from its country: no
                # evidence of where the story is
                coded_keys.setdefault(f.key, f.country)
                first_coded.setdefault(f.key, f.start)
                verb = _destination(doc, f) if f.actor_kind == "country" else None
                evidence.append((sentence(f.start), f.country, verb))
        article = article_of(doc)
        dateline = self.kb.place_country(article.dateline.place) if article.dateline else None
        overall = Counter(c for _, c, _ in evidence)
        near: dict[int, list[int]] = {}  # sentence -> indexes of the evidence in it
        for e, (n, _, _) in enumerate(evidence):
            near.setdefault(n, []).append(e)
        by_token = {}
        for f in found:
            for k in range(f.start, f.end):
                by_token[k] = f

        known: dict[int, str | None] = {}  # sentence -> its story country, when the mention does not count

        def story_country(i: int) -> str | None:
            k = sentence(i)
            if k in known:
                return known[k]
            got = _story_country(i, k)
            # the answer depends on the mention itself only through a destination verb in its sentence
            if all(evidence[e][2] is None for e in near.get(k, ())):
                known[k] = got
            return got

        def _story_country(i: int, k: int) -> str | None:
            score: Counter = Counter()
            local: Counter = Counter()  # a tie goes to the country nearest the mention
            for e in sorted(near.get(k - 1, []) + near.get(k, []) + near.get(k + 1, [])):
                n, c, verb = evidence[e]
                if n == k and verb is not None and (verb == -1 or _governor(doc, i) in _movers(doc, verb)):
                    continue  # "the government sent soldiers into Somalia": where they went, not whose
                if n == k:
                    score[c] += SAME_SENTENCE
                    local[c] += SAME_SENTENCE
                elif abs(n - k) == 1:
                    score[c] += NEIGHBOUR
                    local[c] += NEIGHBOUR
            for c, m in overall.items():
                score[c] += ARTICLE * m
            if dateline:
                score[dateline] += DATELINE
            return max(score, key=lambda c: (score[c], local[c])) if score else None

        # a former office holder titled in front of the name ("former prime minister X": ELI by
        # "former") is the story's own, unlike an analyst, an activist or "a former official"
        outsiders = {f.key for f in found if f.sector in OUTSIDERS and f.actor_kind == "person"
                     and not _former_titled(f)}
        own_place: dict[str, str] = {}
        for f in found:
            if f.country is None and f.key not in own_place:
                c = self._place_in(doc, f)
                if c:
                    own_place[f.key] = c
        out = []
        owned: dict[str, str] = {}  # key -> the country of its first named possessor ("Chad's")
        for f in found:
            if _region_nation(doc, f):
                # "the central African nation", "the Gulf state": the story's country just named
                c = story_country(f.start)
                if c:
                    f = f.with_(end=f.end + 1, kind="country", actor_kind="country", key="country:" + c,
                                name=self.kb.country_name(c) or c, country=c, sector=None, resolved_by="context")
            if f.country is None and f.possessor is not None:
                owner = by_token.get(f.possessor)
                country = owner.country if owner is not None else None
                if owner is None and toks[f.possessor].tag_ == "PRP$":
                    country = self._pronoun_owner(doc, f.possessor, found)
                if country and country not in ("IGO", "NGO"):
                    if owner is not None and owned.setdefault(f.key, country) != country:
                        # "Sudan's army and South Sudan's army": two owners, two actors
                        f = f.with_(key=f"{f.key}@{country}")
                    f = f.with_(country=country, resolved_by="coreference", context=False)
            if f.country is None and (f.context or f.actor_kind == "person" and f.key.startswith("person:")
                                      and (f.sector not in OUTSIDERS or _former_titled(f)) and f.key not in outsiders):
                ahead = story_country(f.start) if first_coded.get(f.key, -1) > f.start \
                    and f.actor_kind != "person" else None
                if f.key in coded_keys and ahead not in (None, coded_keys[f.key]):
                    # "In Chad, ... the government ..." before "the UK government": a bare role
                    # refers back, never forward to another country's body of the same name
                    f = f.with_(country=ahead, key=f"{f.key}@{ahead}", resolved_by="context")
                elif f.key in coded_keys:
                    f = f.with_(country=coded_keys[f.key], context=False, resolved_by=f.resolved_by or "coreference")
                elif f.sector == "JUD" and (c := self._court_place(doc, f)):
                    # "prosecutors" in a New York court story: the court sits where the text puts it
                    f = f.with_(country=c, context=False, resolved_by="context")
                elif f.key in own_place:
                    # "a Texas prosecutor", "president of the Houston Restaurant Association":
                    # the place in the actor's own words beats the story's country
                    f = f.with_(country=own_place[f.key], context=False, resolved_by="title")
                elif _several_parties(doc, f, found):
                    f = f.with_(context=False)  # "both leaders", "the two sides": no one country
                else:
                    c = story_country(f.start)
                    if c:
                        f = f.with_(country=c, resolved_by="context")
            out.append(f)
        return out

    def _place_in(self, doc: Doc, f: Found) -> str | None:
        """The country of a known place (city, U.S. state) named inside a mention's own words,
        outside the person's name: "Houston" in "president of the Houston Restaurant Association"."""
        if f.kind not in ("title", "role", "group", "name") or f.end - f.start < 2:
            return None
        toks = doc_lookup(doc).tokens
        for i in range(f.start, f.end):
            tok = toks[i]
            if tok.pos_ != "PROPN" or not tok.is_alpha or not tok.text[:1].isupper() or tok.ent_type_ == "PERSON":
                continue
            for n in (3, 2, 1):
                if i + n <= f.end and all(toks[k].ent_type_ != "PERSON" for k in range(i, i + n)):
                    c = self.kb.place_country(span_text(doc, i, i + n))
                    if c:
                        return c
        return None

    def _court_place(self, doc: Doc, f: Found) -> str | None:
        """Where the court sits: the place the story last named on a court or its proceedings
        ("a trial in New York", "Manhattan federal court"), else the nearest known place (city,
        U.S. state) spaCy marks in a judicial mention's sentence or the one before."""
        toks = doc_lookup(doc).tokens
        venue = self._venue_place(doc, f.start)
        if venue:
            return venue
        sent = toks[f.start].sent
        before = toks[sent.start - 1].sent if sent.start > 0 else None
        for span in (sent, before):
            if span is None:
                continue
            ents = sorted((e for e in ents_in(span) if e.label_ in ("GPE", "LOC", "FAC")),
                          key=lambda e: abs(e.start - f.start))
            for e in ents:
                c = self.kb.place_country(e.text)
                if c:
                    return c
        return None

    def _venue_place(self, doc: Doc, end: int) -> str | None:
        """The country of the last place named on a court or its proceedings before token ``end``
        (its sentence included): "at a trial *in* New York", "*Manhattan* federal court"."""
        venues = self._venues
        lookup = doc_lookup(doc)
        toks, lemmas, pos = lookup.tokens, lookup.lemmas, pos_ids(doc)
        stop = toks[end].sent.end
        for k in reversed(list(compress(range(stop), map(venues.__contains__, lemmas[:stop])))):
            if pos[k] != NOUN:
                continue
            tok = toks[k]
            places = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                      for g in c.children if g.dep_ == "pobj"]
            places += [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
            for p in places:
                span = doc[p.left_edge.i:p.i + 1] if p.dep_ == "pobj" else doc[p.i:p.i + 1]
                words = [t for t in span if t.pos_ == "PROPN"]
                c = self.kb.place_country(" ".join(t.text for t in words)) if words else None
                if c:
                    return c
        return None

    def _pronoun_owner(self, doc: Doc, i: int, found: list[Found]) -> str | None:
        """The country of "his"/"its" in "his opposition rival": the nearest earlier coded subject."""
        toks = doc_lookup(doc).tokens
        low = toks[i].lower_
        for f in reversed([f for f in found if f.end <= i]):
            if not f.country:
                continue
            if low in ("his", "her") and f.actor_kind == "person":
                return f.country
            if low in ("its", "their") and f.actor_kind != "person":
                return f.country
        return None

    # --- step 7: actors and mentions ----------------------------------------------------------
    def _assemble(self, doc: Doc, found: list[Found]) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
        toks = doc_lookup(doc).tokens
        text = doc_lookup(doc).text
        groups: dict[str, list[Found]] = {}
        for f in sorted(found, key=lambda f: f.start):
            groups.setdefault(f.key, []).append(f)
        actors = []
        mentions = []
        for n, (key, fs) in enumerate(groups.items(), 1):
            aid = f"A{n}"
            ranked = sorted(fs, key=lambda f: RANK.get(f.resolved_by, 4))
            country = next((f.country for f in ranked if f.country), None)
            best = next((f for f in ranked if f.country == country), ranked[0])
            sector = best.sector if best.country else next((f.sector for f in ranked if f.sector), None)
            if sector is None:
                sector = next((f.sector for f in ranked if f.sector and f.country in (None, country)), None)
            role = next((f.role for f in ranked if f.role), None)
            first = next((f for f in fs if f.kind != "pronoun"), fs[0])
            name = first.name
            if first.actor_kind in ("group", "organisation", "igo") and not key.startswith(("person:", "country:")):
                name = _display(doc, first)
            spans = []
            for f in fs:
                start, end = toks[f.start].idx, toks[f.end - 1].idx + len(toks[f.end - 1].text)
                spans.append((start, end))
                mentions.append(Mention((start, end), aid, text[start:end], f.kind))
            code = join_code(country, sector)
            actors.append(Actor(
                id=aid, name=name, code=code, country=country if country not in ("IGO", "NGO") else country,
                sector=sector if code and len(code) > 3 else None, role=role, kind=first.actor_kind,
                mentions=tuple(sorted(set(spans))), resolved_by=best.resolved_by if code else None,
                note=next((f.note for f in fs if f.note), None)))
        mentions.sort(key=lambda m: (m.span[0], -m.span[1]))
        return tuple(actors), tuple(mentions)


ARRIVAL_VERBS = frozenset({"arrive", "land"})  # "arrived in X": the traveller's destination


def _destination(doc: Doc, f: Found) -> int | None:
    """The verb whose movers a country is only the destination of: "sent soldiers into Somalia",
    "deployed troops to Mali". The subject and object of that verb are not of that country;
    -1 for "Somalia-based", a cue for no other actor in its sentence."""
    toks = doc_lookup(doc).tokens
    tok = toks[f.end - 1]
    if tok.dep_ == "pobj" and tok.head.lower_ in ("into", "to", "toward", "towards") and \
            tok.head.head.pos_ == "VERB":
        return tok.head.head.i
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.head.head.lemma_ in ARRIVAL_VERBS:
        return tok.head.head.i  # "after arriving in Canada": where the traveller went, not whose
    if tok.dep_ == "npadvmod" and tok.head.lower_ == "based":
        return -1  # "Somalia-based al-Shabab": where a group sits, no cue for anyone else
    return None


def _governor(doc: Doc, i: int) -> int:
    """The word a mention starting at token ``i`` hangs on ("Li Wenbo was detained" -> detained)."""
    toks = doc_lookup(doc).tokens
    tok = toks[i]
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i


def _movers(doc: Doc, verb: int) -> tuple[int, ...]:
    """The verbs whose subject moves by ``verb``: itself, and the verb a subject-less adverbial
    clause hangs on ("*After arriving* in Canada, she *was detained*")."""
    toks = doc_lookup(doc).tokens
    v = toks[verb]
    if v.dep_ in ("advcl", "pcomp", "xcomp") and not any(c.dep_.startswith("nsubj") for c in v.children):
        head = v.head.head if v.dep_ == "pcomp" else v.head   # "after arriving": pcomp of "after"
        return verb, head.i
    return (verb,)


def _several_parties(doc: Doc, f: Found, found: list[Found]) -> bool:
    """A generic plural for several parties: "both leaders", "the two sides", or "the leaders"
    when its sentence or the one before names two or more countries."""
    if f.actor_kind != "group" or f.kind == "pronoun" or f.country is not None:
        return False
    toks = doc_lookup(doc).tokens
    head = toks[f.end - 1]
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    words = {t.lower_ for t in head.children}
    if words & {"both", "two", "three", "all"} or head.lemma_.lower() in PARTY_NOUNS and "the" in words:
        if "both" in words or words & {"two", "three"} and head.lemma_.lower() in PARTY_NOUNS:
            return True  # "both groups", "the two sides"; not "the top two militant groups"
        sent = head.sent
        first = toks[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = {g.country for g in found if g.country and g is not f and first <= g.start < sent.end}
        return len(named) >= 2
    return False


def _region_nation(doc: Doc, f: Found) -> bool:
    """A region's demonym before "nation"/"country" with "the": "the central African nation"."""
    if f.actor_kind != "region" or f.kind != "demonym" or f.end >= len(doc):
        return False
    noun = doc_lookup(doc).tokens[f.end]
    if noun.lemma_.lower() not in NATION_NOUNS and noun.lower_ not in NATION_NOUNS:
        return False
    return any(t.lower_ == "the" and t.dep_ == "det" for t in noun.children)


def _display(doc: Doc, f: Found) -> str:
    """The name a group is shown by: its words without a leading article."""
    start = f.start
    if f.end - start > 1 and doc_lookup(doc).tokens[start].lower_ in ("the", "a", "an"):
        start += 1
    return span_text(doc, start, f.end)
