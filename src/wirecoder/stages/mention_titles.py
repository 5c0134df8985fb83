"""Titles and appositions that code a person: "U.S. Secretary of State | Antony Blinken",
"Imran Hayat, the railway superintendent,", "leader of the Village de Dieu gang".

Functions over a parsed ``Doc`` and the knowledge hits by start token; roles come from
:class:`~wirecoder.stages.mention_roles.RoleBook`.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..doc import doc_lookup
from ..knowledge import Role
from .actor_records import PERSON_KINDS, Coding, Hit, entry_code
from .mention_roles import RoleBook

STOP_TAGS = ("NNS", "NNPS")
TITLE_WORDS = frozenset("former ex- acting interim deputy vice senior top chief outgoing incoming late".split())
BODY_PREPS = frozenset("at for of from with".split())  # "a researcher at | the X Institute"
WORLD_WORDS = frozenset("international global world".split())  # a body of no one country
NATIONAL_NOUNS = frozenset("national citizen".split())  # "an Azerbaijani national"


def title_start(roles: RoleBook, doc: Doc, s: int, hits: dict[int, Hit]) -> int:
    """Where the title in front of a name begins ("U.S. Secretary of State | Antony Blinken")."""
    lookup = doc_lookup(doc)
    toks, folded = lookup.tokens, lookup.folded
    hit_end = lookup.derived("titles.hit_end", hits, lambda hs: {h.end: h for h in hs.values()})
    i = s
    limit = max(toks[s].sent.start, s - 8)
    while i > limit:
        h = hit_end.get(i)
        if h is not None and h.entry.kind not in PERSON_KINDS and h.start >= limit:
            i = h.start
            continue
        tok = toks[i - 1]
        low = folded[i - 1]
        if low in ("of", "for") and i - 1 > limit and i < s:
            if any(roles.person_role_from(doc, k, i) for k in range(i, s)):
                break  # "party of | former President Omar al-Bashir": the title has its role
            i -= 1
            continue
        if tok.pos_ == "NOUN" and i < s and roles.role_at(doc, i - 1) is None and low not in TITLE_WORDS \
                and (i in hits and hits[i].entry.kind not in PERSON_KINDS or folded[i] in TITLE_WORDS):
            break  # "Communist Party control | Chinese President Xi": a noun outside the title
        if tok.tag_ == "HYPH" and i < s:
            i -= 1
            continue
        if tok.tag_ in STOP_TAGS or tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.ent_type_ in (
                "DATE", "TIME", "PERSON", "CARDINAL", "GPE", "LOC"):
            if not (low in TITLE_WORDS or roles.role_at(doc, i - 1)):
                break
        i -= 1
    # keep the title only from its first meaningful word
    while i < s and folded[i] in ("of", "for"):
        i += 1
    # ``hits`` is keyed by where each hit starts: the hits inside [i, s) start in range(i, s)
    has_code = any(roles.role_at(doc, k) for k in range(i, s)) or any(
        (h := hits.get(k)) is not None and h.end <= s and h.entry.kind not in PERSON_KINDS for k in range(i, s))
    return i if has_code else s


def apposition(roles: RoleBook, doc: Doc, t: int, hits: dict[int, Hit]) -> tuple[int, int, Coding] | None:
    """", the U.S. secretary of state," after a name: its span and coding; also ", who heads the
    U.N. mission," (a verb of leading, ``RoleBook.lead_verbs``): the body's code."""
    lookup = doc_lookup(doc)
    toks, folded = lookup.tokens, lookup.folded
    if t + 1 >= len(doc) or toks[t].text != "," or toks[t].sent != toks[t + 1].sent:
        return None
    i = t + 1
    # ", who heads the U.N. mission in Haiti,": the body the person leads codes the person
    led = i + 1 < len(doc) and folded[i] == "who" and toks[i + 1].lemma_.lower() in roles.lead_verbs
    if led:
        i += 2
    if toks[i].pos_ in ("ADP", "SCONJ") and folded[i] not in ("of", "as"):   # ", as president of X,"
        return None   # ", after a meeting with X,", ", in a statement,": a fronted phrase, no title
    if folded[i] in ("a", "an", "the"):
        i += 1
    start = i
    end = i
    while end < len(doc) and end - start < 12:
        tok = toks[end]
        if tok.is_punct and tok.tag_ != "HYPH" or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "NUM"):
            break
        if folded[end] in ("who", "which", "that", "and"):
            break
        end += 1
    if end <= start:
        return None
    head = None
    for k in range(start, end):  # the first role noun of the phrase is its head
        r = roles.role_at(doc, k)
        if r is not None and r[0].kind != "modifier" and not (
                k + 1 < end and (r2 := roles.role_at(doc, k + 1)) is not None and r2[1] <= k):
            head = r
            # the longest role phrase that starts with this word: "secretary of state"
            for j in range(min(end, k + 4) - 1, k, -1):
                longer = roles.role_at(doc, j)
                if longer is not None and longer[1] == r[1] and longer[0].kind != "modifier":
                    head = longer
                    break
            break
    if head is None or led:
        # "a senior fellow at the European Council on ..." -> the body's code
        for k in range(start, end):
            h = hits.get(k)
            if h is not None and h.end <= end and h.entry.kind in ("group", "igo") and \
                    getattr(h.entry.target, "kind", "") != "people":   # ", an ethnic Uyghur,": no body
                c, s = entry_code(h.entry)
                return start, end, Coding(c, s, None, None, False, ((h.start, h.end, c or ""),))
        # ", a research associate at the Clinical Research Unit of X,": an organisation the
        # knowledge base lacks, whose name's words give its sector (body rows of roles.tsv)
        for k in range(start + 1, end - 1):
            if folded[k] in BODY_PREPS and toks[k + 1 + (folded[k + 1] == "the")].text[:1].isupper():
                sector = roles.body_sector(doc, k + 1, end)
                # only with the country the phrase names ("... of Nanoro in Burkina Faso")
                place = next(((h.start, h.end, c) for j in range(k + 1, end) if (h := hits.get(j)) is not None
                              and h.end <= end and h.entry.kind == "country" and (c := entry_code(h.entry)[0])),
                             None)
                first = k + 1 + (folded[k + 1] == "the")
                if sector == "NGO" and folded[first] in WORLD_WORDS and not led:
                    # "the International Federation for Human Rights in Ivory Coast": a world body
                    return start, end, Coding(None, sector, None, None, False, ())
                if sector and place and not led:
                    return start, end, Coding(place[2], sector, None, None, False, (place,))
                return None
        return None
    head_end = roles.role_end(doc, head)
    coding = roles.code_words(doc, start, head_end, hits, head)
    led = body_led(roles, doc, head, head_end, end, hits)
    if led is not None:  # "leader of the Village de Dieu gang": the body's code
        country, sector = led
        coding = coding._replace(country=coding.country or country, sector=sector)
    if coding.country is None:  # "secretary of state of Venezuela", "minister at the EU"
        for k in range(head_end, end):
            h = hits.get(k)
            if h is not None and h.end <= end:
                c, _ = entry_code(h.entry)
                if c:
                    coding = coding._replace(country=c)
                    break
    return start, end, coding


