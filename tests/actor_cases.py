"""Shared pieces of the table-driven actor tests (``test_actors_rules``, ``test_actors_unseen``,
``test_actors_round4``): the stage on the fixture knowledge base and the checks of one coded text."""
from __future__ import annotations

import pytest

from test_actors import fixture_settings, FakeResources  # noqa: E402  (same tests folder)
from wirecoder.stages.actors import ActorsStage


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    """The actors stage on the fixture knowledge base (one per test module)."""
    return ActorsStage(FakeResources(fixture_settings(tmp_path_factory.mktemp("kb"))))


def assert_codes(got: dict[str, str | None], expected: dict[str, str | None]) -> None:
    """Every listed mention is in ``got`` with its code. A code of ``None`` asks for the mention
    only; a code ending in ``*`` ("SDN*") asks for its country part only."""
    for mention, code in expected.items():
        assert mention in got, f"no mention {mention!r} in {got}"
        if code is None:
            continue
        if code.endswith("*"):  # the country part only
            assert (got[mention] or "")[:3] == code[:3], f"{mention!r}: {got[mention]} (all: {got})"
        else:
            assert got[mention] == code, f"{mention!r}: {got[mention]} (all: {got})"


def assert_absent(got: dict[str, str | None], absent: tuple[str, ...]) -> None:
    """None of the ``absent`` mention texts was coded as an actor."""
    for mention in absent:
        assert mention not in got, got
