"""Event patterns: the data files under ``data/patterns/`` turned into typed, frozen records.

A pattern says which words make an event and which CAMEO code it gets: a trigger lemma (verb or
noun), the lemmas that must stand near it (object, governed verb, modifier) and the preposition
that introduces the target. ``data/patterns/README.md`` documents the file format; ``cues.yaml``
holds the word lists that steer mood, speech and time. Built once per pipeline by
:func:`load_patterns`; the events stage only reads the resulting :class:`PatternBook`.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Iterable

import yaml

from .errors import KnowledgeError
from .ontology import Ontology

PREPOSITIONS = frozenset({
    "on", "upon", "with", "to", "against", "for", "at", "by", "from", "into", "in", "of", "over",
    "about", "up", "down", "off", "out", "back", "toward", "towards", "between", "among", "through",
    "near", "outside", "behind", "around", "aside", "away", "along", "across",
})


# the code of a pattern group that names uses of a trigger word that report no event
# ("slam into", "as opposed to"): when such a pattern is the best match, nothing fires
NOT_AN_EVENT = "none"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way of saying an event.

    ``words``: groups of lemmas; each group must be matched by one token near the trigger.
    ``preps``: prepositions/particles that must be attached; ``target_preps`` (the last group)
    introduces the preferred target.
    """

    id: str
    kind: str                      # "verb" | "noun"
    heads: frozenset[str]          # trigger lemmas
    words: tuple[frozenset[str], ...]
    preps: tuple[frozenset[str], ...]
    code: str
    reciprocal: bool
    has_target: bool
    text: str                      # the pattern as written in the data file
    origin: str = ""               # where an imported pattern comes from ("petrarch2:CAMEO.2.0.txt:745")
    imported: bool = False         # imported lexicon: ranks after every hand-written pattern

    @property
    def is_event(self) -> bool:
        return self.code != NOT_AN_EVENT

    @property
    def target_preps(self) -> frozenset[str]:
        return self.preps[-1] if self.preps else frozenset()

    @property
    def specificity(self) -> int:
        return 2 * len(self.words) + len(self.preps)

    @property
    def rank(self) -> tuple[int, int]:
        """Sort key among a trigger's patterns: hand-written before imported (a hand pattern
        that matches always wins), then the most specific first."""
        return (int(self.imported), -self.specificity)


@dataclass(frozen=True, slots=True)
class Cues:
    """Word lists from ``cues.yaml`` (see that file for what each one does)."""

    speech: frozenset[str]
    intent: frozenset[str]
    intent_adjectives: frozenset[str]
    continuation: frozenset[str]
    future: frozenset[str]
    possible: frozenset[str]
    obligation: frozenset[str]
    conditional: frozenset[str]
    background_words: frozenset[str]
    background_phrases: tuple[str, ...]
    light: frozenset[str]
    light_in: frozenset[str]
    light_for: frozenset[str]
    clause_object: frozenset[str]
    not_in_purpose: frozenset[str]
    needs_target_verbs: frozenset[str]
    first_person: frozenset[str]
    message_nouns: frozenset[str]
    refusal: frozenset[str]
    stative: frozenset[str]
    intent_codes: tuple[tuple[str, str], ...]
    threat_codes: tuple[tuple[str, str], ...]
    reject_codes: tuple[tuple[str, str], ...]
    unilateral: frozenset[str] = frozenset()
    needs_target: frozenset[str] = frozenset()
    needs_object: frozenset[str] = frozenset()
    journalism: frozenset[str] = frozenset()
    negative_arguments: frozenset[str] = frozenset()
    press_replies: frozenset[str] = frozenset()
    press_nouns: frozenset[str] = frozenset()
    purpose_givers: frozenset[str] = frozenset()
    protest_aims: frozenset[str] = frozenset()
    evidential: frozenset[str] = frozenset()
    denial: frozenset[str] = frozenset()
    protective: frozenset[str] = frozenset()
    negated_codes: tuple[tuple[str, str], ...] = ()
    documents: frozenset[str] = frozenset()
    judgements: frozenset[str] = frozenset()
    private_life: frozenset[str] = frozenset()
    speaker_passives: frozenset[str] = frozenset()
    document_synonyms: tuple[tuple[str, str], ...] = ()
    agent_nouns: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    change_verbs: frozenset[str] = frozenset()
    predictions: frozenset[str] = frozenset()
    private_voice: frozenset[str] = frozenset()
    preparation: frozenset[str] = frozenset()
    preparation_codes: tuple[tuple[str, str], ...] = ()
    victim_subjects: frozenset[str] = frozenset()

    def negated_code(self, code: str) -> str | None:
        """The code a negated action of ``code`` is itself ("does not support the plan" -> 110),
        or None when not doing it is no event."""
        return dict(self.negated_codes).get(code)

    @staticmethod
    def _lookup(table: tuple[tuple[str, str], ...], code: str) -> str | None:
        """The entry for the longest prefix of ``code`` (``"0841"`` -> ``"084"`` -> ``"08"``)."""
        mapping = dict(table)
        for n in range(len(code), 1, -1):
            if code[:n] in mapping:
                return mapping[code[:n]]
        return None

    def intent_code(self, code: str) -> str:
        """The 03x code for a cooperative action that is only intended."""
        if code.startswith("03"):
            return code
        return self._lookup(self.intent_codes, code) or "030"

    def preparation_code(self, code: str) -> str | None:
        """The code of getting ready for ``code`` ("the army is preparing to attack": 150), or None."""
        return self._lookup(self.preparation_codes, code)

    def threat_code(self, code: str) -> str:
        """The 13x code for a conflictual action that is only announced."""
        if code.startswith("13"):
            return code
        return self._lookup(self.threat_codes, code) or "130"

    def reject_code(self, code: str) -> str:
        """The 12x code for a refused cooperative action."""
        if code.startswith("12"):
            return code
        return self._lookup(self.reject_codes, code) or "120"


