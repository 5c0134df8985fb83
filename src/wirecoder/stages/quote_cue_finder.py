"""Where a direct quote's cue is: the reporting verb that governs the quoted words, the nearest
one after or before the quote in its sentence, a colon after a named speaker, or a speaker phrase
("according to NISA"); the speaker of the cue comes from :class:`SpeakerResolver`."""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..doc import doc_lookup
from .quote_cues import cue_span, infinitive, is_cue_verb, positions_of, subject_of, word_ids
from .quote_lexicon import QuoteLexicon
from .quote_speakers import Attribution, SpeakerResolver


class CueFinder:
    """Finds the attribution of a quoted span of a parsed doc."""

    def __init__(self, doc: Doc, lex: QuoteLexicon, quoted: tuple[tuple[int, int], ...]) -> None:
        self.doc = doc
        self.lex = lex
        self.quoted = quoted  # outer spans (marks included) of every quoted span
        self.speakers = SpeakerResolver(doc, lex, quoted)
        self.in_quote = self.speakers._in_quote  # in_quote(char): the character lies in a quoted span
        self._phrases_by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in lex.speaker_phrases:
            if words:
                self._phrases_by_first.setdefault(words[0], []).append(words)
        self._first_ids = word_ids(self._phrases_by_first)
        self._all_phrases: list[tuple[int, int, int, int, Token]] | None = None

    def _attribution(self, verb: Token, how: str) -> Attribution | None:
        subject = subject_of(verb, skip=lambda t: self.in_quote(t.idx), lex=self.lex)
        if subject is None or self.in_quote(subject.idx):
            return None
        speaker = self.speakers.resolve(subject)
        if speaker is None:
            return None
        return Attribution(cue_span(verb), verb.i, speaker, how)

    def find(self, start: int, end: int, outer: tuple[int, int]) -> Attribution | None:
        """The attribution of the quoted words ``[start, end)`` (``outer``: with marks)."""
        doc = self.doc
        lookup = doc_lookup(doc)
        tokens = lookup.tokens
        inside = tokens[slice(*lookup.token_range(start, end))]
        if not inside:
            return None
        first_sent = lookup.sentence_of_token(inside[0])
        last_sent = lookup.sentence_of_token(inside[-1])
        lo, hi = first_sent.start, last_sent.end
        # 1. a reporting verb that governs the quoted words
        walked: dict[int, int] = {}  # head -> fewest steps a walk that found nothing reached it with
        for token in inside:
            head = token.head
            if start <= head.idx < end:
                continue
            steps = 0
            while steps < 6 and lo <= head.i < hi:
                if walked.get(head.i, 6) <= steps:
                    break  # the walk on from here is part of one that found nothing
                walked[head.i] = steps
                if not self.in_quote(head.idx) and is_cue_verb(self.lex, head) and not infinitive(head):
                    found = self._attribution(head, "tree")
                    if found:
                        return found
                    break
                if head.head is head:
                    break
                head = head.head
                steps += 1
        # 2. the nearest reporting verb after the quote (in the sentence after the
        #    closing mark when the quote ends its own sentence), before any other quote
        stop = last_sent.end
        text = doc_lookup(doc).text
        if _last_char(text, end) in "?!," or _lower_after(text, outer[1]):
            after = inside[-1].i + 1
            while after < len(doc) and (doc[after].is_punct or doc[after].is_space) and after < inside[-1].i + 4:
                after += 1
            if after < len(doc):
                stop = max(stop, min(doc[after].sent.end, after + 6))
        for token in tokens[inside[-1].i + 1:stop]:
            if self.in_quote(token.idx) and token.idx >= outer[1]:
                break
            if is_cue_verb(self.lex, token):
                found = self._attribution(token, "after")
                if found:
                    return found
        # 3. the nearest reporting verb before it, after any other quote
        for token in reversed(tokens[first_sent.start:inside[0].i]):
            if self.in_quote(token.idx) and token.idx < outer[0]:
                break
            if is_cue_verb(self.lex, token):
                found = self._attribution(token, "before")
                if found:
                    return found
        # 4. the subject of the clause a colon ends: 'Putin ended his message: "..."'
        found = self._colon(inside[0], outer[0])
        if found:
            return found
        # 5. a speaker phrase in the quote's sentences ("according to NISA")
        return self.phrase(doc[lo:hi])

    def _colon(self, first: Token, open_mark: int) -> Attribution | None:
        if _last_char(doc_lookup(self.doc).text, open_mark) != ":":
            return None
        colon = next((t for t in reversed(self.doc[max(0, first.i - 3):first.i]) if t.text == ":"), None)
        if colon is None:
            return None
        verb = colon.head
        steps = 0
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and steps < 4:
            verb = verb.head
            steps += 1
        if verb.pos_ not in ("VERB", "AUX") or verb.i > colon.i:
            return None
        return self._attribution(verb, "colon")

    def phrase(self, region: SpacySpan) -> Attribution | None:
        """A speaker phrase ("according to X") in ``region``, outside quotes."""
        for cue_start, cue_end, obj in self.phrases(region):
            speaker = self.speakers.resolve(obj)
            if speaker is not None:
                return Attribution((cue_start, cue_end), obj.i, speaker, "phrase")
        return None

    def phrases(self, region: SpacySpan) -> list[tuple[int, int, Token]]:
        """``(start, end, object)`` of each speaker phrase in ``region``, outside quotes."""
        if self._all_phrases is None:
            self._all_phrases = self._find_phrases()
        start, end = region.start, region.end
        return [(s, e, obj) for i, n, s, e, obj in self._all_phrases if start <= i and i + n <= end]

    def _find_phrases(self) -> list[tuple[int, int, int, int, Token]]:
        """``(token, words, start, end, object)`` of every speaker phrase of the Doc, outside
        quotes, found once: a region's phrases are those whose words it holds."""
        doc = self.doc
        tokens = doc_lookup(doc).tokens
        found = []
        for i in positions_of(doc, self._first_ids):
            starting = self._phrases_by_first.get(tokens[i].lower_)
            if not starting or self.in_quote(tokens[i].idx):
                continue
            for words in starting:
                n = len(words)
                if i + n > len(doc) or tuple(t.lower_ for t in tokens[i:i + n]) != words:
                    continue
                last = tokens[i + n - 1]
                obj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
                if obj is None and i + n < len(doc):
                    nxt = tokens[i + n]
                    obj = nxt if nxt.pos_ in ("PROPN", "NOUN") else None
                if obj is not None:
                    found.append((i, n, tokens[i].idx, last.idx + len(last), obj))
        return found


def _lower_after(text: str, close: int) -> bool:
    """The sentence goes on after the closing mark: '"... is almost over." she said'."""
    rest = text[close:close + 20].lstrip(" ")
    return rest[:1].islower()


def _last_char(text: str, end: int) -> str:
    """The last character before ``end`` that is not white space ("" when none):
    ``text[:end].rstrip()[-1:]`` without copying the text."""
    k = min(end, len(text)) - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""
