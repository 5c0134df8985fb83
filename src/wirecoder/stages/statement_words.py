"""The words and figures statements are coded by: ``data/statements/*.yaml``, read into one
:class:`StatementWords` (see :mod:`.event_statements`)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..datafiles import yaml_mappings
from ..errors import KnowledgeError
from ..ontology import Ontology


KINDS = ("criticism", "allegation", "denial", "praise")



@dataclass(frozen=True, slots=True)
class StatementWords:
    """The data of ``data/statements/*.yaml``."""

    negative: float
    positive: float
    report_negative: float
    codes: dict[str, str]
    allegation_verbs: frozenset[str]
    evaluation_verbs: frozenset[str]
    allegation_nouns: frozenset[str]
    stative_verbs: frozenset[str]
    victim_sectors: frozenset[str]
    commentator_sectors: frozenset[str]
    stance_prepositions: frozenset[str]
    evaluated_acts: frozenset[str]
    allegation_words: frozenset[str]
    alleged_codes: frozenset[str]
    hedged_allegations: frozenset[str]
    state_sectors: frozenset[str]
    suffering_verbs: frozenset[str]
    polarity: dict[str, float]
    stance_adjectives: dict[str, str]
    # a word at or below this valence makes a positive statement mixed, not praise
    praise_veto: float = -4.0
    affiliations: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    armed_sectors: frozenset[str] = frozenset()
    victim_nouns: frozenset[str] = frozenset()
    judging_verbs: frozenset[str] = frozenset()
    reported_wrong_roots: frozenset[str] = frozenset()
    accuser_sectors: frozenset[str] = frozenset()
    purpose_marks: frozenset[str] = frozenset()
    speaker_event_roots: frozenset[str] = frozenset()
    said_of_verbs: frozenset[str] = frozenset()
    bystander_verbs: frozenset[str] = frozenset()
    judged_wrong_codes: frozenset[str] = frozenset()
    risk_verbs: frozenset[str] = frozenset()
    fire_nouns: frozenset[str] = frozenset()
    fire_verbs: frozenset[str] = frozenset()
    shooting_sectors: frozenset[str] = frozenset()
    adverbial_rebukes: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    purpose_aux: frozenset[str] = frozenset()


def load_statement_words(folder: Path, ontology: Ontology | None = None) -> StatementWords:
    """Read every ``*.yaml`` in ``folder``; later files add words and override figures."""
    merged: dict[str, Any] = {"codes": {}, "polarity": {}, "stance_adjectives": {}, "affiliations": {},
                              "adverbial_rebukes": {}}
    lists = ("allegation_verbs", "evaluation_verbs", "allegation_nouns", "stative_verbs", "victim_sectors",
             "commentator_sectors", "stance_prepositions", "evaluated_acts",
             "allegation_words", "alleged_codes",
             "hedged_allegations", "state_sectors", "suffering_verbs", "armed_sectors", "victim_nouns", "judging_verbs",
             "reported_wrong_roots", "accuser_sectors", "purpose_marks", "purpose_aux", "speaker_event_roots", "said_of_verbs", "bystander_verbs", "judged_wrong_codes", "risk_verbs", "fire_nouns", "fire_verbs",
             "shooting_sectors")
    for _, data in yaml_mappings(folder, "statement data",
                                 "a mapping (see data/patterns/README.md, 'Statements')"):
        for key in ("negative", "positive", "report_negative", "praise_veto"):
            if key in data:
                merged[key] = float(data[key])
        merged["codes"].update({str(k): str(v) for k, v in (data.get("codes") or {}).items()})
        merged["stance_adjectives"].update({str(k).lower(): str(v) for k, v in (data.get("stance_adjectives") or {}).items()})
        merged["polarity"].update({str(k).lower(): float(v) for k, v in (data.get("polarity") or {}).items()})
        for key in ("affiliations", "adverbial_rebukes"):
            for word, preps in (data.get(key) or {}).items():
                merged[key][str(word).lower()] = frozenset(str(p).lower() for p in preps or ())
        for key in lists:
            merged.setdefault(key, set()).update(str(w).lower() if not key.endswith("_sectors") else str(w).upper() for w in data.get(key) or ())
    missing = [k for k in KINDS if k not in merged["codes"]]
    if missing or any(k not in merged for k in ("negative", "positive", "report_negative")):
        raise KnowledgeError(f"{folder}: statement data needs negative, report_negative, positive "
                             f"and codes "
                             f"for {', '.join(KINDS)}")
    if ontology is not None:
        for code in [*merged["codes"].values(), *merged["stance_adjectives"].values()]:
            ontology.get(code)  # raises, naming the unknown code
    return StatementWords(**{k: merged[k] for k in ("negative", "positive", "report_negative")},
                          praise_veto=merged.get("praise_veto", -4.0),
                          **{k: dict(merged[k]) for k in ("codes", "polarity", "stance_adjectives", "affiliations",
                                                            "adverbial_rebukes")},
                          **{k: frozenset(merged.get(k, ())) for k in lists})
