"""Finding mentions: knowledge-base names, people, titles, appositions and role groups.

:class:`MentionFinder` is built once from the knowledge base (one PhraseMatcher over
case- and diacritic-folded tokens, role tables) and turns a parsed ``Doc`` into
:class:`Found` records: token spans with what the text itself says about the actor
(country, sector, role). Coreference and the story's country come later
(:mod:`wirecoder.stages.coref`, :mod:`wirecoder.stages.actors`).
"""
from __future__ import annotations

import re
from dataclasses import replace

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..doc import article_of
from ..knowledge import Country, Entry, Igo, KnowledgeBase, Metonym, Region, Role
from ..knowledge.names import fold, name_key
from .actor_records import (Coding, Found, Hit, case_ok, extend_particles, entry_code, on_date, person_name, place_after, rank,
                            strip_the, title_text, trim_name)

STOP_TAGS = ("NNS", "NNPS")
TITLE_WORDS = frozenset("former ex- acting interim deputy vice senior top chief outgoing incoming late".split())
NOT_LOCAL = frozenset("foreign other international overseas outside".split())
VAGUE = frozenset("some many".split())  # "some analysts": maybe foreign; "some activists" stay local
DEFINITE = frozenset("the this that these those".split())
PERSON_KINDS = ("person", "learned")
NAME_KINDS = ("country", "igo", "group", "metonym", "region", "capital")
SPEECH = frozenset("say tell add state announce write note warn claim explain insist argue".split())
_DOTTED = re.compile(r"^(?:[a-z]\.){2,}$")
NAME_ENTS = ("", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC")
PLACE_ENTS = ("GPE", "LOC", "FAC", "EVENT")
PLACE_PREPS = frozenset("in into inside outside near across throughout".split())  # "flew into JFK"


def _lemma(tok: Token) -> str:
    return fold(tok.lemma_ or tok.text)


def _undotted(key: str) -> str:
    """A dotted abbreviation is also written without its final dot ("C.A.R." / "C.A.R")."""
    return " ".join(w[:-1] if _DOTTED.match(w) else w for w in key.split(" "))


class MentionFinder:
    """Built once per pipeline from the knowledge base; call :meth:`find` per doc."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._nlp = spacy.blank("en")
        self._matcher = PhraseMatcher(self._nlp.vocab)
        self._index: dict[str, list[Entry]] = {}
        phrases: dict[str, list] = {}
        for entry in kb.entries():
            if not entry.phrase.strip():
                continue
            key = " ".join(fold(t.text) for t in self._nlp.make_doc(strip_the(entry.phrase)))
            for variant in dict.fromkeys((key, _undotted(key))):
                self._index.setdefault(variant, []).append(entry)
                phrases.setdefault(variant, [])
        for key in phrases:
            self._matcher.add(key, [Doc(self._nlp.vocab, words=key.split(" "))])
        self._roles_by_last: dict[str, list[tuple[tuple[str, ...], Role]]] = {}
        self._place_nouns = frozenset(r.role for r in kb.roles if r.kind == "place")
        # words of an unknown organisation's name -> sector, later words first ("Research Council
        # on Human Rights" is NGO); the list keeps the data file's order
        self._body_words = tuple((r.words, r.sector) for r in kb.roles if r.kind == "body")
        # words that make the name after them an event ("Cyclone Chido", "Operation X")
        self._event_words = tuple(r.words for r in kb.roles if r.kind == "event")
        for role in kb.roles:
            if role.kind in ("place", "body", "event"):
                continue
            words = tuple(fold(t.text) for t in self._nlp.make_doc(role.role))
            self._roles_by_last.setdefault(words[-1], []).append((words, role))
        for roles in self._roles_by_last.values():
            roles.sort(key=lambda r: -len(r[0]))

    # --- knowledge-base names ----------------------------------------------------------------
    def hits(self, doc: Doc) -> list[Hit]:
        """Knowledge-base names in ``doc``, longest first, not overlapping, case-checked."""
        shadow = Doc(self._nlp.vocab, words=[fold(t.text) or t.text for t in doc])
        found = []
        for match_id, start, end in self._matcher(shadow):
            key = self._nlp.vocab.strings[match_id]
            entries = tuple(e for e in self._index.get(key, ()) if case_ok(e.phrase, doc[start:end].text))
            if entries:
                found.append(Hit(start, end, rank(entries)))
        found.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken: set[int] = set()
        out = []
        for h in found:
            if not taken.intersection(range(h.start, h.end)):
                taken.update(range(h.start, h.end))
                out.append(h)
        return sorted(out, key=lambda h: h.start)

    # --- roles -------------------------------------------------------------------------------
    def role_at(self, doc: Doc, i: int) -> tuple[Role, int] | None:
        """The longest role phrase ending at token ``i`` (and the index where it starts)."""
        tok = doc[i]
        best: tuple[Role, int] | None = None
        # the word as written first, then its lemma ("security forces" before "security force");
        # a fixed order, so the result never depends on hashing
        for form in dict.fromkeys((fold(tok.text), _lemma(tok))):
            for words, role in self._roles_by_last.get(form, ()):
                n = len(words)
                start = i - n + 1
                if start < 0:
                    continue
                if n == 1 or all(_lemma(doc[start + k]) == w or fold(doc[start + k].text) == w
                                 for k, w in enumerate(words[:-1])):
                    if best is None or start < best[1]:
                        best = (role, start)
                    break
        return best

    def code_words(self, doc: Doc, start: int, end: int, hits: dict[int, Hit],
                   head: tuple[Role, int] | None) -> Coding:
        """Country and sector of the words ``[start, end)`` whose head role is ``head``."""
        country = sector_mod = kb_sector = None
        countries: list[tuple[int, int, str]] = []
        former = field = False
        i = start
        stop = head[1] if head else end
        while i < stop:
            hit = hits.get(i)
            if hit is not None and i >= 2 and doc[i - 1].text == "-" and fold(doc[i - 2].text) in ("anti", "pro"):
                i = hit.end  # "anti-Syria journalist", "pro-Russian separatists": not that country's
                continue
            if hit is not None:
                c, s = entry_code(hit.entry)
                field = field or hit.entry.kind in ("country", "region")
                if c:
                    countries.append((hit.start, hit.end, c))
                    country = c
                if s:
                    kb_sector = s
                i = hit.end
                continue
            tok = doc[i]
            if fold(tok.text) in ("former", "ex"):
                former = True
            r = self.role_at(doc, i)
            if r is not None and r[1] >= start:
                sector_mod = r[0].sector
            i += 1
        role = head[0] if head else None
        if role is None:
            sector = sector_mod or kb_sector
        elif role.kind in ("strong", "expert"):
            sector = role.sector
        else:
            sector = sector_mod or kb_sector or role.sector or None
        if role is not None and role.kind == "expert" and field:
            country, countries = None, []  # "a Russia expert": the field, not the country
        if sector == "IGO":
            country, sector = "IGO", None
        if former and sector == "GOV":
            sector = "ELI"
        return Coding(country, sector, role.role if role else None,
                      role.words[-1] if role else None, former, tuple(countries))

    # --- the whole doc -----------------------------------------------------------------------
    def find(self, doc: Doc) -> tuple[list[Found], dict[int, Hit]]:
        """Every mention the text gives by itself (no coreference yet); names with dated
        entries (groups, people) take the entry valid on the article's date."""
        return self._find(doc, article_of(doc).published)

    def _find(self, doc: Doc, date) -> tuple[list[Found], dict[int, Hit]]:
        """Every mention the text gives by itself (no coreference yet)."""
        article = article_of(doc)
        headline = article.headline_span

        def skip(i: int) -> bool:
            c = doc[i].idx
            if headline and headline[0] <= c < headline[1]:
                return False
            return any(s <= c < e for s, e in article.metadata_spans)

        hits = [on_date(h, date) for h in self.hits(doc) if not skip(h.start)]
        ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG") and not skip(e.start)]
        # a personal name that contains a knowledge name ("Jordan" in "Michael Jordan") is a name
        person_spans = [(e.start, e.end) for e in ents if e.label_ == "PERSON" and len(e) > 1]
        hits = [h for h in hits if h.entry.kind in PERSON_KINDS
                or not any(s <= h.start and h.end <= e and (e - s) > (h.end - h.start) for s, e in person_spans)]
        hits = [h for h in hits if not self._inside_longer_org(doc, h, hits)]
        by_start = {h.start: h for h in hits}
        covered: set[int] = set()
        found: list[Found] = []

        def add(f: Found) -> None:
            if covered.intersection(range(f.start, f.end)):
                return
            covered.update(range(f.start, f.end))
            found.append(f)

        # people: knowledge-base names and spaCy's PERSON entities, each with its title
        people = [(h.start, h.end, h) for h in hits if h.entry.kind in PERSON_KINDS]
        for e in ents:
            if e.label_ == "PERSON" and not any(s < e.end and e.start < t for s, t, _ in people) and \
                    not any(h.start <= e.start and e.end <= h.end for h in hits if h.entry.kind in NAME_KINDS):
                s, t = extend_particles(doc, *trim_name(doc, e.start, e.end))
                if t > s and not (t - s == 1 and s in by_start):
                    people.append((s, t, None))
        people.extend((s, t, None) for s, t in self._unlabelled_names(doc, people, hits, skip))
        for s, t, hit in sorted(people, key=lambda p: p[0]):
            for f in self._person(doc, s, t, hit, by_start):
                add(f)
        # knowledge-base names other than people: countries, capitals, metonyms, bodies, groups
        in_name = {k for h in hits if h.entry.kind in NAME_KINDS for k in range(h.start, h.end)}
        role_heads: list[int] = []
        for i, tok in enumerate(doc):
            if i in covered or tok.pos_ not in ("NOUN", "PROPN") or skip(i):
                continue
            if i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN") and doc[i + 1].dep_ != "appos" \
                    and doc[i + 1].ent_type_ != "PERSON" and tok.tag_ not in STOP_TAGS:
                continue  # a modifier of the noun after it ("military drills", "police officers")
            if i in in_name:
                continue  # part of a knowledge-base name ("European Union", "Security Council")
            r = self.role_at(doc, i)
            if r is not None and r[0].kind != "modifier":
                role_heads.append(i)
        for i in role_heads:
            for f in self._group(doc, i, by_start, covered):
                add(f)
        for h in hits:
            if h.entry.kind not in PERSON_KINDS:
                f = self._named(doc, h)
                last = doc[h.end - 1]
                if f.actor_kind == "country" and last.dep_ in ("amod", "compound", "poss", "nmod") and \
                        _lemma(last.head) in self._place_nouns and last.head.i >= h.end:
                    # "shelled Iraqi towns", "Pakistan's Balochistan province": the people of a
                    # place, an actor apart from the country itself
                    f = f.with_(key="civilians:" + f.country, sector="CVL", name=f"people of {f.name}")
                add(f)
        # organisations spaCy knows and the knowledge base does not, coded from their own words
        for e in ents:
            if e.label_ != "ORG":
                continue
            inside = [f for f in found if e.start <= f.start and f.end <= e.end]
            named = [f for f in inside if f.kind in ("country", "demonym")]
            astride = any(f.start < e.end and e.start < f.end for f in found if f not in inside)
            if astride or len(named) != len(inside) or covered.intersection(range(e.start, e.end)) and not named:
                continue
            s, t = trim_name(doc, e.start, e.end)
            if t - s < 2 and not named or not doc[t - 1].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"):
                continue
            sector = self._body_sector(doc, s, t)
            if named and (sector is None or len({f.country for f in named}) != 1):
                continue  # "Spanish" in an unknown "Spanish Foo Ltd": the demonym stays
            country = named[0].country if named else ("NGO" if sector == "NGO" else None)
            for f in named:
                found.remove(f)
                covered.difference_update(range(f.start, f.end))
            add(Found(s, t, "name", "organisation", "org:" + name_key(doc[s:t].text), doc[s:t].text,
                      country, sector, resolved_by="title" if country else None))
        found.sort(key=lambda f: f.start)
        return found, by_start

    @staticmethod
    def _inside_longer_org(doc: Doc, h: Hit, hits: list[Hit]) -> bool:
        """True when a named body is only part of a longer organisation name spaCy reads as one
        ORG entity: "Congress Party" in "National Congress Party" is not India's party.
        Capitalised words of the entity outside the hit that no other knowledge name covers
        in front make the longer name ("U.N." in "U.N. Security Council" is a name of its own;
        words after the hit make a part of the body: "Hamas Political Bureau")."""
        if h.entry.kind not in ("group", "igo", "metonym"):
            return False
        ent_type = {doc[k].ent_type_ for k in range(h.start, h.end)}
        if ent_type != {"ORG"}:
            return False
        s = h.start
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
        # only words in front: "Hamas Political Bureau" still belongs to Hamas
        other = {k for g in hits if g is not h for k in range(g.start, g.end)}
        extra = [k for k in range(s, h.start)
                 if k not in other and doc[k].is_alpha and doc[k].text[:1].isupper()
                 and doc[k].lower_ != "the"]
        return bool(extra)

    def _body_sector(self, doc: Doc, s: int, t: int) -> str | None:
        """The sector the words of an unknown organisation's name give ("... Institute" EDU)."""
        words = [fold(doc[k].text) for k in range(s, t)]
        for k in range(len(words) - 1, -1, -1):
            for body, sector in self._body_words:
                if tuple(words[k:k + len(body)]) == body:
                    return sector
        return None

    def _unlabelled_names(self, doc: Doc, people, hits: list[Hit], skip) -> list[tuple[int, int]]:
        """Runs of 2-4 capitalised proper nouns spaCy did not call a person, that say something
        or carry an apposition ("Imran Hayat, the railway superintendent, told VOA")."""
        taken = {k for s, t, _ in people for k in range(s, t)} | {k for h in hits for k in range(h.start, h.end)}
        out = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                    and doc[j].ent_type_ in NAME_ENTS + ("ORG",) and j not in taken and doc[j].is_alpha:
                j += 1
            if j - i >= 2 and not skip(i):
                last = doc[j - 1]
                labelled = all(doc[k].ent_type_ in NAME_ENTS for k in range(i, j))
                speaks = last.dep_ in ("nsubj", "nsubjpass") and last.head.lemma_ in SPEECH
                appos = j < len(doc) and doc[j].text == "," and any(c.dep_ == "appos" for c in last.children)
                if labelled and (speaks or appos) or self._after_title(doc, i, hits):
                    out.append((i, j))
            i = max(j, i + 1)
        return out

    def _after_title(self, doc: Doc, i: int, hits: list[Hit]) -> bool:
        """True when a one-person role ends just before token ``i`` ("envoy for Syria | Geir ...")."""
        k = i - 1
        for h in hits:
            if h.end == i and h.start >= 2 and fold(doc[h.start - 1].text) in ("for", "of"):
                k = h.start - 2
        if k < 0 or doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN":
            return False
        r = self.role_at(doc, k)
        return r is not None and r[0].person

    def _named(self, doc: Doc, h: Hit) -> Found:
        e = h.entry
        text = doc[h.start:h.end].text
        t = e.target
        if isinstance(t, Country):
            if e.kind == "capital":
                return Found(h.start, h.end, "metonym", "metonym", "metonym:" + name_key(e.phrase), e.phrase,
                             t.code, "GOV", resolved_by="metonym")
            kind = "demonym" if e.kind == "demonym" else "country"
            plural = e.kind == "demonym" and text.endswith("s") and not text.endswith("ss")
            return Found(h.start, h.end, kind, "country", "country:" + t.code, t.name, t.code, None,
                         resolved_by="knowledge", plural=plural)
        if isinstance(t, Metonym):
            return Found(h.start, h.end, "metonym", "metonym", "metonym:" + name_key(t.name), t.name,
                         t.country, t.sector, resolved_by="metonym", note=t.note)
        if isinstance(t, Igo):
            return Found(h.start, h.end, "igo", "igo", "igo:" + name_key(t.name), text, "IGO", t.sector,
                         resolved_by="knowledge", note=t.note)
        if isinstance(t, Region):
            return Found(h.start, h.end, "country" if e.kind == "region" else "demonym", "region",
                         "region:" + t.code, t.name, t.code, None, resolved_by="knowledge",
                         plural=e.kind == "region" and text.endswith("s"))
        country, sector = entry_code(e)
        return Found(h.start, h.end, "name", "group" if getattr(t, "kind", "") == "armed_group" else "organisation",
                     "group:" + name_key(getattr(t, "name", text)), getattr(t, "name", text), country, sector,
                     resolved_by="knowledge", note=getattr(t, "note", None))

    # --- people ------------------------------------------------------------------------------
    def _person(self, doc: Doc, s: int, t: int, hit: Hit | None, hits: dict[int, Hit]) -> list[Found]:
        name = doc[s:t].text if hit is None else person_name(hit)
        base = Found(s, t, "name", "person", "person:" + name_key(name), name)
        out = []
        ts = self._title_start(doc, s, hits)
        if ts < s:
            coding = self.code_words(doc, ts, s, hits, self._last_role(doc, ts, s))
            if coding.country or coding.sector:
                base = base.with_(start=ts, kind="title", country=coding.country, sector=coding.sector,
                                  role=title_text(doc, ts, s), resolved_by="title", former=coding.former)
        appos = self._apposition(doc, t, hits)
        if appos is not None:
            a_start, a_end, coding = appos
            if (base.resolved_by is None or base.country is None and coding.country) and \
                    (coding.country or coding.sector):
                base = base.with_(country=coding.country, sector=coding.sector, resolved_by="apposition",
                                  role=coding.role, former=coding.former)
            out.append(Found(a_start, a_end, "title", "person", base.key, name))
        elif hit is None and base.resolved_by is None and self._not_person(doc, s, t):
            return []
        return [base, *out]

    def _not_person(self, doc: Doc, s: int, t: int) -> bool:
        """A bare name (no title, apposition or knowledge) that names a place or an event:
        spaCy calls it a place, it is a known city, it follows "Cyclone"/"Operation", it is the
        object of "in"/"into"/"near" ("camps in Kakuma", "flew into JFK"), or it only modifies a
        noun that is no role ("Jim Crow laws")."""
        span = doc[s:t]
        if any(tok.ent_type_ in PLACE_ENTS for tok in span) and not any(tok.ent_type_ == "PERSON" for tok in span):
            return True
        if self.kb.place_country(span.text) is not None:
            return True
        words = tuple(fold(tok.text) for tok in span)
        for ev in self._event_words:
            n = len(ev)
            if words[:n] == ev and t - s > n or s >= n and tuple(fold(doc[k].text) for k in range(s - n, s)) == ev:
                return True
        last = doc[t - 1]
        while last.dep_ == "conj" and last.head.i < s:  # "in Dadaab and Kakuma camps"
            last = last.head
        if last.dep_ == "pobj" and last.head.lower_ in PLACE_PREPS:
            return True
        head = last.head
        if last.dep_ in ("compound", "nmod") and head.i > last.i and head.pos_ == "NOUN" and self.role_at(doc, head.i) is None:
            return True
        return False

    def _title_start(self, doc: Doc, s: int, hits: dict[int, Hit]) -> int:
        """Where the title in front of a name begins ("U.S. Secretary of State | Antony Blinken")."""
        hit_end = {h.end: h for h in hits.values()}
        i = s
        limit = max(doc[s].sent.start, s - 8)
        while i > limit:
            h = hit_end.get(i)
            if h is not None and h.entry.kind not in PERSON_KINDS and h.start >= limit:
                i = h.start
                continue
            tok = doc[i - 1]
            low = fold(tok.text)
            if low in ("of", "for") and i - 1 > limit and i < s:
                if any(self._person_role_from(doc, k, i) for k in range(i, s)):
                    break  # "party of | former President Omar al-Bashir": the title has its role
                i -= 1
                continue
            if tok.pos_ == "NOUN" and i < s and self.role_at(doc, i - 1) is None and low not in TITLE_WORDS \
                    and (i in hits and hits[i].entry.kind not in PERSON_KINDS or fold(doc[i].text) in TITLE_WORDS):
                break  # "Communist Party control | Chinese President Xi": a noun outside the title
            if tok.tag_ == "HYPH" and i < s:
                i -= 1
                continue
            if tok.tag_ in STOP_TAGS or tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.ent_type_ in (
                    "DATE", "TIME", "PERSON", "CARDINAL", "GPE", "LOC"):
                if not (low in TITLE_WORDS or self.role_at(doc, i - 1)):
                    break
            i -= 1
        # keep the title only from its first meaningful word
        while i < s and fold(doc[i].text) in ("of", "for"):
            i += 1
        has_code = any(self.role_at(doc, k) for k in range(i, s)) or any(
            h.start >= i and h.end <= s and h.entry.kind not in PERSON_KINDS for h in hits.values())
        return i if has_code else s

    def _person_role_from(self, doc: Doc, k: int, start: int) -> bool:
        """True when a one-person role ends at token ``k`` and starts at or after ``start``."""
        r = self.role_at(doc, k)
        return r is not None and r[0].person and r[1] >= start

    def _last_role(self, doc: Doc, start: int, end: int) -> tuple[Role, int] | None:
        for k in range(end - 1, start - 1, -1):
            r = self.role_at(doc, k)
            if r is not None and r[1] >= start and r[0].kind != "modifier":
                return r
        return None

    def _apposition(self, doc: Doc, t: int, hits: dict[int, Hit]) -> tuple[int, int, Coding] | None:
        """", the U.S. secretary of state," after a name: its span and coding."""
        if t + 1 >= len(doc) or doc[t].text != "," or doc[t].sent != doc[t + 1].sent:
            return None
        i = t + 1
        if fold(doc[i].text) in ("a", "an", "the"):
            i += 1
        start = i
        end = i
        while end < len(doc) and end - start < 12:
            tok = doc[end]
            if tok.is_punct and tok.tag_ != "HYPH" or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "NUM"):
                break
            if fold(tok.text) in ("who", "which", "that", "and"):
                break
            end += 1
        if end <= start:
            return None
        head = None
        for k in range(start, end):  # the first role noun of the phrase is its head
            r = self.role_at(doc, k)
            if r is not None and r[0].kind != "modifier" and not (
                    k + 1 < end and (r2 := self.role_at(doc, k + 1)) is not None and r2[1] <= k):
                head = r
                # the longest role phrase that starts with this word: "secretary of state"
                for j in range(min(end, k + 4) - 1, k, -1):
                    longer = self.role_at(doc, j)
                    if longer is not None and longer[1] == r[1] and longer[0].kind != "modifier":
                        head = longer
                        break
                break
        if head is None:
            # "a senior fellow at the European Council on ..." -> the body's code
            for k in range(start, end):
                h = hits.get(k)
                if h is not None and h.end <= end and h.entry.kind in ("group", "igo"):
                    c, s = entry_code(h.entry)
                    return start, end, Coding(c, s, None, None, False, ((h.start, h.end, c or ""),))
            return None
        head_end = self._role_end(doc, head)
        coding = self.code_words(doc, start, head_end, hits, head)
        led = self._body_led(doc, head, head_end, end, hits)
        if led is not None:  # "leader of the Village de Dieu gang": the body's code
            country, sector = led
            coding = replace(coding, country=coding.country or country, sector=sector)
        if coding.country is None:  # "secretary of state of Venezuela", "minister at the EU"
            for k in range(head_end, end):
                h = hits.get(k)
                if h is not None and h.end <= end:
                    c, _ = entry_code(h.entry)
                    if c:
                        coding = replace(coding, country=c)
                        break
        return start, end, coding

    def _body_led(self, doc: Doc, head: tuple[Role, int], head_end: int, end: int,
                  hits: dict[int, Hit]) -> tuple[str | None, str | None] | None:
        """The (country, sector) of the body a one-person role leads: "leader of the ... gang"
        REB, "spokesman for Hamas" PSEREB, "president of the Houston Restaurant Association"
        (an organisation with no known sector: no sector). None when the role is not followed
        by "of/at/for" + a body (a country keeps the role's own sector: "president of Ghana")."""
        if not head[0].person or head_end >= end - 1 or doc[head_end].lower_ not in ("of", "at", "for"):
            return None
        for k in range(head_end + 1, end):
            h = hits.get(k)
            if h is not None and h.end <= end and h.entry.kind in ("group", "igo", "metonym"):
                return entry_code(h.entry)
        last = end - 1
        while last > head_end and not doc[last].is_alpha:
            last -= 1
        r = self.role_at(doc, last)
        if r is not None and r[1] > head_end and r[0].kind in ("strong", "weak") and r[0].sector:
            if not r[0].person:
                return None, r[0].sector
            return None
        body = self._body_sector(doc, head_end + 1, end)
        if body:
            return None, body
        words = [doc[k] for k in range(head_end + 1, end) if doc[k].is_alpha and doc[k].lower_ != "the"]
        if len(words) >= 2 and all(w.text[:1].isupper() for w in words) and \
                all(w.ent_type_ == "ORG" for w in words) and r is None:
            return None, None  # an organisation of its own whose sector the words do not say
        return None

    def _role_end(self, doc: Doc, head: tuple[Role, int]) -> int:
        """The token after the role phrase that starts at ``head[1]``."""
        for k in range(head[1], min(len(doc), head[1] + 8)):
            r = self.role_at(doc, k)
            if r is not None and r[0] is head[0] and r[1] == head[1]:
                return k + 1
        return head[1] + 1

    def _has_role_modifier(self, doc: Doc, start: int, end: int) -> bool:
        return any(self.role_at(doc, k) for k in range(start, end))

    # --- role groups -------------------------------------------------------------------------
    def _body_of_place(self, doc: Doc, i: int, role: Role, hits: dict[int, Hit]) -> Found | None:
        """A capitalised body role followed by "of" and a name is one organisation ("University
        of Melbourne" EDU): the whole name, its country from the place in it when known."""
        if role.person or not doc[i].text[:1].isupper() or i + 2 >= len(doc) or doc[i + 1].lower_ != "of":
            return None
        t = i + 2
        while t < len(doc) and doc[t].pos_ == "PROPN" and doc[t].text[:1].isupper() and t - i < 6:
            t += 1
        if t == i + 2:
            return None
        s = i - 1 if i > 0 and fold(doc[i - 1].text) == "the" else i
        country = None
        for k in range(i + 2, t):
            h = hits.get(k)
            if h is not None and h.end <= t:
                country = entry_code(h.entry)[0]
                break
        if country is None:
            country = self.kb.place_country(doc[i + 2:t].text)
        if country in ("IGO", "NGO"):
            country = None
        text = doc[i:t].text
        return Found(s, t, "name", "organisation", "org:" + name_key(text), text, country, role.sector or None,
                     resolved_by="title" if country else None, context=country is None)


    def _group(self, doc: Doc, i: int, hits: dict[int, Hit], covered: set[int]) -> list[Found]:
        role, rstart = self.role_at(doc, i)  # type: ignore[misc]
        sent_start = doc[i].sent.start
        hit_end = {h.end: h for h in hits.values()}
        j = rstart
        while j > sent_start and rstart - j < 7:
            h = hit_end.get(j)
            if h is not None and h.entry.kind not in PERSON_KINDS:
                j = h.start
                continue
            tok = doc[j - 1]
            if j - 1 in covered:
                break
            if tok.lower_ in ("and", "&") and j - 2 >= sent_start and hit_end.get(j - 1) and \
                    hit_end[j - 1].entry.kind in ("demonym", "country") and j in hits:
                j -= 1
                continue
            if tok.tag_ == "HYPH" or (tok.pos_ in ("ADJ", "NOUN", "PROPN") and tok.tag_ not in ("POS",)
                                      and not tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERSON")):
                j -= 1
                continue
            if tok.like_num and j - 2 >= sent_start and doc[j - 2].tag_ == "HYPH" or \
                    tok.tag_ == "CD" and "-" in tok.text and tok.text[:1].isalpha():
                j -= 1  # a model number: "F-16 jets", "Su-35 fighters"
                continue
            break
        while j < rstart and (doc[j].tag_ == "HYPH" or doc[j].lower_ in ("and", "&")):
            j += 1
        coding = self.code_words(doc, j, i + 1, hits, (role, rstart))
        plural = doc[i].tag_ in ("NNS", "NNPS") or role.role.endswith("s") and not role.person
        before = doc[j - 1] if j > 0 else None
        k = j - 1  # "the banned separatist outfit": the determiner before participles and adverbs
        while k > sent_start and j - k <= 3 and doc[k].tag_ in ("VBN", "RB", "JJ", "JJR", "JJS") \
                and doc[k].dep_ in ("amod", "advmod", "compound"):
            k -= 1
        definite = k >= 0 and fold(doc[k].text) in DEFINITE
        possessor = None
        if before is not None and before.tag_ == "POS" and j >= 2:
            possessor = j - 2
        elif before is not None and before.tag_ == "PRP$":
            possessor = j - 1
        modified = bool(coding.country) or self._has_role_modifier(doc, j, rstart)
        if role.kind == "anaphor" and doc[i].text[:1].isupper() and not doc[i].is_sent_start:
            # "the ruling Socialist Party": a name, not a word referring back
            n0 = next(n for n in range(j, i + 1) if doc[n].text[:1].isupper())
            text = doc[n0:i + 1].text
            return [Found(j, i + 1, "name", "organisation", "org:" + name_key(text), text, coding.country,
                          coding.sector, resolved_by="title" if coding.country else None,
                          context=coding.country is None)]
        named = self._body_of_place(doc, i, role, hits)
        if named is not None:
            return [named]
        if role.kind == "anaphor" and not modified and not definite and possessor is None:
            return []  # "a group of people": only "the group" refers back to a body
        if role.kind == "generic" and not modified and possessor is None:
            return []
        if coding.country is None:  # "the president of Venezuela"
            k = i + 1
            if k < len(doc) and doc[k].lower_ == "of":
                k += 1
                if k < len(doc) and fold(doc[k].text) == "the":
                    k += 1
                h = hits.get(k)
                if h is not None:
                    c, _ = entry_code(h.entry)
                    if c:
                        coding = replace(coding, country=c)
        where = None
        if coding.country is None and not role.person and coding.sector != "GOV":
            c = place_after(doc, i, hits)  # "militants present on Afghan soil", "rebels in Congo"
            if c:
                coding = replace(coding, country=c)
                where = c
        text = doc[j:i + 1].text
        resolved = "title" if coding.country else None
        not_local = NOT_LOCAL if coding.sector == "NGO" else NOT_LOCAL | VAGUE
        foreign = any(fold(doc[k].text) in not_local for k in range(max(j - 1, 0), i))
        if role.kind == "expert" and coding.country is None and any(
                k in hits and hits[k].entry.kind in ("country", "region") for k in range(j, rstart)):
            foreign = True  # "Russia experts": who they are is not the story's country either
        base = Found(j, i + 1, "role" if role.person and not plural else "group",
                     "person" if role.person and not plural else "group",
                     "group:" + name_key(text) + (f"@{where}" if where else ""), text, coding.country,
                     coding.sector, role.role,
                     resolved, context=coding.country is None and not foreign and (modified or role.kind != "anaphor"),
                     head=role.words[-1], plural=plural, definite=definite, possessor=possessor,
                     former=coding.former, anaphor=role.kind == "anaphor")
        if len({c for _, _, c in coding.countries}) < 2:
            return [base]
        # "Hungarian and Romanian officials": one actor per country
        out = []
        parts = list(coding.countries)
        for n, (s, e, c) in enumerate(parts):
            last = n == len(parts) - 1
            span = (s, i + 1) if last else (j if n == 0 else s, e)
            name = doc[span[0]:span[1]].text if last else f"{doc[s:e].text} {doc[i].text}"
            out.append(base.with_(start=span[0], end=span[1], country=c, key="group:" + name_key(name), name=name))
        return out
