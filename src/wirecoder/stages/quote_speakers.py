"""Who said it: the speaker of a quote's cue (the cue itself is found by ``quote_cue_finder``).

The cue of a direct quote is found, in this order: a reporting verb that governs
the quoted words in the parse (``Peskov said: "..."``, ``"...," said Peskov``),
the nearest reporting verb after the quote in its sentence, the nearest before
it, then a speaker phrase ("according to NISA"). The speaker is the cue's
subject (inherited by participles and conjuncts: "..., adding"), resolved to an
actor of the actors stage when one is mentioned there; otherwise its own words
(a person's name when the phrase holds one, "he"/"she" to the nearest person
named before, outside quotes).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..doc import actor_of_token, doc_lookup
from ..records import Actor, slot_init
from .quote_lexicon import QuoteLexicon
from .quote_names import acronym_after, same_word
from .quote_cues import SUBJECTS, children_with, is_cue_verb
from .quote_referents import (is_document, is_personal, issuer_of, named_in, owner_actor, partitive_of,
                              proper_name, stranded_subject, with_acronym)

_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_OTHER_PRONOUNS = {"it", "they", "them"}
_WRITER_PRONOUNS = {"i", "me", "we", "us", "you"}  # outside quotes: the writer or the reader
_NOT_PERSON = {"GPE", "ORG", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "DATE", "TIME"}
_ROLE_DETS = {"the", "this", "that"}
_ANTECEDENT_SENTENCES = 4
_RELATIVES = {"who", "which", "that"}
_NAME_DEPS = {"compound", "amod", "nmod", "poss", "case", "nummod", "npadvmod", "flat", "punct"}
_AGENT_PREPS = {"by"}  # "a study by X" (documents also take "from": quote_referents.issuer_of)


@slot_init
@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to: an actor when the actors stage knows one."""

    actor: Actor | None
    name: str
    token: int  # index of the speaker's head token in the doc
    person: bool = False  # a named person (not a role, group or institution)


@slot_init
@dataclass(frozen=True, slots=True)
class Attribution:
    cue: tuple[int, int]   # char span of the cue (a reporting verb, or a speaker phrase)
    cue_token: int
    speaker: Speaker
    how: str               # tree | after | before | phrase


