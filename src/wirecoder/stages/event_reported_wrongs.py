"""Wrongs told by a speaker as accusations: "rights groups say the army tortured detainees",
"the opposition said police beat its supporters", "a UN panel said the militia flouted the
ruling".

A statement whose reported clause the patterns already coded as a material wrong (a code whose
root is in ``reported_wrong_roots`` of ``data/statements/*.yaml``: defiance, coercion, assault,
fighting, mass violence) keeps that event and adds the speaker's allegation (112) towards its
doer, when the speaker is one who accuses by telling (``accuser_sectors``: a rights group, an
international body, the opposition), or whoever tells it when the wrong is a judgement by itself
(``judged_wrong_codes``: a violation, "Kenya said Somalia had violated its sovereignty"). What
officials, soldiers, police or witnesses tell of an attack or an arrest is the news of it, not an
accusation. Nothing is added either when the doer
is the speaker's own side (the same code, "our troops", the same country's state), an armed group
(``armed_sectors``: its attack is the news), or only implied ("students were detained": the
police not named); nor for a wrong only possible, future, conditional or denied.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span as SpacySpan

from ..doc import code_of
from .event_drafts import Draft
from .phrase_actors import actors_of
from .event_triggers import kids

if TYPE_CHECKING:  # pragma: no cover
    from .event_statements import StatementCoder
    from .statement_reading import Statement


def same_side(coder: StatementCoder, speaker: str, doer: str) -> bool:
    """Two codes of one side: equal, or the same country's state (its government, army, police,
    or the country itself)."""
    if speaker == doer:
        return True
    state = coder.words.state_sectors | {""}
    return speaker[:3] == doer[:3] and speaker[3:6] in state and doer[3:6] in state


def reported_wrongs(coder: StatementCoder, doc: Doc, sent: SpacySpan, st: Statement,
                    drafts: list[Draft], notes: list[str]) -> list[Draft]:
    """The speaker's allegations towards the doers of the wrongs coded inside ``st``'s content."""
    roots = tuple(sorted(coder.words.reported_wrong_roots))
    if not roots or coder._is_media_or_commentator(doc, st):
        return []
    content = set(st.content)
    speaker_codes = [code_of(doc, s) or "" for s in st.sources]
    accusers = coder.words.accuser_sectors
    # a violation told by any speaker (``judged_wrong_codes``) is an accusation: "Kenya said Somalia
    # had violated its sovereignty"
    judged = tuple(sorted(coder.words.judged_wrong_codes))
    by_accuser = all(c[:3] in accusers or c[3:6] in accusers for c in speaker_codes)
    if not by_accuser and not judged:
        return []
    accused: list[str] = []
    for d in drafts:
        verb = d.match.trigger
        if verb not in content or d.negated or not d.code.startswith(roots) or d.source in st.sources \
                or not (by_accuser or d.code.startswith(judged)):
            continue
        if not d.source or d.roles.source_from == "implicit" or d.source in accused or coder._unreal(verb):
            continue
        doer = code_of(doc, d.source) or ""
        if not doer or doer[3:6] in coder.words.armed_sectors or any(same_side(coder, s, doer) for s in speaker_codes):
            continue
        subj = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
        if subj is not None and coder._own_side(subj) and d.source in actors_of(doc, subj):
            continue
        accused.append(d.source)
    if not accused:
        return []
    pattern = coder.patterns["allegation"]
    note = f"'{st.trigger.text}': a wrong told of another actor -> allegation {pattern.code}"
    return coder.statement_drafts(st, sent, pattern, accused, note, notes)
