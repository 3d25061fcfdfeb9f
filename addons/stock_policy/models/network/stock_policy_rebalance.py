# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

#: what the run writes on a proposal: only the run makes or rewrites one
PROPOSAL_FIGURES = frozenset({
    "product_id", "source_warehouse_id", "dest_warehouse_id", "units", "transfer_cost",
    "stockout_cost_avoided", "reason", "source_free_qty", "dest_free_qty", "state",
    "picking_id", "approved_by_id", "approved_date",
})  # fmt: skip


class StockPolicyRebalance(models.Model):
    """A proposal to move units of a product from a warehouse with stock to spare to one
    that will run short before its next receipt, with its cost against the stockout it
    avoids; a planner approves it into an inter-warehouse transfer."""

    _name = "stock.policy.rebalance"
    _description = "Rebalancing Proposal"
    _order = "state, stockout_cost_avoided desc, id"
    _rec_name = "product_id"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    product_id = fields.Many2one("product.product", required=True, readonly=True)
    source_warehouse_id = fields.Many2one("stock.warehouse", "From", required=True, readonly=True)
    dest_warehouse_id = fields.Many2one("stock.warehouse", "To", required=True, readonly=True)
    units = fields.Float(digits="Product Unit of Measure", readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    transfer_cost = fields.Monetary(readonly=True, help="What the transfer costs.")
    stockout_cost_avoided = fields.Monetary(
        readonly=True,
        help="The units the destination would be short before its next receipt that this "
        "transfer covers, at the product's sales price.",
    )
    reason = fields.Text("Why", readonly=True)
    source_free_qty = fields.Float(
        "Free at Source (when proposed)", digits="Product Unit of Measure", readonly=True
    )
    dest_free_qty = fields.Float(
        "Free at Destination (when proposed)", digits="Product Unit of Measure", readonly=True
    )
    state = fields.Selection(
        [("proposed", "Proposed"), ("approved", "Approved")],
        default="proposed",
        required=True,
        readonly=True,
    )
    picking_id = fields.Many2one("stock.picking", "Transfer", readonly=True)
    approved_by_id = fields.Many2one("res.users", "Approved by", readonly=True)
    approved_date = fields.Datetime("Approved On", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_planner()
        return super().create(vals_list)

    def write(self, vals):
        if PROPOSAL_FIGURES.intersection(vals) and not self.env.context.get("rebalance_approve"):
            self._check_planner(_("A proposal's figures come from the policy run."))
        return super().write(vals)

    def _check_planner(self, message=None):
        if self.env.su or self.env.user.has_group("stock_policy.group_inventory_planner"):
            return
        raise AccessError(
            message or _("Rebalancing proposals are an inventory planner's to make and approve.")
        )

    def _stale_reason(self, free):
        """Why the proposal no longer holds (the free stock at either end moved since it
        was made), or ''."""
        digits = self.product_id.uom_id.rounding
        src = free[self.source_warehouse_id.id].get(self.product_id.id, 0.0)
        dst = free[self.dest_warehouse_id.id].get(self.product_id.id, 0.0)
        moved = []
        if float_compare(src, self.source_free_qty, precision_rounding=digits):
            moved.append(
                _("%(wh)s's free stock went from %(was)g to %(now)g",
                  wh=self.source_warehouse_id.code, was=self.source_free_qty, now=src)
            )  # fmt: skip
        if float_compare(dst, self.dest_free_qty, precision_rounding=digits):
            moved.append(
                _("%(wh)s's free stock went from %(was)g to %(now)g",
                  wh=self.dest_warehouse_id.code, was=self.dest_free_qty, now=dst)
            )  # fmt: skip
        return "; ".join(moved)

    def action_approve(self):
        """Approve into an inter-warehouse transfer along the destination's resupply route
        from the source (Odoo's procurement: source stock -> transit -> destination).
        Refused with a message, nothing changed: already approved, or stock moved since
        the proposal (run the policy again)."""
        self._check_planner()
        run = self.env["stock.policy.run"]
        problems = []
        for proposal in self:
            if proposal.state == "approved":
                problems.append(
                    _("%(product)s %(src)s → %(dst)s was already approved as %(picking)s.",
                      product=proposal.product_id.display_name,
                      src=proposal.source_warehouse_id.code,
                      dst=proposal.dest_warehouse_id.code,
                      picking=proposal.picking_id.name or _("a transfer"))
                )  # fmt: skip
        if problems:
            raise UserError("\n".join(problems))
        warehouses = self.source_warehouse_id | self.dest_warehouse_id
        free = {w.id: run._free_stock(w, self.product_id) for w in warehouses}
        routes = self.env["stock.route"].search(
            [
                ("supplier_wh_id", "in", self.source_warehouse_id.ids),
                ("supplied_wh_id", "in", self.dest_warehouse_id.ids),
            ]
        )
        route_of = {(r.supplier_wh_id.id, r.supplied_wh_id.id): r for r in routes}
        for proposal in self:
            stale = proposal._stale_reason(free)
            if stale:
                problems.append(
                    _("%(product)s %(src)s → %(dst)s is out of date: %(why)s. Run the policy "
                      "again for a fresh proposal.",
                      product=proposal.product_id.display_name,
                      src=proposal.source_warehouse_id.code,
                      dst=proposal.dest_warehouse_id.code, why=stale)
                )  # fmt: skip
            elif (proposal.source_warehouse_id.id, proposal.dest_warehouse_id.id) not in route_of:
                problems.append(
                    _("%(dst)s is not resupplied by %(src)s any more (no resupply route).",
                      src=proposal.source_warehouse_id.code,
                      dst=proposal.dest_warehouse_id.code)
                )  # fmt: skip
        if problems:
            raise UserError("\n".join(problems))
        for proposal in self:
            route = route_of[proposal.source_warehouse_id.id, proposal.dest_warehouse_id.id]
            proposal._make_transfer(route)
        return True

    def _make_transfer(self, route):
        dest = self.dest_warehouse_id
        group = self.env["procurement.group"].create({"name": _("Rebalance %s", self.id)})
        procurement = self.env["procurement.group"].Procurement(
            self.product_id,
            self.units,
            self.product_id.uom_id,
            dest.lot_stock_id,
            self.product_id.display_name,
            _("Rebalancing %(src)s → %(dst)s", src=self.source_warehouse_id.code, dst=dest.code),
            dest.company_id,
            {
                "route_ids": route,
                "warehouse_id": dest,
                "group_id": group,
                "date_planned": fields.Datetime.now(),
            },
        )
        self.env["procurement.group"].run([procurement])
        pickings = self.env["stock.picking"].search([("group_id", "=", group.id)])
        out = pickings.filtered(
            lambda p: p.picking_type_id.warehouse_id == self.source_warehouse_id
        ).sorted("id")
        self.with_context(rebalance_approve=True).write(
            {
                "state": "approved",
                "picking_id": (out or pickings)[:1].id,
                "approved_by_id": self.env.user.id,
                "approved_date": fields.Datetime.now(),
            }
        )

    def action_open_transfer(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": self.picking_id.id,
            "view_mode": "form",
        }
