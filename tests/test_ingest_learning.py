"""Ingest remembers people coded from a title, so a later article naming them bare is coded."""
from __future__ import annotations

import datetime as dt

from wirecoder import Coder, Settings
from wirecoder.store import ingest


def test_ingest_learns_titled_people_for_later_articles(tmp_path, coder):
    settings = Settings(learned_path=tmp_path / "learned.tsv")
    first = tmp_path / "first.txt"
    first.write_text("Kenyan Foreign Minister Amara Wekesa criticised the decision on Monday, "
                     "calling it a violation of the agreement.\n", encoding="utf-8")
    summary = ingest([str(first)], tmp_path / "events.duckdb", settings=settings,
                     published=dt.date(2025, 3, 3), coder=coder)
    assert summary.coded == 1
    assert (tmp_path / "learned.tsv").exists()

    later = Coder(settings, nlp=coder.nlp).code("Amara Wekesa arrived in Nairobi on Tuesday.",
                                                 published="2025-03-10")
    wekesa = next(a for a in later.actors if a.name.endswith("Wekesa"))
    assert wekesa.code == "KENGOV"
    assert wekesa.resolved_by == "knowledge"

    unlearned = coder.code("Amara Wekesa arrived in Nairobi on Tuesday.", published="2025-03-10")
    assert all(a.code != "KENGOV" for a in unlearned.actors if a.name.endswith("Wekesa"))
