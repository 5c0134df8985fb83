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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span as SpacySpan, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..datafiles import yaml_mappings
from ..doc import actor_by_id, doc_lookup, extension
from ..errors import KnowledgeError
from ..ontology import Ontology
from ..patterns import Pattern
from ..records import Quote
from .event_affiliations import affiliation_targets
from .event_drafts import Draft
from .event_reported_wrongs import reported_wrongs
from .event_roles import Roles
from .phrase_actors import actors_of, is_media
from .event_small_clauses import small_clause
from .event_triggers import Match, lemma

KINDS = ("criticism", "allegation", "denial", "praise")
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "oprd", "advcl"})


@dataclass(frozen=True, slots=True)
class StatementWords:
    """The data of ``data/statements/*.yaml``."""

    negative: float
    positive: float
    strongly_negative: float
    report_negative: float
    codes: dict[str, str]
    allegation_verbs: frozenset[str]
    evaluation_verbs: frozenset[str]
    allegation_nouns: frozenset[str]
    stative_verbs: frozenset[str]
    victim_sectors: frozenset[str]
    commentator_sectors: frozenset[str]
    place_prepositions: frozenset[str]
    stance_prepositions: frozenset[str]
    evaluated_acts: frozenset[str]
    allegation_words: frozenset[str]
    alleged_codes: frozenset[str]
    hedged_allegations: frozenset[str]
    state_sectors: frozenset[str]
    suffering_verbs: frozenset[str]
    polarity: dict[str, float]
    stance_adjectives: dict[str, str]
    # a word at or below this valence makes a positive statement mixed, not praise
    praise_veto: float = -4.0
    affiliations: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    armed_sectors: frozenset[str] = frozenset()
    victim_nouns: frozenset[str] = frozenset()
    judging_verbs: frozenset[str] = frozenset()
    reported_wrong_roots: frozenset[str] = frozenset()
    accuser_sectors: frozenset[str] = frozenset()


def load_statement_words(folder: Path, ontology: Ontology | None = None) -> StatementWords:
    """Read every ``*.yaml`` in ``folder``; later files add words and override figures."""
    merged: dict[str, Any] = {"codes": {}, "polarity": {}, "stance_adjectives": {}, "affiliations": {}}
    lists = ("allegation_verbs", "evaluation_verbs", "allegation_nouns", "stative_verbs", "victim_sectors",
             "commentator_sectors", "place_prepositions", "stance_prepositions", "evaluated_acts",
             "allegation_words", "alleged_codes",
             "hedged_allegations", "state_sectors", "suffering_verbs", "armed_sectors", "victim_nouns", "judging_verbs",
             "reported_wrong_roots", "accuser_sectors")
    for _, data in yaml_mappings(folder, "statement data",
                                 "a mapping (see data/patterns/README.md, 'Statements')"):
        for key in ("negative", "positive", "strongly_negative", "report_negative", "praise_veto"):
            if key in data:
                merged[key] = float(data[key])
        merged["codes"].update({str(k): str(v) for k, v in (data.get("codes") or {}).items()})
        merged["stance_adjectives"].update({str(k).lower(): str(v) for k, v in (data.get("stance_adjectives") or {}).items()})
        merged["polarity"].update({str(k).lower(): float(v) for k, v in (data.get("polarity") or {}).items()})
        for word, preps in (data.get("affiliations") or {}).items():
            merged["affiliations"][str(word).lower()] = frozenset(str(p).lower() for p in preps or ())
        for key in lists:
            merged.setdefault(key, set()).update(str(w).lower() if not key.endswith("_sectors") else str(w).upper() for w in data.get(key) or ())
    missing = [k for k in KINDS if k not in merged["codes"]]
    if missing or any(k not in merged for k in ("negative", "positive", "strongly_negative", "report_negative")):
        raise KnowledgeError(f"{folder}: statement data needs negative, report_negative, positive, "
                             f"strongly_negative and codes "
                             f"for {', '.join(KINDS)}")
    if ontology is not None:
        for code in [*merged["codes"].values(), *merged["stance_adjectives"].values()]:
            ontology.get(code)  # raises, naming the unknown code
    return StatementWords(merged["negative"], merged["positive"], merged["strongly_negative"],
                          merged["report_negative"], dict(merged["codes"]),
                          *(frozenset(merged.get(k, ())) for k in lists[:-5]), dict(merged["polarity"]),
                          dict(merged["stance_adjectives"]), merged.get("praise_veto", -4.0),
                          dict(merged["affiliations"]), *(frozenset(merged.get(k, ())) for k in lists[-5:]))


