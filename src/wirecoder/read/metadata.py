"""Headline, byline, dateline and credits: the parts of an article that are not news.

:func:`extract_metadata` finds them in ``Article.text`` and records their spans in
``Article.metadata_spans`` so that no stage codes an event inside them::

    By Guy Faulconbridge                              <- byline
    MOSCOW (Reuters) - Russian President ...          <- dateline "MOSCOW (Reuters) -"
    ...
    (Reporting by Guy Faulconbridge; Editing by ...)  <- credits

Every rule is anchored (a byline is a whole line of names, a dateline starts the
first body paragraph, credits end the story), so body sentences such as
"By 2030, the country ..." are never taken for metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..records import Article, Credits, Dateline, Span

# Capital letters, Latin-1 and Latin Extended-A included (Ł, Š, Ž, ...).
_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_PARTICLES = ("de", "da", "di", "del", "della", "der", "van", "von", "den", "la", "le", "du",
              "dos", "das", "bin", "ibn", "al", "el", "ter", "y", "e")
_NAME_WORD = rf"(?:[{_UP}][\w'’.\-]*|(?:{'|'.join(_PARTICLES)})(?=\s)|(?:al|el|bin)-[\w'’\-]+)"
_NAME = re.compile(rf"[{_UP}][\w'’.\-]*(?:\s+{_NAME_WORD}){{0,5}}")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december today yesterday tomorrow".split())
_ORG_WORDS = frozenset(
    "press news times post journal agency service reuters afp ap voa bbc cnn staff writer "
    "correspondent reporter editor bureau wire daily herald tribune guardian telegraph".split())
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|&|\b(?:and|AND)\b|\|)\s*")

# --- byline: "By Jane Doe and John Roe", "By JANE DOE, Associated Press", "By Jane Doe | Reuters"
_BYLINE = re.compile(r"[ \t]*(?:By|BY):?[ \t]+(?P<rest>[^\n]{2,150}?)[ \t]*")

# --- dateline at the start of the first body paragraph
_DASH = r"(?:-{1,2}|—|–|―)"
_REGION = rf"(?:,[ \t]*(?!{_MONTH}\b)[{_UP}][\w.'’\-]*(?:[ \t][{_UP}][\w.'’\-]*){{0,2}})"
_DATE = rf"(?:,?[ \t]*{_MONTH}\.?[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?)"
_AGENCY = r"(?:\((?P<agency>[A-Za-z][\w .&'’\-]{0,40}?)\))"
_TAIL = rf"(?P<region>{_REGION})?(?P<date>{_DATE})?[ \t]*(?:{_AGENCY}[ \t]*(?P<dash1>{_DASH})?|(?P<dash2>{_DASH}))(?=[ \t])"
_CAPS_DATELINE = re.compile(
    rf"(?P<place>[{_UP}][{_UP}.'’\-]+(?:[ /][{_UP}][{_UP}.'’\-]*){{0,3}}){_TAIL}")
_TITLE_DATELINE = re.compile(
    rf"(?P<place>[{_UP}][a-zà-ÿ.'’\-]+(?:[ /][{_UP}][a-zà-ÿ.'’\-]+){{0,2}}){_TAIL}")

# --- credits: "(Reporting by A in Moscow; Additional reporting by B; Editing by C)"
_ROLE = r"(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|research)"
_CREDITS = re.compile(rf"\((?P<body>{_ROLE}\b[^()\n]{{3,500}})\)", re.IGNORECASE)
_CREDIT_SEGMENTS = re.compile(rf"\s*;\s*|\s*,\s*(?={_ROLE}\b)", re.IGNORECASE)
_CREDIT_SEGMENT = re.compile(
    rf"(?P<role>{_ROLE}(?:\s+(?:and|&)\s+{_ROLE})*)\s+by\s+(?P<names>.+)", re.IGNORECASE | re.DOTALL)
_PLACE_SUFFIX = re.compile(r"\s+(?:in|from|at|of)\s+.*$", re.DOTALL)

# --- "Jane Doe contributed to this report." (VOA, AP)
_CONTRIBUTED = re.compile(
    r"(?:(?<=[.!?][ \t])|(?<=[.!?][”\"’)][ \t])|(?<=\n)|^)"
    rf"(?P<who>[{_UP}“\"](?:(?![.!?][”\"’)]?\s)[^\n]){{1,200}}?)"
    r"\s+contributed\s+(?:to\s+(?:this|the)\s+(?:report|story|article)|reporting)\b[^\n]{0,160}?$",
    re.MULTILINE)
_ROLE_PREFIX = re.compile(
    r"^.*?\b(?:writers?|reporters?|correspondents?|journalists?|producers?|editors?|"
    r"photographers?|staff)\s+(?=[A-Z])")
_POSSESSIVE_PREFIX = re.compile(rf"^(?:[{_UP}][\w.\-]*\s+)*?[{_UP}][\w.\-]*['’]s\s+")

_TAIL_CHARS = 2500  # credits are looked for in the last characters of the text only
_HEADLINE_MAX_CHARS = 200
_HEADLINE_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text with its offsets (``text[start:end]`` is ``content``)."""

    start: int
    end: int
    content: str

    @property
    def blank(self) -> bool:
        return not self.content.strip()

    @property
    def stripped_span(self) -> Span:
        lead = len(self.content) - len(self.content.lstrip())
        trail = len(self.content) - len(self.content.rstrip())
        return (self.start + lead, self.end - trail)


