"""Error classes found on unseen VOA stories, round 6 (table-driven): a nationality the text
states for a person beats the story's country; a court sits where the text puts it."""
from __future__ import annotations

import pytest

from actor_cases import assert_codes, stage  # noqa: E402,F401  (same tests folder; stage is a fixture)
from test_actors import coded  # noqa: E402  (same tests folder)

# text -> {mention text: code}
NATIONALITY = [
    ("Iran denied the charges. Khalid Mehdiyev, who is Azerbaijani, was arrested in Brooklyn.",
     {"Khalid Mehdiyev": "AZE", "Iran": "IRN"}),
    ("Iran denied the charges. Rafat Amirov, an Azerbaijani national, was arrested.",
     {"Rafat Amirov": "AZE"}),
    # stated at a later bare surname the tagger may not call a name, at the start of a sentence
    ("Moscow denied any role. Olena Hrytsak told jurors she was hired to follow the reporter. "
     "Hrytsak, who is Moldovan, said she is cooperating with investigators.",
     {"Olena Hrytsak": "MDA", "Moscow": "RUSGOV"}),
    ("Tehran rejected the verdict. Goran Lekic testified on Monday. Lekic, who is Serbian, said he "
     "was detained in Vienna.", {"Goran Lekic": "SRB"}),
    # a country the person only travels to is not theirs
    ("Beijing condemned the trial. After arriving in Canada, Li Wenbo was detained at a border station.",
     {"Li Wenbo": "CHN"}),
    ("Beijing condemned the verdict. Zhao Min landed in Australia on Monday and was questioned.",
     {"Zhao Min": "CHN"}),
    # the country people are said to come from, also for two conjoined people
    ("Kyiv denied the report. Prosecutors said Bogdan Lutsenko and Ivan Hrebin plotted the attack. "
     "Lutsenko and Hrebin, both from Moldova, pleaded not guilty.",
     {"Bogdan Lutsenko": "MDA", "Ivan Hrebin": "MDA", "Kyiv": "UKRGOV"}),
    # two country words with no "and" nor hyphen: an origin, then the nationality; one actor
    ("Gunmen tried to kill the Somali American journalist in Minneapolis.",
     {"Somali American journalist": "USAMED"}),
    ("A Lebanese Canadian businessman was detained in Beirut.", {"Lebanese Canadian businessman": "CANBUS"}),
    ("Iranian American journalist Masih Alinejad said the plot was foiled.",
     {"Iranian American journalist Masih Alinejad": "USAMED"}),
]

COURTS = [
    ("Iran's Revolutionary Guard was behind the plot. The men were charged in Manhattan federal "
     "court. Prosecutors said they planned to kill her.",
     {"Prosecutors": "USAJUD", "Iran": "IRN"}),
    # the court sits where the story last put a trial or a court, not at the nearest place named
    ("Lisbon denied the report. A trial in Madrid opened on Monday. The banker denied wrongdoing. "
     "Officials in Lisbon declined to comment. Prosecutors accused him of fraud.",
     {"Prosecutors": "ESPJUD"}),
    ("Manila rejected the claims. The men appeared in Singapore federal court on Friday. Officials in "
     "Manila said nothing. Prosecutors said the men had fled.", {"Prosecutors": "SGPJUD"}),
    # a place in the story's own country keeps it
    ("The Iranian judiciary said prosecutors in Tehran charged him.", {"prosecutors": "IRNJUD"}),
]


@pytest.mark.parametrize("text,expected", NATIONALITY, ids=[c[0][:40] for c in NATIONALITY])
def test_stated_nationality_beats_context(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


@pytest.mark.parametrize("text,expected", COURTS, ids=[c[0][:40] for c in COURTS])
def test_court_takes_its_place(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)
