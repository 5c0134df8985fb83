"""The clause a reporting verb reports: its extent ("said the talks failed but the army
stayed"), cues set into it (", say some diplomats,"), after it ("..., Pia Lund told VOA.") or
inside a relative clause ("which critics say will ..."), and who speaks for a passive cue."""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..doc import doc_lookup
from .quote_cues import children_with, is_cue_verb
from .quote_lexicon import QuoteLexicon

WH = {"which", "what", "whether", "if", "how", "why", "when", "who", "whom", "where", "whose"}
_RELATIVE_SUBJECTS = {"which", "that", "who"}
_CONTRAST = {"while", "whereas", "although", "though"}  # "X said ..., while Y said ...": two speakers
CLAUSE_TRIM = " \t\n,;:-—–\"“”'‘’"


class ReportedClauses:
    """Finds the reported clause of a cue verb, from the parse and the reporting-verb lexicon."""

    def __init__(self, lex: QuoteLexicon) -> None:
        self.lex = lex

    @staticmethod
    def passive(verb: Token) -> bool:
        """"The islanders were told that ...": the subject of a passive cue heard the words."""
        return bool(children_with(verb, ("auxpass", "nsubjpass")))

    @staticmethod
    def passive_agent(verb: Token) -> Token | None:
        """The speaker of a passive cue: its "by" agent ("were told by officials that ...")."""
        for child in verb.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    @staticmethod
    def question(verb: Token) -> bool:
        """"Did the minister say the talks failed?": a question asks, it reports nothing."""
        lookup = doc_lookup(verb.doc)
        sent = lookup.sentence_of_token(verb)
        # the sentence's text sliced from the Doc's text (``sent.text`` joins its tokens anew)
        return lookup.text[sent.start_char:sent.end_char].rstrip(" \n\"”’'").endswith("?")

    def clause(self, verb: Token) -> SpacySpan | None:
        """The clause a reporting verb reports: its clause complement, or a "that"
        clause the parser hung elsewhere ("said just after midnight that ...")."""
        doc = verb.doc
        tokens = doc_lookup(doc).tokens  # the Doc's Tokens, made once (``doc[i]`` makes one anew)
        objects = children_with(verb, ("dobj",))
        strict = bool(objects) and not self.lex.takes_listener(verb.lemma_)
        complements = children_with(verb, ("ccomp",))
        for child in complements:
            if strict and tokens[child.left_edge.i].lower_ != "that":
                continue  # "claimed victory ... as Washington cast doubt": not a reported clause
            if child.pos_ not in ("VERB", "AUX") and not any(
                    c.dep_ in ("aux", "auxpass", "cop", "mark") for c in child.children):
                continue  # "find it difficult to ...": no verb, nothing reported
            start = child.left_edge.i
            if start > verb.i and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in child.children):
                start = verb.i + 1  # "experts said the only way forward ... is": subject misparsed
            elif start > verb.i + 1 and any(t.dep_ == "xcomp" and t.tag_ == "VBG" and t.head.i == verb.i
                                            for t in tokens[verb.i + 1:start]):
                start = verb.i + 1  # "say empowering girls and allowing them ... is": a gerund subject
            elif start < verb.i < child.i:
                if not self._relative_cue(verb, child):
                    continue
                start = verb.i + 1  # "rules which critics say will raise prices": the clause after the cue
            # the parser may split one reported clause into several ccomps
            # ("said IS Sahel's strategy appears ..."): the clause runs to the last
            end = child.right_edge.i
            for later in complements:
                if (later.i > child.i > verb.i and later.left_edge.i == end + 1
                        and not any(is_cue_verb(self.lex, t) for t in tokens[later.left_edge.i:later.right_edge.i + 1])):
                    end = later.right_edge.i
            if start == verb.i + 1 and child.left_edge.i < verb.i < child.i:
                # a relative clause set off by commas ends at its closing comma
                end = next((t.i - 1 for t in tokens[verb.i + 1:end + 1] if t.text == ","), end)
            else:
                end = self._conjoined_end(verb, child, end)
            end = self._own_cue_end(child, end)
            while end > start and (tokens[end].is_punct or tokens[end].dep_ == "cc"):
                end -= 1
            clause = doc[start:end + 1]
            if self._reported(clause):
                return clause
        for token in tokens[verb.i + 1:verb.i + 7]:
            if token.is_punct or token.dep_ == "ccomp":
                break
            if token.lower_ == "that" and token.head.pos_ in ("VERB", "AUX") and token.head.i > token.i:
                clause = doc[token.i + 1:token.head.right_edge.i + 1]
                if self._reported(clause):
                    return clause
                break
        if verb.lemma_.lower() in self.lex.infinitive_cues:
            for child in verb.children:
                # "the group claimed to be holding 200 hostages": the claim is the infinitive
                if child.dep_ == "xcomp" and child.i > verb.i and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                    end = child.right_edge.i
                    while end > child.i and doc[end].is_punct:
                        end -= 1
                    clause = doc[child.left_edge.i:end + 1]
                    if self._reported(clause):
                        return clause
        return self._parenthetical(verb)

    @staticmethod
    def _relative_cue(verb: Token, clause: Token) -> bool:
        """"The rules, which critics say will raise prices": a cue inside a relative clause whose
        pronoun is the reported clause's subject reports the words after the cue."""
        first = clause.doc[clause.left_edge.i]
        return (verb.dep_ == "relcl" and first.lower_ in _RELATIVE_SUBJECTS
                and first.head.i == clause.i and first.dep_ in ("nsubj", "nsubjpass"))

    def _own_cue_end(self, clause: Token, end: int) -> int:
        """"said the evidence was thin, while Y's lawyer said ...": a clause joined to the
        reported one with its own speaker and cue ends it; that cue reports its own clause."""
        lookup = doc_lookup(clause.doc)
        deps, tokens = lookup.deps, lookup.tokens
        for k in range(clause.i + 1, min(end + 1, len(tokens))):
            if deps[k] not in ("advcl", "conj"):
                continue
            token = tokens[k]
            if (is_cue_verb(self.lex, token, indirect=True)
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
                    and any(c.dep_ == "ccomp" for c in token.children)
                    and clause.head.i < clause.i < token.left_edge.i):
                mark = next((c for c in token.children if c.dep_ == "mark"), None)
                if token.dep_ == "advcl" and (mark is None or mark.lower_ not in _CONTRAST):
                    continue  # "says ... because they believe ...": the reason is still reported
                return token.left_edge.i - 1
        return end

    def _conjoined_end(self, verb: Token, clause: Token, end: int) -> int:
        """"says she tried to duck but the bullet hit her": a clause with its own subject that
        the parser joined to the cue right after the reported clause is reported too."""
        doc = verb.doc
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.i <= clause.i or conj.pos_ not in ("VERB", "AUX"):
                continue
            between = doc[end + 1:conj.left_edge.i]
            if any(not (t.is_punct or t.dep_ == "cc") for t in between):
                break
            if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
                break  # "said the talks failed and left": the speaker's own next act
            words = [t.lower_ for t in conj.subtree]
            if any(is_cue_verb(self.lex, t) for t in conj.subtree) or any(
                    c.dep_ == "ccomp" for c in conj.children) or any(
                    tuple(words[k:k + len(p)]) == p for p in self.lex.speaker_phrases for k in range(len(words))):
                break  # "..., but according to MSF, the situation ...": another speaker's clause
            end = conj.right_edge.i
        return end

    @staticmethod
    def trailing_speaker(verb: Token) -> Token | None:
        """"Programs feel the strain of low funding, Pia Lund, a spokesperson, told VOA.": a cue
        after its clause whose name the parser joined to the clause's last noun. The name (a
        person's, set off by commas right before the cue) speaks; the clause before it is reported."""
        doc = verb.doc
        head = verb.head
        if verb.dep_ != "conj" or head.i >= verb.i or any(
                c.dep_ in ("nsubj", "nsubjpass", "ccomp") for c in verb.children):
            return None
        if doc[verb.i - 1].text != ",":
            return None
        for name in doc[head.i + 1:verb.i - 1]:
            if (name.dep_ == "conj" and name.pos_ == "PROPN" and name.ent_type_ == "PERSON"
                    and name.right_edge.i in (verb.i - 2, verb.i - 1) and name.left_edge.i > head.i + 2
                    and doc[name.left_edge.i - 1].text == ","):
                return name
        return None

    @staticmethod
    def inverted_speaker(verb: Token) -> Token | None:
        """", say some diplomats, is ...": a cue between commas whose object, not the subject
        the parser gave it, is the speaker (the subject belongs to the reported clause)."""
        doc = verb.doc
        if verb.dep_ != "parataxis" or verb.i == 0 or doc[verb.i - 1].text != ",":
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if not subjects or not objects or verb.head.i < verb.i:
            return None
        after = objects[0].right_edge.i + 1
        if after >= len(doc) or doc[after].text != ",":
            return None
        return objects[0]

    def _parenthetical(self, verb: Token) -> SpacySpan | None:
        """"Still, Neth says, opinions remain divided", "This, he argues, would help": a cue set
        into the clause it reports (parsed as parataxis) reports the rest of that clause."""
        head = verb.head
        if verb.dep_ != "parataxis" or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return None
        split = self.inverted_speaker(verb)
        if split is not None:
            # "The fastest route to a deal, say some diplomats, is a ceasefire": the cue splits
            # the clause's subject from its predicate; the clause is both sides
            subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
            end = max(head.right_edge.i, verb.right_edge.i)
            while end > subject.i and verb.doc[end].is_punct:
                end -= 1
            clause = verb.doc[subject.left_edge.i:end + 1]
            return clause if self._reported(clause) else None
        inverted = verb.i > 0 and verb.doc[verb.i - 1].text == "," and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)  # ", say some diplomats,"
        if any(c.dep_ == "ccomp" or (c.dep_ == "dobj" and not inverted) for c in verb.children):
            return None
        left = [t for t in head.subtree if t.i < verb.left_edge.i]
        right = [t for t in head.subtree if t.i > verb.right_edge.i]
        if head.i < verb.i and sum(1 for t in left if not t.is_punct) >= 3:
            side = left  # "Losing the farm came as a shock, he said, because ...": the main clause
        elif head.i > verb.i and right and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.left_edge.i
                                               for c in head.children):
            # "Another cause for concern, she said, is that ...": the cue splits the clause's
            # subject from its verb; the clause is both sides
            side = left + list(verb.subtree) + right
        else:
            side = right if len(right) >= len(left) else left
        while side and side[-1].is_punct:
            side.pop()
        if not side:
            return None
        clause = verb.doc[side[0].i:side[-1].i + 1]
        return clause if self._reported(clause) else None

    @staticmethod
    def _reported(clause: SpacySpan) -> bool:
        """A clause that can be reported speech: not a wh- or adverbial clause, 3+ words."""
        words = []  # the first three words (punctuation passed over)
        for t in doc_lookup(clause.doc).tokens_of(clause):
            if not t.is_punct:
                words.append(t)
                if len(words) == 3:
                    break
        if len(words) < 3:
            return False
        first = words[0]
        if first.lower_ in WH:
            return False
        if first.dep_ == "mark" and first.lower_ != "that":
            return False
        if first.lower_ == "that" and len(words) > 1 and words[1].lower_ in WH and (
                words[1].head is first.head or words[1].head.dep_ not in ("advcl", "prep")):
            return False  # "said that which ..."; "said that when looking at ..., X" stays
        return True

    @staticmethod
    def clause_span(doc: Doc, clause: SpacySpan) -> tuple[int, int] | None:
        lookup = doc_lookup(doc)
        tokens = lookup.tokens
        first, stop = clause.start, clause.end
        while first < stop and (tokens[first].dep_ == "mark" and tokens[first].lower_ == "that"):
            verb = tokens[first].head
            if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
                break  # "says that rarely happens": "that" is the clause's subject
            first += 1
        if first >= stop:
            return None
        last = tokens[stop - 1]
        start, end = tokens[first].idx, last.idx + len(last)
        text = lookup.text
        while start < end and text[start] in CLAUSE_TRIM:
            start += 1
        while end > start and text[end - 1] in CLAUSE_TRIM:
            end -= 1
        return (start, end) if end > start else None


