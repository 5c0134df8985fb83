"""The SQL examples of docs/scale.md run as written on the Parquet folders wirecoder writes,
also when no article has a publication date (only the undated partition exists)."""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_parallel import article, coded_for  # noqa: E402
from wirecoder.parallel import write_parquet  # noqa: E402

SCALE = Path(__file__).resolve().parents[1] / "docs" / "scale.md"


def scale_sql() -> list[str]:
    """The statements of the guide's first SQL block, in order."""
    block = re.search(r"```sql\n(.*?)```", SCALE.read_text(encoding="utf-8"), re.S).group(1)
    code = "\n".join(line for line in block.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in code.split(";") if s.strip()]


@pytest.mark.parametrize("published, expected_rows, expected_undated", [
    ([None, None], 0, 2),                                             # only the undated partition
    ([dt.date(2025, 3, 14), None], 1, 1),
    ([dt.date(2025, 3, 14), dt.date(2025, 3, 20)], 2, 0),
])
def test_scale_guide_sql_runs_and_counts_what_it_leaves_out(tmp_path, published, expected_rows,
                                                            expected_undated):
    records = []
    for i, day in enumerate(published, 1):
        coded = coded_for(article(i, published=day))
        # the text gives no date: the event's own date is unknown
        event = coded.events[0].__class__(**{**{f: getattr(coded.events[0], f)
                                               for f in coded.events[0].__dataclass_fields__}, "date": None})
        records.append(coded.__class__(coded.article, coded.sentences, coded.actors, (event,), coded.quotes))
    write_parquet(records, tmp_path / "out")
    counts, undated, joined = (duckdb.sql(stmt.replace("'out/", f"'{tmp_path}/out/")).fetchall()
                               for stmt in scale_sql())
    assert len(counts) == expected_rows
    assert all(row[1] is True for row in counts)                   # marked: by publication date
    assert undated == [(expected_undated,)]
    assert len(joined) == len(published)
