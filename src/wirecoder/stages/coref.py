"""Within-article coreference by rules: surnames, "the president", "the authority", pronouns.

Every function takes and returns a list of :class:`~wirecoder.stages.actor_records.Found`
sorted by position; a mention that refers to an earlier actor takes that actor's ``key``
and keeps its own span.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from spacy.symbols import PRON
from spacy.tokens import Doc

from ..doc import doc_lookup
from ..knowledge import KnowledgeBase
from ..knowledge.names import fold, name_key
from .actor_records import Found, pos_ids
from .mention_titles import NATIONAL_NOUNS

PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
THING_PRONOUNS = frozenset("it its itself".split())
PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
NON_ACTOR_VERBS = frozenset("be seem appear happen take rain matter remain become cost mean".split())
LOOKBACK_SENTENCES = 2
ANAPHOR_SENTENCES = 5


def _covered(found: list[Found]) -> set[int]:
    out: set[int] = set()
    for f in found:
        out.update(range(f.start, f.end))
    return out


def link_names(doc: Doc, found: list[Found], kb: KnowledgeBase, date: dt.date | None,
               allowed) -> list[Found]:
    """Surnames and partial names join the full name met earlier ("Putin" -> "Vladimir Putin");
    a bare surname of a known office holder is that person when no other holder shares it."""
    by_part: dict[str, Found] = {}
    out: list[Found] = []
    covered = _covered(found)
    singles = {f.start: f for f in found if f.actor_kind == "person" and f.kind == "name" and f.end - f.start == 1}
    found_at = {f.start: f for f in found}
    # surnames met before the full name ("Scholz warned ... Chancellor Olaf Scholz said")
    full: dict[str, list[Found]] = {}
    for f in found:
        words = f.name.split()
        if f.actor_kind == "person" and f.key.startswith("person:") and len(words) >= 2:
            if not any(g.key == f.key for g in full.get(fold(words[-1]), [])):
                full.setdefault(fold(words[-1]), []).append(f)
    later = {k: v[0] for k, v in full.items() if len(v) == 1}
    lookup = doc_lookup(doc)
    toks, texts, folded = lookup.tokens, lookup.texts, lookup.folded  # folded[i] is fold(texts[i])
    i = 0
    n = len(doc)
    while i < n:
        f = found_at.get(i)
        if f is not None and f.end - f.start == 1 and (f.start in singles or f.key.startswith("org:")):
            earlier = by_part.get(folded[i]) or later.get(folded[i])
            if earlier is not None:
                link = f.with_(key=earlier.key, name=earlier.name, resolved_by="coreference",
                               actor_kind="person", kind="name")
                origin = _stated_origin(doc, f.end, found_at)
                out.append(link.with_(country=origin, resolved_by="apposition") if origin and not f.country else link)
                i = f.end
                continue
            holders = kb.surname_holders(toks[i].text, date) if f.start in singles else ()
            if len(holders) == 1 and _other_person(kb, toks, i, i + 1, covered, holders[0]):
                holders = ()
            if len(holders) == 1:
                p = holders[0]
                f = f.with_(key="person:" + name_key(p.name), name=p.name)
                out.append(f)
                by_part[folded[i]] = f
                i = f.end
                continue
        if f is not None:
            out.append(f)
            if f.actor_kind == "person" and f.kind in ("name", "title") and f.key.startswith("person:"):
                words = f.name.split()
                if len(words) >= 2:
                    # the first person met with a surname keeps it ("Sali Berisha ... his son
                    # Shkelzen Berisha ... Berisha said"), unless that one had no title and this one has
                    prev = by_part.get(fold(words[-1]))
                    for w in (words[-1], words[0]):
                        by_part.setdefault(fold(w), f)
                    if prev is not None and prev.resolved_by is None and f.resolved_by in ("title", "apposition"):
                        by_part[fold(words[-1])] = f
            i = f.end
            continue
        tok = toks[i]
        key = folded[i]
        earlier = by_part.get(key) or later.get(key)
        if i not in covered and (texts[i][:1].isupper() and _name_like(tok) or earlier is not None and _named_subject(tok)) and allowed(i):
            if earlier is not None:
                link = Found(i, i + 1, "name", "person", earlier.key, earlier.name, resolved_by="coreference")
                nation = _stated_nationality(doc, i + 1, found_at)
                if nation is not None:
                    # "Mehdiyev, who is Azerbaijani, said": the person's own nationality (the
                    # demonym is this person's title, no country actor of its own)
                    link = link.with_(country=nation.country, resolved_by="apposition")
                    found_at[nation.start] = Found(nation.start, nation.end, "title", "person", earlier.key,
                                                   earlier.name)
                origin = _stated_origin(doc, i + 1, found_at) if nation is None else None
                out.append(link.with_(country=origin, resolved_by="apposition") if origin else link)
            else:
                holders = kb.surname_holders(tok.text, date)
                if (len(holders) == 1 and tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "")
                        and not _in_place_name(toks, i)
                        and not _other_person(kb, toks, i, i + 1, covered, holders[0])):
                    p = holders[0]
                    f = Found(i, i + 1, "name", "person", "person:" + name_key(p.name), p.name)
                    out.append(f)
                    by_part[key] = f
        i += 1
    return out


def _stated_nationality(doc: Doc, t: int, found_at: dict[int, Found]) -> Found | None:
    """The demonym mention of ", who is Azerbaijani," / ", an Azerbaijani national," right after a
    bare surname ending before token ``t`` (the nationality the text states for that person)."""
    lookup = doc_lookup(doc)
    toks, folded = lookup.tokens, lookup.folded
    if t + 2 >= len(doc) or toks[t].text != "," or toks[t].sent != toks[t + 1].sent:
        return None
    i = t + 1
    relative = folded[i] == "who" and folded[i + 1] in ("is", "was")
    i += 2 if relative else 0
    if i < len(doc) and folded[i] in ("a", "an"):
        i += 1
    f = found_at.get(i)
    if f is None or f.kind != "demonym" or f.actor_kind != "country" or not f.country:
        return None
    if f.end < len(doc) and folded[f.end] in NATIONAL_NOUNS:
        return f.with_(end=f.end + 1)
    if not relative or f.end < len(doc) and not toks[f.end].is_punct:
        return None  # "an Iranian journalist" is a role phrase
    return f


def _stated_origin(doc: Doc, t: int, found_at: dict[int, Found]) -> str | None:
    """The country a person (or each of two conjoined people) is said to come from, right after a
    surname ending before token ``t``: "Amirov and Omarov, *both from Azerbaijan*, pleaded",
    "Lekic, *from Serbia*, said"."""
    toks = doc_lookup(doc).tokens
    i = t
    if i < len(doc) and toks[i].lower_ == "and":   # "Amirov | and Omarov, both from ..."
        i += 1
        while i < len(doc) and toks[i].pos_ == "PROPN" and toks[i].text[:1].isupper():
            i += 1
        if i == t + 1:
            return None
    if i + 2 >= len(doc) or toks[i].text != ",":
        return None
    i += 1
    if toks[i].lower_ in ("both", "all"):
        i += 1
    if i + 1 >= len(doc) or toks[i].lower_ != "from":
        return None
    f = found_at.get(i + 1)
    if f is None or f.actor_kind != "country" or f.kind not in ("country", "name") or not f.country:
        return None
    return f.country if f.end >= len(doc) or toks[f.end].is_punct else None


def _named_subject(tok) -> bool:
    """A capitalised subject the tagger took for a common noun at the start of a sentence
    ("Mehdiyev, who is Azerbaijani, said"): a name when it is the surname of a person met before."""
    return tok.text[:1].isupper() and tok.is_alpha and tok.dep_ in ("nsubj", "nsubjpass")


def _name_part(tok) -> bool:
    """A word that can be part of the same personal name: a capitalised proper noun that is no
    other kind of entity (not "Monday", "Baghdad")."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ in ("", "PERSON")


