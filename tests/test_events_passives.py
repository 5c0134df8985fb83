"""Passives with no agent in reported speech: the speaker is the agent only when it does such acts."""
from __future__ import annotations

import pytest

from test_events import code_events, stage, triples  # noqa: F401  (the module's stage fixture)

PASSIVE_CASES = [
    # an army reporting a killing it did: the army is the source, the passive subject the target
    ("Sixteen Boko Haram fighters had been killed, the Nigerian army said.",
     {"Boko Haram fighters": "NGAREB", "Nigerian army": "NGAMIL"}, {"NGAMIL", "NGAREB"}),
    ("The police said several protesters were arrested in the capital.",
     {"police": "KENPOL", "protesters": "KENOPP"}, {"KENPOL", "KENOPP"}),
    # the U.N. reporting killings does not kill
    ("The U.N. says 10 civilians were killed in the attack.",
     {"U.N.": "IGO"}, None),
    # a government reporting a ban
    ("The government said the opposition leaders are barred from travel.",
     {"government": "KENGOV", "opposition leaders": "KENOPP"}, {"KENGOV", "KENOPP"}),
]


@pytest.mark.parametrize("text,actors,parties", PASSIVE_CASES, ids=[c[0][:40] for c in PASSIVE_CASES])
def test_passive_reported_by_a_fitting_speaker(coder, stage, text, actors, parties):  # noqa: F811
    found = {(s, t) for _, s, t in triples(code_events(coder, stage, text, actors))}
    if parties is None:
        assert not any(s == "IGO" for s, _ in found)
    else:
        src = next(c for c in parties if c[3:] in ("MIL", "POL", "GOV"))
        tgt = next(c for c in parties if c != src)
        assert (src, tgt) in found