def _head_lines(text: str, limit: int = 8) -> list[Line]:
    """The first lines of ``text`` (at most ``limit`` non-blank ones)."""
    lines: list[Line] = []
    start = 0
    nonblank = 0
    while start <= len(text) and nonblank < limit:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = Line(start, end, text[start:end])
        lines.append(line)
        nonblank += not line.blank
        start = end + 1
    return lines


def _clean_name(name: str) -> str:
    name = " ".join(name.split()).strip(" .,;:")
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name


def _is_name(part: str) -> bool:
    words = part.split()
    return (0 < len(words) <= 6 and _NAME.fullmatch(" ".join(words)) is not None
            and words[0].lower() not in _CALENDAR)


def _is_org(part: str) -> bool:
    words = part.split()
    return (bool(words) and (words[0].lower() == "the" or len(words) == 1
                             or any(w.lower().strip(".") in _ORG_WORDS for w in words)))


def split_names(value: str) -> tuple[str, ...]:
    """Person names from an author field or byline: "Jane Doe and John Roe",
    "Roshan Noorzai, Noshaba Ashna", "JANE DOE; JOHN ROE" -> cleaned names."""
    value = re.sub(r"^\s*By:?\s+", "", value.strip(), flags=re.IGNORECASE)
    names = []
    for part in _SPLIT_NAMES.split(value):
        name = _clean_name(part)
        if name and name not in names:
            names.append(name)
    return tuple(names)


def parse_byline(line: str) -> tuple[str, ...] | None:
    """The names of a byline line, or None when the line is not a byline.

    "By Jane Doe, Associated Press" -> ("Jane Doe",); "By 2030, the country ..." -> None.
    """
    m = _BYLINE.fullmatch(line)
    if not m or m.group("rest").endswith("."):
        return None
    rest = m.group("rest")
    org_cut = re.split(r"\s*[|/]\s*|\s+[-—–]\s+", rest, maxsplit=1)
    rest = org_cut[0]
    parts = [p for p in _SPLIT_NAMES.split(rest) if p.strip()]
    if not parts:
        return None
    if len(parts) > 1 and "," in rest and _is_org(parts[-1]) and not _is_name_pair(rest):
        parts = parts[:-1]
    if not all(_is_name(p) for p in parts):
        return None
    return tuple(dict.fromkeys(_clean_name(p) for p in parts))


def _is_name_pair(rest: str) -> bool:
    """"Jane Doe, John Roe": a comma list whose last part is a two-word name, not an org."""
    last = rest.rsplit(",", 1)[-1].strip()
    words = last.split()
    return len(words) in (2, 3) and not _is_org(last)


def parse_dateline(text: str, start: int) -> Dateline | None:
    """The dateline opening the paragraph that begins at ``start``, if any."""
    line_end = text.find("\n", start)
    line = text[start: len(text) if line_end < 0 else line_end]
    lead = len(line) - len(line.lstrip())
    body = line[lead:]
    m = _CAPS_DATELINE.match(body)
    if m is None:
        m = _TITLE_DATELINE.match(body)
        if m is None or not (m.group("region") or m.group("agency")):
            return None
    place = m.group("place") + (m.group("region") or "")
    place = " ".join(place.split())
    if len(place.replace(",", " ").split()) > 6 or sum(c.isalpha() for c in m.group("place")) < 2:
        return None
    agency = m.group("agency").strip() if m.group("agency") else None
    end = m.end()
    span = (start + lead, start + lead + end)
    return Dateline(place=place, agency=agency, span=span)


def _looks_like_headline(line: str) -> bool:
    s = line.strip()
    words = s.split()
    return (bool(s) and len(s) <= _HEADLINE_MAX_CHARS and 1 < len(words) <= _HEADLINE_MAX_WORDS
            and s[-1] not in ".,;:" and any(c.isalpha() for c in s)
            and parse_byline(s) is None)