def _given_name(kb: KnowledgeBase, word) -> bool:
    """``word`` next to a surname reads as another part of a personal name: a capitalised proper
    noun that is no title, honorific or role of roles.tsv ("Chancellor", "Mr", "Administration")."""
    return _name_part(word) and word.is_alpha and kb.role((word.lower_,)) is None


def _in_place_name(toks, i: int) -> bool:
    """Token ``i`` is one word of a longer place name ("Ho" of "Ho Chi Minh City", "Jackson" of
    "Jackson Heights"): no surname of an office holder."""
    tok = toks[i]
    if tok.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    return tok.ent_iob_ == "I" or (i + 1 < len(toks) and toks[i + 1].ent_iob_ == "I")


def _other_person(kb: KnowledgeBase, toks, start: int, end: int, covered: set[int], holder) -> bool:
    """The surname at ``start:end`` belongs to someone else than the office ``holder``: the name
    goes on after it ("Haroon Rashid Aswad": not the surname), or a given name written before it
    is none of the holder's names ("Haroon Rashid" is not "Abdul Latif Rashid")."""
    if end < len(toks) and end not in covered and _given_name(kb, toks[end]) and toks[end].ent_type_ == toks[end - 1].ent_type_:
        return True
    if start == 0 or start - 1 in covered or not _given_name(kb, toks[start - 1]):
        return False
    words = {fold(w) for name in (holder.name, *holder.aliases) for w in name.replace("-", " ").split()}
    return fold(toks[start - 1].text) not in words