@dataclass(frozen=True, slots=True)
class PatternBook:
    """All patterns, indexed by trigger lemma, plus the cues."""

    verbs: tuple[tuple[str, tuple[Pattern, ...]], ...]
    nouns: tuple[tuple[str, tuple[Pattern, ...]], ...]
    cues: Cues

    def index(self, kind: str) -> dict[str, tuple[Pattern, ...]]:
        """A lookup table lemma -> patterns (most specific first). Build once and keep it."""
        return dict(self.verbs if kind == "verb" else self.nouns)

    def __len__(self) -> int:
        seen = {p.id for _, ps in self.verbs for p in ps} | {p.id for _, ps in self.nouns for p in ps}
        return len(seen)


def _alternatives(token: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in token.split("|") if w.strip())


def parse_pattern(text: str, *, kind: str, code: str, reciprocal: bool = False,
                  has_target: bool = True, pid: str = "", origin: str = "",
                  imported: bool = False) -> Pattern:
    """Parse one pattern string (``"impose sanction|embargo on|against"``)."""
    tokens = text.split()
    if not tokens:
        raise KnowledgeError(f"empty {kind} pattern for code {code}; remove it or write a lemma")
    heads = _alternatives(tokens[0])
    words: list[frozenset[str]] = []
    preps: list[frozenset[str]] = []
    for tok in tokens[1:]:
        alts = _alternatives(tok)
        if alts & PREPOSITIONS and not alts <= PREPOSITIONS:
            raise KnowledgeError(
                f"pattern {text!r} (code {code}) mixes prepositions and other words in {tok!r}; "
                "write prepositions as their own token")
        if alts and alts <= PREPOSITIONS:
            preps.append(alts)
        else:
            words.append(alts)
    return Pattern(
        id=pid or f"{kind}:{text}", kind=kind, heads=heads, words=tuple(words), preps=tuple(preps),
        code=code, reciprocal=reciprocal, has_target=has_target, text=text, origin=origin,
        imported=imported,
    )


def _group_patterns(group: dict[str, Any], where: str, ontology: Ontology | None,
                    with_imported: bool = True) -> Iterable[Pattern]:
    code = str(group.get("code", "")).strip()
    imported = bool(group.get("imported", False))
    if imported and not with_imported:
        return
    if not code:
        raise KnowledgeError(f"{where}: a pattern group has no code; add `code: \"NNN\"`")
    if ontology is not None and code != NOT_AN_EVENT and code not in ontology:
        raise KnowledgeError(f"{where}: unknown CAMEO code {code!r}; use a code from data/cameo.tsv")
    reciprocal = bool(group.get("reciprocal", False))
    target = str(group.get("target", "auto"))
    if target not in ("auto", "none"):
        raise KnowledgeError(f"{where}: code {code}: target must be auto or none, not {target!r}")
    origin = str(group.get("origin") or "")
    block = str(group.get("block") or "")
    for kind in ("verb", "noun"):
        for text in group.get(kind + "s") or ():
            if not isinstance(text, str):
                raise KnowledgeError(f"{where}: code {code}: pattern {text!r} is not a string; quote it")
            pid = f"{code} {kind}:{text}"
            if origin:
                # an imported pattern is named by where it comes from, its verb block and its
                # words ("163 petrarch2:CAMEO.2.0.txt:745 ADD: sanction"), not its long head list
                words = " ".join(text.split()[1:]) or text.split("|")[0]
                pid = f"{code} {origin}{' ' + block if block else ''}: {words}"
            yield parse_pattern(text, kind=kind, code=code, reciprocal=reciprocal,
                                has_target=target == "auto", pid=pid, origin=origin, imported=imported)


