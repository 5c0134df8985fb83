"""Coverage and precision of the cooperative and verbal roots (CAMEO 01-10) on news language:
each row is a class of construction, written with other names and words than the stories that
showed it."""
from __future__ import annotations

import pytest

from test_events import code_events, quoted, stage, triples  # noqa: F401  (the module's stage fixture)




CASES = [
    # intentions: an assurance is a promise; being open to talks, or inclined to back or go
    # along with someone, announces cooperation (03x)
    ("Beijing assured Hanoi that the fishing boats would be returned.",
     {"Beijing": "CHNGOV", "Hanoi": "VNMGOV"}, {("030", "CHNGOV", "VNMGOV")}),
    ("Nairobi is open to talks with Ethiopia on the border dispute.",
     {"Nairobi": "KENGOV", "Ethiopia": "ETH"}, {("036", "KENGOV", "ETH")}),
    ("The Brazilian president was inclined to back the proposal by Argentina.",
     {"Brazilian president": "BRAGOV", "Argentina": "ARG"}, {("032", "BRAGOV", "ARG")}),
    ("Chile will go along with Peru on the fishing quotas.",
     {"Chile": "CHL", "Peru": "PER"}, {("032", "CHL", "PER")}),
    # an appeal parsed as a clause: "pleaded with X to do Y" is an appeal to X
    ("Kenyan traders are pleading with Ugandan authorities to reopen the border.",
     {"Kenyan traders": "KENBUS", "Ugandan authorities": "UGAGOV"}, {("020", "KENBUS", "UGAGOV")}),
    # money given is aid; a quantity of goods a region produces is not
    ("The European Union will give Niger 50 million euros in budget support.",
     {"European Union": "IGO", "Niger": "NER"}, {("033", "IGO", "NER")}),
    ("West African farms provide less than 30 million of the 90 million eggs needed in Ghana.",
     {"West African farms": "WAF", "Ghana": "GHA"}, set()),
    # helping people with no actor named is everyday help, not aid between actors
    ("The Peruvian volunteer assists elderly people in filling in their forms.",
     {"Peruvian volunteer": "PER"}, set()),
    # an action judged as a subject, or a meeting under "whether", did not happen
    ("Sending more troops to the border would be a mistake for Chad.",
     {"Chad": "TCD"}, set()),
    ("Holding a summit with Mongolia could be risky for the Kazakh leader.",
     {"Mongolia": "MNG", "Kazakh leader": "KAZGOV"}, set()),
    ("Officials will decide whether another meeting between Bolivia and Paraguay is useful.",
     {"Bolivia": "BOL", "Paraguay": "PRY"}, set()),
    # protecting rights or supporting an industry is no protection or support of an actor
    ("The Uruguayan ministry was more interested in protecting the rights of farmers.",
     {"Uruguayan ministry": "URYGOV"}, set()),
    ("Portugal has to support renewable energies.", {"Portugal": "PRT"}, set()),
    ("It stands to reason that Sweden would want a seat at the table.", {"Sweden": "SWE"}, set()),
    # a meeting that frames the actor's act: "X, after a meeting with Y, told ..." -> X met Y
    ("The Peruvian interior minister, after a meeting on Monday with Bolivian opposition leaders, "
     "told reporters the border would stay open.",
     {"Peruvian interior minister": "PERGOV", "Bolivian opposition leaders": "BOLOPP"},
     {("044", "PERGOV", "BOLOPP"), ("044", "BOLOPP", "PERGOV")}),
    ("The Chilean defense minister answered questions during a news conference in Santiago with the Argentine envoy.",
     {"Chilean defense minister": "CHLGOV", "Argentine envoy": "ARGGOV"},
     {("044", "CHLGOV", "ARGGOV"), ("044", "ARGGOV", "CHLGOV")}),
    # ... but a meeting only mentioned with no actor whose act it frames stays uncoded
    ("After a meeting with Bolivian opposition leaders, the border stayed open.",
     {"Bolivian opposition leaders": "BOLOPP"}, set()),
    # an event noun that is only what a talk is about is not reported as happening
    ("The radio spoke with Morales about his trip to Cuba and Venezuelan support for the island.",
     {"Morales": "BOLGOV", "Cuba": "CUB", "Venezuelan": "VEN"}, set()),
    # ... while a trip reported as made is a visit
    ("Evo Morales’s trip to Cuba ended on Friday.",
     {"Evo Morales": "BOLGOV", "Cuba": "CUB"}, {("042", "BOLGOV", "CUB")}),
    # an actor's own public call needs no addressee; an appeal to the public still does
    ("The talks ended because Ankara's call for a full withdrawal did not mesh with the plan.",
     {"Ankara": "TURGOV"}, {("020", "TURGOV", None)}),
    ("The Peruvian envoy repeated his appeal on Friday.", {"Peruvian envoy": "PERGOV"}, set()),
    ("The Chilean health ministry urged people to seek medical attention.",
     {"Chilean health ministry": "CHLGOV"}, set()),
    # persuading an actor to act is an appeal to it
    ("Opposition lawmakers in Nepal hope to persuade the Nepalese government to free the journalists.",
     {"Opposition lawmakers": "NPLLEG", "Nepalese government": "NPLGOV"}, {("020", "NPLLEG", "NPLGOV")}),
    # a rescue or relief operation is aid, not an attack; "was able to" reports what was done
    ("The Malagasy navy launched a rescue operation after the ferry capsized.",
     {"Malagasy navy": "MDGMIL"}, {("073", "MDGMIL", None)}),
    ("The Malagasy navy was able to start relief operations in the flooded districts.",
     {"Malagasy navy": "MDGMIL"}, {("073", "MDGMIL", None)}),
    # "X is cooperating with Y" is X's cooperation with Y; "X and Y cooperate" is joint
    ("The Latvian suspect is cooperating with Estonian prosecutors.",
     {"Latvian suspect": "LVA", "Estonian prosecutors": "ESTJUD"}, {("060", "LVA", "ESTJUD")}),
    ("Latvia and Estonia cooperated on fisheries.",
     {"Latvia": "LVA", "Estonia": "EST"}, {("060", "LVA", "EST"), ("060", "EST", "LVA")}),
    # knowing a person again is no diplomatic recognition
    ("A Colombian soldier recognized her at the checkpoint.", {"Colombian soldier": "COLMIL"}, set()),
    ("Colombia recognized the new government in Caracas.",
     {"Colombia": "COL", "new government in Caracas": "VENGOV"}, {("054", "COL", "VENGOV")}),
]


