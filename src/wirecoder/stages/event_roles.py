"""Who did it to whom: the source and target actors of a matched trigger, from the parse.

Sources are subjects (or the ``by`` agent of a passive, or the noun a relative clause hangs on);
targets are objects and the objects of the pattern's preposition. Conjoined actors give one actor
each. When the clause names no actor, reported speech and quotes supply the speaker.

The sources are found in :mod:`.event_sources`, the targets in :mod:`.event_targets`, the actors
a phrase names in :mod:`.phrase_actors`, a document's author in :mod:`.document_authors`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..doc import code_of, doc_lookup, extension, quote_at, sentence_of
from ..patterns import Cues
from ..records import Quote
from .event_clauses import child_of, gerund_of_noun, pobj_of, passive_patient, speaker_of, speaker_passive, subject_of
from .event_sources import find_sources
from .event_targets import find_targets
from .event_triggers import Match, clause_verb, kids, lemma
from .phrase_actors import actors_of, coded_actor, is_first_person, is_media
from .role_references import PluralNouns

# CAMEO roots of material (not verbal) cooperation and conflict
MATERIAL_ROOTS = frozenset({"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
# sectors of the forces a deployment moves ("" is a bare country)
FORCE_SECTORS = frozenset({"", "MIL", "POL", "GOV", "REB", "SPY", "UAF"})
# roots of violence a victim may suffer as the subject ("died under torture")
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})


@dataclass(frozen=True, slots=True)
class Roles:
    """The actors of one match: source ids, target ids, and how the source was found."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    source_from: str          # subject | agent | relative | speaker | quote | modifier | light-verb | plural
    #                           | predicate | holder
    quote: Quote | None
    target_from: str = ""     # prep | object | patient | prep-object | carrier-prep | clause | condition
    #                           | infinitive | inside | addressee | victim (and the stage's own: deported, ...)


def addressee(doc: Doc, quote: Quote, cues: Cues) -> str | None:
    """Whom a quote is addressed to ("Putin said in a message to Maduro: ..."), if the text says."""
    spans = [quote.span[0]] + ([quote.cue[0]] if quote.cue else [])
    for char in spans:
        sent = sentence_of(doc, char)
        if sent is None:
            continue
        for t in doc_lookup(doc).tokens_of(sent):
            if lemma(t) in cues.message_nouns:
                for prep in kids(t):
                    if prep.dep_ == "prep" and prep.lower_ == "to" and pobj_of(prep) is not None:
                        ids = actors_of(doc, pobj_of(prep))
                        if ids:
                            return ids[0]
            if lemma(t) in ("tell", "write") and t.pos_ == "VERB":
                obj = child_of(t, "dobj", "dative")
                ids = [a for a in actors_of(doc, obj) if not is_media(doc, a)]
                if ids:
                    return ids[0]     # "told Maduro"; "told reporters/VOA" addresses no party
    return None


def earlier_addressee(doc: Doc, quote: Quote, cues: Cues) -> str | None:
    """A message goes on over several quotes: the addressee of the speaker's earlier quotes
    ("Putin said in a message to Maduro: ..." then "..., Putin said."), up to another speaker's quote."""
    earlier = sorted((q for q in extension(doc, "quotes") if q.span[0] < quote.span[0]), key=lambda q: q.span[0])
    for q in reversed(earlier):
        if q.speaker != quote.speaker:
            return None
        to = addressee(doc, q, cues)
        if to is not None:
            return to
    return None


def _to_be_blamed(doc: Doc, match: Match, cues: Cues, quote) -> Roles | None:
    """"officials said the rebels *were to blame* for the attack": the subject of "be to <verb>"
    of an accusation (``speaker_passives`` codes) is the accused, the speaker the accuser."""
    trig = match.trigger
    if not (trig.dep_ == "xcomp" and lemma(trig.head) in cues.copulas and child_of(trig, "aux") is not None
            and child_of(trig, "aux").lower_ == "to"
            and any(match.pattern.code.startswith(c) for c in cues.speaker_passives)):
        return None
    targets = actors_of(doc, child_of(trig.head, "nsubj"))
    speaker = speaker_of(trig.head, cues)
    sources = actors_of(doc, speaker) if speaker is not None else []
    how = "speaker"
    if not sources and quote is not None and quote.speaker:
        sources, how = [quote.speaker], "quote"
    targets = [t for t in targets if t not in sources]
    if not sources or not targets:
        return Roles((), (), "none", quote, "")
    return Roles(tuple(sources), tuple(targets), how, quote, "subject")