# the C parser when PyYAML has it: the imported lexicon is thousands of groups
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read the pattern file {path}: {exc}; fix or remove it") from exc


def read_role_file(path: Path) -> Any:
    """The parsed YAML of a word-list file under ``data/roles/`` (None when empty)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {path}: {exc}; fix or remove the file") from exc


def load_word_lists(path: Path, keys: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The lowercased word lists under ``keys`` of a YAML mapping, in the order of ``keys``
    (an absent key is an empty list)."""
    data = read_role_file(path) or {}
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected keys {', '.join(keys)}; fix the file")

    def words(key: str) -> frozenset[str]:
        value = data.get(key) or []
        if not isinstance(value, list):
            raise KnowledgeError(f"{path}: '{key}' must be a list of words; fix the file")
        return frozenset(str(w).lower() for w in value)

    return tuple(words(k) for k in keys)


def load_cues(path: Path) -> Cues:
    """Read ``cues.yaml``: each key fills the :class:`Cues` field of the same name, by the field's
    type: word lists lower-cased (``frozenset``), tables as (key, value) pairs, phrases in order."""
    data = _read_yaml(path) or {}
    values: dict[str, Any] = {}
    for field in fields(Cues):
        raw = data.get(field.name)
        if field.type == "tuple[tuple[str, str], ...]":
            values[field.name] = tuple((str(k), str(v)) for k, v in (raw or {}).items())
        elif field.type == "tuple[str, ...]":
            values[field.name] = tuple(str(p).lower() for p in raw or ())
        else:
            values[field.name] = frozenset(str(w).lower() for w in raw or ())
    return Cues(**values)


def load_patterns(folder: Path, ontology: Ontology | None = None,
                  extra_files: Iterable[Path] = (), imported: bool = True) -> PatternBook:
    """Read every pattern file in ``folder`` (and ``extra_files``) into a :class:`PatternBook`.

    With an ``ontology`` every code is checked against the CAMEO table. Groups marked
    ``imported: true`` (the converted PETRARCH2 lexicon) rank after every hand-written pattern
    of the same trigger; ``imported=False`` leaves the ones in ``folder`` out (the user's
    ``extra_files`` are always read).
    """
    if not folder.is_dir():
        raise KnowledgeError(f"the pattern folder {folder} is missing; reinstall wirecoder")
    builtin = sorted(p for p in folder.glob("*.yaml") if p.name != "cues.yaml")
    files = [(p, imported) for p in builtin] + [(Path(p), True) for p in extra_files]
    patterns: list[Pattern] = []
    for path, with_imported in files:
        if not path.is_file():
            raise KnowledgeError(f"the pattern file {path} does not exist; fix the path in the settings")
        data = _read_yaml(path) or []
        if not isinstance(data, list):
            raise KnowledgeError(f"{path}: expected a list of pattern groups (see data/patterns/README.md)")
        for group in data:
            if not isinstance(group, dict):
                raise KnowledgeError(f"{path}: every entry must be a mapping with code/verbs/nouns")
            patterns.extend(_group_patterns(group, str(path), ontology, with_imported))
    cues_path = folder / "cues.yaml"
    if not cues_path.exists():
        raise KnowledgeError(f"{cues_path} is missing; reinstall wirecoder")

    def indexed(kind: str) -> tuple[tuple[str, tuple[Pattern, ...]], ...]:
        table: dict[str, list[Pattern]] = {}
        for order, p in enumerate(patterns):
            if p.kind != kind:
                continue
            for head in p.heads:
                table.setdefault(head, []).append(p)
        # hand-written before imported, most specific first; among equals, the order of the files
        rank = {p.id: i for i, p in enumerate(patterns)}
        return tuple(
            (head, tuple(sorted(ps, key=lambda p: (p.rank, rank[p.id]))))
            for head, ps in sorted(table.items())
        )

    return PatternBook(verbs=indexed("verb"), nouns=indexed("noun"), cues=load_cues(cues_path))
