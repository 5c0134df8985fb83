"""Frames around an event that decide who did it or whether it is reported at all: a duty
laid on an actor inside a speaker's direct quote (a demand, 10x), a meeting that frames an
actor's act ("after a meeting with X, the governor told ..."), an event noun that is only the
topic of a talk ("spoke about his trip to X")."""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..doc import quote_at
from ..patterns import Cues, Pattern
from .event_clauses import subject_of
from .event_drafts import Draft
from .event_roles import Roles
from .event_targets import find_targets
from .phrase_actors import actors_of
from .event_triggers import Match, kids, lemma
from .role_references import PluralNouns

# prepositions that put an act inside a meeting ("after / during / at a meeting with X")
MEETING_FRAMES = frozenset({"after", "before", "during", "following", "at", "ahead"})
# what a talk is about: "spoke *about* his trip", "asked *about* the sanctions"
TOPIC_PREPS = frozenset({"about"})
TALK_VERBS = frozenset({"speak", "talk", "ask", "interview", "question", "chat", "testify", "write", "learn", "hear"})
# how the parser hangs a later item of a topic list on the talk verb itself
LIST_ITEM_DEPS = frozenset({"npadvmod", "appos", "dobj", "dep"})


def quoted_speaker(doc: Doc, verb: Token) -> list[str]:
    """The speaker (actor id) of the direct quote ``verb`` stands in, if the quotes stage found one."""
    quote = quote_at(doc, verb.idx)
    if quote is None or quote.kind != "direct" or not quote.speaker:
        return []
    return [quote.speaker]


def quoted_obligations(doc: Doc, sent: SpacySpan, cues: Cues, demand: Pattern,
                       pairs: Callable[..., list[tuple[str, str | None]]], notes: list[str]) -> list[Draft]:
    """A direct quote whose main clause lays a duty on another actor ("“The ministry must
    stop these raids,” the union said"; "the council shouldn't sign it"): a demand of the
    quote's speaker on that actor (the stage keeps one event per sentence, dyad and code)."""
    verb = sent.root
    modal = next((a for a in kids(verb) if a.dep_ == "aux" and a.lower_ in cues.obligation), None)
    if modal is None or any(a.dep_ == "aux" and a.lower_ == "have" for a in kids(verb)):
        return []
    sources = quoted_speaker(doc, verb)
    subj, _ = subject_of(verb, cues)
    targets = [a for a in actors_of(doc, subj) if a not in sources]
    if not sources or not targets:
        return []
    match = Match(modal, demand, (), ())
    roles = Roles(tuple(sources), tuple(targets), "quote", quote_at(doc, verb.idx))
    note = f"'{subj.text if subj is not None else ''} {modal.text} {verb.text}': a duty the quote lays on an actor -> 100 (demand)"
    notes.append(note)
    return [Draft(match, "100", s, t, False, roles, sent, note) for s, t in pairs(roles, False, True)]


def topic_of_talk(noun: Token, cues: Cues) -> bool:
    """"spoke with reporters *about* his trip to Kenya and U.S. support for the island": an
    event noun named as what a talk, question or interview is about."""
    t = noun
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ in LIST_ITEM_DEPS and _talk_verb(t.head, cues) and any(
            p.dep_ == "prep" and p.lower_ in TOPIC_PREPS and p.i < t.i for p in kids(t.head)):
        # "asked him about his trip, U.S. support for the island and ...": a later item of the
        # list the parser hangs on the verb itself
        return True
    if t.dep_ != "pobj" or t.head.lower_ not in TOPIC_PREPS:
        return False
    return _talk_verb(t.head.head, cues)


def _talk_verb(verb: Token, cues: Cues) -> bool:
    return verb.pos_ in ("VERB", "AUX") and (lemma(verb) in cues.speech or lemma(verb) in TALK_VERBS)


def meeting_attendee(doc: Doc, match: Match, roles: Roles, cues: Cues, plurals: PluralNouns | None) -> Roles:
    """"The governor, *after a meeting with* farmers' leaders, told ...", "he told reporters
    *during a news conference with* the French minister": the one whose act the meeting
    frames took part in it; the meeting's with-actor is the other party."""
    prep = match.trigger.head
    if match.trigger.dep_ != "pobj" or prep.lower_ not in MEETING_FRAMES:
        return roles
    verb = prep.head.head if prep.head.dep_ in ("dobj", "dative") else prep.head   # "told reporters during ..."
    if verb.pos_ not in ("VERB", "AUX"):
        return roles
    subj, _ = subject_of(verb, cues)
    sources = actors_of(doc, subj)
    if not sources:
        return roles
    targets, target_from = find_targets(doc, match, sources, cues, plurals)
    if not targets:
        return roles
    return Roles(tuple(sources), tuple(targets), "attendee", roles.quote, target_from)


# roots of the speech acts that ask for something: what they ask for did not happen
ASKING_ROOTS = ("02", "10")


def asked_for(noun: Token, by_token: dict[int, Match]) -> Token | None:
    """The appeal or demand whose infinitive takes an event noun as its object ("urged Kenya
    to open *an inquiry*", "encouraged the police to speed up *investigations* and ..."), or
    None: such a noun is what is asked for, not an event that happened."""
    if noun.dep_ not in ("dobj", "pobj"):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    if verb.dep_ != "xcomp" or verb.head.i not in by_token:
        return None
    asker = by_token[verb.head.i]
    return asker.trigger if asker.pattern.code[:2] in ASKING_ROOTS else None


def asked_infinitive(verb: Token, by_token: dict[int, Match]) -> bool:
    """"Miners are calling on authorities at home and abroad *to lift* restrictions": after a
    long addressee the parser hangs the asked action as an adverbial clause, not a complement.
    A "to" infinitive with no subject of its own on an appeal or demand is what is asked, as its
    complement would be."""
    if verb.dep_ != "advcl" or verb.head.i not in by_token or verb.head.i == verb.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb)):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb)):
        return False
    return by_token[verb.head.i].pattern.code[:2] in ASKING_ROOTS


def stranded_partner(doc: Doc, trigger: Token, sources: tuple[str, ...]) -> list[str]:
    """"The colonel who led the revolt against X *and opposition leaders* signed an accord": the
    parser hangs the second signer on the relative clause's object. For a joint act with only
    one side, the last conjunct inside the subject's relative clause, ending right before the
    verb, is the other side (its actors, not the sources')."""
    subj = next((c for c in kids(trigger) if c.dep_ == "nsubj"), None)
    if subj is None or not any(c.dep_ == "relcl" for c in kids(subj)):
        return []
    end = trigger.i - 1
    while end > subj.i and doc[end].dep_ in ("advmod", "aux", "neg", "punct"):
        end -= 1
    last = next((t for t in doc[subj.i:end + 1] if t.dep_ == "conj" and t.right_edge.i == end), None)
    if last is None:
        return []
    return [a for a in actors_of(doc, last) if a not in sources]
