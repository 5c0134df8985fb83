"""Whom a statement is about: the actor the evaluated phrase or a clause of the content names,
an act judged with no actor named, and who may take a stand (not the media, commentators,
private persons, nor the victims a statement tells of)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doc import actor_by_id, code_of, doc_lookup
from .event_triggers import kids, lemma
from .phrase_actors import actors_of, is_media
from .statement_reading import Statement
from .statement_words import StatementWords


class StatementTargets:
    """Finds the targets of statements; a base of :class:`.event_statements.StatementCoder`."""

    words: StatementWords
    unreal_aux: frozenset[str]
    conditional: frozenset[str]
    first_person: frozenset[str]

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
        codes = [(code_of(doc, t) or "") if t else "" for t in targets]
        return bool(codes) and all(len(c) == 3 or c[3:6] in self.words.state_sectors for c in codes)

    def _names_armed(self, doc: Doc, predicate: list[Token], targets: list) -> bool:
        """The predicate of "called X ..." names an armed group (``armed_sectors``) other than X."""
        named = {a for t in predicate for a in actors_of(doc, t, modifiers=False)} - set(targets)
        return any((code_of(doc, a) or "")[3:6] in self.words.armed_sectors
                   for a in named)

    def _others(self, doc: Doc, ids: list[str], speaker_codes: set[str | None]) -> list[str]:
        return [a for a in ids if code_of(doc, a) not in speaker_codes]

    def _evaluated(self, doc: Doc, st: Statement,
                   speaker_codes: set[str | None]) -> tuple[list[str], list[Token], bool] | None:
        """"described *the plan* as ...": the actor the evaluated phrase names, or one inside it
        ("called the allegations *by X* baseless", "X's claims")."""
        assert st.about is not None
        ids = self._others(doc, actors_of(doc, st.about), speaker_codes)
        if not ids:
            # "said *the allegations by X* were groundless": who made what the content judges
            ids = self._others(doc, list(dict.fromkeys(a for c in _doers_in(st.about) for a in actors_of(doc, c))),
                               speaker_codes)
        if not ids:
            said = set(st.content)  # the predicate may hang on the phrase: "the plan as a disaster for X"
            inner = [a for t in st.about.subtree if t != st.about and t not in said for a in actors_of(doc, t)]
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
        if lemma(st.trigger) in self.words.said_of_verbs:
            # '"They are killers," the general *said of the militia*': whom the words are about
            about = [a for p in kids(st.trigger) if p.dep_ == "prep" and p.lower_ == "of"
                     for o in kids(p) if o.dep_ == "pobj" for a in actors_of(doc, o)]
            ids = self._targets(doc, about, speaker_codes, keep_victims=True) if about else []
            if ids:
                roots = [t for t in st.content if t.head not in content or t.head == t]
                return ids, list(st.content), alleged or any(
                    lemma(r) not in self.words.stative_verbs and r.pos_ == "VERB" for r in roots)
        # 'said Berisha "was involved in corrupt acts"': a quotation that starts after the subject
        # of its own clause
        before = _subjects_before(st.content, ("nsubj", "nsubjpass"))
        for t in (*st.content, *before):
            if t.dep_ == "nsubj":
                verb = t.head
            elif t.dep_ == "pobj" and t.head.dep_ == "agent":
                verb = t.head.head
            else:
                continue
            if verb not in content or self._unreal_claim(verb) or self._own_side(t) \
                    or lemma(verb) in self.words.bystander_verbs:
                continue
            ids = self._targets(doc, actors_of(doc, t, modifiers=alleged), speaker_codes,
                                keep_victims=self._wrongdoer(verb, alleged))
            if not ids:
                # "*Kenya's* ultimatum is ...", "the sanctions imposed *by Washington* were ...": the
                # owner or doer of what the clause is about
                ids = self._targets(doc, [a for c in _doers_in(t) for a in actors_of(doc, c, modifiers=False)],
                                    speaker_codes)
            if not ids and not alleged and self._is_act(t):
                # "the *Chinese* drills were reckless": the actor an act's modifier names did it
                ids = self._targets(doc, actors_of(doc, t, modifiers=True), speaker_codes)
            if not ids:
                continue
            own = set(t.subtree) if t.dep_ == "nsubj" else set(t.head.subtree)
            # an allegation verb: the whole content is what the target is said to be or do
            predicate = list(st.content) if alleged else [w for w in verb.subtree if w in content and w not in own]
            passive = any(c.dep_ == "auxpass" for c in kids(verb))
            acts = t.dep_ == "pobj" or (lemma(verb) not in self.words.stative_verbs and not passive)
            return ids, predicate, acts
        # "claimed the attack was planned *in Afghanistan*", "alleged that the funds went to *X*": an
        # actor anywhere in the content of an allegation; a plain report with no actor as the
        # subject of its clause judges nobody, however sad its news ("X was killed in a gun battle,
        # officials said", "according to X, there were 25 deaths")
        if not alleged or self._told_of_self(st.content):
            return None
        ids = self._targets(doc, list(dict.fromkeys(a for t in (*st.content, *before) for a in actors_of(doc, t))),
                            speaker_codes)
        if not ids:
            return None
        roots = [t for t in st.content if t.head not in content or t.head == t]
        if any(self._unreal_claim(r) for r in roots):
            return None
        return ids[:1], list(st.content), True

    def _told_of_self(self, content: tuple[Token, ...]) -> bool:
        """"no one can say *I am implicated*", "no court found *us guilty*": the allegation word is
        told of the speaker (a first person subject of its clause, or of the word itself), a denial
        of the speaker's own, not an accusation of another."""
        for t in content:
            if t.lower_ in self.words.allegation_words and any(
                    c.dep_ in ("nsubj", "nsubjpass") and self._first_person(c)
                    for h in (t, t.head) for c in kids(h)):
                return True
        return False

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
                                       or self.polarity([t.head]) <= self.words.negative))] + \
            _subjects_before(st.content, ("nsubj",))
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
        return any(self._is_act(o) for p in kids(adj) if p.dep_ == "prep" and p.lower_ in self.words.stance_prepositions
                   for o in kids(p) if o.dep_ == "pobj")

    def _wrongdoer(self, verb: Token, alleged: bool) -> bool:
        """The subject of an active verb of a wrong ("the migrants *smuggled* weapons", "the
        refugees were *allegedly* behind ...") is the accused, even a civilian or a refugee; what
        one suffers ("*suffered* abuses", "*fled* the shelling") leaves them the victims. Named a
        wrongdoer ("the protesters were *criminals*", "are *killers*": a negative noun after a copula,
        not one of ``victim_nouns``), they are the accused too."""
        if lemma(verb) in self.words.stative_verbs:
            return any(c.dep_ == "attr" and c.pos_ == "NOUN" and lemma(c) not in self.words.victim_nouns
                       and self.polarity([c]) <= self.words.negative for c in kids(verb))
        if any(c.dep_ == "auxpass" for c in kids(verb)) or lemma(verb) in self.words.suffering_verbs:
            return False
        return alleged or self.polarity([verb]) <= self.words.negative

    def _targets(self, doc: Doc, ids: list[str], speaker_codes: set[str | None],
                 keep_victims: bool = False) -> list[str]:
        """Other actors than the speaker, and not the victims (civilians, refugees) a statement
        tells of, unless they are told as the wrongdoers (``keep_victims``)."""
        out = []
        for a in self._others(doc, ids, speaker_codes):
            code = code_of(doc, a) or ""
            if keep_victims or code[3:6] not in self.words.victim_sectors:
                out.append(a)
        return out

    def _first_person(self, token: Token) -> bool:
        """"I", "we" (not the country "US")."""
        return token.lower_ in self.first_person and token.text != "US"

    @staticmethod
    def _own_side(subject: Token) -> bool:
        """"his firm", "our troops": the speaker's own side, not an actor the speaker judges."""
        return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in kids(subject))

    def _unreal_claim(self, verb: Token) -> bool:
        """Unreal, except a hedged legal charge ("their treatment *may amount* to crimes against
        humanity"), which news reports as an accusation."""
        return self._unreal(verb) and lemma(verb) not in self.words.hedged_allegations

    def _unreal(self, verb: Token) -> bool:
        """A clause only possible, future or conditional says nothing that happened or holds."""
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb)):
            return True  # "the need for the government to invest": a wish, not a fact
        if any((c.dep_ == "aux" and c.lower_ in self.unreal_aux) or
               (c.dep_ == "mark" and c.lower_ in self.conditional) for c in kids(verb)):
            return True
        # "... so the prison service *can focus* on ...": a purpose, not what happens
        return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.words.purpose_marks
                                            for c in kids(verb)) \
            and any(c.dep_ == "aux" and c.lower_ in self.words.purpose_aux for c in kids(verb))


def _doers_in(noun: Token) -> list[Token]:
    """The possessor of ``noun`` ("*Kenya's* ultimatum"), its ``by`` phrase ("the allegations *by
    X*") and the ``by`` agent of a participle on it ("the sanctions imposed *by Washington*")."""
    out = []
    for c in kids(noun):
        if c.dep_ == "poss":
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "by":
            out.extend(o for o in kids(c) if o.dep_ == "pobj")
        elif c.dep_ == "acl":
            out.extend(o for a in kids(c) if a.dep_ == "agent" for o in kids(a) if o.dep_ == "pobj")
    return out


def _subjects_before(content: tuple[Token, ...], relations: tuple[str, ...]) -> list[Token]:
    """The subjects (``relations``) outside ``content`` of its verbs whose head lies outside it
    too: the subject standing before a quotation that starts after it; read from the Doc's head
    index (no head Token made per word)."""
    if not content:
        return []
    heads = doc_lookup(content[0].doc).heads
    inside = {t.i for t in content}
    return [c for v in content if heads[v.i] not in inside and v.pos_ in ("VERB", "AUX")
            for c in kids(v) if c.dep_ in relations and c.i not in inside]
