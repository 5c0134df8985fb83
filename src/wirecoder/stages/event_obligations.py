"""Stated obligations: "X said Y must/should ..." is a demand (100) of X on Y, in reported speech
or in a direct quote with no speech verb."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span as SpacySpan

from ..doc import doc_lookup, quote_at
from .event_clauses import speaker_of, subject_of
from .event_drafts import Draft
from .event_frames import quoted_obligations, quoted_speaker
from .event_roles import Roles
from .event_triggers import Match, clause_verb, kids
from .trigger_keys import own_trees
from .phrase_actors import actors_of




class StatedObligations:
    """Demands told as obligations; a base of :class:`.events.EventsStage`."""

    def _stated_obligations(self, doc: Doc, sent: SpacySpan, notes: list[str]) -> list[Draft]:
        """"X said Y must/should ...", with no pattern in the clause: a demand of X on Y."""
        out: list[Draft] = []
        lookup = doc_lookup(doc)
        if not self._may_oblige(lookup, sent):
            return out
        toks, lemmas = lookup.tokens, lookup.lemmas
        for i in range(sent.start, sent.end):
            verb = toks[i]
            if lemmas[i] not in self.cues.speech or verb.pos_ not in ("VERB", "AUX"):
                continue
            for comp in kids(verb):
                if comp.dep_ != "ccomp":
                    continue
                modal = next((a for a in kids(comp) if a.dep_ == "aux" and a.lower_ in self.cues.obligation), None)
                if modal is None or any(a.dep_ == "aux" and a.lower_ == "have" for a in kids(comp)):
                    continue
                subj, _ = subject_of(verb, self.cues)
                sources = actors_of(doc, subj)
                target_subj, _ = subject_of(comp, self.cues)
                targets = [a for a in actors_of(doc, target_subj) if a not in sources]
                if not sources or not targets:
                    continue
                match = Match(modal, self.demand, (), ())
                roles = Roles(tuple(sources), tuple(targets), "speaker", None)
                note = f"'{verb.text} ... {modal.text}': a stated obligation -> 100 (demand)"
                notes.append(note)
                out.extend(Draft(match, "100", s, t, False, roles, sent, note)
                           for s, t in self._pairs(roles, False, True))
        out.extend(quoted_obligations(doc, sent, self.cues, self.demand, self._pairs, notes))
        return out

    def _may_oblige(self, lookup, sent: SpacySpan) -> bool:
        """False when ``sent`` holds no obligation modal ("must", "should") as an auxiliary and
        no dependency arc leaves it: no clause of it can state an obligation. The modals' places
        are found once per Doc."""
        index = self.finder.token_keys(lookup)
        if not own_trees(lookup, index, sent):
            return True
        modals = lookup.memo.get("event_obligations.modals")
        if modals is None:
            lowers, obligation = index.lowers, self.cues.obligation
            modals = lookup.memo["event_obligations.modals"] = [
                i for i, dep in enumerate(lookup.deps) if dep == "aux" and lowers[i] in obligation]
        k = bisect_left(modals, sent.start)
        return k < len(modals) and modals[k] < sent.end

    def _obligation(self, doc: Doc, match: Match) -> Roles | None:
        """"X said Y must/should ...": X demands of Y. In a direct quote with no speech verb
        ("“The ministry must stop these raids,” the union said") the quote's speaker demands."""
        verb = clause_verb(match.trigger)
        speaker = speaker_of(verb, self.cues)
        subj, _ = subject_of(verb, self.cues)
        if speaker is None:
            sources = quoted_speaker(doc, verb)
            targets = [a for a in actors_of(doc, subj) if a not in sources]
            if not sources or not targets:
                return None
            return Roles(tuple(sources), tuple(targets), "quote", quote_at(doc, verb.idx))
        sources = actors_of(doc, speaker)
        targets = [a for a in actors_of(doc, subj) if a not in sources]
        if not sources:
            return None
        return Roles(tuple(sources), tuple(targets), "speaker", None)
