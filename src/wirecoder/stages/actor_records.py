"""Records and small helpers of the actors stage: knowledge hits, found mentions, codings."""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.attrs import POS
from spacy.tokens import Doc

from ..doc import article_of, doc_lookup
from ..knowledge import Country, Entry, Group, Igo, Learned, Metonym, Person, Region
from ..knowledge.records import split_code


WHERE_PREPS = frozenset("in on inside".split())
NAME_PARTICLES = frozenset("al el ad ad- as ash at an az bin ibn abu de del da di du van von der le la".split())
# particles inside a surname ("van den Broek", "da Silva"), without English words ("at", "an")
SURNAME_PARTICLES = frozenset("al el bin ibn de del della da das dos di du van von der den ten ter la le".split())
# knowledge-base entry kinds that name one person
PERSON_KINDS = ("person", "learned")


class Hit(NamedTuple):
    """A knowledge-base name found in the text (token span, and the entries it may mean)."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def entry(self) -> Entry:
        return self.entries[0]


class Found(NamedTuple):
    """A mention before actors are assembled: token span, what it is, what the text says.
    An immutable named tuple (the stage makes and changes some hundred an article: a frozen
    dataclass paid a ``object.__setattr__`` per field on every one)."""

    start: int                  # token index
    end: int                    # token index, exclusive
    kind: str                   # Mention.kind: name|title|pronoun|metonym|country|demonym|group|igo|role
    actor_kind: str             # Actor.kind: person|organisation|country|group|igo|metonym|region
    key: str                    # actors with the same key are one actor
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    resolved_by: str | None = None
    note: str | None = None
    context: bool = False       # the country is to come from the story's context
    head: str | None = None     # role head lemma, for "the authority" -> "the electoral authority"
    plural: bool = False
    definite: bool = False
    possessor: int | None = None  # token index of "X's"/"his" in front of a role group
    former: bool = False
    anaphor: bool = False         # "the group", "the rebel group": may refer back to a named body

    def with_(self, **changes) -> "Found":
        return self._replace(**changes)


class Coding(NamedTuple):
    """Country and sector read from a group of words (a title, a role phrase)."""

    country: str | None
    sector: str | None
    role: str | None
    head: str | None
    former: bool
    countries: tuple[tuple[int, int, str], ...]   # (start, end, country) of each named country


def on_date(hit: Hit, date) -> Hit:
    """The hit with the entries valid on ``date`` first (Taliban: AFGREB until 2021, then AFGGOV)."""
    if date is None or len(hit.entries) < 2:
        return hit
    active = [e for e in hit.entries if getattr(e.target, "active", None) is None or e.target.active(date)]
    rest = [e for e in hit.entries if e not in active]
    return Hit(hit.start, hit.end, tuple(active + rest))


def entry_code(entry: Entry) -> tuple[str | None, str | None]:
    """Country (or IGO/region/NGO) and sector a knowledge entry gives as a modifier."""
    t = entry.target
    if isinstance(t, Country):
        return t.code, ("GOV" if entry.kind == "capital" else None)
    if isinstance(t, Metonym):
        return t.country, t.sector
    if isinstance(t, Igo):
        return "IGO", t.sector
    if isinstance(t, Region):
        return t.code, None
    if isinstance(t, Group):
        # "Kurdish" of several countries says none of them
        return split_code(t.code) if t.one_homeland else (None, None)
    if isinstance(t, Person):
        return t.country, t.sector
    if isinstance(t, Learned):
        return split_code(t.code)
    return None, None


def strip_the(phrase: str) -> str:
    return phrase[4:] if phrase.lower().startswith("the ") else phrase


def case_ok(phrase: str, text: str) -> bool:
    """Acronyms match only in capitals ("US" is not "us"); names only capitalised."""
    phrase = strip_the(phrase)
    letters = [c for c in phrase if c.isalpha()]
    if letters and len(letters) <= 5 and all(c.isupper() for c in letters):
        return [c for c in text if c.isalpha()] == letters
    if phrase[:1].isupper():
        if text[:1].isupper():
            return True
        # "al-Qaeda", "el-Sisi", "bin Salman": a lowercase particle before a capitalised name
        words = re.split(r"[\s\-]+", text)
        return len(words) > 1 and words[0].lower() in NAME_PARTICLES and words[1][:1].isupper()
    return True


def rank(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    order = ("person", "group", "igo", "metonym", "country", "capital", "demonym", "region",
             "region_demonym", "learned")
    return tuple(sorted(entries, key=lambda e: order.index(e.kind) if e.kind in order else 99))


def person_name(hit: Hit) -> str:
    t = hit.entry.target
    return getattr(t, "name", hit.entry.phrase)


def trim_name(doc: Doc, s: int, t: int) -> tuple[int, int]:
    """A name without a leading 'the' and a trailing possessive."""
    toks = doc_lookup(doc).tokens
    while s < t and (toks[s].lower_ in ("the", "a", "an") or toks[s].is_punct):
        s += 1
    while t > s and (toks[t - 1].tag_ == "POS" or toks[t - 1].is_punct or toks[t - 1].is_space):
        t -= 1
    return s, t


def extend_particles(doc: Doc, s: int, t: int) -> tuple[int, int]:
    """A personal name cut at a particle takes the rest of the name: "Hans Van | den Broek",
    "Ursula von der | Leyen", "Luiz Inacio Lula | da Silva" (particles, then a capitalised word)."""
    lookup = doc_lookup(doc)
    toks, folded = lookup.tokens, lookup.folded
    if t - s < 1:
        return s, t
    k = t
    while k > s + 1 and folded[k - 1] in SURNAME_PARTICLES:
        k -= 1  # "Hans Van": the name ends in particles
    j = t
    while j < len(doc) and j - t < 3 and folded[j] in SURNAME_PARTICLES:
        j += 1
    if (k < t or j > t) and j < len(doc) and toks[j].text[:1].isupper() and toks[j].is_alpha \
            and toks[j].pos_ == "PROPN" and toks[j - 1].whitespace_:
        return s, j + 1
    return s, t


def title_text(doc: Doc, s: int, t: int) -> str:
    return span_text(doc, s, t)


def span_text(doc: Doc, s: int, t: int) -> str:
    """``doc[s:t].text`` without building the Span: the text from token ``s`` to the end of
    token ``t - 1`` (tokens ``0 <= s <= t <= len(doc)``)."""
    if t <= s:
        return ""
    lookup = doc_lookup(doc)
    toks = lookup.tokens
    last = toks[t - 1]
    return lookup.text[toks[s].idx:last.idx + len(last)]


def metadata_tokens(doc: Doc) -> frozenset[int]:
    """The tokens that start in the article's metadata (headline, byline, dateline, credits)
    but not in its headline: no mention is found there. Found once per Doc."""
    lookup = doc_lookup(doc)
    got = lookup.memo.get("actors.metadata_tokens")
    if got is None:
        article = article_of(doc)
        inside: set[int] = set()
        for start, end in article.metadata_spans:
            inside.update(range(*lookup.token_range(start, end)))
        if article.headline_span:
            inside.difference_update(range(*lookup.token_range(*article.headline_span)))
        got = lookup.memo["actors.metadata_tokens"] = frozenset(inside)
    return got  # type: ignore[return-value]


def pos_ids(doc: Doc) -> list[int]:
    """``token.pos`` of every token (an id, no string), read once per Doc."""
    lookup = doc_lookup(doc)
    got = lookup.memo.get("actors.pos")
    if got is None:
        got = lookup.memo["actors.pos"] = doc.to_array(POS).tolist() if len(doc) else []
    return got  # type: ignore[return-value]


def places_after(doc: Doc, i: int, hits: dict[int, Hit]) -> list[tuple[int, int, str]]:
    """Every country of conjoined places right after a group ("politicians in Britain and the
    United States"): (start, end, country) of each place's name, in text order."""
    toks = doc_lookup(doc).tokens
    out: list[tuple[int, int, str]] = []
    for prep in (c for c in toks[i].rights if c.dep_ == "prep" and c.lower_ in WHERE_PREPS):
        for k in range(prep.i + 1, min(prep.right_edge.i + 1, prep.i + 12)):
            h = hits.get(k)
            if h is not None and h.entry.kind in ("country", "capital") and h.end <= prep.right_edge.i + 1:
                head = toks[h.end - 1]
                if head.dep_ in ("pobj", "conj") and (head.head.i == prep.i or head.dep_ == "conj"):
                    out.append((h.start, h.end, entry_code(h.entry)[0]))
        break
    return out


def place_after(doc: Doc, i: int, hits: dict[int, Hit]) -> str | None:
    """The country of a place right after a group ("rebels in eastern Congo", "militants
    based in Pakistan", "fighters present on Afghan soil"), or None."""
    toks = doc_lookup(doc).tokens
    preps = [c for c in toks[i].rights if c.dep_ == "prep" and c.lower_ in WHERE_PREPS]
    for c in toks[i].rights:
        if c.dep_ in ("amod", "acl") and c.i <= i + 2:
            preps.extend(p for p in c.rights if p.dep_ == "prep" and p.lower_ in WHERE_PREPS)
    for prep in preps:
        stop = prep.right_edge.i + 1
        for k in range(prep.i + 1, min(stop, prep.i + 6)):
            h = hits.get(k)
            if h is not None and h.entry.kind in ("country", "demonym", "capital"):
                c, _ = entry_code(h.entry)
                return c
    return None
