"""Finding event triggers in a sentence: which pattern fires on which token, and in what mood.

A *match* is a token whose lemma heads a pattern and whose neighbourhood in the dependency parse
holds the pattern's other words and prepositions. The *mood* of a match says whether the action
happened, is only intended or threatened, refused, negated, or merely possible/conditional.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan, Token

from ..doc import doc_lookup
from ..patterns import Cues, Pattern, PatternBook
from .trigger_keys import Key, TokenKeys, own_trees

# dependency relations that lead from a trigger to the words that specify it
NEAR_DEPS = frozenset({
    "dobj", "pobj", "prep", "xcomp", "attr", "oprd", "acomp", "nsubjpass", "prt", "dative",
    "compound", "amod", "nmod", "agent", "pcomp", "advmod", "npadvmod", "nummod", "acl", "conj",
    "ccomp", "dep", "appos", "poss", "mark",
})
PREP_DEPS = frozenset({"prep", "prt", "agent", "dative", "advmod"})
VERB_TAGS = ("VERB", "AUX")
NOUN_TAGS = ("NOUN", "PROPN")
RELATIVE = frozenset({"who", "that", "which", "whom", "whose"})


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern that fired on one token."""

    trigger: Token
    pattern: Pattern
    words: tuple[Token, ...]      # tokens that matched the pattern's words
    preps: tuple[Token, ...]      # prepositions that matched the pattern's prepositions

    @property
    def consumed(self) -> frozenset[int]:
        return frozenset(t.i for t in self.words) | {self.trigger.i}


@dataclass(frozen=True, slots=True)
class Mood:
    """How the sentence presents a matched action."""

    kind: str           # fact | intent | prepared | ultimatum | refused | possible | conditional | obligation
    negated: bool
    reason: str         # a few words for explain


def kids(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)`` in text order, from the Doc's children index (each child Token
    made once per Doc, not on every walk)."""
    return doc_lookup(token.doc).child_tokens(token.i)


def lemma(token: Token) -> str:
    """``token.lemma_.lower()``, read from the Doc's array of them."""
    return doc_lookup(token.doc).lemmas[token.i]


def base_forms(word: str) -> tuple[str, ...]:
    """Candidate base forms of an inflected word, for the parser's wrong lemmas
    ("staged" -> lemma "stag": try "stage"). Tried only when the lemma heads no pattern."""
    out: list[str] = []
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
                         ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)]
            out.append(stem + repl)
            if repl == "" and len(stem) >= 4 and stem[-1] == stem[-2]:   # "stopped" -> "stop"
                out.append(stem[:-1])
    return tuple(dict.fromkeys(out))


def descriptive(token: Token) -> bool:
    """A participle used as an adjective before a noun ("the *alleged* bombers", "a *banned*
    group", "*prohibited* weapons", "the *occupied* West Bank") describes, it reports no event;
    nor does a bare gerund of purpose after "for", with no subject or object of its own ("held
    *for questioning*", "summoned for questioning in the inquiry")."""
    if token.tag_ == "VBG" and token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "for" \
            and not any(c.dep_ in ("dobj", "nsubj", "ccomp", "xcomp") for c in kids(token)):
        return True  # "detained *for questioning*": the purpose of what is done, no act of its own
    return token.dep_ == "amod" and token.tag_ in ("VBN", "VBG", "JJ") and token.head.i > token.i


def near(token: Token, depth: int = 2, deps: frozenset[str] = NEAR_DEPS) -> list[Token]:
    """Tokens reachable from ``token`` through ``deps`` within ``depth`` steps (breadth first)."""
    lookup = doc_lookup(token.doc)
    tokens = lookup.tokens
    return [tokens[c] for c in _near_indexes(lookup, token.i, depth, deps)]


def _near_indexes(lookup, i: int, depth: int, deps: frozenset[str] = NEAR_DEPS) -> list[int]:
    """The indexes of :func:`near`, from the Doc's arrays (no Token made)."""
    children, relations = lookup.children, lookup.deps
    out: list[int] = []
    frontier = [i]
    for _ in range(depth):
        nxt: list[int] = []
        for t in frontier:
            for c in children[t]:
                if relations[c] in deps:
                    nxt.append(c)
        out.extend(nxt)
        frontier = nxt
    return out