@dataclass(frozen=True, slots=True)
class Statement:
    """What one statement says before it becomes a draft."""

    trigger: Token
    content: tuple[Token, ...]
    sources: tuple[str, ...]
    about: Token | None         # the evaluated phrase ("described *the plan* as ...")
    quote: Quote | None


class StatementCoder:
    """Codes a sentence's statements; built once per events stage."""

    def __init__(self, words: StatementWords, unreal_aux: frozenset[str] = frozenset(),
                 conditional: frozenset[str] = frozenset()) -> None:
        self.words = words
        self.unreal_aux = unreal_aux
        self.conditional = conditional
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

    # ------------------------------------------------------------------ polarity
    def polarity(self, tokens: tuple[Token, ...] | list[Token]) -> float:
        """VADER's compound score of the tokens, a word read as its lemma when only that is listed;
        scored once per Doc and run of tokens."""
        if not tokens:
            return 0.0
        scored = doc_lookup(tokens[0].doc).memo.setdefault("statements.polarity", {})
        key = tuple(t.i for t in tokens)
        score = scored.get(key)
        if score is None:
            score = scored[key] = self._polarity(tokens)
        return score

    def _polarity(self, tokens: tuple[Token, ...] | list[Token]) -> float:
        lex = self.vader.lexicon
        words = []
        for t in tokens:
            if t.is_punct and t.text not in ("!", "?"):
                continue
            low = t.lower_
            lem = t.lemma_.lower()
            words.append(t.text if low in lex or lem not in lex else lem)
        if not words:
            return 0.0
        return float(self.vader.polarity_scores(" ".join(words))["compound"])

    def _mixed(self, tokens: list[Token]) -> bool:
        """Whether a verb or adjective of the tokens (what the target does or is, not the ills
        it may be praised for ending) is at or below ``praise_veto`` on VADER's scale."""
        lex = self.vader.lexicon
        return any(min(lex.get(t.lower_, 0.0), lex.get(t.lemma_.lower(), 0.0)) <= self.words.praise_veto
                   for t in tokens if t.pos_ in ("VERB", "ADJ"))

    # ------------------------------------------------------------------ per sentence
    def revise(self, doc: Doc, sent: SpacySpan, coded: list[Draft], notes: list[str]) -> list[Draft]:
        """The sentence's drafts with its statements added: a statement whose speaker or content
        the patterns already coded adds nothing, except a denial ("called X's allegations
        baseless"), which replaces the allegation noun's own event the light verb gave the speaker."""
        out = [self._alleged(d, notes) for d in coded]
        for st in self._statements(doc, sent):
            if st.about is not None and lemma(st.about) in self.words.allegation_nouns:
                denial = self._denial(doc, sent, st, notes)
                if denial:
                    inside = set(st.about.subtree)
                    out = [d for d in out if not (d.match.trigger in inside and d.source in st.sources)] + denial
                continue
            if not any(d.source in st.sources for d in out):  # a wrong told inside: reported_wrongs
                told = any(d.match.trigger in st.content for d in out)
                out.extend(reported_wrongs(self, doc, sent, st, out, notes) if told else self._code(doc, sent, st, notes))
        return out

    def stances(self, doc: Doc, sent: SpacySpan, coded: list[Draft], notes: list[str]) -> list[Draft]:
        """"X is critical of Y's plan", "X remains opposed to the deal with Y": a stance adjective
        predicated of the source, towards an actor in its prepositional phrase."""
        out: list[Draft] = []
        for adj in doc_lookup(doc).tokens_of(sent):
            # "X is critical of Y"; or what X made ("X posted videos *critical of* Y", "published an
            # editorial highly critical of Y"): a stance after the object of the maker's verb
            made = _made_thing(adj) if adj.dep_ == "amod" and adj.i > adj.head.i \
                and not actors_of(doc, adj.head) else None
            if adj.dep_ != "acomp" and made is None:
                continue
            pattern = self.stance_patterns.get(adj.lower_) or self.stance_patterns.get(adj.lemma_.lower())
            if pattern is None or any(d.match.trigger.i == adj.i for d in coded):
                continue
            verb = made.head if made is not None else adj.head
            if any(c.dep_ == "neg" for c in (*verb.children, *adj.children)) or self._unreal(verb):
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            sources = actors_of(doc, subj)
            if not sources:
                continue
            speaker_codes = {getattr(actor_by_id(doc, s), "code", None) for s in sources}
            phrase = [t for p in adj.children if p.dep_ == "prep" and p.lower_ in self.words.stance_prepositions
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
        speaker_codes = {getattr(actor_by_id(doc, s), "code", None) for s in st.sources}
        found = self._evaluated(doc, st, speaker_codes)
        targets: list[str | None] = list(found[0]) if found else [None]
        pattern = self.patterns["denial"]
        roles = Roles(st.sources, tuple(t for t in targets if t), "speaker", st.quote, "clause" if found else "")
        note = (f"'{st.trigger.text} ... {st.about.text}': an allegation called {score:+.2f} -> denial "
                f"{pattern.code}")
        notes.append(note)
        return [Draft(Match(st.trigger, pattern, (), ()), pattern.code, s, t, False, roles, sent, note)
                for s in st.sources for t in targets if s != t]

    def _is_media_or_commentator(self, doc: Doc, st: Statement) -> bool:
        """The news media report, commentators predict, a private person (a witness, a resident:
        a person with a country and no sector) tells: none takes a political stand towards an actor."""
        for s in st.sources:
            actor = actor_by_id(doc, s)
            code = (actor.code or "") if actor is not None else ""
            if is_media(doc, s) or code[3:6] in self.words.commentator_sectors or (
                    actor is not None and actor.kind == "person" and len(code) == 3):
                return True
        return False

    def _may_judge_state(self, doc: Doc, st: Statement) -> bool:
        """A journalist or writer judging a state ("the writer said the government was cruel and
        corrupt") takes a stand; what they report of it does not. A private person (often a
        former official speaking as a commentator) and a commentator stay commentary."""
        return all(is_media(doc, s) for s in st.sources)

    def _all_state(self, doc: Doc, targets: list) -> bool:
        """Every target is a state: a country or one of its ``state_sectors`` (government, army ...)."""
        codes = [(getattr(actor_by_id(doc, t), "code", None) or "") if t else "" for t in targets]
        return bool(codes) and all(len(c) == 3 or c[3:6] in self.words.state_sectors for c in codes)

    def _statements(self, doc: Doc, sent: SpacySpan) -> list[Statement]:
        found: list[Statement] = []
        seen: set[int] = set()
        lookup = doc_lookup(doc)
        toks, lemmas = lookup.tokens, lookup.lemmas
        for i in range(sent.start, sent.end):
            verb = toks[i]
            if lemmas[i] not in self.words.evaluation_verbs or verb.pos_ not in ("VERB", "AUX"):
                continue
            ev = self._evaluation(doc, verb)
            if ev is not None:
                found.append(ev)
                seen.add(verb.i)
        for q in _quotes_of(lookup, sent):
            if q.kind == "term" or not q.speaker or q.span[1] <= sent.start_char or q.span[0] >= sent.end_char:
                continue
            speaker = actor_by_id(doc, q.speaker)
            if speaker is None or not speaker.code:
                continue
            start, end = max(q.span[0], sent.start_char), min(q.span[1], sent.end_char)
            content = _tokens_from(lookup, sent, start, end)
            if not content:
                continue
            cue = next((t for t in (_tokens_from(lookup, sent, *q.cue) if q.cue else ())
                        if t.pos_ in ("VERB", "AUX")), None)
            if cue is not None and cue.i in seen:
                continue
            trigger = cue or next((t for t in content if t.dep_ == "ROOT"), content[0])
            found.append(Statement(trigger, content, _speakers(doc, cue, q.speaker), self._judged_allegation(content), q))
        return found

    def _judged_allegation(self, content: tuple[Token, ...]) -> Token | None:
        """"said *Washington's accusations* were absurd": an allegation noun that is the subject of
        the content's own clause is what the statement judges (a denial when negative)."""
        inside = set(content)
        for t in content:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head in inside and t.head.head not in inside \
                    and lemma(t) in self.words.allegation_nouns:
                return t
        return None

    def _evaluation(self, doc: Doc, verb: Token) -> Statement | None:
        """"X described Y as '...'", "X called Y '...'": Y is what is evaluated."""
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        small = small_clause(verb) if obj is None else None  # "called X's decision shameful"
        if obj is None and small is None:
            return None
        obj, pred = small or (obj, [])
        for c in verb.children if small is None else ():
            if c.dep_ == "prep" and c.lower_ == "as":
                pred.extend(t for x in c.children for t in x.subtree)
            elif c.dep_ in CONTENT_DEPS and c.i > obj.i:
                pred.extend(c.subtree)
        for c in obj.children if small is None else ():
            # "called them 'a punishment'", "described the plan as a disaster": the parser may
            # hang the predicate on the object
            if c.dep_ in ("appos", "amod", "acl") and c.i > obj.i and verb.lemma_ != "describe":
                pred.extend(c.subtree)
            elif c.dep_ == "prep" and c.lower_ == "as" and not pred:
                pred.extend(t for x in c.children for t in x.subtree)
        if not pred:
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
        sources = tuple(actors_of(doc, subj)) if subj is not None else ()
        if not sources:
            return None
        return Statement(verb, tuple(sorted(pred, key=lambda t: t.i)), sources, obj, None)

    def _code(self, doc: Doc, sent: SpacySpan, st: Statement, notes: list[str]) -> list[Draft]:
        speaker_codes = {getattr(actor_by_id(doc, s), "code", None) for s in st.sources}
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
        match = Match(st.trigger, pattern, (), ())
        roles = Roles(st.sources, tuple(t for t in targets if t), "speaker" if st.quote is None else "quote",
                      st.quote, "clause" if any(targets) else "")
        note = (f"'{st.trigger.text}': a statement coded by what it says ({kind}, polarity {score:+.2f}) "
                f"-> {pattern.code}")
        notes.append(note)
        return [Draft(match, pattern.code, s, t, False, roles, sent, note)
                for s in st.sources for t in targets if s != t]

    def _tie(self, st: Statement, sent: SpacySpan, targets: list[str], word: Token,
             notes: list[str]) -> list[Draft]:
        """"police said the gunmen were linked to X": the speaker accuses the one tied (112)."""
        pattern = self.patterns["allegation"]
        note = f"'{st.trigger.text} ... {word.text}': a wrongdoer tied to another actor -> allegation {pattern.code}"
        notes.append(note)
        roles = Roles(st.sources, tuple(targets), "speaker" if st.quote is None else "quote", st.quote, "clause")
        return [Draft(Match(st.trigger, pattern, (), ()), pattern.code, s, t, False, roles, sent, note)
                for s in st.sources for t in targets if s != t]

    def _names_armed(self, doc: Doc, predicate: list[Token], targets: list) -> bool:
        """The predicate of "called X ..." names an armed group (``armed_sectors``) other than X."""
        named = {a for t in predicate for a in actors_of(doc, t, modifiers=False)} - set(targets)
        return any((getattr(actor_by_id(doc, a), "code", None) or "")[3:6] in self.words.armed_sectors
                   for a in named)

    def _others(self, doc: Doc, ids: list[str], speaker_codes: set[str | None]) -> list[str]:
        return [a for a in ids if getattr(actor_by_id(doc, a), "code", None) not in speaker_codes]

    def _evaluated(self, doc: Doc, st: Statement,
                   speaker_codes: set[str | None]) -> tuple[list[str], list[Token], bool] | None:
        """"described *the plan* as ...": the actor the evaluated phrase names, or one inside it
        ("called the allegations *by X* baseless", "X's claims")."""
        assert st.about is not None
        ids = self._others(doc, actors_of(doc, st.about), speaker_codes)
        if not ids:
            said = set(st.content)  # the predicate may hang on the phrase: "the plan as a disaster for X"
            inner = [a for t in st.about.subtree if t is not st.about and t not in said for a in actors_of(doc, t)]
            ids = self._others(doc, list(dict.fromkeys(inner)), speaker_codes)[:1]
        return (ids, list(st.content), False) if ids else None

    def _clause_target(self, doc: Doc, st: Statement,
                       speaker_codes: set[str | None]) -> tuple[list[str], list[Token], bool] | None:
        """The subject (or ``by`` agent) of a clause of the content that names another actor, the
        words said of it (its clause without its own phrase), and whether the clause reports an act
        of it (an allegation) rather than a state (a criticism). The patient of a passive is a
        victim, never the target of the statement."""
        content = set(st.content)
        alleged = lemma(st.trigger) in self.words.allegation_verbs or any(
            t.lower_ in self.words.allegation_words for t in st.content)
        for t in st.content:
            if t.dep_ == "nsubj":
                verb = t.head
            elif t.dep_ == "pobj" and t.head.dep_ == "agent":
                verb = t.head.head
            else:
                continue
            if verb not in content or self._unreal_claim(verb) or self._own_side(t):
                continue
            ids = self._targets(doc, actors_of(doc, t, modifiers=alleged), speaker_codes,
                                keep_victims=self._wrongdoer(verb, alleged))
            if not ids:
                # "*Kenya's* ultimatum is ...": the owner of what the clause is about
                ids = self._targets(doc, [a for c in t.children if c.dep_ == "poss"
                                          for a in actors_of(doc, c, modifiers=False)], speaker_codes)
            if not ids:
                continue
            own = set(t.subtree) if t.dep_ == "nsubj" else set(t.head.subtree)
            # an allegation verb: the whole content is what the target is said to be or do
            predicate = list(st.content) if alleged else [w for w in verb.subtree if w in content and w not in own]
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            acts = t.dep_ == "pobj" or (lemma(verb) not in self.words.stative_verbs and not passive)
            return ids, predicate, acts
        # "claimed the attack was planned *in Afghanistan*", "it violates *Thailand's* obligations":
        # an actor anywhere in the content, when the whole content is clearly negative (an
        # allegation verb is enough by itself)
        if not alleged and self.polarity(st.content) > self.words.strongly_negative:
            return None  # (tested first: cheaper than the actors of every word)
        named = (t for t in st.content if alleged or not self._place(t))
        ids = self._targets(doc, list(dict.fromkeys(a for t in named for a in actors_of(doc, t))), speaker_codes)
        if not ids:
            return None
        roots = [t for t in st.content if t.head not in content or t.head is t]
        if any(self._unreal_claim(r) for r in roots):
            return None
        acts = alleged or any(lemma(r) not in self.words.stative_verbs and r.pos_ == "VERB"
                              and not any(c.dep_ == "auxpass" for c in r.children) for r in roots)
        return ids[:1], list(st.content), acts

    def _alleged(self, d: Draft, notes: list[str]) -> Draft:
        """"They say *it violates* Zembla's treaty obligations": a violation (``alleged_codes``)
        told by a speaker of a subject that is no actor (the source came from the speaker) is the
        speaker's allegation (112) towards the violator named in the object."""
        verb = d.match.trigger
        if d.code not in self.words.alleged_codes or d.roles.source_from not in ("speaker", "quote"):
            return d
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("i", "we", "us", "me"):
            return d
        pattern = self.patterns["allegation"]
        note = f"'{verb.text}': a violation told of someone else -> allegation {pattern.code}"
        notes.append(note)
        return dataclasses.replace(d, code=pattern.code, match=Match(verb, pattern, d.match.words, d.match.preps),
                                   note=note)

    def _act_evaluated(self, st: Statement) -> tuple[list[str | None], list[Token], bool] | None:
        """"described *the jailbreak* as deplorable", "said *the ban* was a disaster": an act or
        policy (``evaluated_acts``) judged with no actor named in it is a criticism with no target."""
        if st.about is not None:
            return ([None], list(st.content), False) if self._is_act(st.about) else None
        content = set(st.content)
        # the subjects in the content, and those of its verbs standing just before a quotation
        # that starts after them ('said the deal "gives in to pressure"')
        # ... or a passive that reads negative by itself ("the vote *was rigged*", "was stolen")
        subjects = [t for t in st.content if t.dep_ == "nsubj" or (
            t.dep_ == "nsubjpass" and (lemma(t.head) in self.words.judging_verbs
                                       or self.polarity([t.head]) <= self.words.negative))] + [
            c for v in st.content if v.head not in content and v.pos_ in ("VERB", "AUX")
            for c in v.children if c.dep_ == "nsubj" and c not in content]
        for t in subjects:
            verb = t.head
            # a judgement says what the act is ("the law *is* cruel"); what it did ("the bombing
            # killed two soldiers") is a report of the act, not a stand
            # ... or what it shows or amounts to ("the transfers *demonstrate* a disregard for the
            # law", "the crackdown *amounts* to collective punishment"); hedged ("may amount"), an
            # act with no doer named is left uncoded (its target would be a guess)
            if not self._is_act(t) or verb not in content or self._unreal(verb) \
                    or (t.dep_ == "nsubj" and lemma(verb) not in self.words.stative_verbs | self.words.judging_verbs):
                continue
            own = set(t.subtree)
            # a legal charge it amounts to is an allegation ("may amount to crimes against humanity")
            return [None], [w for w in verb.subtree if w in content and w not in own], \
                lemma(verb) in self.words.hedged_allegations
        return None

    def _is_act(self, noun: Token) -> bool:
        # "the riot and *jailbreak*": any of the conjoined nouns
        return any(n.pos_ in ("NOUN", "PROPN") and lemma(n) in self.words.evaluated_acts for n in (noun, *noun.conjuncts))

    def _about_act(self, adj: Token) -> bool:
        """The stance adjective's prepositional object is an act or policy ("critical of the deal")."""
        return any(self._is_act(o) for p in adj.children if p.dep_ == "prep" and p.lower_ in self.words.stance_prepositions
                   for o in p.children if o.dep_ == "pobj")

    def _wrongdoer(self, verb: Token, alleged: bool) -> bool:
        """The subject of an active verb of a wrong ("the migrants *smuggled* weapons", "the
        refugees were *allegedly* behind ...") is the accused, even a civilian or a refugee; what
        one suffers ("*suffered* abuses", "*fled* the shelling") leaves them the victims."""
        if any(c.dep_ == "auxpass" for c in verb.children) or lemma(verb) in self.words.suffering_verbs \
                or lemma(verb) in self.words.stative_verbs:
            return False
        return alleged or self.polarity([verb]) <= self.words.negative

    def _targets(self, doc: Doc, ids: list[str], speaker_codes: set[str | None],
                 keep_victims: bool = False) -> list[str]:
        """Other actors than the speaker, and not the victims (civilians, refugees) a statement
        tells of, unless they are told as the wrongdoers (``keep_victims``)."""
        out = []
        for a in self._others(doc, ids, speaker_codes):
            code = getattr(actor_by_id(doc, a), "code", None) or ""
            if keep_victims or code[3:6] not in self.words.victim_sectors:
                out.append(a)
        return out

    def _place(self, token: Token) -> bool:
        """"in Haiti", "across Europe": a country named as the place of what is told."""
        return token.dep_ == "pobj" and token.head.lower_ in self.words.place_prepositions

    @staticmethod
    def _own_side(subject: Token) -> bool:
        """"his firm", "our troops": the speaker's own side, not an actor the speaker judges."""
        return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)

    def _unreal_claim(self, verb: Token) -> bool:
        """Unreal, except a hedged legal charge ("their treatment *may amount* to crimes against
        humanity"), which news reports as an accusation."""
        return self._unreal(verb) and lemma(verb) not in self.words.hedged_allegations

    def _unreal(self, verb: Token) -> bool:
        """A clause only possible, future or conditional says nothing that happened or holds."""
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return True  # "the need for the government to invest": a wish, not a fact
        return any((c.dep_ == "aux" and c.lower_ in self.unreal_aux) or
                   (c.dep_ == "mark" and c.lower_ in self.conditional) for c in verb.children) or \
            verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.conditional for c in verb.children)


