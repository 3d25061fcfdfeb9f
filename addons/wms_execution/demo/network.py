# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter
from datetime import datetime, time, timedelta

from odoo import models

#: full weeks of customer demand the regional warehouse has shipped
REGIONAL_WEEKS = 12
#: the regional's share of a weekday's demand, Monday first (closed at the weekend)
WEEKDAY = (1.2, 1.0, 0.8, 1.1, 0.9, 0.0, 0.0)
#: the products the regional carries: the main warehouse's best sellers
REGIONAL_PRODUCTS = 5
#: days each measured transfer from the main warehouse took
TRANSFER_DAYS = (2, 3, 2, 3)


class WmsDemoLoader(models.AbstractModel):
    """A regional warehouse resupplied by the main one (Odoo's resupply route): twelve
    weeks of its own customers' demand for five best sellers, four measured transfers, its
    stock (two products about to run short), then the policy run on both for those five:
    the network plan on their reorder rules and rebalancing proposals. Deterministic for
    a given day (the scenario's), and a second's work."""

    _inherit = "wms.demo.loader"

    def _load_network(self, sc, warehouse, ref):
        env = self.env
        regional = env["stock.warehouse"].create(
            {"name": "North Regional DC", "code": "NRD",
             "resupply_wh_ids": [(6, 0, warehouse.ids)],
             "policy_transfer_cost": 40.0, "policy_transfer_cost_per_unit": 0.2}
        )  # fmt: skip
        sold = Counter()
        for delivery in sc.deliveries:
            for line in delivery.lines:
                sold[line.product_code] += line.shipped_qty
        days_seen = max(len({d.date for d in sc.deliveries}), 1)
        best = [code for code, _qty in sorted(sold.items(), key=lambda kv: (-kv[1], kv[0]))]
        best = best[:REGIONAL_PRODUCTS]
        products = env["product.product"].union(*(ref["products"][code] for code in best))
        rate = {ref["products"][code].id: sold[code] / days_seen / 2.0 for code in best}
        self._regional_history(regional, products, rate, sc.today)
        self._regional_transfers(warehouse, regional, products[:1], sc.today)
        quants = env["stock.quant"]
        for i, product in enumerate(products):
            # the first two hold two days of demand: they run short before a receipt
            days = 2 if i < 2 else 20
            quants._update_available_quantity(
                product, regional.lot_stock_id, round(rate[product.id] * days)
            )
            # the main warehouse holds enough to give
            quants._update_available_quantity(
                product, warehouse.lot_stock_id, round(rate[product.id] * 2 * 60)
            )
        env["stock.policy.run"]._execute(warehouse | regional, products=products)
        return regional

    def _regional_history(self, regional, products, rate, today):
        """The regional's shipments to its customers, one move a product a day: recorded
        done (what the history reader reads), not posted — no quant moves, the regional's
        stock is set apart (posting them through the put-away would take a minute)."""
        columns = self.env["stock.policy.history"]._week_columns(REGIONAL_WEEKS, today)
        customers = self.env.ref("stock.stock_location_customers")
        moves = []
        for d in range(REGIONAL_WEEKS * 7):
            day = columns[0] + timedelta(days=d)
            for i, product in enumerate(products):
                # a fixed ripple around the weekday's share: demand that varies
                ripple = 1.0 + 0.25 * (((d * 3 + i * 7) % 5) - 2) / 2.0
                qty = round(rate[product.id] * WEEKDAY[day.weekday()] * ripple)
                if qty > 0:
                    moves.append(
                        {"name": product.name, "product_id": product.id,
                         "product_uom_qty": qty,
                         "location_id": regional.lot_stock_id.id,
                         "location_dest_id": customers.id, "state": "done",
                         "date": datetime.combine(day, time(14, 0))}
                    )  # fmt: skip
        self.env["stock.move"].create(moves)

    def _regional_transfers(self, warehouse, regional, product, today):
        """Done resupplies main -> transit -> regional, each received ``TRANSFER_DAYS``
        after it was ordered: the lead time the network plan measures."""
        env = self.env
        transit = warehouse.company_id.internal_transit_location_id
        today = datetime.combine(today, time(9, 0))
        for i, days in enumerate(TRANSFER_DAYS):
            received = today - timedelta(days=7 * (i + 1))
            common = {"name": "Resupply NRD", "product_id": product.id, "product_uom_qty": 20,
                      "state": "done"}  # fmt: skip
            out = env["stock.move"].create(
                {**common, "location_id": warehouse.lot_stock_id.id,
                 "location_dest_id": transit.id, "date": received - timedelta(days=days)}
            )  # fmt: skip
            env["stock.move"].create(
                {**common, "location_id": transit.id,
                 "location_dest_id": regional.lot_stock_id.id, "date": received,
                 "move_orig_ids": [(6, 0, out.ids)]}
            )  # fmt: skip
            env.flush_all()
            env.cr.execute(
                "UPDATE stock_move SET create_date = %s WHERE id = %s",
                [received - timedelta(days=days), out.id],
            )
        env.invalidate_all()
