"""Within-article coreference: surnames, roles, pronouns join the right actor (table-driven)."""
from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.records import Article
from wirecoder.stages.actors import ActorsStage

from test_actors import FakeResources, fixture_settings  # noqa: E402  (same tests folder)


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    return ActorsStage(FakeResources(fixture_settings(tmp_path_factory.mktemp("kb"))))


def actor_of(nlp, stage, text: str, mention: str, nth: int = 0, published=dt.date(2024, 7, 29)) -> str | None:
    """The name of the actor the ``nth`` mention with this text belongs to."""
    doc = nlp(text)
    doc._.article = Article(text=text, published=published)
    doc = stage(doc)
    actors = {a.id: a for a in doc._.actors}
    found = [m for m in doc._.mentions if m.text == mention]
    return actors[found[nth].actor].name if len(found) > nth else None


CASES = [
    # surnames join the full name met earlier
    ("Russian President Vladimir Putin spoke on Monday. Putin said talks would go on.", "Putin", 0,
     "Vladimir Putin"),
    ("Kremlin spokesman Dmitry Peskov declined to comment. Peskov later said no.", "Peskov", 0, "Dmitry Peskov"),
    # a bare surname of the only office holder of that name
    ("Erdogan said Turkey would buy the missiles.", "Erdogan", 0, "Recep Tayyip Erdogan"),
    # "he"/"his" -> the last person
    ("Olaf Scholz met Macron. He said the talks were good.", "He", 0, "Olaf Scholz"),
    # it/its -> the last organisation that was the subject
    ("The Kremlin said it was deepening cooperation with Caracas.", "it", 0, "Kremlin"),
    ("NATO said its members would meet.", "its", 0, "NATO"),
    # they -> the last plural group that was the subject
    ("Rebels seized the town on Sunday. They said the army had fled.", "They", 0, "Rebels"),
    # "the authority" joins "the national electoral authority"
    ("The national electoral authority said Maduro won. The authority is meant to be independent.",
     "authority", 0, "national electoral authority"),
    # a surname shared by relatives named later stays with the first person met
    ("Former Prime Minister Sali Berisha was sanctioned. His son, Shkelzen Berisha, was too. Berisha denied it.",
     "Berisha", 0, "Sali Berisha"),
    # "the group" joins the named body met before
    ("Kenya condemned the attack by al-Shabab. The group said it killed 10 soldiers.", "group", 0, "al-Shabab"),
    # "the president" joins the last person whose role is president
    ("French President Emmanuel Macron arrived in Berlin. The president said Europe must act.",
     "president", 0, "Emmanuel Macron"),
]


@pytest.mark.parametrize("text,mention,nth,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_coreference(nlp, stage, text, mention, nth, expected):
    assert actor_of(nlp, stage, text, mention, nth) == expected


def test_expletive_it_is_not_an_actor(nlp, stage):
    assert actor_of(nlp, stage, "NATO met on Monday. It is hard to say what comes next.", "It") is None


def test_surname_of_unknown_person_needs_the_full_name(nlp, stage):
    # "Smith" alone is nobody known: no person actor named Smith is invented from the knowledge base
    doc = nlp("Smith said the plan would fail.")
    doc._.article = Article(text="Smith said the plan would fail.", published=dt.date(2024, 1, 1))
    names = {a.name for a in stage(doc)._.actors}
    assert not any(n.endswith("Smith") and n != "Smith" for n in names)


def test_surname_before_full_name_joins_it(nlp, stage):
    text = "Scholz warned on Monday. German Chancellor Olaf Scholz said Berlin was ready."
    assert actor_of(nlp, stage, text, "Scholz") == "Olaf Scholz"
