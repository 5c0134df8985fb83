"""Plain-text reader: encodings, newlines, binary, empty and too-large files."""
from __future__ import annotations

import logging

import pytest

from wirecoder.read.text import read_text_file
from wirecoder.records import Article, Skip
from wirecoder.settings import Settings

SETTINGS = Settings()
NEWS = "Officials in Caracas said on Monday that the results were final."


@pytest.mark.parametrize("data, text, note", [
    (NEWS.encode("utf-8"), NEWS, None),
    (b"\xef\xbb\xbf" + NEWS.encode("utf-8"), NEWS, None),
    ("Line one of the story\r\nLine two\rLine three".encode(), "Line one of the story\nLine two\nLine three", None),
    ("“Caf\u00e9 talks” resumed on Monday, officials said.".encode("cp1252"),
     "“Caf\u00e9 talks” resumed on Monday, officials said.", "cp1252"),
    (b"Caf\xe9 talks \x81resumed on Monday, officials said.", "Caf\u00e9 talks \x81resumed on Monday, officials said.",
     "latin-1"),
])
def test_decoding(tmp_path, data, text, note):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    art = read_text_file(path, SETTINGS)
    assert isinstance(art, Article)
    assert art.text == text
    if note:
        assert len(art.notes) == 1 and note in art.notes[0]
    else:
        assert art.notes == ()


def test_fallback_is_logged(tmp_path, caplog):
    path = tmp_path / "a.txt"
    path.write_bytes("Caf\u00e9 talks resumed on Monday in Paris.".encode("cp1252"))
    with caplog.at_level(logging.WARNING):
        read_text_file(path, SETTINGS)
    assert "cp1252" in caplog.text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t\n  ", "empty"),
    (b"Too short.", "only 10 characters"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 20 + NEWS.encode(), "control characters"),
])
def test_skips(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    skip = read_text_file(path, SETTINGS)
    assert isinstance(skip, Skip)
    assert skip.source == str(path)
    assert reason in skip.reason


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: 50 MB of nothing on disk
        f.truncate(50_000_000)
    skip = read_text_file(path, Settings(max_chars=1_000_000))
    assert isinstance(skip, Skip)
    assert "50.0 MB is larger than the limit" in skip.reason
    assert "WIRECODER_MAX_CHARS" in skip.reason


def test_more_characters_than_max_chars(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(NEWS * 3, encoding="utf-8")
    skip = read_text_file(path, Settings(max_chars=100))
    assert isinstance(skip, Skip) and "more than the limit of 100" in skip.reason


def test_missing_file(tmp_path):
    skip = read_text_file(tmp_path / "nope.txt", SETTINGS)
    assert isinstance(skip, Skip) and "cannot read it" in skip.reason