class TriggerFinder:
    """Matches the pattern book against sentences. Build once; call per sentence."""

    def __init__(self, book: PatternBook) -> None:
        self.verbs = book.index("verb")
        self.nouns = book.index("noun")
        self.cues = book.cues
        # the patterns a word can head, looked up once per (POS, tag, lemma, word) however
        # often the word recurs (bounded: memory stays flat over a corpus)
        self._headed: dict[Key, tuple[Pattern, ...]] = {}
        # per such key: every word the head's patterns need, False when one needs none
        self._needed: dict[Key, frozenset[str] | bool] = {}
        self._strings: dict[int, str] = {}  # string ids read for :class:`TokenKeys`

    def token_keys(self, lookup) -> TokenKeys:
        """The Doc's :class:`TokenKeys`, read once."""
        keys = lookup.memo.get("event_triggers.keys")
        if keys is None:
            keys = lookup.memo["event_triggers.keys"] = TokenKeys(lookup, self._strings)
        return keys

    def candidates(self, token: Token, key: Key | None = None) -> tuple[Pattern, ...]:
        """The patterns ``token`` can head; ``key``: its (POS, tag, lemma, lower-case) ids when
        the caller has them (:meth:`token_keys`)."""
        if key is None:
            key = (token.pos, token.tag, token.lemma, token.lower)  # ids: no string is made
        found = self._headed.get(key)
        if found is None:
            if len(self._headed) >= 1 << 16:
                self._headed.clear()
            found = self._headed[key] = self._headed_by(token.pos_, token.tag_, token.lemma_, token.lower_)
        return found

    def _heads(self, lookup, tokens, keys: dict[int, Key]) -> list[int]:
        """The indexes of the Doc's tokens that can head a pattern, found once per Doc
        (a sentence then tries only these, not each of its tokens); ``keys``: :meth:`token_keys`."""
        name = f"event_triggers.heads.{id(self)}"  # the heads of this finder's pattern book
        heads = lookup.memo.get(name)
        if heads is None:
            headed, candidates = self._headed, self.candidates
            heads = lookup.memo[name] = []
            for i, key in keys.items():
                found = headed.get(key)
                if found is None:
                    found = candidates(tokens[i], key)
                if found:
                    heads.append(i)
        return heads

    def _needs(self, key: Key, patterns: tuple[Pattern, ...]) -> frozenset[str] | bool:
        """Every word some pattern of ``patterns`` (those of ``key``) needs near its head; False
        when a pattern needs none. A sentence with none of these words matches none of them."""
        needed = self._needed.get(key)
        if needed is None:
            if len(self._needed) >= 1 << 16:
                self._needed.clear()
            needed = self._needed[key] = all(p.words for p in patterns) and frozenset(
                w for p in patterns for group in p.words for w in group)
        return needed

    def _headed_by(self, pos: str, tag: str, lemma_: str, lower: str) -> tuple[Pattern, ...]:
        if pos in VERB_TAGS or tag.startswith("VB"):
            index = self.verbs
        elif pos in NOUN_TAGS:
            index = self.nouns
        else:
            return ()
        for form in (lemma_.lower(), lower, *base_forms(lower)):
            if form in index:
                return index[form]
        return ()

    def match_token(self, token: Token, key: Key | None = None,
                    lemmas: tuple[str, ...] | None = None, sentence: set[str] | None = None) -> Match | None:
        """The match ``token`` heads, if any; ``key`` (:meth:`token_keys`) and ``lemmas``
        (:attr:`~wirecoder.doc.DocLookup.lemmas`): the Doc's per-token arrays, when at hand;
        ``sentence``: the lemmas and lower-case forms of the token's sentence, when at hand."""
        if key is None:
            key = (token.pos, token.tag, token.lemma, token.lower)
        patterns = self.candidates(token, key)
        if not patterns or descriptive(token):
            return None
        needed = self._needs(key, patterns)
        if sentence is not None and needed is not False and sentence.isdisjoint(needed):
            return None  # no pattern's word is in the sentence (its words are near the head or none)
        # each nearby word's lemma, form and relation read once for all the head's patterns,
        # from the Doc's arrays (``lemmas[i]`` is ``lemma(token)``)
        lookup = doc_lookup(token.doc)
        tokens, lemmas, lowers, deps = lookup.tokens, lookup.lemmas, self.token_keys(lookup).lowers, lookup.deps
        around = [(tokens[c], c, lemmas[c], lowers[c], deps[c]) for c in _near_indexes(lookup, token.i, 3)]
        acted_on = relative_object(token) if deps[token.i] in ("relcl", "acl") else None
        if acted_on is not None:
            around.append((acted_on[0], acted_on[0].i, lemmas[acted_on[0].i], lowers[acted_on[0].i], acted_on[1]))
        present = {w for _, _, lem, low, _ in around for w in (lem, low)}
        if needed is not False and present.isdisjoint(needed):
            return None  # no pattern's word is near
        frames = self.frames_action(token)
        for pattern in patterns:
            if frames and pattern.is_event and pattern.specificity == 0:
                continue
            words = pattern.words
            if len(words) == 1:
                if present.isdisjoint(words[0]):
                    continue  # the word the pattern needs is nowhere near: _match would find nothing
            elif any(present.isdisjoint(group) for group in words):
                continue  # a word the pattern needs is nowhere near: _match would find nothing
            found = _match(pattern, token, around)
            if found is not None:
                return found if pattern.is_event else None
        return None

    def frames_action(self, token: Token) -> bool:
        """A verb of continuation/help that governs another verb ("*helps* people build
        businesses", "*started* to pay") only frames that action: its bare sense is no event."""
        return lemma(token) in self.cues.continuation and any(
            c.dep_ in ("xcomp", "ccomp") and (c.pos_ in VERB_TAGS or c.tag_.startswith("VB"))
            for c in kids(token))

    def matches(self, sent: SpacySpan) -> list[Match]:
        """Every match in the sentence, in text order; a token a governing match consumed
        (``refused to *meet*``) does not fire again."""
        lookup = doc_lookup(sent.doc)
        tokens, index, lemmas = lookup.tokens, self.token_keys(lookup), lookup.lemmas
        keys = index.keys
        heads = self._heads(lookup, tokens, keys)
        here = heads[bisect_left(heads, sent.start):bisect_left(heads, sent.end)]
        words = None
        if here and own_trees(lookup, index, sent):
            lowers = index.lowers
            words = {*lemmas[sent.start:sent.end], *lowers[sent.start:sent.end]}
        found = [m for i in here if (m := self.match_token(tokens[i], keys[i], lemmas, words)) is not None]
        consumed: set[int] = set()
        for m in sorted(found, key=lambda m: -m.pattern.specificity):
            consumed |= m.consumed - {m.trigger.i}
        return [m for m in found if m.trigger.i not in consumed]