def fronted_role(roles: RoleBook, doc: Doc, s: int, hits: dict[int, Hit]) -> int | None:
    """Where the role phrase before ", NAME" begins when the name is its apposition ("Kenya's
    health minister, Jane Doe, said"): the parser hangs the name on the role noun that ends just
    before the comma, and that noun is a one-person role. None otherwise ("After meeting the
    minister, Jane Doe said": the name is a subject, no apposition)."""
    toks = doc_lookup(doc).tokens
    if s < 2 or toks[s - 1].text != "," or toks[s - 1].sent != toks[s].sent:
        return None
    role = roles.role_at(doc, s - 2)
    if role is None or not role[0].person or role[0].kind == "modifier":
        return None
    head = toks[s]
    while head.dep_ in ("compound", "flat") and head.head.i > head.i:
        head = head.head
    if head.dep_ != "appos" or head.head.i != s - 2:
        return None
    ts = title_start(roles, doc, s - 1, hits)
    return ts if ts < s - 1 else None


def stated_nationality(doc: Doc, t: int, hits: dict[int, Hit]) -> tuple[int, int, str] | None:
    """A nationality the text states for the person whose name ends before token ``t``:
    ", who is Azerbaijani," / ", an Azerbaijani national," / ", a Turkish citizen,". Its span
    (the demonym and its noun) and country; it beats any country the story's context gives."""
    lookup = doc_lookup(doc)
    toks, folded = lookup.tokens, lookup.folded
    if t + 2 >= len(doc) or toks[t].text != "," or toks[t].sent != toks[t + 1].sent:
        return None
    i = t + 1
    if folded[i] == "who" and i + 1 < len(doc) and folded[i + 1] in ("is", "was"):
        i += 2
        relative = True
    else:
        relative = False
    if i < len(doc) and folded[i] in ("a", "an"):
        i += 1
    h = hits.get(i)
    if h is None or h.entry.kind != "demonym":
        return None
    country, _ = entry_code(h.entry)
    end = h.end
    if end < len(doc) and folded[end] in NATIONAL_NOUNS:
        end += 1
    elif not relative or end < len(doc) and not toks[end].is_punct:
        return None  # "an Iranian journalist" is a role phrase; "who is Iranian-born" is no nationality
    return (h.start, end, country) if country else None


def body_led(roles: RoleBook, doc: Doc, head: tuple[Role, int], head_end: int, end: int,
              hits: dict[int, Hit]) -> tuple[str | None, str | None] | None:
    """The (country, sector) of the body a one-person role leads: "leader of the ... gang"
    REB, "spokesman for Hamas" PSEREB, "president of the Houston Restaurant Association"
    (an organisation with no known sector: no sector). None when the role is not followed
    by "of/at/for" + a body (a country keeps the role's own sector: "president of Ghana")."""
    toks = doc_lookup(doc).tokens
    if not head[0].person or head_end >= end - 1 or toks[head_end].lower_ not in ("of", "at", "for"):
        return None
    for k in range(head_end + 1, end):
        h = hits.get(k)
        if h is not None and h.end <= end and h.entry.kind in ("group", "igo", "metonym"):
            return entry_code(h.entry)
    last = end - 1
    while last > head_end and not toks[last].is_alpha:
        last -= 1
    r = roles.role_at(doc, last)
    if r is not None and r[1] > head_end and r[0].kind in ("strong", "weak") and r[0].sector:
        if not r[0].person:
            return None, r[0].sector
        return None
    body = roles.body_sector(doc, head_end + 1, end)
    if body:
        return None, body
    words = [toks[k] for k in range(head_end + 1, end) if toks[k].is_alpha and toks[k].lower_ != "the"]
    if len(words) >= 2 and all(w.text[:1].isupper() for w in words) and \
            all(w.ent_type_ == "ORG" for w in words) and r is None:
        return None, None  # an organisation of its own whose sector the words do not say
    return None
