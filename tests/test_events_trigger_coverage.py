"""Sentences where no trigger matched at all: verbs, idioms and compounds of news language that
the pattern data lacked. Each row is a class of phrasing, written with other names and words than
the stories that showed it."""
from __future__ import annotations

import pytest

from test_events import code_events, stage, triples  # noqa: F401  (the module's stage fixture)

CASES = [
    # re-prefixed arrests, and catching a wanted person, are arrests (173)
    ("Zambian police rearrested the union leader on Friday.",
     {"Zambian police": "ZMBPOL", "union leader": "ZMBLAB"}, {("173", "ZMBPOL", "ZMBLAB")}),
    ("The blogger was rearrested by Tunisian police.",
     {"blogger": "TUNMED", "Tunisian police": "TUNPOL"}, {("173", "TUNPOL", "TUNMED")}),
    ("Two escaped inmates were caught by Bolivian police near the border.",
     {"Bolivian police": "BOLPOL", "escaped inmates": "BOLCRM"}, {("173", "BOLPOL", "BOLCRM")}),
    # ... catching a disease, a flight or fire is no arrest
    ("The Bolivian minister caught the virus during the trip.", {"Bolivian minister": "BOLGOV"}, set()),
    # a warrant for someone's arrest is an arrest order (173)
    ("A Turkish court issued an arrest warrant for the Swedish reporter.",
     {"Turkish court": "TURJUD", "Swedish reporter": "SWEMED"}, {("173", "TURJUD", "SWEMED")}),
    # forbidding an actor to act, disqualifying a candidate: administrative sanctions (172x)
    ("Belarus forbade the opposition from holding marches.",
     {"Belarus": "BLR", "opposition": "BLROPP"}, {("172", "BLR", "BLROPP")}),
    ("Zimbabwe's electoral commission disqualified the opposition candidate.",
     {"electoral commission": "ZWEGOV", "opposition candidate": "ZWEOPP"}, {("1722", "ZWEGOV", "ZWEOPP")}),
    # a loan disbursed or approved for a country is economic aid (071)
    ("The African Development Bank disbursed a loan to Malawi.",
     {"African Development Bank": "IGO", "Malawi": "MWI"}, {("071", "IGO", "MWI")}),
    ("The Asian Development Bank approved a $500 million loan for Sri Lanka.",
     {"Asian Development Bank": "IGO", "Sri Lanka": "LKA"}, {("071", "IGO", "LKA")}),
    # downing an aircraft or drone is military force (190)
    ("Lithuanian forces downed a Belarusian drone.",
     {"Lithuanian forces": "LTUMIL", "Belarusian": "BLR"}, {("190", "LTUMIL", "BLR")}),
    # artillery or rocket fire received from an armed group (194)
    ("The Congolese base came under mortar fire from M23 rebels.",
     {"Congolese base": "CODMIL", "M23 rebels": "CODREB"}, {("194", "CODREB", "CODMIL")}),
    # measures unveiled or rolled out are measures imposed: the light verb's subject is the actor
    ("Canada unveiled new sanctions against Belarus.",
     {"Canada": "CAN", "Belarus": "BLR"}, {("163", "CAN", "BLR")}),
    ("Australia rolled out fresh sanctions against Myanmar.",
     {"Australia": "AUS", "Myanmar": "MMR"}, {("163", "AUS", "MMR")}),
    # people moved out by the state (migrants, detainees, asylum seekers) are expelled (174),
    # not visited or diplomatically expelled
    ("Denmark flew the rejected asylum seekers to Rwanda.",
     {"Denmark": "DNK", "asylum seekers": "DNKREF"}, {("174", "DNK", "DNKREF")}),
    ("Mauritania has expelled hundreds of migrants to Mali.",
     {"Mauritania": "MRT", "migrants": "MRTREF"}, {("174", "MRT", "MRTREF")}),
    ("Spain sent the migrants back to Morocco.",
     {"Spain": "ESP", "migrants": "ESPREF"}, {("174", "ESP", "ESPREF")}),
    ("Lebanon removed the detainees from the border camp.",
     {"Lebanon": "LBN", "detainees": "LBNREF"}, {("174", "LBN", "LBNREF")}),
    # joint military flights and patrols are military cooperation between the partners (062)
    ("Iran and Russia carried out joint naval patrols.",
     {"Iran": "IRN", "Russia": "RUS"}, {("062", "IRN", "RUS"), ("062", "RUS", "IRN")}),
    # describing or portraying a leader as a friend or a hero is praise (051)
    ("State television portrayed the Cuban doctor as a hero.",
     {"State television": "VENMED", "Cuban doctor": "CUBMED"}, {("051", "VENMED", "CUBMED")}),
    ("The Greek premier described his Cypriot counterpart as a trusted partner.",
     {"Greek premier": "GRCGOV", "Cypriot counterpart": "CYPGOV"}, {("051", "GRCGOV", "CYPGOV")}),
    # spreading violence or terror over a region is military force against it (190)
    ("The militia has sown terror across eastern Chad.",
     {"militia": "TCDREB", "Chad": "TCD"}, {("190", "TCDREB", "TCD")}),
    ("Armed gangs wreaked havoc on villages in Zamfara, Nigerian officials said.",
     {"Armed gangs": "NGACRM", "villages in Zamfara": "NGACVL"}, {("190", "NGACRM", "NGACVL")}),
    # catching a person is an arrest; catching fire, a flight or being caught in fighting is not
    ("Colombian police caught the escaped convict in Medellin.",
     {"Colombian police": "COLPOL", "escaped convict": "COLCRM"}, {("173", "COLPOL", "COLCRM")}),
    ("The Chilean minister caught a flight to Lima.", {"Chilean minister": "CHLGOV"}, set()),
    ("The Sudanese aid workers were caught in the crossfire.", {"Sudanese aid workers": "SDNNGO"}, set()),
    ("The Ghanaian fuel depot caught fire.", {"Ghanaian fuel depot": "GHABUS"}, set()),
    # money allocated or deposited, rescuers dispatched: aid (07x)
    ("The Arab Monetary Fund allocated 200 million dollars to Sudan.",
     {"Arab Monetary Fund": "IGO", "Sudan": "SDN"}, {("070", "IGO", "SDN")}),
    ("Algeria dispatched rescuers to Libya after the floods.",
     {"Algeria": "DZA", "Libya": "LBY"}, {("070", "DZA", "LBY")}),
    ("Britain supplied Estonia with anti-tank missiles.",
     {"Britain": "GBR", "Estonia": "EST"}, {("072", "GBR", "EST")}),
    # ... a bank moving funds between accounts is no aid between actors
    ("The bank transferred the funds to a new account.", {}, set()),
    # land or sovereignty ceded to another actor is a concession (080)
    ("Serbia ceded two districts to Hungary.",
     {"Serbia": "SRB", "Hungary": "HUN"}, {("080", "SRB", "HUN")}),
    # ending an agreement with a partner (127); revoking visas or closing schools (172)
    ("Chad terminated its defense pact with France.",
     {"Chad": "TCD", "France": "FRA"}, {("127", "TCD", "FRA")}),
    ("Canada revoked the visas of Iranian officials.",
     {"Canada": "CAN", "Iranian officials": "IRNGOV"}, {("172", "CAN", "IRNGOV")}),
    ("The junta closed the universities in Niamey.",
     {"junta": "NERMIL", "universities": "NEREDU"}, {("172", "NERMIL", "NEREDU")}),
    # measures imposed against a group are restrictions (172); banning sales to a country is an
    # embargo (163); drills held near another country are a show of force (150)
    ("The Iranian authorities have imposed tough measures against Baha'i students.",
     {"Iranian authorities": "IRNGOV", "Baha'i students": "IRNEDU"}, {("172", "IRNGOV", "IRNEDU")}),
    ("Germany banned the sale of tanks to Saudi Arabia.",
     {"Germany": "DEU", "Saudi Arabia": "SAU"}, {("163", "DEU", "SAU")}),
    ("Russia staged naval exercises near Norway.",
     {"Russia": "RUS", "Norway": "NOR"}, {("150", "RUS", "NOR")}),
    # ... exercises of two partners are no show of force against anyone
    ("Brazil and Paraguay held joint river patrols.",
     {"Brazil": "BRA", "Paraguay": "PRY"}, {("062", "BRA", "PRY"), ("062", "PRY", "BRA")}),
    # aid resumed (070), utilities cut off to a territory (162), workers walking off the job (143)
    ("The Asian Development Bank restored funding to Myanmar.",
     {"Asian Development Bank": "IGO", "Myanmar": "MMR"}, {("070", "IGO", "MMR")}),
    ("Russia cut off gas to Moldova.", {"Russia": "RUS", "Moldova": "MDA"}, {("162", "RUS", "MDA")}),
    # (a strike with no target named is against the strikers' own state)
    ("Dockworkers in Chile walked off the job.", {"Dockworkers": "CHLLAB", "Chile": "CHL"},
     {("143", "CHLLAB", "CHLGOV")}),
    # ... a storm cutting power names no actor
    ("The storm cut power to thousands of homes in Fiji.", {"Fiji": "FJI"}, set()),
    # ... an appeal to allies is not (here an appeal for aid, 023)
    ("The Ghanaian president called on his allies for help.",
     {"Ghanaian president": "GHAGOV", "allies": "IGO"}, {("023", "GHAGOV", "IGO")}),
]


@pytest.mark.parametrize("text,actors,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_trigger_coverage(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected
