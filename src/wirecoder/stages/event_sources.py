"""The source actors of a matched trigger: the subject (or the ``by`` agent of a passive, or the
noun a relative clause hangs on), the owner or agent of an event noun, the author of a document."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..patterns import Cues
from .document_authors import author_of, earlier_author
from .event_clauses import child_of, pobj_of, producer, subject_of
from .event_triggers import Match, clause_verb, kids, lemma
from .interview_turns import speaking_turn
from .phrase_actors import actors_of, is_first_person
from .role_references import PluralNouns, plural_reference


def judged_frame(verb: Token) -> Token | None:
    """The ``as`` phrase of "see / describe / regard X *as* Y" when ``verb`` is a participle with
    no subject of its own that hangs on that verb ("..., constantly putting pressure on ...")."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb)):
        return None
    as_phrase = next((c for c in kids(verb.head) if c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i), None)
    return pobj_of(as_phrase) if as_phrase is not None else None


def find_sources(doc: Doc, match: Match, cues: Cues,
                 plurals: PluralNouns | None = None) -> tuple[list[str], str]:
    trig = match.trigger
    if match.pattern.kind == "noun":
        for c in kids(trig):
            if c.dep_ == "poss":
                if c.pos_ == "PRON" and trig.dep_ == "dobj" and not is_first_person(c, cues):
                    # "the ILO reiterated *its* demand": the owner is the subject of the verb
                    # that carries the noun
                    subj, how = subject_of(trig.head, cues)
                    ids = actors_of(doc, subj) if how == "subject" else []
                    if ids:
                        return ids, "modifier"
                    if how == "subject" and subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                        return [], "none"   # its owner is that subject, which names no actor
                ids = actors_of(doc, c)
                if ids:
                    return ids, "modifier"
        # the agent of the noun, or of the nouns conjoined with it ("protests and lobbying *by* X")
        shared = [g for n in kids(trig) if n.dep_ == "conj" for g in kids(n)]
        if trig.dep_ == "conj":
            shared += [g for g in kids(trig.head) if g.i > trig.i]
        for c in [*kids(trig), *shared]:
            if c.dep_ in ("agent",) or (c.dep_ == "prep" and c.lower_ in ("by", "from")):
                ids = actors_of(doc, pobj_of(c))
                if ids:
                    return ids, "agent"
        mods = [c for c in kids(trig) if c.dep_ in ("compound", "amod", "nmod")]
        ids = [a for c in mods for a in actors_of(doc, c, modifiers=False)]
        if ids:
            return list(dict.fromkeys(ids)), "modifier"
        if lemma(trig) in cues.agent_nouns and trig.dep_ == "attr" and lemma(trig.head) in cues.copulas:
            # "X has long been *a vocal critic of* Y": the one who is the critic
            ids = actors_of(doc, child_of(trig.head, "nsubj"))
            if ids:
                return ids, "subject"
        head, carrier = trig.head, trig
        if trig.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            carrier = head.head     # "issued a series *of* warnings", "launched a wave of attacks"
            head = carrier.head
        if carrier.dep_ in ("dobj", "nsubjpass", "attr") and lemma(head) in cues.light:
            subj, how = subject_of(head, cues)
            ids = actors_of(doc, subj)
            if ids:
                return ids, "light-verb"
        took_part = any(c.dep_ == "dobj" and lemma(c) in cues.light_in for c in kids(head.head))
        came_for = head.lower_ == "for" and lemma(head.head) in cues.light_for
        if trig.dep_ == "pobj" and (came_for or head.lower_ == "in" and (lemma(head.head) in cues.light_in or took_part)):
            # "were engaged in ethnic cleansing", "took part in the raid"
            # (a participle that only describes people, "officials involved in talks", reports nothing)
            verb = head.head.head if head.head.dep_ == "dobj" else head.head
            subj, how = subject_of(verb, cues) if verb.dep_ != "acl" else (None, "none")
            if how == "passive":    # "were engaged in": the surface subject does it
                subj = child_of(verb, "nsubjpass")
            ids = actors_of(doc, subj)
            if ids:
                return ids, "light-verb"
        return [], "none"
    verb = clause_verb(trig)
    framed = judged_frame(verb)
    if framed is not None:
        # "I see this as part of *China's* policy, constantly *putting pressure* on ...": the
        # participle tells what the judged thing does; its owner acts, not the one who judges
        ids = next((ids for t in framed.subtree if t.i < verb.left_edge.i or t.i > verb.right_edge.i
                    for ids in [actors_of(doc, t, modifiers=False)] if ids), [])
        return ids, "predicate"
    subj, how = subject_of(verb, cues)
    if subj is not None and (not is_first_person(subj, cues) or speaking_turn(doc, subj)):
        ids = actors_of(doc, subj)
        if ids:
            return ids, how
        if plurals is not None:
            # "the two presidents signed ...": one source for each actor the reference covers
            ids = plural_reference(doc, subj, plurals)
            if ids:
                return ids, "plural"
        if lemma(subj) in cues.documents:
            # "a lawsuit filed by the ACLU alleges", "a report by Amnesty accused": its author
            ids = author_of(doc, subj) or earlier_author(doc, subj, dict(cues.document_synonyms))
            if ids:
                return ids, "author"
        if how == "relative" and verb.dep_ == "acl" and verb.tag_ == "VBG":
            ids = actors_of(doc, producer(subj, cues))
            if ids:
                return ids, "producer"
    return [], "none"
