"""Session 4 actor classes on unseen news (table-driven, sentences written for these tests):
a surname matches a knowledge-base office holder only when the written name agrees with him."""
from __future__ import annotations

import pytest

from actor_cases import assert_absent, assert_codes, stage  # noqa: E402,F401  (same tests folder; stage is a fixture)
from test_actors import coded  # noqa: E402  (same tests folder)

# text -> mention texts that must not be coded as the office holder of that surname
OTHER_PEOPLE = [
    # the name goes on after the surname: it is a middle name, not the holder's surname
    ("Border police detained Karim Scholz Weber at the crossing on Friday.", "Scholz", "DEUGOV"),
    ("Judges sentenced Amal Macron Haddad to four years.", "Macron", "FRAGOV"),
    # a given name that is none of the holder's names
    ("Police questioned Tariq Scholz about the fire.", "Scholz", "DEUGOV"),
    ("A court fined Yusuf Erdogan, a baker, for fraud.", "Erdogan", "TURGOV"),
]


@pytest.mark.parametrize("text,surname,holder", OTHER_PEOPLE, ids=[c[0][:40] for c in OTHER_PEOPLE])
def test_surname_of_someone_else_is_not_the_holder(nlp, stage, text, surname, holder):
    got = coded(nlp, stage, text)
    for mention, code in got.items():
        assert not (surname in mention and code == holder), got


# text -> {mention text: code}: the holder is still found with a title, an honorific, his own
# given name or the surname alone
HOLDER = [
    ("Chancellor Scholz said Germany would send more aid.", {"Scholz": "DEUGOV"}),
    ("Mr Scholz said Germany would send more aid.", {"Scholz": "DEUGOV"}),
    ("Scholz said on Monday that Germany would send more aid.", {"Scholz": "DEUGOV"}),
    ("Recep Erdogan rejected the proposal on Tuesday.", {"Recep Erdogan": "TURGOV"}),
    ("Erdogan rejected the proposal on Tuesday.", {"Erdogan": "TURGOV"}),
]