LOCATIVE = frozenset({"in", "near", "at", "inside", "outside", "around", "across", "throughout"})


def _where_not_what(word: Token, verb: Token) -> bool:
    """A place where a verb with its own object happens (on the verb or on its object) does not
    specify the action: "captured the gang leader *in the city*" is an arrest, not the capture of
    a city."""
    if verb.pos_ not in VERB_TAGS or not any(c.dep_ == "dobj" for c in kids(verb)):
        return False
    t = word
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in LOCATIVE and (
                t.head.i == verb.i or (t.head.dep_ == "dobj" and t.head.head.i == verb.i)):
            return True
        t = t.head
    return False


def _on_naming_complement(prep: Token, verb: Token) -> bool:
    """A preposition inside what a verb names its object ("called the drills *a punishment for*
    separatist acts", "what they called a victory *for* Sudan") belongs to that name, not to the
    verb: it makes no "call for". The parser may hang it on the verb after the name ("called a
    great day *for* Bolivia")."""
    if prep.head.i == verb.i and any(c.dep_ == "oprd" and c.i < prep.i for c in kids(verb)):
        return True
    t = prep
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "oprd":
            return True
        t = t.head
    return False


_WORD_DEPS_NOT = PREP_DEPS - {"advmod"}  # a pattern's word is no preposition (an adverb may be)


def _match(pattern: Pattern, token: Token, around: list[tuple[Token, int, str, str, str]]) -> Match | None:
    """``around``: the tokens near the trigger as (token, index, lemma, lower-case form, relation)."""
    used: set[int] = {token.i}
    words: list[Token] = []
    for group in pattern.words:
        hit = next((t for t, i, lem, low, dep in around if i not in used and (lem in group or low in group)
                    and dep not in _WORD_DEPS_NOT and not _where_not_what(t, token)), None)
        if hit is None:
            return None
        used.add(hit.i)
        words.append(hit)
    preps: list[Token] = []
    for group in pattern.preps:
        hit = next((t for t, i, _, low, dep in around if i not in used and dep in PREP_DEPS and low in group
                    and not _on_naming_complement(t, token)), None)
        if hit is None and "to" in group:
            hit = infinitive_marker(token)
        if hit is None:
            return None
        used.add(hit.i)
        preps.append(hit)
    return Match(token, pattern, tuple(words), tuple(preps))


