# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Loads the generated demo warehouse (``stockops.scenario``) into Odoo in bulk.

The story: *Main Distribution Center*, an industrial-supplies distributor. Six months
of purchase receipts and customer deliveries are posted through Odoo's own stock moves
(so quants, valuation layers and the hand-off ledger are real), then backdated; the
80 weeks before them come as the previous ERP's weekly demand export; the stock is put
away into the racks; open sale orders wait to be waved.

Set ``STOCKOPS_DEMO_SIZE`` (small, default, large) before installing to pick the size.
"""

import logging
import os
import time

from odoo import api, fields, models

from stockops import scenario as scenario_mod

_logger = logging.getLogger(__name__)

#: system parameter holding the demo's today (:meth:`WmsDemoLoader._demo_day`)
DEMO_DAY = "stockops.demo_day"

SHOW_GROUPS = (
    "stock.group_stock_multi_locations",
    "stock.group_adv_location",
    "product.group_stock_packaging",
)


class WmsDemoLoader(models.AbstractModel):
    _name = "wms.demo.loader"
    _description = "stockops demo warehouse loader"

    @api.model
    def _demo_scenario(self, size=None):
        """The generated demo warehouse every loader of this database reads: one scenario,
        as of :meth:`_demo_day`, whichever module loads it and whenever."""
        size = size or os.environ.get("STOCKOPS_DEMO_SIZE") or "default"
        return scenario_mod.generate(size=size, today=self._demo_day())

    @api.model
    def _demo_day(self):
        """The demo's today: the main warehouse's day when the first loader ran, kept in a
        system parameter. Each module's loader generates the scenario again; an install
        that crossed the site's midnight gave two of them two different stories (tasks
        timed from one, hand-offs posted by the other)."""
        params = self.env["ir.config_parameter"].sudo()
        kept = params.get_param(DEMO_DAY)
        if kept:
            return fields.Date.to_date(kept)
        day = self.env.ref("stock.warehouse0")._site_today()
        params.set_param(DEMO_DAY, fields.Date.to_string(day))
        return day

    @api.model
    def _load(self, size=None):
        size = size or os.environ.get("STOCKOPS_DEMO_SIZE") or "default"
        # thousands of historical documents: no chatter messages or followers for them, and
        # no delivery text message to the demo customers (stock_sms sends one per delivery)
        self = self.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True,
            mail_notrack=True, skip_sms=True,
        )  # fmt: skip
        warehouse = self.env.ref("stock.warehouse0")
        if warehouse.wms_aisle_ids:
            # -i on an installed module reloads demo files: the warehouse is already built
            _logger.info(
                "stockops demo: %s already has its layout, not loaded again", warehouse.name
            )
            return False
        started = time.monotonic()
        sc = self._demo_scenario(size)
        warehouse.write(
            {"name": sc.warehouse_name, "wms_directed_putaway": True, "wms_receiving_rules": True,
             # its orders are heavy (the top tenth over 570 kg): pallet-sized picking carts
             "wms_cart_max_weight_kg": 300.0, "wms_cart_max_volume_m3": 1.5}
        )  # fmt: skip
        self._show_features()
        ref = self._timed("master data", self._load_master_data, sc)  # master_data.py
        # the history is not floor work: no exceptions or event counts for it
        history = self.with_context(wms_history_import=True)
        self._timed("history", history._load_history, sc, warehouse, ref)  # history.py
        ref["bins"] = self._timed("layout", self._load_layout, sc, warehouse)  # layout.py
        self._timed("put-away", self._put_stock_away, sc, warehouse, ref)  # stock.py
        self._timed("open orders", self._load_open_orders, sc, ref)
        self._timed("distances", warehouse.action_wms_compute_travel)
        self._timed("floor work", self._load_floor_weeks, sc, warehouse, ref)  # floor_week.py
        self._timed("notices", self._load_notices, sc, warehouse, ref)  # notices.py
        self._timed("rfid", self._load_rfid_demo, sc, warehouse, ref)  # rfid.py
        self._timed("network", self._load_network, sc, warehouse, ref)  # network.py
        _logger.info(
            "stockops demo (%s): %d bins, %d products, %d receipts, %d deliveries in %.0f s",
            size,
            len(sc.bins),
            len(sc.products),
            len(sc.purchase_orders),
            len(sc.deliveries),
            time.monotonic() - started,
        )
        return True

    def _timed(self, step, func, *args):
        started = time.monotonic()
        result = func(*args)
        _logger.info("stockops demo: %s in %.1f s", step, time.monotonic() - started)
        return result

    def _show_features(self):
        user_group = self.env.ref("base.group_user")
        user_group.write({"implied_ids": [(4, self.env.ref(xmlid).id) for xmlid in SHOW_GROUPS]})
