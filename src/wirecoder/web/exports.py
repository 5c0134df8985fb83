"""CSV and JSON downloads of what a dashboard page shows (the rows come from the store library)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Mapping, Sequence

from fastapi.responses import Response


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return value


def csv_text(columns: Sequence[str], records: Iterable[Mapping[str, Any]]) -> str:
    """RFC 4180 CSV with a header row; a cell starting with ``=``, ``+``, ``-`` or ``@`` (a
    spreadsheet formula) is prefixed with ``'`` so opening the file runs nothing."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        row = []
        for name in columns:
            cell = _cell(record.get(name))
            if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@") and not _number(cell):
                cell = "'" + cell
            row.append(cell)
        writer.writerow(row)
    return out.getvalue()


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_response(columns: Sequence[str], records: Iterable[Mapping[str, Any]], filename: str, *,
                 total: int | None = None) -> Response:
    headers = {"Content-Disposition": f'inline; filename="{filename}"'}
    if total is not None:
        headers["X-Total-Count"] = str(total)
    return Response(csv_text(columns, records), media_type="text/csv; charset=utf-8", headers=headers)


def json_response(payload: Mapping[str, Any], *, total: int | None = None) -> Response:
    headers = {"X-Total-Count": str(total)} if total is not None else {}
    return Response(json.dumps(payload, ensure_ascii=False, default=str), media_type="application/json",
                    headers=headers)
