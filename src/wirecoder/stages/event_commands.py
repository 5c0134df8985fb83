"""Orders to one's own forces: "the government *ordered its military to* seal the border".

The orderer acts through its forces, so the event is the ordered action with the orderer as its
source (CAMEO codes the one who decides), not a demand (100) on its own military. This applies
only when the ordered noun is one of the orderer's own forces: a force noun with a possessive
pronoun ("its troops", "their police") or with nothing naming another country ("ordered troops
to ...", "ordered the army to ..."). Word lists: ``data/roles/commands.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from ..doc import actor_of_token
from ..patterns import load_word_lists
from .event_triggers import kids, lemma


@dataclass(frozen=True, slots=True)
class CommandWords:
    """Verbs of command and the nouns that name forces."""

    verbs: frozenset[str]
    forces: frozenset[str]


def load_command_words(path: Path) -> CommandWords:
    return CommandWords(*load_word_lists(path, ("verbs", "forces")))


def _country(doc: Doc, token: Token) -> str | None:
    actor = actor_of_token(doc, token)
    return (actor.code or "")[:3] or None if actor is not None else None


def commander_of(action: Token, words: CommandWords) -> Token | None:
    """The command verb when ``action`` is what someone orders their own forces to do
    ("ordered *its military* to seal"): its infinitive under a command verb whose object is a
    force of the commander's own. None otherwise ("ordered the newspaper to close" is a demand)."""
    if action.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(action)):
        return None
    gov = action.head
    if gov is action or lemma(gov) not in words.verbs or gov.pos_ != "VERB":
        return None
    force = next((c for c in kids(gov) if c.dep_ == "dobj"), None)
    if force is None or not (lemma(force) in words.forces or force.lower_ in words.forces):
        return None
    subj = next((c for c in kids(gov) if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    doc = action.doc
    own = _country(doc, subj)
    for c in force.subtree:
        if c.i == force.i or c.pos_ == "PRON":
            continue        # "its", "their": the commander's own
        other = _country(doc, c)
        if other is not None and other != own:
            return None     # "ordered the Turkish troops": another country's forces
        if c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ") and c.text[:1].isupper() \
                and other is None and own is not None:
            return None     # a named force nobody coded: not known to be the commander's own
    return gov