def relative_object(token: Token) -> tuple[Token, str] | None:
    """The noun a relative clause's verb acts on, with the relation it has to the verb: "the
    sanctions (that) Washington *imposed* on Moscow" (its object: ``dobj``), "the sanctions
    *imposed* on Moscow by the EU", "the aid that was *sent* to Chad" (a passive's subject:
    ``nsubjpass``).
    None when the noun is what does the verb ("the troops that *attacked*") or the verb has an
    object of its own."""
    if token.dep_ not in ("relcl", "acl") or token.head.pos_ not in NOUN_TAGS or token.head is token:
        return None
    by_dep = {c.dep_: c for c in kids(token)}
    obj = by_dep.get("dobj")
    if obj is not None and obj.lower_ not in RELATIVE:
        return None
    if token.dep_ == "acl":
        # only with its agent named: a bare participle after a noun is often a misparse
        if token.tag_ == "VBN" and "agent" in by_dep and "nsubj" not in by_dep and "nsubjpass" not in by_dep:
            return token.head, "nsubjpass"
        return None
    subj, patient = by_dep.get("nsubj"), by_dep.get("nsubjpass")
    if subj is not None and subj.lower_ not in RELATIVE:
        return token.head, "dobj"
    if patient is not None and patient.lower_ in RELATIVE:
        return token.head, "nsubjpass"
    return None


def infinitive_marker(token: Token) -> Token | None:
    """The "to" of an infinitive the trigger governs: "agreed *to* hold talks", "readiness *to*
    continue" stand for "agreed to talks", "readiness for ..." (a pattern's ``to``)."""
    for c in kids(token):
        if c.dep_ in ("xcomp", "acl") and c.pos_ in VERB_TAGS:
            mark = next((a for a in kids(c) if a.dep_ == "aux" and a.lower_ == "to"), None)
            if mark is not None:
                return mark
    return None


def clause_verb(token: Token) -> Token:
    """The verb whose clause the token sits in (the token itself when it is a verb)."""
    t = token
    for _ in range(12):
        if t.pos_ in VERB_TAGS or t.tag_.startswith("VB") or t.head is t:
            return t
        t = t.head
    return t


def governor(verb: Token) -> Token | None:
    """The verb or adjective an infinitive/complement clause depends on ("refused to *meet*")."""
    if verb.dep_ in ("xcomp", "ccomp", "conj") and verb.head is not verb:
        head = verb.head
        if head.dep_ == "acomp":        # "is ready to meet": the adjective governs
            return head
        return head
    return None


def _extraposed_judgement(verb: Token, cues: Cues) -> bool:
    """An infinitive extraposed after "it" and a judgement word (``cues.judgements``): "it makes
    *sense* to assist X", "it is *important* to back Y", "it would be *wise* for Z to help"."""
    if verb.dep_ not in ("xcomp", "ccomp", "advcl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb)):
        return False
    head = verb.head
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in kids(head)) and any(
        c.dep_ in ("acomp", "attr", "dobj") and lemma(c) in cues.judgements for c in kids(head))


