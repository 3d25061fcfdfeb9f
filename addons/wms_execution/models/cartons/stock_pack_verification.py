# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class StockPackageType(models.Model):
    _inherit = "stock.package.type"

    wms_weight_tolerance_pct = fields.Float(
        "Weight Tolerance (%)", default=5.0,
        help="A packed carton whose scale weight differs from the expected weight (contents "
        "plus the empty carton) by more than this is stopped.",
    )  # fmt: skip


class StockQuantPackage(models.Model):
    """Pack verification: the carton is weighed; a weight off its expected weight by more
    than its type's tolerance stops the carton and opens an exception, and the transfer
    cannot ship until a supervisor releases it."""

    _inherit = "stock.quant.package"

    wms_expected_weight = fields.Float(
        "Expected Weight (kg)", compute="_compute_wms_expected_weight", digits=(10, 3)
    )
    wms_measured_weight = fields.Float(
        "Scale Weight (kg)", digits=(10, 3), help="Type or scan the scale's reading."
    )
    wms_pack_state = fields.Selection(
        [("verified", "Weight verified"), ("stopped", "Stopped: weight mismatch")],
        string="Pack Check", readonly=True,
    )  # fmt: skip

    @api.depends("quant_ids.quantity", "package_type_id.base_weight")
    def _compute_wms_expected_weight(self):
        """Contents (packed lines, or the quants once shipped into it) plus the empty
        carton: one read of the packed lines for all packages."""
        lines = self.env["stock.move.line"].search(
            [("result_package_id", "in", self.ids), ("state", "!=", "cancel")]
        )
        packed = {}
        for line in lines:
            weight = line.quantity_product_uom * line.product_id.weight
            packed[line.result_package_id.id] = packed.get(line.result_package_id.id, 0.0) + weight
        for package in self:
            content = packed.get(package.id)
            if content is None:
                content = sum(q.quantity * q.product_id.weight for q in package.quant_ids)
            package.wms_expected_weight = content + (package.package_type_id.base_weight or 0.0)

    def write(self, vals):
        # a reading typed on the form is checked like one from the scale
        measured = vals.pop("wms_measured_weight", None)
        result = super().write(vals) if vals else True
        if measured is not None and not self.env.context.get("wms_weighing"):
            for package in self:
                package.action_wms_weigh(measured)
        elif measured is not None:
            result = super().write({"wms_measured_weight": measured})
        return result

    def action_wms_weigh(self, measured_kg):
        """Record the scale's weight; stop the carton when it is out of tolerance."""
        self.ensure_one()
        if measured_kg <= 0:
            raise UserError(_("The scale read %(w)s kg: weigh the carton again.", w=measured_kg))
        expected = self.wms_expected_weight
        tolerance = (self.package_type_id.wms_weight_tolerance_pct or 0.0) / 100.0
        off = abs(measured_kg - expected) / expected if expected else 1.0
        weighing = self.with_context(wms_weighing=True)
        if off <= tolerance:
            weighing.write({"wms_measured_weight": measured_kg, "wms_pack_state": "verified"})
            return True
        weighing.write({"wms_measured_weight": measured_kg, "wms_pack_state": "stopped"})
        picking = (
            self.env["stock.move.line"]
            .search([("result_package_id", "=", self.id)], limit=1)
            .picking_id
        )
        self.env["wms.exception"].sudo().create(
            {
                "name": _("Carton %(pkg)s weighs %(m).2f kg, expected %(e).2f kg",
                          pkg=self.name, m=measured_kg, e=expected),
                "kind": "weight_mismatch",
                "warehouse_id": picking.picking_type_id.warehouse_id.id,
                "picking_id": picking.id,
                "quantity": measured_kg - expected,
            }
        )  # fmt: skip
        return False

    def action_wms_release(self):
        """A supervisor releases a stopped carton after checking it."""
        if not self.env.user.has_group("wms_execution.group_wms_supervisor"):
            raise UserError(_("Only a warehouse supervisor can release a stopped carton."))
        self.write({"wms_pack_state": "verified"})


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        stopped = self.move_line_ids.result_package_id.filtered(
            lambda p: p.wms_pack_state == "stopped"
        )
        if stopped:
            raise UserError(
                _("Carton(s) %(names)s failed the weight check: open the exception, fix the "
                  "carton and have a supervisor release it.",
                  names=", ".join(stopped.mapped("name")))
            )  # fmt: skip
        return super().button_validate()
