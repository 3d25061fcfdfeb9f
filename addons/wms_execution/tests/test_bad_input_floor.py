# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The floor settings' bad inputs (wave and cart limits, carrying rate, scorecard
thresholds, a scorecard export of figures a newer run replaced): refused with a clear
sentence, nothing changed."""

from odoo.addons.stock_policy.tests.bad_input import REFUSED, BadInputCase
from odoo.tests import new_test_user, tagged

WAVES = ["wms_cart_max_totes", "wms_batch_max_lines", "wms_zone_min_zones", "wms_carrying_rate"]


@tagged("post_install", "-at_install")
class TestFloorBadInput(BadInputCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.manager = new_test_user(env, login="floor_mgr_bad", groups="stock.group_stock_manager")
        cls.supervisor = new_test_user(
            env, login="floor_sup_bad", groups="wms_execution.group_wms_supervisor"
        )
        cls.warehouse = env["stock.warehouse"].create({"name": "Floor Bad DC", "code": "FBD"})
        specs = env["wms.kpi.value"]._kpi_specs()
        cls.kpi = next(code for code, spec in specs.items() if spec.higher_is_better)
        cls.threshold = env["wms.kpi.threshold"].create(
            {"kpi": cls.kpi, "warehouse_id": cls.warehouse.id, "good": 0.95, "warn": 0.9}
        )

    def _state(self):
        return (
            self.warehouse.read(WAVES),
            self.env["wms.kpi.threshold"].search_read([], ["good", "warn"]),
            self.env["ir.attachment"].search_count([("mimetype", "like", "spreadsheet")]),
        )

    def test_bad_floor_settings_are_refused_clearly(self):
        warehouse = self.warehouse.with_user(self.manager)
        threshold = self.threshold.with_user(self.supervisor)
        figures = self.env["wms.kpi.value"].with_user(self.supervisor).browse(2**31 - 1)
        rows = [
            ("cart of -1 totes", REFUSED, "A cart must take more than 0 totes",
             lambda: warehouse.write({"wms_cart_max_totes": -1})),
            ("batch of -1 lines", REFUSED, "must be positive line counts",
             lambda: warehouse.write({"wms_batch_max_lines": -1})),
            ("zone picking from 0 zones", REFUSED, "at least 1 zone",
             lambda: warehouse.write({"wms_zone_min_zones": 0})),
            ("carrying rate 150 %", REFUSED, "between 0 and 100",
             lambda: warehouse.write({"wms_carrying_rate": 150})),
            ("watch above target", REFUSED, "must not be above 'On Target At'",
             lambda: threshold.write({"warn": 0.99})),
            ("scorecard export of gone figures", REFUSED, "are gone",
             lambda: figures.action_export_xlsx()),
        ]  # fmt: skip
        self.check_catalogue(rows, self._state)
