"""Private life is not political event data: which (source, target) pairs of an event stay.

- Codes of ``cues.private_life`` (cues.yaml) done by or to civilians (sector CVL): "the
  villagers' trade with merchants from the coast".
- A person the text gives no political role (no sector; the country only from the story's
  context) who acts on no other actor: "Sun Lijun, an engineer, started *talking about moving*",
  "I have a *commitment* to the truth", "the first refugees to *arrive*". Their words are another
  matter: what a private voice says (roots of ``cues.private_voice``: statements, appeals,
  criticism) is coded as said.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..doc import actor_by_id
from ..patterns import Cues
from .implicit_targets import is_civilian


def _private_act(doc: Doc, source: str, target: str | None) -> bool:
    """A person with no role acting on no one, or only on the country the story places them in
    ("talking about moving to Japan")."""
    actor = actor_by_id(doc, source)
    if actor is None or actor.kind != "person" or actor.sector or actor.resolved_by != "context":
        return False
    other = actor_by_id(doc, target)
    return target is None or (other is not None and other.kind == "country" and other.code == actor.code)


def public_pairs(doc: Doc, pairs: list[tuple[str, str | None]], code: str,
                 cues: Cues) -> list[tuple[str, str | None]]:
    """The pairs of an event with ``code`` that are politics (see the module's docstring)."""
    if code in cues.private_life or code[:2] in cues.private_life:
        pairs = [(s, t) for s, t in pairs if not (is_civilian(doc, s) or (t is not None and is_civilian(doc, t)))]
    if code[:2] not in cues.private_voice:
        pairs = [(s, t) for s, t in pairs if not (_private_act(doc, s, t) or (t is not None and _private_act(doc, t, s)))]
    return pairs
