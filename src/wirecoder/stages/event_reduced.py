"""Reduced clauses around event nouns: "X was killed in a gun battle with police".

The event noun (a noun pattern of a violent root) names the fight; the actor of its ``with``/``by``
phrase is the source; the subject of the verb that tells what happened to someone inside the
fight (passive "was killed", intransitive "died") is the target. A reciprocal noun ("clash",
"battle") gives both directions. The words live in ``data/reduced/*.yaml``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..datafiles import yaml_mappings
from ..doc import actor_by_id, code_of
from ..records import Actor, Mention
from .event_drafts import Draft
from .event_roles import Roles
from .phrase_actors import actors_of
from .event_triggers import Match, kids, lemma
from .implicit_targets import NOT_COUNTRIES


@dataclass(frozen=True, slots=True)
class ReducedWords:
    victim_verbs: frozenset[str]
    inside: frozenset[str]
    other_side: frozenset[str]
    roots: frozenset[str]
    implicit_state_agents: tuple[tuple[str, str], ...] = ()
    place_only: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    receiving_preps: frozenset[str] = frozenset()
    # roots of the nouns whose "the N of X" names the doer after a receiving verb ("has the
    # backing of X", "won the support of X", "drew the ire of X")
    of_agent_roots: frozenset[str] = frozenset()
    devices: frozenset[str] = frozenset()       # unclaimed_devices: nouns, code, sector
    device_code: str = "183"
    device_sector: str = "UAF"
    protest_roots: frozenset[str] = frozenset()
    protested_sector: str = ""
    no_own_state: frozenset[str] = frozenset()
    # unclaimed_attacks: attacks whose attacker the text never names ("came under attack", "was
    # ambushed near X"): verbs of a passive with no agent, the preposition and the verbs of
    # "came under (a gun) attack"
    attack_verbs: frozenset[str] = frozenset()
    attack_preps: frozenset[str] = frozenset()
    attack_receivers: frozenset[str] = frozenset()

    def state_sector(self, code: str) -> str | None:
        """The sector of the state actor that does ``code`` (the longest listed prefix wins)."""
        best = max((c for c, _ in self.implicit_state_agents if code.startswith(c)), key=len, default=None)
        return dict(self.implicit_state_agents)[best] if best is not None else None


def load_reduced_words(folder: Path) -> ReducedWords:
    """Read every ``*.yaml`` in ``folder``; the lists of later files add to the earlier ones."""
    lists = ("victim_verbs", "inside", "other_side", "roots", "place_only", "receiving_verbs", "receiving_preps",
             "of_agent_roots", "protest_roots", "no_own_state")
    merged: dict[str, set[str]] = {k: set() for k in lists}
    agents: dict[str, str] = {}
    devices: set[str] = set()
    device = {"code": "183", "sector": "UAF"}
    protested = ""
    attacks: dict[str, set[str]] = {"verbs": set(), "preps": set(), "receivers": set()}
    for _, data in yaml_mappings(folder, "reduced-clause data",
                                 "a mapping of word lists (victim_verbs, inside, other_side, roots)"):
        for key in merged:
            merged[key].update(str(w).lower() for w in data.get(key) or ())
        agents.update({str(k): str(v).upper() for k, v in (data.get("implicit_state_agents") or {}).items()})
        unclaimed = data.get("unclaimed_devices") or {}
        devices.update(str(w).lower() for w in unclaimed.get("nouns") or ())
        device.update({k: str(unclaimed[k]) for k in ("code", "sector") if unclaimed.get(k)})
        protested = str(data.get("protested_sector") or protested).upper()
        for key, words in attacks.items():
            words.update(str(w).lower() for w in (data.get("unclaimed_attacks") or {}).get(key) or ())
    return ReducedWords(**{k: frozenset(merged[k]) for k in lists if k != "no_own_state"},
                        no_own_state=frozenset(w.upper() for w in merged["no_own_state"]),
                        implicit_state_agents=tuple(sorted(agents.items())), devices=frozenset(devices),
                        device_code=device["code"], device_sector=device["sector"].upper(),
                        protested_sector=protested, attack_verbs=frozenset(attacks["verbs"]),
                        attack_preps=frozenset(attacks["preps"]), attack_receivers=frozenset(attacks["receivers"]))


def protested_states(doc: Doc, drafts: list[Draft], words: ReducedWords, notes: list[str]) -> list[Draft]:
    """"Tens of thousands of Sudanese took to the streets", "students protested over fees": a
    protest that names no target (not even in its purpose clause) is against the protesters' own
    state (its ``protested_sector``); not the protest of a state body or of people abroad
    (``no_own_state`` sectors), nor of protesters of no country."""
    if not words.protested_sector:
        return drafts
    out = []
    for d in drafts:
        trig = d.match.trigger
        source = actor_by_id(doc, d.source)
        country = source.country if source is not None else None
        if d.target is not None or d.code[:2] not in words.protest_roots or not country \
                or country in NOT_COUNTRIES or (source.sector or "") in words.no_own_state \
                or any(c.dep_ in ("relcl", "acl") for c in kids(trig)):
            out.append(d)   # (the state is grounded on the trigger: not on a noun a clause tells of)
            continue
        state = state_actor(doc, country, words.protested_sector, trig)
        notes.append(f"'{trig.text}': a protest with no target named -> against its own state ({state.code})")
        out.append(dataclasses.replace(d, target=state.id))
    return out


def _victim_verb(noun: Token, words: ReducedWords) -> Token | None:
    """The verb the event noun's phrase hangs on, when it tells what happened to its subject."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in words.inside:
        return None
    verb = prep.head
    if lemma(verb) not in words.victim_verbs:
        return None
    return verb


