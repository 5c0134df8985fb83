"""Interview transcripts: who "I", "we" and "you" are in a question-and-answer text.

A Q&A story gives each turn a label that names who speaks, then a colon:

    VOA: During your visit, you met with the new president. ...
    Jane Roe, former U.S. trade representative: We brought a clear message. ...
    Roe: I think ...

A turn runs from its label to the next label. In the turns of the interviewee, the first-person
pronouns ("I", "we", "our", ...) are the interviewee; in the turns of the interviewer (a news
outlet, sector MED), "you" and "your" are the interviewee of the answer that follows. The
pronouns become ``pronoun`` mentions of those actors, so the events stage finds the source of
"we brought support to Taiwan" and "you met with the president".

A text is read as an interview only when at least two labels of two different actors are found,
one of them a news outlet's: a colon after a name in running prose ("Washington: a view") is
not a turn.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..doc import doc_lookup, mention_at, quote_at
from ..records import Mention

FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
LABEL_MAX_TOKENS = 14


@dataclass(frozen=True, slots=True)
class Turn:
    start: int      # token index of the first word after the colon
    end: int        # token index where the next label begins (or the end of the text)
    speaker: str    # Actor.id


def _label_speaker(doc: Doc, sent_start: int, colon: int, actor_ids: dict[str, str]) -> str | None:
    """The actor a turn label names: the label runs from the sentence's start to the colon,
    begins with a mention and holds no verb."""
    if not 1 <= colon - sent_start <= LABEL_MAX_TOKENS:
        return None
    label = doc[sent_start:colon]
    if any(t.pos_ in ("VERB", "AUX") for t in label):
        return None
    first = doc[sent_start]
    m = mention_at(doc, first.idx, first.idx + len(first.text))
    if m is None or m.span[0] != first.idx or m.actor not in actor_ids:
        return None
    following = doc[colon + 1] if colon + 1 < len(doc) else None
    if following is None or not (following.is_title or following.is_upper or following.is_quote):
        return None
    return m.actor


def interview_turns(doc: Doc) -> tuple[Turn, ...]:
    """The turns of a Q&A transcript, or () when the text is not one."""
    lookup = doc_lookup(doc)
    if ":" not in lookup.text:
        return ()  # no colon, no turn label
    actors = {a.id: a.code or "" for a in doc._.actors}
    labels: list[tuple[int, int, str]] = []   # (label start, colon, speaker)
    texts = lookup.texts  # the Doc's words: no Token is made
    for sent in lookup.sents:
        try:  # the sentence's first colon among its first words (``tuple.index`` scans in C)
            i = texts.index(":", sent.start, min(sent.end, sent.start + LABEL_MAX_TOKENS + 1))
        except ValueError:
            continue
        speaker = _label_speaker(doc, sent.start, i, actors)
        if speaker is not None:
            labels.append((sent.start, i, speaker))
    speakers = {s for _, _, s in labels}
    media = {s for s in speakers if actors[s].endswith("MED")}
    if len(labels) < 2 or len(speakers) < 2 or not media or media == speakers:
        return ()
    turns = []
    for k, (_, colon, speaker) in enumerate(labels):
        end = labels[k + 1][0] if k + 1 < len(labels) else len(doc)
        turns.append(Turn(colon + 1, end, speaker))
    return tuple(turns)


def _is_question(token: Token) -> bool:
    """The interviewer's questions ask, they do not tell: "Do you think X should ...?"
    names no act of the interviewee; "you met with the president." does."""
    words = [t for t in token.sent if not t.is_space and not t.is_quote]
    return bool(words) and words[-1].text == "?"


def turn_mentions(doc: Doc) -> list[Mention]:
    """Pronoun mentions for the speakers of an interview's turns (see the module's doc)."""
    turns = interview_turns(doc)
    if not turns:
        return []
    actors = {a.id: a.code or "" for a in doc._.actors}
    out = []
    for k, turn in enumerate(turns):
        interviewer = actors[turn.speaker].endswith("MED")
        if interviewer:
            answer = next((t.speaker for t in turns[k + 1:] if not actors[t.speaker].endswith("MED")), None)
            answer = answer or next((t.speaker for t in reversed(turns[:k])
                                     if not actors[t.speaker].endswith("MED")), None)
            who, words = answer, SECOND_PERSON
        else:
            who, words = turn.speaker, FIRST_PERSON
        if who is None:
            continue
        for token in doc[turn.start:turn.end]:
            if token.lower_ not in words or token.pos_ not in ("PRON", "DET"):
                continue
            if interviewer and _is_question(token):
                continue
            start, end = token.idx, token.idx + len(token.text)
            if quote_at(doc, start) is None and mention_at(doc, start, end) is None:
                # words quoted or reported inside the turn are their own speaker's
                out.append(Mention((start, end), who, token.text, "pronoun"))
    return out


def speaking_turn(doc: Doc, token: Token) -> bool:
    """A first-person pronoun outside quotes that is a mention: the interviewee of a Q&A turn
    ("Jane Roe: *We* brought support ..."), the source of the events it is the subject of."""
    start, end = token.idx, token.idx + len(token.text)
    return quote_at(doc, start) is None and mention_at(doc, start, end) is not None