def _name_like(tok) -> bool:
    """A capitalised proper noun, or a capitalised word the tagger took for a common noun but that
    is a name ("Trump hosted Erdogan": NOUN, entity ORG); a sentence-initial common noun that is
    no entity ("Price rises ...") is not a name."""
    if not tok.text[:1].isupper():
        return False
    if tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "NOUN" and (tok.ent_type_ in ("PERSON", "ORG") or not tok.is_sent_start)


def link_roles(found: list[Found]) -> list[Found]:
    """"the president" joins the last person with that role; "the authority" joins the last
    group with that head word and a compatible country."""
    out: list[Found] = []
    for f in found:
        if f.head and f.definite and f.kind in ("role", "group"):
            target = None
            for g in reversed(out):
                if g.key == f.key:
                    break
                if f.kind == "role" and g.actor_kind == "person" and g.role and f.head in fold(g.role) and \
                        (f.country is None or g.country in (None, f.country)):
                    target = g
                    break
                if f.kind == "group" and g.head == f.head and g.actor_kind == f.actor_kind and \
                        (f.country is None or g.country in (None, f.country)):
                    target = g
                    break
            if target is not None:
                f = f.with_(key=target.key, name=target.name, resolved_by="coreference", context=False)
        out.append(f)
    return out


def link_anaphors(doc: Doc, found: list[Found]) -> list[Found]:
    """"the group", "the outfit", "the rebel group" join the nearest earlier named body
    (a group, organisation or international body) of a compatible country and sector within
    ANAPHOR_SENTENCES sentences; a role group of the same sector ("rebels") when the anaphor
    has one. A bare "the group" that refers to nothing is not an actor."""
    toks = doc_lookup(doc).tokens
    out: list[Found] = []
    for f in found:
        if not f.anaphor or f.plural or not (f.definite or f.possessor is not None):
            out.append(f)
            continue
        first = toks[f.start].sent.start
        for _ in range(ANAPHOR_SENTENCES):
            if first == 0:
                break
            first = toks[first - 1].sent.start
        target = None
        for g in reversed(out):
            if g.start < first:
                break
            if f.country and g.country and g.country != f.country or f.sector and g.sector and g.sector != f.sector:
                continue
            named = g.kind in ("name", "igo") and g.actor_kind in ("group", "organisation", "igo")
            same_role = g.kind == "group" and f.sector is not None and g.sector == f.sector and not g.anaphor
            if named or same_role or g.anaphor and g.key != f.key and g.resolved_by == "coreference":
                target = g
                break
        if target is not None:
            out.append(f.with_(key=target.key, name=target.name, actor_kind=target.actor_kind,
                               resolved_by="coreference", context=False))
        elif f.country or f.sector:
            out.append(f)
    return out


