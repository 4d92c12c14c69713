#!/usr/bin/env python3
"""Opens an XLSX file with openpyxl (installed by .ci/setup) and prints each sheet as JSON lines:
{"sheet", "rows", "columns", "freeze", "headerBold", "header", "second", "widths"}. Exits 1 when it does not open."""
import json
import sys

import openpyxl

try:
    workbook = openpyxl.load_workbook(sys.argv[1])
except Exception as error:  # noqa: BLE001 - any failure to open is the finding
    print(f"cannot open: {error}")
    sys.exit(1)
for sheet in workbook:
    rows = list(sheet.iter_rows(values_only=True))
    print(json.dumps({
        "sheet": sheet.title,
        "rows": sheet.max_row,
        "columns": sheet.max_column,
        "freeze": sheet.freeze_panes,
        "headerBold": bool(sheet["A1"].font.b),
        "header": list(rows[0]) if rows else [],
        "second": [v for v in rows[1]] if len(rows) > 1 else [],
        "widths": [sheet.column_dimensions[c].width for c in "ABC"],
    }, ensure_ascii=False))
