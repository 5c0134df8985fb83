"""Coverage of events told in clauses the main verb does not carry (issue 11, item 3): verbs in
relative clauses that act on the noun the clause hangs on, verbs conjoined before a shared
object, meals as meetings, charges in court, recalled envoys, protests. Each row is a class of news
language, written with other names and words than the stories that showed it."""
from __future__ import annotations

import pytest

from test_events import code_events, stage, triples  # noqa: F401  (the module's stage fixture)

CASES = [
    # a relative clause's verb acts on the noun it hangs on: the noun fills the pattern's object
    ("Kenya criticized the tariffs that Tanzania imposed on Uganda last month.",
     {"Kenya": "KEN", "Tanzania": "TZA", "Uganda": "UGA"},
     {("111", "KEN", "UGA"), ("163", "TZA", "UGA")}),
    ("Diplomats discussed the embargo Canada slapped on Venezuela.",
     {"Canada": "CAN", "Venezuela": "VEN"}, {("163", "CAN", "VEN")}),
    # ... and the noun is the target when it is an actor ("the reporters police detained")
    ("A court in Addis Ababa heard the reporters whom Ethiopian police detained in March.",
     {"reporters": "ETHMED", "Ethiopian police": "ETHPOL"}, {("173", "ETHPOL", "ETHMED")}),
    ("Lawyers contested the sanctions imposed on Belarus by the European Union.",
     {"Belarus": "BLR", "European Union": "IGO"}, {("163", "IGO", "BLR")}),
    # a noun that does the relative clause's verb is its subject, not what it acts on
    ("The militants who attacked the Nigerien convoy fled into Mali.",
     {"militants": "NERREB", "Nigerien convoy": "NERMIL"}, {("190", "NERREB", "NERMIL")}),
    # a relative clause on a class the subject belongs to tells what the subject did
    ("Peru and Chile are among the countries that have banned importation of beef from Brazil.",
     {"Peru": "PER", "Chile": "CHL", "Brazil": "BRA"}, {("163", "PER", "BRA"), ("163", "CHL", "BRA")}),
    ("Iceland is one of the few states that have recognized Kosovo.",
     {"Iceland": "ISL", "Kosovo": "XKX"}, {("054", "ISL", "XKX")}),
    # ... but a class the subject is not said to belong to names nobody
    ("The countries that have recognized Kosovo met in Vienna.", {"Kosovo": "XKX"}, set()),
    # verbs conjoined before the object they share: each takes that object
    ("Bangladeshi police arrested and interrogated four Myanmar nationals.",
     {"Bangladeshi police": "BGDPOL", "Myanmar nationals": "MMR"},
     {("173", "BGDPOL", "MMR")}),
    ("Moroccan authorities detained and later deported two Spanish activists.",
     {"Moroccan authorities": "MARGOV", "Spanish activists": "ESPCVL"},
     {("173", "MARGOV", "ESPCVL"), ("174", "MARGOV", "ESPCVL")}),
    # a meal with someone is a meeting (both ways)
    ("The Omani foreign minister had dinner with Bahrain's crown prince on Friday.",
     {"Omani foreign minister": "OMNGOV", "Bahrain": "BHRGOV"},
     {("044", "OMNGOV", "BHRGOV"), ("044", "BHRGOV", "OMNGOV")}),
    ("Macron's working lunch with Scholz ran late.",
     {"Macron": "FRAGOV", "Scholz": "DEUGOV"}, {("044", "FRAGOV", "DEUGOV"), ("044", "DEUGOV", "FRAGOV")}),
    # a lunch with no other party is no meeting
    ("The Omani foreign minister had lunch in Muscat.", {"Omani foreign minister": "OMNGOV"}, set()),
    # a plea in court names no other actor: no event (nor an appeal)
    ("Three Ecuadorian police officers have pleaded not guilty.",
     {"Ecuadorian police officers": "ECUPOL"}, set()),
    # an embargo falls on someone: a ban on a product with no country named is none
    ("Canada is among the countries that have banned imports of shark fins.", {"Canada": "CAN"}, set()),
    # charging someone with a crime is legal action (173); "charged that ..." alleges (112)
    ("Colombian prosecutors charged the former senator with money laundering.",
     {"Colombian prosecutors": "COLJUD", "former senator": "COLLEG"}, {("173", "COLJUD", "COLLEG")}),
    ("The Cuban opposition charged that the vote was rigged by Havana.",
     {"Cuban opposition": "CUBOPP", "Havana": "CUBGOV"}, {("112", "CUBOPP", "CUBGOV")}),
    # pressing or talking someone into an act is an appeal to them
    ("The Ghanaian union pressured the Ghanaian government into raising wages.",
     {"Ghanaian union": "GHALAB", "Ghanaian government": "GHAGOV"}, {("020", "GHALAB", "GHAGOV")}),
    # people protesting over a grievance protest (14); a protest lodged *to* a state complains (114)
    ("Thousands of Chilean students protested over rising tuition fees.",
     {"Chilean students": "CHLEDU"}, {("140", "CHLEDU", "CHLGOV")}),
    ("Vietnam protested to China over the seizure of its fishing boats.",
     {"Vietnam": "VNM", "China": "CHN"}, {("114", "VNM", "CHN")}),
    # nouns conjoined before their agent share it; a protest set against a clause ("despite
    # protests by X, Y ...") is a protest against that clause's subject
    ("Despite strikes and protests by Greek farmers, the Greek government has raised fuel taxes.",
     {"Greek farmers": "GRCCVL", "Greek government": "GRCGOV"}, {("140", "GRCCVL", "GRCGOV")}),
    ("Amid demonstrations by Armenian students, the Armenian parliament passed the bill.",
     {"Armenian students": "ARMEDU", "Armenian parliament": "ARMLEG"}, {("140", "ARMEDU", "ARMLEG")}),
    # a protest with no target named is against the protesters' own state; not a state body's
    # own protest, and a named target stays
    ("Hundreds of Bolivian miners took to the streets on Monday.",
     {"Bolivian miners": "BOLLAB"}, {("140", "BOLLAB", "BOLGOV")}),
    ("Bolivian miners protested against Chilean mining companies.",
     {"Bolivian miners": "BOLLAB", "Chilean mining companies": "CHLBUS"}, {("140", "BOLLAB", "CHLBUS")}),
    ("Bolivian lawmakers staged a walkout in protest.", {"Bolivian lawmakers": "BOLLEG"}, {("143", "BOLLEG", None)}),
    # stamping out or defeating armed groups is fighting them; stamping out a protest is not
    ("Malian troops vowed to stamp out the jihadist fighters near Gao.",
     {"Malian troops": "MLIMIL", "jihadist fighters": "MLIREB"}, {("138", "MLIMIL", "MLIREB")}),
    ("Colombian soldiers defeated the ELN rebels in Arauca.",
     {"Colombian soldiers": "COLMIL", "ELN rebels": "COLREB"}, {("190", "COLMIL", "COLREB")}),
    # recalling one's ambassador from a country: the country is the target, not the envoy
    ("Morocco recalled its envoy from Algeria after the incident.",
     {"Morocco": "MAR", "Algeria": "DZA", "its envoy": "MARGOV"}, {("160", "MAR", "DZA")}),
]


@pytest.mark.parametrize("text,actors,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_clause_coverage(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


OWN_OBJECT_CASES = [
    # the first verb keeps an object of its own, even one that is no actor
    ("Bolivian police arrested the driver and questioned three Peruvian tourists.",
     {"Bolivian police": "BOLPOL", "Peruvian tourists": "PERCVL"}, ("173", "BOLPOL", None)),
    ("Bolivian police arrested a Chilean trucker and fined three Peruvian tourists.",
     {"Bolivian police": "BOLPOL", "Chilean trucker": "CHLCVL", "Peruvian tourists": "PERCVL"},
     ("173", "BOLPOL", "CHLCVL")),
]


@pytest.mark.parametrize("text,actors,arrest", OWN_OBJECT_CASES, ids=[c[0][:40] for c in OWN_OBJECT_CASES])
def test_first_conjunct_keeps_its_object(coder, stage, text, actors, arrest):  # noqa: F811
    assert {t for t in triples(code_events(coder, stage, text, actors)) if t[0] == "173"} == {arrest}
