"""The API reference: every parameter's meaning, default, allowed values and an example, and
an example response per endpoint, added to the OpenAPI schema FastAPI builds from the routes.

The routes (``api.py``) say what they accept; this module says it to a reader: the meaning
of each parameter name is written once here (the same name means the same thing on every
route); a parameter this table does not know keeps the route's own words. The
``/docs`` page and ``/openapi.json`` show the same schema.
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI

ACTOR = "a country code (`RUS`: its country part or any code starting with it) or a full actor code (`RUSGOV`)"

PARAMETERS: dict[str, tuple[str, Any]] = {
    # name: (meaning, example)
    "actor": (f"Either side of the event is this actor: {ACTOR}.", "RUS"),
    "source": (f"The source (who acts) is this actor: {ACTOR}.", "RUSGOV"),
    "target": (f"The target (who is acted on) is this actor: {ACTOR}.", "VEN"),
    "code": ("CAMEO event code or its start: `05` matches 051, 057...", "051"),
    "root": ("CAMEO root code, two digits (01-20).", "05"),
    "quad_class": ("Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                   "4 material conflict.", 1),
    "from": ("First day, inclusive (YYYY-MM-DD), of the event's day (its own date, else its "
             "article's publication date).", "2024-07-01"),
    "to": ("Last day, inclusive (YYYY-MM-DD).", "2024-07-31"),
    "text": ("Words in the event's sentence or in an actor's name (literal, any case).", "sanctions"),
    "limit": ("Most rows returned.", 50),
    "offset": ("Rows skipped before the first one returned (paging: offset = page × limit).", 0),
    "a": (f"One side of the dyad: {ACTOR}.", "RUS"),
    "b": (f"The other side of the dyad: {ACTOR}.", "VEN"),
    "by": ("The period events are counted per.", "month"),
    "top": ("How many events each period lists (the most reported first).", 3),
    "country": ("Only actor codes of this country (three letters).", "VEN"),
    "speaker": ("Part of the speaker's name, or the speaker's actor code.", "Maduro"),
    "q": ("Words to find (literal, any case).", "Maduro"),
    "level": ("Nodes are country codes (`RUS`) or full actor codes (`RUSGOV`).", "country"),
    "store": ("Also write the coded article into the store (once: posting it again stores nothing).", False),
    "article_id": ("The article's id (a SHA-256 of its normalised text, as in `/api/articles`).",
                   "356d5b5e7b3ec3dfc9d50f2f637bb42861a7495e22301ce56fb08b2edd207c2a"),
}
"""Meaning and example of each API parameter, by name (the same name means the same thing)."""

_EVENT = {"id": "E1", "cameo": "051", "root": "05", "plover": "AGREE", "goldstein": 3.4, "quad_class": 1,
          "source_code": "RUSGOV", "target_code": "VENGOV", "date": "2024-07-29", "background": False,
          "negated": False, "trigger": [100, 113], "article_id": "356d5b5e…", "headline": "Putin congratulates Maduro",
          "published": "2024-07-29", "name": "Praise or endorse", "source_name": "Vladimir Putin",
          "target_name": "Nicolas Maduro", "evidence": "congratulated", "cluster_id": "c4428916…", "reports": 2}
_ACTOR = {"code": "RUSGOV", "name": "Vladimir Putin", "role": "President", "country": "RUS", "sector": "GOV",
          "events_by": 12, "events_against": 3, "articles": 9}
_ARTICLE = {"id": "356d5b5e…", "headline": "Putin congratulates Maduro", "title": "Putin congratulates Maduro",
            "source": "reuters-putin-maduro.txt", "published": "2024-07-29", "events": 3}
_QUOTE = {"id": "Q1", "kind": "direct", "span": [412, 460], "text": "We are developing our relations",
          "speaker": "A1", "speaker_name": "Vladimir Putin", "article_id": "356d5b5e…",
          "headline": "Putin congratulates Maduro", "published": "2024-07-29", "speaker_code": "RUSGOV"}

EXAMPLES: dict[tuple[str, str], Any] = {
    ("post", "/api/code"): {"schema": "wirecoder/1", "article": {"id": "356d5b5e…", "published": "2024-07-29"},
                            "actors": [{"id": "A1", "name": "Vladimir Putin", "code": "RUSGOV"}],
                            "events": [{"id": "E1", "cameo": "051", "source": "A1", "target": "A2"}],
                            "quotes": [], "stored": True},
    ("get", "/api/events"): {"filter": {"actor": "RUS", "limit": 100, "offset": 0}, "count": 1, "total": 1,
                             "clusters": 1, "left_out": 0, "events": [_EVENT]},
    ("get", "/api/dyad/{a}/{b}"): {
        "a": "RUS", "b": "VEN", "by": "month", "events": 2, "by_publication_date": 1, "left_out_undated": 0,
        "counted": "event clusters (reports of one event by several articles count once), negated events "
                   "left out, background events included",
        "periods": [{"period": "2024-07-01", "label": "2024-07", "events": 2,
                     "quad_classes": {"1": 2, "2": 0, "3": 0, "4": 0}, "mean_goldstein": 3.4,
                     "by_publication_date": 1, "a_to_b": 1, "b_to_a": 1, "top": [_EVENT]}]},
    ("get", "/api/actors"): {"count": 1, "actors": [_ACTOR]},
    ("get", "/api/actors/{code}"): {"code": "RUSGOV", "country": "RUS", "sector": "GOV",
                                    "names": ["Vladimir Putin", "Putin"], "roles": ["President"],
                                    "offices": [{"name": "Vladimir Putin", "role": "President", "country": "RUS",
                                                 "start": "2012-05-07", "end": None}],
                                    "events_by": [_EVENT], "events_against": [], "quotes": [_QUOTE],
                                    "partners": ["VENGOV"]},
    ("get", "/api/quotes"): {"count": 1, "quotes": [_QUOTE]},
    ("get", "/api/articles"): {"count": 1, "articles": [_ARTICLE]},
    ("get", "/api/articles/{article_id}"): {"schema": "wirecoder/1", "article": {"id": "356d5b5e…"},
                                            "actors": [], "events": [], "quotes": []},
    ("get", "/api/network"): {"edges": [{"a": "RUS", "b": "VEN", "events": 2, "cooperation": 2, "conflict": 0}]},
    ("get", "/api/search"): {"query": "Maduro", "articles": [_ARTICLE], "actors": [_ACTOR], "events": [_EVENT],
                             "quotes": [_QUOTE]},
}
"""An example answer of each endpoint (shortened: ``…`` marks cut ids)."""


def allowed(schema: dict[str, Any]) -> str:
    """The values a parameter's schema allows, in words (``day, week or month``; ``1 to 1000``)."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"] or [schema]
    s = options[0]
    if "enum" in s:
        values = [str(v) for v in s["enum"]]
        return ", ".join(values[:-1]) + (" or " if len(values) > 1 else "") + values[-1]
    low, high = s.get("minimum"), s.get("maximum")
    kind = {"integer": "a whole number", "boolean": "true or false", "number": "a number"}.get(
        s.get("type", ""), "a date (YYYY-MM-DD)" if s.get("format") == "date" else "text")
    if low is not None and high is not None:
        return f"{kind} from {low} to {high}"
    if low is not None:
        return f"{kind} from {low}"
    length = s.get("minLength"), s.get("maxLength")
    if s.get("type") == "string" and length[1]:
        return f"text of {length[0] or 0} to {length[1]} characters"
    return "any " + kind if kind == "text" else kind


def document(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each parameter's meaning, allowed values and example, and each
    endpoint's example response filled in (in place; returned for convenience)."""
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            for param in op.get("parameters", []):
                meaning, example = PARAMETERS.get(param["name"], ("", None))
                described = param.get("description") or param.get("schema", {}).get("description")
                words = meaning or described
                rule = allowed(param.get("schema", {}))
                param["description"] = f"{words} Allowed: {rule}." if words else f"Allowed: {rule}."
                if example is not None and "example" not in param:
                    param["example"] = example
            sample = EXAMPLES.get((method, path))
            content = op.get("responses", {}).get("200", {}).get("content", {}).get("application/json")
            if sample is not None and content is not None:
                content["example"] = sample
    return schema


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` (and so ``/openapi.json`` and ``/docs``) return the documented schema."""
    build = app.openapi

    def documented() -> dict[str, Any]:
        if app.openapi_schema is None or not app.openapi_schema.get("x-documented"):
            schema = document(build())
            schema["x-documented"] = True
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = documented  # type: ignore[method-assign]
