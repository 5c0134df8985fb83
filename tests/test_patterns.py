"""The pattern loader: data files -> frozen Pattern records."""
from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.errors import KnowledgeError
from wirecoder.ontology import Ontology
from wirecoder.patterns import load_patterns, parse_pattern
from wirecoder.settings import DATA_DIR


@pytest.fixture(scope="module")
def book():
    return load_patterns(DATA_DIR / "patterns", Ontology.load(DATA_DIR / "cameo.tsv"))


@pytest.mark.parametrize("text,heads,words,preps", [
    ("congratulate", {"congratulate"}, [], []),
    ("cast|throw doubt on|over", {"cast", "throw"}, [{"doubt"}], [{"on", "over"}]),
    ("impose sanction|embargo on", {"impose"}, [{"sanction", "embargo"}], [{"on"}]),
    ("refuse meet|talk", {"refuse"}, [{"meet", "talk"}], []),
    ("call on|upon", {"call"}, [], [{"on", "upon"}]),
])
def test_parse_pattern(text, heads, words, preps):
    p = parse_pattern(text, kind="verb", code="111")
    assert (set(p.heads), [set(w) for w in p.words], [set(x) for x in p.preps]) == (heads, words, preps)


def test_specific_patterns_come_first(book):
    impose = book.index("verb")["impose"]
    assert impose[0].specificity >= impose[-1].specificity


def test_every_root_has_patterns(book):
    roots = {p.code[:2] for _, ps in book.verbs + book.nouns for p in ps if p.is_event}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_book_is_broad(book):
    assert len(book) > 500


def test_mixed_preposition_group_is_an_error():
    with pytest.raises(KnowledgeError, match="mixes prepositions"):
        parse_pattern("hand over|swap", kind="verb", code="084")


def test_unknown_code_is_an_error(tmp_path: Path):
    (tmp_path / "cues.yaml").write_text((DATA_DIR / "patterns" / "cues.yaml").read_text())
    (tmp_path / "bad.yaml").write_text('- code: "999"\n  verbs: [frobnicate]\n')
    with pytest.raises(KnowledgeError, match="unknown CAMEO code"):
        load_patterns(tmp_path, Ontology.load(DATA_DIR / "cameo.tsv"))


@pytest.mark.parametrize("method,code,expected", [
    ("intent_code", "044", "036"),
    ("intent_code", "0841", "0353"),
    ("intent_code", "061", "0311"),
    ("threat_code", "163", "1312"),
    ("threat_code", "195", "1384"),
    ("threat_code", "183", "138"),
    ("reject_code", "046", "125"),
    ("reject_code", "061", "121"),
])
def test_mood_codes(book, method, code, expected):
    assert getattr(book.cues, method)(code) == expected


# ---------------------------------------------------------------- triggers on parsed sentences
from wirecoder.stages.event_triggers import TriggerFinder, base_forms  # noqa: E402


@pytest.fixture(scope="module")
def finder(book):
    return TriggerFinder(book)


def _fired(nlp, finder, text: str) -> dict[str, str]:
    """trigger word -> code of the pattern that fired on it."""
    doc = nlp(text)
    return {m.trigger.text: m.pattern.code for s in doc.sents for m in finder.matches(s)}


@pytest.mark.parametrize("text,trigger,code", [
    # the parser's wrong lemma ("staged" -> "stag") does not hide the pattern
    ("Students staged protests against the new law.", "staged", "140"),
    # a bare criticism verb fires (no stray words glued onto the head list)
    ("Albania on Friday denounced the crackdown.", "denounced", "111"),
    ("The minister condemned the attack.", "condemned", "111"),
    # "agree to <verb>": the infinitive stands for the pattern's "to"
    ("The forum has agreed to set up a research center.", "agreed", "030"),
    # event nouns carried by a light verb
    ("Israel and Lebanon renewed negotiations today.", "negotiations", "046"),
    ("Pedersen issued his appeal on Friday.", "appeal", "020"),
    ("The court opened a hearing into the killings.", "hearing", "090"),
    ("The army's offensive in the north continued.", "offensive", "190"),
    # specific sub-codes
    ("The union called off the strike.", "called", "080"),
    ("Israel has strengthened its forces in Lebanon.", "strengthened", "154"),
    ("The United States designated the group as a terrorist organization.", "designated", "172"),
    ("Zambia extradited the suspect to Britain.", "extradited", "063"),
    ("Israel shared evidence with the United States.", "shared", "064"),
    ("The president reneged on his commitment.", "reneged", "120"),
    ("Iran threatened military action against Iraq.", "threatened", "138"),
    ("Mitterrand gave a warm welcome to de Klerk.", "gave", "043"),
])
def test_trigger_code(nlp, finder, text, trigger, code):
    assert _fired(nlp, finder, text).get(trigger) == code


@pytest.mark.parametrize("text,word", [
    # participles before a noun describe, they report no event
    ("Britain wants the alleged bombers handed over.", "alleged"),
    ("The banned group operates in the province.", "banned"),
    ("They moved prohibited weapons across the border.", "prohibited"),
    # naming is not criticising; a question is not an appeal
    ("A militia called the anti-Balaka fought back.", "called"),
    ("What happens next, Bugajski asked.", "asked"),
])
def test_no_trigger(nlp, finder, text, word):
    assert word not in _fired(nlp, finder, text)


@pytest.mark.parametrize("word,expected", [
    ("staged", "stage"), ("stopped", "stop"), ("carried", "carry"), ("talks", "talk"),
])
def test_base_forms(word, expected):
    assert expected in base_forms(word)



