"""Actor knowledge: countries, metonyms, international bodies, regions, roles, people in office,
named groups, user files and what was learned from the corpus, as typed records.

``load_knowledge(settings)`` reads them all once (``Resources.load`` calls it).
"""
from __future__ import annotations

import logging
from types import MappingProxyType

from ..settings import Settings
from .base import Entry, KnowledgeBase, PersonAt
from .learn import learn, read_learned, write_learned
from .records import Country, Group, Igo, Learned, Metonym, Person, Region, Role, join_code, split_code
from .tables import (load_countries, load_groups, load_peoples, load_igos, load_metonyms, load_people, load_places, load_shared_places,
                     load_regions, load_roles, load_spellings)
from .user import load_user_files

log = logging.getLogger(__name__)

NON_STATE = ("IGO", "NGO", "MNC")  # the country parts of codes that name no state

__all__ = ["KnowledgeBase", "Entry", "PersonAt", "load_knowledge", "learn", "read_learned",
           "write_learned", "Country", "Group", "Igo", "Learned", "Metonym", "Person", "Region", "Role",
           "join_code", "split_code"]


def load_knowledge(settings: Settings) -> KnowledgeBase:
    """The knowledge base for ``settings``: built-in tables under ``data_dir/knowledge``, then
    the user files (``settings.knowledge_files``, which override built-in entries of the same
    name) and the learned file (``settings.learned_path``)."""
    d = settings.data_dir / "knowledge"
    countries, regions = load_countries(d / "countries.tsv"), load_regions(d / "regions.tsv")
    known = frozenset({c.code for c in countries} | {r.code for r in regions} | set(NON_STATE))
    user_people, user_groups = load_user_files(settings.knowledge_files, known)
    spellings = load_spellings(d / "spellings.tsv")
    kb = KnowledgeBase(
        countries=countries,
        metonyms=load_metonyms(d / "metonyms.tsv"),
        igos=load_igos(d / "igos.tsv", spellings),
        regions=regions,
        roles=load_roles(d / "roles.tsv"),
        people=user_people + load_people(d / "people.tsv"),
        groups=user_groups + load_groups(d / "groups.tsv", spellings=spellings) + load_peoples(d / "peoples.tsv"),
        learned=read_learned(settings.learned_path),
        places=MappingProxyType({**load_places(d / "places_extra.tsv"), **load_places(d / "places.tsv")}),
        shared_places=MappingProxyType(load_shared_places(d / "places_shared.tsv")),
    )
    log.debug("knowledge: %d countries, %d people, %d groups, %d learned", len(kb.countries),
              len(kb.people), len(kb.groups), len(kb.learned))
    return kb
