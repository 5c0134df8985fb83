"""Wave 3: actors that block events. "They" after a people named by a plural demonym in a
quantity subject ("Hundreds of Kenyans marched ... They demanded") is that people."""
from __future__ import annotations

import pytest

from test_actors import FakeResources, fixture_settings  # noqa: E402  (same tests folder)
from test_coref import actor_of  # noqa: E402

from wirecoder.stages.actors import ActorsStage


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    return ActorsStage(FakeResources(fixture_settings(tmp_path_factory.mktemp("kb"))))


THEY_CASES = [
    # a quantity of a people, then "they" as the next subject
    ("Hundreds of Kenyans marched in Nairobi on Monday. They demanded lower fuel prices.", "They", "Kenya"),
    ("Dozens of Peruvians blocked the highway. They said the mine polluted the river.", "They", "Peru"),
    ("Thousands of Georgians rallied outside parliament. They called for new elections.", "They", "Georgia"),
    # a plural group is still preferred as before
    ("Rebels seized the port on Sunday. They said the navy had fled.", "They", "Rebels"),
]


@pytest.mark.parametrize("text,mention,expected", THEY_CASES, ids=[c[0][:40] for c in THEY_CASES])
def test_they_refers_to_a_people_named_by_plural_demonym(nlp, stage, text, mention, expected):
    assert actor_of(nlp, stage, text, mention) == expected


NOT_THEY_CASES = [
    # a singular demonym adjective is no antecedent of "they": a plural noun subject blocks it
    ("The Chilean minister met farmers. They asked for more water.", "They"),
]


@pytest.mark.parametrize("text,mention", NOT_THEY_CASES, ids=[c[0][:40] for c in NOT_THEY_CASES])
def test_they_does_not_take_an_adjectival_demonym(nlp, stage, text, mention):
    assert actor_of(nlp, stage, text, mention) != "Chile"