def _of_agent(noun: Token, code: str, words: ReducedWords) -> bool:
    """"has *the* backing of India": a definite noun of ``of_agent_roots`` whose of-phrase names
    the doer (without "the", "drew criticism of the plan" names what is criticised)."""
    return code[:2] in words.of_agent_roots and any(
        c.dep_ == "det" and c.lower_ == "the" for c in kids(noun))


def _receiver(doc: Doc, noun: Token, words: ReducedWords) -> tuple[Token, list[str]] | None:
    """The receiving verb of an event noun ("drew *criticism*", "came under *fire*") and the
    actors of its subject."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in words.receiving_preps:
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if lemma(verb) not in words.receiving_verbs or any(c.dep_ == "neg" for c in kids(verb)):
        return None
    subj = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
    return (verb, actors_of(doc, subj)) if subj is not None else None


def received_events(doc: Doc, sent: SpacySpan, matches: list[Match], found: list[Draft], words: ReducedWords,
                    notes: list[str]) -> list[Draft]:
    """"The minister faced protests by farmers", "the convoy came under fire from rebels": the
    noun's from/by actor did it to the receiving verb's subject. Returns the sentence's drafts
    with such events added, or given the subject as target when they had none."""
    out: list[Draft] = []
    for d in found:
        if d.match.pattern.kind == "noun" and _of_agent(d.match.trigger, d.match.pattern.code, words):
            got = _receiver(doc, d.match.trigger, words)
            agents = [a for p in kids(d.match.trigger) if p.dep_ == "prep" and p.lower_ == "of"
                      for o in kids(p) if o.dep_ == "pobj" for a in actors_of(doc, o)]
            if got and d.source in got[1] and agents:
                # "X has the backing of Y": a light verb's subject received it from Y
                notes.append(f"'{got[0].text} the {d.match.trigger.text} of': "
                             "the subject receives it from the of-actor")
                out.extend(dataclasses.replace(d, source=a, target=d.source) for a in dict.fromkeys(agents)
                           if a != d.source)
                continue
        got = _receiver(doc, d.match.trigger, words) if d.match.pattern.kind == "noun" and d.target is None else None
        targets = [a for a in got[1] if a != d.source] if got else []
        if targets:
            notes.append(f"'{got[0].text} ... {d.match.trigger.text}': the subject receives it, the target")
            out.extend(dataclasses.replace(d, target=t) for t in targets)
        else:
            out.append(d)
    coded = {d.match.trigger.i for d in found}
    for m in matches:
        noun = m.trigger
        got = _receiver(doc, noun, words) if m.pattern.kind == "noun" and noun.i not in coded else None
        if got is None:
            continue
        verb, receivers = got
        # "faced accusations of graft *from* X": the parser may hang the from-phrase on the
        # noun's of-object
        # noun's of-object (a by-phrase there is the of-noun's own doer: "criticism of the raid by X")
        inner = [c for p in kids(noun) if p.dep_ == "prep" and p.lower_ == "of"
                 for o in kids(p) if o.dep_ == "pobj" for c in kids(o) if c.lower_ == "from"]
        preps = [p for p in (*kids(noun), *kids(verb), *inner) if p.dep_ in ("prep", "agent")
                 and p.lower_ in ("from", "by")]
        if not preps and receivers and _of_agent(noun, m.pattern.code, words):
            # "the plan has the backing of X" with no actor as the subject stays uncoded: the
            # backed side is not named
            preps = [p for p in kids(noun) if p.dep_ == "prep" and p.lower_ == "of"]
        sources = list(dict.fromkeys(a for p in preps for o in kids(p) if o.dep_ == "pobj"
                                     for a in actors_of(doc, o)))
        targets = [a for a in receivers if a not in sources]
        if not sources:
            continue
        note = f"'{verb.text} ... {noun.text}': the subject receives the {noun.text} -> {m.pattern.code}"
        notes.append(note)
        roles = Roles(tuple(sources), tuple(targets), "noun-agent", None, "receiver" if targets else "")
        out.extend(Draft(m, m.pattern.code, s, t, False, roles, sent, note)
                   for s in sources for t in (targets or [None]))
    return out


def fight_victims(doc: Doc, sent: SpacySpan, matches: list[Match], found: list[Draft], words: ReducedWords,
                  notes: list[str]) -> list[Draft]:
    """Drafts for "X was killed in a clash with Y": Y -> X (and X -> Y for a reciprocal noun),
    for event nouns the stage did not code otherwise."""
    out: list[Draft] = []
    coded = {d.match.trigger.i for d in found}
    for m in matches:
        noun = m.trigger
        if m.pattern.kind != "noun" or noun.i in coded or m.pattern.code[:2] not in words.roots:
            continue
        verb = _victim_verb(noun, words)
        if verb is None:
            continue
        subj = next((c for c in kids(verb) if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is None or (subj.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in kids(verb))):
            continue
        victims = actors_of(doc, subj)
        sides = [a for p in kids(noun) if p.dep_ == "prep" and p.lower_ in words.other_side
                 for o in kids(p) if o.dep_ == "pobj" for a in actors_of(doc, o)]
        sides = [a for a in dict.fromkeys(sides) if a not in victims]
        if not victims or not sides:
            continue
        code = m.pattern.code
        pairs = [(s, v) for s in sides for v in victims]
        if m.pattern.reciprocal:
            pairs += [(v, s) for s, v in pairs]
        roles = Roles(tuple(sides), tuple(victims), "noun-agent", None, "victim")
        note = f"'{verb.text} {noun.head.text} ... {noun.text}': a victim of the {noun.text} -> {code}"
        notes.append(note)
        out.extend(Draft(m, code, s, t, False, roles, sent, note) for s, t in pairs)
    return out


IMPLICIT_STATE_NOTE = "implicit: the state that does what a passive with no agent reports"


def state_actor(doc: Doc, country: str, sector: str, token: Token) -> Actor:
    """The state actor ``country``+``sector`` (one per code in a doc), grounded on ``token``; added
    to the doc (with its mention) when new."""
    code = f"{country}{sector}"
    span = (token.idx, token.idx + len(token.text))
    for actor in doc._.actors:
        if actor.code == code and actor.note == IMPLICIT_STATE_NOTE:
            return actor
    numbers = [int(a.id[1:]) for a in doc._.actors if a.id[:1] == "A" and a.id[1:].isdigit()]
    actor = Actor(f"A{max(numbers, default=0) + 1}", f"{sector.lower()} ({country})", code, country, sector, None,
                  "group", (span,), "context", IMPLICIT_STATE_NOTE)
    doc._.actors = tuple(doc._.actors) + (actor,)
    doc._.mentions = tuple(sorted(tuple(doc._.mentions) + (Mention(span, actor.id, token.text, "group"),),
                                  key=lambda m: m.span))
    return actor


def implicit_state_agent(doc: Doc, sent: SpacySpan, match: Match, code: str, words: ReducedWords,
                         place_country: Callable[[], str | None], notes: list[str]) -> list[Draft]:
    """"He was rearrested in July": a passive of state coercion with no agent is the state's act
    (its police, its government) towards the subject; the state of the place named on the trigger,
    else of the subject's country (``place_country`` is asked only when it matters)."""
    verb = match.trigger
    sector = words.state_sector(code)
    if sector is None or match.pattern.kind != "verb" or verb.tag_ != "VBN":
        return []
    if any(c.dep_ == "agent" for c in kids(verb)):
        return []
    subj = next((c for c in kids(verb) if c.dep_ == "nsubjpass"), None)
    if subj is None and verb.dep_ == "conj":
        # "had been arrested and *sentenced*": the first passive's subject
        subj = next((c for c in kids(verb.head) if c.dep_ == "nsubjpass"), None)
    victims = [a for a in actors_of(doc, subj) if getattr(actor_by_id(doc, a), "country", None)] if subj is not None else []
    if not victims:
        return []
    victim = actor_by_id(doc, victims[0])
    own = not any(code.startswith(c) for c in words.place_only)
    country = place_country() or (victim.country if victim is not None and own else None)
    if not country:
        return []
    victims = [v for v in victims if code_of(doc, v) != f"{country}{sector}"]
    if not victims:
        return []
    state = state_actor(doc, country, sector, verb)
    roles = Roles((state.id,), tuple(victims), "implicit", None, "patient")
    note = f"'{verb.text}': a passive with no agent -> the state ({state.code}) did it ({code})"
    notes.append(note)
    return [Draft(match, code, state.id, v, False, roles, sent, note) for v in victims]