@pytest.mark.parametrize("text,expected", HOLDER, ids=[c[0][:40] for c in HOLDER])
def test_surname_of_the_holder(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


# text -> {mention text: code}: an international body under the other spelling of its words
# (spellings.tsv), under a name the story defines by its known short name, or a UN agency
RESPELLED = [
    ("The World Trade Organisation ruled against the tariffs.", {"World Trade Organisation": "IGO"}),
    ("The International Labor Organization said young workers lost jobs.",
     {"International Labor Organization": "IGO"}),
    ("The U.N. World Food Program said trucks were stopped at the border.", {"U.N. World Food Program": "IGO"}),
    ("The UN Environment Program warned that rivers were drying up.", {"UN Environment Program": "IGO"}),
    ("The Food and Agriculture Organization said locusts destroyed crops.",
     {"Food and Agriculture Organization": "IGO"}),
    ("Frontex said fewer migrants crossed the sea this year.", {"Frontex": "IGO"}),
]


@pytest.mark.parametrize("text,expected", RESPELLED, ids=[c[0][:40] for c in RESPELLED])
def test_international_body_spellings(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


# a name the knowledge base lacks, defined by a known short name in brackets, is that body
DEFINED = [
    ("The Global Health Org (WHO) urged Malawi to vaccinate children.", "Global Health Org"),
    ("The Atomic Energy Agency (IAEA) asked Iran for access to the site.", "Atomic Energy Agency"),
]


@pytest.mark.parametrize("text,name", DEFINED, ids=[c[0][:40] for c in DEFINED])
def test_name_defined_by_known_short_name(nlp, stage, text, name):
    doc_codes = coded(nlp, stage, text)
    assert doc_codes.get(name) == "IGO", doc_codes


# "the movement of X", "the group of X" with a plural X: what moves or gathers, no anaphor that
# takes the country of X to an earlier named body
NOT_ANAPHORS = [
    ("The Arab League urged Israel to allow the movement of Palestinian farmers.", "movement"),
    ("Oxfam said Ethiopia blocked the movement of aid trucks.", "movement"),
]


@pytest.mark.parametrize("text,absent", NOT_ANAPHORS, ids=[c[0][:40] for c in NOT_ANAPHORS])
def test_movement_of_plural_is_no_anaphor(nlp, stage, text, absent):
    assert_absent(coded(nlp, stage, text), (absent,))


def test_respelled_names():
    from wirecoder.knowledge.tables import respelled
    spellings = {"programme": ("program",), "program": ("programme",), "un": ("U.N.",), "u.n.": ("UN",)}
    assert respelled(("UN Development Programme",), spellings) == ("U.N. Development Programme",
                                                                    "UN Development Program")
    assert respelled(("World Bank",), spellings) == ()


# text -> {mention text: code}: countries whose names or demonyms are prefixes of each other,
# a possessive country in front of a titled name, two owners of the same role word
COUNTRIES = [
    ("Kenya summoned Chad's ambassador Ali Moussa to protest the raid.", {"ambassador Ali Moussa": "TCDGOV"}),
    ("Ghana recalled Togo's envoy Kossi Mensah on Friday.", {"envoy Kossi Mensah": "TGOGOV"}),
    ("Benin's army and Nigeria's army held joint drills.", {"Benin": "BEN", "Nigeria": "NGA"}),
    ("Nigerien soldiers and Nigerian police met in Maradi.",
     {"Nigerien soldiers": "NERMIL", "Nigerian police": "NGAPOL"}),
    ("Equatorial Guinean officials accused Guinean traders of smuggling.",
     {"Equatorial Guinean officials": "GNQGOV", "Guinean traders": "GINBUS"}),
    ("South Sudanese troops clashed with Sudanese soldiers near the border.",
     {"South Sudanese troops": "SSDMIL", "Sudanese soldiers": "SDNMIL"}),
    ("Papua New Guinea's prime minister spoke to reporters.", {"Papua New Guinea": "PNG", "prime minister": "PNGGOV"}),
    ("Papua New Guinean diplomats met Fijian officials.", {"Papua New Guinean diplomats": "PNGGOV"}),
    ("Dominica's prime minister met the Dominican Republic's president.",
     {"Dominica": "DMA", "Dominican Republic": "DOM"}),
]


@pytest.mark.parametrize("text,expected", COUNTRIES, ids=[c[0][:40] for c in COUNTRIES])
def test_country_pairs_and_possessors(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


@pytest.mark.parametrize("text,first,second", [
    ("Sudan's army and South Sudan's army exchanged fire.", "SDNMIL", "SSDMIL"),
    ("Chad's police and Libya's police signed a pact.", "TCDPOL", "LBYPOL"),
])
def test_two_owners_of_one_role_word_are_two_actors(nlp, stage, text, first, second):
    from test_actors import run
    doc = run(nlp, stage, text)
    codes = sorted(a.code for a in doc._.actors if a.code and a.code[3:])
    assert codes == sorted([first, second]), codes


# an organisation the knowledge base lacks, owned by a country named in front, is of that country
OWNED_BODIES = [
    ("Kenya's National Institute of Agricultural Studies said the maize crop failed.",
     {"National Institute of Agricultural Studies": "KEN*"}),
    ("Peru's Ombudsman Office said three people died in the protests.", {"Ombudsman Office": "PER*"}),
]


@pytest.mark.parametrize("text,expected", OWNED_BODIES, ids=[c[0][:40] for c in OWNED_BODIES])
def test_body_owned_by_a_country(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


# a name in apposition to the role phrase in front of it ("Kenya's health minister, Jane Doe,")
# takes its code from that role and the country the phrase names
FRONTED_ROLE = [
    ("Ghana's finance minister, Kwame Asante, said the budget would shrink.", {"Kwame Asante": "GHAGOV"}),
    ("Chile's army commander, Rodrigo Fuentes, said troops would patrol the border.",
     {"Rodrigo Fuentes": "CHLMIL"}),
    ("The Peruvian foreign minister, Lucia Paredes, met her counterpart on Monday.",
     {"Lucia Paredes": "PERGOV"}),
    ("Nepal's opposition leader, Bishnu Thapa, called for new elections.", {"Bishnu Thapa": "NPLOPP"}),
]


@pytest.mark.parametrize("text,expected", FRONTED_ROLE, ids=[c[0][:40] for c in FRONTED_ROLE])
def test_name_in_apposition_to_a_fronted_role(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


# the name after the comma is a subject, not an apposition: no role codes it
NOT_FRONTED = [
    ("After talks with the minister, Kwame Asante said the deal was close.", "Kwame Asante"),
    ("Before he met the president, Rodrigo Fuentes toured the port.", "Rodrigo Fuentes"),
]


@pytest.mark.parametrize("text,name", NOT_FRONTED, ids=[c[0][:40] for c in NOT_FRONTED])
def test_subject_after_a_fronted_clause_takes_no_role(nlp, stage, text, name):
    got = coded(nlp, stage, text)
    assert not (got.get(name) or "")[3:], got


# ", a ROLE at the ORG in COUNTRY,": an organisation the knowledge base lacks gives its sector
# from its name's words and the phrase's country; a body named "International ..." is no one
# country's
UNKNOWN_BODY_APPOSITION = [
    ("Mirela Vasquez, a lab technician at the Andean Institute of Soil Science in Bolivia, said yields fell.",
     {"Mirela Vasquez": "BOLEDU"}),
    ("Tomas Berzins, a volunteer with the Riverside Relief Foundation in Latvia, said families left.",
     {"Tomas Berzins": "LVANGO"}),
    ("Amina Diallo, a field coordinator for the International Foundation for Child Welfare in Senegal, says pupils were beaten.",
     {"Amina Diallo": "NGO"}),
]


@pytest.mark.parametrize("text,expected", UNKNOWN_BODY_APPOSITION, ids=[c[0][:40] for c in UNKNOWN_BODY_APPOSITION])
def test_person_at_an_unknown_body_named_by_its_words(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


# a word of a longer place name is no surname of an office holder: (text, date, code that must not appear)
PLACE_WORDS = [
    ("Firefighters in Castro Valley said the blaze was contained.", "2015-05-01", "CUBGOV"),
    ("Traders in Castro Valley reopened their shops on Monday.", "2016-03-01", "CUBGOV"),
]


@pytest.mark.parametrize("text,published,absent", PLACE_WORDS, ids=[c[0][:40] for c in PLACE_WORDS])
def test_word_of_a_place_name_is_no_surname(coder, text, published, absent):
    result = coder.code(text, published=published)
    assert absent not in {a.code for a in result.actors}, [(a.name, a.code) for a in result.actors]
