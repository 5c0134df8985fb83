"""Who did it to whom, session 4 classes (invented sentences; other names and words than any
story): one target per country in a coordinated list, the origin of an instrument is no target,
a show of force at home targets none of its own country's people or places."""
from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.records import Article


def events(coder, text):
    coded = coder.code(Article(text=text, published=dt.date(2024, 5, 3)))
    return [(e.cameo, e.source_code, e.target_code) for e in coded.events]


# text, CAMEO prefix, source code, the target codes expected (exactly) for that source and prefix
CASES = [
    # 1. a list of one country's people is one target; other countries stay separate events
    ("one-country-list",
     "Gunmen in Mali stepped up attacks on soldiers, police officers and teachers in the Mopti region.",
     "19", "MLIREB", {"MLIMIL"}),
    ("one-country-list-verb",
     "Police in Uganda beat journalists, students and opposition supporters in Kampala on Friday.",
     "18", "UGAPOL", {"UGAMED"}),
    ("two-countries-list",
     "The European Union imposed sanctions on Belarus and Iran on Tuesday.",
     "16", "IGO", {"BLR", "IRN"}),
    # 2. the maker of what is fired, moved or given is not its target
    ("instrument-fired",
     "Hezbollah fighters fired Iranian rockets at Israeli army positions on Sunday.",
     "19", "LBNREB", {"ISRMIL"}),
    ("instrument-deployed",
     "Vietnam deployed Indian missiles along its coast in March.",
     "15", "VNM", {None}),
    ("instrument-artillery",
     "The Armenian army fired Russian artillery shells across the border on Monday.",
     "19", "ARMMIL", {None}),
    ("instrument-aid-to",
     "Japan sent Japanese food aid to Nepal after the earthquake.",
     "07", "JPN", {"NPL"}),
    # 3. a show of force over or in one's own country has no target of that country
    ("posture-own-capital",
     "Egyptian fighter jets flew low over the Egyptian capital on Tuesday.",
     "15", "EGYMIL", {None}),
    ("posture-own-towns",
     "Colombian police deployed in Colombian towns near the coast on Friday.",
     "15", "COLPOL", {None}),
    # 4. a threat on a condition is made to whoever must meet it
    ("threat-unless-infinitive",
     "Farmers in Chile threatened on Monday to block highways unless the Chilean government cut fuel taxes.",
     "13", "CHLCVL", {"CHLGOV"}),
    ("threat-unless-offensive",
     "Armenia threatened to launch a counteroffensive in the disputed region unless Baku withdrew its troops.",
     "13", "ARM", {"AZEGOV"}),
    ("threat-if-object",
     "The teachers' union threatened a national strike if the Ghanaian government froze salaries.",
     "13", "GHALAB", {"GHAGOV"}),
    ("warning-if",
     "Sudan warned of retaliation if Ethiopia moved troops to the border.",
     "13", "SDN", {"ETH"}),
    ("threat-object-before-condition",
     "Turkey threatened to expel the Dutch ambassador unless Sweden extradited the suspects.",
     "13", "TUR", {"NLDGOV"}),
    # 5. the target's preposition on the light verb that carries an event noun
    ("carrier-took-part",
     "Burundian soldiers took part in raids last month against Congolese militias.",
     "19", "BDIMIL", {"CODREB"}),
    ("carrier-participated",
     "Nigerien troops participated in an offensive in June against Boko Haram.",
     "19", "NERMIL", {"NGAREB"}),
    ("carrier-conducted",
     "Zimbabwean police conducted a crackdown on Thursday against independent journalists.",
     "17", "ZWEPOL", {"ZWEMED"}),
    # 6. a participle after "see/regard X as Y" is what the judged thing does, not the judge's act
    ("judged-frame-owner",
     "\"I see this as part of Moscow's strategy of expanding its reach in the Arctic, constantly "
     "putting pressure on Norway,\" said Anna Berg, a professor at Oslo University.",
     "17", "RUSGOV", {"NOR"}),
    ("judged-frame-no-analyst",
     "\"I see this as part of Moscow's strategy of expanding its reach in the Arctic, constantly "
     "putting pressure on Norway,\" said Anna Berg, a professor at Oslo University.",
     "17", "NOREDU", set()),
    ("speaker-participle-kept",
     "\"We will keep our promises, putting pressure on the rebels,\" Kenya's president said.",
     "17", "KENGOV", {"KENREB"}),
    # 7. the subject of "died under torture / in custody" suffered the act; the holder did it
    ("victim-subject-custody",
     "An opposition activist died in the custody of the Egyptian security forces on Sunday.",
     "18", "EGYPOL", {"EGYNGO"}),
    ("victim-subject-not-source",
     "An opposition activist died in the custody of the Egyptian security forces on Sunday.",
     "18", "EGYNGO", set()),
    ("yield-succumb-kept",
     "The Malawian president said his cabinet would not succumb to pressure from the striking unions.",
     "12", "MWIGOV", {"MWILAB"}),
    # 8. a state's own forces that it offers to give are no target; the receiver is
    ("own-forces-offered",
     "Senegal is ready to contribute up to 800 troops to a regional force in Gambia, the defence minister said.",
     "03", "SEN", {"GMB"}),
    ("own-forces-not-for-students",
     "Students in Izmir staged a rally to protest the plan of sending Turkish troops abroad.",
     "14", "TUREDU", {"TURMIL"}),
    # 9. a speech-act noun's "that" clause hung on the verb that carries the noun names its target;
    # "its" on the noun is the owner that verb's subject names
    ("noun-clause-on-carrier",
     "The African Union reiterated its demand today that Sudan release the detained journalists.",
     "10", "IGO", {"SDN"}),
    ("reflexive-owner",
     "Rwandan officials met Congolese ministers in Kigali on Monday. On Tuesday Kenya renewed its "
     "demand that Rwanda withdraw from the border area.",
     "10", "KEN", {"RWA"}),
    ("reflexive-owner-not-coref",
     "Rwandan officials met Congolese ministers in Kigali on Monday. On Tuesday Kenya renewed its "
     "demand that Rwanda withdraw from the border area.",
     "10", "RWAGOV", set()),
    # 10. in a passive deployment only armed or state forces take the posture, not aid workers
    ("deployed-forces-not-aid-workers",
     "Rebels attacked villages in northern Mali on Monday. On Thursday, several hundred Malian troops "
     "and humanitarian workers were deployed to the villages to push back the rebels.",
     "15", "MLINGO", set()),
    ("deployed-forces-kept",
     "Rebels attacked villages in northern Mali on Monday. On Thursday, several hundred Malian troops "
     "and humanitarian workers were deployed to the villages to push back the rebels.",
     "15", "MLIMIL", {"MLIREB"}),
    # 11. a phrase of circumstance (despite, amid) names no target; "after talks with X" may
    ("despite-not-target",
     "Pakistani media report Islamabad testing a Chinese drone system, despite threats of Indian sanctions.",
     "15", "PAKGOV", {None}),
    ("after-talks-kept",
     "The Kenyan Union of Nurses announced Friday that it has called off a strike after talks with the Kenyan government.",
     "08", "KENLAB", {"KENGOV"}),
    # 12. people deported with no nationality of their own are not the deporter's own people
    ("deported-no-nationality",
     "Malaysian authorities deported 200 detainees to Myanmar on Friday.",
     "17", "MYSGOV", {"MMR"}),
    ("deported-with-nationality",
     "Malaysia deported 200 Rohingya refugees to Myanmar on Friday.",
     "17", "MYS", {"MMRREF"}),
    # 13. an attack with no target answers no earlier attack of a state (a bare country)
    ("invasion-answers-no-state",
     "Ethiopia attacked Eritrea in May. Several months later, Somalia invaded.",
     "19", "SOM", {None}),
    ("deployment-answers-gunmen",
     "Gunmen attacked a police post near Garissa, Kenya on Monday. Kenyan troops were deployed to the area on Tuesday.",
     "15", "KENMIL", {"KENREB"}),
    ("posture-other-country",
     "Chinese warships patrolled near Philippine islands on Monday.",
     "15", "CHNMIL", {"PHLCVL"}),
]


# a death in custody with no holder named is nobody's act
def test_death_without_holder_is_no_event(coder):
    found = events(coder, "A Kenyan journalist died under torture in Nairobi on Monday.")
    assert not any(c.startswith("18") for c, s, t in found), found


# a threatened labour strike refers back to no earlier attack: its target is not the attacker
def test_threatened_strike_is_no_reaction(coder):
    text = ("Rebels attacked a police post near Goma, Congo on Monday. On Tuesday the dockworkers' union "
            "threatened a strike over unpaid wages.")
    found = events(coder, text)
    assert {t for c, s, t in found if c.startswith("13") and s.endswith("LAB")} == {None}, found


@pytest.mark.parametrize("name, text, cameo, source, targets", CASES, ids=[c[0] for c in CASES])
def test_session4_roles(coder, name, text, cameo, source, targets):
    found = {t for c, s, t in events(coder, text) if c.startswith(cameo) and s == source}
    assert found == targets, events(coder, text)
