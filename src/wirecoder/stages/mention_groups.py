"""Role groups and named bodies: "Venezuelan opposition leaders", "the ruling Socialist Party",
"University of Melbourne", and knowledge-base names other than people ("Kremlin", "NATO").

Functions over a parsed ``Doc`` and the knowledge hits by start token; roles come from
:class:`~wirecoder.stages.mention_roles.RoleBook`.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..doc import doc_lookup
from ..knowledge import Country, Igo, Metonym, Region, Role, split_code
from ..knowledge.names import name_key
from .actor_records import PERSON_KINDS, Found, Hit, entry_code, place_after, places_after, span_text
from .mention_roles import RoleBook

NOT_LOCAL = frozenset("foreign other international overseas outside".split())
VAGUE = frozenset("some many".split())  # "some analysts": maybe foreign; "some activists" stay local
DEFINITE = frozenset("the this that these those".split())


def group(roles: RoleBook, doc: Doc, i: int, hits: dict[int, Hit], covered: set[int]) -> list[Found]:
    """The group (or one-person role) whose role head is token ``i``, with the words in front
    that code it; "Hungarian and Romanian officials" gives one mention per country."""
    lookup = doc_lookup(doc)
    toks, folded = lookup.tokens, lookup.folded
    role, rstart = roles.role_at(doc, i)  # type: ignore[misc]
    sent_start = toks[i].sent.start
    hit_end = doc_lookup(doc).derived("titles.hit_end", hits, lambda hs: {h.end: h for h in hs.values()})
    j = rstart
    while j > sent_start and rstart - j < 7:
        h = hit_end.get(j)
        if h is not None and h.entry.kind not in PERSON_KINDS:
            j = h.start
            continue
        tok = toks[j - 1]
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
        if tok.like_num and j - 2 >= sent_start and toks[j - 2].tag_ == "HYPH" or \
                tok.tag_ == "CD" and "-" in tok.text and tok.text[:1].isalpha():
            j -= 1  # a model number: "F-16 jets", "Su-35 fighters"
            continue
        break
    while j < rstart and (toks[j].tag_ == "HYPH" or toks[j].lower_ in ("and", "&")):
        j += 1
    coding = roles.code_words(doc, j, i + 1, hits, (role, rstart))
    if coding.country is None and toks[i].text[:1].isupper() and roles.is_igo_name(doc, j, i + 1):
        coding = coding._replace(country="IGO")   # "the International Renewable Energy Agency"
    plural = toks[i].tag_ in ("NNS", "NNPS") or role.role.endswith("s") and not role.person
    before = toks[j - 1] if j > 0 else None
    k = j - 1  # "the banned separatist outfit": the determiner before participles and adverbs
    while k > sent_start and j - k <= 3 and toks[k].tag_ in ("VBN", "RB", "JJ", "JJR", "JJS") \
            and toks[k].dep_ in ("amod", "advmod", "compound"):
        k -= 1
    definite = k >= 0 and folded[k] in DEFINITE
    possessor = None
    if before is not None and before.tag_ == "POS" and j >= 2:
        possessor = j - 2
    elif before is not None and before.tag_ == "PRP$":
        possessor = j - 1
    modified = bool(coding.country) or roles.has_modifier(doc, j, rstart)
    if role.kind == "anaphor" and toks[i].text[:1].isupper() and not toks[i].is_sent_start:
        # "the ruling Socialist Party": a name, not a word referring back
        n0 = next(n for n in range(j, i + 1) if toks[n].text[:1].isupper())
        text = span_text(doc, n0, i + 1)
        return [Found(j, i + 1, "name", "organisation", "org:" + name_key(text), text, coding.country,
                      coding.sector, resolved_by="title" if coding.country else None,
                      context=coding.country is None)]
    named = body_of_place(roles, doc, i, role, hits)
    if named is not None:
        return [named]
    if role.kind == "anaphor" and not modified and not definite and possessor is None:
        return []  # "a group of people": only "the group" refers back to a body
    if role.kind == "anaphor" and possessor is None and i + 1 < len(doc) and folded[i + 1] == "of" and any(
            c.dep_ == "pobj" and c.tag_ == "NNS" for c in toks[i + 1].children):
        return []  # "the movement of goods", "the group of workers": what moves or gathers, no body
    if role.kind == "generic" and not modified and possessor is None:
        return []
    if coding.country is None:  # "the president of Venezuela", "representatives from Human Rights Watch"
        k = i + 1
        if k < len(doc) and (toks[k].lower_ == "of" or toks[k].lower_ == "from" and plural_role(doc, i, role)):
            k += 1
            if k < len(doc) and folded[k] == "the":
                k += 1
            h = hits.get(k)
            if h is not None:
                c, _ = entry_code(h.entry)
                if c:
                    coding = coding._replace(country=c)
    where = None
    if coding.country is None and not role.person and coding.sector != "GOV":
        c = place_after(doc, i, hits)  # "militants present on Afghan soil", "rebels in Congo"
        if c:
            coding = coding._replace(country=c)
            where = c
    text = span_text(doc, j, i + 1)
    resolved = "title" if coding.country else None
    not_local = NOT_LOCAL if coding.sector == "NGO" else NOT_LOCAL | VAGUE
    foreign = any(folded[k] in not_local for k in range(max(j - 1, 0), i))
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
    places = places_after(doc, i, hits) if not role.person and (coding.country is None or where) else []
    if len({c for _, _, c in places}) > 1:
        # "politicians in Britain and the United States": one group per country (a government
        # role too: the places are where they are from, not one capital they are posted to); the
        # later ones are grounded on their place's name (the first keeps its own country mention)
        first = base.with_(country=places[0][2], key="group:" + name_key(text) + f"@{places[0][2]}",
                           resolved_by="title", context=False)
        return [first] + [first.with_(start=s, end=e, country=c, key="group:" + name_key(text) + f"@{c}")
                          for s, e, c in places[1:] if c != places[0][2]]
    if len({c for _, _, c in coding.countries}) < 2 or _origin_compound(doc, coding.countries):
        return [base]   # one country, or "Iranian American journalist": an American of Iranian origin
    # "Hungarian and Romanian officials": one actor per country
    out = []
    parts = list(coding.countries)
    for n, (s, e, c) in enumerate(parts):
        last = n == len(parts) - 1
        span = (s, i + 1) if last else (j if n == 0 else s, e)
        name = span_text(doc, span[0], span[1]) if last else f"{span_text(doc, s, e)} {toks[i].text}"
        out.append(base.with_(start=span[0], end=span[1], country=c, key="group:" + name_key(name), name=name))
    return out


def plural_role(doc: Doc, i: int, role: Role) -> bool:
    """A group of people ("officials", "representatives"), who can come *from* a body or country."""
    toks = doc_lookup(doc).tokens
    return toks[i].tag_ in ("NNS", "NNPS")


def _origin_compound(doc: Doc, countries: tuple[tuple[int, int, str], ...]) -> bool:
    """Country modifiers written next to each other with no "and" nor hyphen ("Iranian American",
    "Somali Canadian"): the last one is the nationality, the ones before an origin (with a hyphen,
    "Israeli-Palestinian talks" are of two parties)."""
    return all(b[0] == a[1] for a, b in zip(countries, countries[1:]))


def body_of_place(roles: RoleBook, doc: Doc, i: int, role: Role, hits: dict[int, Hit]) -> Found | None:
    """A capitalised body role followed by "of" and a name is one organisation ("University
    of Melbourne" EDU): the whole name, its country from the place in it when known."""
    lookup = doc_lookup(doc)
    toks, folded = lookup.tokens, lookup.folded
    if role.person or not toks[i].text[:1].isupper() or i + 2 >= len(doc) or toks[i + 1].lower_ != "of":
        return None
    t = i + 2
    while t < len(doc) and toks[t].pos_ == "PROPN" and toks[t].text[:1].isupper() and t - i < 6:
        t += 1
    if t == i + 2:
        return None
    s = i - 1 if i > 0 and folded[i - 1] == "the" else i
    country = None
    for k in range(i + 2, t):
        h = hits.get(k)
        if h is not None and h.end <= t:
            country = entry_code(h.entry)[0]
            break
    if country is None:
        country = roles.kb.place_country(span_text(doc, i + 2, t))
    if country in ("IGO", "NGO"):
        country = None
    text = span_text(doc, i, t)
    return Found(s, t, "name", "organisation", "org:" + name_key(text), text, country, role.sector or None,
                 resolved_by="title" if country else None, context=country is None)


def named_mention(doc: Doc, h: Hit) -> Found:
    """The mention a knowledge-base name other than a person makes: country, demonym, capital,
    metonym, IGO, region or a named group."""
    toks = doc_lookup(doc).tokens
    e = h.entry
    text = span_text(doc, h.start, h.end)
    t = e.target
    if isinstance(t, Country):
        if e.kind == "capital":
            return Found(h.start, h.end, "metonym", "metonym", "metonym:" + name_key(e.phrase), e.phrase,
                         t.code, "GOV", resolved_by="metonym")
        kind = "demonym" if e.kind == "demonym" else "country"
        # "Kenyans", and the demonyms with no plural -s used as a plural noun ("thousands of
        # Sudanese", "the Vietnamese say"): the people, that "they" can refer back to
        last = toks[h.end - 1]
        plural = e.kind == "demonym" and (text.endswith("s") and not text.endswith("ss")
                                          or last.tag_ in ("NNS", "NNPS") and last.dep_ not in ("amod", "compound"))
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
    if getattr(t, "kind", "") == "people":
        # "the Rohingya", "Uyghurs", "Kurds": the people (civilians by default) of its country;
        # a people of several countries takes the place after it or the story's (later)
        name = getattr(t, "name", text)
        return Found(h.start, h.end, "group", "group", "people:" + name_key(name), name, country,
                     split_code(t.code)[1], resolved_by="knowledge" if country else None,
                     context=country is None, plural=True, note=getattr(t, "note", None))
    return Found(h.start, h.end, "name", "group" if getattr(t, "kind", "") == "armed_group" else "organisation",
                 "group:" + name_key(getattr(t, "name", text)), getattr(t, "name", text), country, sector,
                 resolved_by="knowledge", note=getattr(t, "note", None))


def inside_longer_org(doc: Doc, h: Hit, hits: list[Hit]) -> bool:
    """True when a named body is only part of a longer organisation name spaCy reads as one
    ORG entity: "Congress Party" in "National Congress Party" is not India's party.
    Capitalised words of the entity outside the hit that no other knowledge name covers
    in front make the longer name ("U.N." in "U.N. Security Council" is a name of its own;
    words after the hit make a part of the body: "Hamas Political Bureau")."""
    if h.entry.kind not in ("group", "igo", "metonym"):
        return False
    toks = doc_lookup(doc).tokens
    ent_type = {toks[k].ent_type_ for k in range(h.start, h.end)}
    if ent_type != {"ORG"}:
        return False
    s = h.start
    while s > 0 and toks[s].ent_iob_ == "I":
        s -= 1
    # only words in front: "Hamas Political Bureau" still belongs to Hamas
    # the tokens of the other hits; ``h`` itself covers none of the words in front of it
    other = doc_lookup(doc).derived("groups.hit_tokens", hits,
                                    lambda hs: {k for g in hs for k in range(g.start, g.end)})
    extra = [k for k in range(s, h.start)
             if k not in other and toks[k].is_alpha and toks[k].text[:1].isupper()
             and toks[k].lower_ != "the"]
    return bool(extra)
