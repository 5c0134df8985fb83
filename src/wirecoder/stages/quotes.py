"""The quotes stage: direct and indirect quotes with their speakers.

Sets ``doc._.quotes`` (ids Q1.. in text order) and adds first-person
coreference: "I", "me", "my", "we", "us", "our" inside a direct quote become
``pronoun`` mentions of the speaker's actor, so the events stage sees them.

- direct: words inside double quotation marks (:mod:`.quote_spans`), attributed
  by :mod:`.quote_speakers`; a quote with no cue of its own continues the
  quote run before it (``"...," Putin said. "..."``);
- indirect: a reporting verb with a clause complement ("Blinken said Washington
  had serious concerns ..."), or a clause with "according to X";
- term: scare quotes, titles and short quoted words with no speaker.
"""
from __future__ import annotations

import logging
from bisect import bisect_left
from itertools import compress
from dataclasses import dataclass, replace

from spacy.symbols import NOUN
from spacy.tokens import Doc, Span as SpacySpan

from ..doc import Covering, Trace, doc_lookup, in_metadata, mention_at, sentence_of
from ..records import Actor, Mention, Quote, slot_init
from ..resources import Resources
from .quote_lexicon import QuoteLexicon
from .quote_spans import QuotedSpan, find_quoted_spans
from .quote_clauses import CLAUSE_TRIM, ReportedClauses, trailing_noun_cue
from .quote_cues import children_with, cue_span, infinitive, is_cue_verb, positions_of, subject_of, word_ids
from .quote_cue_finder import CueFinder
from .quote_speakers import Speaker
from .interview_turns import turn_mentions

log = logging.getLogger(__name__)

_OWN_WORDS = 5  # a reported clause's own words before quoted words that make it a quote of its own
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
_FIRST_PERSON_IDS = word_ids(FIRST_PERSON)
TERM_MAX_WORDS = 3
LEAD_IN_WORDS = 2
_TITLE_SMALL = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with", "from", "as", "but"}


@slot_init
@dataclass(frozen=True, slots=True)
class _Found:
    """A quote before ids are given (internal to the stage)."""

    kind: str
    span: tuple[int, int]
    speaker: Speaker | None
    cue: tuple[int, int] | None
    how: str


