"""A list's rows written whole as a file: CSV (with a byte-order mark on request, which Excel
needs to read UTF-8 as such), JSON, or an Excel workbook (openpyxl)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from polgraph.server.answers.content import Content

FORMATS = ("csv", "json", "xlsx")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
BOM = "\ufeff"
# A spreadsheet reads a cell starting with one of these as a formula: such a cell is written
# with an apostrophe before it in CSV (the usual defence), and as a text cell in a workbook.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot carry, which openpyxl refuses: a report could hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

Cell = str | int | None


def written(
    file_format: str, name: str, columns: Sequence[str], rows: list[list[Cell]], bom: bool = False
) -> Content:
    """The rows under their columns as a ``file_format`` file; ``name`` titles the sheet."""
    if file_format == "csv":
        return Content(MEDIA_TYPES["csv"], csv_bytes(columns, rows, bom))
    if file_format == "json":
        return Content(MEDIA_TYPES["json"], json_bytes(name, columns, rows))
    return Content(MEDIA_TYPES["xlsx"], xlsx_bytes(name, columns, rows))


def csv_bytes(columns: Sequence[str], rows: list[list[Cell]], bom: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([_csv_cell(cell) for cell in row] for row in rows)
    return ((BOM if bom else "") + out.getvalue()).encode("utf-8")


def _csv_cell(cell: Cell) -> Cell:
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return "" if cell is None else cell


def json_bytes(name: str, columns: Sequence[str], rows: list[list[Cell]]) -> bytes:
    body: dict[str, Any] = {
        "list": name,
        "total": len(rows),
        "columns": list(columns),
        "rows": [dict(zip(columns, row, strict=True)) for row in rows],
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def xlsx_bytes(name: str, columns: Sequence[str], rows: list[list[Cell]]) -> bytes:
    book = Workbook(write_only=True)  # rows go straight to the file, not kept as cell objects
    sheet = book.create_sheet(title=name[:31])
    sheet.append(list(columns))
    for row in rows:
        sheet.append([_xlsx_cell(sheet, cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(sheet: Any, cell: Cell) -> Any:
    if not isinstance(cell, str):
        return cell
    cell = _NOT_XML.sub("", cell)
    if cell.startswith("="):  # openpyxl would write it as a formula
        text = WriteOnlyCell(sheet, value=cell)
        text.data_type = "s"
        return text
    return cell