def _speakers(doc: Doc, cue: Token | None, speaker: str) -> tuple[str, ...]:
    """The quote's speaker and those conjoined with it as the speech verb's subject ("Moroccan
    and Spanish authorities said ...", "Zembla and Osterlich said ...")."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None) if cue is not None else None
    ids = actors_of(doc, subj) if subj is not None else []
    return tuple(ids) if speaker in ids else (speaker,)


def _made_thing(adj: Token) -> Token | None:
    """The object of the maker's verb that a post-nominal stance adjective describes: "posted
    *videos* critical of", "published *a series* of articles critical of"; else None."""
    noun = adj.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None


def _quotes_by_sentence(lookup):
    """A builder of ``{sentence index: the quotes overlapping that sentence, in their order}``
    (each sentence then reads its own quotes, not every quote of the article)."""
    def build(quotes: tuple[Quote, ...]) -> dict[int, list[Quote]]:
        sents = lookup.sents
        out: dict[int, list[Quote]] = {}
        for q in quotes:
            k = max(0, lookup.sentence_index(q.span[0]))
            while k < len(sents) and sents[k].start_char < q.span[1]:
                if sents[k].end_char > q.span[0]:
                    out.setdefault(k, []).append(q)
                k += 1
        return out
    return build


def _quotes_of(lookup, sent: SpacySpan) -> tuple[Quote, ...] | list[Quote]:
    """The quotes that may overlap ``sent``: its own when it is one of the Doc's sentences."""
    quotes = extension(lookup.doc, "quotes")
    if not len(sent):
        return quotes
    here = lookup.sentence_index_of_token(sent.start)
    whole = lookup.sents[here]
    if whole.start != sent.start or whole.end != sent.end:
        return quotes
    return lookup.derived("statements.quotes", quotes, _quotes_by_sentence(lookup)).get(here, ())


def _tokens_from(lookup, sent: SpacySpan, start: int, end: int) -> tuple[Token, ...]:
    """The tokens of ``sent`` whose first character lies in ``[start, end)``."""
    i, j = lookup.token_range(start, end)
    return lookup.tokens[max(i, sent.start):min(j, sent.end)]


def load_statement_coder(data_dir: Path, ontology: Ontology | None = None, unreal_aux: frozenset[str] = frozenset(),
                         conditional: frozenset[str] = frozenset()) -> StatementCoder:
    """The coder for ``data_dir/statements``; ``unreal_aux`` (future and possibility auxiliaries)
    and ``conditional`` (if, unless) mark clauses that report nothing real."""
    return StatementCoder(load_statement_words(data_dir / "statements", ontology), unreal_aux, conditional)
