"""Typed, immutable records: what crosses every boundary of wirecoder.

The pipeline stages produce these records and keep them on the spaCy ``Doc``;
``CodedArticle`` is the frozen result of coding one article and serialises to
the ``wirecoder/1`` JSON contract (``to_dict``/``from_dict``).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import inspect
from dataclasses import MISSING, dataclass, field, fields, replace
from types import MemberDescriptorType
from typing import Any, TypeVar

from .errors import InputError

SCHEMA = "wirecoder/1"

Span = tuple[int, int]
"""``[start, end)`` character offsets into ``Article.text``."""

_R = TypeVar("_R")


def slot_init(cls: type[_R]) -> type[_R]:
    """Give a ``@dataclass(frozen=True, slots=True)`` class an ``__init__`` that fills each
    field through its slot. The ``__init__`` dataclasses writes for a frozen class sets every
    field with ``object.__setattr__`` by name, nearly twice the cost, and records are made by
    the hundred per article. Same parameters, defaults and ``__post_init__``; the instances
    stay frozen (assignment still raises). Use it above the ``@dataclass`` line."""
    params = list(inspect.signature(cls.__init__).parameters)[1:]
    names = [f.name for f in fields(cls)]
    if params != names:
        raise TypeError(f"slot_init: {cls.__qualname__} has init-only or hidden fields; keep dataclasses' __init__")
    namespace: dict[str, Any] = {}
    args, body = [], []
    for k, f in enumerate(fields(cls)):
        slot = cls.__dict__.get(f.name)
        if not isinstance(slot, MemberDescriptorType) or f.default_factory is not MISSING or f.kw_only:
            raise TypeError(f"slot_init: {cls.__qualname__}.{f.name} needs slots=True and no default "
                            "factory or keyword-only field; keep dataclasses' __init__")
        namespace[f"_set{k}"] = slot.__set__
        if f.default is MISSING:
            args.append(f.name)
        else:
            namespace[f"_default{k}"] = f.default
            args.append(f"{f.name}=_default{k}")
        body.append(f"    _set{k}(self, {f.name})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    exec(f"def __init__(self, {', '.join(args)}):\n" + "\n".join(body or ["    pass"]), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[misc]
    return cls


def article_id(text: str) -> str:
    """The id of an article: sha256 of its text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def surrogate_at(value: str) -> int | None:
    """Where ``value`` holds a lone surrogate (a JSON ``"\\ud800"`` escape decodes to one):
    a code point that is not a character, cannot be written as UTF-8, hashed or stored."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def printable(value: str) -> str:
    """``value`` with any lone surrogate written as its escape (``\\udcff``): for names and
    messages (a file name with bytes that are not UTF-8 arrives as surrogates)."""
    if not isinstance(value, str) or surrogate_at(value) is None:
        return value
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _date(value: Any) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


def _iso(value: _dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    return (int(value[0]), int(value[1]))


@slot_init
@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    agency: str | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "agency": self.agency, "span": list(self.span)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Dateline":
        return cls(place=d["place"], agency=d.get("agency"), span=_span(d["span"]) or (0, 0))


@slot_init
@dataclass(frozen=True, slots=True)
class Credits:
    reporting: tuple[str, ...] = ()
    editing: tuple[str, ...] = ()
    span: Span | None = None
    contributed: tuple[str, ...] = ()  # "Jane Doe contributed to this report."

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"reporting": list(self.reporting), "editing": list(self.editing)}
        if self.contributed:
            d["contributed"] = list(self.contributed)
        if self.span is not None:
            d["span"] = list(self.span)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Credits":
        return cls(tuple(d.get("reporting") or ()), tuple(d.get("editing") or ()), _span(d.get("span")),
                   tuple(d.get("contributed") or ()))


@slot_init
@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read: its text and what is known about it.

    ``metadata_spans`` are the parts of ``text`` that are not news (headline,
    byline, dateline, credits lines): no stage codes events inside them.
    """

    text: str
    source: str = "<text>"
    headline: str | None = None
    published: _dt.date | None = None
    url: str | None = None
    byline: tuple[str, ...] = ()
    dateline: Dateline | None = None
    credits: Credits | None = None
    headline_span: Span | None = None
    metadata_spans: tuple[Span, ...] = ()
    notes: tuple[str, ...] = ()
    id: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", printable(self.source))
        for name, value in (("text", self.text), ("headline", self.headline), ("url", self.url),
                            *(("byline", b) for b in self.byline)):
            at = surrogate_at(value) if isinstance(value, str) else None
            if at is not None:
                raise InputError(self.source, f"the {name} holds a lone surrogate (\\u{ord(value[at]):04x} at "
                                 f"character {at}), which is not text", "fix the record: send text as UTF-8")
        if not self.id:
            object.__setattr__(self, "id", article_id(self.text))

    def with_(self, **changes: Any) -> "Article":
        """A copy with some fields changed (the id follows the text)."""
        if "text" in changes and "id" not in changes:
            changes["id"] = article_id(changes["text"])
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "text": self.text,
            "headline": self.headline,
            "published": _iso(self.published),
            "byline": list(self.byline),
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "credits": self.credits.to_dict() if self.credits else None,
        }
        if self.url:
            d["url"] = self.url
        if self.headline_span:
            d["headline_span"] = list(self.headline_span)
        if self.notes:
            d["notes"] = list(self.notes)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        return cls(
            text=d["text"],
            source=d.get("source") or "<text>",
            headline=d.get("headline"),
            published=_date(d.get("published")),
            url=d.get("url"),
            byline=tuple(d.get("byline") or ()),
            dateline=Dateline.from_dict(d["dateline"]) if d.get("dateline") else None,
            credits=Credits.from_dict(d["credits"]) if d.get("credits") else None,
            headline_span=_span(d.get("headline_span")),
            notes=tuple(d.get("notes") or ()),
            id=d.get("id") or "",
        )


