"""Statements coded by what they say.

A quote or reported clause whose speaker is a coded actor, in a sentence where no pattern coded
what it reports, is the speaker's event towards the actor it is about: a negative evaluation is a
criticism (111), a negative act the target is said to have done an allegation (112), a negative
evaluation of an allegation a denial (016), a positive evaluation praise (051). "X described Y as
'...'", "X called Y '...'" evaluate Y by their predicate.

Polarity comes from the VADER sentiment lexicon (``vaderSentiment``, MIT), read once per
:class:`StatementCoder`, with the words VADER lacks added from ``data/statements/*.yaml``; the
content is scored on its lemmas where VADER lists the lemma and not the word form ("crimes").
A statement needs a target actor other than the speaker and a clear polarity: a neutral
description of facts is no event.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from spacy.tokens import Doc, Span as SpacySpan, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..doc import code_of, doc_lookup
from ..ontology import Ontology
from ..patterns import Pattern
from .event_affiliations import affiliation_targets
from .event_drafts import Draft
from .event_reported_wrongs import reported_wrongs
from .event_roles import Roles
from .event_triggers import Match, kids, lemma
from .phrase_actors import actors_of
from .statement_idioms import idiom_drafts, idiom_patterns
from .statement_reading import Statement, StatementReader
from .statement_targets import StatementTargets
from .statement_words import StatementWords, load_statement_words


class StatementCoder(StatementReader, StatementTargets):
    """Codes a sentence's statements; built once per events stage."""

    def __init__(self, words: StatementWords, unreal_aux: frozenset[str] = frozenset(),
                 conditional: frozenset[str] = frozenset(),
                 first_person: frozenset[str] = frozenset({"i", "we", "me", "us"})) -> None:
        self.words = words
        self.unreal_aux = unreal_aux
        self.conditional = conditional
        self.first_person = first_person
        self.vader = SentimentIntensityAnalyzer()
        # the analyzer is this coder's own: the added words stay with it
        self.vader.lexicon.update(words.polarity)
        self.patterns = {kind: Pattern(
            id=f"{code} statement:{kind}", kind="verb", heads=frozenset(), words=(), preps=(), code=code,
            reciprocal=False, has_target=True, text=f"statement coded by what it says: {kind}")
            for kind, code in words.codes.items()}
        self.stance_patterns = {word: Pattern(
            id=f"{code} stance:{word}", kind="verb", heads=frozenset({word}), words=(), preps=(), code=code,
            reciprocal=False, has_target=True, text=f"BE {word} of|to|about ACTOR")
            for word, code in words.stance_adjectives.items()}
        self.idioms = idiom_patterns(words.codes["criticism"])
        self.idiom_words = words.fire_nouns | frozenset(words.adverbial_rebukes)

    def revise(self, doc: Doc, sent: SpacySpan, coded: list[Draft], notes: list[str]) -> list[Draft]:
        """The sentence's drafts with its statements added: a statement whose speaker or content
        the patterns already coded adds nothing, except a denial ("called X's allegations
        baseless"), which replaces the allegation noun's own event the light verb gave the speaker."""
        out = [self._alleged(d, notes) for d in coded if not self._risk_of_nothing(doc, d, notes)]
        for st in self._statements(doc, sent):
            if st.about is not None and lemma(st.about) in self.words.allegation_nouns:
                denial = self._denial(doc, sent, st, notes)
                if denial:
                    inside = set(st.about.subtree)
                    out = [d for d in out if not (d.match.trigger in inside and d.source in st.sources)] + denial
                continue
            if not any(d.source in st.sources and self._says_it(d, st) for d in out):
                # a wrong told inside: reported_wrongs
                # ... unless the act told is only what the content judges ("X's missile launch was
                # a grave provocation": the launch and the speaker's criticism are two events)
                told = any(d.match.trigger in st.content and not self._judged(d.match.trigger) for d in out)
                out.extend(reported_wrongs(self, doc, sent, st, out, notes) if told else self._code(doc, sent, st, notes))
        return out

    def _risk_of_nothing(self, doc: Doc, d: Draft, notes: list[str]) -> bool:
        """"said the new strain *poses* a higher risk": a threat or risk (``risk_verbs``) told of
        what is neither an actor nor an act (a virus, the weather) accuses nobody."""
        if d.target is not None or d.code != self.words.codes["allegation"]:
            return False
        for w in d.match.words:
            if lemma(w) in self.words.risk_verbs:
                subj = next((c for c in kids(w) if c.dep_ == "nsubj"), None)
                if subj is None or actors_of(doc, subj) or self._is_act(subj):
                    return False
                notes.append(f"'{w.text}': a risk told of {subj.text}, no actor nor act: no accusation")
                return True
        return False

    def _says_it(self, d: Draft, st: Statement) -> bool:
        """Whether the speaker's own draft ``d`` already tells the statement: it is the statement's
        verb or inside its content, or a verbal act of its own (``speaker_event_roots``: "condemned
        the raid and said ...") — not another act ("*in announcing the sanctions*, X said Y was
        involved in corrupt acts": the sanctions and the allegation are two events)."""
        return d.code[:2] in self.words.speaker_event_roots or d.match.trigger.i == st.trigger.i \
            or d.match.trigger in st.content

    def _act_judged(self, content: tuple[Token, ...]) -> bool:
        """The content says what an act is ("the crackdown *was* disproportionate", "the raids
        *amount* to punishment"): a judgement, like an evaluation verb's."""
        return any(t.dep_ == "nsubj" and self._judged(t) and self._is_act(t) for t in content)

    def _judged(self, trigger: Token) -> bool:
        """The event noun is the subject of what the content says it is ("the launch *was* a
        provocation", "the raids *amount* to collective punishment": ``stative_verbs``,
        ``judging_verbs``)."""
        return trigger.dep_ == "nsubj" and trigger.pos_ == "NOUN" and (
            lemma(trigger.head) in self.words.stative_verbs or lemma(trigger.head) in self.words.judging_verbs)

    def stances(self, doc: Doc, sent: SpacySpan, coded: list[Draft], notes: list[str]) -> list[Draft]:
        """"X is critical of Y's plan", "X remains opposed to the deal with Y": a stance adjective
        predicated of the source, towards an actor in its prepositional phrase; and criticism told
        in an idiom ("came under fire from Y", "in a rebuke to X": :mod:`.statement_idioms`)."""
        out: list[Draft] = []
        lookup = doc_lookup(doc)
        toks, deps, lemmas = lookup.tokens, lookup.deps, lookup.lemmas
        idioms, stances = self.idiom_words, self.stance_patterns
        for i in range(sent.start, sent.end):
            dep = deps[i]
            if lemmas[i] in idioms:
                if not any(d.match.trigger.i == i and d.source for d in coded):
                    out.extend(idiom_drafts(self, doc, sent, toks[i], lemmas[i], notes))
                continue
            # (read from the Doc's arrays: only an adjective of the stance list is looked at)
            if dep != "acomp" and dep != "amod":
                continue
            adj = toks[i]
            pattern = stances.get(adj.lower_) or stances.get(lemmas[i])
            if pattern is None:
                continue
            # "X is critical of Y"; or what X made ("X posted videos *critical of* Y", "published an
            # editorial highly critical of Y"): a stance after the object of the maker's verb
            made = _made_thing(adj) if dep == "amod" and adj.i > adj.head.i \
                and not actors_of(doc, adj.head) else None
            if dep != "acomp" and made is None:
                continue
            if any(d.match.trigger.i == adj.i for d in coded):
                continue
            verb = made.head if made is not None else adj.head
            if any(c.dep_ == "neg" for c in (*kids(verb), *kids(adj))) or self._unreal(verb):
                continue
            subj = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
            sources = actors_of(doc, subj)
            if not sources:
                continue
            speaker_codes = {code_of(doc, s) for s in sources}
            phrase = [t for p in kids(adj) if p.dep_ == "prep" and p.lower_ in self.words.stance_prepositions
                      for t in p.subtree]
            targets: list[str | None] = list(self._targets(
                doc, list(dict.fromkeys(a for t in phrase for a in actors_of(doc, t))), speaker_codes)[:1])
            if not targets and self._about_act(adj):
                targets = [None]  # "critical of the agreement": a stance towards an act, no actor named
            if not targets:
                continue
            note = f"'{verb.text} {adj.text}': a stance towards an actor -> {pattern.code}"
            notes.append(note)
            roles = Roles(tuple(sources), tuple(t for t in targets if t), "subject", None,
                          "prep-object" if targets[0] else "")
            out.extend(Draft(Match(adj, pattern, (), ()), pattern.code, s, t, False, roles, sent, note)
                       for s in sources for t in targets)
        return out

    def _denial(self, doc: Doc, sent: SpacySpan, st: Statement, notes: list[str]) -> list[Draft]:
        """A negative evaluation of an allegation: the speaker denies it (016), towards whoever
        made it when the phrase names them ("Sylvania's accusations"), else with no target."""
        score = self.polarity(st.content)
        if score > self.words.negative or self._is_media_or_commentator(doc, st):
            return []
        speaker_codes = {code_of(doc, s) for s in st.sources}
        found = self._evaluated(doc, st, speaker_codes)
        targets: list[str | None] = list(found[0]) if found else [None]
        pattern = self.patterns["denial"]
        note = (f"'{st.trigger.text} ... {st.about.text}': an allegation called {score:+.2f} -> denial "
                f"{pattern.code}")
        return self.statement_drafts(st, sent, pattern, targets, note, notes,
                                     target_how="clause" if found else "", source_how="speaker")

    def _code(self, doc: Doc, sent: SpacySpan, st: Statement, notes: list[str]) -> list[Draft]:
        speaker_codes = {code_of(doc, s) for s in st.sources}
        reporter = self._is_media_or_commentator(doc, st)
        if reporter and not self._may_judge_state(doc, st):
            return []
        tie = affiliation_targets(self, doc, st, speaker_codes) if st.about is None else None
        if tie is not None and not reporter:
            return self._tie(st, sent, *tie, notes)
        found = self._evaluated(doc, st, speaker_codes) if st.about is not None else \
            self._clause_target(doc, st, speaker_codes)
        if found is None:
            found = self._act_evaluated(st)
        if found is None:
            return []
        targets, predicate, acts = found
        # a name is no judgement ("the Red *Hand* Brigade", "*Liberty* Party")
        score = self.polarity([t for t in predicate if t.pos_ != "PROPN" or not actors_of(doc, t, modifiers=False)])
        if st.about is not None and any(targets) and self._names_armed(doc, predicate, targets):
            # "officers called the students *al-Shabab*": naming someone an armed group accuses them
            score, acts = -1.0, True
        alleged = lemma(st.trigger) in self.words.allegation_verbs or any(
            t.lower_ in self.words.allegation_words for t in st.content)
        negative = self.words.negative if st.about is not None or alleged else self.words.report_negative
        if negative < score <= self.words.negative and self._act_judged(st.content):
            negative = self.words.negative  # "said the crackdown was disproportionate": evaluative by itself
        if negative < score < self.words.positive:
            return []
        if score >= self.words.positive:
            if acts or not any(targets):
                # a good deed reported is not praise of the doer
                return []
            if self._mixed(predicate):
                # "more interested in promoting X and disrupting Y than ...": praise mixed with blame
                notes.append(f"'{st.trigger.text}': positive ({score:+.2f}) but mixed with blame: not praise")
                return []
            kind = "praise"
        elif acts or lemma(st.trigger) in self.words.allegation_verbs or any(
                t.lower_ in self.words.allegation_words for t in st.content):
            kind = "allegation"
        else:
            kind = "criticism"
        if reporter and (kind != "criticism" or not self._all_state(doc, targets)):
            # a journalist only takes a stand when judging a state by what it is
            return []
        pattern = self.patterns[kind]
        note = (f"'{st.trigger.text}': a statement coded by what it says ({kind}, polarity {score:+.2f}) "
                f"-> {pattern.code}")
        return self.statement_drafts(st, sent, pattern, targets, note, notes,
                                     target_how="clause" if any(targets) else "")

    def _tie(self, st: Statement, sent: SpacySpan, targets: list[str], word: Token,
             notes: list[str]) -> list[Draft]:
        """"police said the gunmen were linked to X": the speaker accuses the one tied (112)."""
        pattern = self.patterns["allegation"]
        note = f"'{st.trigger.text} ... {word.text}': a wrongdoer tied to another actor -> allegation {pattern.code}"
        return self.statement_drafts(st, sent, pattern, targets, note, notes)

    def statement_drafts(self, st: Statement, sent: SpacySpan, pattern: Pattern, targets: list[str | None],
                         note: str, notes: list[str], *, target_how: str = "clause",
                         source_how: str | None = None) -> list[Draft]:
        """``st`` coded as ``pattern``: one draft from each speaker to each target (None: no target)
        other than itself, the trigger being the reporting word. ``source_how`` defaults to
        "speaker", or "quote" when the statement is a quote."""
        notes.append(note)
        roles = Roles(st.sources, tuple(t for t in targets if t),
                      source_how or ("speaker" if st.quote is None else "quote"), st.quote, target_how)
        match = Match(st.trigger, pattern, (), ())
        return [Draft(match, pattern.code, s, t, False, roles, sent, note)
                for s in st.sources for t in targets if s != t]

    def _alleged(self, d: Draft, notes: list[str]) -> Draft:
        """"They say *it violates* Zembla's treaty obligations": a violation (``alleged_codes``)
        told by a speaker of a subject that is no actor (the source came from the speaker) is the
        speaker's allegation (112) towards the violator named in the object."""
        verb = d.match.trigger
        if d.code not in self.words.alleged_codes or d.roles.source_from not in ("speaker", "quote"):
            return d
        subj = next((c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or self._first_person(subj):
            return d
        pattern = self.patterns["allegation"]
        note = f"'{verb.text}': a violation told of someone else -> allegation {pattern.code}"
        notes.append(note)
        return dataclasses.replace(d, code=pattern.code, match=Match(verb, pattern, d.match.words, d.match.preps),
                                   note=note)


def _made_thing(adj: Token) -> Token | None:
    """The object of the maker's verb that a post-nominal stance adjective describes: "posted
    *videos* critical of", "published *a series* of articles critical of"; else None."""
    noun = adj.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None


def load_statement_coder(data_dir: Path, ontology: Ontology | None = None, unreal_aux: frozenset[str] = frozenset(),
                         conditional: frozenset[str] = frozenset(),
                         first_person: frozenset[str] = frozenset({"i", "we", "me", "us"})) -> StatementCoder:
    """The coder for ``data_dir/statements``; ``unreal_aux`` (future and possibility auxiliaries)
    and ``conditional`` (if, unless) mark clauses that report nothing real; ``first_person``
    (the cues' "I", "we") marks what a speaker tells of itself."""
    return StatementCoder(load_statement_words(data_dir / "statements", ontology), unreal_aux, conditional,
                          first_person)