class QuotesStage:
    name = "quotes"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.lex = QuoteLexicon.load(resources.settings.data_dir)
        self.clauses = ReportedClauses(self.lex)
        # the lemmas an indirect cue starts with ("say", "point" of "point out"): other tokens
        # are passed over by their lemma before any test that builds strings
        self._indirect_heads = frozenset(c.split(" ", 1)[0] for c in self.lex.indirect_cues)
        # the lemmas a speech noun can have: a noun of saying, or a cue the parser read as a noun
        self._speech_lemmas = self.lex.speech_nouns | self.lex.indirect_cues

    def __call__(self, doc: Doc) -> Doc:
        text = doc_lookup(doc).text
        spans = find_quoted_spans(text, lambda s, e: self._narration(doc, s, e))
        finder = CueFinder(doc, self.lex, tuple(q.outer for q in spans))
        direct = self._direct(doc, spans, finder)
        indirect = self._indirect(doc, direct, finder)
        direct = self._after_indirect(doc, direct, indirect)
        found = sorted(direct + indirect, key=lambda f: (f.span[0], f.span[1]))
        quotes = tuple(
            Quote(id=f"Q{n}", kind=f.kind, span=f.span, text=text[f.span[0]:f.span[1]],
                  speaker=f.speaker.actor.id if f.speaker and f.speaker.actor else None,
                  speaker_name=f.speaker.name if f.speaker else None, cue=f.cue)
            for n, f in enumerate(found, 1)
        )
        doc._.quotes = quotes
        self._first_person(doc, quotes)
        _add_mentions(doc, turn_mentions(doc))
        doc._.trace = tuple(doc._.trace) + tuple(self._traces(doc, quotes, found))
        return doc

    def _narration(self, doc: Doc, start: int, end: int) -> bool:
        """A sentence of the writer's narration, not more of an unclosed quote: it has a
        reporting verb ("Exantus said three commissions were created")."""
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is None or any(is_cue_verb(self.lex, t) for t in span)

    # -- direct quotes -------------------------------------------------------------
    def _direct(self, doc: Doc, spans: tuple[QuotedSpan, ...], finder: CueFinder) -> list[_Found]:
        found: list[_Found] = []
        previous: tuple[QuotedSpan, _Found] | None = None
        for q in spans:
            if in_metadata(doc, q.open_mark):
                found.append(_Found("term", (q.start, q.end), None, None, "metadata"))
                continue
            if self._term_cue(doc_lookup(doc).text, q.open_mark) or self._title(doc_lookup(doc).text[q.start:q.end]):
                found.append(_Found("term", (q.start, q.end), None, None, "term-cue"))
                continue
            attribution = finder.find(q.start, q.end, q.outer)
            if (attribution is not None and attribution.how == "after" and q.close_mark is None
                    and previous is not None and self._continues(doc, previous, q)):
                attribution = None  # an unclosed quote ends where narration begins: the run goes on
            if attribution is not None and self._interviewer_asks(doc, attribution):
                found.append(_Found("term", (q.start, q.end), None, None, "reporter's question"))
                continue
            if attribution is not None:
                item = _Found("direct", (q.start, q.end), attribution.speaker, attribution.cue,
                              attribution.how)
            elif previous is not None and self._continues(doc, previous, q):
                before = previous[1]
                item = _Found("direct", (q.start, q.end), before.speaker, before.cue, "continuation")
            elif previous is not None and self._about(doc, previous[1], q, finder):
                before = previous[1]
                item = _Found("direct", (q.start, q.end), before.speaker, before.cue, "same subject")
            elif self._sentence_like(doc, q):
                item = _Found("direct", (q.start, q.end), None, None, "no speaker")
            else:
                item = _Found("term", (q.start, q.end), None, None, "no speaker")
            found.append(item)
            if item.kind == "direct" and item.speaker is not None:
                previous = (q, item)
                finder.speakers.remember(item.speaker)
        return found

    def _interviewer_asks(self, doc: Doc, attribution) -> bool:
        """'Reporters asked the governor: "Will you resign?"': the question the story put is
        nobody's quote (an interviewer of ``interviewers.txt`` or the writer asks it)."""
        if doc[attribution.cue_token].lemma_.lower() != "ask":
            return False
        asker = doc[attribution.speaker.token]
        return asker.lemma_.lower() in self.lex.interviewers or asker.lower_ in ("i", "we")

    def _term_cue(self, text: str, open_mark: int) -> bool:
        words = text[max(0, open_mark - 40):open_mark].split()
        words = [w.lower().strip(",:") for w in words]
        while words and words[-1] in ("a", "an", "the"):
            words.pop()
        return bool(words) and words[-1] in self.lex.term_cues

    @staticmethod
    def _title(text: str) -> bool:
        """Quoted words in title case are a title or name, not speech ("Political Analysis",
        "I am Malala: The Story of the Girl Who Stood Up for Education"): every word but
        small function words capitalised (one lowercase word allowed in a long title)."""
        n = lower = upper = 0  # words, lowercase words (small words aside), capitalised words
        for raw in text.split():
            word = raw.strip(".,:;!?()[]'‘’")
            initial = word[:1]
            if not initial.isalpha():
                continue
            n += 1
            if n == 1 and not initial.isupper():
                return False
            if n > 1 and initial.islower() and word.lower() not in _TITLE_SMALL:
                lower += 1
                if lower > 1:
                    return False  # more than any title allows: speech (most quotes stop here)
            if initial.isupper():
                upper += 1
        return n >= 2 and lower <= (1 if n >= 6 else 0) and upper >= 2

    @staticmethod
    def _sentence_like(doc: Doc, q: QuotedSpan) -> bool:
        """A quote with no speaker is still a quote when it reads as a sentence of speech:
        a capital first letter, more than a few words and a verb; otherwise a term."""
        text = doc_lookup(doc).text[q.start:q.end]
        if len(text.split()) <= TERM_MAX_WORDS or not text[:1].isupper():
            return False
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def _continues(self, doc: Doc, previous: tuple[QuotedSpan, _Found], q: QuotedSpan) -> bool:
        """True when only the previous quote's own attribution stands between it and ``q``."""
        prev, item = previous
        if q.continues:
            return True
        gap_start, gap_end = prev.outer[1], q.open_mark
        if not doc_lookup(doc).text[gap_start:gap_end].strip():
            return True
        anchors = [prev.outer]
        if item.cue:
            anchors.append(item.cue)
        lookup = doc_lookup(doc)
        for sent in lookup.sents[max(0, lookup.sentence_index(gap_start)):]:
            if sent.start_char >= gap_end:
                break
            if sent.end_char <= gap_start:
                continue
            lo, hi = max(sent.start_char, gap_start), min(sent.end_char, gap_end)
            if not doc_lookup(doc).text[lo:hi].strip(" \n\"“”.,"):
                continue
            if sent.start_char <= gap_end < sent.end_char and len(doc_lookup(doc).text[lo:hi].split()) <= LEAD_IN_WORDS:
                continue  # 'But "President Trump ... consensus."': a lead-in to the quote itself
            if not any(a < sent.end_char and sent.start_char < b for a, b in anchors):
                return False
        return True

    @staticmethod
    def _about(doc: Doc, before: _Found, q: QuotedSpan, finder: CueFinder) -> bool:
        """A quote with no cue opening the sentence after one whose subject is the last
        speaker ('"...," she added. Years ago, she left her homeland. "My house ..."')."""
        here = sentence_of(doc, q.open_mark)
        if here is None or here.start == 0 or len(doc_lookup(doc).text[here.start_char:q.open_mark].split()) > LEAD_IN_WORDS:
            return False
        previous = doc[here.start - 1].sent
        if before.span[1] < previous.start_char - 400:
            return False  # the last speaker spoke well before
        for token in previous:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ROOT" or finder.in_quote(token.idx):
                continue
            speaker = finder.speakers.resolve(token)
            if speaker is None or before.speaker is None:
                return False
            if speaker.actor is not None and before.speaker.actor is not None:
                return speaker.actor.id == before.speaker.actor.id
            return speaker.name == before.speaker.name
        return False

    def _after_indirect(self, doc: Doc, direct: list[_Found], indirect: list[_Found]) -> list[_Found]:
        """A direct quote with no cue that opens the sentence right after an indirect
        quote's sentence is that speaker's ('X told VOA. "He's combined ..."'), also across one
        sentence of narration with no reporting verb ('Chao said ... At that time, ... "...')."""
        out = []
        for f in direct:
            if f.kind == "direct" and f.speaker is None:
                here = sentence_of(doc, f.span[0])
                lead = doc_lookup(doc).text[here.start_char:f.span[0]] if here is not None else ""
                before = doc[here.start - 1].sent if here is not None and here.start > 0 else None
                for _ in range(2):
                    if before is None or len(lead.split()) > LEAD_IN_WORDS:
                        break
                    source = [i for i in indirect if before.start_char <= i.span[0] < before.end_char
                              and i.cue and before.start_char <= i.cue[0] < before.end_char]
                    if source:
                        src = source[-1]
                        f = _Found("direct", f.span, src.speaker, src.cue, "after-indirect")
                        break
                    if any(is_cue_verb(self.lex, t) for t in before) or any(
                            before.start_char <= d.span[0] < before.end_char for d in direct):
                        break  # someone else speaks in between
                    before = doc[before.start - 1].sent if before.start > 0 else None
            out.append(f)
        return out

    # -- indirect quotes -----------------------------------------------------------
    def _indirect(self, doc: Doc, direct: list[_Found], finder: CueFinder) -> list[_Found]:
        attributed = [f for f in direct if f.kind == "direct" and f.speaker is not None]
        direct_spans = [f.span for f in direct if f.kind == "direct"]
        cues = {f.cue[0] for f in attributed if f.cue}
        in_direct = Covering(direct_spans)
        found: list[_Found] = []
        lookup = doc_lookup(doc)
        tokens, lemmas = lookup.tokens, lookup.lemmas
        for i in _indexes_in(lemmas, self._indirect_heads):
            token = tokens[i]
            if token.pos == NOUN or (token.dep_ == "ROOT" and token.tag_ == "VBP"
                                     and not children_with(token, ("nsubj",))):
                trailing_cue = self._noun_cue(doc, token, finder, in_direct)
                if trailing_cue or token.pos == NOUN:
                    found.extend(trailing_cue)
                    continue
            if not is_cue_verb(self.lex, token, indirect=True):
                continue
            if in_metadata(doc, token.idx) or in_direct.holds(token.idx):
                continue
            if children_with(token, ("neg",)) or self.clauses.question(token) or infinitive(token):
                continue  # "did not say", "Did he say ...?", "wants to show that ...": nothing reported
            clause = self.clauses.clause(token)
            trailing = self.clauses.trailing_speaker(token) if clause is None else None
            if trailing is not None:
                clause = doc[token.sent.start:trailing.left_edge.i]  # "..., Pia Lund told VOA."
            if clause is None:
                continue
            subject = trailing or self.clauses.inverted_speaker(token)
            if subject is None:
                subject = self.clauses.passive_agent(token) if self.clauses.passive(token) else subject_of(
                    token, skip=lambda t: in_direct.holds(t.idx), lex=self.lex)  # not a quote's word
            if subject is None or (subject.i in range(clause.start, clause.end)
                                   and not token.left_edge.i <= subject.i <= token.right_edge.i):
                continue
            speaker = finder.speakers.resolve(subject)
            if speaker is None:
                continue
            span = self.clauses.clause_span(doc, clause)
            if span is None or self._mostly_direct(doc, span, clause, direct_spans, cues):
                continue
            found.append(_Found("indirect", span, speaker, cue_span(token), "clause"))
        found.extend(self._according(doc, finder, direct_spans, found))
        found.extend(self._speech_nouns(doc, finder, in_direct, found))
        return self._outermost(found)

    def _noun_cue(self, doc: Doc, token, finder: CueFinder, in_direct: Covering) -> list[_Found]:
        """"..., local media report.": the clause before the comma (see ``trailing_noun_cue``)."""
        trailing = trailing_noun_cue(token)
        if trailing is None or in_metadata(doc, token.idx) or in_direct.holds(token.idx):
            return []
        clause, subject = trailing
        span = self.clauses.clause_span(doc, clause)
        if span is None or any(in_direct.holds(t.idx) for t in clause if not t.is_punct):
            return []
        speaker = finder.speakers.resolve(subject)
        return [] if speaker is None else [_Found("indirect", span, speaker, cue_span(token), "clause")]

    def _speech_nouns(self, doc: Doc, finder: CueFinder, in_direct: Covering,
                      found: list[_Found]) -> list[_Found]:
        """"Senator Ruiz's claim that the election was rigged": a noun of saying (speech_nouns.txt)
        with an owner and a "that" clause reports the clause; the owner is the speaker."""
        out = []
        lookup = doc_lookup(doc)
        tokens, lemmas = lookup.tokens, lookup.lemmas
        for i in _indexes_in(lemmas, self._speech_lemmas):
            lemma, noun = lemmas[i], tokens[i]
            if noun.pos != NOUN or not (lemma in self.lex.speech_nouns or (
                    noun.dep_ == "ROOT" and self.lex.is_indirect_cue(noun.lemma_))):
                continue
            if in_metadata(doc, noun.idx) or in_direct.holds(noun.idx):
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is None and noun.dep_ == "ROOT" and self.lex.is_indirect_cue(noun.lemma_):
                # "British media report that ...": a verb the parser read as a noun
                owner = next((c for c in reversed(list(noun.lefts)) if c.dep_ == "compound"), None)
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                           and doc[c.left_edge.i].lower_ == "that" and doc[c.left_edge.i].dep_ == "mark"
                           and any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in c.children)), None)
            if owner is None or clause is None:
                continue
            span = self.clauses.clause_span(doc, doc[clause.left_edge.i:clause.right_edge.i + 1])
            if span is None or in_direct.holds(span[0]) or any(
                    f.span[0] <= span[0] and span[1] <= f.span[1] for f in found):
                continue
            speaker = finder.speakers.resolve(owner)
            if speaker is not None:
                out.append(_Found("indirect", span, speaker, cue_span(noun), "speech noun"))
        return out

    @staticmethod
    def _mostly_direct(doc: Doc, span: tuple[int, int], clause: SpacySpan,
                       direct_spans: list[tuple[int, int]], cues: set[int]) -> bool:
        """The clause is a direct quote's attribution or mostly its words: not another quote."""
        if any(span[0] <= c < span[1] for c in cues):
            return True
        if not direct_spans:
            return False
        tokens = doc_lookup(doc).tokens_of(clause)
        inside = 0  # the characters of the span inside direct quotes
        a, b = span
        for s, e in direct_spans:
            if s < b and e > a:
                inside += (e if e < b else b) - (s if s > a else a)
        if inside > 0.5 * (span[1] - span[0]):
            first_mark = min((s for s, e in direct_spans if span[0] <= s < span[1]), default=span[1])
            own = sum(1 for t in tokens if not t.is_punct and t.idx < first_mark - 1)
            if own < _OWN_WORDS:
                return True  # a clause of its own words before the quoted ones stays reported
        # the clause opens with a direct quote's words ('said "we will ..."'); a quoted word
        # later in the clause ('said he was "inclined" to support') leaves it a reported clause
        first = next((t for t in tokens if not t.is_punct and t.dep_ != "mark"), None)
        return first is not None and any(s <= first.idx < e for s, e in direct_spans)

    def _according(self, doc: Doc, finder: CueFinder, direct_spans: list[tuple[int, int]],
                   found: list[_Found]) -> list[_Found]:
        """"According to security sources, 104 passengers had been rescued": the clause."""
        out = []
        for start, end, obj in finder.phrases(doc[:]):
            phrase_head = doc.char_span(start, end, alignment_mode="expand")
            if phrase_head is None or in_metadata(doc, start):
                continue
            verb = phrase_head.root.head
            if verb is phrase_head.root:
                continue
            sent = verb.sent
            phrase = doc[phrase_head.start:obj.right_edge.i + 1]
            left = (sent.start_char, phrase.start_char)
            right = (phrase.end_char, sent.end_char)
            if verb.i < phrase.start and left[1] - left[0] >= 10:
                span = left   # "the aid is late, according to X": the clause the phrase hangs on
            elif verb.i >= phrase.end and right[1] - right[0] >= 10:
                span = right  # "... but according to X, the situation is dire"
            else:
                span = left if left[1] - left[0] > right[1] - right[0] else right
            text = doc_lookup(doc).text
            s, e = span
            while s < e and text[s] in CLAUSE_TRIM:
                s += 1
            while e > s and text[e - 1] in CLAUSE_TRIM + ".":
                e -= 1
            if e - s < 10 or any(a < e and s < b for a, b in direct_spans):
                continue
            if any(f.span[0] <= s and e <= f.span[1] for f in found):
                continue
            speaker = finder.speakers.resolve(obj)
            if speaker is not None:
                out.append(_Found("indirect", (s, e), speaker, (start, end), "according-to"))
        return out

    @staticmethod
    def _outermost(found: list[_Found]) -> list[_Found]:
        """Drop an indirect quote whose cue lies inside another indirect quote."""
        keep = []
        for f in found:
            nested = any(o is not f and o.span[0] <= f.cue[0] < o.span[1] for o in found if f.cue)
            if not nested:
                keep.append(f)
        return keep

    # -- first-person coreference --------------------------------------------------
    def _first_person(self, doc: Doc, quotes: tuple[Quote, ...]) -> None:
        added: dict[str, list[Mention]] = {}
        tokens = doc_lookup(doc).tokens
        first_person = None  # the indexes of the first-person words, found once a speaker is known
        for q in quotes:
            if q.kind != "direct" or q.speaker is None:
                continue
            span = doc.char_span(q.span[0], q.span[1], alignment_mode="expand")
            if span is None:
                continue
            if first_person is None:
                first_person = positions_of(doc, _FIRST_PERSON_IDS)
            for i in first_person[bisect_left(first_person, span.start):bisect_left(first_person, span.end)]:
                token = tokens[i]
                if token.pos_ not in ("PRON", "DET"):
                    continue
                start, end = token.idx, token.idx + len(token)
                if mention_at(doc, start, end) is not None:
                    continue
                added.setdefault(q.speaker, []).append(Mention((start, end), q.speaker, token.text, "pronoun"))
        _add_mentions(doc, [m for ms in added.values() for m in ms])

    @staticmethod
    def _traces(doc: Doc, quotes: tuple[Quote, ...], found: list[_Found]) -> list[Trace]:
        traces = []
        for q, f in zip(quotes, found):
            sent = sentence_of(doc, q.span[0])
            where = (sent.start_char, sent.end_char) if sent is not None else q.span
            who = f"{q.speaker_name!r}" + (f" ({q.speaker})" if q.speaker else "")
            traces.append(Trace("quotes", where, f"{q.id} {q.kind}: speaker {who}, found by {f.how}"))
        return traces


def _indexes_in(words: tuple[str, ...], wanted: frozenset[str]) -> list[int]:
    """The indexes of the ``words`` that are in ``wanted``, in order (filtered in C)."""
    return list(compress(range(len(words)), map(wanted.__contains__, words)))


def _add_mentions(doc: Doc, new: list[Mention]) -> None:
    """Add pronoun mentions of existing actors to ``doc._.mentions`` and to their actors."""
    if not new:
        return
    doc._.mentions = tuple(sorted(tuple(doc._.mentions) + tuple(new), key=lambda m: (m.span, m.actor)))
    added: dict[str, set] = {}
    for m in new:
        added.setdefault(m.actor, set()).add(m.span)
    actors: list[Actor] = []
    for actor in doc._.actors:
        if actor.id in added:
            actor = replace(actor, mentions=tuple(sorted(set(actor.mentions) | added[actor.id])))
        actors.append(actor)
    doc._.actors = tuple(actors)
