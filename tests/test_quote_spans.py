"""Pairing quotation marks in plain text (no parse): text -> quoted words."""
from __future__ import annotations

import pytest

from wirecoder.stages.quote_spans import direction, find_quoted_spans


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ('Peskov said: "We are developing our relations."', ["We are developing our relations."]),
    ("“Relations are strong,” Putin said.", ["Relations are strong"]),
    ('"It will be a \'stand-alone\' system," Akar said.', ["It will be a 'stand-alone' system"]),
    ('"One," he said. "Two."', ["One", "Two."]),
    # mixed straight opener, curly closer
    ('Ozor said. "It is no longer a question of when.” Authorities said', ["It is no longer a question of when."]),
    # spaces inside the marks
    ('after another " very important test " North Korea said', ["very important test"]),
    # a quote never closed ends at the end of its first sentence when a new quote opens
    ('He said, "The use of force is not a privilege . While tensions rise, experts said. '
     '"Unless they change," said Samore.',
     ["The use of force is not a privilege .", "Unless they change"]),
    # a paragraph end closes an unbalanced quote: the next paragraph is not swallowed
    ('The minister said "we will win.\nThe army attacked the town on Monday.', ["we will win."]),
    # a quote never closed in a body on one line (paragraph breaks lost) ends with its first
    # sentence: the narration after it is not quoted
    ('Levin tweeted. "Their rule is costing lives. Exantus said three commissions were created. '
     'One will be led by the police.', ["Their rule is costing lives."]),
    ('"We will win? The minister said the talks would resume.', ["We will win?"]),
    # the wire convention keeps the whole paragraph when the next paragraph reopens the quote
    ('He said: "One. Two.\n"Three," he added.', ["One. Two.", "Three"]),
    ('No quotes here at all.', []),
    ('A stray closing mark" does nothing.', []),
])
def test_quoted_spans(text, expected):
    assert quoted(text) == expected


def test_multi_paragraph_quote_continues():
    text = 'Putin said: "The first paragraph.\n"The second paragraph," he added.\nThe end.'
    spans = find_quoted_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["The first paragraph.", "The second paragraph"]
    assert spans[0].close_mark is None and not spans[0].continues
    assert spans[1].continues


@pytest.mark.parametrize("text, index, expected", [
    ('said "We', 5, "open"),
    ('end," he', 4, "close"),
    ("x “y", 2, "open"),
    ("y” x", 1, "close"),
    ('a " b', 2, "either"),
])
def test_direction(text, index, expected):
    assert direction(text, index) == expected


@pytest.mark.parametrize("text, expected", [
    # a quote never closed runs on through sentences until one is narration
    ('Lind said: "Ships wait for days. Nobody can unload them. Lind said the strike would end.',
     ["Ships wait for days. Nobody can unload them."]),
    ('He said, "The port is full. Traders said prices rose. "We wait," she added.',
     ["The port is full.", "We wait"]),
])
def test_unclosed_quote_runs_to_narration(text, expected):
    def narration(start: int, end: int) -> bool:
        return " said " in f" {text[start:end]} "

    assert [text[q.start:q.end] for q in find_quoted_spans(text, narration)] == expected