def _abbreviation(tok) -> bool:
    """A short upper-case token such as "HNP", "U.N.D.P", "AU" (two to eight letters)."""
    letters = tok.text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def _initials(doc: Doc, f: Found) -> str | None:
    """The initials of an organisation's name of three or more capitalised words ("National
    Congress Party" -> "NCP"; "of"/"for"/"and"/"the" skipped), a short name stories use undefined."""
    if f.actor_kind not in ("organisation", "group", "igo") or f.kind == "pronoun":
        return None
    words = [t for t in doc_lookup(doc).tokens[f.start:f.end]
             if t.lower_ not in ("of", "for", "and", "the", "'s", "’s")]
    if len(words) < 3 or not all(t.text[:1].isupper() and t.is_alpha and not t.is_upper for t in words):
        return None
    return "".join(t.text[0] for t in words)


def link_abbreviations(doc: Doc, found: list[Found]) -> list[Found]:
    """A short name the story defines in brackets after a name, "the Haitian National Police
    (HNP)", names that actor wherever it recurs ("the HNP said ..."), unless the token is already
    a mention of its own. One pass over the tokens."""
    ends = {f.end: f for f in found if f.kind not in ("pronoun",) and f.end - f.start >= 2}
    known = {f.start: f for f in found if f.end == f.start + 1 and f.resolved_by == "knowledge" and f.country}
    covered = _covered(found)
    aliases: dict[str, Found] = {}
    out = list(found)
    recoded: dict[int, Found] = {}
    n = len(doc)
    lookup = doc_lookup(doc)
    toks, texts = lookup.tokens, lookup.texts
    for i in range(n):
        text = texts[i]
        if text == "(" and i + 2 < n and texts[i + 2] == ")" and i in ends and _abbreviation(toks[i + 1]):
            long = ends[i]
            short = known.get(i + 1)
            if (short is not None and short.actor_kind not in ("country", "metonym", "person", "region")
                    and long.actor_kind in ("organisation", "group") and long.resolved_by in (None, "context")):
                # "the International Labor Office (ILO)": a name the knowledge base lacks is the
                # body its known short name stands for
                long = long.with_(key=short.key, actor_kind=short.actor_kind, country=short.country,
                                  sector=short.sector, note=short.note, resolved_by="knowledge", context=False)
                recoded[long.start] = long
                ends[i] = long
            aliases[texts[i + 1]] = long
        elif i in ends and (short := _initials(doc, ends[i])) is not None:
            aliases.setdefault(short, ends[i])   # "the National Congress Party ... the NCP's assets"
        f = aliases.get(text)
        if f is not None and i not in covered and i >= f.end:
            out.append(f.with_(start=i, end=i + 1, kind="name", resolved_by="coreference",
                               possessor=None, anaphor=False))
    if recoded:
        out = [recoded[f.start] if f.start in recoded and f.end == recoded[f.start].end else f for f in out]
    out.sort(key=lambda f: f.start)
    return out


def link_pronouns(doc: Doc, found: list[Found], allowed) -> list[Found]:
    """he/she/his -> the last person; it/its -> the last organisation, country or body when it
    was the last subject; they/their -> the last plural group that was the last subject."""
    covered = _covered(found)
    mentions = sorted(found, key=lambda f: f.start)
    token_found = {}
    for f in mentions:
        for k in range(f.start, f.end):
            token_found[k] = f
    out = list(found)
    toks = doc_lookup(doc).tokens
    stops = sorted(_subjects(doc).union(token_found))  # where an antecedent search can stop
    for i in [i for i, p in enumerate(pos_ids(doc)) if p == PRON]:  # pos: the id, no string made
        if i in covered or not allowed(i):
            continue
        tok = toks[i]
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            fits = lambda f: f.actor_kind == "person" and not f.plural  # noqa: E731
            target = _cataphor(tok, token_found, fits) or _last(doc, tok, token_found, fits,
                                                                block=lambda t: False, any_role=True, stops=stops)
        elif low in THING_PRONOUNS:
            if low == "it" and (tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ in NON_ACTOR_VERBS):
                continue
            fits = lambda f: f.actor_kind in ("organisation", "country", "metonym", "igo", "region") \
                or (f.actor_kind == "group" and not f.plural)  # noqa: E731
            target = _cataphor(tok, token_found, fits) or _last(doc, tok, token_found, fits, block=_singular_thing,
                                                                                         stops=stops)
        elif low in PLURAL_PRONOUNS:
            if tok.dep_ in ("dobj", "pobj") and any(
                    t.tag_ in ("NNS", "NNPS") and t.i not in covered for t in toks[tok.sent.start:tok.i]):
                continue  # "held the 48 migrants since arresting *them*": the plural just named
            fits = lambda f: f.plural or f.actor_kind == "group"  # noqa: E731
            target = _cataphor(tok, token_found, fits) or _last(doc, tok, token_found, fits,
                                                                block=lambda t: t.tag_ in ("NNS", "NNPS"), stops=stops)
        else:
            continue
        if target is not None:
            out.append(Found(tok.i, tok.i + 1, "pronoun", target.actor_kind, target.key, target.name,
                             resolved_by="coreference", plural=target.plural))
    out.sort(key=lambda f: f.start)
    return out