class SpeakerResolver:
    """Turns a subject token into a :class:`Speaker` (actor first, words otherwise)."""

    def __init__(self, doc: Doc, lex: QuoteLexicon, quoted: tuple[tuple[int, int], ...]) -> None:
        self.doc = doc
        self.lex = lex
        self.quoted = quoted
        self._quote_mask = quote_mask(len(doc_lookup(doc).text), quoted)
        ents = doc_lookup(doc).ents
        self.persons = [e for e in ents if e.label_ == "PERSON" and not self._in_quote(e.start_char)]
        self.orgs = [e for e in ents if e.label_ in ("ORG", "NORP", "GPE") and not self._in_quote(e.start_char)]
        self.recent: list[Speaker] = []
        self.acronyms: dict[str, str] = {}  # name -> name with the acronym the story defines
        self._text = text = doc_lookup(doc).text  # an entity's words are its slice (``e.text`` joins its tokens)
        self.surnames = {words[-1].lower() for words in (text[e.start_char:e.end_char].split() for e in self.persons)
                         if words}
        # indexes over the persons (doc.ents do not overlap, so one person a token)
        self._person_ends = [e.end_char for e in self.persons]
        self._person_of_token = {i: e for e in reversed(self.persons) for i in range(e.start, e.end)}
        self._person_by_last = {}
        for e in reversed(self.persons):
            self._person_by_last[e.end - 1] = e
        self._fullest: dict[str, str] = {}
        self._person_words: list[tuple[str, int, str]] | None = None
        self._org_words: list[tuple[str, list[str]]] | None = None
        self._by_lemma: dict[str, list[int]] = {}  # lemma -> its tokens' indexes, asked per lemma
        # resolve()'s answers by token: those that never read the remembered speakers hold for
        # the whole Doc, the others until the next speaker is remembered (see resolve)
        self._resolved: dict[int, Speaker | None] = {}
        self._resolved_recent: dict[int, Speaker | None] = {}
        self._recent_reads = 0  # how many times an answer has read the remembered speakers
        # a hyphenated surname is split by the tokenizer ("Dakin-Grimm" -> "Dakin", "Grimm")
        self.surnames |= {part for name in list(self.surnames) if "-" in name for part in name.split("-") if part}

    def _in_quote(self, char: int) -> bool:
        return 0 <= char < len(self._quote_mask) and self._quote_mask[char] == 1

    def remember(self, speaker: Speaker) -> None:
        """A speaker found for a quote (for "the official said" after a named speaker)."""
        self.recent.append(speaker)
        self._resolved_recent = {}

    def resolve(self, subject: Token) -> Speaker | None:
        """The speaker ``subject`` names. The answer depends on the parse, the actors and, for
        some, the speakers remembered so far: it is kept per token, until :meth:`remember` adds
        a speaker when it read them (directly or through a nested answer)."""
        i = subject.i
        if i in self._resolved:
            return self._resolved[i]
        if i in self._resolved_recent:
            self._recent_reads += 1  # the asker's answer depends on the remembered speakers too
            return self._resolved_recent[i]
        reads = self._recent_reads
        found = self._resolve(subject)
        (self._resolved if self._recent_reads == reads else self._resolved_recent)[i] = found
        return found

    def _resolve(self, subject: Token) -> Speaker | None:
        head = subject
        if head.lower_ in _RELATIVES and head.head.dep_ == "relcl":
            head = head.head.head  # "Washington, which claims ..."
        part = partitive_of(head, self.lex)
        if part is not None:
            head = part  # "Sixty percent of students said": the students
        if is_document(head, self.lex):
            issuer = issuer_of(head, self.lex)
            if issuer is None:
                issuer = self._earlier_issuer(head)  # "The assessment said" after "An assessment from X"
            if issuer is not None and issuer.i != head.i:
                found = self.resolve(issuer)
                if found is not None:
                    return Speaker(found.actor, found.name, head.i, found.person)
        elif head.pos_ == "NOUN":
            agent = self._agent(head)
            if agent is not None:
                head = agent
        if ((head.lemma_.lower() in self.lex.non_speakers or head.lower_ in self.lex.non_speakers)
                and not self._named_body(head)):
            source = self._agent(head, ("by", "from"))
            if source is not None and source.i != head.i:
                return self.resolve(source)  # "according to data from the statistics office"
            return None
        if head.pos_ == "NOUN":
            name = named_in(head)  # "social worker and activist Ryan Febrianto"
            if name is not None:
                found = self.resolve(name)
                if found is not None:
                    words = proper_name(name)
                    if name.lower_ not in found.name.lower():  # an actor named by the role itself
                        return Speaker(found.actor, self.fullest(words), head.i, found.person)
                    return Speaker(found.actor, found.name, head.i, found.person)
        appositives = children_with(head, ("appos",))
        # "the council's auditor, Ines Prado, said": the name, not the body the role belongs to
        named = [c for c in appositives if head.pos_ == "NOUN" and c.pos_ == "PROPN" and self._person_at(c)]
        candidates = named + [head] + [c for c in appositives if c not in named]
        lower = head.lower_
        if lower in _WRITER_PRONOUNS and not self._in_quote(head.idx):
            return None  # "I think ..." in the writer's own words, "Do you think ...?" to a guest
        # "he said", "the official said": the speaker named before, outside quotes, wins
        # over a coreference that may point into a quote
        if lower in _PERSON_PRONOUNS:
            found = self._antecedent(head, person=True)
            if found is not None:
                return Speaker(found.actor, found.name, head.i, found.person)
        if head.pos_ == "NOUN" and any((c.dep_ == "det" and c.lower_ in _ROLE_DETS)
                                       or (c.dep_ == "poss" and c.pos_ == "PROPN") for c in head.children):
            found = self._role(head)
            if found is not None:
                return Speaker(found.actor, found.name, head.i, found.person)
        for token in candidates:
            actor = actor_of_token(self.doc, token)
            if actor is not None:
                actor = self._fullest_actor(actor)
                if token.pos_ == "PROPN" and token.ent_type_ == "PERSON" and token.text not in actor.name:
                    # "U.S. Air Force Chief of Staff, General Dave Goldfein": the actor is named
                    # by the role; the speaker is the person the story names
                    return Speaker(actor, self.fullest(proper_name(token)), head.i, True)
                name = with_acronym(actor.name, head)
                if name == actor.name:
                    name = self._defined_acronym(actor.name)
                return Speaker(actor, name, head.i, actor.kind == "person")
        if lower in _PERSON_PRONOUNS or lower in _OTHER_PRONOUNS:
            found = self._antecedent(head, person=lower in _PERSON_PRONOUNS)
            if found is not None:
                return Speaker(found.actor, found.name, head.i, found.person)
            return Speaker(None, head.text, head.i)
        for token in candidates:
            ent = self._person_at(token)
            if ent is not None:
                return Speaker(None, self.fullest(ent.text), head.i, True)
        ent = self._person_in(head)
        if ent is not None:
            return Speaker(None, self.fullest(ent.text), head.i, True)
        return Speaker(owner_actor(head), self._defined_acronym(self.fullest(self._phrase(head))), head.i)

    def _defined_acronym(self, name: str) -> str:
        """``name`` with the acronym the story defines for it ("United Nations High Commission
        for Refugees (UNHCR)" -> "United Nations High Commission (UNHCR)"), else ``name``."""
        if len(name.split()) < 2:
            return name
        if name not in self.acronyms:  # one search of the text a name, however often it speaks
            found = acronym_after(doc_lookup(self.doc).text, name)
            self.acronyms[name] = f"{name} ({found})" if found else name
        return self.acronyms[name]

    def _fullest_actor(self, actor: Actor) -> Actor:
        """Another actor of the article with the fuller form of this actor's name
        ("Pederson" -> "Geir Pedersen", "Xinhua" -> "Xinhua News Agency"), else the actor."""
        fuller = self.fullest(actor.name)
        if fuller == actor.name:
            return actor
        return next((a for a in self.doc._.actors if a.name == fuller), actor)

    def _antecedent(self, pronoun: Token, person: bool) -> Speaker | None:
        """The speaker "he"/"she" (or "it"/"they") stands for: the nearest subject before it."""
        lookup = doc_lookup(self.doc)
        sentences, deps, tokens = lookup.sents, lookup.deps, lookup.tokens
        here = lookup.sentence_index_of_token(pronoun.i)
        for sent in reversed(sentences[max(0, here - _ANTECEDENT_SENTENCES):here + 1]):
            subjects = [tokens[k] for k in range(sent.start, min(sent.end, pronoun.i))
                        if deps[k] in SUBJECTS and not self._in_quote(tokens[k].idx)]
            # a subject that reports speech is the likelier antecedent of a speaker pronoun
            # ("X told VOA that Cyclone Jude had moved ... she said": X, not the cyclone)
            subjects.sort(key=lambda t: (is_cue_verb(self.lex, t.head), t.i))
            if person:
                found = self._stranded_speaker(sent, pronoun)
                if found is not None:  # "In Kinshasa, Marie Ilunga, coordinator ..., says ... She ..."
                    return found
            described = None  # a speaker described by a noun, when the sentence names no person
            for token in reversed(subjects):
                if token.pos_ == "PRON":
                    continue
                is_person = self._person_at(token) is not None or (
                    token.pos_ == "PROPN" and (token.ent_type_ not in _NOT_PERSON
                                               or token.lower_ in self.surnames
                                               or is_personal(self.doc, token)))
                if person and not is_person:
                    if token.pos_ == "NOUN":  # "Solo's mayor, ..., cautioned ... she added"
                        found = self.resolve(token)
                        if found is not None and found.person:
                            return found
                        owner = next((c for c in token.children if c.dep_ == "poss"
                                      and self._person_at(c) is not None), None)
                        if owner is not None:  # "Jonas Berg's company, Nordway, ... He said"
                            found = self.resolve(owner)
                            if found is not None and found.person:
                                return found
                        if (found is not None and token.tag_ == "NN"
                                and (found.actor is None or (actor_of_token(self.doc, token) is None
                                                             and found.actor is owner_actor(token)))
                                and is_cue_verb(self.lex, token.head) and described is None
                                and any(c.dep_ == "det" for c in token.children)):
                            described = found  # '"...," a JetBlue pilot lamented. ... he added'
                    continue
                if not person and (is_person or token.pos_ not in ("NOUN", "PROPN")):
                    continue
                found = self.resolve(token)
                if found is not None:
                    return found
            if described is not None:
                return described
            topic = self._topic(sent) if person else None
            if topic is not None and topic.i < pronoun.i:
                found = self.resolve(topic)  # "For Sithole, managing his diabetes ... he said"
                if found is not None:
                    return found
        if person:
            n = bisect_right(self._person_ends, pronoun.idx)  # persons ending before the pronoun
            if n:
                last = self.persons[n - 1]
                return Speaker(None, self.fullest(last.text), last.root.i, True)
        return None

    def _stranded_speaker(self, sent: SpacySpan, pronoun: Token) -> Speaker | None:
        """The person a misparse left before the sentence's subjectless reporting verb (see
        ``stranded_subject``), as the antecedent of a later "he"/"she"."""
        root = sent.root
        if root.i >= pronoun.i or root.pos_ != "VERB" or not is_cue_verb(self.lex, root):
            return None
        if any(c.dep_ in SUBJECTS for c in root.children):
            return None
        token = stranded_subject(root)
        if token is None or self._person_at(token) is None or self._in_quote(token.idx):
            return None
        found = self.resolve(token)
        return found if found is not None and found.person else None

    def _topic(self, sent: SpacySpan) -> Token | None:
        """A person a sentence opens on as its topic ("For Sithole, ...", "As for Banjai, ...")."""
        words = [t for t in sent[:6] if not t.is_space]
        if not words or words[0].lower_ not in ("for", "as"):
            return None
        for token in words[1:]:
            if token.text == ",":
                return None
            if token.pos_ == "PROPN" and (self._person_at(token) is not None or token.lower_ in self.surnames):
                nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
                if nxt is None or nxt.pos_ != "PROPN":
                    return token
        return None

    def _role(self, noun: Token) -> Speaker | None:
        """"the group said" -> the group named before ("the Islamist militant group al-Shabab");
        "the official said" -> the person who spoke last."""
        lemma = noun.lemma_.lower()
        positions = self._lemma_positions(lemma)
        for k in reversed(positions[:bisect_left(positions, noun.i)]):  # same lemma, before the noun
            token = self.doc[k]
            if self._in_quote(token.idx):
                continue
            if token.pos_ == "PROPN" and token.dep_ != "compound" and noun.tag_ == "NN":
                named = actor_of_token(self.doc, token)
                if named is not None and named.kind != "person":
                    # "the agency said" after "the International Energy Agency": the body
                    # whose name ends in the noun
                    return self.resolve(token)
            if token.tag_ != noun.tag_ and not (token.pos_ == "PROPN" and token.dep_ == "compound"):
                continue  # "Mayor" of "Solo Mayor Hadi Rudyatmo" names the mayor
            if token.dep_ == "compound" and token.head.pos_ == "PROPN":
                found = self.resolve(token.head)
                if found is not None and token.text[:1].isupper() and token.pos_ == "PROPN":
                    # a capitalised title before a name is a person's ("Mayor Ana Reyes")
                    found = Speaker(found.actor, found.name, found.token, True)
                return found
            if token.dep_ == "appos" and token.head.pos_ == "PROPN":
                return self.resolve(token.head)
            named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is not None:
                return self.resolve(named)
            if token.dep_ in SUBJECTS:  # "a State Department spokesperson told VOA ..."
                actor = actor_of_token(self.doc, token)
                name = actor.name if actor else self.fullest(self._phrase(token))
                return Speaker(actor, name, token.i, False)
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children):
            return None  # "the China Newsweek magazine": named by its own words, not a person
        actor = actor_of_token(self.doc, noun)
        group = actor is not None and actor.kind != "person"  # "the opposition", "the authority"
        back = self._sentence_back(noun, 3)
        self._recent_reads += 1
        earlier = [s for s in self.recent if (s.person or is_personal(self.doc, self.doc[s.token])) and s.token < noun.i
                   and self.doc[s.token].sent.start >= back]
        # a person who reported something in the sentences before ("Anton Kristian ... said a
        # schoolmate introduced him ... 'I love it,' said the young professional")
        lookup = doc_lookup(self.doc)
        deps, tokens = lookup.deps, lookup.tokens
        subjects = [] if group else [tokens[k] for k in range(back, lookup.sentence_of_token(noun).start)
                                     if deps[k] in SUBJECTS]
        for token in reversed(subjects):
            if (token.pos_ == "PROPN" and is_cue_verb(self.lex, token.head)
                    and not self._in_quote(token.idx)
                    and (self._person_at(token) is not None or is_personal(self.doc, token))):
                if not earlier or earlier[-1].token < token.i:
                    found = self.resolve(token)
                    if found is not None:
                        return found
                break
        return earlier[-1] if earlier else None

    def _named_body(self, head: Token) -> bool:
        """"Apex Market Research", "the U.S. Geological Survey": a proper name of several words
        whose last word (of ``body_names.txt``) is a thing alone names a body that speaks."""
        return (head.pos_ == "PROPN" and head.lower_ in self.lex.body_names
                and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children))

    def _earlier_issuer(self, document: Token) -> Token | None:
        """"The assessment said ..." with no issuer of its own: the issuer of the same document
        named before, outside quotes, within the last sentences ("A preliminary assessment from
        the disaster agency showed ... The assessment said ...")."""
        if not any(c.dep_ == "det" and c.lower_ in _ROLE_DETS for c in document.children):
            return None
        back = self._sentence_back(document, _ANTECEDENT_SENTENCES)
        positions = self._lemma_positions(document.lemma_.lower())
        for k in reversed(positions[:bisect_left(positions, document.i)]):
            if k < back:
                break
            earlier = self.doc[k]
            if earlier.pos_ != "NOUN" or self._in_quote(earlier.idx):
                continue
            # the nearest mention only: "A UN report found ... the ministry published its own
            # report. The report said ..." is not the UN's
            issuer = issuer_of(earlier, self.lex)
            if issuer is not None and issuer.lower_ not in ("its", "their", "his", "her"):
                return issuer
            return None
        return None

    def _texts(self, ents: list[SpacySpan]) -> list[str]:
        """``e.text`` of each entity, sliced from the Doc's text."""
        return [self._text[e.start_char:e.end_char] for e in ents]

    def _lemma_positions(self, lemma: str) -> list[int]:
        """The indexes of the tokens with this lowercased lemma, in text order."""
        found = self._by_lemma.get(lemma)
        if found is None:
            found = self._by_lemma[lemma] = _positions(doc_lookup(self.doc).lemmas, lemma)
        return found

    def _sentence_back(self, token: Token, n: int) -> int:
        lookup = doc_lookup(self.doc)
        count = lookup.sentence_index_of_token(token.i) + 1  # sentences starting at or before it
        return lookup.sents[max(0, count - 1 - n)].start if count else 0

    def _person_in(self, head: Token) -> SpacySpan | None:
        """A name ending a role phrase: "army chief of staff Pak Jong Chon"."""
        ent = self._person_by_last.get(head.right_edge.i)
        return ent if ent is not None and head.left_edge.i <= ent.start else None

    def _agent(self, noun: Token, preps: tuple[str, ...] = tuple(_AGENT_PREPS)) -> Token | None:
        """"a report by the State Department" -> "Department"."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN"):
                        return obj
        return None

    def _person_at(self, token: Token) -> SpacySpan | None:
        return self._person_of_token.get(token.i)

    def fullest(self, name: str) -> str:
        """The fullest form of ``name`` in the article: the longest person name with the
        same last word (allowing a one-letter misspelling), or an organisation's full name
        for its first word ("Xinhua" -> "Xinhua News Agency")."""
        if name not in self._fullest:
            self._fullest[name] = self._find_fullest(name)
        return self._fullest[name]

    def _find_fullest(self, name: str) -> str:
        words = name.split()
        if not words:
            return name
        last = words[-1].strip(".,").lower()
        best = name
        size = sum(1 for w in words if w[:1].isupper())  # "Military spokesperson Chaundry": 2 name words
        if self._person_words is None:  # (text, number of words, last word lower-cased)
            self._person_words = [(text, len(words), words[-1].lower())
                                  for text, words in ((t, t.split()) for t in self._texts(self.persons)) if words]
        for text, n, ent_last in self._person_words:
            if n > size and same_word(ent_last, last):
                best, size = text, n
        if len(words) == 1 and best == name:
            if self._org_words is None:
                self._org_words = [(text, text.split()) for text in self._texts(self.orgs)]
            for text, ent_words in self._org_words:
                if len(ent_words) > 1 and ent_words[0] == words[0] and len(text) > len(best):
                    best = text
        return best

    def _phrase(self, head: Token) -> str:
        """The words naming the speaker: the head noun and its modifiers, no determiner."""
        keep = [head]
        stack = [c for c in head.lefts if c.dep_ in _NAME_DEPS]
        while stack:
            token = stack.pop()
            keep.append(token)
            stack.extend(c for c in token.children if c.dep_ in _NAME_DEPS)
        start = min(t.i for t in keep)
        tokens = [t for t in self.doc[start:head.i + 1] if t.dep_ != "det"]
        while tokens and tokens[0].dep_ in ("punct", "case"):
            tokens.pop(0)
        if not tokens:
            return head.text
        return doc_lookup(self.doc).text[tokens[0].idx:head.idx + len(head)]


def quote_mask(length: int, quoted: tuple[tuple[int, int], ...]) -> bytearray:
    """One byte a character of the text: 1 inside a quoted span (marks included)."""
    mask = bytearray(length)
    for start, end in quoted:
        start, end = max(0, start), min(length, end)
        if end > start:
            mask[start:end] = b"\x01" * (end - start)
    return mask


def _positions(words: tuple[str, ...], word: str) -> list[int]:
    """The indexes of ``word`` in ``words``, in order (``tuple.index`` scans in C)."""
    out = []
    at = -1
    while True:
        try:
            at = words.index(word, at + 1)
        except ValueError:
            return out
        out.append(at)
