# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError

from stockops.execution.putaway import check


class StockMoveLine(models.Model):
    """No stock in an impossible place: when lines are posted into bins of a warehouse
    with directed put-away, each bin must take them — not blocked, of a storage category
    that admits the product, within its volume, weight and unit count, mixing and hazard
    rules. Otherwise nothing is posted and the message names the bin, the rule broken
    and the next best bin; a supervisor may accept the bin anyway with a reason on the
    line. Postings in superuser mode (data loading) and imported history are trusted."""

    _name = "stock.move.line"
    _inherit = ["stock.move.line", "wms.supervisor.reason"]
    _wms_supervisor_reasons = {"wms_override_reason": "wms_override_by"}

    wms_override_reason = fields.Char(
        "Supervisor Override",
        copy=False,
        help="Why a supervisor lets this line go to a bin the rules refuse (full, blocked, "
        "wrong category).",
    )
    wms_override_by = fields.Many2one("res.users", "Override By", readonly=True, copy=False)

    def _action_done(self):
        if not (self.env.su or self.env.context.get("wms_history_import")):
            problems = self._wms_bin_problems()
            if problems:
                raise UserError(
                    _(
                        "Not posted — these bins cannot take the units:\n%(lines)s\nMove "
                        "the units to the bin suggested, or have a supervisor accept the bin "
                        "with a reason in 'Supervisor Override' on the line.",
                        lines="\n".join(problems.values()),
                    )
                )
        return super()._action_done()

    def _wms_checked(self, into=None):
        """The lines whose bin is checked: into a bin (theirs, or ``into``) with a storage
        category, in a warehouse with directed put-away."""
        return self.filtered(
            lambda ml: (
                (into or ml.location_dest_id).usage == "internal"
                and (into or ml.location_dest_id).storage_category_id
                and (into or ml.location_dest_id).warehouse_id.wms_directed_putaway
                and ml.state not in ("done", "cancel")
            )
        )

    def _wms_bin_problems(self, into=None):
        """{(bin, product): sentence} for each group of these lines its bin cannot take
        (a group with a supervisor's override on one of its lines is accepted whole):
        the bin's stock and the other open lines into it are counted, these lines' other
        products too (one load read per group, one engine check). ``into``: check them as
        if they all went into that bin (a scan of another bin)."""
        lines = self._wms_checked(into)
        groups = {}
        for line in lines:
            key = (into or line.location_dest_id, line.product_id)
            groups[key] = groups.get(key, self.browse()) | line
        problems = {}
        for (bin_, product), own in groups.items():
            if any(own.mapped("wms_override_reason")):
                continue  # a supervisor accepted this bin for these units
            item, _missing = bin_._wms_item(product, sum(own.mapped("quantity_product_uom")))
            if item is None:
                continue  # no dimensions: what can be checked is weight, done by Odoo
            rows = bin_._wms_bin_rows([bin_.id])
            # units these lines take out of the bin leave it in the same posting (a swap)
            leaving = [
                (bin_.id, ml.product_id.id, ml.lot_id.id, ml.quantity_product_uom)
                for ml in self.filtered(lambda ml, b=bin_: ml.location_id == b)
            ]
            load = bin_.with_context(exclude_sml_ids=set(own.ids))._wms_load(
                bin_, product, {}, leaving
            )
            why = check(bin_._wms_bin_state(rows, load, item), item)[0]
            if why:
                problems[bin_, product] = self._wms_problem_sentence(bin_, product, own, why)
        return problems

    def _wms_problem_sentence(self, bin_, product, lines, why):
        qty = sum(lines.mapped("quantity"))
        area = lines[:1].move_id.location_dest_id
        if area.wms_aisle_id or not area:
            area = bin_.warehouse_id.lot_stock_id
        # the next best bins, as directed put-away would choose them now without this one
        other, reason, plan = area.with_context(
            exclude_sml_ids=set(lines.ids), wms_exclude_bin_ids={bin_.id}
        )._wms_direct(product, lines[:1].product_uom_id._compute_quantity(qty, product.uom_id), {})
        if other:
            names = dict(self.env["stock.location"].browse([b for b, _q in plan.placements])
                         .mapped(lambda b: (b.id, b.display_name)))  # fmt: skip
            alternative = _(
                "Next best: %(bins)s — %(why)s.",
                bins=", ".join(f"{names[b]} takes {q:g}" for b, q in plan.placements),
                why=reason,
            )
        else:
            alternative = _(
                "No other bin takes them now (%(why)s): leave them in %(area)s.",
                why=reason, area=area.display_name,
            )  # fmt: skip
        return _(
            "%(bin)s cannot take %(qty)s %(uom)s %(p)s: %(why)s. %(alt)s",
            bin=bin_.display_name,
            qty=qty,
            uom=lines[:1].product_uom_id.name,
            p=product.display_name,
            why=why,
            alt=alternative,
        )
