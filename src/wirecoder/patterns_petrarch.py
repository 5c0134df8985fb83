"""PETRARCH2's CAMEO verb dictionary converted to wirecoder pattern data, and vetted on the way.

The verb dictionary (``CAMEO.2.0.txt``, MIT, Open Event Data Alliance; format in PETRARCH2's
``dictionaries.rst``) holds synonym sets (``&CURRENCY`` + ``+DOLLAR`` lines), verb blocks
(``--- ASK [---] ---`` then one verb per line, with irregular forms in ``{...}`` and an optional
default code in ``[...]``) and phrase patterns shared by every verb of the block
(``- * (FOR {FINANCIAL AID}) [0231]``). :func:`convert` turns them into wirecoder pattern groups
(``data/patterns/README.md``), each carrying its ``origin`` (``petrarch2:CAMEO.2.0.txt:LINE``) and
verb ``block``, and says why every entry it does not keep was dropped:

- a pattern whose code only restates the default code of its verbs adds nothing;
- a code that is not in the CAMEO table (``data/cameo.tsv``) is refused;
- what the matcher cannot express is dropped: words before the verb (a required subject), codes
  for the reverse direction only (``[:173]``), synonym sets of phrases only, transformations.

The converted file is data like any other pattern file; :mod:`wirecoder.patterns` ranks imported
patterns after the hand-written ones, so a hand pattern that matches a token always wins.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .errors import KnowledgeError
from .ontology import Ontology
from .patterns import NOT_AN_EVENT, PREPOSITIONS

NULL_CODE = "---"
# words of a phrase that carry nothing a dependency match can use
ARTICLES = frozenset({"a", "an", "the"})
# actor slots of TABARI-style patterns: the roles stage finds source and target from the parse
ACTOR_MARKS = frozenset({"$", "+", "^", "%"})

_BLOCK = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]*)\]")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]")
_FORMS = re.compile(r"\{(?P<forms>[^}]*)\}")


@dataclass(frozen=True, slots=True)
class Verb:
    """One verb line of a block: the head lemma, the words of a multi-word verb, its irregular
    forms and its own default code (the block's when it has none)."""

    head: str
    words: tuple[str, ...]          # the other words of "+CORDON_OFF", "WIRE_+TAP", lowercased
    forms: tuple[str, ...]          # irregular forms of the head word
    code: str
    line: int


@dataclass(frozen=True, slots=True)
class Phrase:
    """One ``-`` pattern line: the words after the verb (plain words, noun phrases and
    prepositional phrases flattened), the prepositions, the code and what it cannot express."""

    words: tuple[tuple[str, ...], ...]      # groups of alternatives
    preps: tuple[str, ...]
    code: str
    line: int
    problem: str = ""                        # why the matcher cannot express it ("" when it can)


@dataclass(frozen=True, slots=True)
class Block:
    name: str
    code: str
    line: int
    verbs: tuple[Verb, ...]
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class Conversion:
    """The converted groups and the tally of what was kept and dropped, with the reason."""

    groups: tuple[dict, ...]
    kept: tuple[tuple[str, int], ...]
    dropped: tuple[tuple[str, int], ...]

    def report(self) -> str:
        lines = [f"{len(self.groups)} pattern groups written"]
        lines += [f"kept    {n:6d}  {why}" for why, n in self.kept]
        lines += [f"dropped {n:6d}  {why}" for why, n in self.dropped]
        return "\n".join(lines)


@dataclass
class _Tally:
    kept: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _word(token: str) -> str:
    return token.strip("_").replace("_", " ").lower()


def singular(word: str) -> str:
    """A naive singular for a dictionary noun ("sanctions" -> "sanction", "supplies" ->
    "supply"); the matcher compares it with the parser's lemma."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ews", "ics")) and len(word) > 3:
        return word[:-1]
    return word


def read_synsets(lines: list[str]) -> dict[str, tuple[str, ...]]:
    """``&LABEL`` -> its one-word members (singular and plural forms), lowercased."""
    sets: dict[str, list[str]] = {}
    label = None
    for raw in lines:
        line = _strip_comment(raw).strip()
        if not line:
            continue
        if line.startswith("&"):
            label = line.split()[0].rstrip("_")
            sets[label] = []
        elif line.startswith("+") and label is not None:
            sets[label].append(line[1:].split()[0])
        elif line.startswith(("---", "-", "~")) or not line.startswith("+"):
            label = None
    out: dict[str, tuple[str, ...]] = {}
    for name, members in sets.items():
        words: list[str] = []
        for m in members:
            w = _word(m)
            if " " in w or not w:
                continue                     # a phrase member: one lemma cannot stand for it
            words += [w, singular(w)]
        out[name] = tuple(dict.fromkeys(words))
    return out


def _verb_line(line: str, code: str, number: int) -> Verb | None:
    own = _CODE.search(line)
    forms_m = _FORMS.search(line)
    text = _FORMS.sub(" ", _CODE.sub(" ", line)).split()
    if not text:
        return None
    parts = text[0].split("_")
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    at = marked[0] if marked else 0
    head = parts[at].lstrip("+").lower()
    words = tuple(p.lstrip("+").lower() for i, p in enumerate(parts) if i != at and p)
    forms: list[str] = []
    for form in (forms_m.group("forms").split() if forms_m else ()):
        fparts = form.split("_")
        fmarked = [p for p in fparts if p.startswith("+")]
        f = (fmarked[0] if fmarked else fparts[0]).lstrip("+").lower()
        if f and f != head:
            forms.append(f)
    verb_code = own.group("code").strip() if own else code
    return Verb(head, words, tuple(dict.fromkeys(forms)), verb_code or NULL_CODE, number)


def _phrase_line(line: str, number: int, synsets: dict[str, tuple[str, ...]]) -> Phrase:
    m = _CODE.search(line)
    code = m.group("code").strip() if m else ""
    body = line[1:m.start()] if m else line[1:]
    if "*" not in body:
        return Phrase((), (), code, number, "no verb position '*'")
    before, after = body.split("*", 1)
    if before.strip():
        return Phrase((), (), code, number, "words before the verb (a required subject)")
    words: list[tuple[str, ...]] = []
    preps: list[str] = []
    # (PREP ...) groups, {NOUN PHRASE}s and plain words, in order
    for tok in re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", after):
        inner = tok.strip("()").replace("{", " ").replace("}", " ").split()
        is_pp = tok.startswith("(")
        for k, w in enumerate(inner):
            if w in ACTOR_MARKS:
                continue
            if w.startswith("&"):
                members = synsets.get(w.rstrip("_"))
                if members is None:
                    return Phrase((), (), code, number, "an undefined synonym set")
                if not members:
                    return Phrase((), (), code, number, "a synonym set of phrases only")
                words.append(members)
                continue
            word = _word(w)
            if not word or word in ARTICLES:
                continue
            if " " in word:
                return Phrase((), (), code, number, "a multi-word phrase inside a pattern")
            if not re.fullmatch(r"[a-z][a-z'-]*", word):
                return Phrase((), (), code, number, "a word the matcher cannot compare")
            if (is_pp and k == 0) or (word in PREPOSITIONS and not is_pp):
                if word not in PREPOSITIONS:
                    return Phrase((), (), code, number, "a preposition the matcher does not know "
                                  "(as, under, during, ...)")
                preps.append(word)
            else:
                words.append(tuple(dict.fromkeys((word, singular(word)))))
    return Phrase(tuple(words), tuple(preps), code, number)


def parse_dictionary(text: str) -> tuple[tuple[Block, ...], int]:
    """The verb blocks of a PETRARCH verb dictionary and the number of transformation lines."""
    lines = text.splitlines()
    synsets = read_synsets(lines)
    blocks: list[Block] = []
    current: dict | None = None
    transformations = 0

    def close() -> None:
        if current is not None:
            blocks.append(Block(current["name"], current["code"], current["line"],
                                tuple(current["verbs"]), tuple(current["phrases"])))

    in_synsets = True
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        head = _BLOCK.match(stripped)
        if head:
            close()
            in_synsets = False
            code = head.group("code").strip() or NULL_CODE
            current = {"name": head.group("name"), "code": code, "line": number, "verbs": [], "phrases": []}
            continue
        line = _strip_comment(raw).strip()
        if not line:
            continue
        if line.startswith("~"):
            transformations += 1
            continue
        if in_synsets or current is None or line.startswith("&"):
            continue
        if line.startswith("-"):
            current["phrases"].append(_phrase_line(line, number, synsets))
        else:
            verb = _verb_line(line, current["code"], number)
            if verb is not None:
                current["verbs"].append(verb)
    close()
    return tuple(blocks), transformations


def _pattern_text(heads: Iterable[str], words: Iterable[Iterable[str]], preps: Iterable[str]) -> str:
    parts = ["|".join(dict.fromkeys(heads))]
    parts += ["|".join(w) for w in words]
    parts += list(preps)
    return " ".join(parts)


def _forward(code: str) -> tuple[str, bool, str]:
    """``"042:043"`` -> (``"042"``, reciprocal, problem): the source->target code of a pair."""
    if ":" not in code:
        return code, False, ""
    fwd, back = (c.strip() for c in code.split(":", 1))
    if not fwd:
        return "", False, "a code for the reverse direction only ('[:NNN]')"
    return fwd, fwd == back, ""


def _heads(verbs: Iterable[Verb]) -> list[str]:
    out: list[str] = []
    for v in verbs:
        out += [v.head, *v.forms]
    return list(dict.fromkeys(out))


def _code_ok(code: str, ontology: Ontology, tally: _Tally, what: str) -> bool:
    if code == NULL_CODE:
        return True
    if not re.fullmatch(r"\d{2,4}", code) or code not in ontology:
        tally.dropped[f"{what}: code not in the CAMEO table"] += 1
        return False
    return True


def _block_groups(block: Block, ontology: Ontology, tally: _Tally, source: str,
                  speech: frozenset[str] = frozenset()) -> Iterator[dict]:
    origin = f"petrarch2:{source}"
    # verb defaults: a bare verb (or multi-word verb) with its own code
    for verb in block.verbs:
        code, reciprocal, problem = _forward(verb.code)
        if problem:
            tally.dropped[f"verb default: {problem}"] += 1
            continue
        if code == NULL_CODE:
            tally.dropped["verb default: null code (the bare verb is no event)"] += 1
            continue
        if not _code_ok(code, ontology, tally, "verb default"):
            continue
        preps = [w for w in verb.words if w in PREPOSITIONS]
        words = [(w,) for w in verb.words if w not in PREPOSITIONS]
        tally.kept["verb default"] += 1
        group = _group(code, reciprocal, _pattern_text([verb.head, *verb.forms], words, preps),
                       f"{origin}:{verb.line}", block.name)
        group["default"] = True
        yield group
    seen: set[str] = set()
    for phrase in block.phrases:
        if phrase.problem:
            tally.dropped[f"pattern: {phrase.problem}"] += 1
            continue
        code, reciprocal, problem = _forward(phrase.code)
        if problem:
            tally.dropped[f"pattern: {problem}"] += 1
            continue
        if not _code_ok(code, ontology, tally, "pattern"):
            continue
        if not phrase.words and not phrase.preps:
            tally.dropped["pattern: no words after the verb"] += 1
            continue
        # verbs whose own default is this code gain nothing from the pattern
        verbs = [v for v in block.verbs if _forward(v.code)[0] != code]
        if not verbs:
            tally.dropped["pattern: restates the default code of its verbs"] += 1
            continue
        if phrase.words and any(v.head in speech for v in verbs):
            verbs = [v for v in verbs if v.head not in speech]
            if not verbs:
                tally.dropped["pattern: on speech verbs only (a statement is coded by what it says)"] += 1
                continue
        # a multi-word verb ("+CALL_OFF") keeps its particle: one pattern per set of verb words
        by_words: dict[tuple[str, ...], list[Verb]] = {}
        for v in verbs:
            by_words.setdefault(v.words, []).append(v)
        for vwords, same in by_words.items():
            preps = list(dict.fromkeys([w for w in vwords if w in PREPOSITIONS] + list(phrase.preps)))
            words = [(w,) for w in vwords if w not in PREPOSITIONS] + list(phrase.words)
            text = _pattern_text(_heads(same), words, preps)
            if text in seen:
                tally.dropped["pattern: repeats an earlier pattern of the block"] += 1
                continue
            seen.add(text)
            if code == NULL_CODE:
                tally.kept["pattern: not an event (null code)"] += 1
                yield _group(NOT_AN_EVENT, False, text, f"{origin}:{phrase.line}", block.name)
            else:
                tally.kept["pattern"] += 1
                yield _group(code, reciprocal, text, f"{origin}:{phrase.line}", block.name)


def _group(code: str, reciprocal: bool, text: str, origin: str, block: str) -> dict:
    group: dict = {"code": code, "origin": origin, "block": block, "verbs": [text]}
    if reciprocal:
        group["reciprocal"] = True
    return group


def unit_of_group(group: dict) -> str:
    """The vetting unit of a converted group: its verb block and CAMEO root (``SEND/04``)."""
    return f"{group['block']}/{group['code'][:2]}"


def read_vetting(path: Path) -> dict[str, str]:
    """The units a vetting file drops (``BLOCK/RR`` -> reason). Format: ``units:`` mapping each
    unit to ``{decision: keep|drop, reason: ..., ...figures}`` (``bench/vet_lexicon.py`` writes it)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read the vetting file {path}: {exc}; fix or regenerate it") from exc
    units = data.get("units") if isinstance(data, dict) else None
    if not isinstance(units, dict):
        raise KnowledgeError(f"{path}: expected a 'units:' mapping (BLOCK/ROOT -> decision); regenerate it")
    out: dict[str, str] = {}
    for name, entry in units.items():
        decision = entry.get("decision") if isinstance(entry, dict) else entry
        if decision not in ("keep", "drop"):
            raise KnowledgeError(f"{path}: unit {name}: decision must be keep or drop, not {decision!r}")
        if decision == "drop":
            out[str(name)] = str(entry.get("reason", "dropped")) if isinstance(entry, dict) else "dropped"
    return out


def convert(text: str, ontology: Ontology, source: str = "CAMEO.2.0.txt",
            vetting: dict[str, str] | None = None, speech: frozenset[str] = frozenset()) -> Conversion:
    """Convert the text of a PETRARCH verb dictionary (see the module docstring).

    ``vetting``: the units (``BLOCK/RR``) to leave out (:func:`read_vetting`); a block's
    not-an-event patterns stay only while one of its units does. ``speech``: speech verbs
    (``cues.yaml``), whose phrase patterns are left out: the words after "said" are what was
    said, and the events stage codes a statement by its content.
    """
    blocks, transformations = parse_dictionary(text)
    if not blocks:
        raise KnowledgeError(f"{source}: no verb block ('--- NAME [CODE] ---') found; "
                             "is this a PETRARCH verb dictionary?")
    tally = _Tally()
    if transformations:
        tally.dropped["transformation: verb-on-verb rules are not patterns"] += transformations
    groups: list[dict] = []
    for b in blocks:
        made = list(_block_groups(b, ontology, tally, source, speech))
        if vetting is not None:
            live = {unit_of_group(g) for g in made if g["code"] != NOT_AN_EVENT} - set(vetting)
            for g in made:
                if not _survives(g, live):
                    tally.kept[_kind(g)] -= 1
                    tally.dropped[f"{_kind(g)}: vetted out on the bench (see the vetting file)"] += 1
            made = [g for g in made if _survives(g, live)]
        groups.extend(made)
    kept = tuple(sorted((k, n) for k, n in tally.kept.items() if n))
    return Conversion(tuple(groups), kept, tuple(sorted(tally.dropped.items())))


def _survives(group: dict, live: set[str]) -> bool:
    """A group of a kept unit; a not-an-event group while its block keeps any unit."""
    return bool(live) if group["code"] == NOT_AN_EVENT else unit_of_group(group) in live


def _kind(group: dict) -> str:
    """The tally line a converted group was counted under."""
    if group.get("default"):
        return "verb default"
    return "pattern: not an event (null code)" if group["code"] == NOT_AN_EVENT else "pattern"


HEADER = """\
# Imported from PETRARCH2's CAMEO verb dictionary ({source}), MIT licence,
# Copyright (c) 2014 Open Event Data: see PETRARCH2-LICENSE.txt in this folder.
# Generated by `wirecoder kb import-petrarch {source} --vetting vetting/petrarch2.yaml --out FILE`:
# do not edit by hand; regenerate it (docs/events.md says how, and how to vet it).
# One group per line: its code, origin (file:line), verb block, pattern; `imported: true` ranks it
# after every hand-written pattern of the same trigger. `default: true` marks a bare verb's code.
"""


def _flow(group: dict) -> str:
    """One group as a YAML flow mapping on one line (strings JSON-quoted: codes stay strings)."""
    parts = []
    for key, value in group.items():
        if isinstance(value, bool):
            parts.append(f"{key}: {'true' if value else 'false'}")
        elif isinstance(value, list):
            parts.append(f"{key}: [{', '.join(json.dumps(v) for v in value)}]")
        else:
            parts.append(f"{key}: {json.dumps(str(value))}")
    return "- {" + ", ".join(parts) + "}"


def write_groups(conversion: Conversion, out: Path, source: str = "CAMEO.2.0.txt") -> None:
    """Write the groups as an imported pattern file."""
    body = "".join(_flow(dict(g, imported=True)) + "\n" for g in conversion.groups)
    try:
        out.write_text(HEADER.format(source=source) + body, encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"cannot write {out}: {exc}; choose another --out") from exc


def import_petrarch(path: Path, out: Path, ontology: Ontology, vetting: Path | None = None,
                    speech: frozenset[str] = frozenset()) -> Conversion:
    """Read ``path`` (a PETRARCH verb dictionary), write the converted patterns to ``out``,
    leaving out the blocks the ``vetting`` file drops."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeError(f"cannot read the verb dictionary {path}: {exc}") from exc
    conversion = convert(text, ontology, path.name, read_vetting(vetting) if vetting else None, speech)
    write_groups(conversion, out, path.name)
    return conversion