@slot_init
@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text that names or refers to an actor."""

    span: Span
    actor: str  # Actor.id
    text: str
    kind: str  # name | title | pronoun | metonym | country | demonym | group | igo | role


@slot_init
@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    code: str | None
    country: str | None
    sector: str | None
    role: str | None
    kind: str  # person | organisation | country | group | igo | metonym
    mentions: tuple[Span, ...]
    resolved_by: str | None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "name": self.name, "code": self.code, "country": self.country,
            "sector": self.sector, "role": self.role, "kind": self.kind,
            "mentions": [list(m) for m in self.mentions], "resolved_by": self.resolved_by,
        }
        if self.note:
            d["note"] = self.note
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Actor":
        return cls(
            id=d["id"], name=d["name"], code=d.get("code"), country=d.get("country"),
            sector=d.get("sector"), role=d.get("role"), kind=d.get("kind") or "person",
            mentions=tuple(_span(m) for m in d.get("mentions") or ()),  # type: ignore[misc]
            resolved_by=d.get("resolved_by"), note=d.get("note"),
        )


@slot_init
@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    source: str  # "dateline" | "text"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "from": self.source}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Location":
        return cls(d["name"], d.get("country"), d.get("lat"), d.get("lon"), d.get("from") or "text")


@slot_init
@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    kind: str  # direct | indirect | term
    span: Span
    text: str
    speaker: str | None  # Actor.id
    speaker_name: str | None
    cue: Span | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "span": list(self.span), "text": self.text,
                "speaker": self.speaker, "speaker_name": self.speaker_name,
                "cue": list(self.cue) if self.cue else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quote":
        return cls(d["id"], d["kind"], _span(d["span"]) or (0, 0), d.get("text") or "",
                   d.get("speaker"), d.get("speaker_name"), _span(d.get("cue")))


@slot_init
@dataclass(frozen=True, slots=True)
class Event:
    id: str
    cameo: str
    root: str
    plover: str | None
    plover_mode: str | None
    goldstein: float
    quad_class: int
    source: str | None  # Actor.id
    target: str | None  # Actor.id
    source_code: str | None
    target_code: str | None
    date: _dt.date | None
    background: bool
    negated: bool
    trigger: Span
    sentence: Span
    quote: str | None  # Quote.id
    location: Location | None
    pattern: str  # the pattern that produced the event (for `wirecoder explain`)
    contexts: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "cameo": self.cameo, "root": self.root, "plover": self.plover,
            "plover_mode": self.plover_mode, "goldstein": self.goldstein,
            "quad_class": self.quad_class, "source": self.source, "target": self.target,
            "source_code": self.source_code, "target_code": self.target_code,
            "date": _iso(self.date), "background": self.background, "negated": self.negated,
            "trigger": list(self.trigger), "sentence": list(self.sentence), "quote": self.quote,
            "location": self.location.to_dict() if self.location else None,
            "pattern": self.pattern, "contexts": list(self.contexts),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        return cls(
            id=d["id"], cameo=d["cameo"], root=d.get("root") or d["cameo"][:2],
            plover=d.get("plover"), plover_mode=d.get("plover_mode"),
            goldstein=float(d.get("goldstein") or 0.0), quad_class=int(d.get("quad_class") or 0),
            source=d.get("source"), target=d.get("target"), source_code=d.get("source_code"),
            target_code=d.get("target_code"), date=_date(d.get("date")),
            background=bool(d.get("background")), negated=bool(d.get("negated")),
            trigger=_span(d["trigger"]) or (0, 0), sentence=_span(d["sentence"]) or (0, 0),
            quote=d.get("quote"),
            location=Location.from_dict(d["location"]) if d.get("location") else None,
            pattern=d.get("pattern") or "", contexts=tuple(d.get("contexts") or ()),
        )


@slot_init
@dataclass(frozen=True, slots=True)
class CodedArticle:
    """The result of coding one article: the ``wirecoder/1`` contract as records."""

    article: Article
    sentences: tuple[Span, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    mentions: tuple[Mention, ...] = field(default=())
    schema: str = SCHEMA

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "article": self.article.to_dict(),
            "sentences": [list(s) for s in self.sentences],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "CodedArticle":
        actors = tuple(Actor.from_dict(a) for a in d.get("actors") or ())
        text = d["article"]["text"]
        mentions = tuple(
            Mention(span=m, actor=a.id, text=text[m[0]:m[1]], kind="name")
            for a in actors for m in a.mentions
        )
        return cls(
            article=Article.from_dict(d["article"]),
            sentences=tuple(_span(s) for s in d.get("sentences") or ()),  # type: ignore[misc]
            actors=actors,
            events=tuple(Event.from_dict(e) for e in d.get("events") or ()),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes") or ()),
            mentions=mentions,
            schema=d.get("schema") or SCHEMA,
        )


@slot_init
@dataclass(frozen=True, slots=True)
class Skip:
    """An input that could not be coded, and why (one bad article never stops a batch)."""

    source: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", printable(self.source))
        object.__setattr__(self, "reason", printable(self.reason))