def _same_headline(title: str, line: str) -> bool:
    a = " ".join(title.casefold().split())
    b = " ".join(line.casefold().split())
    if not a or not b:
        return False
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    wa, wb = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return len(wa & wb) / max(len(wa | wb), 1) >= 0.6


def _credits_in(text: str) -> tuple[Credits | None, list[Span]]:
    """Credits at the end of the text: a "(Reporting by ...)" note and/or a
    "... contributed to this report." sentence."""
    offset = max(0, len(text) - _TAIL_CHARS)
    tail = text[offset:]
    reporting: list[str] = []
    editing: list[str] = []
    contributed: list[str] = []
    spans: list[Span] = []
    paren = None
    for m in _CREDITS.finditer(tail):
        line_rest = tail[m.end():].split("\n", 1)[0]
        if not line_rest.strip():
            paren = m
    if paren is not None:
        for segment in _CREDIT_SEGMENTS.split(paren.group("body")):
            sm = _CREDIT_SEGMENT.fullmatch(segment.strip())
            if not sm:
                continue
            role = sm.group("role").lower()
            names = [_clean_name(_PLACE_SUFFIX.sub("", n)) for n in _SPLIT_NAMES.split(sm.group("names"))]
            names = [n for n in names if n and _is_name(n)]
            if any(k in role for k in ("report", "writ", "compil", "research")):
                reporting.extend(names)
            if "edit" in role:
                editing.extend(names)
        spans.append((offset + paren.start(), offset + paren.end()))
    found = None
    for m in _CONTRIBUTED.finditer(tail):
        found = m
    if found is not None and not tail[found.end():].strip("\n").count("\n") > 2:
        who = _ROLE_PREFIX.sub("", found.group("who").strip("“\" "))
        who = _POSSESSIVE_PREFIX.sub("", who)
        for part in _SPLIT_NAMES.split(who):
            name = _clean_name(_PLACE_SUFFIX.sub("", part))
            if name and _is_name(name):
                contributed.append(name)
        end = found.end()
        if end < len(tail) and tail[end] == ".":
            end += 1
        spans.append((offset + found.start(), offset + end))
    if not spans:
        return None, []
    credits = Credits(reporting=tuple(dict.fromkeys(reporting)), editing=tuple(dict.fromkeys(editing)),
                      span=spans[0], contributed=tuple(dict.fromkeys(contributed)))
    return credits, spans


def extract_metadata(article: Article) -> Article:
    """``article`` with headline, byline, dateline and credits found in its text.

    What the reader already knew (a title, an author field) is kept; the text is
    searched for the spans of those parts so that no stage codes them.
    """
    text = article.text
    lines = [ln for ln in _head_lines(text)]
    nonblank = [i for i, ln in enumerate(lines) if not ln.blank]
    spans: list[Span] = []
    headline, headline_span = article.headline, None
    byline = article.byline
    i = 0  # index into nonblank: the next line to look at
    if nonblank:
        first = lines[nonblank[0]]
        has_more = len(nonblank) > 1
        blank_after = nonblank[0] + 1 < len(lines) and lines[nonblank[0] + 1].blank
        next_is_byline = has_more and parse_byline(lines[nonblank[1]].content) is not None
        if headline and has_more and _same_headline(headline, first.content) \
                and _looks_like_headline(first.content):
            headline_span = first.stripped_span
        elif not headline and has_more and (blank_after or next_is_byline) \
                and _looks_like_headline(first.content) and parse_dateline(text, first.start) is None:
            headline_span = first.stripped_span
            headline = text[headline_span[0]:headline_span[1]]
        if headline_span:
            spans.append(headline_span)
            i = 1
    if i < len(nonblank):
        line = lines[nonblank[i]]
        names = parse_byline(line.content)
        if names is not None and i + 1 < len(nonblank):
            spans.append(line.stripped_span)
            byline = byline or names
            i += 1
    dateline = None
    if i < len(nonblank):
        dateline = parse_dateline(text, lines[nonblank[i]].start)
        if dateline:
            spans.append(dateline.span)
    credits, credit_spans = _credits_in(text)
    body_start = max((e for _, e in spans), default=0)
    credit_spans = [s for s in credit_spans if s[0] >= body_start]
    if not credit_spans:
        credits = None
    elif credits is not None and credits.span not in credit_spans:
        credits = replace(credits, span=credit_spans[0])
    spans.extend(credit_spans)
    spans = sorted(set(spans) | set(article.metadata_spans))
    return article.with_(headline=headline, headline_span=headline_span, byline=tuple(byline),
                         dateline=dateline, credits=credits, metadata_spans=tuple(spans))
