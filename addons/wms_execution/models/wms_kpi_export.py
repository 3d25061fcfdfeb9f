# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io

import xlsxwriter

from odoo import fields, models


class WmsKpiValue(models.Model):
    _inherit = "wms.kpi.value"

    def action_export_xlsx(self):
        """The selected figures (all, from the list's action menu) as a formatted workbook:
        one row per KPI, one column per week, a header, frozen panes, number formats per
        unit, and the average of each row."""
        figures = self or self.search([])
        weeks = sorted(set(figures.mapped("week_start")))
        rows = sorted({(f.warehouse_id, f.kpi) for f in figures}, key=lambda r: (r[0].name, r[1]))
        value = {(f.warehouse_id, f.kpi, f.week_start): f for f in figures}
        labels = dict(self._fields["kpi"]._description_selection(self.env))
        out = io.BytesIO()
        book = xlsxwriter.Workbook(out, {"in_memory": True})
        sheet = book.add_worksheet("Scorecard")
        head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        share = book.add_format({"num_format": "0.0%"})
        number = book.add_format({"num_format": "0.00"})
        total = book.add_format({"bold": True, "num_format": "0.00", "top": 1})
        total_share = book.add_format({"bold": True, "num_format": "0.0%", "top": 1})
        titles = ["Warehouse", "KPI", *(str(w) for w in weeks), "Average"]
        for col, title in enumerate(titles):
            sheet.write(0, col, title, head)
        for r, (warehouse, kpi) in enumerate(rows, start=1):
            sheet.write(r, 0, warehouse.name)
            sheet.write(r, 1, labels[kpi])
            measured = []
            for c, week in enumerate(weeks, start=2):
                figure = value.get((warehouse, kpi, week))
                if figure and figure.measured:
                    fmt = share if figure.unit == "share" else number
                    sheet.write_number(r, c, figure.value, fmt)
                    measured.append(figure.value)
            if measured:
                unit = value[next(k for k in value if k[:2] == (warehouse, kpi))].unit
                fmt = total_share if unit == "share" else total
                sheet.write_number(r, len(weeks) + 2, sum(measured) / len(measured), fmt)
        sheet.freeze_panes(1, 2)
        sheet.set_column(0, 1, 24)
        sheet.set_column(2, len(weeks) + 2, 12)
        book.close()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"scorecard-{fields.Date.context_today(self)}.xlsx",
                "datas": base64.b64encode(out.getvalue()),
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