FRONTED_DEPS = frozenset({"advcl", "prep"})


def _cataphor(pron, token_found: dict, fits) -> Found | None:
    """A subject pronoun in a clause fronted before the main clause refers ahead to the main
    clause's subject: "After weeks of denying *it* planned to deport them, *Thailand* deported
    40", "Before *she* left office, *the minister* signed ..."."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    root = pron.sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i < pron.i:
        return None
    fronted = next((c for c in root.children if c.dep_ in FRONTED_DEPS and c.i < subj.i
                    and c.left_edge.i <= pron.i <= c.right_edge.i), None)
    if fronted is None:
        return None
    target = token_found.get(subj.i)
    return target if target is not None and target.kind != "pronoun" and fits(target) else None


def _body_of_subject(tok) -> bool:
    """The body a subject speaks or works for counts as a subject: "a spokesperson *for the State
    Department* said *it* had ..." (it = the State Department, not a country named before)."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.dep_ == "prep" and prep.lower_ in ("for", "of") \
        and prep.head.dep_ in ("nsubj", "nsubjpass") and prep.head.pos_ == "NOUN"


def _singular_thing(tok) -> bool:
    return tok.tag_ in ("NN", "NNP") and tok.dep_ in ("nsubj", "nsubjpass")


def _subjects(doc: Doc) -> frozenset[int]:
    """The tokens that are a subject or the body a subject speaks for (see
    :func:`_body_of_subject`), found once per Doc."""
    lookup = doc_lookup(doc)
    got = lookup.memo.get("coref.subjects")
    if got is None:
        toks, deps = lookup.tokens, lookup.deps
        got = lookup.memo["coref.subjects"] = frozenset(
            k for k, dep in enumerate(deps)
            if dep in ("nsubj", "nsubjpass") or dep == "pobj" and _body_of_subject(toks[k]))
    return got  # type: ignore[return-value]


def _last(doc: Doc, pron, token_found: dict, fits, block, any_role: bool = False,
          stops: list[int] | None = None) -> Found | None:
    """The nearest earlier subject mention that fits (current and previous sentences); a
    non-actor subject that could be the antecedent (``block``) stops the search. ``stops``:
    the sorted tokens that are a mention or a subject (the others change nothing)."""
    toks = doc_lookup(doc).tokens
    sent = pron.sent
    first_sent_start = sent.start
    for _ in range(LOOKBACK_SENTENCES):
        if first_sent_start == 0:
            break
        first_sent_start = toks[first_sent_start - 1].sent.start
    fallback = None
    subjects = _subjects(doc)
    if stops is None:
        stops = sorted(subjects.union(token_found))
    for k in reversed(stops[bisect_left(stops, first_sent_start):bisect_left(stops, pron.i)]):
        f = token_found.get(k)
        subject = k in subjects
        if f is not None:
            if fits(f):
                if subject:
                    return f
                if fallback is None:
                    fallback = f
            continue
        if subject and block(toks[k]):
            return None
    return fallback if any_role else None