def mood_of(match: Match, cues: Cues) -> Mood:
    """How the sentence presents the match (see :class:`Mood`)."""
    verb = clause_verb(match.trigger)
    negated = _negated(match.trigger, cues) or (
        not _subject_noun(match) and (_negated(verb, cues) or _negative_argument(verb, cues)))
    # conditions anywhere up the clause chain: "if X attacks", "unless they withdraw"
    t = verb
    for _ in range(12):
        if t.dep_ in ("advcl", "ccomp", "pcomp") and any(c.dep_ == "mark" and c.lower_ in cues.conditional
                                               for c in kids(t)):
            return Mood("conditional", negated, f"inside a condition ('{_mark(t)}')")
        if t.head is t:
            break
        t = t.head
    if verb.dep_ in ("csubj", "csubjpass") and verb.tag_ == "VBG":
        # "attempting a summit with X could be risky", "sending troops is no answer": an action
        # named as the subject of a judgement, not one that happened
        return Mood("possible", negated, f"an action judged as a subject ('{verb.text} ... {verb.head.text}')")
    if _extraposed_judgement(verb, cues):
        # "it makes sense to help X", "it would be wise to back Y": an action judged, not done
        return Mood("possible", negated, f"an action judged ('it ... {verb.head.text} ... to {verb.text}')")
    auxes = {c.lower_ for c in kids(verb) if c.dep_ in ("aux", "auxpass")}
    conditions = [c for c in kids(verb) if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in cues.conditional for m in kids(c))]
    has_condition = bool(conditions)
    if has_condition and auxes & (cues.future | cues.possible) and (
            negated or any(_negative_condition(c) for c in conditions)):
        # "will not buy U.S. aircraft if ...", "will buy Russian jets if the freeze is not lifted",
        # "unless they withdraw, we will ...": an ultimatum, whatever the action
        return Mood("ultimatum", False, f"an action promised or withheld on a condition ('{_mark(conditions[0])}')")
    # an infinitive under an intention, refusal or readiness word
    head = verb
    for _ in range(3):
        if head.dep_ != "xcomp" or head.head is head:
            break
        gov = head.head
        gl = lemma(gov)
        if gl in cues.refusal:
            return Mood("refused", negated, f"refused ('{gov.text}')")
        if gl in cues.intent_adjectives or gl in cues.intent or (gl == "go" and gov.tag_ == "VBG"):
            neg = negated or _negated(gov, cues)
            ready = gl in cues.preparation and gov.tag_ != "VBN" and gov.pos_ == "VERB"  # not "is prepared to"
            return Mood("prepared" if ready else "intent", neg, f"intended ('{gov.text}')")
        if gl not in cues.continuation:
            break
        head = gov
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in kids(verb)) and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb)):
        # "the importance *for* China *to trade* with Africa", "time for X to act": an infinitive
        # with its own subject states what would be, not what happened
        return Mood("possible", negated, "an infinitive with its own subject ('for X to')")
    if verb.dep_ == "xcomp" and lemma(verb.head) == "be" and any(lemma(c) == "to" for c in kids(verb)):
        return Mood("intent", negated, "'is to'")
    if "have" in auxes and verb.tag_ == "VBN" and auxes & (cues.future | cues.possible | cues.obligation):
        # "must have given", "could have killed", "would have attacked": an inference or a
        # counterfactual, not a reported fact
        return Mood("possible", negated, f"an inference or counterfactual ('{sorted(auxes - {'have'})[0]} have')")
    if auxes & cues.future:
        return Mood("intent", negated, "future ('will')")
    if auxes & cues.possible:
        if has_condition:
            return Mood("intent", negated, "possible with a condition (a threat or offer)")
        return Mood("possible", negated, f"only possible ('{sorted(auxes & cues.possible)[0]}')")
    if auxes & cues.obligation:
        return Mood("obligation", negated, "an obligation ('should', 'must')")
    return Mood("fact", negated, "")


def _subject_noun(match: Match) -> bool:
    """An event noun that is its clause's subject ("X's *demand* for relief did not mesh with
    ..."), or an adverbial phrase of it ("*thanks* to the police, that did not happen"): the
    clause says something about the event, its negation does not undo the event."""
    t = match.trigger
    if match.pattern.kind != "noun":
        return False
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass", "npadvmod")


def _negated(token: Token, cues: Cues) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in kids(token))


def _negative_argument(verb: Token, cues: Cues) -> bool:
    """A subject or object that says nobody did it or it happened to nobody ("*no* passengers
    were killed", "*none* of the soldiers were wounded", "killed *nobody*")."""
    for c in kids(verb):
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if c.lower_ in cues.negative_arguments or any(
                d.dep_ == "det" and d.lower_ in cues.negative_arguments for d in kids(c)):
            return True
    return False


def _negative_condition(clause: Token) -> bool:
    """"unless X", "if X does not Y": a condition the other side must meet."""
    return any(c.dep_ == "mark" and c.lower_ == "unless" for c in kids(clause)) or any(
        c.dep_ == "neg" for c in kids(clause))


def _mark(token: Token) -> str:
    return next((c.text for c in kids(token) if c.dep_ == "mark"), "")
