# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import _, api, fields, models

from stockops.policy.profiles import ProfileScope, resolve_profile

_logger = logging.getLogger(__name__)

CHUNK_SIZE = 500


class StockPolicyRun(models.Model):
    """One run of the policy: which products were planned, which were skipped and why.

    The run works warehouse by warehouse in chunks of products: one bulk read of the
    history per chunk, one engine call, one write of the reorder rules. A product that
    fails is logged and skipped; the rest of its chunk is planned all the same.
    """

    _name = "stock.policy.run"
    _description = "Inventory Policy Run"
    _order = "id desc"

    name = fields.Char(default=lambda self: _("Policy run"), required=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    state = fields.Selection(
        [("running", "Running"), ("done", "Done"), ("partial", "Done with skips")],
        default="running",
        readonly=True,
    )
    planned_count = fields.Integer("Products Planned", readonly=True)
    skipped_count = fields.Integer("Products Skipped", readonly=True)
    log = fields.Text(readonly=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.model
    def _cron_run(self):
        self.sudo()._execute(commit=True)

    def action_run_now(self):
        """The planner's button: run now, then show the run."""
        run = self._execute(commit=False)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": run.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.model
    def _execute(self, warehouses=None, commit=False, chunk_size=CHUNK_SIZE, products=None):
        """Plan ``warehouses`` (every warehouse of the user's companies by default), only
        ``products`` of them when given (the demo plans a few)."""
        run = self.create({})
        warehouses = warehouses or self.env["stock.warehouse"].search(
            [("company_id", "in", self.env.companies.ids)]
        )
        scopes = self._profile_scopes()
        lines, planned, skipped = [], 0, 0
        for warehouse in warehouses:
            to_plan = self._products_to_plan(warehouse)
            if products is not None:
                to_plan &= products
            for start in range(0, len(to_plan), chunk_size):
                chunk = to_plan[start : start + chunk_size]
                done, errors = self._plan_chunk_safely(warehouse, chunk, scopes)
                planned += done
                skipped += len(errors)
                lines += errors
                if commit:
                    self.env.cr.commit()  # pylint: disable=invalid-commit
        network_failed = self._network_pass(warehouses, products)
        lines += network_failed
        run.write(
            {
                "state": "partial" if skipped or network_failed else "done",
                "planned_count": planned,
                "skipped_count": skipped,
                "log": "\n".join(lines) or _("Every product was planned."),
            }
        )
        return run

    def _profile_scopes(self):
        profiles = self.env["stock.policy.profile"].search([])
        return profiles, [
            ProfileScope(
                p.id,
                p.sequence,
                frozenset(p.product_ids.ids),
                frozenset(p.categ_ids.ids),
                frozenset(p.warehouse_ids.ids),
                frozenset([p.abc_class] if p.abc_class else []),
                frozenset([p.xyz_class] if p.xyz_class else []),
            )
            for p in profiles
        ]

    def _products_to_plan(self, warehouse):
        """Storable products that shipped from the warehouse in the last year (in Odoo or
        in the imported history) or already have a reorder rule there: one grouped query
        each."""
        year_ago = fields.Datetime.subtract(fields.Datetime.now(), days=364)
        shipped = self.env["stock.move"]._read_group(
            [
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
                ("location_id.warehouse_id", "=", warehouse.id),
                ("date", ">=", year_ago),
            ],
            ["product_id"],
        )
        imported = self.env["stock.policy.legacy.demand"]._read_group(
            [("warehouse_id", "=", warehouse.id), ("week_start", ">=", year_ago.date())],
            ["product_id"],
        )
        ruled = self.env["stock.warehouse.orderpoint"].search([("warehouse_id", "=", warehouse.id)])
        products = (
            self.env["product.product"].union(*(p for (p,) in shipped + imported))
            | ruled.product_id
        )
        return products.filtered("is_storable").sorted("id")

    def _plan_chunk_safely(self, warehouse, products, scopes):
        """Plan a chunk; when it fails, plan its products one by one so a single bad
        product is skipped with its error, not the chunk."""
        try:
            with self.env.cr.savepoint():
                return self._plan_chunk(warehouse, products, scopes), []
        except Exception as err:  # any failure: fall back to one by one
            _logger.info("policy chunk failed (%s), planning one by one", err)
        done, errors = 0, []
        for product in products:
            try:
                with self.env.cr.savepoint():
                    done += self._plan_chunk(warehouse, product, scopes)
            except Exception as err:  # logged on the run, the run goes on
                errors.append(f"{warehouse.code} / {product.display_name}: {err}")
                _logger.warning("policy skipped %s: %s", product.display_name, err)
        return done, errors

    def _choose_profiles(self, warehouse, products, scopes):
        profiles, scope_list = scopes
        by_id = {p.id: p for p in profiles}
        classes = self.env["stock.policy.abc"].search_fetch(
            [("warehouse_id", "=", warehouse.id), ("product_id", "in", products.ids)],
            ["product_id", "value_class", "xyz_class"],
        )
        class_of = {row.product_id.id: (row.value_class, row.xyz_class) for row in classes}
        chosen = {}
        for product in products:
            path = [int(x) for x in (product.categ_id.parent_path or "").split("/") if x]
            abc, xyz = class_of.get(product.id, (None, None))
            choice = resolve_profile(product.id, path, warehouse.id, scope_list, abc, xyz)
            chosen[product.id] = (by_id.get(choice.profile_id), choice.reason)
        return chosen
