"""Precision classes found by judging the coder's events on news it was not tuned on: words of
event patterns used in a sense that reports no event, and actions that are only asked for,
predicted or possible. Each row: a sentence, then a code (prefix) that must not be coded; the
FACTS rows keep the same words in the sense that is an event."""
import pytest

NOT_EVENTS = [
    # a figure or trend that falls: "decline" with no object and no infinitive is no refusal
    ("As Portugal's population continues to decline, schools are closing.", "12"),
    ("Exports from Chile declined sharply last year, the central bank said.", "12"),
    # declining to be named to a reporter is no political refusal
    ("A ministry official, who declined to be identified, said the talks would resume.", "12"),
    ("Two diplomats declined to be named because they were not authorised to speak.", "12"),
    # naming something ("called X a Y for Z") is no call for Z
    ("Protesters cheered what they called a great day for Bolivia.", "10"),
    ("Moscow called the sanctions a reward for obedience to Washington.", "10"),
    # what an asker asks another to do is the request, not an act of the asker
    ("Bolivian miners and truckers are calling on authorities at home and abroad to lift fuel "
     "restrictions imposed during the drought.", "08"),
    ("The opposition leader urged supporters in the capital and in the provinces to attack "
     "police stations.", "19"),
    # a modal on the verb of a reflexive small clause ("could find itself excluded")
    ("Hungary could find itself suspended from European funding talks.", "16"),
    # a prediction in an evaluative clause ("it was evident that X would ...")
    ('"It was evident that the junta would impose curfews in many towns," the historian said.', "1"),
    ("It is likely that the militia will attack the border posts again, analysts said.", "1"),
    # a reporter's request for comment; an emergency declared over a disease
    ("The ministry ignored Reuters requests for comment.", "02"),
    ("The WHO declared the cholera outbreak a public health emergency on Friday.", "17"),
]

FACTS = [
    ("Ecuador declined the invitation to the summit in Lima.", "12"),
    ("The Kenyan governor declined to meet the striking nurses on Tuesday.", "12"),
    ("Serbia's parliament speaker called for the minister's resignation.", "02"),
    ("Moscow called for an inquiry into the killings in Sudan.", "10"),
    ("Bolivian miners are calling on authorities at home and abroad to lift fuel restrictions.", "02"),
    ("The EU suspended Hungary from the talks on Monday.", "16"),
    ("Myanmar's military imposed a curfew in three towns on Friday.", "17"),
    ("Peru's president declared a state of emergency in Lima on Friday.", "17"),
    ("Kenya's request to the African Union for troops was approved on Monday.", "02"),
    ("The border guards will attack the smugglers' camps, the Chadian army said.", "13"),
]


def _codes(coder, text):
    return [e.cameo for e in coder.code(text, published="2025-03-01").events if not e.negated]


@pytest.mark.parametrize("text,code", NOT_EVENTS)
def test_not_an_event(coder, text, code):
    assert not any(c.startswith(code) for c in _codes(coder, text)), _codes(coder, text)


@pytest.mark.parametrize("text,code", FACTS)
def test_event_still_coded(coder, text, code):
    assert any(c.startswith(code) for c in _codes(coder, text)), _codes(coder, text)


# Private life: a person the text gives no role, acting on no one (or only on the country the
# story places them in), is no political actor; their words and protests still are events.
PRIVATE_ACTS = [
    ("Norway's government raised fuel taxes on Monday. Tomas Berg, a 30-year-old baker in Oslo, says "
     "he and his wife started talking about moving to Norway's north.", "04"),
    ('Peru\'s health ministry announced new rules on Monday. "I have a commitment to honesty," said '
     "Maria Lopez, who has lived in Lima for 30 years.", "03"),
    ("Chad's government opened a new camp in the east. Ahmed Saleh was among the first refugees to "
     "arrive at the camp 20 years ago.", "03"),
]

PUBLIC_ACTS = [
    ("Peru's health ministry announced new rules on Monday. Maria Lopez, who has lived in Lima for 30 "
     "years, accused the ministry of lying.", "11"),
    ("Kenya's president signed the tax bill on Monday. John Otieno, who sits in Kenya's parliament, "
     "began a hunger strike to protest the president's decision.", "14"),
]


@pytest.mark.parametrize("text,code", PRIVATE_ACTS)
def test_private_act_not_coded(coder, text, code):
    assert not any(c.startswith(code) for c in _codes(coder, text)), _codes(coder, text)


@pytest.mark.parametrize("text,code", PUBLIC_ACTS)
def test_private_voice_still_coded(coder, text, code):
    assert any(c.startswith(code) for c in _codes(coder, text)), _codes(coder, text)


# What a quoted speaker talks about is not their act: a gerund inside a noun's phrase ("a law
# against deporting", "preparations for launching"), a passive whose patient is the speaker
# ("we are accused of", "that I am implicated"). Their own acts in the first person still are.
NOT_THE_SPEAKERS = [
    ('Nigeria\'s army chief spoke to reporters. "These are preparations for launching a major '
     'offensive," he said of the rebels\' movements.', "19"),
    ('Peru\'s foreign minister spoke on Monday. "Our country has a law against deporting refugees," '
     "she said.", "17"),
    ('Uganda\'s opposition leader spoke on Monday. "We are accused of plotting a coup," she said.', "11"),
    ('Mexico\'s interior minister spoke on Monday. "Nobody in Mexico can say that I am implicated in '
     'any bribery scheme," he said.', "11"),
]

THE_SPEAKERS = [
    ('Chile\'s defence minister spoke on Monday. "We retaliated by shelling their positions," he said.', "19"),
    ('Peru\'s foreign minister spoke on Monday. "We deported the smugglers to Bolivia," she said.', "17"),
]


@pytest.mark.parametrize("text,code", NOT_THE_SPEAKERS)
def test_not_the_speakers_act(coder, text, code):
    assert not any(c.startswith(code) for c in _codes(coder, text)), _codes(coder, text)


@pytest.mark.parametrize("text,code", THE_SPEAKERS)
def test_the_speakers_own_act(coder, text, code):
    assert any(c.startswith(code) for c in _codes(coder, text)), _codes(coder, text)


# Getting ready for an act of force is force posture (150), not a threat (13x, announced);
# a stated readiness ("is prepared to", "is ready to") and other prepared actions keep their mood.
PREPARATIONS = [
    ("The Macedonian army prepared to resume shelling Albanian rebel-held territory.", "150"),
    ("Serbia's army is preparing to attack the rebels in the north.", "150"),
    ("As Tehran appears to be preparing to launch a satellite, analysts expect new sanctions.", "150"),
    ("Iraq's interim government announced that it is prepared to impose martial law in Baghdad.", "13"),
    ("Chile's government is preparing to sign a trade agreement with Peru.", "03"),
    ("Serbia's army is ready to attack the rebels, the defence minister said.", "13"),
]


@pytest.mark.parametrize("text,code", PREPARATIONS)
def test_preparation(coder, text, code):
    codes = _codes(coder, text)
    assert any(c.startswith(code) for c in codes), codes
    if code == "150":
        assert not any(c.startswith("13") for c in codes), codes
