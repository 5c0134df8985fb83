"""The ``wirecoder/1`` JSON contract: its JSON Schema and checks beyond it (spans)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from .errors import WirecoderError


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of one coded article (``data/schema/wirecoder-1.schema.json``)."""
    path = resources.files("wirecoder") / "data" / "schema" / "wirecoder-1.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Any:
    """One validator for the schema (checking the schema itself once, not per document)."""
    cls = jsonschema.validators.validator_for(schema())
    cls.check_schema(schema())
    return cls(schema())


def _spans(data: dict[str, Any]):
    yield "sentence", None
    for s in data.get("sentences", []):
        yield "sentence", s
    for a in data.get("actors", []):
        for m in a["mentions"]:
            yield f"actor {a['id']} mention", m
    for e in data.get("events", []):
        yield f"event {e['id']} trigger", e["trigger"]
        yield f"event {e['id']} sentence", e["sentence"]
    for q in data.get("quotes", []):
        yield f"quote {q['id']} span", q["span"]
        if q.get("cue"):
            yield f"quote {q['id']} cue", q["cue"]
    d = data["article"].get("dateline")
    if d:
        yield "dateline", d["span"]


def validate(data: dict[str, Any]) -> None:
    """Raise :class:`WirecoderError` when ``data`` breaks the contract: the JSON Schema, and
    every span an in-bounds ``[start, end)`` of ``article.text``."""
    try:
        error = jsonschema.exceptions.best_match(_validator().iter_errors(data))
        if error is not None:
            raise error
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path)
        raise WirecoderError(f"not wirecoder/1 at {where or 'top level'}: {exc.message}") from None
    n = len(data["article"]["text"])
    for what, span in _spans(data):
        if span is None:
            continue
        start, end = span
        if not 0 <= start <= end <= n:
            raise WirecoderError(f"not wirecoder/1: {what} {span} is outside the article text (0..{n})")
    for q in data.get("quotes", []):
        s, e = q["span"]
        if data["article"]["text"][s:e] != q["text"]:
            raise WirecoderError(f"not wirecoder/1: quote {q['id']} text differs from its span")