# ---------------------------------------------------------------- round 2: classes of news language
@pytest.mark.parametrize("text,trigger,code", [
    # fighting between two sides is one pattern group that goes both ways
    ("Security forces clashed with fighters loyal to the former president.", "clashed", "190"),
    ("Heavy fighting between the army and the rebels continued.", "fighting", "190"),
    ("Police exchanged fire with the gunmen.", "exchanged", "190"),
    # backing by soldiers is military cooperation, not a statement of support
    ("Somali forces, backed by Ethiopian soldiers, surrounded the hotel.", "backed", "062"),
    ("Government troops, supported by the U.S. military, attacked the town.", "supported", "062"),
    # a deadline is an ultimatum
    ("The group gave the government 48 hours to release the prisoners.", "gave", "139"),
    # a deal is struck, not hit
    ("Britain and Mauritius struck a deal on the islands.", "struck", "057"),
    ("Israeli tanks fired shells at the town.", "fired", "194"),
    ("The militants fired rockets into Israel.", "fired", "194"),
    # an appeal by "call" needs "for" or "on"
    ("The envoy called for talks between the two sides.", "called", "026"),
    ("The envoy called on the parties to resume talks.", "called", "026"),
])
def test_trigger_code_round2(nlp, finder, text, trigger, code):
    assert _fired(nlp, finder, text).get(trigger) == code


@pytest.mark.parametrize("text,word", [
    # naming with "call" is no appeal
    ('Trump met Erdogan for what he called a "wonderful meeting."', "called"),
    # physical impact, idioms and connectives
    ("Tropical Cyclone Jude slammed into parts of southern Africa this week.", "slammed"),
    ("Training would be in Moscow, as opposed to decades of U.S. training.", "opposed"),
    ("China will take a commanding lead over the U.S. in robotics.", "take"),
    # a campaign against a social ill is no attack
    ("The new administration vowed to fight corruption.", "fight"),
    # business, media and everyday senses
    ("In 2017, China released an AI development program.", "released"),
    ("She received widespread praise for her book.", "received"),
    ("Experts said Africans should get their blood-sugar level tested.", "tested"),
    ("This requires closing the gender gap in employment.", "closing"),
    ("He returned home in Beijing during the school break.", "returned"),
    ("Chinese companies like Unitree are already pulling ahead.", "pulling"),
    # "help X do Y": the action is Y, helping is no aid
    ("She helps people like her learn how to run a business.", "helps"),
    # "insist that ...": a statement, not a demand
    ("China's leadership insists it is committed to peace.", "insists"),
])
def test_no_trigger_round2(nlp, finder, text, word):
    assert word not in _fired(nlp, finder, text)


def test_not_event_groups_load(book):
    slam = book.index("verb")["slam"]
    assert any(not p.is_event for p in slam) and any(p.is_event for p in slam)
    # the not-event reading is tried before the bare criticism ("slammed into" is no "slammed")
    texts = [p.text for p in slam]
    assert texts.index("slam|crash|smash|plow|plough|hit|strike into") < next(
        i for i, p in enumerate(slam) if p.is_event and p.specificity == 0)


@pytest.mark.parametrize("text,mood", [
    # an action promised or withheld on a condition is an ultimatum, whatever the action
    ('"If this happens, Turkey will not buy any more U.S. combat aircraft," he said.', "ultimatum"),
    ('"Turkey will buy Russian aircraft if the freeze is not lifted," said Casin.', "ultimatum"),
    ("Unless Iran stops enrichment, the United States will impose sanctions.", "ultimatum"),
    # a plain promise and a plain condition keep their moods
    ("Turkey will buy Russian aircraft next year.", "intent"),
    ("If Iran attacks, Israel will respond.", "conditional"),
])
def test_ultimatum_mood(nlp, finder, text, mood):
    from wirecoder.stages.event_triggers import mood_of
    doc = nlp(text)
    moods = {m.trigger.text: mood_of(m, finder.cues).kind for s in doc.sents for m in finder.matches(s)}
    assert mood in moods.values(), moods


@pytest.mark.parametrize("text,code", [
    ('"If this happens, Turkey will not buy any more U.S. combat aircraft," said Erdogan.', "130"),
    ('"Turkey will buy Russian aircraft if the freeze is not lifted," said Erdogan.', "130"),
])
def test_ultimatum_is_a_threat(coder, text, code):
    coded = coder.code(text, published="2019-11-27")
    assert code in [e.cameo for e in coded.events]


@pytest.mark.parametrize("content, keys, expected", [
    ("verbs: [Order, command]\nforces: [troops]\n", ("verbs", "forces"),
     (frozenset({"order", "command"}), frozenset({"troops"}))),
    ("verbs: [order]\n", ("verbs", "forces"), (frozenset({"order"}), frozenset())),
    ("", ("verbs",), (frozenset(),)),
])
def test_load_word_lists(tmp_path, content, keys, expected):
    from wirecoder.patterns import load_word_lists
    path = tmp_path / "words.yaml"
    path.write_text(content, encoding="utf-8")
    assert load_word_lists(path, keys) == expected


@pytest.mark.parametrize("content", ["- just\n- a list\n", "verbs: order\n", "verbs: [unclosed\n"])
def test_load_word_lists_refuses_malformed_files(tmp_path, content):
    from wirecoder.errors import KnowledgeError
    from wirecoder.patterns import load_word_lists
    path = tmp_path / "words.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="fix"):
        load_word_lists(path, ("verbs",))
