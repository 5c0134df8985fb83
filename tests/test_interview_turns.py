"""Q&A transcripts: "I"/"we" in the interviewee's turns and "you" in the interviewer's
statements are the interviewee, so the events they tell of keep their source; questions,
quoted words inside a turn and colons in running prose are not turns."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article

INTERVIEW = (
    "Q&A: Former envoy says Ankara wants a deal\n\n"
    "Reuters spoke with Maria Keller, a former German ambassador to Turkey, about her trip. "
    "Reuters: During your trip to Ankara, you met with the Turkish foreign minister. "
    "Do you think Greece should talk to Turkey? "
    "Maria Keller, former German ambassador to Turkey: We urged Turkey to free the jailed journalists. "
    "I criticized the Russian government in my speech. "
    "Reuters: What did Athens say? "
    "Keller: The Greek prime minister said we are ready to talk. "
)


def _events(coder, text):
    coded = coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))
    return {(e.cameo[:2], e.source_code, e.target_code) for e in coded.events}


@pytest.mark.parametrize("root,source,target", [
    ("04", "DEUELI", "TURGOV"),   # "you met with the Turkish foreign minister" (interviewer's statement)
    ("02", "DEUELI", "TUR"),      # "We urged Turkey to free the jailed journalists"
    ("11", "DEUELI", "RUSGOV"),   # "I criticized the Russian government"
])
def test_turn_pronouns_are_the_interviewee(coder, root, source, target):
    found = _events(coder, INTERVIEW)
    assert any(r == root and s == source and t == target for r, s, t in found), found


def test_questions_and_reported_words_are_not_the_interviewee(coder):
    found = _events(coder, INTERVIEW)
    # "Do you think Greece should talk" asks; "said we are ready" is the Greek PM's "we"
    assert not any(s == "DEUELI" and t in ("GRC", "GRCGOV") for _, s, t in found), found


@pytest.mark.parametrize("text", [
    # one label only, and no news outlet among the labels: prose, not a transcript
    "Note: we criticized the Russian government in our report on Monday.",
    "Maria Keller: We criticized the Russian government. Jan Berg: I criticized the Russian government too.",
])
def test_no_transcript_no_turn_pronouns(coder, text):
    found = _events(coder, text)
    assert not any(r == "11" and s is not None for r, s, t in found), found
