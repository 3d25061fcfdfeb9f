# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io

import xlsxwriter

from odoo import fields, models
from odoo.addons.stock_policy.tools.ageing_xlsx import export_rows


class WmsKpiValue(models.Model):
    _inherit = "wms.kpi.value"

    def action_export_xlsx(self):
        """The selected figures (all, from the list's action menu) as a formatted workbook:
        a sheet per period kind (day, week, month), one row per warehouse and KPI with its
        side and unit, one column per period, and the average of each row."""
        figures = export_rows(self, [])
        out = io.BytesIO()
        book = xlsxwriter.Workbook(out, {"in_memory": True})
        formats = {
            "head": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
            "share": book.add_format({"num_format": "0.0%"}),
            "number": book.add_format({"num_format": "#,##0.00"}),
            "total_share": book.add_format({"bold": True, "num_format": "0.0%", "top": 1}),
            "total_number": book.add_format({"bold": True, "num_format": "#,##0.00", "top": 1}),
        }
        for period, title in self._fields["period"]._description_selection(self.env):
            chosen = figures.filtered(lambda f, p=period: f.period == p)
            if chosen:
                self._export_sheet(book.add_worksheet(title), chosen, formats)
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

    def _export_sheet(self, sheet, figures, formats):
        starts = sorted(set(figures.mapped("date_start")))
        rows = sorted(
            {(f.warehouse_id, f.kpi) for f in figures},
            key=lambda r: (r[0].name, figures.filtered(lambda f, k=r[1]: f.kpi == k)[:1].sequence),
        )
        value = {(f.warehouse_id, f.kpi, f.date_start): f for f in figures}
        labels = dict(self._fields["kpi"]._description_selection(self.env))
        sides = dict(self._fields["side"]._description_selection(self.env))
        titles = ["Warehouse", "Side", "KPI", "Unit", *(str(s) for s in starts), "Average"]
        for col, title in enumerate(titles):
            sheet.write(0, col, title, formats["head"])
        first = 4
        for r, (warehouse, kpi) in enumerate(rows, start=1):
            series = [value.get((warehouse, kpi, s)) for s in starts]
            sample = next(f for f in series if f)
            kind = "share" if sample.unit == "share" else "number"
            sheet.write(r, 0, warehouse.name)
            sheet.write(r, 1, sides.get(sample.side, ""))
            sheet.write(r, 2, labels[kpi])
            sheet.write(r, 3, "%" if kind == "share" else sample.unit or "")
            measured = []
            for c, figure in enumerate(series, start=first):
                if figure and figure.measured:
                    sheet.write_number(r, c, figure.value, formats[kind])
                    measured.append(figure.value)
            if measured:
                average = sum(measured) / len(measured)
                sheet.write_number(r, first + len(starts), average, formats[f"total_{kind}"])
        sheet.freeze_panes(1, first)
        sheet.set_column(0, 2, 22)
        sheet.set_column(3, first + len(starts), 12)
