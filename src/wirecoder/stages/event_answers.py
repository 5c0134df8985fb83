"""Events that answer earlier ones: a response to a speech act targets whoever made it ("Trump
denied *the request*"), a reaction whoever did the act ("condemned *the attack*"), forces moved
with no one named the last attacker of another side."""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from ..doc import actor_by_id
from .event_drafts import Draft
from .implicit_targets import referred_event, referred_speech_act


# reactions whose object may be an earlier event ("condemned *the attack*", "praised the raid",
# "returned fire")
REACTION_ROOTS = ("01", "02", "05", "11", "12", "13", "19")
# forces moved and operations with no target named answer the last attack by a non-state side
# (a bare country is a state: "Russia's attack on Ukraine ... North Korea invaded" answers nothing)
RESPONSE_ROOTS = ("15", "19")
ATTACK_ROOTS = ("18", "19", "20")
STATE_FORCES = frozenset({"GOV", "MIL", "POL", "SPY"})


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
