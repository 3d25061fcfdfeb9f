# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class WmsScan(models.AbstractModel):
    """A bin scanned for a put-away must take the units (capacity, blocked, category,
    mixing, hazard): otherwise the scan is refused at once, naming the rule and the next
    best bins, and nothing is posted."""

    _inherit = "wms.scan"

    def _putaway_bin_problem(self, lines, where):
        problem = super()._putaway_bin_problem(lines, where)
        if problem or where.get("type") != "location":
            return problem
        bin_ = self.env["stock.location"].browse(where["id"])
        problems = lines._wms_bin_problems(into=bin_)
        return "\n".join(problems.values()) or None