def trailing_noun_cue(token: Token) -> tuple[SpacySpan, Token] | None:
    """"The airline earned 3 billion rupees last year, local media report.": a reporting verb
    the parser took for a noun (or a verb whose subject it took for a compound), ending its
    sentence after a comma, with a plural noun or a name before it. Returns the clause before
    the comma and the speaker's word ("media"), else None."""
    doc = token.doc
    end = token.i + 1
    if end >= len(doc) or doc[end].text not in (".", "!") or token.pos_ not in ("NOUN", "VERB"):
        return None  # the cheap test first: most tokens asked are not the sentence's last word
    sent = token.sent
    if end + 1 != sent.end:
        return None
    words = [c for c in token.lefts if c.dep_ in ("compound", "amod", "det", "nmod", "poss", "nummod")]
    if not words:
        return None
    comma = min(c.left_edge.i for c in words) - 1
    if comma - sent.start < 4 or doc[comma].text != ",":
        return None
    speaker = next((c for c in reversed(list(token.lefts))
                    if c.dep_ in ("compound", "nmod") and (c.tag_ in ("NNS", "NNPS") or c.pos_ == "PROPN")), None)
    if speaker is None or any(t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "PART") for t in doc[comma + 1:token.i]):
        return None
    clause = doc[sent.start:comma]
    if not any(t.pos_ in ("VERB", "AUX") for t in clause):
        return None
    return clause, speaker
