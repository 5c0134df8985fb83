"""What a sentence's statements say and how they read: the quotes and reported clauses of
coded speakers, the "X described Y as ..." evaluations, and their polarity (VADER compound
score, with the words VADER lacks added from ``data/statements/*.yaml``)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..doc import actor_by_id, doc_lookup, extension
from ..records import Quote
from .event_small_clauses import small_clause
from .event_triggers import kids, lemma
from .phrase_actors import actors_of
from .statement_words import StatementWords


CONTENT_DEPS = frozenset({"ccomp", "xcomp", "oprd", "advcl"})


@dataclass(frozen=True, slots=True)
class Statement:
    """What one statement says before it becomes a draft."""

    trigger: Token
    content: tuple[Token, ...]
    sources: tuple[str, ...]
    about: Token | None         # the evaluated phrase ("described *the plan* as ...")
    quote: Quote | None


class StatementReader:
    """Reads the statements of a sentence and their polarity; a base of :class:`.event_statements.StatementCoder`."""

    words: StatementWords
    vader: SentimentIntensityAnalyzer

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
        nouns = self.words.allegation_nouns
        found = [t for t in content if t.dep_ in ("nsubj", "nsubjpass") and lemma(t) in nouns]
        if found:  # (rare: the clause test, on the Doc's head index, only then)
            heads = doc_lookup(content[0].doc).heads
            inside = {t.i for t in content}
            for t in found:
                if heads[t.i] in inside and heads[heads[t.i]] not in inside:
                    return t
        return None

    def _evaluation(self, doc: Doc, verb: Token) -> Statement | None:
        """"X described Y as '...'", "X called Y '...'": Y is what is evaluated."""
        obj = next((c for c in kids(verb) if c.dep_ in ("dobj", "nsubjpass")), None)
        small = small_clause(verb) if obj is None else None  # "called X's decision shameful"
        if obj is None and small is None:
            return None
        obj, pred = small or (obj, [])
        for c in kids(verb) if small is None else ():
            if c.dep_ == "prep" and c.lower_ == "as":
                pred.extend(t for x in kids(c) for t in x.subtree)
            elif c.dep_ in CONTENT_DEPS and c.i > obj.i:
                pred.extend(c.subtree)
        for c in kids(obj) if small is None else ():
            # "called them 'a punishment'", "described the plan as a disaster": the parser may
            # hang the predicate on the object
            if c.dep_ in ("appos", "amod", "acl") and c.i > obj.i and verb.lemma_ != "describe":
                pred.extend(c.subtree)
            elif c.dep_ == "prep" and c.lower_ == "as" and not pred:
                pred.extend(t for x in kids(c) for t in x.subtree)
        if not pred:
            return None
        subj = next((c for c in kids(verb) if c.dep_ in ("nsubj",)), None)
        sources = tuple(actors_of(doc, subj)) if subj is not None else ()
        if not sources:
            return None
        return Statement(verb, tuple(sorted(pred, key=lambda t: t.i)), sources, obj, None)


def _speakers(doc: Doc, cue: Token | None, speaker: str) -> tuple[str, ...]:
    """The quote's speaker and those conjoined with it as the speech verb's subject ("Moroccan
    and Spanish authorities said ...", "Zembla and Osterlich said ...")."""
    subj = next((c for c in kids(cue) if c.dep_ == "nsubj"), None) if cue is not None else None
    ids = actors_of(doc, subj) if subj is not None else []
    return tuple(ids) if speaker in ids else (speaker,)


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
