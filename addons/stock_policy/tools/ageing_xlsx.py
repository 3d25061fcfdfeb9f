# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A list of rows as a formatted workbook: header, frozen panes, number formats per column
and a totals row (SUM formulas with their values cached, so readers that do not calculate
see the totals too)."""

import base64
import io

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import fields
from odoo.exceptions import UserError

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: column kind -> (xlsxwriter number format or None, width, summed in the totals row)
KINDS = {
    "text": (None, 24, False),
    "long": (None, 60, False),
    "qty": ("#,##0.00", 12, True),
    "money": ("#,##0.00", 14, True),
    "count": ("0", 10, True),
    "days": ("0", 10, False),
    "pct": ("0.0", 10, False),
    "date": ("yyyy-mm-dd", 12, False),
}


def workbook_bytes(sheet_name, columns, rows, title=None):
    """``columns``: (title, kind) pairs; ``rows``: lists of values in column order (None
    leaves a cell empty). Returns the .xlsx file's bytes."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "remove_timezone": True})
    sheet = book.add_worksheet(sheet_name[:31])
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    formats, totals = [], []
    for _title, kind in columns:
        num_format, _width, _summed = KINDS[kind]
        formats.append(book.add_format({"num_format": num_format} if num_format else {}))
        totals.append(book.add_format({"bold": True, "top": 1, "num_format": num_format or "@"}))
    top = 0
    if title:
        sheet.write(0, 0, title, book.add_format({"bold": True, "font_size": 12}))
        top = 2
    for col, (name, kind) in enumerate(columns):
        sheet.write(top, col, name, head)
        sheet.set_column(col, col, KINDS[kind][1])
    first = top + 1
    for r, row in enumerate(rows, start=first):
        for c, cell in enumerate(row):
            if cell is None or cell is False:
                continue
            if columns[c][1] == "date":
                sheet.write_datetime(r, c, fields.Datetime.to_datetime(cell), formats[c])
            elif isinstance(cell, (int, float)):
                sheet.write_number(r, c, cell, formats[c])
            else:
                sheet.write_string(r, c, str(cell), formats[c])
    last = first + len(rows)
    sheet.write(last, 0, "Total", totals[0])
    for c, (_name, kind) in enumerate(columns):
        if c == 0 or not KINDS[kind][2]:
            continue
        total = sum(row[c] or 0.0 for row in rows)
        if rows:
            span = f"{xl_rowcol_to_cell(first, c)}:{xl_rowcol_to_cell(last - 1, c)}"
            sheet.write_formula(last, c, f"=SUM({span})", totals[c], total)
        else:
            sheet.write_number(last, c, 0.0, totals[c])
    sheet.freeze_panes(first, 2 if len(columns) > 2 else 1)
    sheet.autofilter(top, 0, max(last - 1, top), len(columns) - 1)
    book.close()
    return out.getvalue()


def export_rows(records, domain):
    """The records an export writes: the selected ``records``, else those of ``domain``.
    Selected records that are gone (a newer run replaced them) are refused with a message
    rather than failing half-way through the workbook."""
    if not records:
        return records.search(domain)
    rows = records.exists()
    if len(rows) != len(records):
        raise UserError(
            records.env._(
                "%(n)s of the selected lines are gone (a newer run replaced them): reload "
                "the list and export again.",
                n=len(records) - len(rows),
            )
        )
    return rows


def download_action(env, filename, data):
    """An attachment holding ``data`` and the action that downloads it."""
    attachment = env["ir.attachment"].create(
        {"name": filename, "datas": base64.b64encode(data), "mimetype": XLSX_MIMETYPE}
    )
    return {
        "type": "ir.actions.act_url",
        "url": f"/web/content/{attachment.id}?download=true",
        "target": "self",
    }