@pytest.mark.parametrize("text,actors,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_cooperative_coverage(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


QUOTE_CASES = [
    # a duty laid on another actor inside the speaker's direct quote is the speaker's demand
    ("“The Interior Ministry must end these raids on our markets.”",
     "The Interior Ministry must end these raids on our markets.",
     {"union leader": "NGALAB", "Interior Ministry": "NGAGOV"}, {("100", "NGALAB", "NGAGOV")}),
    ("“The Thai government shouldn't send these families back to Laos.”",
     "The Thai government shouldn't send these families back to Laos.",
     {"campaigner": "NGO", "Thai government": "THAGOV"}, {("100", "NGO", "THAGOV")}),
    # a duty the speaker lays on its own side names no other actor: no demand on anyone
    ("“We must stay calm.”", "We must stay calm.", {"union leader": "NGALAB"}, set()),
]


@pytest.mark.parametrize("text,content,actors,expected", QUOTE_CASES, ids=[c[1][:40] for c in QUOTE_CASES])
def test_duties_in_direct_quotes(coder, stage, text, content, actors, expected):  # noqa: F811
    # the speaker (A1) is named outside the sentence, as in a quote that runs on
    doc = code_events(coder, stage, text, actors, quotes=quoted(text, content))
    assert triples(doc) == expected