def find_roles(doc: Doc, match: Match, cues: Cues, plurals: PluralNouns | None = None) -> Roles:
    """The source and target actors of ``match`` (see the module docstring); ``plurals`` reads
    plural references ("the two presidents") as the actors named before."""
    quote = quote_at(doc, match.trigger.idx)
    blamed = _to_be_blamed(doc, match, cues, quote)
    if blamed is not None:
        return blamed
    sources, how = find_sources(doc, match, cues, plurals)
    # a material action named by a noun or a gerund used as one ("*fighting* has forced ...")
    material_noun = match.pattern.code[:2] in MATERIAL_ROOTS and (
        match.pattern.kind == "noun" or match.trigger.dep_ in ("nsubj", "csubj", "nsubjpass", "dobj", "pobj"))
    if not sources and match.pattern.code[:2] == "15":
        # "several hundred troops were deployed": the forces moved are the actor
        verb = clause_verb(match.trigger)
        if subject_of(verb, cues)[1] == "passive":
            # not the aid workers sent along with them: only armed or state forces take a posture
            sources, how = [a for a in actors_of(doc, passive_patient(verb, cues))
                            if (code_of(doc, a) or "")[3:6] in FORCE_SECTORS], "patient"
    if not sources and not material_noun and how != "predicate":
        # "The U.N. says *fighting* has forced ...": a speaker reports a fight, does not fight
        verb = clause_verb(match.trigger)
        subj, how = subject_of(verb, cues)
        speaker = speaker_of(verb, cues)
        if how == "passive" and speaker_passive(verb, match.pattern.code, cues):
            how = "speaker-passive"  # "X are accused of ..., police said": the speaker accuses
        if speaker is not None and how != "passive" and (subj is None or subj.tag_ == "PRP" or how == "speaker-passive"):
            # "the Kremlin said *it* was deepening ...": a personal pronoun may be the speaker;
            # "this", "that" are not actors
            sources, how = actors_of(doc, speaker), "speaker"
        if not sources and quote is not None and quote.speaker and how not in ("passive", "speaker-passive") and (
                (is_first_person(subj, cues) if subj is not None else not gerund_of_noun(match.trigger))
                or (match.pattern.kind == "noun" and quote.kind == "direct")):
            sources, how = [quote.speaker], "quote"
        if not sources and how == "speaker-passive" and quote is not None and quote.speaker:
            sources, how = [quote.speaker], "quote"
        if how == "speaker-passive" and not sources:
            how = "passive"
    if how == "modifier" and judged_by_adjective(match):
        # "we support Ukraine in the face of *Russia's illegal aggression*", Joly said: the
        # judgment is the speaker's criticism of the owner, not the owner's act
        return _judgment_roles(doc, match, sources, quote, cues)
    targets, target_from = find_targets(doc, match, sources, cues, plurals) if sources else ([], "")
    if how == "subject" and match.pattern.kind == "verb" and match.pattern.code[:2] in VIOLENCE_ROOTS \
            and lemma(match.trigger) in cues.victim_subjects:
        # "an activist *died in* Iranian police custody": the subject suffered it, the holder did it
        holders = _holders(doc, match)
        if not holders:
            return Roles((), (), "none", quote)
        return Roles(tuple(holders), tuple(one_per_country(doc, sources)), "holder", quote, "victim")
    if sources and not targets and quote is not None and quote.kind == "direct" and match.pattern.has_target:
        to = addressee(doc, quote, cues) or earlier_addressee(doc, quote, cues)
        if to is not None and to not in sources:
            targets, target_from = [to], "addressee"
    return Roles(tuple(sources), tuple(one_per_country(doc, targets)), how, quote, target_from)


def _holders(doc: Doc, match: Match) -> list[str]:
    """Who held or harmed the victim: the actor of the pattern's own words ("in *Iranian police*
    custody", "in the custody *of* the security forces", "torture *by* prison guards")."""
    phrases = [*match.words, *(pobj_of(p) for p in kids(match.trigger) if p.dep_ in ("prep", "agent"))]
    for w in phrases:
        if w is None or coded_actor(doc, w) is not None:
            continue        # "died in *Nairobi*": a place named as such holds nobody
        ids = actors_of(doc, w)
        for c in kids(w):
            if not ids and c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by"):
                ids = actors_of(doc, pobj_of(c))
        if ids:
            return ids
    return []


def one_per_country(doc: Doc, targets: list[str]) -> list[str]:
    """A list of one country's people is one target: "attacks on *soldiers, police officers and
    teachers*" -> the first of them; actors of other countries stay ("sanctions on Iran and Syria")."""
    if len(targets) < 2:
        return targets
    seen: set[str] = set()
    out = []
    for t in targets:
        country = (code_of(doc, t) or "")[:3]
        if country and country in seen:
            continue
        seen.add(country)
        out.append(t)
    return out


def judged_by_adjective(match: Match) -> bool:
    """A verbal-conflict noun pattern that fires on a judging adjective of an act ("*illegal*
    aggression", "*unprovoked* aggression"): the criticism is the writer's or speaker's."""
    trig = match.trigger
    return match.pattern.kind == "noun" and match.pattern.code[:2] == "11" and any(
        w.dep_ == "amod" and w.head.i == trig.i for w in match.words)


def _judgment_roles(doc: Doc, match: Match, owners: list[str], quote: Quote | None, cues: Cues) -> Roles:
    """The speaker who judges an actor's act criticises that actor (source: the quote's speaker or
    the reporting verb's subject; target: the act's owner). Unattributed, nobody criticises."""
    speaker_ids: list[str] = []
    if quote is not None and quote.speaker:
        speaker_ids = [quote.speaker]
    else:
        speaker = speaker_of(clause_verb(match.trigger), cues)
        if speaker is not None:
            speaker_ids = actors_of(doc, speaker)
    speaker_ids = [a for a in speaker_ids if a not in owners]
    if not speaker_ids:
        return Roles((), (), "none", quote)
    return Roles(tuple(speaker_ids), tuple(owners), "judge", quote, "owner")
