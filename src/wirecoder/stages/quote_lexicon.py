"""The quotes stage's word lists, loaded from ``data/quotes/`` into one typed record.

- ``reporting_verbs.tsv``: reporting verbs and whether they may introduce an
  indirect quote (``both``) or only cue a direct one (``direct``);
- ``speaker_phrases.tsv``: phrases whose object is the speaker ("according to");
- ``non_speakers.txt``: nouns that "say" things without being speakers ("the law says");
- ``term_cues.txt``: words before a quotation mark that make it a term or title;
- ``documents.txt``: nouns for things that carry words (a report, a statement): the speaker
  is whoever issued them ("the agency's report", "a report by X", "It issued a statement saying");
- ``partitives.txt``: words of quantity whose "of" object is the speaker ("65 percent of
  students said", "many of the residents say");
- ``body_names.txt`` (optional): words of ``non_speakers.txt`` that, ending a proper name, name
  a body that speaks ("Apex Market Research found", "the Geological Survey said").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeError

QUOTES_DIR = "quotes"


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    direct_cues: frozenset[str]        # lemmas (or "lemma particle") cueing a direct quote
    indirect_cues: frozenset[str]      # lemmas that take a clause as an indirect quote
    listener_cues: frozenset[str]      # of those, lemmas whose object is the listener ("tell")
    speaker_phrases: tuple[tuple[str, ...], ...]  # word sequences, the speaker follows
    non_speakers: frozenset[str]
    term_cues: frozenset[str]
    documents: frozenset[str] = frozenset()
    partitives: frozenset[str] = frozenset()
    interviewers: frozenset[str] = frozenset()  # who asks the story's questions ("reporters asked")
    speech_nouns: frozenset[str] = frozenset()  # "X's claim that ...": the owner said the clause
    infinitive_cues: frozenset[str] = frozenset()  # "claimed to be holding ...": the infinitive is reported
    body_names: frozenset[str] = frozenset()  # "Apex Market Research": a non-speaker word ending a body's name
    # the lemmas of the cues with a particle ("point" of "point out"): only these need their particle
    phrasal_lemmas: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "phrasal_lemmas", frozenset(
            cue.split(" ", 1)[0] for cue in self.direct_cues | self.indirect_cues if " " in cue))

    def is_cue(self, lemma: str, particle: str | None = None) -> bool:
        return self._key(lemma, particle, self.direct_cues) is not None

    def is_indirect_cue(self, lemma: str, particle: str | None = None) -> bool:
        return self._key(lemma, particle, self.indirect_cues) is not None

    def takes_listener(self, lemma: str) -> bool:
        return lemma.lower() in self.listener_cues

    @staticmethod
    def _key(lemma: str, particle: str | None, table: frozenset[str]) -> str | None:
        lemma = lemma.lower()
        if particle and f"{lemma} {particle.lower()}" in table:
            return f"{lemma} {particle.lower()}"
        return lemma if lemma in table else None

    @classmethod
    def load(cls, data_dir: Path) -> "QuoteLexicon":
        folder = data_dir / QUOTES_DIR
        verbs = _rows(folder / "reporting_verbs.tsv")
        direct: set[str] = set()
        indirect: set[str] = set()
        listener: set[str] = set()
        for number, row in verbs:
            if len(row) != 2 or row[1] not in ("both", "direct", "listener"):
                raise KnowledgeError(
                    f"{folder / 'reporting_verbs.tsv'} line {number}: expected "
                    f"'lemma<TAB>both|listener|direct', got {row!r}; fix the line")
            direct.add(row[0].lower())
            if row[1] in ("both", "listener"):
                indirect.add(row[0].lower())
            if row[1] == "listener":
                listener.add(row[0].lower())
        phrases = tuple(tuple(row[0].lower().split()) for _, row in _rows(folder / "speaker_phrases.tsv"))
        return cls(
            direct_cues=frozenset(direct),
            indirect_cues=frozenset(indirect),
            listener_cues=frozenset(listener),
            speaker_phrases=phrases,
            non_speakers=frozenset(row[0].lower() for _, row in _rows(folder / "non_speakers.txt")),
            term_cues=frozenset(row[0].lower() for _, row in _rows(folder / "term_cues.txt")),
            documents=frozenset(row[0].lower() for _, row in _rows(folder / "documents.txt")),
            partitives=frozenset(row[0].lower() for _, row in _rows(folder / "partitives.txt")),
            interviewers=frozenset(row[0].lower() for _, row in _rows(folder / "interviewers.txt")),
            speech_nouns=frozenset(row[0].lower() for _, row in _rows(folder / "speech_nouns.txt")),
            infinitive_cues=frozenset(row[0].lower() for _, row in _rows(folder / "infinitive_cues.txt")),
            body_names=frozenset(row[0].lower() for _, row in _rows(folder / "body_names.txt", optional=True)),
        )


def _rows(path: Path, optional: bool = False) -> list[tuple[int, list[str]]]:
    """Non-blank, non-comment lines of a data file, split on tabs (none for a missing optional
    file, so a data folder copied before the file existed still loads)."""
    if optional and not path.exists():
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(
            f"cannot read the quotes word list {path}: {exc}; reinstall wirecoder or point "
            "data_dir in the settings at a folder with quotes/") from exc
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append((number, [cell.strip() for cell in line.split("\t")]))
    return rows
