"""Events that answer earlier ones: a response to a speech act targets whoever made it ("Trump
denied *the request*"), a reaction whoever did the act ("condemned *the attack*"), forces moved
with no one named the last attacker of another side."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from spacy.tokens import Doc, Span

from ..doc import actor_by_id
from ..errors import KnowledgeError
from ..patterns import read_role_file
from .event_drafts import Draft
from .event_triggers import kids, lemma
from .implicit_targets import referred_event, referred_speech_act


# reactions whose object may be an earlier event ("condemned *the attack*", "praised the raid",
# "returned fire")
REACTION_ROOTS = ("01", "02", "05", "11", "12", "13", "19")
# forces moved and operations with no target named answer the last attack by a non-state side
# (a bare country is a state: "Russia's attack on Ukraine ... North Korea invaded" answers nothing)
RESPONSE_ROOTS = ("15", "19")
ATTACK_ROOTS = ("18", "19", "20")
STATE_FORCES = frozenset({"GOV", "MIL", "POL", "SPY"})


# objects that leave the answered event unnamed ("The government rejected *it*")
REFERRING_OBJECTS = frozenset({"it", "this", "that", "them", "these", "those"})
ROLES = ("source", "target")


@dataclass(frozen=True, slots=True)
class ResponseVerbs:
    """Verbs that answer the event told just before ("The government *refused*"): per verb (with its
    particle), the roots of the event answered and which of its roles becomes the target."""

    answers: Mapping[str, tuple[tuple[str, ...], str]]

    def of(self, draft: Draft) -> tuple[tuple[str, ...], str] | None:
        """The roots and role a targetless draft answers, or None when its verb is no response or
        its object names what it answers (then :func:`.implicit_targets.referred_event` decides)."""
        trig = draft.match.trigger
        found = self.answers.get(lemma(trig))
        children = kids(trig)
        prt = next((c for c in children if c.dep_ == "prt"), None)
        if prt is not None:
            found = self.answers.get(f"{lemma(trig)} {prt.lower_}", found)
        if found is None or any(c.dep_ in ("dobj", "attr") and c.lower_ not in REFERRING_OBJECTS for c in children):
            return None
        return found


def load_response_verbs(path: Path) -> ResponseVerbs:
    data = read_role_file(path) or {}
    if not isinstance(data, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("roots"), list) and v.get("role") in ROLES
            for v in data.values()):
        raise KnowledgeError(f"{path}: expected 'verb: {{roots: [roots], role: source|target}}' lines; fix the file")
    return ResponseVerbs(MappingProxyType({str(k).lower(): (tuple(str(r) for r in v["roots"]), str(v["role"]))
                                           for k, v in data.items()}))


def recent_sentences(doc: Doc, sent: Span, back: int = 2) -> int:
    """The first token of the sentence ``back`` sentences before ``sent`` (its own start at the
    article's first sentences)."""
    start = sent.start
    for _ in range(back):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


class EarlierEvents:
    """The target of a draft from the article's earlier events; a base of :class:`.events.EventsStage`."""

    def _answered(self, doc: Doc, found: list[Draft], earlier: list[Draft], notes: list[str]) -> list[Draft]:
        """"Kim asked Trump for relief. Trump denied *the request*": a response to a speech act
        the text made before targets whoever made it."""
        def code(actor_id: str | None) -> str | None:
            actor = actor_by_id(doc, actor_id)
            return actor.code if actor is not None else None

        out = []
        for d in found:
            roots = referred_speech_act(d.match, self.speech_acts) if d.target is None else ()
            prior = next((e for e in reversed(earlier) if e.code[:2] in roots and e.target is not None
                          and code(e.target) == code(d.source) and code(e.source) != code(d.source)), None)
            if prior is not None:
                d = dataclasses.replace(d, target=prior.source)
                notes.append(f"'{d.match.trigger.text}' answers the earlier '{prior.match.trigger.text}': "
                             "its target is who made it")
            elif d.target is None and d.code[:2] in REACTION_ROOTS:
                # "The president condemned *the attack*": the reaction targets who attacked
                roots = referred_event(d.match, self.event_nouns)
                prior = next((e for e in reversed(earlier) if e.code[:2] in roots and e.source is not None
                              and code(e.source) != code(d.source)), None)
                if prior is not None:
                    d = dataclasses.replace(d, target=prior.source)
                    notes.append(f"'{d.match.trigger.text}' reacts to the earlier "
                                 f"'{prior.match.trigger.text}': its target is who did it")
            answer = self.responses.of(d) if d.target is None else None
            if answer is not None:
                # "Protesters demanded elections. The government *refused*": the response answers
                # the nearest earlier event of its roots in the last two sentences aimed at it
                roots, role = answer
                start = recent_sentences(doc, d.sent)
                prior = next((e for e in reversed(earlier) if e.sent.start >= start and e.code[:2] in roots), None)
                if (prior is not None and prior.target is not None and code(prior.target) == code(d.source)
                        and code(prior.source) != code(d.source)):
                    d = dataclasses.replace(d, target=getattr(prior, role))
                    notes.append(f"'{d.match.trigger.text}' answers the earlier "
                                 f"'{prior.match.trigger.text}': its target is that event's {role}")
            if d.target is None and d.code[:2] in RESPONSE_ROOTS and not d.negated:
                # "militants seized a train ... security forces were dispatched": forces moved or an
                # operation with no one named answer the last attack by another side
                prior = next((e for e in reversed(earlier) if e.code[:2] in ATTACK_ROOTS and e.source is not None
                              and code(e.source) != code(d.source)
                              and (code(e.source) or "")[3:6] not in STATE_FORCES | {""}), None)
                if prior is not None:
                    d = dataclasses.replace(d, target=prior.source)
                    notes.append(f"'{d.match.trigger.text}' answers the earlier "
                                 f"'{prior.match.trigger.text}': its target is who did it")
            out.append(d)
        return out
